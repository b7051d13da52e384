// The judging's invariants, checked over the stored data of one edition or of all: what must
// hold whatever path the data took (the use cases, a migration, a hand edit, a demo seed).
//
//   a. no submitted review from a conflicted judge (the automatic conflicts of assign.ts and the
//      declared ones);
//   b. every proposal decided to go on from a scored stage has its k complete reviews there;
//   c. the scores stored with the plenary's decisions are the weighted sums of those reviews
//      (rank.ts), and every submitted review's scores are complete and on their scales;
//   d. nothing changed after its lock: a submitted review after its submission, a review after
//      its stage's close (unless the secretariat reopened it), a submitted proposal's sections.
//
// Each check reuses the rule it guards (conflictsOf through conflictReasons, weightedTotal and
// aggregate, plenaryStage, stageEnd) so that a change of rule changes the check with it. The
// row-by-row conditions (the locks) run as set-based queries; the rest loads an edition's
// reviews once (~10,000 rows at national scale) and works in memory.
import { and, asc, eq, gte, isNotNull, isNull, ne, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { competitions, conflicts, proposals, proposalSections, reviews, stageDecisions } from "~/db/schema";
import type { CompetitionConfig, Criterion, Stage } from "~/modules/competitions/config";
import { SCORED_KINDS, stageEnd } from "~/modules/competitions/config-values";
import { competitionById } from "~/modules/competitions/queries.server";
import { assignmentInputs, conflictReasons } from "./assignment.server";
import { judgePool } from "./judges.server";
import { plenaryStage, stageRanking } from "./plenary.server";
import { aggregate, weightedTotal } from "./rank";
import { stageEntrants } from "./stage-entrants.server";

export const INVARIANT_RULES = [
  /** a. A submitted review by a judge with an automatic or a declared conflict. */
  "conflicted-review",
  /** b. A proposal decided to go on from a scored stage with fewer than k complete reviews. */
  "advanced-short-of-reviews",
  /** c. A decision's stored score differs from the aggregate of the weighted review totals. */
  "total-mismatch",
  /** c. A submitted review with a score missing or off its criterion's scale (or in no scored stage). */
  "review-scores",
  /** d. A submitted review changed after it was submitted. */
  "review-changed-after-submit",
  /** d. A review changed after its stage closed, with no reopening by the secretariat. */
  "review-changed-after-close",
  /** d. A submitted proposal's section changed after the submission. */
  "section-changed-after-submit",
] as const;
export type InvariantRule = (typeof INVARIANT_RULES)[number];

export type Violation = {
  rule: InvariantRule;
  /** The rows concerned: competition, stage, proposal, judge, review, section, as they apply. */
  ids: { competition: number; stage?: string; proposal?: number; judge?: number; review?: number; section?: string };
  detail: string;
};

// Scores are sums of fractions: compared to a millionth of a point, as rank.ts ranks them.
const EPSILON = 1e-6;
const same = (a: number, b: number) => Math.abs(a - b) <= EPSILON;

type Edition = { id: number; config: CompetitionConfig };
type ReviewRow = {
  id: number;
  stageCode: string;
  proposalId: number;
  judgeId: number;
  state: "draft" | "submitted";
  scores: Record<string, number>;
  submittedAt: Date | null;
};

/** The review's weighted total (0–100), or why it has none (a missing or off-scale score). */
function totalOf(scores: Record<string, number>, criteria: readonly Criterion[]): { total: number } | { problem: string } {
  try {
    return { total: weightedTotal(scores, criteria) };
  } catch (e) {
    if (e instanceof RangeError) return { problem: e.message };
    throw e;
  }
}

/**
 * Every violation of the invariants in one edition, or in every edition when no id is given;
 * empty when all hold. The list is ordered by edition, then by rule, then by the rows' ids.
 */
export async function checkInvariants(db: DbOrTx, competitionId?: number): Promise<Violation[]> {
  const ids =
    competitionId === undefined
      ? (await db.select({ id: competitions.id }).from(competitions).orderBy(asc(competitions.id))).map((c) => c.id)
      : [competitionId];
  const out: Violation[] = [];
  for (const id of ids) {
    const c = await competitionById(db, id);
    if (c) out.push(...(await checkEdition(db, c)));
  }
  return out;
}

async function checkEdition(db: DbOrTx, c: Edition): Promise<Violation[]> {
  const rows: ReviewRow[] = await db
    .select({ id: reviews.id, stageCode: reviews.stageCode, proposalId: reviews.proposalId, judgeId: reviews.judgeId, state: reviews.state, scores: reviews.scores, submittedAt: reviews.submittedAt })
    .from(reviews)
    .where(eq(reviews.competitionId, c.id))
    .orderBy(asc(reviews.id));
  const submitted = rows.filter((r) => r.state === "submitted");
  const stageByCode = new Map(c.config.stages.map((s) => [s.code, s]));

  // Each submitted review's total in its stage (or the reason it has none), computed once.
  const totals = new Map<number, { total: number } | { problem: string }>();
  const out: Violation[] = [];
  for (const r of submitted) {
    const stage = stageByCode.get(r.stageCode);
    const t = stage && SCORED_KINDS.includes(stage.kind) ? totalOf(r.scores, stage.criteria) : { problem: `stage ${r.stageCode} is not a scored stage of the edition` };
    totals.set(r.id, t);
    if ("problem" in t) {
      out.push({ rule: "review-scores", ids: { competition: c.id, stage: r.stageCode, proposal: r.proposalId, judge: r.judgeId, review: r.id }, detail: `Submitted review ${r.id} cannot be totalled: ${t.problem}.` });
    }
  }

  out.push(...(await conflictedReviews(db, c, submitted)));
  out.push(...(await decisionChecks(db, c, submitted, totals)));
  out.push(...(await lockChecks(db, c)));
  const order = new Map(INVARIANT_RULES.map((r, i) => [r, i]));
  return out.sort((a, b) => order.get(a.rule)! - order.get(b.rule)! || (a.ids.proposal ?? 0) - (b.ids.proposal ?? 0) || (a.ids.review ?? 0) - (b.ids.review ?? 0));
}

// --- a. Conflicts ----------------------------------------------------------------------------

async function conflictedReviews(db: DbOrTx, c: Edition, submitted: ReviewRow[]): Promise<Violation[]> {
  const judged = c.config.stages.filter((s) => SCORED_KINDS.includes(s.kind) && s.judges !== "none" && submitted.some((r) => r.stageCode === s.code));
  if (!judged.length) return [];
  // The assignment's own view of who may judge what (assignmentInputs + conflictReasons), loaded
  // for the first judged stage and widened to the whole edition: every submitted proposal (the
  // registration's entrants: a later stage's entrants are among them) and every judge with
  // their profile, in the pool of the stage or not (a judge who has since left the pool is
  // still judged by their profile). One load, not one per stage: a later stage's entrants come
  // from the decisions before it, a query that costs far more than this whole check.
  const inputs = await assignmentInputs(db, c, judged[0].code);
  for (const j of await judgePool(db, c.id)) if (!inputs.judgeById.has(j.id)) inputs.judgeById.set(j.id, j);
  if (submitted.some((r) => !inputs.entrantById.has(r.proposalId))) {
    // Earlier involvement (a judge who reviewed the innovation in another edition) is loaded for
    // the first stage's entrants; a proposal reviewed later without entering it (a decision
    // changed afterwards) is checked for its agency and province only.
    for (const e of await stageEntrants(db, c.id, c.config, c.config.stages[0].code)) if (!inputs.entrantById.has(e.id)) inputs.entrantById.set(e.id, e);
  }
  const declared = await db
    .select({ proposalId: conflicts.proposalId, judgeId: conflicts.judgeId, state: conflicts.state, createdAt: conflicts.createdAt })
    .from(conflicts)
    .where(and(eq(conflicts.competitionId, c.id), ne(conflicts.state, "dismissed")));
  const declaration = new Map(declared.map((d) => [`${d.proposalId}:${d.judgeId}`, d]));

  const out: Violation[] = [];
  for (const r of submitted) {
    const reasons = conflictReasons(inputs, r.proposalId, r.judgeId);
    if (!reasons.length) continue;
    if (reasons.length === 1 && reasons[0] === "declared") {
      // By design a declaration keeps a review already submitted (declareConflict withdraws only
      // assignments not yet scored): the score was given before anyone knew of the conflict.
      // Such a review breaks the invariant only once the secretariat confirms the conflict; a
      // pending declaration is still a claim. A review submitted after the declaration was never
      // allowed (the recusal removed the assignment) and is reported whatever the state.
      const d = declaration.get(`${r.proposalId}:${r.judgeId}`);
      if (d && d.state === "pending" && r.submittedAt && r.submittedAt.getTime() < d.createdAt.getTime()) continue;
    }
    out.push({
      rule: "conflicted-review",
      ids: { competition: c.id, stage: r.stageCode, proposal: r.proposalId, judge: r.judgeId, review: r.id },
      detail: `Judge ${r.judgeId} submitted review ${r.id} of proposal ${r.proposalId} in ${r.stageCode} despite a conflict (${reasons.join(", ")}).`,
    });
  }
  return out;
}

// --- b and c. The plenary's decisions ----------------------------------------------------------

async function decisionChecks(db: DbOrTx, c: Edition, submitted: ReviewRow[], totals: Map<number, { total: number } | { problem: string }>): Promise<Violation[]> {
  const decisions = await db
    .select({ stageCode: stageDecisions.stageCode, proposalId: stageDecisions.proposalId, advances: stageDecisions.advances, score: stageDecisions.score })
    .from(stageDecisions)
    .where(eq(stageDecisions.competitionId, c.id))
    .orderBy(asc(stageDecisions.stageCode), asc(stageDecisions.proposalId));
  if (!decisions.length) return [];
  // stage code → proposal id → the complete submitted reviews' totals there.
  const complete = new Map<string, Map<number, number[]>>();
  for (const r of submitted) {
    const t = totals.get(r.id);
    if (!t || !("total" in t)) continue;
    const byProposal = complete.get(r.stageCode) ?? new Map<number, number[]>();
    complete.set(r.stageCode, byProposal);
    byProposal.set(r.proposalId, [...(byProposal.get(r.proposalId) ?? []), t.total]);
  }

  const out: Violation[] = [];
  const scoredBy = new Map<string, Stage | null>();
  const normalised = new Map<string, Map<number, number | null>>();
  for (const d of decisions) {
    const stage = c.config.stages.find((s) => s.code === d.stageCode);
    const ids = { competition: c.id, stage: d.stageCode, proposal: d.proposalId };
    if (!stage) continue; // a stage removed from the configuration: nothing left to check against
    // b. Going on from a scored stage takes that stage's k complete reviews.
    if (d.advances && SCORED_KINDS.includes(stage.kind)) {
      const n = complete.get(stage.code)?.get(d.proposalId)?.length ?? 0;
      if (n < stage.reviewersPerProposal) {
        out.push({ rule: "advanced-short-of-reviews", ids, detail: `Proposal ${d.proposalId} goes on from ${stage.code} with ${n} complete review(s); the stage needs ${stage.reviewersPerProposal}.` });
      }
    }
    // c. The stored score against the reviews of the stage it ranks by (a decision stage ranks by
    // the last scored stage before it).
    if (!scoredBy.has(stage.code)) {
      let by: Stage | null = null;
      try {
        by = plenaryStage(c.config, stage.code).scoredBy;
      } catch {
        by = null; // registration or screening: no scores to compare
      }
      scoredBy.set(stage.code, by);
    }
    const by = scoredBy.get(stage.code);
    if (!by) continue;
    const list = complete.get(by.code)?.get(d.proposalId) ?? [];
    const raw = list.length ? aggregate(list, c.config.scoring.aggregate) : null;
    if (raw === null ? d.score === null : d.score !== null && same(raw, d.score)) continue;
    // The basis the panel ranked by is not stored with the decision. A score that is not the raw
    // aggregate may be the normalised one (the panel's explicit choice): recomputed exactly as
    // the plenary did (stageRanking over the stage's entrants), it stands if it matches.
    if (d.score !== null) {
      if (!normalised.has(stage.code)) {
        const { rows } = await stageRanking(db, c, stage.code, "normalised");
        normalised.set(stage.code, new Map(rows.map((r) => [r.entrant.id, r.ranked.rankScore])));
      }
      const n = normalised.get(stage.code)!.get(d.proposalId);
      if (n !== undefined && n !== null && same(n, d.score)) continue;
    }
    const fmt = (x: number | null) => (x === null ? "none" : x.toFixed(6));
    out.push({
      rule: "total-mismatch",
      ids,
      detail: `Decision on proposal ${d.proposalId} in ${stage.code} stores score ${fmt(d.score)}; its ${list.length} complete review(s) in ${by.code} give ${fmt(raw)} (${c.config.scoring.aggregate} of weighted totals).`,
    });
  }
  return out;
}

// --- d. Locks ----------------------------------------------------------------------------------

async function lockChecks(db: DbOrTx, c: Edition): Promise<Violation[]> {
  const out: Violation[] = [];
  // A submitted review is locked at its submission (saveReview writes both instants at once).
  const changed = await db
    .select({ id: reviews.id, stageCode: reviews.stageCode, proposalId: reviews.proposalId, judgeId: reviews.judgeId, submittedAt: reviews.submittedAt, updatedAt: reviews.updatedAt })
    .from(reviews)
    .where(and(eq(reviews.competitionId, c.id), eq(reviews.state, "submitted"), isNotNull(reviews.submittedAt), sql`${reviews.updatedAt} > ${reviews.submittedAt}`))
    .orderBy(asc(reviews.id));
  for (const r of changed) {
    out.push({
      rule: "review-changed-after-submit",
      ids: { competition: c.id, stage: r.stageCode, proposal: r.proposalId, judge: r.judgeId, review: r.id },
      detail: `Review ${r.id} was changed at ${r.updatedAt.toISOString()}, after its submission at ${r.submittedAt!.toISOString()}.`,
    });
  }

  // Every review is locked at its stage's close, unless the secretariat reopened it: reopenedAt
  // while it is open again, and the audit log's "review.reopen" once it was submitted again
  // (the resubmission clears reopenedAt). The reopening must come before the change.
  const scored = c.config.stages.filter((s) => SCORED_KINDS.includes(s.kind));
  for (const s of scored) {
    const end = new Date(stageEnd(s));
    const late = await db
      .select({ id: reviews.id, proposalId: reviews.proposalId, judgeId: reviews.judgeId, updatedAt: reviews.updatedAt })
      .from(reviews)
      .where(
        and(
          eq(reviews.competitionId, c.id),
          eq(reviews.stageCode, s.code),
          gte(reviews.updatedAt, end),
          isNull(reviews.reopenedAt),
          sql`NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.subject_type = 'proposal' AND a.subject_id = ${reviews.proposalId}::text AND a.action = 'review.reopen' AND a.data->>'review' = ${reviews.id}::text AND a.at <= ${reviews.updatedAt})`,
        ),
      )
      .orderBy(asc(reviews.id));
    for (const r of late) {
      out.push({
        rule: "review-changed-after-close",
        ids: { competition: c.id, stage: s.code, proposal: r.proposalId, judge: r.judgeId, review: r.id },
        detail: `Review ${r.id} was changed at ${r.updatedAt.toISOString()}, after ${s.code} closed (${s.closesAt}), and was never reopened.`,
      });
    }
  }

  // A proposal's sections are locked at its submission (the endorsement).
  const sections = await db
    .select({ proposalId: proposals.id, sectionCode: proposalSections.sectionCode, updatedAt: proposalSections.updatedAt, submittedAt: proposals.submittedAt })
    .from(proposalSections)
    .innerJoin(proposals, eq(proposals.id, proposalSections.proposalId))
    .where(and(eq(proposals.competitionId, c.id), eq(proposals.state, "submitted"), isNotNull(proposals.submittedAt), sql`${proposalSections.updatedAt} > ${proposals.submittedAt}`))
    .orderBy(asc(proposals.id), asc(proposalSections.sectionCode));
  for (const s of sections) {
    out.push({
      rule: "section-changed-after-submit",
      ids: { competition: c.id, proposal: s.proposalId, section: s.sectionCode },
      detail: `Section ${s.sectionCode} of proposal ${s.proposalId} was changed at ${s.updatedAt.toISOString()}, after its submission at ${s.submittedAt!.toISOString()}.`,
    });
  }
  return out;
}

/** Violations as readable lines, for a test's failure message or a console. */
export const describeViolations = (list: readonly Violation[]) => list.map((v) => `${v.rule}: ${v.detail}`).join("\n");

