import { z } from "zod";
import { blankToUndefined, formToObject, idOf, optionalIdField, stripNul, toArray, webAddress } from "~/lib/forms";
import { INDICATOR_REQUIRED, INNOVATION_ORIGINS, INNOVATION_STATUSES, SECTORS } from "./vocab";

const text = (max: number) => z.preprocess(blankToUndefined, z.string().max(max).optional());
const LONG = 10_000;

// Indonesia's easternmost zone, WIT (UTC+9: Maluku and Papua), is the first to reach a new day,
// so its date is the latest that is "today" anywhere in the country. A start date is in the future
// only after that; the UTC date lagged WIB by a day until 07:00 and refused today's date. WIT has
// had no daylight saving, so a fixed offset is exact and needs no time-zone database.
const WIT_OFFSET_MS = 9 * 60 * 60 * 1000;

/** The latest start date an innovation may have: today's date in Jayapura (WIT). */
export const latestStartDate = (now: Date = new Date()): string => new Date(now.getTime() + WIT_OFFSET_MS).toISOString().slice(0, 10);

// Indicator rows come from parallel arrays (indicator_name[], indicator_before[], ...), so the
// form works without JavaScript; blank rows are dropped, half-filled rows are errors.
const IndicatorsSchema = z
    .array(
      z.object({
        name: z.string().max(200),
        before: z.string().max(200),
        after: z.string().max(200),
        unit: z.string().max(100),
        source: z.string().max(300),
        // One of the innovation's evidence files (checked against the stored files by
        // checkReferences: the schema cannot know which files are this innovation's).
        evidenceFileId: z.number().int().nonnegative().optional(),
      })
      .refine((row) => INDICATOR_REQUIRED.every((k) => row[k]), { message: "innovations.errors.indicator" }),
    )
    .max(20);

/** The register form's fields, each checked on its own (the cross-field rule is below). */
export const InnovationFields = z.object({
  name: z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(3, { error: "field.tooShort" }).max(200, { error: "field.tooLong" })),
  acronym: text(60),
  summary: text(3000),
  problem: text(LONG),
  targetGroup: text(2000),
  novelty: text(LONG),
  implementation: text(LONG),
  results: text(LONG),
  indicators: IndicatorsSchema.default([]),
  benefits: text(LONG),
  resources: text(LONG),
  sustainability: text(LONG),
  sectors: z.preprocess(toArray, z.array(z.enum(SECTORS)).max(SECTORS.length)),
  // The seventeen SDGs are checkboxes: any other value is not one of the choices.
  sdgs: z.preprocess(toArray, z.array(z.coerce.number({ error: "field.choice" }).int({ error: "field.choice" }).min(1, { error: "field.choice" }).max(17, { error: "field.choice" })).max(17)),
  status: z.preprocess(blankToUndefined, z.enum(INNOVATION_STATUSES).default("inisiatif")),
  startedOn: z.preprocess(
    blankToUndefined,
    z.iso
      .date({ error: "field.date" })
      .refine((d) => d <= latestStartDate(), { message: "innovations.errors.startedInFuture" })
      .optional(),
  ),
  unitId: optionalIdField,
  // Where it is carried out (a Ministry of Home Affairs code); the agency's own when left out.
  regionCode: z.preprocess(blankToUndefined, z.string().regex(/^\d{2}(\.\d{2})?$/, { error: "field.choice" }).optional()),
  agencyId: optionalIdField,
  origin: z.preprocess(blankToUndefined, z.enum(INNOVATION_ORIGINS).default("original")),
  originInnovation: text(300),
  originNote: text(1000),
  videoUrl: webAddress(),
  contactName: text(200),
  contactEmail: z.preprocess(blankToUndefined, z.email({ error: "field.email" }).max(200).optional()),
  // Digits with the separators people write ("0281 123456", "+62 812-3456-7890", "(0281) 63…");
  // the message shows both shapes, since "not valid" alone leaves the person guessing.
  contactPhone: z.preprocess(blankToUndefined, z.string().max(40, { error: "innovations.errors.phone" }).regex(/^[0-9+()\-\s]{6,40}$/, { error: "innovations.errors.phone" }).optional()),
  version: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
});

