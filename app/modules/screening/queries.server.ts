import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, innovations, proposals, similarityMatches, similarityRuns } from "~/db/schema";

export async function latestRun(db: DbOrTx, competitionId: number) {
  const [run] = await db.select().from(similarityRuns).where(eq(similarityRuns.competitionId, competitionId)).orderBy(desc(similarityRuns.id)).limit(1);
  return run ?? null;
}

/** The edition's submitted proposals with their screening and their highest similarity. */
export async function screeningList(db: DbOrTx, competitionId: number, filter: { result?: "pending" | "passed" | "failed"; flaggedOnly?: boolean }) {
  const run = await latestRun(db, competitionId);
  const doneRun = run?.state === "done" ? run.id : (await db.select({ id: similarityRuns.id }).from(similarityRuns).where(and(eq(similarityRuns.competitionId, competitionId), eq(similarityRuns.state, "done"))).orderBy(desc(similarityRuns.id)).limit(1))[0]?.id;
  const top = doneRun
    ? db
        .select({ proposalId: similarityMatches.proposalId, best: sql<number>`max(${similarityMatches.similarity})::int`.as("best"), titles: sql<number>`count(*) filter (where ${similarityMatches.identicalTitle})::int`.as("titles") })
        .from(similarityMatches)
        .where(eq(similarityMatches.runId, doneRun))
        .groupBy(similarityMatches.proposalId)
        .as("top")
    : null;
  const where = and(eq(proposals.competitionId, competitionId), eq(proposals.state, "submitted"), filter.result ? eq(proposals.screening, filter.result) : undefined);
  const base = db
    .select({
      id: proposals.id,
      title: proposals.title,
      agency: agencies.name,
      receipt: proposals.receiptNumber,
      groupCode: proposals.groupCode,
      categoryCode: proposals.categoryCode,
      screening: proposals.screening,
      reason: proposals.screeningReason,
      checklist: proposals.screeningChecklist,
      best: top ? top.best : sql<number | null>`null`,
      titles: top ? top.titles : sql<number | null>`null`,
    })
    .from(proposals)
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId));
  const rows = await (top ? base.leftJoin(top, eq(top.proposalId, proposals.id)) : base).where(where).orderBy(proposals.receiptNumber).limit(5000);
  const list = rows.map((r) => ({ ...r, best: r.best === null ? null : Number(r.best), titles: Number(r.titles ?? 0) }));
  return { run, list: filter.flaggedOnly ? list.filter((r) => (r.best ?? 0) > 0 || r.titles > 0) : list };
}

/** A proposal's matches in the latest finished run, with the other text's title and owner. */
export async function matchesOf(db: DbOrTx, competitionId: number, proposalId: number) {
  const [run] = await db.select({ id: similarityRuns.id }).from(similarityRuns).where(and(eq(similarityRuns.competitionId, competitionId), eq(similarityRuns.state, "done"))).orderBy(desc(similarityRuns.id)).limit(1);
  if (!run) return [];
  const matches = await db.select().from(similarityMatches).where(and(eq(similarityMatches.runId, run.id), eq(similarityMatches.proposalId, proposalId))).orderBy(desc(similarityMatches.similarity));
  const pIds = matches.filter((m) => m.otherKind === "proposal").map((m) => m.otherId);
  const iIds = matches.filter((m) => m.otherKind === "innovation").map((m) => m.otherId);
  const [ps, is] = await Promise.all([
    pIds.length ? db.select({ id: proposals.id, title: proposals.title, agency: agencies.name }).from(proposals).innerJoin(agencies, eq(agencies.id, proposals.agencyId)).where(inArray(proposals.id, pIds)) : [],
    iIds.length ? db.select({ id: innovations.id, title: innovations.name, slug: innovations.slug, agency: agencies.name }).from(innovations).innerJoin(agencies, eq(agencies.id, innovations.agencyId)).where(inArray(innovations.id, iIds)) : [],
  ]);
  return matches.map((m) => {
    const other = m.otherKind === "proposal" ? ps.find((p) => p.id === m.otherId) : is.find((i) => i.id === m.otherId);
    return { ...m, otherTitle: other?.title ?? "—", otherAgency: other?.agency ?? "", otherSlug: m.otherKind === "innovation" ? ((other as { slug?: string })?.slug ?? null) : null };
  });
}
