import { parse } from "csv-parse/sync";
import { AppError } from "~/lib/errors";

export type CsvRow = { line: number; values: Record<string, string> };
export type RowError = { line: number; reason: string; vars?: Record<string, string | number> };

/**
 * Read an uploaded CSV with a required header. Comma or semicolon separated (Indonesian Excel
 * writes semicolons); a UTF-8 BOM is ignored. Line numbers are the file's own, header = 1.
 *
 * The header starts with the `expected` columns in order; after them come any of the `optional`
 * columns, in any order, each at most once (a missing one reads as blank). Any other named
 * column is refused rather than skipped: a misspelt "active_untill" would otherwise drop the
 * years it carries without a word. Empty header cells (a trailing separator) are ignored.
 */
export async function readCsv(file: File, expected: readonly string[], maxBytes: number, optional: readonly string[] = []): Promise<CsvRow[]> {
  if (file.size > maxBytes) throw new AppError("too-large", "errors.tooLarge", { file: "errors.tooLarge" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) throw new AppError("invalid", "agencies.import.errors.notCsv", { file: "agencies.import.errors.notCsv" });
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  if (!text.trim()) throw new AppError("invalid", "agencies.import.errors.empty", { file: "agencies.import.errors.empty" });
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  // Parsed as bytes with each record's end offset (`info.bytes`), so a row's line is where it
  // starts in the file: a quoted cell may span lines, so counting records would put every row
  // after it too early. csv-parse's own `info.lines` counts a CRLF inside quotes twice.
  const data = Buffer.from(text, "utf8");
  let records: { record: string[]; info: { bytes: number } }[];
  try {
    records = parse(data, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true, info: true }) as unknown as typeof records;
  } catch {
    throw new AppError("invalid", "agencies.import.errors.notCsv", { file: "agencies.import.errors.notCsv" });
  }
  const header = (records[0]?.record ?? []).map((h) => h.toLowerCase());
  const extra = header.slice(expected.length).flatMap((col, k) => (col === "" ? [] : [{ col, at: expected.length + k }]));
  if (
    expected.some((col, i) => header[i] !== col) ||
    extra.some((e) => !optional.includes(e.col)) ||
    new Set(extra.map((e) => e.col)).size !== extra.length
  ) {
    const reason = optional.length ? "agencies.import.errors.headerOptional" : "agencies.import.errors.header";
    throw new AppError("invalid", reason, { file: reason });
  }
  const columns = [...expected.map((col, j) => ({ col, at: j })), ...extra];
  const rows: CsvRow[] = [];
  // A record starts where the one before it ended, one line after the line breaks up to there.
  let start = records[0]?.info.bytes ?? 0;
  let line = 1 + lineBreaks(data, 0, start);
  for (const { record: rec, info } of records.slice(1)) {
    if (rec.some((v) => v !== "")) {
      const values = Object.fromEntries([...optional.map((col) => [col, ""]), ...columns.map(({ col, at }) => [col, rec[at] ?? ""])]);
      rows.push({ line, values });
    }
    line += lineBreaks(data, start, info.bytes);
    start = info.bytes;
  }
  return rows;
}

/** The line breaks (CRLF, CR or LF, each one break) in bytes [from, to). */
function lineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) n++;
  }
  return n;
}
