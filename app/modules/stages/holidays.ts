// The holidays a presentation schedule skips, as the secretariat types them: one date per line,
// copied from the government's list of national holidays and cuti bersama (a joint decree of
// three ministers each year), so a line may carry the day's name after the date.

/** A year's national holidays and cuti bersama are about 25 days; 60 covers a schedule across two years. */
export const MAX_HOLIDAYS = 60;
/** Room for every line with its name ("17-08-2026 Hari Proklamasi Kemerdekaan RI"). */
export const MAX_HOLIDAY_CHARS = 6_000;

export type HolidayReading = { dates: string[] } | { line: number } | { tooMany: true };

// ISO as the date field sends it, or day first as Indonesians write it: 17-08-2026, 17/08/2026, 17.08.2026.
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DAY_FIRST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;

/** A date written either way, as YYYY-MM-DD when it exists in this century; else null. */
export function readDate(text: string): string | null {
  const iso = ISO.exec(text);
  const dmy = iso ? null : DAY_FIRST.exec(text);
  if (!iso && !dmy) return null;
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : [dmy![4], dmy![3], dmy![1]];
  const year = Number(y);
  if (year < 2000 || year > 2100) return null;
  const date = new Date(Date.UTC(year, Number(m) - 1, Number(d)));
  // 31-02-2026 would roll over into March: the date must come back as typed.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The dates of a textarea, sorted and without repeats; blank lines are ignored but counted, so
 * a bad line is named by the number the secretariat sees. Text after the date is its name.
 */
export function readHolidays(text: string): HolidayReading {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.filter((l) => l.trim()).length > MAX_HOLIDAYS) return { tooMany: true };
  const dates = new Set<string>();
  for (const [i, line] of lines.entries()) {
    const first = line.trim().split(/\s+/, 1)[0];
    if (!first) continue;
    const date = readDate(first);
    if (!date) return { line: i + 1 };
    dates.add(date);
  }
  return { dates: [...dates].sort() };
}
