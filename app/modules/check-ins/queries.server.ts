// What the check-ins say: one innovation's answers year by year, and a year's answers across an
// agency (or a unit) or the whole country.
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, innovationCheckIns, innovationFiles, innovations, regions, units, users } from "~/db/schema";
import { jakartaYear, jakartaYearBounds } from "~/modules/compliance/year";
import type { CheckInOutcome } from "./schemas";

export type CheckIn = {
  year: number;
  outcome: CheckInOutcome;
  note: string;
  evidenceUrl: string | null;
  evidenceFile: { id: number; filename: string } | null;
  stoppedOn: string | null;
  recordedAt: string;
  /** Who answered: for the agency's own people only (the public page names the agency). */
  recordedBy: string | null;
};

/** An innovation's check-ins, newest year first. */
export async function checkInsOf(db: DbOrTx, innovationId: number, opts: { withNames: boolean }): Promise<CheckIn[]> {
  const rows = await db
    .select({
      year: innovationCheckIns.year,
      outcome: innovationCheckIns.outcome,
      note: innovationCheckIns.note,
      evidenceUrl: innovationCheckIns.evidenceUrl,
      fileId: innovationFiles.id,
      filename: innovationFiles.filename,
      stoppedOn: innovationCheckIns.stoppedOn,
      recordedAt: innovationCheckIns.recordedAt,
      recordedBy: users.name,
    })
    .from(innovationCheckIns)
    .leftJoin(innovationFiles, eq(innovationFiles.id, innovationCheckIns.evidenceFileId))
    .leftJoin(users, eq(users.id, innovationCheckIns.recordedBy))
    .where(eq(innovationCheckIns.innovationId, innovationId))
    .orderBy(desc(innovationCheckIns.year));
  return rows.map((r) => ({
    year: r.year,
    outcome: r.outcome,
    note: r.note,
    evidenceUrl: r.evidenceUrl,
    evidenceFile: r.fileId !== null && r.filename !== null ? { id: r.fileId, filename: r.filename } : null,
    stoppedOn: r.stoppedOn,
    recordedAt: r.recordedAt.toISOString(),
    recordedBy: opts.withNames ? r.recordedBy : null,
  }));
}

/**
 * Where an innovation stands in a year:
 * - running / stopped: the agency answered that year;
 * - new: published during the year, its publication is that year's evidence;
 * - stoppedEarlier: not asked again, it had already stopped;
 * - due: published before the year and not answered yet.
 */
export type CheckInStanding = CheckInOutcome | "new" | "stoppedEarlier" | "due";
export const STANDINGS: readonly CheckInStanding[] = ["due", "running", "stopped", "new", "stoppedEarlier"];

/**
 * The standing of each row in a year, given the latest earlier answer's outcome (`previous`).
 * Stopped before the year: the latest earlier answer said so. Without any earlier answer, only
 * the register's status can tell, and it tells only of now: it counts for the current year.
 */
const standingWith = (year: number, previous: SQL): SQL<CheckInStanding> => {
  const { from } = jakartaYearBounds(year);
  const current = year >= jakartaYear(new Date());
  return sql<CheckInStanding>`CASE
    WHEN ${innovationCheckIns.outcome} IS NOT NULL THEN ${innovationCheckIns.outcome}::text
    WHEN ${innovations.publishedAt} >= ${from.toISOString()}::timestamptz THEN 'new'
    WHEN ${previous} = 'stopped' THEN 'stoppedEarlier'
    WHEN ${current ? sql`${previous} IS NULL AND ${innovations.status} = 'berhenti'` : sql`false`} THEN 'stoppedEarlier'
    ELSE 'due' END`;
};

/** For one agency's rows (a few thousand at most): the earlier answer looked up row by row. */
const standing = (year: number) =>
  standingWith(year, sql`(SELECT e.outcome FROM innovation_check_ins e WHERE e.innovation_id = "innovations"."id" AND e.year < ${year} ORDER BY e.year DESC LIMIT 1)`);

/**
 * For the whole register (a million rows): each innovation's latest earlier answer, computed once
 * from the answers and joined, instead of a lookup per row (measured at 1M rows: the per-row
 * lookups took 5 s for the public figures and 11 s for the secretariat's table).
 */
const earlierAnswers = (db: DbOrTx, year: number) =>
  db
    .selectDistinctOn([innovationCheckIns.innovationId], { innovationId: innovationCheckIns.innovationId, outcome: innovationCheckIns.outcome })
    .from(innovationCheckIns)
    .where(lt(innovationCheckIns.year, year))
    .orderBy(innovationCheckIns.innovationId, desc(innovationCheckIns.year))
    .as("prev");

