// A stage's assignment of judges to proposals: the automatic run (assign.ts, HotCRP's
// min-cost flow) over the stage's entrants and the edition's judges of the stage's pool, and
// manual changes on top, each with a reason in the audit log.
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import { assignments, competitions, proposals, reviews, users } from "~/db/schema";
import { notify } from "~/modules/notifications/notify.server";
import { instantVar } from "~/i18n";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { CompetitionConfig, Stage } from "~/modules/competitions/config";
import { SCORED_KINDS } from "~/modules/competitions/config-values";
import { assignJudges, conflictsOf, type ConflictReason, type ProposalForAssignment, type UnstaffedProposal } from "./assign";
import { declaredPairs } from "./conflicts.server";
import { assertJudgingOpen } from "./judging-open.server";
import { forAssignment, judgePool, type PoolJudge } from "./judges.server";
import { stageEntrants, stageOf, type StageEntrant } from "./stage-entrants.server";

type Competition = { id: number; config: CompetitionConfig };

export function judgedStage(config: CompetitionConfig, stageCode: string): Stage {
  const { stage } = stageOf(config, stageCode);
  if (!SCORED_KINDS.includes(stage.kind) || stage.judges === "none") throw new AppError("not-found", "errors.notFound");
  return stage;
}

const inPool = (stage: Stage, j: PoolJudge) => j.member && (stage.judges === "both" || stage.judges === j.role);

function forProposal(p: StageEntrant, involved: Map<number, string[]>): ProposalForAssignment {
  const regency = p.regionCode?.includes(".") ? p.regionCode : null;
  return {
    id: String(p.id),
    agencyId: String(p.agencyId),
    provinceCode: p.provinceCode ?? (p.regionCode && !regency ? p.regionCode : null),
    regencyCode: regency,
    categories: [p.categoryCode, ...p.sectors],
    involvedJudgeIds: involved.get(p.innovationId) ?? [],
  };
}

/** Judges who reviewed the same innovation in an earlier edition: innovation id → judge ids. */
async function earlierInvolvement(db: DbOrTx, competitionId: number, innovationIds: number[]) {
  const map = new Map<number, string[]>();
  if (!innovationIds.length) return map;
  const rows = await db
    .selectDistinct({ innovationId: proposals.innovationId, judgeId: reviews.judgeId })
    .from(reviews)
    .innerJoin(proposals, eq(proposals.id, reviews.proposalId))
    .where(and(ne(reviews.competitionId, competitionId), inArray(proposals.innovationId, innovationIds)));
  for (const r of rows) map.set(r.innovationId, [...(map.get(r.innovationId) ?? []), String(r.judgeId)]);
  return map;
}

/** Everything the assignment page and the run need, loaded once. */
export async function assignmentInputs(db: DbOrTx, competition: Competition, stageCode: string) {
  const stage = judgedStage(competition.config, stageCode);
  const entrants = await stageEntrants(db, competition.id, competition.config, stageCode);
  const pool = (await judgePool(db, competition.id)).filter((j) => inPool(stage, j));
  const involved = await earlierInvolvement(db, competition.id, entrants.map((e) => e.innovationId));
  const declared = await declaredPairs(db, competition.id);
  const current = await db
    .select({ proposalId: assignments.proposalId, judgeId: assignments.judgeId, source: assignments.source })
    .from(assignments)
    .where(and(eq(assignments.competitionId, competition.id), eq(assignments.stageCode, stageCode)))
    .orderBy(asc(assignments.proposalId), asc(assignments.judgeId));
  const stageReviews = await db
    .select({ proposalId: reviews.proposalId, judgeId: reviews.judgeId, state: reviews.state })
    .from(reviews)
    .where(and(eq(reviews.competitionId, competition.id), eq(reviews.stageCode, stageCode)));
  // Looked up once per assigned pair on the assignment page (4,000 pairs at national scale).
  const entrantById = new Map(entrants.map((e) => [e.id, e]));
  const judgeById = new Map(pool.map((j) => [j.id, j]));
  const declaredPair = new Set(declared.map((d) => `${d.proposalId}:${d.judgeId}`));
  return { stage, entrants, pool, involved, declared, current, stageReviews, entrantById, judgeById, declaredPair };
}

/** Why `judgeId` may not judge `proposalId`; empty when they may. */
export function conflictReasons(inputs: Awaited<ReturnType<typeof assignmentInputs>>, proposalId: number, judgeId: number): ConflictReason[] {
  const p = inputs.entrantById.get(proposalId);
  const j = inputs.judgeById.get(judgeId);
  if (!p || !j) return [];
  const declared = inputs.declaredPair.has(`${proposalId}:${judgeId}`);
  return conflictsOf(forAssignment(j), forProposal(p, inputs.involved), declared);
}

export type AssignmentRun = { pairs: number; moved: number; kept: number; unstaffed: UnstaffedProposal[]; balanced: boolean };

