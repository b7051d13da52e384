import { and, eq, not, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~/db/client.server";
import { agencies, innovations, regions } from "~/db/schema";
import { agencyNameIn } from "~/modules/agencies/name-in-year";
import { agencyNameInSql, agencyNameMatches } from "~/modules/agencies/name-matches.server";
import type { AgencyType } from "~/modules/innovations/vocab";
import { dutyApplies, metDuty, provinceIn } from "./met-duty.server";
import type { ComplianceFilters } from "./schemas";

export type NotMetAgency = {
  id: number;
  slug: string;
  /** The name (and short name) it bore in the year: the list is the record of that year. */
  name: string;
  shortName: string | null;
  type: AgencyType;
  regionCode: string | null;
  provinceCode: string | null;
  provinceName: string | null;
  /** Published innovations, all years. */
  publishedInnovations: number;
  /** The latest year in which one of its published innovations started or was published. */
  lastInnovationYear: number | null;
};

/** The agencies the filters name in the year; with `notMet`, only those that have not met it. */
function conditions(f: ComplianceFilters, notMet = true): SQL | undefined {
  const where: (SQL | undefined)[] = [dutyApplies(f.year), notMet ? not(metDuty(agencies.id, f.year)) : undefined];
  if (f.type) where.push(eq(agencies.type, f.type));
  if (f.province) where.push(sql`${provinceIn(f.year)} = ${f.province}`);
  if (f.q) where.push(agencyNameMatches(f.q));
  return and(...where);
}

/** How many agencies have not met the duty in the year, within the filters. */
export async function countAgenciesNotMet(db: Db, filters: ComplianceFilters): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(agencies)
    .where(conditions(filters));
  return row?.total ?? 0;
}

/**
 * How many agencies the filters name in the year, met or not: what tells "every agency of
 * these filters met the duty" from "these filters name no agency" when none is listed.
 */
export async function countAgenciesFiltered(db: Db, filters: ComplianceFilters): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(agencies)
    .where(conditions(filters, false));
  return row?.total ?? 0;
}

/**
 * The agencies that have not met the duty in the year, by name. `limit: null` gives every row
 * (the CSV export). The page is cut first; only then is each listed agency's history
 * (innovations ever published, last year active) aggregated, over that agency's rows only, so a
 * page costs the same at a million innovations.
 */
export async function listAgenciesNotMet(
  db: Db,
  filters: ComplianceFilters,
  paging: { limit: number; offset: number } | { limit: null },
): Promise<NotMetAgency[]> {
  const selected = db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      shortName: agencies.shortName,
      formerNames: agencies.formerNames,
      type: agencies.type,
      regionCode: agencies.regionCode,
      // The province of that year, as the figures count it.
      provinceCode: sql<string | null>`${provinceIn(filters.year)}`.as("province_then"),
      // The list of a past year is ordered by the names it shows, those of that year.
      nameThen: agencyNameInSql(filters.year).as("name_then"),
    })
    .from(agencies)
    .where(conditions(filters))
    .orderBy(sql`name_then`, agencies.id)
    .$dynamic();
  if (paging.limit !== null) selected.limit(paging.limit).offset(paging.offset);
  const page = selected.as("page");

  const province = alias(regions, "province");
  // One aggregate over each listed agency's published innovations. Kept as a single aggregate
  // with count(*) on purpose: a lone max(published_at) would let the planner walk the whole
  // published_at index backwards looking for an agency that has none. The last year is the later
  // of its latest start year and its latest publication year (Jakarta calendar): the same two
  // dates the duty counts.
  const history = db
    .select({
      published: sql<number>`count(*)::int`.as("published"),
      lastStart: sql<number | null>`max(${innovations.startYear})::int`.as("last_start"),
      lastPublished: sql<Date | null>`max(${innovations.publishedAt})`.as("last_published"),
    })
    .from(innovations)
    .where(and(eq(innovations.agencyId, page.id), sql`${innovations.state} = 'published'`))
    .as("history");
  const rows = await db
    .select({
      id: page.id,
      slug: page.slug,
      name: page.name,
      shortName: page.shortName,
      formerNames: page.formerNames,
      type: page.type,
      regionCode: page.regionCode,
      provinceCode: page.provinceCode,
      provinceName: province.name,
      publishedInnovations: history.published,
      lastInnovationYear: sql<number | null>`greatest(${history.lastStart}, extract(year from ${history.lastPublished} at time zone 'Asia/Jakarta')::int)`,
    })
    .from(page)
    .leftJoin(province, eq(province.code, page.provinceCode))
    .leftJoinLateral(history, sql`true`)
    .orderBy(page.nameThen, page.id);
  return rows.map(({ formerNames, ...r }) => ({ ...r, ...agencyNameIn({ name: r.name, shortName: r.shortName, formerNames }, filters.year) }));
}
