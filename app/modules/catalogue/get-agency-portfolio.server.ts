// An agency's public portfolio: what it is, where, and its published innovations with counts
// by status and start year (the exhibition and print views show the same list).
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "~/db/client.server";
import { agencies, regions } from "~/db/schema";
import type { FormerName } from "~/modules/agencies/name-in-year";
import { INNOVATION_STATUSES, type AgencyType } from "~/modules/innovations/vocab";
import { recentCards, rowsOf } from "./cards.server";
import type { FacetCount, InnovationCard } from "./types";

export type AgencyProfile = {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  type: AgencyType;
  website: string | null;
  regionCode: string | null;
  regionName: string | null;
  provinceCode: string | null;
  provinceName: string | null;
  /** The years "One Agency, One Innovation" applies to it; null at either end: open. */
  activeFrom: number | null;
  activeUntil: number | null;
  /** The names it bore before a rename, each with its last year. */
  formerNames: FormerName[];
};

export type AgencyPortfolio = {
  agency: AgencyProfile;
  /** Published innovations, all of them (the list below may be cut at `limit`). */
  total: number;
  byStatus: FacetCount[];
  byYear: FacetCount[];
  /** Newest first, at most `limit`. */
  innovations: InnovationCard[];
};

const province = alias(regions, "province");

export async function getAgencyProfile(db: DbOrTx, slug: string): Promise<AgencyProfile | null> {
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  const [row] = await db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      shortName: agencies.shortName,
      type: agencies.type,
      website: agencies.website,
      regionCode: agencies.regionCode,
      regionName: regions.name,
      provinceCode: agencies.provinceCode,
      provinceName: province.name,
      activeFrom: agencies.activeFrom,
      activeUntil: agencies.activeUntil,
      formerNames: agencies.formerNames,
    })
    .from(agencies)
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .leftJoin(province, eq(province.code, agencies.provinceCode))
    .where(eq(agencies.slug, slug));
  return row ? { ...row, type: row.type as AgencyType } : null;
}

export async function getAgencyPortfolio(db: DbOrTx, slug: string, opts: { limit?: number } = {}): Promise<AgencyPortfolio | null> {
  const agency = await getAgencyProfile(db, slug);
  if (!agency) return null;
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
  const [counts, innovations] = await Promise.all([
    // One pass over the agency's rows (innovations_agency_idx) for both breakdowns.
    rowsOf<{ status: string | null; year: number | null; by_year: number; count: number }>(
      db,
      sql`SELECT status::text AS status, start_year::int AS year, GROUPING(start_year)::int AS by_year, count(*)::int AS count
          FROM innovations
          WHERE agency_id = ${agency.id} AND state = 'published'
          GROUP BY GROUPING SETS ((status), (start_year))`,
    ),
    recentCards(db, sql`i.agency_id = ${agency.id}`, limit),
  ]);
  const byStatus: FacetCount[] = [];
  const byYear: FacetCount[] = [];
  for (const c of counts) {
    // GROUPING(start_year) is 1 in the status rows (start_year rolled up), 0 in the year rows.
    if (Number(c.by_year) === 1) byStatus.push({ value: String(c.status), count: Number(c.count) });
    else if (c.year !== null) byYear.push({ value: String(c.year), count: Number(c.count) });
  }
  byYear.sort((a, b) => Number(b.value) - Number(a.value));
  byStatus.sort((a, b) => INNOVATION_STATUSES.indexOf(a.value as never) - INNOVATION_STATUSES.indexOf(b.value as never));
  const total = byStatus.reduce((n, c) => n + c.count, 0);
  return { agency, total, byStatus, byYear, innovations };
}
