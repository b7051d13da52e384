import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/proposals";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { can, placedUnit } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, parseWith } from "~/lib/forms";
import { formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { pageTitle } from "~/lib/meta";
import { CsrfField, ErrorSummary, SelectField } from "~/components/forms";
import { announcedCompetitions } from "~/modules/competitions/queries.server";
import { isStageOpen, registrationStage } from "~/modules/competitions/config-values";
import { timeLeft } from "~/modules/competitions/public.server";
import { enterableInnovations, listProposals, proposalCounts } from "~/modules/proposals/queries.server";
import { agencyInvitations } from "~/modules/competitions/invitations.server";
import { createProposal } from "~/modules/proposals/create-proposal.server";
import { NewProposalSchema } from "~/modules/proposals/schemas";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "proposals.title");

// The agency's people see their own proposals; the secretariat sees every agency's.
function scope(actor: ReturnType<typeof requireUser>) {
  if (actor.role === "national_admin") return { agencyId: null };
  if (actor.agencyId && ["agency_admin", "unit_operator", "agency_head"].includes(actor.role)) return { agencyId: actor.agencyId };
  throw new AppError("forbidden", "errors.forbidden");
}

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const { agencyId } = scope(actor);
  const { db } = services(context);
  const editions = await announcedCompetitions(db);
  const wanted = new URL(request.url).searchParams.get("kompetisi");
  const now = new Date();
  const current = editions.find((c) => c.slug === wanted) ?? editions.find((c) => registrationStage(c.config) && isStageOpen(registrationStage(c.config)!, now)) ?? editions[0];
  const registration = current ? registrationStage(current.config) : undefined;
  const open = Boolean(registration && isStageOpen(registration, now));
  const canCreate = agencyId !== null && can(actor, "proposal.create", { agencyId }).ok;
  const [list, counts, innovations, invitations] = current
    ? await Promise.all([
        listProposals(db, { competitionId: current.id, agencyId }),
        proposalCounts(db, current.id, agencyId),
        canCreate && open ? enterableInnovations(db, agencyId!, placedUnit(actor)) : [],
        agencyId !== null ? agencyInvitations(db, current.id, agencyId) : [],
      ])
    : [[], {}, [], []];
  return {
    editions: editions.map((c) => ({ slug: c.slug, name: c.name })),
    current: current ? { slug: current.slug, name: current.name, groups: current.config.groups, categories: current.config.categories, deadline: registration?.closesAt ?? null } : null,
    // Once results are announced, the agency that took part reads them and may object there.
    resultsLink: current && agencyId !== null && (current.state === "provisional" || current.state === "final") && list.some((p) => p.state === "submitted") ? `/kelola/kompetisi/${current.slug}/keberatan` : null,
    open,
    left: registration && open ? timeLeft(registration.closesAt, now) : null,
    canCreate: canCreate && open,
    list,
    counts,
    innovations,
    invitations: invitations.map((i) => ({ innovation: i.innovation, groupCode: i.groupCode, group: current?.config.groups.find((g) => g.code === i.groupCode)?.name ?? i.groupCode })),
  };
});

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  // Who may enter proposals is decided before anything sent is read.
  if (!actor.agencyId || !can(actor, "proposal.create", { agencyId: actor.agencyId }).ok) throw new AppError("forbidden", "errors.forbidden");
  const t = translator(requestInfo(context).locale);
  const values = formToObject(await request.formData());
  const parsed = parseWith(NewProposalSchema, values, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  try {
    const row = await createProposal(services(context).db, actor, parsed.data);
    return redirect(`/kelola/proposal/${row.id}?pesan=dibuat`);
  } catch (e) {
    if (e instanceof AppError && e.fields) {
      return data({ errors: appErrorFields(e, t), values }, { status: e.status });
    }
    throw e;
  }
});

