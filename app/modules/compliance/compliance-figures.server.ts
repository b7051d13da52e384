import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, regions } from "~/db/schema";
import { AGENCY_TYPES, type AgencyType } from "~/modules/innovations/vocab";
import { dutyApplies, metDuty, provinceExisted, provinceIn } from "./met-duty.server";

export type Tally = {
  /** Agencies counted. */
  agencies: number;
  /** Of those, agencies that met the duty. */
  met: number;
  /** agencies - met. */
  notMet: number;
  /** met / agencies, between 0 and 1; null when there are no agencies to count. */
  rate: number | null;
};

export type ComplianceFigures = {
  year: number;
  overall: Tally;
  byType: (Tally & { type: AgencyType })[];
  byProvince: (Tally & { code: string; name: string })[];
};

const tally = (total: number, met: number): Tally => ({
  agencies: total,
  met,
  notMet: total - met,
  rate: total === 0 ? null : met / total,
});

// GROUPING() bits of (type, province_code): 1 = the row is grouped by type only, 2 = by
// province only, 3 = the grand total.
const BY_TYPE = 1;
const BY_PROVINCE = 2;
const OVERALL = 3;

/**
 * How many agencies met the duty in a year: overall, per agency type and per province. One
 * aggregate query over the agencies (GROUPING SETS: one pass gives all three groupings), with
 * the duty checked once per agency.
 *
 * The province figures count the agencies located in the province: its provincial government,
 * its regencies and cities, and its BUMD. Ministries, national agencies and BUMN have no
 * province and appear in the overall and per-type figures only.
 */
export async function complianceFigures(db: Db, year: number): Promise<ComplianceFigures> {
  const [rows, provinces] = await Promise.all([
    db
      .select({
        type: agencies.type,
        provinceCode: sql<string | null>`${provinceIn(year)}`,
        grouping: sql<number>`grouping(${agencies.type}, ${provinceIn(year)})::int`,
        agencies: sql<number>`count(*)::int`,
        met: sql<number>`(count(*) filter (where ${metDuty(agencies.id, year)}))::int`,
      })
      .from(agencies)
      .where(dutyApplies(year))
      .groupBy(sql`grouping sets ((${agencies.type}), (${provinceIn(year)}), ())`),
    db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(eq(regions.level, "province"))
      .orderBy(regions.code),
  ]);

  const overall = rows.find((r) => r.grouping === OVERALL);
  const typeRows = new Map(rows.filter((r) => r.grouping === BY_TYPE).map((r) => [r.type, r]));
  const provinceRows = new Map(
    rows.filter((r) => r.grouping === BY_PROVINCE && r.provinceCode).map((r) => [r.provinceCode, r]),
  );
  return {
    year,
    overall: tally(overall?.agencies ?? 0, overall?.met ?? 0),
    // Every type and every province is listed, even with nothing to count, so tables and API
    // consumers see a stable shape.
    byType: AGENCY_TYPES.map((type) => {
      const r = typeRows.get(type);
      return { type, ...tally(r?.agencies ?? 0, r?.met ?? 0) };
    }),
    byProvince: provinces.filter((p) => provinceExisted(p.code, year)).map((p) => {
      const r = provinceRows.get(p.code);
      return { code: p.code, name: p.name, ...tally(r?.agencies ?? 0, r?.met ?? 0) };
    }),
  };
}
