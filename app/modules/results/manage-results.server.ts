// The results of an edition (capability 8): provisional announcement → objection window →
// each objection answered → decree recorded → results published with certificates. The state
// lives on the competition row (announced → provisional → final, and provisional → announced
// when the announcement is withdrawn: withdraw-provisional.server.ts); every step is audited and
// the agencies hear of it by mail.
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "~/db/client.server";
import { awards, competitions, objections, proposals, stageDecisions, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { blankToUndefined, optionalIdField } from "~/lib/forms";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { competitionById } from "~/modules/competitions/queries.server";
import { notify } from "~/modules/notifications/notify.server";
import { instantVar, type MessageVars } from "~/i18n";
import { decisionIn, entrantsWhere } from "~/modules/judging/stage-entrants.server";
import { certificateCode, objectionDeadline, tiersFromDecisions } from "./awards";

type Opts = { publicUrl: string };

export function userOf(actor: Actor) {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  return actor;
}

async function loadEdition(db: Db, id: number) {
  const c = await competitionById(db, id);
  if (!c) throw new AppError("not-found", "errors.notFound");
  return c;
}

export type UndecidedStage = { code: string; name: string; kind: string; undecided: number };

/**
 * The stages whose entrants are not all decided yet: the screening's pending proposals, or a
 * judged or decision stage's entrants without a plenary decision. Announcing freezes the
 * plenaries, so an edition announced with any of these could never finish its later stages
 * (the Top 45 of a Top 99 announced too soon); the announcement waits for them.
 */
export async function undecidedStages(db: DbOrTx, c: { id: number; config: CompetitionConfig }): Promise<UndecidedStage[]> {
  const out: UndecidedStage[] = [];
  for (const [index, stage] of c.config.stages.entries()) {
    if (stage.kind === "registration") continue;
    const open = stage.kind === "screening" ? eq(proposals.screening, "pending") : sql`${decisionIn(c.id, stage.code)} IS NULL`;
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(proposals).where(and(entrantsWhere(c.id, c.config, index), open));
    if (n) out.push({ code: stage.code, name: stage.name, kind: stage.kind, undecided: n });
  }
  return out;
}

/**
 * Tell every agency that submitted a proposal to the edition: its Admin Lokal and head, who
 * answer for it (an objection is theirs), or, in an agency with neither, its unit operators, who
 * pass it on rather than the agency hearing nothing of its results and objection window.
 */
export async function tellAgencies(db: Db, competitionId: number, kind: string, vars: MessageVars, path: string) {
  const staff = await db
    .selectDistinct({ id: users.id, email: users.email, agencyId: users.agencyId, role: users.role })
    .from(users)
    .innerJoin(proposals, and(eq(proposals.agencyId, users.agencyId), eq(proposals.competitionId, competitionId), eq(proposals.state, "submitted")))
    .where(and(inArray(users.role, ["agency_admin", "agency_head", "unit_operator"]), isNull(users.disabledAt)));
  const led = new Set(staff.filter((p) => p.role !== "unit_operator").map((p) => p.agencyId));
  const people = staff.filter((p) => p.role !== "unit_operator" || !led.has(p.agencyId)).map(({ id, email }) => ({ id, email }));
  await notify(db, people, { kind, key: `mail.${kind}`, vars, link: path });
}

/** The tiers the plenary decisions give, written as the edition's awards (manual ones kept). */
async function writeStageAwards(db: Db, competitionId: number, config: CompetitionConfig) {
  const decisions = await db
    .select({ stageCode: stageDecisions.stageCode, proposalId: stageDecisions.proposalId, advances: stageDecisions.advances })
    .from(stageDecisions)
    .where(eq(stageDecisions.competitionId, competitionId));
  const tiers = tiersFromDecisions(config, decisions);
  await db.delete(awards).where(and(eq(awards.competitionId, competitionId), eq(awards.source, "stage")));
  const manual = new Set((await db.select({ id: awards.proposalId }).from(awards).where(eq(awards.competitionId, competitionId))).map((r) => r.id));
  const ids = [...tiers.keys()].filter((id) => !manual.has(id));
  if (!ids.length) return 0;
  const rows = await db.select({ id: proposals.id, innovationId: proposals.innovationId, agencyId: proposals.agencyId }).from(proposals).where(inArray(proposals.id, ids));
  await db.insert(awards).values(rows.map((r) => ({ competitionId, proposalId: r.id, innovationId: r.innovationId, agencyId: r.agencyId, tierCode: tiers.get(r.id)!, source: "stage" })));
  return rows.length;
}

export async function announceProvisional(db: Db, actor: Actor, competitionId: number, opts: Opts & { now: Date }) {
  assertCan(actor, "competition.manage");
  const user = userOf(actor);
  return db.transaction(async (tx) => {
    // Locked first: a plenary decision or an assignment change in flight finishes before this
    // reads the decisions, and none starts after (judging-open.server.ts).
    await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.id, competitionId)).for("update");
    const c = await loadEdition(tx, competitionId);
    if (c.state !== "announced") throw new AppError("conflict", "results.errors.wrongState");
    if ((await undecidedStages(tx, c)).length) throw new AppError("conflict", "results.errors.undecidedStages");
    await writeStageAwards(tx, c.id, c.config);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(awards).where(eq(awards.competitionId, c.id));
    if (!n) throw new AppError("conflict", "results.errors.noAwards");
    await tx.update(competitions).set({ state: "provisional", provisionalAt: opts.now, version: c.version + 1, updatedAt: opts.now }).where(eq(competitions.id, c.id));
    // The mail shows the instant in the secretariat's zone (WIB), named; the work area in the reader's.
    const until = instantVar(objectionDeadline(opts.now, c.config.objectionDays), "WIB");
    const path = `/kelola/kompetisi/${c.slug}/keberatan`;
    await tellAgencies(tx, c.id, "results.provisional", { competition: c.name, until, link: `${opts.publicUrl}${path}` }, path);
    await recordAudit(tx, { actorUserId: user.id, action: "results.provisional", subjectType: "competition", subjectId: c.id, data: { awards: n } });
    return { awards: n };
  });
}

