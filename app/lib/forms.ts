import { z } from "zod";
import type { MessageVars, Translate } from "~/i18n";
import type { AppError } from "./errors";

export type FieldErrors = Record<string, string>;
export type FormFailure = { ok: false; errors: FieldErrors; values: Record<string, unknown> };
export type FormResult<T> = { ok: true; data: T; values: Record<string, unknown> } | FormFailure;

// PostgreSQL text cannot hold NUL characters: drop them at the boundary.
export const stripNul = <T,>(v: T): T => (typeof v === "string" ? (v.replace(/\u0000/g, "") as T) : v);

/**
 * FormData's text fields as a plain object; a name given more than once, or ending in [],
 * becomes an array. Files are left to their own readers (they cannot be shown back in a form).
 */
export function formToObject(form: FormData, skip: (key: string) => boolean = () => false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key === "_csrf" || key === "_intent" || skip(key)) continue;
    const all = form.getAll(key).filter((v): v is string => typeof v === "string").map(stripNul);
    if (!all.length) continue;
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    out[name] = key.endsWith("[]") || all.length > 1 ? all : all[0];
  }
  return out;
}

/** The message-catalog key (and values) for one Zod issue. Schemas may name a key in `error`. */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  if (issue.message && /^[a-z]+\.[A-Za-z.]+$/.test(issue.message)) {
    // A custom issue may carry its message's values (a line number, a limit) as params.
    const vars: Record<string, string | number> = issue.code === "custom" && issue.params ? { ...(issue.params as Record<string, string | number>) } : {};
    if ("maximum" in issue) vars.max = Number(issue.maximum);
    if ("minimum" in issue) vars.min = Number(issue.minimum);
    return t(issue.message, vars);
  }
  switch (issue.code) {
    // A limit on a number or on a list of choices is not one of characters.
    case "too_big":
      if (issue.origin === "number" || issue.origin === "int") return t("field.numberMax", { max: Number(issue.maximum) });
      if (issue.origin === "array" || issue.origin === "set") return t("field.tooMany", { max: Number(issue.maximum) });
      return t("field.tooLong", { max: Number(issue.maximum) });
    case "too_small":
      if (issue.origin === "number" || issue.origin === "int") return t("field.numberMin", { min: Number(issue.minimum) });
      return Number(issue.minimum) <= 1 ? t("field.required") : t("field.tooShort", { min: Number(issue.minimum) });
    case "invalid_format":
      if (issue.format === "email") return t("field.email");
      if (issue.format === "url") return t("field.url");
      return t("field.invalid");
    case "invalid_value":
      return t("field.choice");
    case "invalid_type":
      return issue.input === undefined || issue.input === "" ? t("field.required") : t("field.invalid");
    default:
      return t("field.invalid");
  }
}

/** Validate input with the schema that also drives the form; errors keyed by field name. */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
  t: Translate,
): FormResult<z.output<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values: input };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    if (!errors[field]) errors[field] = issueMessage(issue, t);
  }
  return { ok: false, errors, values: input };
}

/** Blank form fields mean "not given". */
export const blankToUndefined = (v: unknown) =>
  typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v;

// A web address typed without its scheme, as people copy it from the address bar ("youtu.be/x",
// "www.instansi.go.id/video"): a host name of dotted labels, then a path, query or nothing.
const BARE_HOST = /^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#]\S*)?$/i;

/**
 * A web address field: blank is nothing, a bare host gets "https://" before it, and anything
 * with its own scheme is left for the URL check (which refuses "javascript:" and the like).
 */
export const webAddress = (max = 500) =>
  z.preprocess((v) => {
    const s = blankToUndefined(v);
    return typeof s === "string" && BARE_HOST.test(s) ? `https://${s}` : s;
  }, z.url({ protocol: /^https?$/, error: "field.url" }).max(max).optional());

export const toArray = (v: unknown) =>
  v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v];

/**
 * A row id (or version) from a path segment or form value: digits only, written as the app
 * writes them (no leading zero: /kelola/inovasi/016 is no address of innovation 16), within
 * PostgreSQL's integer range; anything else is null, so no user input reaches the database as a
 * bad number.
 */
export function idOf(value: unknown): number | null {
  return typeof value === "string" && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null;
}

/** The version a form says it edited; one that is not a number matches no row's (a conflict). */
export const versionOf = (value: unknown): number => idOf(value) ?? -1;

/**
 * idOf as a schema field: a row chosen in a form (a select's value, a checkbox). What idOf
 * refuses, such as letters or a number beyond PostgreSQL's integer, is "choose one of the
 * options" on the field, never a database error.
 */
export const idField = z.preprocess(
  (v) => idOf(v) ?? v,
  z.number({ error: "field.choice" }).int({ error: "field.choice" }).min(1, { error: "field.choice" }).max(999_999_999, { error: "field.choice" }),
);

/** An idField that may be left blank. */
export const optionalIdField = z.preprocess(blankToUndefined, idField.optional());

/**
 * A whole number as an address writes it: digits only. Anything else ("1e2", "0x10", "1.5")
 * is left as the string it is, for the number schema after this to refuse, rather than coerced
 * into a number nobody typed.
 */
export const fromDigits = (v: unknown) => (typeof v === "string" && /^\s*\d{1,15}\s*$/.test(v) ? Number(v) : v);

/**
 * A whole number typed in a form, from min to max. A number out of range (a negative count,
 * eleven digits, 1e9) or with a fraction is told the range it must lie in: it is a number, so
 * "enter a number" would mislead. Only what is no number at all is told to enter one.
 */
export const wholeNumberField = (min: number, max: number) =>
  z.coerce
    .number({ error: "field.number" })
    .refine((n) => Number.isInteger(n) && n >= min && n <= max, { error: "field.numberRange", params: { min, max } });

/**
 * A page number from an address (`?halaman=`), as the public catalogue reads its page: a whole
 * number within 1..max; anything else ("1.5", "0x10", "abc") is the first page. A fraction would
 * otherwise reach PostgreSQL as an OFFSET it refuses.
 */
export function pageParam(value: string | null, max: number): number {
  if (value === null || !/^\s*-?\d+\s*$/.test(value)) return 1;
  return Math.max(1, Math.min(Math.max(1, max), Number(value)));
}

/**
 * A use case's refusal as a form's errors: each field's reason translated, or, when it names no
 * field, its reason under `fallback` (the whole form's, unless the form has the one field such a
 * refusal can be about). `vars` fill the messages' placeholders (a limit the form states).
 */
export function appErrorFields(
  e: AppError,
  t: Translate,
  { fallback = "_form", vars }: { fallback?: string; vars?: MessageVars } = {},
): FieldErrors {
  return e.fields && Object.keys(e.fields).length
    ? Object.fromEntries(Object.entries(e.fields).map(([f, k]) => [f, t(k, vars)]))
    : { [fallback]: t(e.reason, vars) };
}
