import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/plenary";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { appErrorFields, idOf } from "~/lib/forms";
import { formatNumber, translator, type MessageKey } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, fieldId } from "~/components/forms";
import { awaitedReviews, decideStage, stageRanking, type PlenaryDecision } from "~/modules/judging/plenary.server";
import type { ScoreBasis } from "~/modules/judging/rank";
import { secretariatEdition } from "~/modules/competitions/edition.server";
import { submittedIndicatorChecks } from "~/modules/stages/field-visit-queries.server";
import { FindingSummary, IndicatorComparison } from "~/modules/stages/ui/indicator-checks";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.stage.name} · ${data.name} · Lumbung` : "Lumbung" }];

const VIEWS = ["overall", "category", "group"] as const;
type View = (typeof VIEWS)[number];

const load = secretariatEdition;

const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { row } = await load(context, params.slug);
  const sp = new URL(request.url).searchParams;
  // The normalised basis is the panel's explicit choice, offered only when the edition computes it.
  const basis: ScoreBasis = row.config.scoring.normalise && sp.get("dasar") === "normal" ? "normalised" : "raw";
  const view: View = VIEWS.includes(sp.get("per") as View) ? (sp.get("per") as View) : "overall";
  const [r, awaited] = await Promise.all([stageRanking(services(context).db, row, params.stage, basis), awaitedReviews(services(context).db, row, params.stage)]);
  const categoryName = new Map(row.config.categories.map((c) => [c.code, c.name]));
  const groupName = new Map(row.config.groups.map((g) => [g.code, g.name]));
  const criterionName = new Map(r.scoredBy.criteria.map((c) => [c.code, c.name]));
  // A field verification's plenary (or one scored by it) reads each claim beside what the team
  // found on site (PROGRAMME.md: verification recorded beside the self-assessment).
  const fieldStage = r.stage.kind === "field_verification" ? r.stage.code : r.scoredBy.kind === "field_verification" ? r.scoredBy.code : null;
  const field = fieldStage ? await submittedIndicatorChecks(services(context).db, row.id, fieldStage) : null;
  return {
    slug: row.slug,
    name: row.name,
    stage: { code: r.stage.code, name: r.stage.name, kind: r.stage.kind, advancement: r.stage.advancement },
    scoredBy: r.scoredBy.code === r.stage.code ? null : r.scoredBy.name,
    normalise: row.config.scoring.normalise,
    basis,
    view,
    aggregate: row.config.scoring.aggregate,
    threshold: row.config.scoring.disagreementThreshold,
    shares: r.ranking.advancement.shares,
    skipped: r.ranking.skipped.length,
    awaited,
    // Announced results freeze the plenaries (judging-open.server.ts): shown read-only.
    locked: row.state === "provisional" || row.state === "final",
    fieldShown: field !== null,
    message: sp.get("pesan"),
    counts: { decided: Number(sp.get("n") ?? 0), overrides: Number(sp.get("o") ?? 0) },
    rows: r.rows.map(({ entrant: e, ranked: k, proposed: p, decision: d }) => ({
      id: e.id,
      receipt: e.receipt,
      title: e.title,
      agency: e.agency,
      agencyType: e.agencyType,
      east: e.zone === "WITA" || e.zone === "WIT",
      category: categoryName.get(e.categoryCode) ?? e.categoryCode,
      group: groupName.get(e.groupCode) ?? e.groupCode,
      rank: k.rank,
      reviews: k.reviews.length,
      score: round(k.score),
      normalised: round(k.normalisedScore),
      min: round(k.minReview),
      max: round(k.maxReview),
      disagreement: k.disagreement,
      // Why this proposal ranks above the next one, when the score alone does not tell.
      tie: k.aboveNextBy && k.aboveNextBy.by !== "score" ? { by: k.aboveNextBy.by, criterion: k.aboveNextBy.criterion ? (criterionName.get(k.aboveNextBy.criterion) ?? k.aboveNextBy.criterion) : null } : null,
      proposed: { advance: p.advance, reason: p.reason, share: p.share ?? null },
      decision: d ? { advances: d.advances, reason: d.reason, by: d.by, override: d.advances !== d.proposed } : null,
      field: field?.get(e.id) ?? null,
    })),
  };
});

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row } = await load(context, params.slug);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const basis: ScoreBasis = row.config.scoring.normalise && form.get("basis") === "normalised" ? "normalised" : "raw";
  const decisions: PlenaryDecision[] = [];
  for (const [key, value] of form.entries()) {
    const m = /^advances\.(\d+)$/.exec(key);
    const id = m ? idOf(m[1]) : null;
    if (!id || (value !== "1" && value !== "0")) continue;
    const reason = String(form.get(`reason.${id}`) ?? "").replace(/\u0000/g, "").trim().slice(0, 2000);
    decisions.push({ proposalId: id, advances: value === "1", reason });
  }
  try {
    const done = await decideStage(services(context).db, actor, row, params.stage, decisions, basis, { despiteAwaited: form.get("despiteAwaited") === "1" });
    return redirect(`/kelola/kompetisi/${row.slug}/tahap/${encodeURIComponent(params.stage)}/pleno?pesan=tersimpan&n=${done.decided}&o=${done.overrides}${basis === "normalised" ? "&dasar=normal" : ""}`);
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      const errors = appErrorFields(e, t);
      const sent = Object.fromEntries(decisions.map((d) => [d.proposalId, d]));
      return data({ errors, sent }, { status: e.status });
    }
    throw e;
  }
});

type Row = Route.ComponentProps["loaderData"]["rows"][number];

export default function Plenary({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const failed = actionData as { errors?: Record<string, string>; sent?: Record<string, PlenaryDecision> } | undefined;
  const errors = failed?.errors;
  const num = (x: number | null) => (x === null ? "—" : formatNumber(locale, x, { maximumFractionDigits: 2 }));
  const a = d.stage.advancement;
  const rule =
    a.rule === "all"
      ? t("plenary.rule.all")
      : a.rule === "top"
        ? t(`plenary.rule.top.${a.scope}`, { n: a.n ?? 0 })
        : t("plenary.rule.passing", { score: a.minScore ?? 0 });
  const sections: { title: string | null; rows: Row[] }[] =
    d.view === "overall"
      ? [{ title: null, rows: d.rows }]
      : [...new Set(d.rows.map((r) => (d.view === "category" ? r.category : r.group)))].map((title) => ({ title, rows: d.rows.filter((r) => (d.view === "category" ? r.category : r.group) === title) }));
  const proposedText = (r: Row) =>
    r.proposed.advance
      ? t(`plenary.proposed.${r.proposed.reason}` as MessageKey, { share: r.proposed.share ? shareLabel(r.proposed.share) : "" })
      : t(`plenary.stays.${r.proposed.reason}` as MessageKey, { share: r.proposed.share ? shareLabel(r.proposed.share) : "" });
  function shareLabel(s: string) {
    return s === "east" ? t("plenary.share.east") : t(`agencyType.${s}` as MessageKey);
  }
  return (
    <>
      <p className="muted no-print">
        <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link>
      </p>
      <h1>{t("plenary.title", { stage: d.stage.name })}</h1>
      <p>
        {d.name}. {t("plenary.ruleIs", { rule })}
        {a.minEastShare ? ` ${t("plenary.eastShare", { n: a.minEastShare })}` : ""}
        {a.minTypeShares.map((s) => ` ${t("plenary.typeShare", { type: t(`agencyType.${s.agencyType}` as MessageKey), n: s.share })}`).join("")}
      </p>
      {d.scoredBy ? <p className="hint">{t("plenary.scoredBy", { stage: d.scoredBy })}</p> : null}
      <p className="hint">
        {t(`plenary.aggregate.${d.aggregate}`)} {t("plenary.disagreement", { n: d.threshold })} {t("plenary.tieBreaks")}
      </p>
      {d.message === "tersimpan" ? <p className="notice" role="status">{t("plenary.saved", { n: d.counts.decided, o: d.counts.overrides })}</p> : null}
      {d.locked ? <p className="notice notice-warning">{t("judging.errors.resultsAnnounced")}</p> : null}
      {d.awaited && !d.locked ? <p className="notice notice-warning" role="status">{t("plenary.awaited", { n: d.awaited })}</p> : null}
      {d.skipped ? <p className="hint">{t("plenary.skipped", { n: d.skipped })}</p> : null}
      {/* Each row's errors are named after its proposal: a long table is not searched by eye. */}
      <ErrorSummary
        errors={errors}
        labels={Object.fromEntries(d.rows.flatMap((r) => [[`reason.${r.id}`, `${t("plenary.reason")} (${r.receipt ?? r.title})`], [`advances.${r.id}`, r.receipt ?? r.title]]))}
      />

      <Form method="get" className="inline-form filters no-print">
        <label htmlFor="per">{t("plenary.view")}</label>{" "}
        <select id="per" name="per" defaultValue={d.view}>
          {VIEWS.map((v) => (
            <option key={v} value={v}>{t(`plenary.view.${v}`)}</option>
          ))}
        </select>{" "}
        {d.normalise ? (
          <>
            <label htmlFor="dasar">{t("plenary.basis")}</label>{" "}
            <select id="dasar" name="dasar" defaultValue={d.basis === "normalised" ? "normal" : ""}>
              <option value="">{t("plenary.basis.raw")}</option>
              <option value="normal">{t("plenary.basis.normalised")}</option>
            </select>{" "}
          </>
        ) : null}
        <button type="submit" className="link-button">{t("common.filter")}</button>{" "}
      </Form>

      {d.shares.length ? (
        <table>
          <caption>{t("plenary.shares")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("plenary.share")}</th>
              <th scope="col">{t("plenary.share.required")}</th>
              <th scope="col">{t("plenary.share.before")}</th>
              <th scope="col">{t("plenary.share.after")}</th>
            </tr>
          </thead>
          <tbody>
            {d.shares.map((s) => (
              <tr key={s.share}>
                <th scope="row">{shareLabel(s.share)} ({s.percent}%)</th>
                <td>{s.required}</td>
                <td>{s.before}</td>
                <td>{s.after} {s.met ? "" : <strong>{t("plenary.share.short")}</strong>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {d.rows.length ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="basis" value={d.basis} />
          {sections.map((s) => (
            <section key={s.title ?? "all"}>
              {s.title ? <h2>{s.title}</h2> : null}
              <table className="plenary">
                <thead>
                  <tr>
                    <th scope="col">{t("plenary.col.rank")}</th>
                    <th scope="col">{t("plenary.col.proposal")}</th>
                    {d.fieldShown ? <th scope="col">{t("stages.indicators.fieldColumn")}</th> : null}
                    <th scope="col">{t("plenary.col.reviews")}</th>
                    <th scope="col">{d.basis === "normalised" ? t("plenary.col.normalised") : t("plenary.col.score")}</th>
                    {d.normalise ? <th scope="col">{d.basis === "normalised" ? t("plenary.col.score") : t("plenary.col.normalised")}</th> : null}
                    <th scope="col">{t("plenary.col.range")}</th>
                    <th scope="col">{t("plenary.col.proposed")}</th>
                    <th scope="col">{t("plenary.col.decision")}</th>
                  </tr>
                </thead>
                <tbody>
                  {s.rows.map((r) => {
                    const sent = failed?.sent?.[r.id];
                    // A proposal nobody has scored is decided by the panel, never by default.
                    const advances = sent ? sent.advances : r.decision ? r.decision.advances : r.reviews ? r.proposed.advance : null;
                    const reasonError = errors?.[`reason.${r.id}`];
                    const main = d.basis === "normalised" ? r.normalised : r.score;
                    const other = d.basis === "normalised" ? r.score : r.normalised;
                    return (
                      <tr key={r.id}>
                        <td>{r.rank ?? "—"}</td>
                        <th scope="row">
                          {r.title}
                          <div className="hint">
                            {r.receipt} · {r.agency} · {t(`agencyType.${r.agencyType}` as MessageKey)}
                            {r.east ? ` · ${t("plenary.share.east")}` : ""}
                            {d.view !== "category" ? ` · ${r.category}` : ""}
                          </div>
                          {r.tie ? <div className="hint">{t(`plenary.tie.${r.tie.by}` as MessageKey, { criterion: r.tie.criterion ?? "" })}</div> : null}
                        </th>
                        {d.fieldShown ? (
                          <td>
                            {r.field ? (
                              <>
                                <FindingSummary checks={r.field.checks} />
                                {r.field.checks.length ? (
                                  <details>
                                    <summary>{t("stages.indicators.compare")}<span className="visually-hidden"> {r.title}</span></summary>
                                    <IndicatorComparison checks={r.field.checks} caption={t("stages.indicators.compareFor", { title: r.title })} />
                                  </details>
                                ) : null}
                              </>
                            ) : (
                              <span className="muted">{t("stages.indicators.noReport")}</span>
                            )}
                          </td>
                        ) : null}
                        <td>{r.reviews}</td>
                        <td>{num(main)}</td>
                        {d.normalise ? <td>{num(other)}</td> : null}
                        <td>
                          {r.min === null ? "—" : `${num(r.min)}–${num(r.max)}`}
                          {r.disagreement ? <div><strong>{t("plenary.disagreementFlag")}</strong></div> : null}
                        </td>
                        <td>{proposedText(r)}</td>
                        <td>
                          <fieldset className="plenary-decision" disabled={d.locked}>
                            <legend className="visually-hidden">{t("plenary.decisionFor", { title: r.title })}</legend>
                            <label className="checkbox">
                              <input type="radio" name={`advances.${r.id}`} value="1" defaultChecked={advances === true} /> {t("plenary.advance")}
                            </label>{" "}
                            <label className="checkbox">
                              <input type="radio" name={`advances.${r.id}`} value="0" defaultChecked={advances === false} /> {t("plenary.stay")}
                            </label>
                          </fieldset>
                          <label htmlFor={fieldId(`reason.${r.id}`)} className="hint">{t("plenary.reason")}</label>
                          {reasonError ? <p className="error-message" id={`${fieldId(`reason.${r.id}`)}-error`}>{reasonError}</p> : null}
                          <input
                            id={fieldId(`reason.${r.id}`)}
                            name={`reason.${r.id}`}
                            defaultValue={sent?.reason ?? r.decision?.reason ?? ""}
                            maxLength={2000}
                            readOnly={d.locked}
                            aria-invalid={reasonError ? true : undefined}
                            aria-describedby={reasonError ? `${fieldId(`reason.${r.id}`)}-error` : undefined}
                          />
                          {r.decision ? (
                            <p className="hint">
                              {r.decision.override ? t("plenary.decidedOverride", { by: r.decision.by ?? "—" }) : t("plenary.decided", { by: r.decision.by ?? "—" })}
                            </p>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
          ))}
          {d.locked ? null : (
            <p className="no-print">
              {d.awaited ? (
                <label className="checkbox">
                  <input type="checkbox" name="despiteAwaited" value="1" /> {t("plenary.despiteAwaited", { n: d.awaited })}
                </label>
              ) : null}
              <button type="submit" className="button">{t("plenary.save")}</button>
            </p>
          )}
        </Form>
      ) : (
        <p>{t("plenary.none")}</p>
      )}
    </>
  );
}
