// An agency's public portfolio: what it is, where, and its published innovations with counts
// by status, start year and unit (the exhibition and print views show the same list). The list
// may be narrowed to one of its units.
import { eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "~/db/client.server";
import { agencies, regions } from "~/db/schema";
import type { FormerName } from "~/modules/agencies/name-in-year";
import { INNOVATION_STATUSES, type AgencyType } from "~/modules/innovations/vocab";
import { cardColumns, cardJoins, recentPublished, rowsOf, toCard, type CardRow } from "./cards.server";
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

/** One of the agency's units (OPD, health centre, school, district office…). */
export type UnitCount = { id: number; name: string; count: number };

export type PortfolioCard = InnovationCard & {
  /** Its unit, when that is one of this agency's units. */
  unitId: number | null;
  /** The first photo's caption: the best description of the photo, when someone wrote one. */
  photoCaption: string | null;
};

export type AgencyPortfolio = {
  agency: AgencyProfile;
  /** Published innovations, all of them (the list below may be cut at `limit`). */
  total: number;
  byStatus: FacetCount[];
  byYear: FacetCount[];
  /** Its units with published innovations, the most first, then by name. */
  units: UnitCount[];
  /** How many of its units have no published innovation: counted, not listed (a regency has 100+). */
  unitsWithout: number;
  /** Published innovations recorded under none of its units. */
  withoutUnit: number;
  /** The unit the list is narrowed to, with its count of published innovations; null: all. */
  unit: UnitCount | null;
  /** Newest first, at most `limit`: the agency's, or the unit's when narrowed. */
  innovations: PortfolioCard[];
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

/**
 * Null when the agency is unknown, or when `unitId` is not one of its units (a unit of another
 * agency must never show its innovations under this one's name).
 */
export async function getAgencyPortfolio(
  db: DbOrTx,
  slug: string,
  opts: { limit?: number; unitId?: number | null } = {},
): Promise<AgencyPortfolio | null> {
  const agency = await getAgencyProfile(db, slug);
  if (!agency) return null;
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
  const unitId = opts.unitId ?? null;
  const [counts, unitRows, innovations] = await Promise.all([
    // One pass over the agency's rows (innovations_agency_idx) for both breakdowns.
    rowsOf<{ status: string | null; year: number | null; by_year: number; count: number }>(
      db,
      sql`SELECT status::text AS status, start_year::int AS year, GROUPING(start_year)::int AS by_year, count(*)::int AS count
          FROM innovations
          WHERE agency_id = ${agency.id} AND state = 'published'
          GROUP BY GROUPING SETS ((status), (start_year))`,
    ),
    // Every unit of the agency (a few hundred at most) with its published count. An innovation
    // counts for a unit only when the unit is the agency's own: a row pointing at another
    // agency's unit is counted as without a unit rather than shown under a stranger's name.
    rowsOf<{ id: number; name: string; published: number }>(
      db,
      sql`SELECT u.id, u.name, coalesce(c.published, 0)::int AS published
          FROM units u
          LEFT JOIN (SELECT unit_id, count(*) AS published FROM innovations
                     WHERE agency_id = ${agency.id} AND state = 'published' AND unit_id IS NOT NULL
                     GROUP BY unit_id) c ON c.unit_id = u.id
          WHERE u.agency_id = ${agency.id}
          ORDER BY published DESC, lower(u.name), u.id`,
    ),
    portfolioCards(db, unitId === null ? sql`i.agency_id = ${agency.id}` : sql`i.agency_id = ${agency.id} AND i.unit_id = ${unitId}`, limit),
  ]);
  const allUnits = unitRows.map((u) => ({ id: Number(u.id), name: u.name, count: Number(u.published) }));
  const unit = unitId === null ? null : allUnits.find((u) => u.id === unitId);
  if (unit === undefined) return null;
  const units = allUnits.filter((u) => u.count > 0);
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
  return {
    agency,
    total,
    byStatus,
    byYear,
    units,
    unitsWithout: allUnits.length - units.length,
    withoutUnit: total - units.reduce((n, u) => n + u.count, 0),
    unit,
    innovations,
  };
}

/** The newest published cards for a condition on `i`, each with its unit and photo caption. */
async function portfolioCards(db: DbOrTx, where: SQL, limit: number): Promise<PortfolioCard[]> {
  const rows = await rowsOf<CardRow & { unit_id: number | null; photo_caption: string | null }>(
    db,
    // The caption is that of the photo the card shows (cardColumns picks the lowest id).
    sql`SELECT ${cardColumns}, u.id AS unit_id,
          (SELECT f.caption FROM innovation_files f
            WHERE f.innovation_id = i.id AND f.kind = 'photo' ORDER BY f.id LIMIT 1) AS photo_caption
        FROM ${recentPublished(where, limit)}
        JOIN innovations i ON i.id = p.id ${cardJoins}
        LEFT JOIN units u ON u.id = i.unit_id AND u.agency_id = i.agency_id
        ORDER BY p.published_at DESC, p.id DESC`,
  );
  return rows.map((r) => ({
    ...toCard(r),
    unitId: r.unit_id === null ? null : Number(r.unit_id),
    photoCaption: r.photo_caption?.trim() || null,
  }));
}