export const AwardSchema = z.object({
  tier: z.string().trim().max(40, { error: "field.choice" }),
  reason: z.string({ error: "results.errors.reasonRequired" }).trim().min(1, { error: "results.errors.reasonRequired" }).max(2000, { error: "field.tooLong" }),
});

/** Set or remove one proposal's tier by hand while the results are provisional; audited. */
export async function setAward(db: Db, actor: Actor, competitionId: number, proposalId: number, input: { tier: string; reason: string }) {
  assertCan(actor, "competition.manage");
  const user = userOf(actor);
  const parsed = AwardSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "results.errors.reasonRequired", { reason: "results.errors.reasonRequired" });
  return db.transaction(async (tx) => {
    const c = await loadEdition(tx, competitionId);
    if (c.state !== "provisional") throw new AppError("conflict", "results.errors.wrongState");
    const tier = parsed.data.tier;
    if (tier && !c.config.tiers.some((t) => t.code === tier)) throw new AppError("invalid", "results.errors.tier", { tier: "results.errors.tier" });
    const [p] = await tx
      .select({ id: proposals.id, innovationId: proposals.innovationId, agencyId: proposals.agencyId })
      .from(proposals)
      .where(and(eq(proposals.id, proposalId), eq(proposals.competitionId, c.id), eq(proposals.state, "submitted")));
    if (!p) throw new AppError("not-found", "errors.notFound");
    const [before] = await tx.select({ tier: awards.tierCode }).from(awards).where(and(eq(awards.competitionId, c.id), eq(awards.proposalId, p.id)));
    if (!tier) await tx.delete(awards).where(and(eq(awards.competitionId, c.id), eq(awards.proposalId, p.id)));
    else {
      await tx
        .insert(awards)
        .values({ competitionId: c.id, proposalId: p.id, innovationId: p.innovationId, agencyId: p.agencyId, tierCode: tier, source: "manual" })
        .onConflictDoUpdate({ target: [awards.competitionId, awards.proposalId], set: { tierCode: tier, source: "manual" } });
    }
    await recordAudit(tx, { actorUserId: user.id, action: "results.award", subjectType: "proposal", subjectId: p.id, data: { from: before?.tier ?? null, to: tier || null, reason: parsed.data.reason } });
  });
}

