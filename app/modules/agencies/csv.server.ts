import { parse } from "csv-parse/sync";
import { AppError } from "~/lib/errors";

export type CsvRow = { line: number; values: Record<string, string> };
export type RowError = { line: number; reason: string; vars?: Record<string, string | number> };

/**
 * Read an uploaded CSV with a required header. Comma or semicolon separated (Indonesian Excel
 * writes semicolons); a UTF-8 BOM is ignored. Line numbers are the file's own, header = 1.
 */
export async function readCsv(file: File, expected: readonly string[], maxBytes: number): Promise<CsvRow[]> {
  if (file.size > maxBytes) throw new AppError("too-large", "errors.tooLarge", { file: "errors.tooLarge" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) throw new AppError("invalid", "agencies.import.errors.notCsv", { file: "agencies.import.errors.notCsv" });
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  if (!text.trim()) throw new AppError("invalid", "agencies.import.errors.empty", { file: "agencies.import.errors.empty" });
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true });
  } catch {
    throw new AppError("invalid", "agencies.import.errors.notCsv", { file: "agencies.import.errors.notCsv" });
  }
  const header = (records[0] ?? []).map((h) => h.toLowerCase());
  if (expected.some((col, i) => header[i] !== col)) {
    throw new AppError("invalid", "agencies.import.errors.header", { file: "agencies.import.errors.header" });
  }
  const rows: CsvRow[] = [];
  records.slice(1).forEach((rec, i) => {
    if (rec.every((v) => v === "")) return;
    rows.push({ line: i + 2, values: Object.fromEntries(expected.map((col, j) => [col, rec[j] ?? ""])) });
  });
  return rows;
}