/** Only what existed in the year: an innovation published after it was not asked about then. */
const publishedBy = (year: number) => sql`${innovations.publishedAt} < ${jakartaYearBounds(year).to.toISOString()}::timestamptz`;

const joinYear = (year: number) => and(eq(innovationCheckIns.innovationId, innovations.id), eq(innovationCheckIns.year, year));

export type Scope = { agencyId: number; unitId: number | null };
const inScope = (scope: Scope, year: number) =>
  and(
    eq(innovations.state, "published"),
    publishedBy(year),
    eq(innovations.agencyId, scope.agencyId),
    scope.unitId !== null ? eq(innovations.unitId, scope.unitId) : undefined,
  );

export type Tally = Record<CheckInStanding, number>;
const emptyTally = (): Tally => ({ due: 0, running: 0, stopped: 0, new: 0, stoppedEarlier: 0 });

export type OverviewRow = {
  id: number;
  name: string;
  acronym: string | null;
  slug: string;
  unitName: string | null;
  standing: CheckInStanding;
  answeredAt: string | null;
  /** The latest earlier year answered, for a due one ("last confirmed in 2024"). */
  lastYear: number | null;
};

/** The year's standing of every published innovation in scope, the due ones first. */
export async function checkInOverview(
  db: DbOrTx,
  scope: Scope,
  year: number,
  opts: { only?: CheckInStanding; page: number; perPage: number },
): Promise<{ rows: OverviewRow[]; tally: Tally; total: number }> {
  const s = standing(year);
  const tallyRows = await db
    .select({ standing: s, n: sql<number>`count(*)::int` })
    .from(innovations)
    .leftJoin(innovationCheckIns, joinYear(year))
    .where(inScope(scope, year))
    // By position: the expression carries parameters, and a repeated one would not match.
    .groupBy(sql`1`);
  const tally = emptyTally();
  for (const r of tallyRows) tally[r.standing] = Number(r.n);
  const rows = await db
    .select({
      id: innovations.id,
      name: innovations.name,
      acronym: innovations.acronym,
      slug: innovations.slug,
      unitName: units.name,
      standing: s,
      answeredAt: innovationCheckIns.recordedAt,
      lastYear: sql<number | null>`(SELECT max(c2.year) FROM innovation_check_ins c2 WHERE c2.innovation_id = "innovations"."id" AND c2.year < ${year})`,
    })
    .from(innovations)
    .leftJoin(innovationCheckIns, joinYear(year))
    .leftJoin(units, eq(units.id, innovations.unitId))
    .where(and(inScope(scope, year), opts.only ? sql`${s} = ${opts.only}` : undefined))
    .orderBy(sql`array_position(ARRAY['due','stopped','running','new','stoppedEarlier'], ${s})`, asc(innovations.name), asc(innovations.id))
    .limit(opts.perPage)
    .offset((opts.page - 1) * opts.perPage);
  const total = opts.only ? tally[opts.only] : Object.values(tally).reduce((a, b) => a + b, 0);
  return {
    rows: rows.map((r) => ({ ...r, answeredAt: r.answeredAt ? r.answeredAt.toISOString() : null, lastYear: r.lastYear === null ? null : Number(r.lastYear) })),
    tally,
    total,
  };
}

export type AgencyTallyRow = { id: number; slug: string; name: string; tally: Tally };

/**
 * The secretariat's view: each agency's standing in the year, the agencies with the most
 * innovations still to answer first.
 */
export async function checkInsByAgency(
  db: DbOrTx,
  year: number,
  opts: { page: number; perPage: number },
): Promise<{ rows: AgencyTallyRow[]; national: Tally; agencies: number }> {
  const prev = earlierAnswers(db, year);
  const s = standingWith(year, sql`${prev.outcome}`);
  const count = (v: CheckInStanding) => sql<number>`count(*) FILTER (WHERE ${s} = ${v})::int`.as(v);
  const columns = { due: count("due"), running: count("running"), stopped: count("stopped"), new: count("new"), stoppedEarlier: count("stoppedEarlier") };
  const grouped = db
    .select({ agencyId: innovations.agencyId, ...columns })
    .from(innovations)
    .leftJoin(innovationCheckIns, joinYear(year))
    .leftJoin(prev, eq(prev.innovationId, innovations.id))
    .where(and(eq(innovations.state, "published"), publishedBy(year)))
    .groupBy(innovations.agencyId)
    .as("g");
  const rows = await db
    .select({ id: agencies.id, slug: agencies.slug, name: agencies.name, due: grouped.due, running: grouped.running, stopped: grouped.stopped, new: grouped.new, stoppedEarlier: grouped.stoppedEarlier })
    .from(grouped)
    .innerJoin(agencies, eq(agencies.id, grouped.agencyId))
    .orderBy(desc(grouped.due), asc(agencies.name))
    .limit(opts.perPage)
    .offset((opts.page - 1) * opts.perPage);
  const [all] = await db
    .select({ agencies: sql<number>`count(*)::int`, due: sql<number>`coalesce(sum(${grouped.due}), 0)::int`, running: sql<number>`coalesce(sum(${grouped.running}), 0)::int`, stopped: sql<number>`coalesce(sum(${grouped.stopped}), 0)::int`, new: sql<number>`coalesce(sum(${grouped.new}), 0)::int`, stoppedEarlier: sql<number>`coalesce(sum(${grouped.stoppedEarlier}), 0)::int` })
    .from(grouped);
  const tallyOf = (r: Tally) => ({ due: Number(r.due), running: Number(r.running), stopped: Number(r.stopped), new: Number(r.new), stoppedEarlier: Number(r.stoppedEarlier) });
  return {
    rows: rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, tally: tallyOf(r) })),
    national: tallyOf(all!),
    agencies: Number(all?.agencies ?? 0),
  };
}