/**
 * Run the automatic assignment and store it. The pairs in force are the "previous" assignment:
 * a re-run after a recusal or a new conflict moves as few as it can. A pair whose review is
 * already submitted is never dropped by a re-run (the score stands); it is counted as kept.
 */
export async function runAssignment(db: Db, actor: Actor, competition: Competition, stageCode: string, opts: { publicUrl: string }): Promise<AssignmentRun> {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  return db.transaction(async (tx) => {
    await assertJudgingOpen(tx, competition.id);
    const inputs = await assignmentInputs(tx, competition, stageCode);
    const { stage, entrants, pool, involved, declared, current, stageReviews } = inputs;
    if (!pool.length) throw new AppError("conflict", "judging.errors.noJudges");
    if (!entrants.length) throw new AppError("conflict", "judging.errors.noEntrants");
    const result = assignJudges({
      proposals: entrants.map((p) => forProposal(p, involved)),
      judges: pool.map(forAssignment),
      judgesPerProposal: stage.reviewersPerProposal,
      conflicts: declared.map((d) => ({ proposalId: String(d.proposalId), judgeId: String(d.judgeId) })),
      previous: current.map((c) => ({ proposalId: String(c.proposalId), judgeId: String(c.judgeId) })),
    });
    const key = (p: number | string, j: number | string) => `${p}:${j}`;
    const next = new Set(result.pairs.map((p) => key(p.proposalId, p.judgeId)));
    const submitted = new Set(stageReviews.filter((r) => r.state === "submitted").map((r) => key(r.proposalId, r.judgeId)));
    const drop = current.filter((c) => !next.has(key(c.proposalId, c.judgeId)) && !submitted.has(key(c.proposalId, c.judgeId)));
    const kept = current.filter((c) => !next.has(key(c.proposalId, c.judgeId)) && submitted.has(key(c.proposalId, c.judgeId))).length;
    const have = new Set(current.map((c) => key(c.proposalId, c.judgeId)));
    const add = result.pairs.filter((p) => !have.has(key(p.proposalId, p.judgeId)));
    for (const d of drop) {
      const pair = and(eq(assignments.competitionId, competition.id), eq(assignments.stageCode, stageCode), eq(assignments.proposalId, d.proposalId), eq(assignments.judgeId, d.judgeId));
      await tx.delete(assignments).where(pair);
      await tx
        .delete(reviews)
        .where(and(eq(reviews.competitionId, competition.id), eq(reviews.stageCode, stageCode), eq(reviews.proposalId, d.proposalId), eq(reviews.judgeId, d.judgeId), eq(reviews.state, "draft")));
    }
    if (add.length) {
      await tx.insert(assignments).values(add.map((p) => ({ competitionId: competition.id, stageCode, proposalId: Number(p.proposalId), judgeId: Number(p.judgeId), source: "auto" })));
    }
    await tellJudges(tx, competition, stage, add.map((p) => Number(p.judgeId)), "assignment", opts.publicUrl);
    const run = { pairs: result.pairs.length + kept, moved: current.length ? add.length : 0, kept, unstaffed: result.unstaffed, balanced: result.balanced };
    await recordAudit(tx, { actorUserId: actor.id, action: "assignment.run", subjectType: "competition", subjectId: competition.id, data: { stage: stageCode, added: add.length, removed: drop.length, kept, unstaffed: result.unstaffed.length } });
    return run;
  });
}

/**
 * Tell judges of new assignments ("assignment": how many were added for each) or of reviews
 * still to submit ("reviewDue": how many are not submitted), in the outbox and in the app.
 */
async function tellJudges(tx: DbOrTx, competition: Competition, stage: Stage, judgeIds: number[], what: "assignment" | "reviewDue", publicUrl: string) {
  const count = new Map<number, number>();
  for (const id of judgeIds) count.set(id, (count.get(id) ?? 0) + 1);
  if (!count.size) return 0;
  const [c] = await tx.select({ name: competitions.name }).from(competitions).where(eq(competitions.id, competition.id));
  const people = await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.id, [...count.keys()]));
  for (const p of people) {
    const vars = { n: count.get(p.id)!, stage: stage.name, competition: c.name, until: instantVar(stage.closesAt, "WIB"), link: `${publicUrl}/kelola/penilaian` };
    await notify(tx, [p], { kind: what === "assignment" ? "assignment" : "review-due", key: `mail.${what}`, vars, link: "/kelola/penilaian" });
  }
  return people.length;
}

/** Remind every judge of the stage whose reviews are not all submitted; returns how many. */
export async function remindJudges(db: Db, actor: Actor, competition: Competition, stageCode: string, publicUrl: string) {
  assertCan(actor, "competition.manage");
  return db.transaction(async (tx) => {
    const inputs = await assignmentInputs(tx, competition, stageCode);
    const done = new Set(inputs.stageReviews.filter((r) => r.state === "submitted").map((r) => `${r.proposalId}:${r.judgeId}`));
    const due = inputs.current.filter((c) => !done.has(`${c.proposalId}:${c.judgeId}`)).map((c) => c.judgeId);
    return tellJudges(tx, competition, inputs.stage, due, "reviewDue", publicUrl);
  });
}

