import { z } from "zod";
import { blankToUndefined } from "~/lib/forms";
import { FIRST_YEAR, jakartaYear } from "~/modules/compliance/year";

// A unit's name and kind are one line of words: runs of spaces, tabs and line breaks (a name
// pasted from a letter, a quoted CSV cell spanning lines) become one space, so "Dinas  Pekerjaan
// Umum" is stored, shown and compared as "Dinas Pekerjaan Umum" (unitNameKey).
const oneLine = (v: unknown) => blankToUndefined(typeof v === "string" ? v.replace(/\s+/g, " ") : v);

export const UnitSchema = z.object({
  name: z.preprocess(oneLine, z.string({ error: "field.required" }).min(2, { error: "field.tooShort" }).max(200, { error: "field.tooLong" })),
  kind: z.preprocess(oneLine, z.string().max(80).optional()),
});

/**
 * The latest year an agency's first or last year of the duty may name: next year. A body formed
 * or dissolved by a decision already taken (a cabinet announced in October, a merger decreed for
 * 1 January) reaches at most into next year; anything later is a typing error.
 */
export const lastDutyYear = (now: Date = new Date()) => jakartaYear(now) + 1;

/**
 * A year of "One Agency, One Innovation" for an agency, or nothing (blank): four digits, from the
 * programme's launch (2013, Kementerian PANRB) to next year. One validator for the admin's forms
 * and the CSV import, so both refuse the same years with the same reasons.
 */
const dutyYear = z.preprocess(blankToUndefined, z.unknown()).transform((v, ctx): number | undefined => {
  if (v === undefined) return undefined;
  if (typeof v !== "string" || !/^\d{4}$/.test(v)) {
    ctx.addIssue({ code: "custom", message: "agencies.errors.yearFormat" });
    return z.NEVER;
  }
  const year = Number(v);
  const max = lastDutyYear();
  if (year < FIRST_YEAR || year > max) {
    // Strings, not numbers: the translator would write 2013 as "2.013" in Indonesian.
    ctx.addIssue({ code: "custom", message: "agencies.errors.yearRange", params: { min: String(FIRST_YEAR), max: String(max) } });
    return z.NEVER;
  }
  return year;
});

type DutyYears = { activeFrom?: number; activeUntil?: number };

// The duty applies from the first year to the last, both included (dutyApplies in
// compliance/met-duty.server.ts): a body may end in the year it began, never before.
function lastNotBeforeFirst(v: DutyYears, ctx: z.RefinementCtx) {
  if (typeof v.activeFrom === "number" && typeof v.activeUntil === "number" && v.activeUntil < v.activeFrom) {
    ctx.addIssue({ code: "custom", path: ["activeUntil"], message: "agencies.errors.untilBeforeFrom", params: { from: String(v.activeFrom) } });
  }
}

// Ministries, national agencies and regional governments come from reference data; admins add
// state- and region-owned enterprises.
export const AgencySchema = z
  .object({
    name: z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(3, { error: "field.tooShort" }).max(200, { error: "field.tooLong" })),
    shortName: z.preprocess(blankToUndefined, z.string().max(80).optional()),
    type: z.enum(["bumn", "bumd"], { error: "field.choice" }),
    regionCode: z.preprocess(blankToUndefined, z.string().regex(/^\d{2}(\.\d{2})?$/, { error: "agencies.errors.regionUnknown" }).optional()),
    // The first full year the duty applies to a newly formed enterprise, and the last year of one
    // already wound up or merged (a CSV of past enterprises may carry both).
    activeFrom: dutyYear,
    activeUntil: dutyYear,
  })
  .superRefine((v, ctx) => {
    if (v.type === "bumd" && !v.regionCode) ctx.addIssue({ code: "custom", path: ["regionCode"], message: "agencies.errors.regionRequired" });
    lastNotBeforeFirst(v, ctx);
  });

/** An existing agency's first and last year of the duty; blank clears a year. */
export const AgencyYearsSchema = z
  .object({ activeFrom: dutyYear, activeUntil: dutyYear })
  .superRefine(lastNotBeforeFirst);

export type UnitInput = z.output<typeof UnitSchema>;
export type AgencyInput = z.output<typeof AgencySchema>;
export type AgencyYearsInput = z.output<typeof AgencyYearsSchema>;
