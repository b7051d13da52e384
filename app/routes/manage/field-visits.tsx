// A field-verification stage (the secretariat's): every entrant with its visiting team (the
// stage's assignments), a warning when a team lacks a panelist or an evaluator, the visit date,
// and where the team's report stands.
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/field-visits";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { formToObject, idOf, parseWith } from "~/lib/forms";
import { formatDate, formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, fieldId } from "~/components/forms";
import { reportStatus } from "~/modules/stages/field-team";
import { fieldVisitsView } from "~/modules/stages/field-visit-queries.server";
import { visitDateSchema } from "~/modules/stages/schemas";
import { setVisitDate } from "~/modules/stages/set-visit-date.server";
import { stageOfKind } from "~/modules/stages/stage-of-kind";
import { secretariatEdition } from "~/modules/competitions/edition.server";
import { FindingSummary, IndicatorComparison } from "~/modules/stages/ui/indicator-checks";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.stage.name} · ${data.name} · Lumbung` : "Lumbung" }];

async function load(context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const { actor, row } = await secretariatEdition(context, params.slug);
  // Only a field-verification stage has visits: any other stage code is 404.
  const stage = stageOfKind(row.config, params.stage, "field_verification");
  return { actor, row, stage };
}

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { row, stage } = await load(context, params);
  const view = await fieldVisitsView(services(context).db, { id: row.id, config: row.config }, stage.code);
  const sp = new URL(request.url).searchParams;
  return {
    slug: row.slug,
    name: row.name,
    stage: { code: stage.code, name: stage.name, opensAt: stage.opensAt, closesAt: stage.closesAt },
    rows: view.rows.map((r) => ({
      ...r,
      visit: r.visit
        ? {
            visitDate: r.visit.visitDate,
            submittedAt: r.visit.submittedAt?.toISOString() ?? null,
            reopened: r.visit.reopenedAt !== null,
            verified: r.visit.verified,
            status: reportStatus(r.visit),
            // Claimed beside verified, once the team has submitted (a draft may still change).
            indicatorChecks: r.visit.submittedAt ? r.visit.indicatorChecks : null,
          }
        : null,
    })),
    incomplete: view.rows.filter((r) => r.gaps.panelist || r.gaps.evaluator).length,
    submitted: view.rows.filter((r) => r.visit?.submittedAt).length,
    message: sp.get("pesan"),
  };
});

type ActionReply = { errors?: Record<string, string>; values?: Record<string, string> };

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row, stage } = await load(context, params);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  if (form.get("_intent") !== "date") throw new AppError("invalid", "errors.invalid");
  const values = formToObject(form);
  const proposalId = idOf(values.proposal);
  if (!proposalId) throw new AppError("invalid", "errors.invalid");
  const field = `v${proposalId}.visitDate`;
  const typed = { [field]: typeof values.visitDate === "string" ? values.visitDate : "" };
  const parsed = parseWith(visitDateSchema, values, t);
  if (!parsed.ok) return data<ActionReply>({ errors: { [field]: parsed.errors.visitDate ?? t("errors.invalid") }, values: typed }, { status: 400 });
  await setVisitDate(services(context).db, actor, { id: row.id, config: row.config }, stage.code, proposalId, parsed.data.visitDate);
  return redirect(`/kelola/kompetisi/${row.slug}/tahap/${stage.code}/verifikasi?pesan=tanggal#p-${proposalId}`);
});

