// An agency's name as it was in a given year. A ministry renamed by a new cabinet stays the same
// body (the same row, its innovations, awards and duty record carry on), but what was published
// about a past year speaks of it by the name it had then: a 2019 certificate was awarded to
// Kominfo, not to Komdigi, which did not exist yet.

/**
 * A name the agency no longer bears, with the last calendar year it bore it. The year of a
 * rename counts under the old name, as a ministry formed in October counts from the next
 * January (see reference/national-agencies.ts): Kominfo became Komdigi in October 2024, so its
 * former name is kept `until: 2024`.
 */
export type FormerName = { name: string; shortName: string | null; until: number };

export type AgencyNames = { name: string; shortName: string | null; formerNames: readonly FormerName[] };

/**
 * The name (and short name) the agency bore in the year: of the former names still borne that
 * year, the one given up first; the current name for a year after every rename. Years before
 * the oldest recorded name get that name: nothing older is known.
 */
export function agencyNameIn(agency: AgencyNames, year: number): { name: string; shortName: string | null } {
  let then: FormerName | null = null;
  for (const f of agency.formerNames) if (f.until >= year && (!then || f.until < then.until)) then = f;
  return then ? { name: then.name, shortName: then.shortName } : { name: agency.name, shortName: agency.shortName };
}

/** The former names, the most recent first (how the agency's page lists them). */
export const formerNamesNewestFirst = (names: readonly FormerName[]) => [...names].sort((a, b) => b.until - a.until);