export const ObjectionSchema = z.object({
  proposalId: optionalIdField,
  reason: z.string({ error: "results.errors.objectionReason" }).trim().min(20, { error: "results.errors.objectionReason" }).max(4000, { error: "field.tooLong" }),
});

/** An agency that took part objects within the window (judged at the request's arrival). */
export async function fileObjection(db: Db, actor: Actor, competitionId: number, input: z.infer<typeof ObjectionSchema>, receivedAt: number) {
  const user = userOf(actor);
  if ((user.role !== "agency_admin" && user.role !== "agency_head") || user.agencyId === null) throw new AppError("forbidden", "errors.forbidden");
  return db.transaction(async (tx) => {
    const c = await loadEdition(tx, competitionId);
    const [took] = await tx.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.competitionId, c.id), eq(proposals.agencyId, user.agencyId!), eq(proposals.state, "submitted"))).limit(1);
    if (!took) throw new AppError("forbidden", "errors.forbidden");
    if (c.state !== "provisional" || !c.provisionalAt || receivedAt >= objectionDeadline(c.provisionalAt, c.config.objectionDays).getTime()) {
      throw new AppError("conflict", "results.errors.windowClosed");
    }
    if (input.proposalId) {
      const [p] = await tx.select({ id: proposals.id }).from(proposals).where(and(eq(proposals.id, input.proposalId), eq(proposals.competitionId, c.id), eq(proposals.state, "submitted")));
      if (!p) throw new AppError("invalid", "results.errors.proposal", { proposalId: "results.errors.proposal" });
    }
    // A form sent twice (a double tap, a resend over a slow line) files one objection, not two
    // for the secretariat to answer: the same agency, proposal and reason while the first is
    // still pending is the same objection. The lock (the agency's turn in this edition, the key
    // moveProposal takes for its quota) makes two such requests take turns.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${c.id}, ${user.agencyId!})`);
    const proposalId = input.proposalId ?? null;
    const [same] = await tx
      .select()
      .from(objections)
      .where(and(eq(objections.competitionId, c.id), eq(objections.agencyId, user.agencyId!), proposalId === null ? isNull(objections.proposalId) : eq(objections.proposalId, proposalId), eq(objections.reason, input.reason), eq(objections.state, "pending")));
    if (same) return same;
    const [row] = await tx.insert(objections).values({ competitionId: c.id, agencyId: user.agencyId!, proposalId, reason: input.reason, createdBy: user.id, createdAt: new Date(receivedAt) }).returning();
    await recordAudit(tx, { actorUserId: user.id, action: "objection.file", subjectType: "competition", subjectId: c.id, data: { objection: row.id, proposal: input.proposalId ?? null } });
    return row;
  });
}

export const AnswerSchema = z.object({
  state: z.enum(["upheld", "rejected"], { error: "field.choice" }),
  response: z.string({ error: "results.errors.responseRequired" }).trim().min(1, { error: "results.errors.responseRequired" }).max(4000, { error: "field.tooLong" }),
});

/**
 * The secretariat's answer to an objection, once: an answered objection stays answered (a second
 * answer, say from a form sent twice or from another tab, is refused rather than overwriting the
 * first and telling the agency twice), and only while the results are provisional. The answer
 * goes to the objection's author and to the agency's Admin Lokal and head: the author's account
 * may be gone by then, and the agency must hear it all the same.
 */