export const InnovationInputSchema = InnovationFields.superRefine((v, ctx) => {
  if (v.origin === "replication" && !v.originInnovation) {
    ctx.addIssue({ code: "custom", path: ["originInnovation"], message: "innovations.errors.originRequired" });
  }
});

export type InnovationInput = z.output<typeof InnovationInputSchema>;

/** The form's flat fields → the schema's input, gathering the indicator rows. */
export function innovationFormToObject(form: FormData): Record<string, unknown> {
  const out = formToObject(form, (key) => key.startsWith("indicator_"));
  const col = (k: string) => form.getAll(`indicator_${k}`).map((v) => (typeof v === "string" ? stripNul(v).trim() : ""));
  const names = col("name");
  const before = col("before");
  const after = col("after");
  const unit = col("unit");
  const source = col("source");
  const evidence = col("evidence");
  out.indicators = names
    .map((n, i) => {
      const row: Record<string, unknown> = { name: n, before: before[i] ?? "", after: after[i] ?? "", unit: unit[i] ?? "", source: source[i] ?? "" };
      // "Bukti": blank is none; anything that is not a row id names no file of this innovation
      // (0), which checkReferences refuses on the row rather than dropping it silently.
      const chosen = evidence[i] ?? "";
      if (chosen) row.evidenceFileId = idOf(chosen) ?? 0;
      return row;
    })
    .filter((r) => r.name || r.before || r.after || r.unit || r.source || r.evidenceFileId !== undefined);
  return out;
}

// The form's lists of checkboxes; every other field (indicator rows aside) is one text value.
const LIST_FIELDS = new Set(["sectors", "sdgs"]);

/**
 * The posted values as a refused form shows them again, in the shape the form renders whatever
 * was posted: a list sent once without "[]" is still a list, a single field sent twice shows its
 * first value. Validation sees the posted values as they were.
 */
export function innovationFormValues(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(raw)) {
    if (key === "indicators") out[key] = v;
    else if (LIST_FIELDS.has(key)) out[key] = toArray(v);
    else out[key] = Array.isArray(v) ? v[0] : v;
  }
  return out;
}

// What a complete entry needs before Admin Lokal is asked to check it. Drafts may be partial
// (work in progress is never lost), but nothing incomplete reaches review.
export const REQUIRED_FOR_SUBMIT = [
  "summary",
  "problem",
  "targetGroup",
  "novelty",
  "implementation",
  "results",
  "startedOn",
  "sectors",
] as const;

/**
 * The fields REQUIRED_FOR_SUBMIT names that the posted form leaves blank. Checked on the form
 * itself only when it is refused for other reasons, so that one answer names every problem;
 * otherwise the draft is saved first and sending checks what was stored (assertComplete).
 */
export function missingForSend(raw: Record<string, unknown>): (typeof REQUIRED_FOR_SUBMIT)[number][] {
  return REQUIRED_FOR_SUBMIT.filter((f) => !toArray(raw[f]).some((x) => typeof x === "string" && x.trim() !== ""));
}

export const ReturnSchema = z.object({
  comment: z.preprocess(blankToUndefined, z.string({ error: "innovations.errors.commentRequired" }).min(3, { error: "innovations.errors.commentRequired" }).max(3000, { error: "field.tooLong" })),
});

// Withdrawing a published entry takes it off posters' links and the catalogue: the operator who
// wrote it is told why, in a sentence or two, as a return for correction is.
export const UnpublishSchema = z.object({
  reason: z.preprocess(
    blankToUndefined,
    z.string({ error: "innovations.errors.unpublishReason" }).min(10, { error: "innovations.errors.unpublishReason" }).max(1000, { error: "field.tooLong" }),
  ),
});