/** Each agency's count of innovations still waiting for the year's answer (the reminder's list). */
export async function dueByAgency(db: DbOrTx, year: number): Promise<{ agencyId: number; n: number }[]> {
  const prev = earlierAnswers(db, year);
  const s = standingWith(year, sql`${prev.outcome}`);
  const rows = await db
    .select({ agencyId: innovations.agencyId, n: sql<number>`count(*)::int` })
    .from(innovations)
    .leftJoin(innovationCheckIns, joinYear(year))
    .leftJoin(prev, eq(prev.innovationId, innovations.id))
    .where(and(eq(innovations.state, "published"), publishedBy(year), sql`${s} = 'due'`))
    .groupBy(innovations.agencyId);
  return rows.map((r) => ({ agencyId: r.agencyId, n: Number(r.n) }));
}

/** How many of the scope's innovations still wait for the year's answer (the dashboard's line). */
export async function dueCount(db: DbOrTx, scope: Scope, year: number): Promise<number> {
  const s = standing(year);
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(innovations)
    .leftJoin(innovationCheckIns, joinYear(year))
    .where(and(inScope(scope, year), sql`${s} = 'due'`));
  return Number(r?.n ?? 0);
}

export type RegionTallyRow = { code: string; name: string; tally: Tally };

/**
 * The country's standing in a year, by province and by agency type, for the public page. One pass
 * over the published rows (a million at full scale, about a second on a server), so the answer
 * is kept for a few minutes per database and year: the figures move only as agencies answer.
 */
export async function sustainabilityFigures(db: DbOrTx, year: number): Promise<{ national: Tally; provinces: RegionTallyRow[]; types: { type: string; tally: Tally }[] }> {
  const key = `${year}`;
  const cache = figuresCache.get(db) ?? new Map<string, { at: number; value: Promise<Awaited<ReturnType<typeof computeFigures>>> }>();
  figuresCache.set(db, cache);
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < FIGURES_TTL_MS) return hit.value;
  const value = computeFigures(db, year);
  cache.set(key, { at: Date.now(), value });
  value.catch(() => cache.delete(key));
  return value;
}

const FIGURES_TTL_MS = 5 * 60_000;
const figuresCache = new WeakMap<object, Map<string, { at: number; value: Promise<Awaited<ReturnType<typeof computeFigures>>> }>>();

async function computeFigures(db: DbOrTx, year: number) {
  const prev = earlierAnswers(db, year);
  const s = standingWith(year, sql`${prev.outcome}`);
  const rows = await db
    .select({ province: innovations.provinceCode, type: innovations.agencyType, standing: s, n: sql<number>`count(*)::int` })
    .from(innovations)
    .leftJoin(innovationCheckIns, joinYear(year))
    .leftJoin(prev, eq(prev.innovationId, innovations.id))
    .where(and(eq(innovations.state, "published"), publishedBy(year)))
    // By position: the standing expression carries parameters (see checkInOverview).
    .groupBy(sql`1`, sql`2`, sql`3`);
  const national = emptyTally();
  const byProvince = new Map<string, Tally>();
  const byType = new Map<string, Tally>();
  for (const r of rows) {
    const n = Number(r.n);
    national[r.standing] += n;
    if (r.province) {
      const p = byProvince.get(r.province) ?? emptyTally();
      p[r.standing] += n;
      byProvince.set(r.province, p);
    }
    const t = byType.get(r.type) ?? emptyTally();
    t[r.standing] += n;
    byType.set(r.type, t);
  }
  const names = byProvince.size
    ? await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, [...byProvince.keys()]))
    : [];
  const provinces = names
    .map((p) => ({ code: p.code, name: p.name, tally: byProvince.get(p.code)! }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const types = [...byType].map(([type, tally]) => ({ type, tally }));
  return { national, provinces, types };
}
