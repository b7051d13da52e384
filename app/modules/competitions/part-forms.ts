// Each setup page's form to and from the configuration: the values a page shows, and the change
// its submission makes (with configuration errors mapped back onto the fields typed).
import type { ZoneName } from "~/i18n";
import { issueMessage, parseWith } from "~/lib/forms";
import type { Translate } from "~/i18n";
import { ConfigFieldsSchema, type CompetitionConfig, type Stage } from "./config";
import { overlapMessage, stageOverlaps } from "./config-values";
import type { CompetitionRow, CompetitionChange } from "./manage-competition.server";
import { AGGREGATE_OPTIONS, errorField, LIST_PARTS, QUOTA_FIELDS, readRows, readSingle, rowsToValues, type Field, type FormValues, type ListPart } from "./parts";
import { CompetitionGeneralSchema } from "./schemas";

export const GENERAL_FIELDS: readonly Field[] = [
  { name: "name", kind: "text", label: "competitions.field.name", required: true },
  { name: "theme", kind: "text", label: "competitions.field.theme" },
  { name: "legalBasis", kind: "text", label: "competitions.field.legalBasis" },
  { name: "scoring.aggregate", kind: "select", label: "competitions.field.aggregate", required: true, options: AGGREGATE_OPTIONS },
  { name: "scoring.normalise", kind: "checkbox", label: "competitions.field.normalise" },
  { name: "scoring.disagreementThreshold", kind: "number", label: "competitions.field.disagreementThreshold", required: true },
  { name: "scoring.revealAfterSubmit", kind: "checkbox", label: "competitions.field.revealAfterSubmit" },
  { name: "objectionDays", kind: "number", label: "competitions.field.objectionDays", required: true },
];

export const ELIGIBILITY_FIELDS: readonly Field[] = [
  { name: "minMonthsOperating", kind: "number", label: "competitions.field.minMonthsOperating", required: true, hint: true },
  {
    name: "excludeTiers",
    kind: "checkboxes",
    label: "competitions.field.excludeTiers",
    options: (c) => c.tiers.map((x) => ({ value: x.code, label: x.name })),
  },
  {
    name: "maxTimesInTier.tier",
    kind: "select",
    label: "competitions.field.maxTimesTier",
    optional: true,
    options: (c) => c.tiers.map((x) => ({ value: x.code, label: x.name })),
  },
  { name: "maxTimesInTier.times", kind: "number", label: "competitions.field.maxTimesTimes" },
];

export type SetupPart = Exclude<ListPart, "kriteria"> | "umum" | "kelayakan";
export const SETUP_PARTS: SetupPart[] = ["umum", "kelompok", "kategori", "formulir", "lampiran", "kelayakan", "tahap", "predikat", "seleksi"];
export const isSetupPart = (v: string): v is SetupPart => (SETUP_PARTS as string[]).includes(v);

/** What a setup page shows, from the stored competition. */
export function partValues(row: CompetitionRow, part: SetupPart | { criteriaOf: number }, zone: ZoneName): FormValues {
  const c = row.config;
  if (typeof part === "object") return rowsToValues(LIST_PARTS.kriteria.fields, c.stages[part.criteriaOf]?.criteria ?? [], zone);
  if (part === "umum") {
    return unprefix(rowsToValues(GENERAL_FIELDS, [{ name: row.name, theme: row.theme, legalBasis: row.legalBasis, scoring: c.scoring, objectionDays: c.objectionDays }], zone, "x"));
  }
  if (part === "kelayakan") {
    return { ...unprefix(rowsToValues(ELIGIBILITY_FIELDS, [c.eligibility], zone, "x")), ...rowsToValues(QUOTA_FIELDS, c.eligibility.quotas, zone, "q") };
  }
  return rowsToValues(LIST_PARTS[part].fields, c[LIST_PARTS[part].key] as unknown[], zone);
}

/** Single fields come out of rowsToValues as "x.0.<name>"; their forms name them plainly. */
const unprefix = (values: FormValues): FormValues =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k.startsWith("x.0.") ? k.slice(4) : k, v]));

type Built = { change: CompetitionChange; fieldOf: (path: string) => string; errors?: Record<string, string> };

/**
 * The change a setup page's submission makes, and where each configuration error belongs; with
 * `errors` when a field of the part breaks its own rule (a length, a range).
 */
