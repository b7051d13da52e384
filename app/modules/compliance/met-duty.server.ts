import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { agencies, innovations } from "~/db/schema";
import { PAPUA_SPLIT } from "~/modules/agencies/regions";
import { jakartaYearBounds } from "./year";

/**
 * Whether the agency (its id column) met "One Agency, One Innovation" in a year: a boolean SQL
 * expression.
 *
 * The duty (Kementerian PANRB, 2013): every agency creates at least one public-service
 * innovation every year. An agency meets it for year Y when it has at least one PUBLISHED
 * innovation that either started in Y (innovations.start_year) or was published in Y (the
 * Jakarta calendar year, see year.ts). Both count because agencies often register an
 * innovation in the year after it started; counting only start years would mark an agency as
 * failing for work it did and reported. Drafts, submitted and returned entries do not count:
 * until the agency admin publishes an entry, it is not part of the public register. Every
 * origin counts, replications included: adopting a proven innovation is itself a new service
 * for that agency's public, which is what the replication programme encourages.
 *
 * Two correlated EXISTS probes per agency, OR-ed (so PostgreSQL keeps them as per-agency index
 * probes rather than joining every innovation of the year): the cost grows with the number of
 * agencies (thousands), not of innovations (a million). With partial indexes on
 * (agency_id, start_year) and (agency_id, published_at) WHERE state = 'published', each probe
 * is an index-only lookup.
 */
export function metDuty(agencyId: AnyColumn | SQL, year: number): SQL {
  const { from, to } = jakartaYearBounds(year);
  // 'published' is a literal, not a parameter, so the planner can match the partial indexes.
  return sql`(exists (select 1 from ${innovations} m where m.agency_id = ${agencyId} and m.state = 'published' and m.start_year = ${year})
    or exists (select 1 from ${innovations} m where m.agency_id = ${agencyId} and m.state = 'published'
      and m.published_at >= ${from} and m.published_at < ${to}))`;
}

/**
 * Whether the duty applied to the agency in a year at all: an agency is judged only for the
 * years it existed in (see agencies.activeFrom/activeUntil), so a ministry formed in 2024 is not
 * counted as failing 2022, nor a ministry dissolved in 2024 as failing 2025.
 */
export function dutyApplies(year: number): SQL {
  return sql`((${agencies.activeFrom} is null or ${agencies.activeFrom} <= ${year}) and (${agencies.activeUntil} is null or ${agencies.activeUntil} >= ${year}))`;
}

/**
 * The agency's province as it was in a year: before the Papuan provinces of 2022 existed, their
 * regencies and cities are counted under the province they came from.
 */
export function provinceIn(year: number): SQL {
  if (year >= PAPUA_SPLIT.firstYear) return sql`${agencies.provinceCode}`;
  // Literals, not parameters: the figures group by this expression and select it, and the two
  // must be the same text for PostgreSQL. The codes are the code's own two-digit constants.
  const cases = Object.entries(PAPUA_SPLIT.from).map(([now, was]) => `when '${now}' then '${was}'`);
  return sql`(case ${agencies.provinceCode} ${sql.raw(cases.join(" "))} else ${agencies.provinceCode} end)`;
}

/** Whether a province existed in a year (the Papuan provinces of 2022 count from 2023). */
export const provinceExisted = (code: string, year: number) => year >= PAPUA_SPLIT.firstYear || !PAPUA_SPLIT.from[code];
