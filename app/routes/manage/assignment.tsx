// A judged stage's assignment: the automatic run (conflict-free, balanced, keeping the pairs in
// force as far as it can), the proposals with their judges, the judges with their loads, manual
// changes with a reason, and the submitted reviews the secretariat may reopen with a reason.
// A national edition has ~2,000 proposals in its first judged stage, so the proposals table and
// the reviews list are paged; the manual form offers the proposals of the page shown.
import { data, Form, Link, redirect } from "react-router";
import { z } from "zod";
import type { Route } from "./+types/assignment";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, pageParam, parseWith } from "~/lib/forms";
import { translator } from "~/i18n";
import { useInstant, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, fieldId, SelectField, TextArea } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { assignmentView, changeAssignment, judgedStage, remindJudges, runAssignment } from "~/modules/judging/assignment.server";
import { explainUnstaffed } from "~/modules/judging/admin-queries.server";
import { JudgeLoads } from "~/modules/judging/ui/judge-loads";
import { RunResult, type RunSummary } from "~/modules/judging/ui/run-result";
import { reopenReview, stageReviews } from "~/modules/judging/reviews.server";
import { secretariatEdition } from "~/modules/competitions/edition.server";
import { TableScroll } from "~/components/table-scroll";
import { isOwnKey } from "~/lib/own";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.stage.name} · ${data.name} · Lumbung` : "Lumbung" }];

const PER_PAGE = 100;
const MAX_UNSTAFFED_SHOWN = 100;

const optionalId = (v: unknown) => idOf(v) ?? undefined;

// The manual change: a pair added or removed by hand always carries a reason for the audit log.
const ChangeSchema = z.object({
  op: z.enum(["add", "remove"], { error: "field.choice" }),
  proposalId: z.preprocess(optionalId, z.number({ error: "field.choice" })),
  judgeId: z.preprocess(optionalId, z.number({ error: "field.choice" })),
  reason: z.string({ error: "judging.errors.reasonRequired" }).trim().min(1, { error: "judging.errors.reasonRequired" }).max(2000, { error: "field.tooLong" }),
});

async function load(context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const { actor, row } = await secretariatEdition(context, params.slug);
  // A stage without judges (registration, screening, the plenary) has no assignment: 404.
  const stage = judgedStage(row.config, params.stage);
  return { actor, row, stage, competition: { id: row.id, config: row.config } };
}


export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { row, stage, competition } = await load(context, params);
  const db = services(context).db;
  const sp = new URL(request.url).searchParams;
  const view = await assignmentView(db, competition, stage.code);
  const categories = new Map(row.config.categories.map((c) => [c.code, c.name]));

  // "Only those needing attention": short of judges, or carrying a pair now in conflict (a
  // conflict declared or a profile changed after the run).
  const onlyShort = sp.get("kurang") === "1";
  const listed = onlyShort ? view.proposals.filter((p) => p.short > 0 || p.judges.some((j) => j.conflicts.length)) : view.proposals;
  const pages = Math.max(1, Math.ceil(listed.length / PER_PAGE));
  const pageNo = pageParam(sp.get("halaman"), pages);
  const shown = listed.slice((pageNo - 1) * PER_PAGE, pageNo * PER_PAGE).map((p) => ({ ...p, category: categories.get(p.categoryCode) ?? p.categoryCode }));

  const byId = new Map(view.proposals.map((p) => [p.id, p]));
  const submitted = (await stageReviews(db, row.id, stage.code)).filter((r) => r.state === "submitted");
  const reviewPages = Math.max(1, Math.ceil(submitted.length / PER_PAGE));
  const reviewPage = pageParam(sp.get("penilaian"), reviewPages);
  const reviews = submitted.slice((reviewPage - 1) * PER_PAGE, reviewPage * PER_PAGE).map((r) => ({
    id: r.id,
    judge: r.judge,
    receipt: byId.get(r.proposalId)?.receipt ?? null,
    title: byId.get(r.proposalId)?.title ?? String(r.proposalId),
    submittedAt: r.submittedAt?.toISOString() ?? null,
  }));

  // The manual form's judges: the stage's pool, and anyone still assigned on this page who has
  // left it since (so that pair can be removed).
  const inPool = new Set(view.judges.map((j) => j.id));
  const former = new Map(shown.flatMap((p) => p.judges.filter((j) => !inPool.has(j.id)).map((j) => [j.id, j.name] as const)));

  return {
    slug: row.slug,
    name: row.name,
    stage: { code: stage.code, name: stage.name, k: stage.reviewersPerProposal, pool: stage.judges },
    totals: {
      proposals: view.proposals.length,
      pairs: view.proposals.reduce((n, p) => n + p.judges.length, 0),
      short: view.proposals.filter((p) => p.short > 0).length,
      conflicted: view.conflictedPairs,
    },
    onlyShort,
    listed: listed.length,
    page: pageNo,
    pages,
    proposals: shown,
    judges: view.judges,
    formerJudges: [...former].map(([id, name]) => ({ id, name })),
    reviews,
    reviewCount: submitted.length,
    reviewPage,
    reviewPages,
    message: sp.get("pesan"),
  };
});


/** Where to come back to after a change: the page and filter the form was sent from. */
function back(slug: string, stage: string, values: Record<string, unknown>, message: string) {
  const sp = new URLSearchParams({ pesan: message });
  for (const k of ["halaman", "penilaian"]) {
    const n = idOf(values[k]);
    if (n && n > 1) sp.set(k, String(n));
  }
  if (values.kurang === "1") sp.set("kurang", "1");
  return `/kelola/kompetisi/${slug}/tahap/${stage}/penugasan?${sp.toString()}`;
}

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row, stage, competition } = await load(context, params);
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const intent = form.get("_intent");
  const values = formToObject(form);

  if (intent === "run") {
    try {
      const run = await runAssignment(db, actor, competition, stage.code, { publicUrl: env.publicUrl });
      const summary: RunSummary = { pairs: run.pairs, moved: run.moved, kept: run.kept, balanced: run.balanced, unstaffedTotal: run.unstaffed.length, unstaffed: [] };
      if (run.unstaffed.length) summary.unstaffed = await explainUnstaffed(db, competition, stage.code, run.unstaffed.slice(0, MAX_UNSTAFFED_SHOWN));
      return data({ run: summary });
    } catch (e) {
      if (e instanceof AppError && e.status < 500 && e.status !== 403 && e.status !== 404) return data({ errors: appErrorFields(e, t) }, { status: e.status });
      throw e;
    }
  }

  if (intent === "change") {
    const shown = { op: String(values.op ?? ""), proposalId: String(values.proposalId ?? ""), judgeId: String(values.judgeId ?? ""), reason: String(values.reason ?? "") };
    const parsed = parseWith(ChangeSchema, values, t);
    if (!parsed.ok) return data({ errors: parsed.errors, change: shown }, { status: 400 });
    try {
      await changeAssignment(db, actor, competition, stage.code, parsed.data);
    } catch (e) {
      if (e instanceof AppError && e.code === "not-found") return data({ errors: { judgeId: t("judgingAdmin.errors.notAssigned") }, change: shown }, { status: 404 });
      if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) return data({ errors: appErrorFields(e, t, { fallback: "judgeId" }), change: shown }, { status: e.status });
      throw e;
    }
    return redirect(back(row.slug, stage.code, values, parsed.data.op === "add" ? "ditambah" : "dihapus"));
  }

  if (intent === "remind") {
    const n = await remindJudges(db, actor, competition, stage.code, services(context).env.publicUrl);
    return redirect(`${back(row.slug, stage.code, values, "diingatkan")}&n=${n}`);
  }

  if (intent === "reopen") {
    const reviewId = idOf(values.review);
    if (!reviewId) throw new AppError("invalid", "errors.invalid");
    const field = `rv${reviewId}.reason`;
    const reason = typeof values.reason === "string" ? values.reason.slice(0, 2000) : "";
    try {
      await reopenReview(db, actor, row.id, reviewId, reason);
    } catch (e) {
      if (e instanceof AppError && e.code === "invalid") return data({ errors: { [field]: t(e.reason) } }, { status: e.status });
      if (e instanceof AppError && e.code === "not-found") return data({ errors: { [field]: t("judgingAdmin.errors.notSubmitted") } }, { status: 404 });
      throw e;
    }
    return redirect(back(row.slug, stage.code, values, "dibuka"));
  }

  throw new AppError("invalid", "errors.invalid");
});

const NOTICES: Record<string, string> = {
  ditambah: "judgingAdmin.assignment.added",
  dihapus: "judgingAdmin.assignment.removed",
  dibuka: "judgingAdmin.assignment.reopened",
  diingatkan: "judgingAdmin.reminded",
};

export default function Assignment({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  const a = actionData as { errors?: Record<string, string>; run?: RunSummary; change?: Record<string, string> } | undefined;
  const errors = a?.errors;
  const run = a?.run;
  const poolLabel = d.stage.pool === "both" ? t("judgingAdmin.assignment.poolBoth") : t(`judging.role.${d.stage.pool}`);
  const keep = (
    <>
      <input type="hidden" name="halaman" value={d.page} />
      <input type="hidden" name="penilaian" value={d.reviewPage} />
      {d.onlyShort ? <input type="hidden" name="kurang" value="1" /> : null}
    </>
  );
  const labels: Record<string, string> = {
    op: t("judgingAdmin.change.op"),
    proposalId: t("judgingAdmin.change.proposal"),
    judgeId: t("judgingAdmin.change.judge"),
    reason: t("judgingAdmin.change.reason"),
    ...Object.fromEntries(d.reviews.map((r) => [`rv${r.id}.reason`, `${r.judge} · ${r.receipt ?? r.title}`])),
  };
  const judgeOptions = [
    ...d.judges.map((j) => ({ value: String(j.id), label: `${j.name} (${t(`judging.role.${j.role}`)})` })),
    ...d.formerJudges.map((j) => ({ value: String(j.id), label: t("judgingAdmin.change.formerJudge", { name: j.name }) })),
  ];
  const opError = errors?.op;
  return (
    <>
      <p className="muted">
        <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link>
      </p>
      <h1>{t("judgingAdmin.assignment.title", { stage: d.stage.name })}</h1>
      <dl className="readonly">
        <dt>{t("judgingAdmin.assignment.k")}</dt>
        <dd>{d.stage.k}</dd>
        <dt>{t("judgingAdmin.assignment.pool")}</dt>
        <dd>
          {t("judgingAdmin.assignment.poolSize", { pool: poolLabel, n: d.judges.length })} · <Link to={`/kelola/kompetisi/${d.slug}/juri`}>{t("judgingAdmin.link.judges")}</Link>
        </dd>
        <dt>{t("judgingAdmin.assignment.state")}</dt>
        <dd>{t("judgingAdmin.assignment.totals", { proposals: d.totals.proposals, pairs: d.totals.pairs, short: d.totals.short, conflicted: d.totals.conflicted })}</dd>
      </dl>
      {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message])}</p> : null}
      <ErrorSummary errors={errors} labels={labels} />

      <h2>{t("judgingAdmin.run.title")}</h2>
      <p className="hint">{t("judgingAdmin.run.hint")}</p>
      <Form method="post">
        <CsrfField />
        <button type="submit" name="_intent" value="run" className="button">{t("judgingAdmin.run.button")}</button>{" "}
        <button type="submit" name="_intent" value="remind" className="button secondary">{t("judgingAdmin.remind")}</button>
      </Form>
      {run ? <RunResult run={run} k={d.stage.k} /> : null}

      <h2 id="proposal">{t("judgingAdmin.assignment.proposals")}</h2>
      <Form method="get" className="inline-form filters">
        <label className="checkbox">
          <input type="checkbox" name="kurang" value="1" defaultChecked={d.onlyShort} /> {t("judgingAdmin.assignment.onlyShort")}
        </label>{" "}
        <button type="submit" className="link-button">{t("common.filter")}</button>
      </Form>
      <p className="hint">{t("judgingAdmin.assignment.listed", { n: d.listed, total: d.totals.proposals })}</p>
      {d.proposals.length ? (
        <TableScroll labelledBy="proposal">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("proposals.col.receipt")}</th>
                <th scope="col">{t("proposals.col.title")}</th>
                <th scope="col">{t("proposals.col.agency")}</th>
                <th scope="col">{t("judgingAdmin.assignment.category")}</th>
                <th scope="col">{t("judgingAdmin.assignment.judgesCol")}</th>
              </tr>
            </thead>
            <tbody>
              {d.proposals.map((p) => (
                <tr key={p.id}>
                  <td>{p.receipt ?? "—"}</td>
                  <td>{p.title}</td>
                  <td>{p.agency}</td>
                  <td>{p.category}</td>
                  <td>
                    {p.judges.length ? (
                      <ul>
                        {p.judges.map((j) => (
                          <li key={j.id}>
                            {j.name} <span className="muted">({t(`judgingAdmin.source.${j.source === "manual" ? "manual" : "auto"}`)} · {t(`judgingAdmin.review.${j.review ?? "none"}`)})</span>
                            {j.conflicts.length ? (
                              <strong className="error-message"> {t("judgingAdmin.assignment.conflict", { reasons: j.conflicts.map((r) => t(`judging.conflictReason.${r}`)).join(", ") })}</strong>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                    {p.short ? <strong className="error-message">{t("judgingAdmin.assignment.short", { n: p.short })}</strong> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{d.onlyShort ? t("judgingAdmin.assignment.noneShort") : t("judgingAdmin.assignment.noProposals")}</p>
      )}
      <Pagination page={d.page} pages={d.pages} param="halaman" />

      <JudgeLoads judges={d.judges} />

      <h2>{t("judgingAdmin.change.title")}</h2>
      <p className="hint">{t("judgingAdmin.change.hint")}</p>
      <Form method="post" className="narrow">
        <CsrfField />
        {keep}
        <fieldset
          className={opError ? "field field-error checkbox-group" : "field checkbox-group"}
          id={fieldId("op")}
          aria-describedby={opError ? `${fieldId("op")}-error` : undefined}
        >
          <legend>{t("judgingAdmin.change.op")}</legend>
          {opError ? <p className="error-message" id={`${fieldId("op")}-error`}>{opError}</p> : null}
          <div className="checkbox-items">
            {(["add", "remove"] as const).map((op) => (
              <label key={op} className="checkbox">
                <input type="radio" name="op" value={op} required defaultChecked={(a?.change?.op ?? "add") === op} /> {t(`judgingAdmin.change.${op}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          name="proposalId"
          label={t("judgingAdmin.change.proposal")}
          hint={t("judgingAdmin.change.proposalHint")}
          required
          emptyLabel={t("judgingAdmin.change.choose")}
          options={d.proposals.map((p) => ({ value: String(p.id), label: `${p.receipt ?? p.id} · ${p.title}` }))}
          defaultValue={a?.change?.proposalId}
          error={errors?.proposalId}
        />
        <SelectField name="judgeId" label={t("judgingAdmin.change.judge")} required emptyLabel={t("judgingAdmin.change.choose")} options={judgeOptions} defaultValue={a?.change?.judgeId} error={errors?.judgeId} />
        <TextArea name="reason" label={t("judgingAdmin.change.reason")} required rows={2} maxLength={2000} defaultValue={a?.change?.reason} error={errors?.reason} />
        <input type="hidden" name="_intent" value="change" />
        <button type="submit" className="button">{t("judgingAdmin.change.submit")}</button>
      </Form>

      <h2 id="reviews-title">{t("judgingAdmin.reviews.title", { n: d.reviewCount })}</h2>
      <p className="hint">{t("judgingAdmin.reviews.hint")}</p>
      {d.reviews.length ? (
        <TableScroll labelledBy="reviews-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("proposals.col.receipt")}</th>
                <th scope="col">{t("proposals.col.title")}</th>
                <th scope="col">{t("judgingAdmin.assignment.judgeName")}</th>
                <th scope="col">{t("judgingAdmin.reviews.submittedAt")}</th>
                <th scope="col">{t("judgingAdmin.reviews.reopen")}</th>
              </tr>
            </thead>
            <tbody>
              {d.reviews.map((r) => {
                const name = `rv${r.id}.reason`;
                const error = errors?.[name];
                return (
                  <tr key={r.id}>
                    <td>{r.receipt ?? "—"}</td>
                    <td>{r.title}</td>
                    <td>{r.judge}</td>
                    <td>{r.submittedAt ? instant(r.submittedAt) : "—"}</td>
                    <td>
                      <Form method="post" className={error ? "field-error" : undefined}>
                        <CsrfField />
                        {keep}
                        <input type="hidden" name="_intent" value="reopen" />
                        <input type="hidden" name="review" value={r.id} />
                        <label htmlFor={fieldId(name)}>{t("judgingAdmin.reviews.reason")}</label>
                        {error ? <p className="error-message" id={`${fieldId(name)}-error`}>{error}</p> : null}
                        <input
                          id={fieldId(name)}
                          name="reason"
                          type="text"
                          maxLength={2000}
                          required
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${fieldId(name)}-error` : undefined}
                        />{" "}
                        <button type="submit" className="button secondary">{t("judgingAdmin.reviews.reopen")}</button>
                      </Form>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("judgingAdmin.reviews.none")}</p>
      )}
      <Pagination page={d.reviewPage} pages={d.reviewPages} param="penilaian" />
    </>
  );
}
