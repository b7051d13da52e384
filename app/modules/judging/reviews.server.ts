// Scoring (capability 5). A judge scores what is assigned to them, per criterion on its scale
// with the rubric's level descriptions beside it and a justification for every score. A review
// is saved as often as the judge likes and submitted once; scores lock when the stage closes
// (to the second, judged at the request's arrival) and once submitted. The secretariat may
// reopen one review, with a reason in the audit log; the judge then changes and submits it
// again, even after the close.
import { and, asc, eq } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import { assignments, competitions, reviews, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { CompetitionConfig, Criterion, Stage } from "~/modules/competitions/config";
import { stageEnd } from "~/modules/competitions/config-values";
import { competitionById } from "~/modules/competitions/queries.server";
import { judgedStage } from "./assignment.server";
import { assertJudgingOpen } from "./judging-open.server";

export type ReviewRow = typeof reviews.$inferSelect;

export const MAX_JUSTIFICATION = 3000;

/** The stage is taking scores at `now`: opened and not yet closed. */
export const stageTakesScores = (stage: Stage, now: number) => now >= Date.parse(stage.opensAt) && now < stageEnd(stage);

/** The judge's assignments in every edition, newest edition first. */
export async function myAssignments(db: DbOrTx, actor: Actor) {
  assertCan(actor, "review.enter");
  if (actor.kind !== "user") return [];
  return db
    .select({
      competitionId: assignments.competitionId,
      slug: competitions.slug,
      competition: competitions.name,
      edition: competitions.edition,
      stageCode: assignments.stageCode,
      proposalId: assignments.proposalId,
      reviewState: reviews.state,
      submittedAt: reviews.submittedAt,
    })
    .from(assignments)
    .innerJoin(competitions, eq(competitions.id, assignments.competitionId))
    .leftJoin(
      reviews,
      and(eq(reviews.competitionId, assignments.competitionId), eq(reviews.stageCode, assignments.stageCode), eq(reviews.proposalId, assignments.proposalId), eq(reviews.judgeId, assignments.judgeId)),
    )
    .where(eq(assignments.judgeId, actor.id))
    .orderBy(asc(competitions.edition), asc(assignments.stageCode), asc(assignments.proposalId));
}

/** Load what a judge may see of one assignment, or 404 when it is not theirs. */
export async function assignedReview(db: DbOrTx, actor: Actor, competitionId: number, stageCode: string, proposalId: number) {
  assertCan(actor, "review.enter");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const competition = await competitionById(db, competitionId);
  if (!competition) throw new AppError("not-found", "errors.notFound");
  const stage = judgedStage(competition.config, stageCode);
  const [assigned] = await db
    .select({ judgeId: assignments.judgeId })
    .from(assignments)
    .where(and(eq(assignments.competitionId, competitionId), eq(assignments.stageCode, stageCode), eq(assignments.proposalId, proposalId), eq(assignments.judgeId, actor.id)));
  if (!assigned) throw new AppError("not-found", "errors.notFound");
  assertCan(actor, "review.write", { judgeId: assigned.judgeId });
  const [mine] = await db
    .select()
    .from(reviews)
    .where(and(eq(reviews.competitionId, competitionId), eq(reviews.stageCode, stageCode), eq(reviews.proposalId, proposalId), eq(reviews.judgeId, actor.id)));
  return { competition, stage, review: mine ?? null };
}

/**
 * The other judges' submitted reviews of the proposal, anonymous ("Juri 1", "Juri 2" in a
 * stable order), when the judge may see them: after submitting their own when the edition
 * reveals after submission, always otherwise.
 */
export async function otherReviews(db: DbOrTx, config: CompetitionConfig, judgeId: number, mine: ReviewRow | null, competitionId: number, stageCode: string, proposalId: number) {
  if (config.scoring.revealAfterSubmit && mine?.state !== "submitted") return null;
  const rows = await db
    .select({ judgeId: reviews.judgeId, scores: reviews.scores, justifications: reviews.justifications })
    .from(reviews)
    .where(and(eq(reviews.competitionId, competitionId), eq(reviews.stageCode, stageCode), eq(reviews.proposalId, proposalId), eq(reviews.state, "submitted")))
    .orderBy(asc(reviews.id));
  return rows.filter((r) => r.judgeId !== judgeId).map((r, i) => ({ label: i + 1, scores: r.scores, justifications: r.justifications }));
}

export type ReviewInput = {
  scores: Record<string, string>;
  justifications: Record<string, string>;
  comment: string;
  version: number | null;
  submit: boolean;
};

/**
 * Check a review form against the stage's criteria. A draft may leave scores out; a submitted
 * review has every score, each on its scale, and every justification. Errors are keyed by the
 * form's field names (`score.CODE`, `why.CODE`).
 */
export function checkReview(criteria: readonly Criterion[], input: ReviewInput) {
  const errors: Record<string, string> = {};
  const scores: Record<string, number> = {};
  const justifications: Record<string, string> = {};
  for (const c of criteria) {
    const raw = (input.scores[c.code] ?? "").trim();
    const why = (input.justifications[c.code] ?? "").trim();
    if (why.length > MAX_JUSTIFICATION) errors[`why.${c.code}`] = "judging.errors.tooLong";
    else if (why) justifications[c.code] = why;
    if (raw === "") {
      if (input.submit) errors[`score.${c.code}`] = "judging.errors.scoreRequired";
    } else {
      const n = Number(raw.replace(",", "."));
      if (!Number.isFinite(n) || n < c.scaleMin || n > c.scaleMax) errors[`score.${c.code}`] = "judging.errors.scoreRange";
      else scores[c.code] = n;
    }
    if (input.submit && !why && !errors[`why.${c.code}`]) errors[`why.${c.code}`] = "judging.errors.justificationRequired";
  }
  const comment = input.comment.trim();
  if (comment.length > MAX_JUSTIFICATION) errors.comment = "judging.errors.tooLong";
  return { errors, scores, justifications, comment };
}

export async function saveReview(db: Db, actor: Actor, at: { competitionId: number; stageCode: string; proposalId: number }, input: ReviewInput, receivedAt: number) {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  return db.transaction(async (tx) => {
    const { stage, review } = await assignedReview(tx, actor, at.competitionId, at.stageCode, at.proposalId);
    if (review?.state === "submitted") throw new AppError("conflict", "judging.errors.locked");
    // Open stage, or a review the secretariat reopened (its reopenedAt is set until resubmitted).
    if (!review?.reopenedAt && !stageTakesScores(stage, receivedAt)) {
      throw new AppError("conflict", receivedAt < Date.parse(stage.opensAt) ? "judging.errors.notOpen" : "judging.errors.closed");
    }
    if (review && input.version !== null && input.version !== review.version) throw new AppError("conflict", "judging.errors.stale");
    const checked = checkReview(stage.criteria, input);
    if (Object.keys(checked.errors).length) throw new AppError("invalid", "errors.invalid", checked.errors);
    const now = new Date(receivedAt);
    const values = {
      scores: checked.scores,
      justifications: checked.justifications,
      comment: checked.comment,
      state: input.submit ? ("submitted" as const) : ("draft" as const),
      submittedAt: input.submit ? now : null,
      updatedAt: now,
    };
    let row: ReviewRow;
    if (review) {
      [row] = await tx
        .update(reviews)
        .set({ ...values, version: review.version + 1, ...(input.submit ? { reopenedAt: null } : {}) })
        .where(and(eq(reviews.id, review.id), eq(reviews.version, review.version)))
        .returning();
      if (!row) throw new AppError("conflict", "judging.errors.stale");
    } else {
      [row] = await tx.insert(reviews).values({ competitionId: at.competitionId, stageCode: at.stageCode, proposalId: at.proposalId, judgeId: actor.id, ...values }).returning();
    }
    if (input.submit) await recordAudit(tx, { actorUserId: actor.id, action: "review.submit", subjectType: "proposal", subjectId: at.proposalId, data: { stage: at.stageCode, review: row.id } });
    return row;
  });
}

/** The secretariat reopens one submitted review, with a reason; audited. */
export async function reopenReview(db: Db, actor: Actor, competitionId: number, reviewId: number, reason: string) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  if (!reason.trim()) throw new AppError("invalid", "judging.errors.reasonRequired", { reason: "judging.errors.reasonRequired" });
  return db.transaction(async (tx) => {
    await assertJudgingOpen(tx, competitionId);
    const [row] = await tx
      .update(reviews)
      .set({ state: "draft", reopenedAt: new Date(), submittedAt: null })
      .where(and(eq(reviews.id, reviewId), eq(reviews.competitionId, competitionId), eq(reviews.state, "submitted")))
      .returning();
    if (!row) throw new AppError("not-found", "errors.notFound");
    await recordAudit(tx, { actorUserId: actor.id, action: "review.reopen", subjectType: "proposal", subjectId: row.proposalId, data: { review: row.id, judge: row.judgeId, stage: row.stageCode, reason: reason.trim() } });
    return row;
  });
}

/** Every review of a stage for the secretariat (judges by name: the secretariat knows them). */
export function stageReviews(db: DbOrTx, competitionId: number, stageCode: string) {
  return db
    .select({ id: reviews.id, proposalId: reviews.proposalId, judgeId: reviews.judgeId, judge: users.name, state: reviews.state, scores: reviews.scores, submittedAt: reviews.submittedAt, reopenedAt: reviews.reopenedAt })
    .from(reviews)
    .innerJoin(users, eq(users.id, reviews.judgeId))
    .where(and(eq(reviews.competitionId, competitionId), eq(reviews.stageCode, stageCode)))
    .orderBy(asc(reviews.proposalId), asc(reviews.id));
}