export default function Proposals({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const { current, list, counts, left } = loaderData;
  const a = actionData as { errors?: Record<string, string>; values?: Record<string, unknown> } | undefined;
  const v = (k: string) => (a?.values?.[k] === undefined ? "" : String(a.values[k]));
  return (
    <>
      <h1>{t("proposals.title")}</h1>
      <p>{t("proposals.intro")}</p>
      {loaderData.editions.length > 1 ? (
        <Form method="get" className="inline-form">
          <label htmlFor="kompetisi">{t("proposals.field.competition")}</label>{" "}
          <select id="kompetisi" name="kompetisi" defaultValue={current?.slug}>
            {loaderData.editions.map((c) => (
              <option key={c.slug} value={c.slug}>{c.name}</option>
            ))}
          </select>{" "}
          <button type="submit" className="link-button">{t("common.filter")}</button>
        </Form>
      ) : null}
      {!current ? (
        <p>{t("proposals.noOpen")}</p>
      ) : (
        <>
          <h2>{current.name}</h2>
          {current.deadline ? (
            <p className="deadline">
              {t("proposals.deadline", { when: formatInstant(locale, current.deadline, zone) })}
              {left ? <> · {t("proposals.deadlineLeft", { days: left.days, hours: left.hours })}</> : null}
            </p>
          ) : null}
          {loaderData.resultsLink ? (
            <p>
              <Link to={loaderData.resultsLink}>{t("results.objectTitle")}</Link>
            </p>
          ) : null}
          {loaderData.invitations.length ? (
            <section aria-labelledby="invitations-title">
              <h2 id="invitations-title">{t("proposals.invitations")}</h2>
              <ul>
                {loaderData.invitations.map((i) => (
                  <li key={`${i.group}:${i.innovation}`}>{t("proposals.invitedTo", { innovation: i.innovation, group: i.group })}</li>
                ))}
              </ul>
            </section>
          ) : null}
          <p className="muted">
            {t("proposals.counts", {
              draft: (counts.draft ?? 0) + (counts.returned ?? 0),
              review: counts.agency_review ?? 0,
              endorse: counts.awaiting_endorsement ?? 0,
              submitted: counts.submitted ?? 0,
            })}
          </p>
          {list.length ? (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("proposals.col.title")}</th>
                  <th scope="col">{t("proposals.col.agency")}</th>
                  <th scope="col">{t("proposals.col.state")}</th>
                  <th scope="col">{t("proposals.col.receipt")}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((p) => (
                  <tr key={p.id}>
                    <td><Link to={`/kelola/proposal/${p.id}`}>{p.title}</Link></td>
                    <td>{p.agencyName}</td>
                    <td>{t(`proposals.state.${p.state}`)}</td>
                    <td>{p.receiptNumber ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t("proposals.none")}</p>
          )}
          {loaderData.canCreate ? (
            <>
              <h2>{t("proposals.new")}</h2>
              {loaderData.innovations.length ? (
                <>
                  <ErrorSummary errors={a?.errors} />
                  <Form method="post" className="narrow">
                    <CsrfField />
                    <input type="hidden" name="competition" value={current.slug} />
                    <SelectField
                      name="innovationId"
                      label={t("proposals.field.innovation")}
                      hint={t("proposals.field.innovationHint")}
                      required
                      options={loaderData.innovations.map((i) => ({ value: String(i.id), label: i.acronym ? `${i.name} (${i.acronym})` : i.name }))}
                      defaultValue={v("innovationId")}
                      error={a?.errors?.innovationId}
                    />
                    <SelectField
                      name="groupCode"
                      label={t("proposals.field.group")}
                      required
                      options={current.groups
                        // A group by invitation is offered only to an agency that has one.
                        .filter((g) => g.kind !== "khusus" || loaderData.invitations.some((i) => i.groupCode === g.code))
                        .map((g) => ({ value: g.code, label: g.kind === "khusus" ? t("proposals.groupByInvitation", { group: g.name }) : g.name }))} defaultValue={v("groupCode")} error={a?.errors?.groupCode} />
                    <SelectField name="categoryCode" label={t("proposals.field.category")} required options={current.categories.map((c) => ({ value: c.code, label: c.name }))} defaultValue={v("categoryCode")} error={a?.errors?.categoryCode} />
                    <button type="submit" className="button">{t("proposals.create")}</button>
                  </Form>
                </>
              ) : (
                <p>{t("proposals.noInnovations")}</p>
              )}
            </>
          ) : null}
        </>
      )}
    </>
  );
}
