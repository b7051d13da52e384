// CSV as Excel and LibreOffice read it: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte-order
// mark, without which Excel reads the file as the local code page and mangles names.
const BOM = "\uFEFF";

export type Cell = string | number | null | undefined;

function cell(v: Cell): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  // A text cell that starts like a formula would be run by the spreadsheet (CSV injection):
  // agency names come from imports and admins, so they are neutralised with a leading quote.
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: Cell[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}
