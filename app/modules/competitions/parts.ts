// The configuration, part by part, as forms that work without JavaScript. A list part (groups,
// categories, form sections, attachments, stages, tiers, one stage's criteria) is a series of
// fieldsets, one per row, named `r.<row>.<field>`, with blank rows to add and a "remove" box on
// each; the whole list is saved at once and validated with the rest of the configuration.
// Errors come back on configuration paths ("stages.3.closesAt") and are mapped to the row the
// person typed in, so each message sits beside its field.
import { AGENCY_TYPES, INNOVATION_TEXT_FIELDS } from "~/modules/innovations/vocab";
import { fromZonedInput, toZonedInput, type ZoneName } from "~/i18n";
import type { CompetitionConfig } from "./config";
import { ADVANCEMENT_RULES, ADVANCEMENT_SCOPES, AGGREGATES, ATTACHMENT_KINDS, GROUP_KINDS, JUDGE_POOLS, STAGE_KINDS } from "./config-values";
import { isOwnKey } from "~/lib/own";

export type FieldKind = "text" | "textarea" | "number" | "select" | "checkbox" | "checkboxes" | "instant" | "levels" | "shares";

export type Option = { value: string; label: string; translate?: boolean };

export type Field = {
  /** A path inside the row ("advancement.rule"). */
  name: string;
  kind: FieldKind;
  /** Message key of the label; the hint, if any, is the same key + "Hint". */
  label: string;
  required?: boolean;
  hint?: boolean;
  /** Choices: fixed (labels are message keys) or from the configuration (labels as written). */
  options?: (c: CompetitionConfig) => Option[];
  /** A select that may be left empty. */
  optional?: boolean;
};

const fixed = (prefix: string, values: readonly string[]) => () => values.map((v) => ({ value: v, label: `${prefix}.${v}`, translate: true }));
const fromConfig = (pick: (c: CompetitionConfig) => { code: string; name?: string; title?: string }[]) => (c: CompetitionConfig) =>
  pick(c).map((x) => ({ value: x.code, label: `${x.name ?? x.title ?? x.code} (${x.code})` }));

