// The presentation schedule's rules, pure: consecutive slots from a start instant inside a daily
// window, where a slot takes place, when two slots clash, and until when the agency may answer.
import { ZONE_OFFSETS, type ZoneName } from "~/i18n";

/** PROGRAMME.md: each agency presents and is interviewed for 20 minutes. */
export const DEFAULT_SLOT_MINUTES = 20;
export const MIN_SLOT_MINUTES = 5;
export const MAX_SLOT_MINUTES = 180;
export const MAX_BREAK_MINUTES = 240;

const MINUTE = 60_000;
const DAY = 86_400_000;
const HOUR = 3_600_000;

export const PRESENTATION_MODES = ["online", "room"] as const;
export type PresentationMode = (typeof PRESENTATION_MODES)[number];
export const ATTENDANCE_STATES = ["pending", "confirmed", "declined"] as const;
export type Attendance = (typeof ATTENDANCE_STATES)[number];

/** Minutes east of UTC: Indonesia keeps no daylight saving, each zone is a fixed offset. */
export const zoneOffsetMinutes = (zone: ZoneName) => Number(ZONE_OFFSETS[zone].slice(1, 3)) * 60;

/** "16:30" → minutes after midnight, or null when it is not a time of day. */
export function minutesOfDay(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3])[:.]([0-5]\d)$/.exec(hhmm.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export type SlotPlan = {
  /** The first slot's instant (ms since the epoch). */
  start: number;
  count: number;
  minutes: number;
  breakMinutes: number;
  /**
   * The latest a slot may end each day, in minutes after local midnight; a slot that would run
   * past it moves to the next day at the first slot's time of day. Null: no daily window.
   */
  dayEnd: number | null;
  /** The zone the start and the day end were typed in. */
  zone: ZoneName;
};

/**
 * Consecutive slots: each starts when the one before ends plus the break, so no two overlap.
 * With a day end, the schedule resumes the next day at the first slot's time of day (99
 * proposals at 20 minutes are 33 hours of interviews: several days, never through the night).
 */
export function planSlots(plan: SlotPlan): Date[] {
  const offset = zoneOffsetMinutes(plan.zone) * MINUTE;
  const length = plan.minutes * MINUTE;
  const step = (plan.minutes + plan.breakMinutes) * MINUTE;
  const dayStart = (((plan.start + offset) % DAY) + DAY) % DAY;
  const out: Date[] = [];
  let cursor = plan.start;
  for (let i = 0; i < plan.count; i++) {
    if (plan.dayEnd !== null) {
      const local = cursor + offset;
      const midnight = local - (((local % DAY) + DAY) % DAY);
      if (local + length > midnight + plan.dayEnd * MINUTE) cursor = midnight + DAY + dayStart - offset;
    }
    out.push(new Date(cursor));
    cursor += step;
  }
  return out;
}

/** Whether a daily window can hold one slot starting at the plan's time of day. */
export function windowFits(plan: Pick<SlotPlan, "start" | "minutes" | "dayEnd" | "zone">): boolean {
  if (plan.dayEnd === null) return true;
  const offset = zoneOffsetMinutes(plan.zone) * MINUTE;
  const startOfDay = (((plan.start + offset) % DAY) + DAY) % DAY;
  return startOfDay + plan.minutes * MINUTE <= plan.dayEnd * MINUTE;
}

/** The location pattern for slot number n (from 1): "{n}" becomes the number ("Ruang {n}"). */
export const fillPattern = (pattern: string, n: number) => pattern.replaceAll("{n}", String(n)).trim();

/** Only web addresses are meeting links: a stored link is never `javascript:` or a file path. */
export function isMeetingLink(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const u = new URL(value);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname.length > 0;
  } catch {
    return false;
  }
}

export type SlotTime = { startsAt: Date; minutes: number; location: string };

const sameLocation = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Two slots clash when they share a room or a meeting link and their times overlap. Slots in
 * different rooms or links may run at once: a large edition runs parallel panels.
 */
export function clashes(a: SlotTime, b: SlotTime): boolean {
  if (!sameLocation(a.location, b.location)) return false;
  const aStart = a.startsAt.getTime();
  const bStart = b.startsAt.getTime();
  return aStart < bStart + b.minutes * MINUTE && bStart < aStart + a.minutes * MINUTE;
}

/**
 * The agency answers (confirms or declines attendance) until the day before: 24 hours before
 * the slot starts. After that the secretariat has fixed the day's panels; a change goes through
 * the secretariat.
 */
export const answerDeadline = (startsAt: Date) => new Date(startsAt.getTime() - 24 * HOUR);
export const mayAnswer = (startsAt: Date, now: number) => now < answerDeadline(startsAt).getTime();

/** The zone an agency keeps: its region's, WIB for a national agency (it sits in Jakarta). */
export const agencyZone = (zone: ZoneName | null | undefined): ZoneName => zone ?? "WIB";
