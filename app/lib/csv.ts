// CSV as Excel and LibreOffice read it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order
// mark, without which Excel reads the file as the local code page and mangles names. The one CSV
// writer of the app (reading is csv-parse's job, app/modules/agencies/csv.server.ts).
export const BOM = "\uFEFF";

export type Cell = string | number | null | undefined;

function cell(v: Cell): string {
  if (v === null || v === undefined) return "";
  // A number that is not finite has no spreadsheet meaning: an empty cell, not "NaN".
  if (typeof v === "number" && !Number.isFinite(v)) return "";
  let s = String(v);
  // A text cell that starts like a formula would be run by the spreadsheet (CSV injection):
  // agency names and proposal titles come from imports and applicants, so they are neutralised
  // with a leading apostrophe. Numbers are written as numbers, so -5 stays -5.
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One line of a CSV: its cells and its CRLF (a streamed file is written line by line). */
export const csvLine = (row: readonly Cell[]): string => `${row.map(cell).join(",")}\r\n`;

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + [header, ...rows].map(csvLine).join("");
}
