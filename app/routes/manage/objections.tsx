import { data, Form, Link, redirect } from "react-router";
import { and, eq } from "drizzle-orm";
import type { Route } from "./+types/objections";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan, can } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, parseWith } from "~/lib/forms";
import { formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, SelectField, TextArea } from "~/components/forms";
import { proposals } from "~/db/schema";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { objectionDeadline } from "~/modules/results/awards";
import { fileObjection, ObjectionSchema } from "~/modules/results/manage-results.server";
import { editionAwards, editionObjections } from "~/modules/results/queries.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.name} · Lumbung` : "Lumbung" }];

async function load(context: Route.LoaderArgs["context"], slug: string) {
  const actor = requireUser(context);
  const { db } = services(context);
  const row = await competitionBySlug(db, slug);
  if (!row || row.state === "draft") throw new AppError("not-found", "errors.notFound");
  const agencyId = actor.kind === "user" ? actor.agencyId : null;
  const [took] = agencyId
    ? await db.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.competitionId, row.id), eq(proposals.agencyId, agencyId), eq(proposals.state, "submitted"))).limit(1)
    : [];
  const tookPart = Boolean(took);
  assertCan(actor, "results.viewProvisional", { tookPart });
  return { actor, row, tookPart, agencyId };
}

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { actor, row, tookPart, agencyId } = await load(context, params.slug);
  const { db, receivedAt } = services(context);
  const visible = row.state === "provisional" || row.state === "final";
  const until = row.provisionalAt ? objectionDeadline(row.provisionalAt, row.config.objectionDays) : null;
  const open = row.state === "provisional" && until !== null && receivedAt.getTime() < until.getTime();
  const categoryName = new Map(row.config.categories.map((c) => [c.code, c.name]));
  const tierName = new Map(row.config.tiers.map((c) => [c.code, c.name]));
  const awards = visible ? await editionAwards(db, row) : [];
  const entries = visible
    ? await db.select({ id: proposals.id, title: proposals.title, receipt: proposals.receiptNumber }).from(proposals).where(and(eq(proposals.competitionId, row.id), eq(proposals.state, "submitted"))).orderBy(proposals.receiptNumber)
    : [];
  return {
    slug: row.slug,
    name: row.name,
    state: row.state,
    until: until?.toISOString() ?? null,
    open,
    canObject: open && can(actor, "results.object", { tookPart }).ok,
    awards: awards.map((a) => ({ id: a.id, tier: tierName.get(a.tierCode) ?? a.tierCode, title: a.title, agency: a.agency, category: categoryName.get(a.categoryCode) ?? a.categoryCode })),
    entries,
    mine: agencyId ? (await editionObjections(db, row.id, agencyId)).map((o) => ({ ...o, createdAt: o.createdAt.toISOString(), decidedAt: o.decidedAt?.toISOString() ?? null })) : [],
    sent: new URL(request.url).searchParams.get("pesan") === "terkirim",
  };
});

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row, tookPart } = await load(context, params.slug);
  assertCan(actor, "results.object", { tookPart });
  const { db, receivedAt } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const raw = formToObject(form);
  const parsed = parseWith(ObjectionSchema, { ...raw, proposalId: raw.proposalId === "" ? undefined : raw.proposalId }, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    await fileObjection(db, actor, row.id, parsed.data, receivedAt.getTime());
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      return data({ errors: appErrorFields(e, t), values: parsed.values }, { status: e.status });
    }
    throw e;
  }
  return redirect(`/kelola/kompetisi/${row.slug}/keberatan?pesan=terkirim`);
});

export default function Objections({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const failed = actionData as { errors?: Record<string, string>; values?: Record<string, unknown> } | undefined;
  const errors = failed?.errors;
  const at = (iso: string | null) => (iso ? formatInstant(locale, iso, zone) : "");
  return (
    <>
      <p className="muted">
        <Link to="/kelola/proposal">{t("proposals.title")}</Link> › {d.name}
      </p>
      <h1 id="objections-title">{t("results.objectTitle")}</h1>
      {d.sent ? <p className="notice" role="status">{t("results.objectSent")}</p> : null}
      {d.state === "announced" ? <p>{t("results.objectNotYet")}</p> : d.open ? <p>{t("results.objectIntro", { until: at(d.until) })}</p> : <p>{t("results.objectClosed", { until: at(d.until) })}</p>}
      {d.state === "final" ? <p><Link to={`/kompetisi/${d.slug}/hasil`}>{t("results.publicPage")}</Link></p> : null}
      <ErrorSummary errors={errors} labels={{ proposalId: t("results.objectProposal"), reason: t("results.objectReason") }} />

      {d.awards.length ? (
        <TableScroll labelledBy="objections-title">
          <table>
            <caption>{t("results.awards")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("results.col.tier")}</th>
                <th scope="col">{t("results.col.innovation")}</th>
                <th scope="col">{t("results.col.agency")}</th>
                <th scope="col">{t("results.col.category")}</th>
              </tr>
            </thead>
            <tbody>
              {d.awards.map((a) => (
                <tr key={a.id}>
                  <td>{a.tier}</td>
                  <th scope="row">{a.title}</th>
                  <td>{a.agency}</td>
                  <td>{a.category}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : null}

      {d.canObject ? (
        <section>
          <h2>{t("results.objectForm")}</h2>
          <Form method="post" className="narrow">
            <CsrfField />
            <SelectField
              name="proposalId"
              label={t("results.objectProposal")}
              emptyLabel={t("results.objection.general")}
              options={d.entries.map((e) => ({ value: String(e.id), label: `${e.receipt ?? ""} ${e.title}` }))}
              defaultValue={String(failed?.values?.proposalId ?? "")}
              error={errors?.proposalId}
            />
            <TextArea name="reason" label={t("results.objectReason")} hint={t("results.objectReasonHint")} required rows={6} maxLength={4000} defaultValue={String(failed?.values?.reason ?? "")} error={errors?.reason} />
            <button type="submit" className="button">{t("results.objectSend")}</button>
          </Form>
        </section>
      ) : null}

      {d.mine.length ? (
        <section>
          <h2>{t("results.mine")}</h2>
          {d.mine.map((o) => (
            <article key={o.id} className="card">
              <h3>{o.title ? t("results.objection.about", { title: o.title }) : t("results.objection.general")}</h3>
              <p className="hint">{at(o.createdAt)} · {t(`results.objection.state.${o.state}`)}</p>
              <p className="prose-text">{o.reason}</p>
              {o.response ? <p><strong>{t("results.answer")}:</strong> {o.response}</p> : null}
            </article>
          ))}
        </section>
      ) : null}
    </>
  );
}
