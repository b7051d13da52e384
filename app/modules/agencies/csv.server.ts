import { CsvError, parse } from "csv-parse/sync";
import { AppError } from "~/lib/errors";
import { ownEntry } from "~/lib/own";

export type CsvRow = { line: number; values: Record<string, string> };

// Rows one import takes: more than a province's units or the country's BUMD, so a file past it
// is a mistake (a wrong export, a whole register), refused before anything is read into memory.
export const MAX_CSV_ROWS = 5000;

export type RowError = { line: number; reason: string; vars?: Record<string, string | number> };

/**
 * Read an uploaded CSV with a required header. Comma, semicolon or tab separated (Indonesian
 * Excel writes semicolons); UTF-8 (a BOM is ignored) or, failing that, Windows-1252 (see decode).
 * Line numbers are the file's own, header = 1.
 *
 * The header starts with the `expected` columns in order; after them come any of the `optional`
 * columns, in any order, each at most once (a missing one reads as blank). Any other named
 * column is refused rather than skipped: a misspelt "active_untill" would otherwise drop the
 * years it carries without a word. Empty header cells (a trailing separator) are ignored.
 *
 * A row may have fewer cells than the header (the missing ones read as blank) but no value
 * outside the header's named columns: that value would be dropped without a word, so the row
 * comes back in `errors` instead of `rows`. Empty cells there are fine: Excel pads every row to
 * the widest one.
 */
export async function readCsv(
  file: File,
  expected: readonly string[],
  maxBytes: number,
  optional: readonly string[] = [],
  aliases: Readonly<Record<string, string>> = {},
): Promise<{ rows: CsvRow[]; errors: RowError[] }> {
  if (file.size > maxBytes) throw new AppError("too-large", "errors.tooLarge", { file: "errors.tooLarge" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.includes(0)) throw new AppError("invalid", "agencies.import.errors.notCsv", { file: "agencies.import.errors.notCsv" });
  const text = decode(bytes);
  if (!text.trim()) throw new AppError("invalid", "agencies.import.errors.empty", { file: "agencies.import.errors.empty" });
  const firstLine = text.slice(0, text.indexOf("\n") === -1 ? undefined : text.indexOf("\n"));
  // The separator the header uses most: Indonesian Excel writes semicolons, "Unicode Text" and
  // copies from a spreadsheet give tabs.
  const count = (c: string) => firstLine.split(c).length - 1;
  const delimiter = [";", "\t"].reduce((best, c) => (count(c) > count(best) ? c : best), ",");
  // Parsed as bytes with each record's end offset, so a row's line is where it starts in the
  // file: a quoted cell may span lines, so counting records would put every row after it too
  // early. csv-parse's own `info.lines` counts a CRLF inside quotes twice.
  const data = Buffer.from(text, "utf8");
  const records = readRecords(data, delimiter);
  if (!records[0]?.record) throw new AppError("invalid", "agencies.import.errors.notCsv", { file: "agencies.import.errors.notCsv" });
  if (records.length - 1 > MAX_CSV_ROWS) throw new AppError("invalid", "agencies.import.errors.tooManyRows", { file: "agencies.import.errors.tooManyRows" });
  // Column titles as an Indonesian spreadsheet has them ("nama", "jenis") read as the English ones.
  const header = (records[0]?.record ?? []).map((h) => h.toLowerCase()).map((h) => ownEntry(aliases, h) ?? h);
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
  const named = new Set(columns.map((c) => c.at));
  const rows: CsvRow[] = [];
  const errors: RowError[] = [];
  // A record starts where the one before it ended, one line after the line breaks up to there.
  let start = records[0].end;
  let line = 1 + lineBreaks(data, 0, start);
  for (const { record: rec, end } of records.slice(1)) {
    if (!rec) {
      // A line the parser could not read (a stray quote): that row's error, not the file's. A
      // formula written by hand (=HYPERLINK("…","…")) is the usual cause, and is named as one.
      const raw = data.subarray(start, end).toString("utf8");
      errors.push({ line, reason: FORMULA_IN_LINE.test(raw) ? "agencies.import.errors.formula" : "agencies.import.errors.unreadable" });
      line += lineBreaks(data, start, end);
      start = end;
      continue;
    }
    const cells = rec.findLastIndex((v) => v !== "") + 1;
    if (rec.some((v) => FORMULA.test(v))) {
      errors.push({ line, reason: "agencies.import.errors.formula" });
    } else if (rec.some((v, at) => v !== "" && !named.has(at))) {
      errors.push({ line, reason: "agencies.import.errors.extraCells", vars: { cells, columns: columns.length } });
    } else if (cells > 0) {
      const values = Object.fromEntries([...optional.map((col) => [col, ""]), ...columns.map(({ col, at }) => [col, rec[at] ?? ""])]);
      rows.push({ line, values });
    }
    line += lineBreaks(data, start, end);
    start = end;
  }
  return { rows, errors };
}

// A cell a spreadsheet would run as a formula (CSV injection): the names imported here are
// exported again (reports, open data), and a spreadsheet opening that list would run them. The
// writer neutralises such cells (app/lib/csv.ts); the import refuses them outright, as no unit or
// agency name starts so. Spaces before the sign (inside quotes, which the parser keeps) too.
const FORMULA = /^\s*[=+\-@]/;
// The same at the start of any cell of a raw line that could not be parsed.
const FORMULA_IN_LINE = /(^|[,;\t])\s*"?[=+\-@]/;

// Lines a file may have that cannot be parsed, each reported by its line; past them the file is
// refused whole ("not CSV text").
const MAX_UNREADABLE_LINES = 20;

/**
 * The file's records, each with the byte offset where it ends. A record csv-parse cannot read
 * (a quote in the middle of an unquoted cell, text after a closing quote) becomes a `null` record
 * running to the end of its line, and reading goes on from the next line: one bad row must not
 * hide the others' errors. An unreadable header, or too many bad lines, leaves nothing (`[]`).
 */
function readRecords(data: Buffer, delimiter: string): { record: string[] | null; end: number }[] {
  const records: { record: string[] | null; end: number }[] = [];
  let offset = 0;
  let unreadable = 0;
  while (offset < data.length) {
    const from = offset;
    let lastEnd = from;
    try {
      parse(data.subarray(from), {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: false,
        trim: true,
        on_record: (record: string[], context: { bytes: number }) => {
          lastEnd = from + context.bytes;
          records.push({ record, end: lastEnd });
          // Past the most rows an import takes, reading on is wasted: the caller refuses the file.
          if (records.length > MAX_CSV_ROWS + 1) throw new TooManyRows();
          return record;
        },
      });
      break;
    } catch (e) {
      if (e instanceof TooManyRows) break;
      if (!(e instanceof CsvError)) throw e;
      // Each bad line costs a parse of the rest of the file: past a few, it is no CSV at all.
      if (!records.length || ++unreadable > MAX_UNREADABLE_LINES) return [];
      offset = endOfLine(data, lastEnd);
      records.push({ record: null, end: offset });
    }
  }
  return records;
}

class TooManyRows extends Error {}

/** The offset just after the line break that ends the line holding `from` (or the file's end). */
function endOfLine(bytes: Uint8Array, from: number): number {
  for (let i = from; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) return i + 1;
    if (bytes[i] === 0x0d) return bytes[i + 1] === 0x0a ? i + 2 : i + 1;
  }
  return bytes.length;
}