export default function FieldVisits({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const a = actionData as ActionReply | undefined;
  const labels = Object.fromEntries(d.rows.map((r) => [`v${r.proposalId}.visitDate`, t("stages.visits.dateFor", { title: r.title })]));
  return (
    <>
      <p className="muted">
        <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link>
      </p>
      <h1>{t("stages.visits.title", { stage: d.stage.name })}</h1>
      <p className="deadline">{t("stages.schedule.window", { opens: formatInstant(locale, d.stage.opensAt, zone), closes: formatInstant(locale, d.stage.closesAt, zone) })}</p>
      <p>{t("stages.visits.totals", { n: d.rows.length, submitted: d.submitted })}</p>
      <p className="hint">{t("stages.visits.rule")}</p>
      {d.message === "tanggal" ? <p className="notice" role="status">{t("stages.visits.dateSaved")}</p> : null}
      {d.incomplete ? (
        <p className="notice notice-warning">
          <strong className="error-message">{t("stages.visits.incomplete", { n: d.incomplete })}</strong>{" "}
          <Link to={`/kelola/kompetisi/${d.slug}/tahap/${d.stage.code}/penugasan`}>{t("stages.visits.toAssignment")}</Link>
        </p>
      ) : null}
      <ErrorSummary errors={a?.errors} labels={labels} />
      {d.rows.length ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("stages.col.proposal")}</th>
                <th scope="col">{t("stages.col.agency")}</th>
                <th scope="col">{t("stages.col.team")}</th>
                <th scope="col">{t("stages.col.visitDate")}</th>
                <th scope="col">{t("stages.col.report")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => {
                const name = `v${r.proposalId}.visitDate`;
                const id = fieldId(name);
                const error = a?.errors?.[name];
                const value = a?.values?.[name] ?? r.visit?.visitDate ?? "";
                return (
                  <tr key={r.proposalId} id={`p-${r.proposalId}`}>
                    <th scope="row">
                      {r.receipt ? <span className="muted">{r.receipt} · </span> : null}
                      {r.title}
                    </th>
                    <td>{r.agency}</td>
                    <td>
                      {r.team.length ? (
                        <ul>
                          {r.team.map((m) => (
                            <li key={m.id}>
                              {m.name} <span className="muted">({t(`stages.role.${m.role === "panelist" ? "panelist" : "evaluator"}`)})</span>
                            </li>
                          ))}
                        </ul>
                      ) : (
                        <p>{t("stages.visits.noTeam")}</p>
                      )}
                      {r.gaps.panelist ? <strong className="error-message">{t("stages.visits.noPanelist")}</strong> : null}
                      {r.gaps.panelist && r.gaps.evaluator ? <br /> : null}
                      {r.gaps.evaluator ? <strong className="error-message">{t("stages.visits.noEvaluator")}</strong> : null}
                    </td>
                    <td>
                      <Form method="post" className={error ? "inline-form field-error" : "inline-form"}>
                        <CsrfField />
                        <input type="hidden" name="_intent" value="date" />
                        <input type="hidden" name="proposal" value={r.proposalId} />
                        <label htmlFor={id} className="visually-hidden">{labels[name]}</label>
                        {error ? <p className="error-message" id={`${id}-error`}>{error}</p> : null}
                        <input id={id} name="visitDate" type="date" defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />{" "}
                        <button type="submit" className="button secondary">{t("stages.visits.saveDate")}<span className="visually-hidden"> {r.title}</span></button>
                      </Form>
                      {r.visit?.visitDate ? <span className="muted">{formatDate(locale, r.visit.visitDate)}</span> : null}
                    </td>
                    <td>
                      {r.visit?.status === "submitted" ? (
                        <strong>{t(r.visit.verified ? "stages.report.state.verified" : "stages.report.state.notVerified")}</strong>
                      ) : (
                        t(`stages.report.state.${r.visit?.status ?? "none"}`)
                      )}
                      {r.visit?.reopened && r.visit.status !== "submitted" ? <span className="muted"> ({t("stages.report.state.reopened")})</span> : null}
                      {r.visit?.indicatorChecks ? (
                        <>
                          <br />
                          <FindingSummary checks={r.visit.indicatorChecks} />
                          {r.visit.indicatorChecks.length ? (
                            <details>
                              <summary>{t("stages.indicators.compare")}<span className="visually-hidden"> {r.title}</span></summary>
                              <IndicatorComparison checks={r.visit.indicatorChecks} caption={t("stages.indicators.compareFor", { title: r.title })} />
                            </details>
                          ) : null}
                        </>
                      ) : null}
                      <br />
                      <Link to={`/kelola/verifikasi/${d.slug}/${d.stage.code}/${r.proposalId}`}>{t("stages.visits.openReport")}<span className="visually-hidden"> {r.title}</span></Link>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("stages.schedule.noEntrants")}</p>
      )}
    </>
  );
}