/** Add or remove one pair by hand, with a reason. A conflicted pair can never be added. */
export async function changeAssignment(
  db: Db,
  actor: Actor,
  competition: Competition,
  stageCode: string,
  change: { op: "add" | "remove"; proposalId: number; judgeId: number; reason: string },
) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  if (!change.reason.trim()) throw new AppError("invalid", "judging.errors.reasonRequired", { reason: "judging.errors.reasonRequired" });
  return db.transaction(async (tx) => {
    await assertJudgingOpen(tx, competition.id);
    const inputs = await assignmentInputs(tx, competition, stageCode);
    const pair = and(eq(assignments.competitionId, competition.id), eq(assignments.stageCode, stageCode), eq(assignments.proposalId, change.proposalId), eq(assignments.judgeId, change.judgeId));
    if (change.op === "add") {
      if (!inputs.entrants.some((e) => e.id === change.proposalId)) throw new AppError("invalid", "judging.errors.notEntrant", { proposalId: "judging.errors.notEntrant" });
      if (!inputs.pool.some((j) => j.id === change.judgeId)) throw new AppError("invalid", "judging.errors.notJudge", { judgeId: "judging.errors.notJudge" });
      const reasons = conflictReasons(inputs, change.proposalId, change.judgeId);
      if (reasons.length) throw new AppError("conflict", "judging.errors.conflicted", { judgeId: "judging.errors.conflicted" });
      await tx.insert(assignments).values({ competitionId: competition.id, stageCode, proposalId: change.proposalId, judgeId: change.judgeId, source: "manual" }).onConflictDoNothing();
    } else {
      const [review] = await tx
        .select({ state: reviews.state })
        .from(reviews)
        .where(and(eq(reviews.competitionId, competition.id), eq(reviews.stageCode, stageCode), eq(reviews.proposalId, change.proposalId), eq(reviews.judgeId, change.judgeId)));
      if (review?.state === "submitted") throw new AppError("conflict", "judging.errors.reviewSubmitted");
      const gone = await tx.delete(assignments).where(pair).returning();
      if (!gone.length) throw new AppError("not-found", "errors.notFound");
      await tx.delete(reviews).where(and(eq(reviews.competitionId, competition.id), eq(reviews.stageCode, stageCode), eq(reviews.proposalId, change.proposalId), eq(reviews.judgeId, change.judgeId)));
    }
    await recordAudit(tx, { actorUserId: actor.id, action: `assignment.${change.op}`, subjectType: "proposal", subjectId: change.proposalId, data: { stage: stageCode, judge: change.judgeId, reason: change.reason } });
  });
}

/** The assignment page: every entrant with its judges, every judge with their load. */
export async function assignmentView(db: DbOrTx, competition: Competition, stageCode: string) {
  const inputs = await assignmentInputs(db, competition, stageCode);
  const { stage, entrants, pool, current, stageReviews } = inputs;
  const names = new Map(pool.map((j) => [j.id, j.name]));
  const missing = current.filter((c) => !names.has(c.judgeId)).map((c) => c.judgeId);
  if (missing.length) {
    for (const u of await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, missing))) names.set(u.id, u.name);
  }
  const reviewState = new Map(stageReviews.map((r) => [`${r.proposalId}:${r.judgeId}`, r.state]));
  const loads = new Map<number, number>(pool.map((j) => [j.id, 0]));
  for (const c of current) loads.set(c.judgeId, (loads.get(c.judgeId) ?? 0) + 1);
  const byProposal = new Map<number, typeof current>();
  for (const c of current) byProposal.set(c.proposalId, [...(byProposal.get(c.proposalId) ?? []), c]);
  const proposalsView = entrants.map((p) => {
    const judges = (byProposal.get(p.id) ?? [])
      .map((c) => ({ id: c.judgeId, name: names.get(c.judgeId) ?? String(c.judgeId), source: c.source, review: reviewState.get(`${p.id}:${c.judgeId}`) ?? null, conflicts: conflictReasons(inputs, p.id, c.judgeId) }));
    return { id: p.id, title: p.title, receipt: p.receipt, agency: p.agency, categoryCode: p.categoryCode, judges, short: Math.max(0, stage.reviewersPerProposal - judges.length) };
  });
  return {
    stage,
    proposals: proposalsView,
    judges: pool.map((j) => ({ id: j.id, name: j.name, role: j.role, load: loads.get(j.id) ?? 0, capacity: j.capacity, expertise: j.expertise })),
    conflictedPairs: proposalsView.reduce((n, p) => n + p.judges.filter((j) => j.conflicts.length).length, 0),
  };
}
