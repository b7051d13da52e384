import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "~/db/client.server";
import { preparedPerDatabase } from "~/db/prepared.server";
import { agencies, competitions, innovations, proposalFiles, proposalHistory, proposals, proposalSections, users } from "~/db/schema";

export type ProposalRow = typeof proposals.$inferSelect;

/** A proposal with everything its page shows: sections, file metadata (never bytes), history. */
export async function loadProposal(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      proposal: proposals,
      competition: competitions,
      innovation: { id: innovations.id, name: innovations.name, slug: innovations.slug, startedOn: innovations.startedOn, state: innovations.state },
      agency: { id: agencies.id, name: agencies.name, type: agencies.type },
    })
    .from(proposals)
    .innerJoin(competitions, eq(competitions.id, proposals.competitionId))
    .innerJoin(innovations, eq(innovations.id, proposals.innovationId))
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .where(eq(proposals.id, id));
  if (!row) return null;
  const [sections, files, history, sources] = await Promise.all([
    db.select().from(proposalSections).where(eq(proposalSections.proposalId, id)),
    db
      .select({ id: proposalFiles.id, slot: proposalFiles.slot, filename: proposalFiles.filename, mime: proposalFiles.mime, size: proposalFiles.size })
      .from(proposalFiles)
      .where(eq(proposalFiles.proposalId, id))
      .orderBy(asc(proposalFiles.id)),
    db
      .select({ action: proposalHistory.action, comment: proposalHistory.comment, at: proposalHistory.at, actor: users.name })
      .from(proposalHistory)
      .leftJoin(users, eq(users.id, proposalHistory.actorUserId))
      .where(eq(proposalHistory.proposalId, id))
      .orderBy(desc(proposalHistory.at), desc(proposalHistory.id)),
    row.proposal.sourceInnovationIds.length
      ? db.select({ id: innovations.id, name: innovations.name, slug: innovations.slug }).from(innovations).where(inArray(innovations.id, row.proposal.sourceInnovationIds))
      : [],
  ]);
  return { ...row, sections, files, history, sources };
}

/**
 * What a receipt shows: the number, the instant, who endorsed, for whom. One statement,
 * prepared once (db/prepared.server.ts): it is the page every head lands on after endorsing,
 * thousands of times in the deadline's last minute.
 */
const receiptStatement = preparedPerDatabase((db: Db) => {
  const endorser = alias(users, "endorser");
  return db
    .select({
      id: proposals.id,
      agencyId: proposals.agencyId,
      state: proposals.state,
      title: proposals.title,
      receipt: proposals.receiptNumber,
      at: proposals.submittedAt,
      competition: competitions.name,
      agency: agencies.name,
      endorser: endorser.name,
    })
    .from(proposals)
    .innerJoin(competitions, eq(competitions.id, proposals.competitionId))
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .leftJoin(endorser, eq(endorser.id, proposals.endorsedBy))
    .where(eq(proposals.id, sql.placeholder("id")))
    .prepare("lumbung_proposal_receipt");
});

export async function proposalReceipt(db: Db, id: number) {
  const [row] = await receiptStatement(db).execute({ id });
  return row ?? null;
}

export type LoadedProposal = NonNullable<Awaited<ReturnType<typeof loadProposal>>>;

/** The agency's proposals (or, for the secretariat, everyone's) in an edition, newest first. */
export function listProposals(db: DbOrTx, opts: { competitionId: number; agencyId: number | null; limit?: number }) {
  const where = opts.agencyId === null ? eq(proposals.competitionId, opts.competitionId) : and(eq(proposals.competitionId, opts.competitionId), eq(proposals.agencyId, opts.agencyId));
  return db
    .select({
      id: proposals.id,
      title: proposals.title,
      state: proposals.state,
      groupCode: proposals.groupCode,
      categoryCode: proposals.categoryCode,
      receiptNumber: proposals.receiptNumber,
      submittedAt: proposals.submittedAt,
      updatedAt: proposals.updatedAt,
      agencyName: agencies.name,
    })
    .from(proposals)
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .where(where)
    .orderBy(desc(proposals.updatedAt), desc(proposals.id))
    .limit(opts.limit ?? 500);
}

/** Counts by state in an edition (for the agency or everyone). */
export async function proposalCounts(db: DbOrTx, competitionId: number, agencyId: number | null) {
  const rows = await db
    .select({ state: proposals.state, n: sql<number>`count(*)::int` })
    .from(proposals)
    .where(agencyId === null ? eq(proposals.competitionId, competitionId) : and(eq(proposals.competitionId, competitionId), eq(proposals.agencyId, agencyId)))
    .groupBy(proposals.state);
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)])) as Partial<Record<ProposalRow["state"], number>>;
}

/**
 * The agency's published innovations, to enter (name order); for an operator placed in a unit,
 * its unit's (createProposal refuses the others).
 */
export function enterableInnovations(db: DbOrTx, agencyId: number, unitId: number | null = null) {
  return db
    .select({ id: innovations.id, name: innovations.name, acronym: innovations.acronym })
    .from(innovations)
    .where(and(eq(innovations.agencyId, agencyId), eq(innovations.state, "published"), unitId === null ? undefined : eq(innovations.unitId, unitId)))
    .orderBy(asc(innovations.name))
    .limit(2000);
}
