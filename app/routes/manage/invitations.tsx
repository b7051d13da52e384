// The secretariat's invitations to the special group: earlier winners still running, chosen by
// hand, told by mail; the invited list with each invitation's proposal, withdrawable until the
// innovation has been submitted in that group.
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/invitations";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, parseWith } from "~/lib/forms";
import { formatDate, formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, SelectField, TextField } from "~/components/forms";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { editionInvitations, invitationCandidates, invitedGroups, InviteSchema, inviteToGroup, openForInvitations, withdrawInvitation } from "~/modules/competitions/invitations.server";
import { isOwnKey } from "~/lib/own";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.name} · Lumbung` : "Lumbung" }];

// Earlier winners "running for more than 5 years" is the programme's rule of thumb; the
// secretariat may look wider or narrower.
const DEFAULT_MIN_YEARS = 5;

async function load(context: Route.LoaderArgs["context"], slug: string) {
  const actor = requireUser(context);
  assertCan(actor, "competition.manage");
  const row = await competitionBySlug(services(context).db, slug);
  if (!row) throw new AppError("not-found", "errors.notFound");
  return { actor, row };
}

const yearsFrom = (url: URL) => {
  const v = url.searchParams.get("tahun");
  const n = v === null || v === "" ? DEFAULT_MIN_YEARS : Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 80 ? n : DEFAULT_MIN_YEARS;
};

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { row } = await load(context, params.slug);
  const { db, receivedAt } = services(context);
  const url = new URL(request.url);
  const minYears = yearsFrom(url);
  const groups = invitedGroups(row.config);
  const open = openForInvitations(row, receivedAt);
  const [candidates, invited] = groups.length ? await Promise.all([invitationCandidates(db, row, minYears, receivedAt), editionInvitations(db, row.id)]) : [[], []];
  return {
    slug: row.slug,
    name: row.name,
    groups: groups.map((g) => ({ code: g.code, name: g.name })),
    open,
    minYears,
    candidates,
    invited: invited.map((i) => ({ ...i, invitedAt: i.invitedAt.toISOString() })),
    message: url.searchParams.get("pesan"),
    count: Number(url.searchParams.get("n")) || 0,
    untold: Number(url.searchParams.get("m")) || 0,
  };
});

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row } = await load(context, params.slug);
  const { db, env, receivedAt } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const intent = String(form.get("_intent") ?? "");
  const back = `/kelola/kompetisi/${row.slug}/undangan`;
  // The candidates' filter stays as it was.
  const years = form.get("tahun");
  const keep = typeof years === "string" && /^\d{1,2}$/.test(years) ? `&tahun=${years}` : "";
  try {
    const withdrawing = /^withdraw:(\d{1,9})$/.exec(intent);
    if (withdrawing) {
      await withdrawInvitation(db, actor, row, Number(withdrawing[1]));
      return redirect(`${back}?pesan=dibatalkan${keep}`);
    }
    if (intent !== "invite") throw new AppError("invalid", "errors.invalid");
    const parsed = parseWith(InviteSchema, { innovationIds: [], ...formToObject(form) }, t);
    if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
    const { invited, untold } = await inviteToGroup(db, actor, row, parsed.data, { publicUrl: env.publicUrl, now: receivedAt });
    return redirect(`${back}?pesan=${!invited ? "sudah" : untold ? "diundangTanpaAkun" : "diundang"}&n=${invited}&m=${untold}${keep}`);
  } catch (e) {
    if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) {
      return data({ errors: appErrorFields(e, t) }, { status: e.status });
    }
    throw e;
  }
});

const NOTICES: Record<string, string> = { diundang: "invitations.invited", diundangTanpaAkun: "invitations.invitedNoAccount", sudah: "invitations.nothingNew", dibatalkan: "invitations.withdrawn" };

export default function Invitations({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const errors = (actionData as { errors?: Record<string, string> } | undefined)?.errors;
  const invitedIds = new Set(d.invited.map((i) => i.innovationId));
  const groupName = new Map(d.groups.map((g) => [g.code, g.name]));
  return (
    <>
      <p className="muted">
        <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link>
      </p>
      <h1>{t("invitations.title", { competition: d.name })}</h1>
      {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message], { n: d.count, m: d.untold })}</p> : null}
      <ErrorSummary errors={errors} labels={{ innovationIds: t("invitations.candidates"), groupCode: t("invitations.group") }} />
      {!d.groups.length ? (
        <p>{t("invitations.noGroup")}</p>
      ) : (
        <>
          <p>{t("invitations.intro", { group: d.groups.map((g) => g.name).join(", ") })}</p>

          <h2>{t("invitations.current")}</h2>
          {d.invited.length ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="tahun" value={d.minYears} />
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("invitations.col.innovation")}</th>
                    <th scope="col">{t("invitations.col.agency")}</th>
                    <th scope="col">{t("invitations.col.group")}</th>
                    <th scope="col">{t("invitations.col.invitedAt")}</th>
                    <th scope="col">{t("invitations.col.proposal")}</th>
                    <th scope="col"><span className="visually-hidden">{t("common.delete")}</span></th>
                  </tr>
                </thead>
                <tbody>
                  {d.invited.map((i) => (
                    <tr key={i.id}>
                      <th scope="row">{i.innovation}</th>
                      <td>{i.agency}</td>
                      <td>{groupName.get(i.groupCode) ?? i.groupCode}</td>
                      <td>{formatInstant(locale, i.invitedAt, zone)}</td>
                      <td>{i.proposalState ? t(`proposals.state.${i.proposalState}`) : t("invitations.noProposal")}</td>
                      <td>
                        {i.proposalState !== "submitted" ? (
                          <button type="submit" name="_intent" value={`withdraw:${i.id}`} className="link-button">{t("invitations.withdraw", { name: i.innovation })}</button>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Form>
          ) : (
            <p>{t("invitations.noneYet")}</p>
          )}

          <h2>{t("invitations.candidates")}</h2>
          <Form method="get" className="narrow">
            <TextField name="tahun" type="number" inputMode="numeric" label={t("invitations.minYears")} hint={t("invitations.minYearsHint")} defaultValue={d.minYears} required />
            <button type="submit" className="button secondary">{t("invitations.filter")}</button>
          </Form>
          {!d.open ? <p className="notice notice-warning">{t("invitations.closed")}</p> : null}
          {d.candidates.length ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="tahun" value={d.minYears} />
              <p className="muted">{t("invitations.candidatesCount", { n: d.candidates.length })}</p>
              <table id="f-innovationIds">
                <thead>
                  <tr>
                    <th scope="col">{t("invitations.col.choose")}</th>
                    <th scope="col">{t("invitations.col.innovation")}</th>
                    <th scope="col">{t("invitations.col.agency")}</th>
                    <th scope="col">{t("invitations.col.years")}</th>
                    <th scope="col">{t("invitations.col.awards")}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.candidates.map((c) => (
                    <tr key={c.innovationId}>
                      <td>
                        {invitedIds.has(c.innovationId) ? (
                          t("invitations.alreadyInvited")
                        ) : d.open ? (
                          <input type="checkbox" name="innovationIds[]" value={c.innovationId} aria-label={t("invitations.choose", { name: c.name })} />
                        ) : null}
                      </td>
                      <th scope="row">{c.acronym ? `${c.name} (${c.acronym})` : c.name}</th>
                      <td>{c.agency}</td>
                      <td>{c.years !== null && c.startedOn ? t("invitations.years", { n: c.years, since: formatDate(locale, c.startedOn) }) : t("invitations.unknownStart")}</td>
                      <td>{c.awards.map((a) => `${a.tier} (${a.edition})`).join("; ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {d.open ? (
                <>
                  <SelectField name="groupCode" label={t("invitations.group")} required options={d.groups.map((g) => ({ value: g.code, label: g.name }))} defaultValue={d.groups[0].code} error={errors?.groupCode} />
                  <button type="submit" name="_intent" value="invite" className="button">{t("invitations.invite")}</button>
                </>
              ) : null}
            </Form>
          ) : (
            <p>{t("invitations.none")}</p>
          )}
        </>
      )}
    </>
  );
}
