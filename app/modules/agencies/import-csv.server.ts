import { and, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "~/db/client.server";
import { regions, units } from "~/db/schema";
import type { Translate } from "~/i18n";
import { assertCan, type Actor } from "~/lib/policy";
import { issueMessage } from "~/lib/forms";
import { addUnits } from "./add-units.server";
import { createAgencies } from "./create-agencies.server";
import { readCsv, type CsvRow, type RowError } from "./csv.server";
import { keySql, nameKey, namesTaken } from "./same-name.server";
import { AgencySchema, UnitSchema } from "./schemas";

export const UNIT_COLUMNS = ["name", "kind"] as const;
export const AGENCY_COLUMNS = ["name", "short_name", "type", "region_code"] as const;
// The first and last year of the duty, for an enterprise formed or wound up since 2013.
export const AGENCY_OPTIONAL_COLUMNS = ["active_from", "active_until"] as const;
// The same columns under Indonesian titles, as a spreadsheet kept in Indonesian has them.
const UNIT_ALIASES = { nama: "name", jenis: "kind" };
// The sample file offered beside the units import: the Indonesian titles, as its users write.
export const UNIT_SAMPLE = {
  header: ["nama", "jenis"],
  rows: [
    ["Dinas Kesehatan", "OPD"],
    ["Puskesmas Sokaraja", "Puskesmas"],
  ],
} as const;
const AGENCY_ALIASES = { nama: "name", nama_singkat: "short_name", singkatan: "short_name", jenis: "type", kode_wilayah: "region_code", aktif_sejak: "active_from", aktif_sampai: "active_until" };
// A row's error names the file's column, not the schema's field.
const AGENCY_COLUMN_OF: Record<string, string> = { shortName: "short_name", regionCode: "region_code", activeFrom: "active_from", activeUntil: "active_until" };

export type ImportResult = { ok: true; count: number } | { ok: false; errors: { line: number; message: string }[] };

// Every row's message reads "column: Message." (or just "Message." when it is about the whole
// row), as the schema's own messages do, so a list of them reads as one.
const inColumn = (column: string, message: string) => `${column}: ${message}`;
const readErrors = (errors: RowError[], t: Translate) => errors.map((e) => ({ line: e.line, message: t(e.reason, e.vars) }));

function validate<S extends z.ZodType>(rows: CsvRow[], schema: S, map: (v: Record<string, string>) => unknown, t: Translate, columnOf: Record<string, string> = {}) {
  const data: { line: number; value: z.output<S> }[] = [];
  const errors: { line: number; message: string }[] = [];
  for (const row of rows) {
    const r = schema.safeParse(map(row.values));
    if (r.success) data.push({ line: row.line, value: r.data });
    else {
      const issue = r.error.issues[0];
      const field = issue.path.join(".");
      errors.push({ line: row.line, message: inColumn(columnOf[field] ?? field, issueMessage(issue, t)) });
    }
  }
  return { data, errors };
}

/** Rows whose name an earlier row of the file already has, each naming that row's line. */
function duplicatesInFile(rows: { line: number; key: string }[], t: Translate) {
  const seen = new Map<string, number>();
  const errors: { line: number; message: string }[] = [];
  for (const r of rows) {
    const other = seen.get(r.key);
    if (other) errors.push({ line: r.line, message: inColumn("name", t("agencies.import.errors.duplicateInFile", { other })) });
    else seen.set(r.key, r.line);
  }
  return errors;
}

const sortErrors = (e: { line: number; message: string }[]) => e.sort((a, b) => a.line - b.line);

/** Import an agency's units from CSV: every bad row is reported by line, and nothing is half-imported. */
export async function importUnits(db: Db, actor: Actor, agencyId: number, file: File, t: Translate, maxBytes: number): Promise<ImportResult> {
  assertCan(actor, "agency.manage", { agencyId });
  const csv = await readCsv(file, UNIT_COLUMNS, maxBytes, [], UNIT_ALIASES);
  const { data, errors } = validate(csv.rows, UnitSchema, (v) => ({ name: v.name, kind: v.kind }), t);
  errors.push(...readErrors(csv.errors, t));
  // Names are compared as the words they are (nameKey): "Dinas  Pekerjaan   Umum" is "Dinas
  // Pekerjaan Umum", in the file and against the units the agency already has.
  errors.push(...duplicatesInFile(data.map((d) => ({ line: d.line, key: nameKey(d.value.name) })), t));
  const names = data.map((d) => nameKey(d.value.name));
  if (names.length) {
    const existing = await db
      .select({ name: keySql(sql`${units.name}`) })
      .from(units)
      .where(and(eq(units.agencyId, agencyId), inArray(keySql(sql`${units.name}`), names)));
    const taken = new Set(existing.map((e) => String(e.name)));
    for (const d of data) if (taken.has(nameKey(d.value.name))) errors.push({ line: d.line, message: inColumn("name", t("agencies.errors.unitExists")) });
  }
  if (errors.length || !data.length) return { ok: false, errors: errors.length ? sortErrors(errors) : [{ line: 1, message: t("agencies.import.errors.empty") }] };
  await addUnits(db, actor, agencyId, data.map((d) => d.value));
  return { ok: true, count: data.length };
}

/**
 * Import BUMN/BUMD agencies from CSV, all or nothing, with each bad row's line and reason. The
 * optional active_from and active_until columns are checked as the admin's form checks them.
 */
export async function importAgencies(db: Db, actor: Actor, file: File, t: Translate, maxBytes: number): Promise<ImportResult> {
  assertCan(actor, "agency.import");
  const csv = await readCsv(file, AGENCY_COLUMNS, maxBytes, AGENCY_OPTIONAL_COLUMNS, AGENCY_ALIASES);
  const { data, errors } = validate(
    csv.rows,
    AgencySchema,
    (v) => ({
      name: v.name,
      shortName: v.short_name,
      type: v.type.toLowerCase(),
      regionCode: v.region_code,
      activeFrom: v.active_from,
      activeUntil: v.active_until,
    }),
    t,
    AGENCY_COLUMN_OF,
  );
  errors.push(...readErrors(csv.errors, t));
  // A name refused only when it is truly the same; names that would give the same address get
  // different ones when created (newAgencySlug).
  errors.push(...duplicatesInFile(data.map((d) => ({ line: d.line, key: nameKey(d.value.name) })), t));
  const codes = [...new Set(data.map((d) => d.value.regionCode).filter((c): c is string => Boolean(c)))];
  const known = new Set(codes.length ? (await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, codes))).map((r) => r.code) : []);
  const taken = await namesTaken(db, data.map((d) => d.value.name));
  for (const d of data) {
    if (d.value.regionCode && !known.has(d.value.regionCode)) errors.push({ line: d.line, message: inColumn("region_code", t("agencies.errors.regionUnknown")) });
    if (taken.has(d.value.name)) errors.push({ line: d.line, message: inColumn("name", t("agencies.errors.nameTaken")) });
  }
  if (errors.length || !data.length) return { ok: false, errors: errors.length ? sortErrors(errors) : [{ line: 1, message: t("agencies.import.errors.empty") }] };
  await createAgencies(db, actor, data.map((d) => d.value));
  return { ok: true, count: data.length };
}