export const LIST_PARTS = {
  kelompok: {
    key: "groups",
    fields: [
      { name: "code", kind: "text", label: "competitions.field.code", required: true, hint: true },
      { name: "name", kind: "text", label: "competitions.field.name", required: true },
      { name: "kind", kind: "select", label: "competitions.field.groupKind", required: true, options: fixed("competitions.groupKind", GROUP_KINDS) },
      { name: "description", kind: "textarea", label: "competitions.field.description" },
    ],
  },
  kategori: {
    key: "categories",
    fields: [
      { name: "code", kind: "text", label: "competitions.field.code", required: true, hint: true },
      { name: "name", kind: "text", label: "competitions.field.name", required: true },
      { name: "description", kind: "textarea", label: "competitions.field.description" },
    ],
  },
  formulir: {
    key: "sections",
    fields: [
      { name: "code", kind: "text", label: "competitions.field.code", required: true, hint: true },
      { name: "title", kind: "text", label: "competitions.field.title", required: true },
      { name: "guidance", kind: "textarea", label: "competitions.field.guidance" },
      { name: "wordLimit", kind: "number", label: "competitions.field.wordLimit", required: true },
      { name: "weight", kind: "number", label: "competitions.field.weight", required: true, hint: true },
      { name: "evidenceRequired", kind: "checkbox", label: "competitions.field.evidenceRequired" },
      { name: "groups", kind: "checkboxes", label: "competitions.field.groups", hint: true, options: fromConfig((c) => c.groups) },
      { name: "prefill", kind: "checkboxes", label: "competitions.field.prefill", hint: true, options: fixed("innovation.field", INNOVATION_TEXT_FIELDS) },
    ],
  },
  lampiran: {
    key: "attachments",
    fields: [
      { name: "code", kind: "text", label: "competitions.field.code", required: true, hint: true },
      { name: "name", kind: "text", label: "competitions.field.name", required: true },
      { name: "kind", kind: "select", label: "competitions.field.attachmentKind", required: true, options: fixed("competitions.attachmentKind", ATTACHMENT_KINDS) },
      { name: "required", kind: "checkbox", label: "competitions.field.attachmentRequired" },
      { name: "groups", kind: "checkboxes", label: "competitions.field.groups", hint: true, options: fromConfig((c) => c.groups) },
    ],
  },
  tahap: {
    key: "stages",
    fields: [
      { name: "code", kind: "text", label: "competitions.field.code", required: true, hint: true },
      { name: "name", kind: "text", label: "competitions.field.name", required: true },
      { name: "kind", kind: "select", label: "competitions.field.stageKind", required: true, options: fixed("competitions.stageKind", STAGE_KINDS) },
      { name: "opensAt", kind: "instant", label: "competitions.field.opensAt", required: true },
      { name: "closesAt", kind: "instant", label: "competitions.field.closesAt", required: true, hint: true },
      { name: "judges", kind: "select", label: "competitions.field.judges", required: true, options: fixed("competitions.judges", JUDGE_POOLS) },
      { name: "reviewersPerProposal", kind: "number", label: "competitions.field.reviewersPerProposal", required: true },
      { name: "advancement.rule", kind: "select", label: "competitions.field.advancementRule", required: true, options: fixed("competitions.advancementRule", ADVANCEMENT_RULES) },
      { name: "advancement.n", kind: "number", label: "competitions.field.advancementN" },
      { name: "advancement.scope", kind: "select", label: "competitions.field.advancementScope", required: true, options: fixed("competitions.advancementScope", ADVANCEMENT_SCOPES) },
      { name: "advancement.minScore", kind: "number", label: "competitions.field.minScore" },
      { name: "advancement.minEastShare", kind: "number", label: "competitions.field.minEastShare", hint: true },
      { name: "advancement.minTypeShares", kind: "shares", label: "competitions.field.minTypeShares", hint: true },
      { name: "tier", kind: "select", label: "competitions.field.tier", optional: true, options: fromConfig((c) => c.tiers) },
    ],
  },
  predikat: {
    key: "tiers",
    fields: [
      { name: "code", kind: "text", label: "competitions.field.code", required: true, hint: true },
      { name: "name", kind: "text", label: "competitions.field.name", required: true },
      { name: "rank", kind: "number", label: "competitions.field.rank", required: true, hint: true },
      { name: "count", kind: "number", label: "competitions.field.count" },
      { name: "topTier", kind: "checkbox", label: "competitions.field.topTier", hint: true },
    ],
  },
  seleksi: {
    key: "checklist",
    fields: [
      { name: "code", kind: "text", label: "competitions.field.code", required: true, hint: true },
      { name: "label", kind: "text", label: "competitions.field.checkItem", required: true },
    ],
  },
  kriteria: {
    key: "criteria",
    fields: [
      { name: "code", kind: "text", label: "competitions.field.code", required: true, hint: true },
      { name: "name", kind: "text", label: "competitions.field.name", required: true },
      { name: "description", kind: "textarea", label: "competitions.field.description" },
      { name: "weight", kind: "number", label: "competitions.field.weight", required: true, hint: true },
      { name: "scaleMin", kind: "number", label: "competitions.field.scaleMin", required: true },
      { name: "scaleMax", kind: "number", label: "competitions.field.scaleMax", required: true },
      { name: "section", kind: "select", label: "competitions.field.section", optional: true, options: fromConfig((c) => c.sections) },
      { name: "rubric", kind: "levels", label: "competitions.field.rubric", hint: true },
    ],
  },
} as const satisfies Record<string, { key: string; fields: readonly Field[] }>;

export type ListPart = keyof typeof LIST_PARTS;
export const isListPart = (v: string): v is ListPart => isOwnKey(LIST_PARTS, v);

// Eligibility: single fields plus the quota rows.
export const QUOTA_FIELDS: readonly Field[] = [
  { name: "group", kind: "select", label: "competitions.field.group", optional: true, options: fromConfig((c) => c.groups) },
  { name: "agencyType", kind: "select", label: "competitions.field.agencyType", optional: true, options: () => AGENCY_TYPES.map((v) => ({ value: v, label: `agencyType.${v}`, translate: true })) },
  { name: "max", kind: "number", label: "competitions.field.quotaMax", required: true },
];

export const AGGREGATE_OPTIONS = fixed("competitions.aggregate", AGGREGATES);

export type FormValues = Record<string, string | string[]>;

const get = (o: unknown, path: string): unknown => path.split(".").reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined), o);

function set(o: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let at = o;
  for (const k of keys.slice(0, -1)) at = (at[k] ??= {}) as Record<string, unknown>;
  at[keys.at(-1)!] = value;
}

/** Rubric levels as lines "1-3: description". */
export const levelsToText = (levels: { min: number; max: number; description: string }[]) =>
  levels.map((l) => `${l.min}-${l.max}: ${l.description}`).join("\n");

export function textToLevels(text: string) {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const m = /^(-?\d+(?:[.,]\d+)?)\s*(?:-|–|sampai|s\.d\.)\s*(-?\d+(?:[.,]\d+)?)\s*[:.]\s*(.+)$/.exec(line);
      // A line that is not "min-max: text" fails validation on its numbers.
      return m ? { min: m[1].replace(",", "."), max: m[2].replace(",", "."), description: m[3] } : { min: "x", max: "x", description: line };
    });
}

