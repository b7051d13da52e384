import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/review";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, parseWith, stripNul } from "~/lib/forms";
import { formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, fieldId, SelectField, TextArea } from "~/components/forms";
import { stageEnd } from "~/modules/competitions/config-values";
import { timeLeft } from "~/modules/competitions/public.server";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { attachmentsFor, sectionsFor } from "~/modules/proposals/form-shape";
import { CONFLICT_KINDS, declareConflict, DeclareSchema } from "~/modules/judging/conflicts.server";
import { proposalForReview } from "~/modules/judging/review-queries.server";
import { assignedReview, MAX_JUSTIFICATION, otherReviews, saveReview, stageTakesScores, type ReviewInput } from "~/modules/judging/reviews.server";
import { isOwnKey } from "~/lib/own";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.proposal.title} · Lumbung` : "Lumbung" }];

/** The assignment behind the page: 403 for anyone who is not a judge, 404 when it is not theirs. */
async function load(context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const actor = requireUser(context);
  assertCan(actor, "review.enter");
  const { db } = services(context);
  const proposalId = idOf(params.id);
  const competition = proposalId ? await competitionBySlug(db, params.slug) : null;
  if (!proposalId || !competition) throw new AppError("not-found", "errors.notFound");
  const assigned = await assignedReview(db, actor, competition.id, params.stage, proposalId);
  return { actor, proposalId, ...assigned };
}

// Where the page stands for this judge. A submitted review is locked; a review the secretariat
// reopened stays editable after the close until it is submitted again (its reopenedAt is set
// until then); otherwise scores are taken only while the stage is open.
type Status = "open" | "reopened" | "submitted" | "closed" | "notOpen";
function statusOf(review: { state: string; reopenedAt: Date | null } | null, stage: Parameters<typeof stageTakesScores>[0], now: number): Status {
  if (review?.state === "submitted") return "submitted";
  if (review?.reopenedAt) return "reopened";
  if (stageTakesScores(stage, now)) return "open";
  return now < Date.parse(stage.opensAt) ? "notOpen" : "closed";
}

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { actor, proposalId, competition, stage, review } = await load(context, params);
  const { db, receivedAt } = services(context);
  const config = competition.config;
  const now = receivedAt.getTime();
  const p = await proposalForReview(db, competition.id, proposalId);
  const bodies = new Map(p.sections.map((s) => [s.code, s.body]));
  const filesOf = (slot: string) => p.files.filter((f) => f.slot === slot).map(({ id, filename, size }) => ({ id, filename, size }));
  const sectionTitle = new Map(config.sections.map((s) => [s.code, s.title]));
  const status = statusOf(review, stage, now);
  return {
    slug: competition.slug,
    competition: competition.name,
    stage: { code: stage.code, name: stage.name, opensAt: stage.opensAt, closesAt: stage.closesAt, closed: now >= stageEnd(stage), left: status === "open" ? timeLeft(stage.closesAt, receivedAt) : null },
    proposal: {
      id: p.id,
      title: p.title,
      receipt: p.receipt,
      agency: p.agency,
      group: config.groups.find((g) => g.code === p.groupCode)?.name ?? p.groupCode,
      category: config.categories.find((c) => c.code === p.categoryCode)?.name ?? p.categoryCode,
    },
    sections: sectionsFor(config, p.groupCode).map((s) => ({ code: s.code, title: s.title, body: bodies.get(s.code) ?? "", files: filesOf(s.code) })),
    attachments: attachmentsFor(config, p.groupCode)
      .filter((a) => a.kind !== "declaration")
      .map((a) => ({ code: a.code, name: a.name, kind: a.kind, link: a.kind === "link" ? safeLink(p.links[a.code]) : null, files: a.kind === "file" ? filesOf(a.code) : [] })),
    criteria: stage.criteria.map((c) => ({ ...c, sectionTitle: c.section ? (sectionTitle.get(c.section) ?? c.section) : null })),
    review: review
      ? { state: review.state, scores: review.scores, justifications: review.justifications, comment: review.comment, version: review.version, submittedAt: review.submittedAt?.toISOString() ?? null }
      : null,
    status,
    others: await otherReviews(db, config, actor.id, review, competition.id, stage.code, proposalId),
    conflictKinds: CONFLICT_KINDS,
    maxLength: MAX_JUSTIFICATION,
    message: new URL(request.url).searchParams.get("pesan"),
  };
});

/** Only web addresses become links: a stored value is never a `javascript:` link. */
const safeLink = (v: string | undefined) => (v && /^https?:\/\//i.test(v) ? v : null);

type ActionReply = { errors?: Record<string, string>; values?: Record<string, string> };

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, proposalId, competition, stage } = await load(context, params);
  const { db, receivedAt } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const intent = String(form.get("_intent") ?? "save");
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? stripNul(v) : "";
  };

  if (intent === "conflict") {
    const values = formToObject(form);
    const parsed = parseWith(DeclareSchema, values, t);
    if (!parsed.ok) return data<ActionReply>({ errors: parsed.errors, values: { kind: text("kind"), note: text("note") } }, { status: 400 });
    await declareConflict(db, actor, competition.id, proposalId, parsed.data);
    return redirect("/kelola/penilaian?pesan=konflik");
  }

  const submit = intent === "submit";
  const input: ReviewInput = {
    scores: Object.fromEntries(stage.criteria.map((c) => [c.code, text(`score.${c.code}`)])),
    justifications: Object.fromEntries(stage.criteria.map((c) => [c.code, text(`why.${c.code}`)])),
    comment: text("comment"),
    // The form sends 0 before the first save; a missing or unreadable version matches no stored
    // one, so a stale page never overwrites a newer save.
    version: idOf(text("version")) ?? -1,
    submit,
  };
  // What was typed, by field name, to show back on a refusal.
  const values: Record<string, string> = { comment: input.comment };
  for (const c of stage.criteria) {
    values[`score.${c.code}`] = input.scores[c.code];
    values[`why.${c.code}`] = input.justifications[c.code];
  }
  try {
    await saveReview(db, actor, { competitionId: competition.id, stageCode: stage.code, proposalId }, input, receivedAt.getTime());
  } catch (e) {
    if (e instanceof AppError && e.status < 500 && e.code !== "not-found" && e.code !== "forbidden") {
      return data<ActionReply>({ errors: appErrorFields(e, t), values }, { status: e.status });
    }
    throw e;
  }
  return redirect(`/kelola/penilaian/${competition.slug}/${stage.code}/${proposalId}?pesan=${submit ? "dikirim" : "disimpan"}`);
});

const NOTICES: Record<string, string> = { disimpan: "review.saved", dikirim: "review.submitted" };

type Files = { id: number; filename: string; size: number }[];

export default function ReviewPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const a = actionData as ActionReply | undefined;
  const p = d.proposal;
  const editable = d.status === "open" || d.status === "reopened";
  const when = (iso: string) => formatInstant(locale, iso, zone);
  const scoreOf = (code: string) => (d.review && d.review.scores[code] !== undefined ? String(d.review.scores[code]) : "");
  const v = (k: string, fallback: string) => a?.values?.[k] ?? fallback;
  const labels = Object.fromEntries(
    d.criteria.flatMap((c) => [
      [`score.${c.code}`, t("review.errorScore", { name: c.name })],
      [`why.${c.code}`, t("review.errorWhy", { name: c.name })],
    ]),
  );
  const FileLinks = ({ files }: { files: Files }) => (
    <ul className="file-list">
      {files.map((f) => (
        <li key={f.id}>
          <a href={`/kelola/proposal/${p.id}/berkas/${f.id}`}>{f.filename}</a> <span className="muted">{t("review.fileSize", { size: Math.ceil(f.size / 1024) })}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <p className="muted">
        <Link to="/kelola/penilaian">{t("review.list.title")}</Link> › {d.competition} › {d.stage.name}
      </p>
      <h1>{p.title}</h1>
      {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message])}</p> : null}
      <p className="deadline">
        {t(d.status === "notOpen" ? "review.opens" : d.stage.closed ? "review.closedAt" : "review.closes", { stage: d.stage.name, when: when(d.status === "notOpen" ? d.stage.opensAt : d.stage.closesAt) })}
        {d.stage.left ? <> · {t("review.left", { days: d.stage.left.days, hours: d.stage.left.hours })}</> : null}
      </p>
      {d.status === "submitted" ? <p className="notice">{t("review.locked", { when: d.review?.submittedAt ? when(d.review.submittedAt) : "" })}</p> : null}
      {d.status === "closed" ? <p className="notice notice-warning">{t("review.closedLine")}</p> : null}
      {d.status === "notOpen" ? <p className="notice notice-warning">{t("review.notOpenLine")}</p> : null}
      {d.status === "reopened" ? <p className="notice notice-warning">{t("review.reopenedLine")}</p> : null}
      <ErrorSummary errors={a?.errors} labels={labels} />
      {editable ? (
        <p>
          <a href="#penilaian">{t("review.skipToForm")}</a>
        </p>
      ) : null}

      <h2>{t("review.proposal")}</h2>
      <dl className="readonly">
        <dt>{t("review.receipt")}</dt>
        <dd>{p.receipt ?? "—"}</dd>
        <dt>{t("review.agency")}</dt>
        <dd>{p.agency}</dd>
        <dt>{t("review.group")}</dt>
        <dd>{p.group}</dd>
        <dt>{t("review.category")}</dt>
        <dd>{p.category}</dd>
      </dl>
      {d.sections.map((s) => (
        <section key={s.code} id={`bagian-${s.code}`} className="proposal-section">
          <h3>{s.title}</h3>
          <p className="prose-text">{s.body || "—"}</p>
          {s.files.length ? (
            <>
              <h4 className="evidence-title">{t("review.evidence")}</h4>
              <FileLinks files={s.files} />
            </>
          ) : null}
        </section>
      ))}
      {d.attachments.length ? (
        <section className="proposal-section">
          <h3>{t("review.attachments")}</h3>
          <dl className="readonly">
            {d.attachments.map((att) => (
              <div key={att.code}>
                <dt>{att.name}</dt>
                <dd>
                  {att.kind === "link" ? (
                    att.link ? <a href={att.link} rel="noopener noreferrer">{att.link}</a> : t("review.none")
                  ) : att.files.length ? (
                    <FileLinks files={att.files} />
                  ) : (
                    t("review.none")
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      <h2 id="penilaian">{t("review.form")}</h2>
      {editable ? (
        <Form method="post" className="part-form">
          <CsrfField />
          <input type="hidden" name="version" value={d.review?.version ?? 0} />
          <p>{t("review.formIntro", { max: d.maxLength })}</p>
          {d.criteria.map((c) => {
            const scoreName = `score.${c.code}`;
            const scoreError = a?.errors?.[scoreName];
            const id = fieldId(scoreName);
            const rubricId = `${id}-rubric`;
            return (
              <fieldset key={c.code} className="row-fieldset">
                <legend>{t("review.criterion", { name: c.name, weight: c.weight, min: c.scaleMin, max: c.scaleMax })}</legend>
                {c.description ? <p className="hint">{c.description}</p> : null}
                {c.section ? (
                  <p>
                    <a href={`#bagian-${c.section}`}>{t("review.readSection", { section: c.sectionTitle ?? c.section })}</a>
                  </p>
                ) : null}
                <div className={scoreError ? "field field-error" : "field"}>
                  <label htmlFor={id}>{t("review.score", { min: c.scaleMin, max: c.scaleMax })}</label>
                  {scoreError ? <p className="error-message" id={`${id}-error`}>{scoreError}</p> : null}
                  <input
                    id={id}
                    name={scoreName}
                    type="number"
                    inputMode="decimal"
                    min={c.scaleMin}
                    max={c.scaleMax}
                    step="any"
                    required
                    defaultValue={v(scoreName, scoreOf(c.code))}
                    aria-invalid={scoreError ? true : undefined}
                    aria-describedby={[c.rubric.length ? rubricId : null, scoreError ? `${id}-error` : null].filter(Boolean).join(" ") || undefined}
                  />
                  {c.rubric.length ? (
                    <div id={rubricId}>
                      <p className="hint">{t("review.rubric")}</p>
                      <ul>
                        {c.rubric.map((l, i) => (
                          <li key={i}>{t("review.level", { min: l.min, max: l.max, description: l.description })}</li>
                        ))}
                      </ul>
                    </div>
                  ) : null}
                </div>
                <TextArea name={`why.${c.code}`} label={t("review.why")} required rows={3} maxLength={d.maxLength} defaultValue={v(`why.${c.code}`, d.review?.justifications[c.code] ?? "")} error={a?.errors?.[`why.${c.code}`]} />
              </fieldset>
            );
          })}
          <TextArea name="comment" label={t("review.comment")} hint={t("review.commentHint")} rows={4} maxLength={d.maxLength} defaultValue={v("comment", d.review?.comment ?? "")} error={a?.errors?.comment} />
          <p className="hint">{t("review.submitHint")}</p>
          <div className="form-actions">
            {/* A draft may be partial: the browser's own checks apply to the submission only. */}
            <button type="submit" name="_intent" value="save" className="button secondary" formNoValidate>{t("review.save")}</button>
            <button type="submit" name="_intent" value="submit" className="button">{t("review.submit")}</button>
          </div>
        </Form>
      ) : d.review ? (
        <ReadOnlyReview criteria={d.criteria} scores={d.review.scores} justifications={d.review.justifications} comment={d.review.comment} />
      ) : (
        <p>{t("review.noReview")}</p>
      )}

      <h2>{t("review.others")}</h2>
      {d.others === null ? (
        <p className="muted">{t("review.othersHidden")}</p>
      ) : d.others.length ? (
        <>
          <p className="muted">{t("review.othersIntro")}</p>
          {d.others.map((o) => (
            <section key={o.label}>
              <h3>{t("review.judge", { n: o.label })}</h3>
              <ReadOnlyReview criteria={d.criteria} scores={o.scores} justifications={o.justifications} />
            </section>
          ))}
        </>
      ) : (
        <p className="muted">{t("review.othersNone")}</p>
      )}

      <section className="review-panel">
        <h2>{t("review.conflict.title")}</h2>
        <p>{t("review.conflict.intro")}</p>
        <Form method="post" className="narrow">
          <CsrfField />
          <SelectField
            name="kind"
            label={t("review.conflict.kind")}
            required
            emptyLabel={t("review.conflict.choose")}
            options={d.conflictKinds.map((k) => ({ value: k, label: t(`judging.conflict.${k}`) }))}
            defaultValue={v("kind", "")}
            error={a?.errors?.kind}
          />
          <TextArea name="note" label={t("review.conflict.note")} hint={t("review.conflict.noteHint")} rows={3} maxLength={2000} defaultValue={v("note", "")} error={a?.errors?.note} />
          <button type="submit" name="_intent" value="conflict" className="button secondary">{t("review.conflict.declare")}</button>
        </Form>
      </section>
    </>
  );
}

type CriterionView = { code: string; name: string; scaleMin: number; scaleMax: number };

/** A review as text: one row per criterion with its score and the judge's reason. */
function ReadOnlyReview({ criteria, scores, justifications, comment }: { criteria: CriterionView[]; scores: Record<string, number>; justifications: Record<string, string>; comment?: string }) {
  const t = useT();
  return (
    <>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("review.col.criterion")}</th>
              <th scope="col">{t("review.col.score")}</th>
              <th scope="col">{t("review.col.why")}</th>
            </tr>
          </thead>
          <tbody>
            {criteria.map((c) => (
              <tr key={c.code}>
                <th scope="row">{c.name}</th>
                <td>{scores[c.code] !== undefined ? t("review.scoreOf", { score: scores[c.code], max: c.scaleMax }) : "—"}</td>
                <td className="prose-text">{justifications[c.code] ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {comment !== undefined ? (
        <dl className="readonly">
          <dt>{t("review.comment")}</dt>
          <dd>{comment || "—"}</dd>
        </dl>
      ) : null}
    </>
  );
}
