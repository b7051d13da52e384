// The presentation schedule's rules, pure: consecutive slots from a start instant inside a daily
// window on the days the schedule keeps, where a slot takes place, when two slots clash, and
// until when the agency may answer.
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
  /** The zone the start and the day end were typed in; days are judged in it. */
  zone: ZoneName;
  /** Skip Saturday and Sunday. */
  workDaysOnly: boolean;
  /** Local dates (YYYY-MM-DD, in the plan's zone) on which nobody is interviewed. */
  holidays: string[];
};

/** The days a schedule skips: the rule in a plan, judged on local dates in its zone. */
type DayRule = Pick<SlotPlan, "zone" | "workDaysOnly" | "holidays">;

const localMidnight = (instant: number, offset: number) => {
  const local = instant + offset;
  return local - (((local % DAY) + DAY) % DAY);
};

/**
 * Whether a local day (its midnight, as ms in the zone's wall-clock) is skipped. Interviews
 * need the head of agency and the panel at work: not on a weekend when the schedule keeps
 * working days, never on a national holiday or a cuti bersama day the secretariat listed.
 */
function skipsDay(rule: DayRule, holidays: ReadonlySet<string>, midnight: number): boolean {
  const day = new Date(midnight);
  const weekday = day.getUTCDay();
  return (rule.workDaysOnly && (weekday === 0 || weekday === 6)) || holidays.has(day.toISOString().slice(0, 10));
}

/** Whether an instant falls on a day the rule skips, in the rule's zone (WIT's Monday may be UTC's Sunday). */
export function fallsOnSkippedDay(rule: DayRule, instant: number): boolean {
  return skipsDay(rule, new Set(rule.holidays), localMidnight(instant, zoneOffsetMinutes(rule.zone) * MINUTE));
}

/**
 * Consecutive slots: each starts when the one before ends plus the break, so no two overlap.
 * With a day end, the schedule resumes the next day at the first slot's time of day (99
 * proposals at 20 minutes are 33 hours of interviews: several days, never through the night).
 * A day the plan skips (a weekend, a listed holiday) is passed over whenever the schedule
 * reaches a new day, by the day end or, without one, past midnight. A start on a skipped day
 * moves to the next kept day (the form refuses such a start before it gets here).
 */
export function planSlots(plan: SlotPlan): Date[] {
  const offset = zoneOffsetMinutes(plan.zone) * MINUTE;
  const length = plan.minutes * MINUTE;
  const step = (plan.minutes + plan.breakMinutes) * MINUTE;
  const dayStart = (((plan.start + offset) % DAY) + DAY) % DAY;
  const holidays = new Set(plan.holidays);
  // Bounded: every weekday in a run of skipped days is a listed holiday, and 7 consecutive days
  // hold 5 weekdays, so a run is shorter than 7 × (holidays / 5 + 1) ≤ 2 × holidays + 7 days.
  const longestRun = 2 * holidays.size + 7;
  /** The first kept day from this local midnight on, at the first slot's time of day, as an instant. */
  const resume = (midnight: number) => {
    let day = midnight;
    for (let i = 0; i < longestRun && skipsDay(plan, holidays, day); i++) day += DAY;
    return day + dayStart - offset;
  };
  const out: Date[] = [];
  let cursor = plan.start;
  for (let i = 0; i < plan.count; i++) {
    const midnight = localMidnight(cursor, offset);
    if (plan.dayEnd !== null && cursor + offset + length > midnight + plan.dayEnd * MINUTE) cursor = resume(midnight + DAY);
    else if (skipsDay(plan, holidays, midnight)) cursor = resume(midnight);
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
 * Where a slot falls against its stage's dates: "before" it opens, "after" it has closed (the
 * slot still running at the close), or null inside. The panelists score a presentation within
 * the stage; a slot outside it could not be scored, or would be scored after the plenary.
 */
export function outsideStage(slot: { startsAt: Date; minutes: number }, stage: { opensAt: string; closesAt: string }): "before" | "after" | null {
  if (slot.startsAt.getTime() < Date.parse(stage.opensAt)) return "before";
  if (slot.startsAt.getTime() + slot.minutes * MINUTE > Date.parse(stage.closesAt)) return "after";
  return null;
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