/** Agency-type shares as "kabupaten:30, kota:20". */
export const sharesToText = (shares: { agencyType: string; share: number }[]) => shares.map((s) => `${s.agencyType}:${s.share}`).join(", ");
export const textToShares = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [agencyType, share] = p.split(":").map((x) => x.trim());
      return { agencyType, share: share ?? "" };
    });

/** One row's stored values as form values (instants in the reader's zone). */
function rowToValues(fields: readonly Field[], row: unknown, prefix: string, zone: ZoneName, out: FormValues) {
  for (const f of fields) {
    const v = get(row, f.name);
    const name = `${prefix}.${f.name}`;
    if (f.kind === "checkbox") out[name] = v ? "on" : "";
    else if (f.kind === "checkboxes") out[name] = Array.isArray(v) ? v.map(String) : [];
    else if (f.kind === "instant") out[name] = typeof v === "string" ? toZonedInput(v, zone) : "";
    else if (f.kind === "levels") out[name] = Array.isArray(v) ? levelsToText(v) : "";
    else if (f.kind === "shares") out[name] = Array.isArray(v) ? sharesToText(v) : "";
    else out[name] = v === undefined || v === null ? "" : String(v);
  }
}

export function rowsToValues(fields: readonly Field[], rows: unknown[], zone: ZoneName, prefix = "r"): FormValues {
  const out: FormValues = {};
  rows.forEach((row, i) => rowToValues(fields, row, `${prefix}.${i}`, zone, out));
  return out;
}

/** The text fields of a form, a repeated name as a list. */
export function formValues(form: FormData): FormValues {
  const out: FormValues = {};
  for (const key of new Set(form.keys())) {
    if (key === "_csrf" || key === "_intent") continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string").map((v) => v.replace(/\u0000/g, ""));
    // Checkbox groups name their boxes "x[]" (components/forms.tsx).
    if (key.endsWith("[]")) out[key.slice(0, -2)] = all;
    else out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();

/** Read one value of a field from the form, converted for validation (undefined when blank). */
function readField(f: Field, values: FormValues, name: string, zone: ZoneName): unknown {
  const raw = values[name];
  switch (f.kind) {
    case "checkbox":
      return one(raw) !== "";
    case "checkboxes":
      return (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(Boolean);
    case "instant": {
      const v = one(raw);
      return v ? (fromZonedInput(v, zone) ?? v) : undefined;
    }
    case "levels":
      return textToLevels(one(raw));
    case "shares":
      return textToShares(one(raw));
    default: {
      const v = one(raw);
      return v === "" ? undefined : v;
    }
  }
}

/**
 * The rows a list form holds, in order, without blank rows and rows marked for removal, and
 * for each the index of its fieldset (to put errors back where they were typed).
 */
export function readRows(fields: readonly Field[], values: FormValues, zone: ZoneName, prefix = "r") {
  const indexes = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,4})\\.`).exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  const rows: Record<string, unknown>[] = [];
  const formIndex: number[] = [];
  for (const i of [...indexes].sort((a, b) => a - b)) {
    if (one(values[`${prefix}.${i}._remove`])) continue;
    const typed = fields.some((f) => {
      const v = values[`${prefix}.${i}.${f.name}`];
      return f.kind !== "select" && f.kind !== "checkbox" && (Array.isArray(v) ? v.some(Boolean) : Boolean(v?.trim()));
    });
    if (!typed) continue; // a blank row left for adding (selects and boxes have defaults)
    const row: Record<string, unknown> = {};
    for (const f of fields) {
      const v = readField(f, values, `${prefix}.${i}.${f.name}`, zone);
      if (v !== undefined) set(row, f.name, v);
    }
    rows.push(row);
    formIndex.push(i);
  }
  return { rows, formIndex };
}

/** A configuration path's error, as the form field it belongs to. */
export function errorField(path: string, listKey: string, fields: readonly Field[], formIndex: number[], prefix = "r"): string {
  const parts = path.split(".");
  if (parts[0] !== listKey || parts.length < 2 || !/^\d+$/.test(parts[1])) return path === listKey ? "_list" : path;
  const row = formIndex[Number(parts[1])] ?? Number(parts[1]);
  const rest = parts.slice(2).join(".");
  // The longest field name the rest of the path starts with ("rubric.0.min" → "rubric").
  const field = fields.map((f) => f.name).filter((n) => rest === n || rest.startsWith(`${n}.`)).sort((a, b) => b.length - a.length)[0];
  return `${prefix}.${row}.${field ?? fields[0].name}`;
}

/** Read a single (non-row) field. */
export const readSingle = (f: Field, values: FormValues, zone: ZoneName) => readField(f, values, f.name, zone);
