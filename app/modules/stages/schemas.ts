// The forms of the presentation schedule and the field-verification report: the same schemas
// validate the action and name the fields that get the errors.
import { z } from "zod";
import { fromZonedInput, type ZoneName } from "~/i18n";
import { blankToUndefined, toArray } from "~/lib/forms";
import { FIELD_CHECKLIST, MAX_NOTES, MAX_TESTIMONIES, MAX_TESTIMONY } from "./checklist";
import { INDICATOR_FINDINGS, MAX_FINDING_NOTE, MAX_OBSERVED } from "./indicator-checks";
import { MAX_HOLIDAY_CHARS, MAX_HOLIDAYS, readHolidays } from "./holidays";
import {
  DEFAULT_SLOT_MINUTES,
  fallsOnSkippedDay,
  fillPattern,
  isMeetingLink,
  MAX_BREAK_MINUTES,
  MAX_SLOT_MINUTES,
  MIN_SLOT_MINUTES,
  minutesOfDay,
  PRESENTATION_MODES,
  windowFits,
} from "./slots";

/** A datetime-local value typed in the editor's zone, as an ISO instant. */
const zonedInstant = (zone: ZoneName) =>
  z.string({ error: "field.required" }).transform((v, ctx) => {
    if (!v.trim()) {
      ctx.addIssue({ code: "custom", message: "field.required" });
      return z.NEVER;
    }
    const iso = fromZonedInput(v, zone);
    // A competition's schedule sits in this century; anything else is a typing slip.
    const year = iso ? Number(iso.slice(0, 4)) : 0;
    if (!iso || year < 2000 || year > 2100) {
      ctx.addIssue({ code: "custom", message: "stages.errors.instant" });
      return z.NEVER;
    }
    return iso;
  });

const minutes = z.preprocess(
  blankToUndefined,
  z.coerce
    .number({ error: "field.number" })
    .int({ error: "field.number" })
    .min(MIN_SLOT_MINUTES, { error: "stages.errors.minutes" })
    .max(MAX_SLOT_MINUTES, { error: "stages.errors.minutes" })
    .default(DEFAULT_SLOT_MINUTES),
);
const checkbox = z.preprocess((v) => v === "1" || v === "on", z.boolean());
const mode = z.enum(PRESENTATION_MODES, { error: "field.choice" });
const location = z.string({ error: "stages.errors.location" }).trim().min(1, { error: "stages.errors.location" }).max(500, { error: "field.tooLong" });

/** An online slot's location is its meeting link: http or https only. */
function checkLocation(v: { mode: unknown; location: unknown }, ctx: z.RefinementCtx, field = "location") {
  // A pattern's "{n}" is filled per slot; the first slot's link stands for them all.
  if (v.mode === "online" && typeof v.location === "string" && v.location.trim() && !isMeetingLink(fillPattern(v.location, 1))) ctx.addIssue({ code: "custom", path: [field], message: "stages.errors.link" });
}

