// An edition's figures: how many proposals are in each stage and how each stage ended, and the
// submitted proposals by category, group, agency type and province. Every figure is one GROUP BY
// (or one aggregate per stage) over the edition's proposals, never a loop over rows: an edition
// has 3,000–3,500 proposals (PROGRAMME.md) and the secretariat reloads this during the rush.
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, proposals, regions } from "~/db/schema";
import { decisionIn, entrantsWhere } from "~/modules/judging/stage-entrants.server";
import type { CompetitionConfig } from "~/modules/competitions/config";
import type { StageKind } from "~/modules/competitions/config-values";
import { AGENCY_TYPES, type AgencyType } from "~/modules/innovations/vocab";

type Competition = { id: number; config: CompetitionConfig };

/**
 * One stage's figures. `wentOn` + `stopped` + `open` = `entrants`:
 * - registration: entrants are every proposal created; went on = submitted, stopped = withdrawn,
 *   open = still in the agency (`inProgress` says where);
 * - screening: went on = passed, stopped = failed, open = not screened yet;
 * - scored and decision stages: as the plenary decided (stage_decisions), open = undecided.
 */
export type StageFigures = {
  code: string;
  name: string;
  kind: StageKind;
  entrants: number;
  wentOn: number;
  stopped: number;
  open: number;
};

/** Where the not-yet-submitted proposals sit on the agency's path (proposals/workflow.ts). */
export type InProgress = { unit: number; agency: number; head: number };

/** Submitted proposals sharing one value; `passed` of them passed the administrative screening. */
export type Tally<K> = { key: K; submitted: number; passed: number };
export type ProvinceTally = Tally<string | null> & { name: string | null };

export type CompetitionReport = {
  stages: StageFigures[];
  inProgress: InProgress;
  /** Config order; codes found on proposals but no longer configured come last. */
  byCategory: (Tally<string> & { name: string | null })[];
  byGroup: (Tally<string> & { name: string | null })[];
  byAgencyType: Tally<AgencyType>[];
  /** Every province in code order (with zeros), then national agencies (key null). */
  byProvince: ProvinceTally[];
  submitted: number;
  passed: number;
};

const passedCount = sql<number>`count(*) filter (where ${proposals.screening} = 'passed')`.mapWith(Number);

async function stageFigures(db: DbOrTx, competition: Competition, byState: Map<string, number>): Promise<StageFigures[]> {
  const out: StageFigures[] = [];
  const stages = competition.config.stages;
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    const head = { code: stage.code, name: stage.name, kind: stage.kind };
    if (stage.kind === "registration") {
      const all = [...byState.values()].reduce((a, b) => a + b, 0);
      const wentOn = byState.get("submitted") ?? 0;
      const stopped = byState.get("withdrawn") ?? 0;
      out.push({ ...head, entrants: all, wentOn, stopped, open: all - wentOn - stopped });
      continue;
    }
    // One aggregate per stage (an edition has a handful of stages), each over that stage's
    // entrants: screening's outcome is on the proposal, a judged stage's in its decisions.
    const decided = decisionIn(competition.id, stage.code);
    const [row] = await db
      .select(
        stage.kind === "screening"
          ? {
              entrants: count(),
              wentOn: passedCount,
              stopped: sql<number>`count(*) filter (where ${proposals.screening} = 'failed')`.mapWith(Number),
            }
          : {
              entrants: count(),
              wentOn: sql<number>`count(*) filter (where ${decided} is true)`.mapWith(Number),
              stopped: sql<number>`count(*) filter (where ${decided} is false)`.mapWith(Number),
            },
      )
      .from(proposals)
      .where(entrantsWhere(competition.id, competition.config, i));
    out.push({ ...head, entrants: row.entrants, wentOn: row.wentOn, stopped: row.stopped, open: row.entrants - row.wentOn - row.stopped });
  }
  return out;
}

