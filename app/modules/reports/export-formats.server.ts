// The formats a report table downloads as: a registry, so a new format (ODS, PDF) is one entry
// here, not a switch in every route.
import writeXlsxFile from "write-excel-file/node";
import type { Cell as XlsxCell, SheetData } from "write-excel-file/node";
import { toCsv } from "~/lib/csv";
import type { FormatKey, ReportTable } from "./tables";

/** What a format needs of a table: any list the app downloads, not only the reports'. */
export type ExportTable = Pick<ReportTable, "title" | "columns" | "rows">;

export type ExportFormat = {
  extension: string;
  contentType: string;
  write: (table: ExportTable) => Promise<Uint8Array | string>;
};

// Excel refuses sheet names over 31 characters, with []:*?/\ in them, or wrapped in apostrophes.
const sheetName = (title: string) =>
  title.replace(/[[\]:*?/\\]+/g, " ").replace(/\s+/g, " ").trim().slice(0, 31).replace(/^'+|'+$/g, "").trim() || "Laporan";

// Column widths in characters, from the longest value: readable on opening, capped so that one
// long title does not push the rest of the sheet off screen.
function widths(table: ExportTable) {
  return table.columns.map((c, i) => {
    let w = c.header.length;
    for (const r of table.rows) w = Math.max(w, r[i] === null ? 0 : String(r[i]).length);
    return { width: Math.min(60, Math.max(8, w + 2)) };
  });
}

export const EXPORT_FORMATS = {
  csv: {
    extension: "csv",
    contentType: "text/csv; charset=utf-8",
    // CSV cells are untyped: the writer neutralises text that a spreadsheet would run as a formula.
    write: async (table) => toCsv(table.columns.map((c) => c.header), table.rows),
  },
  xlsx: {
    extension: "xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    // XLSX cells are typed: text is written as a string cell, which Excel shows and never runs,
    // so a title starting with "=" needs no apostrophe here. Numbers stay numbers.
    write: async (table) => {
      const header: XlsxCell[] = table.columns.map((c) => ({ value: c.header, fontWeight: "bold" }));
      const data: SheetData = [header, ...table.rows.map((r) => r.map((v): XlsxCell => (typeof v === "number" && !Number.isFinite(v) ? null : v)))];
      const buffer = await writeXlsxFile(data, { sheet: sheetName(table.title), columns: widths(table), stickyRowsCount: 1 }).toBuffer();
      return new Uint8Array(buffer);
    },
  },
} as const satisfies Record<FormatKey, ExportFormat>;