export const generateSlotsSchema = (zone: ZoneName) =>
  z
    .object({
      start: zonedInstant(zone),
      slotMinutes: minutes,
      breakMinutes: z.preprocess(
        blankToUndefined,
        z.coerce.number({ error: "field.number" }).int({ error: "field.number" }).min(0, { error: "stages.errors.break" }).max(MAX_BREAK_MINUTES, { error: "stages.errors.break" }).default(0),
      ),
      dayEnd: z.preprocess(
        blankToUndefined,
        z
          .string()
          .optional()
          .transform((v, ctx) => {
            if (v === undefined) return null;
            const m = minutesOfDay(v);
            if (m === null) {
              ctx.addIssue({ code: "custom", message: "stages.errors.time" });
              return z.NEVER;
            }
            return m;
          }),
      ),
      slotMode: mode,
      pattern: location,
      replace: checkbox,
      // An unticked box is not posted: a form (or a caller) that leaves it out keeps every day.
      workDaysOnly: checkbox,
      holidays: z.preprocess(
        (v) => v ?? "",
        z
          .string({ error: "field.invalid" })
          .max(MAX_HOLIDAY_CHARS, { error: "field.tooLong" })
          .transform((v, ctx) => {
            const read = readHolidays(v);
            if ("dates" in read) return read.dates;
            if ("line" in read) ctx.addIssue({ code: "custom", message: "stages.errors.holidayLine", params: { line: read.line } });
            else ctx.addIssue({ code: "custom", message: "stages.errors.holidaysTooMany", params: { max: MAX_HOLIDAYS } });
            return z.NEVER;
          }),
      ),
    })
    .superRefine(
      (v, ctx) => {
        checkLocation({ mode: v.slotMode, location: v.pattern }, ctx, "pattern");
        const fields = typeof v.start === "string" && typeof v.slotMinutes === "number" && (v.dayEnd === null || typeof v.dayEnd === "number");
        if (fields && !windowFits({ start: Date.parse(v.start), minutes: v.slotMinutes, dayEnd: v.dayEnd, zone })) {
          ctx.addIssue({ code: "custom", path: ["dayEnd"], message: "stages.errors.window" });
        }
        // A start on a skipped day is refused, not moved: the secretariat chose that day, and a
        // silent move to Monday would announce a schedule nobody typed.
        const at = typeof v.start === "string" ? Date.parse(v.start) : NaN;
        if (Number.isFinite(at)) {
          const holidays = Array.isArray(v.holidays) ? v.holidays : [];
          if (fallsOnSkippedDay({ zone, workDaysOnly: v.workDaysOnly === true, holidays: [] }, at)) ctx.addIssue({ code: "custom", path: ["start"], message: "stages.errors.startWeekend" });
          else if (fallsOnSkippedDay({ zone, workDaysOnly: false, holidays }, at)) ctx.addIssue({ code: "custom", path: ["start"], message: "stages.errors.startHoliday" });
        }
      },
      // Every field's problem is shown at once, not the link's only after the rest is fixed.
      { when: () => true },
    );
export type GenerateSlotsInput = z.output<ReturnType<typeof generateSlotsSchema>>;

export const slotSchema = (zone: ZoneName) =>
  z.object({ startsAt: zonedInstant(zone), minutes, mode, location }).superRefine((v, ctx) => checkLocation(v, ctx), { when: () => true });
export type SlotInput = z.output<ReturnType<typeof slotSchema>>;

/** A visit date as a date field sends it; blank clears it. */
export const visitDateSchema = z.object({
  visitDate: z.preprocess(
    blankToUndefined,
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (v === undefined) return null;
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
        const d = m ? new Date(`${v}T00:00:00Z`) : null;
        if (!m || !d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v || Number(m[1]) < 2000 || Number(m[1]) > 2100) {
          ctx.addIssue({ code: "custom", message: "stages.errors.date" });
          return z.NEVER;
        }
        return v;
      }),
  ),
});

const testimonyRow = z.object({
  name: z.string().trim().max(200, { error: "field.tooLong" }).default(""),
  relation: z.string().trim().max(200, { error: "field.tooLong" }).default(""),
  text: z.string().trim().max(MAX_TESTIMONY, { error: "field.tooLong" }).default(""),
});
const isBlank = (r: { name: string; relation: string; text: string }) => !r.name && !r.relation && !r.text;

// One claimed indicator's check as the form sends it: the claim's name (which claim the row was
// written against), what the records on site show, the finding and a note.
const indicatorRow = z.object({
  name: z.string().default(""),
  observed: z.string().trim().max(MAX_OBSERVED, { error: "field.tooLong" }).default(""),
  finding: z.preprocess(blankToUndefined, z.enum(INDICATOR_FINDINGS, { error: "field.choice" }).optional()),
  note: z.string().trim().max(MAX_FINDING_NOTE, { error: "field.tooLong" }).default(""),
});

/**
 * The report. A draft may be partial; a submission needs the decision, a reason when the
 * innovation is not verified (the plenary and the agency read why), and at least one resident's
 * testimony (the team is sent to hear the people the innovation serves, PROGRAMME.md). A
 * testimony row left blank is ignored; a row begun needs the person's name and what they said.
 * A submission also needs a finding for each of the `claims` indicators the innovation claims,
 * with a note whenever the finding is not a match: "tidak sesuai" alone tells the plenary
 * nothing it can weigh.
 */