/** Configured values in config order with their tallies, then any unconfigured code found. */
function inConfigOrder(configured: { code: string; name: string }[], rows: { key: string; submitted: number; passed: number }[]) {
  const found = new Map(rows.map((r) => [r.key, r]));
  const known = new Set(configured.map((c) => c.code));
  return [
    ...configured.map((c) => ({ key: c.code, name: c.name, submitted: found.get(c.code)?.submitted ?? 0, passed: found.get(c.code)?.passed ?? 0 })),
    ...rows.filter((r) => !known.has(r.key)).map((r) => ({ ...r, name: null })),
  ];
}

export async function competitionReport(db: DbOrTx, competition: Competition): Promise<CompetitionReport> {
  const { config } = competition;
  const stateRows = await db
    .select({ state: proposals.state, n: count() })
    .from(proposals)
    .where(eq(proposals.competitionId, competition.id))
    .groupBy(proposals.state);
  const byState = new Map<string, number>(stateRows.map((r) => [r.state, r.n]));
  const stages = await stageFigures(db, competition, byState);

  const submittedHere = and(eq(proposals.competitionId, competition.id), eq(proposals.state, "submitted"));
  const categoryRows = await db
    .select({ key: proposals.categoryCode, submitted: count(), passed: passedCount })
    .from(proposals)
    .where(submittedHere)
    .groupBy(proposals.categoryCode);
  const groupRows = await db
    .select({ key: proposals.groupCode, submitted: count(), passed: passedCount })
    .from(proposals)
    .where(submittedHere)
    .groupBy(proposals.groupCode);
  const typeRows = await db
    .select({ key: agencies.type, submitted: count(), passed: passedCount })
    .from(proposals)
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .where(submittedHere)
    .groupBy(agencies.type);
  // The agency's province, not the innovation's: the province a proposal is counted for is the
  // one whose government (or BUMD) sent it. National agencies have none and get their own row.
  const provinceRows = await db
    .select({ key: agencies.provinceCode, submitted: count(), passed: passedCount })
    .from(proposals)
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .where(submittedHere)
    .groupBy(agencies.provinceCode);
  const provinces = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.level, "province"))
    .orderBy(asc(regions.code));
  const provinceTally = new Map(provinceRows.map((r) => [r.key, r]));
  const listed = new Set(provinces.map((p) => p.code));
  // A province code on an agency that is not a province region (bad import) still counts.
  const strays = provinceRows.filter((r) => r.key !== null && !listed.has(r.key));
  const strayNames = strays.length
    ? new Map((await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, strays.map((s) => s.key!)))).map((r) => [r.code, r.name]))
    : new Map<string, string>();

  const typeTally = new Map(typeRows.map((r) => [r.key, r]));
  const submitted = byState.get("submitted") ?? 0;
  return {
    stages,
    inProgress: {
      unit: (byState.get("draft") ?? 0) + (byState.get("returned") ?? 0),
      agency: byState.get("agency_review") ?? 0,
      head: byState.get("awaiting_endorsement") ?? 0,
    },
    byCategory: inConfigOrder(config.categories, categoryRows),
    byGroup: inConfigOrder(config.groups, groupRows),
    byAgencyType: AGENCY_TYPES.map((type) => ({ key: type, submitted: typeTally.get(type)?.submitted ?? 0, passed: typeTally.get(type)?.passed ?? 0 })),
    byProvince: [
      ...provinces.map((p) => ({ key: p.code, name: p.name, submitted: provinceTally.get(p.code)?.submitted ?? 0, passed: provinceTally.get(p.code)?.passed ?? 0 })),
      ...strays.map((s) => ({ ...s, name: strayNames.get(s.key!) ?? null })),
      { key: null, name: null, submitted: provinceTally.get(null)?.submitted ?? 0, passed: provinceTally.get(null)?.passed ?? 0 },
    ],
    submitted,
    passed: categoryRows.reduce((a, r) => a + r.passed, 0),
  };
}
