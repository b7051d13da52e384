// Declared conflicts of interest. The automatic ones (own agency, own province for a regional
// official, earlier involvement with the innovation) are computed at assignment time and never
// stored; these are the ones only a person knows of: a relative in the team, a past contract, a
// mentoring role. A judge declares one with its kind; it keeps them away from the proposal at
// once (a pending conflict counts), and the secretariat confirms it or dismisses it with a
// reason. Declaring on an assigned proposal whose review is not yet submitted is a recusal: the
// pair and its draft go, and the next assignment run finds a replacement, moving as few pairs
// as it can.
import { and, asc, eq, inArray, ne, notInArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import type { Db, DbOrTx } from "~/db/client.server";
import { agencies, assignments, competitionJudges, conflictKind, conflicts, proposals, reviews, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";

export const CONFLICT_KINDS = conflictKind.enumValues;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const DeclareSchema = z.object({
  kind: z.enum(CONFLICT_KINDS, { error: "field.choice" }),
  note: z.string().trim().max(2000).default(""),
});

export async function declareConflict(db: Db, actor: Actor, competitionId: number, proposalId: number, input: z.infer<typeof DeclareSchema>) {
  assertCan(actor, "review.enter");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ id: competitionJudges.userId })
      .from(competitionJudges)
      .where(and(eq(competitionJudges.competitionId, competitionId), eq(competitionJudges.userId, actor.id)));
    const [proposal] = await tx
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(eq(proposals.id, proposalId), eq(proposals.competitionId, competitionId), eq(proposals.state, "submitted")));
    if (!member || !proposal) throw new AppError("not-found", "errors.notFound");
    // A declaration after a dismissal is a new one: its time is now, not the first one's.
    const values = { kind: input.kind, note: input.note, state: "pending" as const, declaredBy: actor.id, decidedBy: null, decisionReason: null, decidedAt: null, createdAt: new Date() };
    const [row] = await tx
      .insert(conflicts)
      .values({ competitionId, proposalId, judgeId: actor.id, ...values })
      .onConflictDoUpdate({ target: [conflicts.competitionId, conflicts.proposalId, conflicts.judgeId], set: values })
      .returning();
    // The recusal: assignments whose review is not submitted are withdrawn with their drafts.
    const submitted = await tx
      .select({ stageCode: reviews.stageCode })
      .from(reviews)
      .where(and(eq(reviews.competitionId, competitionId), eq(reviews.proposalId, proposalId), eq(reviews.judgeId, actor.id), eq(reviews.state, "submitted")));
    const keep = submitted.map((s) => s.stageCode);
    const pair = and(eq(assignments.competitionId, competitionId), eq(assignments.proposalId, proposalId), eq(assignments.judgeId, actor.id));
    const removed = await tx
      .delete(assignments)
      .where(keep.length ? and(pair, notInArray(assignments.stageCode, keep)) : pair)
      .returning({ stageCode: assignments.stageCode });
    if (removed.length) {
      await tx
        .delete(reviews)
        .where(
          and(
            eq(reviews.competitionId, competitionId),
            eq(reviews.proposalId, proposalId),
            eq(reviews.judgeId, actor.id),
            eq(reviews.state, "draft"),
            inArray(reviews.stageCode, removed.map((r) => r.stageCode)),
          ),
        );
    }
    await recordAudit(tx, { actorUserId: actor.id, action: "conflict.declare", subjectType: "proposal", subjectId: proposalId, data: { conflict: row.id, kind: input.kind, recusedFrom: removed.map((r) => r.stageCode) } });
    return { id: row.id, recusedFrom: removed.map((r) => r.stageCode) };
  });
}

export const DecideSchema = z.object({
  state: z.enum(["confirmed", "dismissed"], { error: "field.choice" }),
  reason: z.string({ error: "judging.errors.reasonRequired" }).trim().min(1, { error: "judging.errors.reasonRequired" }).max(2000, { error: "field.tooLong" }),
});

export async function decideConflict(db: Db, actor: Actor, competitionId: number, conflictId: number, input: z.infer<typeof DecideSchema>) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const parsed = DecideSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "judging.errors.reasonRequired", { reason: "judging.errors.reasonRequired" });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(conflicts)
      .set({ state: input.state, decisionReason: input.reason, decidedBy: actor.id, decidedAt: new Date() })
      .where(and(eq(conflicts.id, conflictId), eq(conflicts.competitionId, competitionId)))
      .returning();
    if (!row) throw new AppError("not-found", "errors.notFound");
    await recordAudit(tx, { actorUserId: actor.id, action: `conflict.${input.state}`, subjectType: "proposal", subjectId: row.proposalId, data: { conflict: row.id, judge: row.judgeId, reason: input.reason } });
    return row;
  });
}

/** Pairs a judge may not judge because of a declaration: pending or confirmed, never dismissed. */
export async function declaredPairs(db: DbOrTx, competitionId: number) {
  return db
    .select({ proposalId: conflicts.proposalId, judgeId: conflicts.judgeId })
    .from(conflicts)
    .where(and(eq(conflicts.competitionId, competitionId), ne(conflicts.state, "dismissed")));
}

export async function listConflicts(db: DbOrTx, competitionId: number) {
  const decider = alias(users, "decider");
  return db
    .select({
      id: conflicts.id,
      kind: conflicts.kind,
      note: conflicts.note,
      state: conflicts.state,
      reason: conflicts.decisionReason,
      createdAt: conflicts.createdAt,
      decidedAt: conflicts.decidedAt,
      decider: decider.name,
      judge: users.name,
      judgeId: conflicts.judgeId,
      proposalId: conflicts.proposalId,
      title: proposals.title,
      receipt: proposals.receiptNumber,
      agency: agencies.name,
    })
    .from(conflicts)
    .innerJoin(users, eq(users.id, conflicts.judgeId))
    .innerJoin(proposals, eq(proposals.id, conflicts.proposalId))
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .leftJoin(decider, eq(decider.id, conflicts.decidedBy))
    .where(eq(conflicts.competitionId, competitionId))
    .orderBy(asc(conflicts.state), asc(conflicts.createdAt), asc(conflicts.id));
}