export function buildChange(row: CompetitionRow, part: SetupPart | { criteriaOf: number }, values: FormValues, zone: ZoneName, t: Translate): Built {
  const built = changeOf(row, part, values, zone, t);
  const errors = { ...(part === "tahap" ? overlapErrors(built, t) : {}), ...fieldErrors(built, t), ...built.errors };
  return Object.keys(errors).length ? { ...built, errors } : built;
}

/**
 * The part's fields checked on their own, before the whole configuration is saved: here each
 * message still has its issue's limits ("from 1 to 10", "at most 200 characters"), which the
 * save's errors, message keys alone, cannot carry. The rules between parts are left to the save.
 */
function fieldErrors(built: Built, t: Translate): Record<string, string> {
  const parsed = ConfigFieldsSchema.partial().safeParse(built.change.config ?? {});
  const errors: Record<string, string> = {};
  for (const issue of parsed.error?.issues ?? []) errors[built.fieldOf(issue.path.join("."))] ??= issueMessage(issue, t);
  return errors;
}

/**
 * Saving the stages page applies the overlap rule to the whole timetable, even to times left
 * as they were: an edition stored before the rule shows its overlap here, beside the field.
 */
function overlapErrors(built: Built, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const o of stageOverlaps((built.change.config?.stages ?? []) as Stage[])) {
    const m = overlapMessage(o);
    errors[built.fieldOf(`stages.${o.index}.opensAt`)] ??= t(m.key, m.vars);
  }
  return errors;
}

function changeOf(row: CompetitionRow, part: SetupPart | { criteriaOf: number }, values: FormValues, zone: ZoneName, t: Translate): Built {
  const c = row.config;
  if (typeof part === "object") {
    const fields = LIST_PARTS.kriteria.fields;
    const { rows, formIndex } = readRows(fields, values, zone);
    const stages = c.stages.map((s, i) => (i === part.criteriaOf ? { ...s, criteria: rows } : s)) as CompetitionConfig["stages"];
    const at = `stages.${part.criteriaOf}.criteria`;
    return {
      change: { config: { stages } },
      fieldOf: (path) => (path === at ? "_list" : path.startsWith(`${at}.`) ? errorField(path.slice(`stages.${part.criteriaOf}.`.length), "criteria", fields, formIndex) : path),
    };
  }
  if (part === "umum") {
    const single = Object.fromEntries(GENERAL_FIELDS.map((f) => [f.name, readSingle(f, values, zone)]));
    const general = parseWith(CompetitionGeneralSchema, { name: values.name, theme: values.theme, legalBasis: values.legalBasis }, t);
    const scoring = {
      aggregate: single["scoring.aggregate"],
      normalise: single["scoring.normalise"],
      disagreementThreshold: single["scoring.disagreementThreshold"],
      revealAfterSubmit: single["scoring.revealAfterSubmit"],
    } as unknown as CompetitionConfig["scoring"];
    return {
      change: { ...(general.ok ? { general: general.data } : {}), config: { scoring, objectionDays: single.objectionDays as number } },
      fieldOf: (path) => path,
      ...(general.ok ? {} : { errors: general.errors }),
    };
  }
  if (part === "kelayakan") {
    const single = Object.fromEntries(ELIGIBILITY_FIELDS.map((f) => [f.name, readSingle(f, values, zone)]));
    const quotas = readRows(QUOTA_FIELDS, values, zone, "q");
    const tier = single["maxTimesInTier.tier"];
    const eligibility = {
      minMonthsOperating: single.minMonthsOperating,
      excludeTiers: single.excludeTiers,
      ...(tier ? { maxTimesInTier: { tier, times: single["maxTimesInTier.times"] } } : {}),
      quotas: quotas.rows,
    } as unknown as CompetitionConfig["eligibility"];
    return {
      change: { config: { eligibility } },
      fieldOf: (path) => {
        const rest = path.replace(/^eligibility\./, "");
        if (rest.startsWith("quotas")) return errorField(rest, "quotas", QUOTA_FIELDS, quotas.formIndex, "q");
        if (rest.startsWith("maxTimesInTier")) return rest === "maxTimesInTier" ? "maxTimesInTier.tier" : rest;
        return rest;
      },
    };
  }
  const { key, fields } = LIST_PARTS[part];
  const { rows, formIndex } = readRows(fields, values, zone);
  // A stage's criteria are edited on their own page: keep those of the row it was loaded from.
  const list = key === "stages" ? rows.map((r, n) => ({ ...r, criteria: c.stages[formIndex[n]]?.criteria ?? [] })) : rows;
  return { change: { config: { [key]: list } as Partial<CompetitionConfig> }, fieldOf: (path) => errorField(path, key, fields, formIndex) };
}
