// Which proposals take part in a stage. A stage takes what the stage before it let through:
// after registration every submitted proposal, after screening those that passed it, after a
// scored or decision stage those the plenary decided go on (stage_decisions). The first stage
// of an edition is its registration, so every later stage has a stage before it.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, innovations, proposals, regions, stageDecisions } from "~/db/schema";
import type { CompetitionConfig, Stage } from "~/modules/competitions/config";
import { AppError } from "~/lib/errors";

export type StageEntrant = {
  id: number;
  title: string;
  receipt: string | null;
  innovationId: number;
  agencyId: number;
  agency: string;
  agencyType: (typeof agencies.$inferSelect)["type"];
  regionCode: string | null;
  provinceCode: string | null;
  /** WIB, WITA or WIT; null for a national agency (counted as WIB, where it sits). */
  zone: "WIB" | "WITA" | "WIT" | null;
  groupCode: string;
  categoryCode: string;
  sectors: string[];
  submittedAt: Date | null;
};

export function stageOf(config: CompetitionConfig, code: string): { stage: Stage; index: number } {
  const index = config.stages.findIndex((s) => s.code === code);
  if (index < 0) throw new AppError("not-found", "errors.notFound");
  return { stage: config.stages[index], index };
}

/**
 * A proposal's plenary decision in a stage: true, false, or null when undecided. A scalar
 * subquery on stage_decisions' primary key, never flattened into a join: PGlite never gathers
 * statistics, and without them the planner turned joins, IN and EXISTS into loops over the
 * decisions (seconds at 3,500 proposals); this stays one index lookup per proposal.
 */
export const decisionIn = (competitionId: number, stageCode: string) =>
  sql<boolean | null>`(SELECT d.advances FROM ${stageDecisions} d WHERE d.competition_id = ${competitionId} AND d.stage_code = ${stageCode} AND d.proposal_id = ${proposals.id})`;

/** The condition on `proposals` that selects the entrants of the stage at `index`. */
export function entrantsWhere(competitionId: number, config: CompetitionConfig, index: number): SQL | undefined {
  const before = index > 0 ? config.stages[index - 1] : null;
  const base = and(eq(proposals.competitionId, competitionId), eq(proposals.state, "submitted"));
  if (!before || before.kind === "registration") return base;
  if (before.kind === "screening") return and(base, eq(proposals.screening, "passed"));
  return and(base, sql`${decisionIn(competitionId, before.code)} IS TRUE`);
}

export async function stageEntrants(db: DbOrTx, competitionId: number, config: CompetitionConfig, stageCode: string): Promise<StageEntrant[]> {
  const { index } = stageOf(config, stageCode);
  const where = entrantsWhere(competitionId, config, index);
  const rows = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      receipt: proposals.receiptNumber,
      innovationId: proposals.innovationId,
      agencyId: proposals.agencyId,
      agency: agencies.name,
      agencyType: agencies.type,
      regionCode: agencies.regionCode,
      provinceCode: agencies.provinceCode,
      zone: regions.timeZone,
      groupCode: proposals.groupCode,
      categoryCode: proposals.categoryCode,
      sectors: innovations.sectors,
      submittedAt: proposals.submittedAt,
    })
    .from(proposals)
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .innerJoin(innovations, eq(innovations.id, proposals.innovationId))
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(where)
    .orderBy(asc(proposals.id));
  return rows;
}