export async function answerObjection(db: Db, actor: Actor, competitionId: number, objectionId: number, input: z.infer<typeof AnswerSchema>, opts: Opts & { now?: Date }) {
  assertCan(actor, "competition.manage");
  const user = userOf(actor);
  return db.transaction(async (tx) => {
    const [objection] = await tx
      .select({ id: objections.id, state: objections.state, agencyId: objections.agencyId, createdBy: objections.createdBy })
      .from(objections)
      .where(and(eq(objections.id, objectionId), eq(objections.competitionId, competitionId)))
      .for("update");
    if (!objection) throw new AppError("not-found", "errors.notFound");
    const c = await loadEdition(tx, competitionId);
    if (c.state !== "provisional") throw new AppError("conflict", "results.errors.wrongState");
    if (objection.state !== "pending") throw new AppError("conflict", "results.errors.alreadyAnswered");
    const [row] = await tx
      .update(objections)
      .set({ state: input.state, response: input.response, decidedBy: user.id, decidedAt: opts.now ?? new Date() })
      .where(eq(objections.id, objection.id))
      .returning();
    const people = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(
        and(
          isNull(users.disabledAt),
          or(and(eq(users.agencyId, objection.agencyId), inArray(users.role, ["agency_admin", "agency_head"])), objection.createdBy ? eq(users.id, objection.createdBy) : undefined),
        ),
      );
    const vars = { competition: c.name, response: input.response, link: `${opts.publicUrl}/kelola/kompetisi/${c.slug}/keberatan` };
    await notify(tx, people, { kind: `objection-${input.state}`, key: `mail.objection.${input.state}`, vars, link: `/kelola/kompetisi/${c.slug}/keberatan` });
    await recordAudit(tx, { actorUserId: user.id, action: `objection.${input.state}`, subjectType: "competition", subjectId: competitionId, data: { objection: row.id, response: input.response } });
    return row;
  });
}

export const DecreeSchema = z.object({
  number: z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(3, { error: "field.tooShort" }).max(200, { error: "field.tooLong" })),
  date: z.iso.date({ error: "results.errors.date" }),
});

export async function recordDecree(db: Db, actor: Actor, competitionId: number, input: z.infer<typeof DecreeSchema>) {
  assertCan(actor, "competition.manage");
  const user = userOf(actor);
  return db.transaction(async (tx) => {
    const c = await loadEdition(tx, competitionId);
    if (c.state !== "provisional") throw new AppError("conflict", "results.errors.wrongState");
    await tx.update(competitions).set({ decreeNumber: input.number, decreeDate: input.date, updatedAt: new Date() }).where(eq(competitions.id, c.id));
    await recordAudit(tx, { actorUserId: user.id, action: "results.decree", subjectType: "competition", subjectId: c.id, data: input });
  });
}

/** What still stands between provisional results and publication; empty when they can go out. */
export function publicationBlockers(c: { state: string; provisionalAt: Date | null; decreeNumber: string | null; config: CompetitionConfig }, pending: number, now: number): string[] {
  const out: string[] = [];
  if (c.state !== "provisional" || !c.provisionalAt) return ["results.errors.wrongState"];
  if (now < objectionDeadline(c.provisionalAt, c.config.objectionDays).getTime()) out.push("results.errors.windowOpen");
  if (pending) out.push("results.errors.pendingObjections");
  if (!c.decreeNumber) out.push("results.errors.noDecree");
  return out;
}

export async function publishResults(db: Db, actor: Actor, competitionId: number, opts: Opts & { now: Date }) {
  assertCan(actor, "competition.manage");
  const user = userOf(actor);
  return db.transaction(async (tx) => {
    const c = await loadEdition(tx, competitionId);
    const [{ pending }] = await tx.select({ pending: sql<number>`count(*)::int` }).from(objections).where(and(eq(objections.competitionId, c.id), eq(objections.state, "pending")));
    const blockers = publicationBlockers(c, pending, opts.now.getTime());
    if (blockers.length) throw new AppError("conflict", blockers[0]);
    const list = await tx.select({ id: awards.id }).from(awards).where(and(eq(awards.competitionId, c.id), isNull(awards.certificateCode)));
    for (const a of list) await tx.update(awards).set({ certificateCode: certificateCode(randomBytes) }).where(eq(awards.id, a.id));
    await tx.update(competitions).set({ state: "final", resultsPublishedAt: opts.now, version: c.version + 1, updatedAt: opts.now }).where(eq(competitions.id, c.id));
    const path = `/kompetisi/${c.slug}/hasil`;
    await tellAgencies(tx, c.id, "results.final", { competition: c.name, link: `${opts.publicUrl}${path}` }, path);
    await recordAudit(tx, { actorUserId: user.id, action: "results.publish", subjectType: "competition", subjectId: c.id, data: { certificates: list.length } });
    return { certificates: list.length };
  });
}