export const fieldReportSchema = (submit: boolean, claims = 0) =>
  z
    .object({
      check: z.preprocess(toArray, z.array(z.string())),
      notes: z.string().trim().max(MAX_NOTES, { error: "field.tooLong" }).default(""),
      testimonies: z.array(testimonyRow).max(MAX_TESTIMONIES, { error: "stages.errors.tooManyTestimonies" }).default([]),
      verified: z.preprocess(blankToUndefined, z.enum(["yes", "no"], { error: "field.choice" }).optional()),
      reason: z.string().trim().max(MAX_NOTES, { error: "field.tooLong" }).default(""),
      indicators: z.array(indicatorRow).max(Math.max(claims, 0)).default([]),
    })
    .superRefine(
      (v, ctx) => {
        if (!submit) return;
        const checks = Array.isArray(v.indicators) ? v.indicators : [];
        for (let i = 0; i < claims; i++) {
          const c = checks[i];
          const finding = typeof c?.finding === "string" ? c.finding : undefined;
          if (!finding) ctx.addIssue({ code: "custom", path: ["indicators", i, "finding"], message: "stages.errors.findingRequired" });
          else if (finding !== "sesuai" && !(typeof c?.note === "string" && c.note.trim())) {
            ctx.addIssue({ code: "custom", path: ["indicators", i, "note"], message: "stages.errors.findingNote" });
          }
        }
        // Runs even when another field failed (every problem is shown at once): values may be raw.
        const str = (x: unknown) => (typeof x === "string" ? x.trim() : "");
        const rows = Array.isArray(v.testimonies) ? v.testimonies.map((r) => ({ name: str(r?.name), relation: str(r?.relation), text: str(r?.text) })) : [];
        rows.forEach((r, i) => {
          if (isBlank(r)) return;
          if (!r.name) ctx.addIssue({ code: "custom", path: ["testimonies", i, "name"], message: "stages.errors.testimonyName" });
          if (!r.text) ctx.addIssue({ code: "custom", path: ["testimonies", i, "text"], message: "stages.errors.testimonyText" });
        });
        if (!rows.some((r) => !isBlank(r))) ctx.addIssue({ code: "custom", path: ["testimonies"], message: "stages.errors.testimonyRequired" });
        if (!v.verified) ctx.addIssue({ code: "custom", path: ["verified"], message: "stages.errors.decision" });
        if (v.verified === "no" && !str(v.reason)) ctx.addIssue({ code: "custom", path: ["reason"], message: "stages.errors.reasonRequired" });
      },
      { when: () => true },
    )
    .transform((v) => ({
      checklist: Object.fromEntries(FIELD_CHECKLIST.map((code) => [code, v.check.includes(code)])) as Record<string, boolean>,
      notes: v.notes,
      testimonies: v.testimonies.filter((r) => !isBlank(r)),
      verified: v.verified === undefined ? null : v.verified === "yes",
      reason: v.reason,
      indicators: v.indicators.map((r) => ({ name: r.name, observed: r.observed, finding: r.finding ?? null, note: r.note })),
    }));
export type FieldReportInput = z.output<ReturnType<typeof fieldReportSchema>>;

/** The indicator rows of a posted form (indicators.0.finding, …), one per claim, as the schema reads them. */
export function indicatorRows(values: Record<string, unknown>, claims: number): { name: string; observed: string; finding: string; note: string }[] {
  const get = (i: number, f: string) => {
    const v = values[`indicators.${i}.${f}`];
    return typeof v === "string" ? v : "";
  };
  return Array.from({ length: claims }, (_, i) => ({ name: get(i, "name"), observed: get(i, "observed"), finding: get(i, "finding"), note: get(i, "note") }));
}

/** The testimony rows of a posted form (testimonies.0.name, …), in order, as the schema reads them. */
export function testimonyRows(values: Record<string, unknown>): { name: string; relation: string; text: string }[] {
  const rows: { name: string; relation: string; text: string }[] = [];
  for (let i = 0; i < MAX_TESTIMONIES + 1; i++) {
    const get = (f: string) => {
      const v = values[`testimonies.${i}.${f}`];
      return typeof v === "string" ? v : "";
    };
    if (!(`testimonies.${i}.name` in values) && !(`testimonies.${i}.text` in values) && !(`testimonies.${i}.relation` in values)) continue;
    rows[i] = { name: get("name"), relation: get("relation"), text: get("text") };
  }
  return Array.from(rows, (r) => r ?? { name: "", relation: "", text: "" });
}
