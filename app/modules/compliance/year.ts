// The programme's year. "One Agency, One Innovation" was launched by Kementerian PANRB in 2013,
// so no earlier year can be reported on.
export const FIRST_YEAR = 2013;

// The duty is counted per calendar year in Jakarta (WIB, UTC+7): the programme is run from the
// ministry in Jakarta and its yearly reports close on WIB's 31 December, so an innovation
// published at 00:30 WITA on 1 January (23:30 WIB on 31 December) still counts for the old year
// everywhere in the country. WIB has had no daylight saving since 1964, so a fixed offset is
// exact and needs no time-zone database.
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar year in Jakarta at an instant. */
export function jakartaYear(at: Date): number {
  return new Date(at.getTime() + WIB_OFFSET_MS).getUTCFullYear();
}

/** The month (1–12) in Jakarta at an instant. */
export function jakartaMonth(at: Date): number {
  return new Date(at.getTime() + WIB_OFFSET_MS).getUTCMonth() + 1;
}

/** The instants [from, to) that make up a Jakarta calendar year. */
export function jakartaYearBounds(year: number): { from: Date; to: Date } {
  return {
    from: new Date(Date.UTC(year, 0, 1) - WIB_OFFSET_MS),
    to: new Date(Date.UTC(year + 1, 0, 1) - WIB_OFFSET_MS),
  };
}

/** Every year that can be reported on, newest first. */
export function reportableYears(now: Date = new Date()): number[] {
  const years: number[] = [];
  for (let y = jakartaYear(now); y >= FIRST_YEAR; y--) years.push(y);
  return years;
}
