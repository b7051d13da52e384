// The plenary (capability 6): a stage's scores and ranking (rank.ts) with the advancement rule's
// proposal of who goes on, and the panel's decisions. The panel follows the proposal or departs
// from it; a departure is an override and needs a reason, and every decision is audited. The
// next stage takes the proposals decided to go on (stage-entrants.server.ts).
import { and, count, eq, isNull } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import { assignments, reviews, stageDecisions, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { SCORED_KINDS } from "~/modules/competitions/config-values";
import { rankStage, type ScoreBasis } from "./rank";
import { stageEntrants, stageOf } from "./stage-entrants.server";
import { assertJudgingOpen } from "./judging-open.server";

type Competition = { id: number; config: CompetitionConfig };

/**
 * The stage decided in a plenary and the stage whose reviews it ranks by: a scored stage ranks
 * by its own reviews; a decision stage (the final plenary that awards the top tiers) ranks by
 * the last scored stage before it (in KIPP, the field verification after the interviews).
 */
export function plenaryStage(config: CompetitionConfig, stageCode: string) {
  const { stage, index } = stageOf(config, stageCode);
  if (SCORED_KINDS.includes(stage.kind)) return { stage, scoredBy: stage };
  if (stage.kind !== "decision") throw new AppError("not-found", "errors.notFound");
  const scoredBy = config.stages.slice(0, index).reverse().find((s) => SCORED_KINDS.includes(s.kind));
  if (!scoredBy) throw new AppError("not-found", "errors.notFound");
  return { stage, scoredBy };
}

export async function stageRanking(db: DbOrTx, competition: Competition, stageCode: string, basis: ScoreBasis = "raw") {
  const { stage, scoredBy } = plenaryStage(competition.config, stageCode);
  const entrants = await stageEntrants(db, competition.id, competition.config, stageCode);
  const rows = await db
    .select({ proposalId: reviews.proposalId, judgeId: reviews.judgeId, scores: reviews.scores, state: reviews.state })
    .from(reviews)
    .where(and(eq(reviews.competitionId, competition.id), eq(reviews.stageCode, scoredBy.code)));
  const byId = new Map(entrants.map((e) => [String(e.id), e]));
  const ranking = rankStage({
    proposals: entrants.map((e) => ({
      id: String(e.id),
      categoryCode: e.categoryCode,
      groupCode: e.groupCode,
      agencyType: e.agencyType,
      // Eastern Indonesia: the WITA and WIT zones (the programme's affirmative share).
      east: e.zone === "WITA" || e.zone === "WIT",
      submittedAt: (e.submittedAt ?? new Date(0)).toISOString(),
    })),
    reviews: rows.filter((r) => byId.has(String(r.proposalId))).map((r) => ({ proposalId: String(r.proposalId), judgeId: String(r.judgeId), scores: r.scores, submitted: r.state === "submitted" })),
    criteria: scoredBy.criteria,
    scoring: competition.config.scoring,
    advancement: stage.advancement,
    basis,
  });
  const decided = await db
    .select({ proposalId: stageDecisions.proposalId, advances: stageDecisions.advances, proposed: stageDecisions.proposed, reason: stageDecisions.reason, decidedAt: stageDecisions.decidedAt, by: users.name })
    .from(stageDecisions)
    .leftJoin(users, eq(users.id, stageDecisions.decidedBy))
    .where(and(eq(stageDecisions.competitionId, competition.id), eq(stageDecisions.stageCode, stageCode)));
  const decisions = new Map(decided.map((d) => [d.proposalId, d]));
  const proposal = new Map(ranking.advancement.decisions.map((d) => [d.id, d]));
  return {
    stage,
    scoredBy,
    basis,
    ranking,
    rows: ranking.ranked.map((r) => {
      const e = byId.get(r.proposal.id)!;
      return { entrant: e, ranked: r, proposed: proposal.get(r.proposal.id)!, decision: decisions.get(e.id) ?? null };
    }),
  };
}

export type PlenaryDecision = { proposalId: number; advances: boolean; reason: string };

/**
 * The reviews a plenary still waits for: pairs assigned to the stage it ranks by that have no
 * submitted review, while that stage's scoring is open. A ranking taken earlier counts a
 * proposal its judges have not yet scored as unscored, and would drop it. Once the stage has
 * closed, scores are locked and a missing one stays missing (the secretariat may reopen it).
 */
export async function awaitedReviews(db: DbOrTx, competition: Competition, stageCode: string, now = new Date()): Promise<number> {
  const { scoredBy } = plenaryStage(competition.config, stageCode);
  if (new Date(scoredBy.closesAt).getTime() <= now.getTime()) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(assignments)
    .leftJoin(
      reviews,
      and(
        eq(reviews.competitionId, assignments.competitionId),
        eq(reviews.stageCode, assignments.stageCode),
        eq(reviews.proposalId, assignments.proposalId),
        eq(reviews.judgeId, assignments.judgeId),
        eq(reviews.state, "submitted"),
      ),
    )
    .where(and(eq(assignments.competitionId, competition.id), eq(assignments.stageCode, scoredBy.code), isNull(reviews.id)));
  return row?.n ?? 0;
}

/**
 * Record the panel's decisions for a stage, once its scoring is complete (awaitedReviews) or
 * the panel says it decides without the reviews still awaited. A decision that differs from the rule's proposal is an override: without a reason it is
 * refused, naming the row (`reason.ID`).
 */
export async function decideStage(
  db: Db,
  actor: Actor,
  competition: Competition,
  stageCode: string,
  decisions: PlenaryDecision[],
  basis: ScoreBasis = "raw",
  opts: { despiteAwaited?: boolean } = {},
) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  if (!decisions.length) throw new AppError("invalid", "judging.errors.noneChosen");
  return db.transaction(async (tx) => {
    await assertJudgingOpen(tx, competition.id);
    // A stage decides what its own judging found: before it opens nothing has been judged (no
    // interview held, no visit made), and a plenary then would pass its entrants unseen.
    const { stage } = stageOf(competition.config, stageCode);
    if (Date.now() < Date.parse(stage.opensAt)) throw new AppError("conflict", "judging.errors.stageNotOpen");
    // The panel may still decide early (a judge who will not score, the meeting's date), but
    // only by saying so: the decision is then recorded with how many reviews it did not wait for.
    const awaited = await awaitedReviews(tx, competition, stageCode);
    if (awaited && !opts.despiteAwaited) throw new AppError("conflict", "judging.errors.scoringOpen");
    const { rows } = await stageRanking(tx, competition, stageCode, basis);
    const byId = new Map(rows.map((r) => [r.entrant.id, r]));
    const errors: Record<string, string> = {};
    for (const d of decisions) {
      const row = byId.get(d.proposalId);
      if (!row) errors[`advances.${d.proposalId}`] = "judging.errors.notEntrant";
      else if (d.advances !== row.proposed.advance && !d.reason.trim()) errors[`reason.${d.proposalId}`] = "judging.errors.overrideReason";
    }
    if (Object.keys(errors).length) throw new AppError("invalid", "errors.invalid", errors);
    const now = new Date();
    const overrides: number[] = [];
    for (const d of decisions) {
      const row = byId.get(d.proposalId)!;
      if (d.advances !== row.proposed.advance) overrides.push(d.proposalId);
      const values = { advances: d.advances, proposed: row.proposed.advance, rank: row.ranked.rank, score: row.ranked.rankScore, reason: d.reason.trim(), decidedBy: actor.id, decidedAt: now };
      await tx
        .insert(stageDecisions)
        .values({ competitionId: competition.id, stageCode, proposalId: d.proposalId, ...values })
        .onConflictDoUpdate({ target: [stageDecisions.competitionId, stageDecisions.stageCode, stageDecisions.proposalId], set: values });
    }
    await recordAudit(tx, { actorUserId: actor.id, action: "stage.decide", subjectType: "competition", subjectId: competition.id, data: { stage: stageCode, decided: decisions.length, advancing: decisions.filter((d) => d.advances).map((d) => d.proposalId), overrides, ...(awaited ? { awaited } : {}) } });
    return { decided: decisions.length, overrides: overrides.length };
  });
}