/**
 * The file's text. Excel's "CSV (Comma delimited)" and "CSV (Semicolon delimited)", the usual
 * way a list reaches us, write Windows-1252 on Indonesian and English Windows, and only "CSV
 * UTF-8" writes UTF-8. Bytes that are not valid UTF-8 are therefore read as Windows-1252: "Café"
 * saved by Excel stays "Café" instead of becoming "Caf\uFFFD". Every byte has a meaning in
 * Windows-1252 (WHATWG's mapping), so this never fails.
 */
function decode(bytes: Uint8Array): string {
  try {
    // Drops a UTF-8 BOM, as Excel's "CSV UTF-8" writes one.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Node since 20.18.3 decodes "windows-1252" as Latin-1 (nodejs/node#60888), giving the
    // control characters U+0080–U+009F for the bytes 0x80–0x9F; those bytes are put right here.
    return new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_80_9F[c.charCodeAt(0) - 0x80]);
  }
}

// Bytes 0x80–0x9F in Windows-1252 (WHATWG Encoding Standard, index-windows-1252): € ‚ ƒ „ … † ‡ ˆ
// ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ; the five bytes it leaves unassigned stay themselves.
const WINDOWS_1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((c) => String.fromCharCode(c));

/** The line breaks (CRLF, CR or LF, each one break) in bytes [from, to). */
function lineBreaks(bytes: Uint8Array, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) n++;
  }
  return n;
}
