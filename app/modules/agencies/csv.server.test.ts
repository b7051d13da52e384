import { describe, expect, it } from "vitest";
import { MAX_CSV_ROWS, readCsv } from "./csv.server";

const csv = (text: string) => new File([text], "data.csv", { type: "text/csv" });
const read = (file: File) => readCsv(file, ["name", "kind"], 1_000_000);
const linesOf = async (text: string) => (await read(csv(text))).rows.map((r) => [r.line, r.values.name]);

describe("reading a CSV", () => {
  it("takes up to MAX_CSV_ROWS rows and refuses a longer file whole", async () => {
    const body = (n: number) => `name,kind\n${Array.from({ length: n }, (_, i) => `Unit ${i},OPD`).join("\n")}\n`;
    expect((await read(csv(body(MAX_CSV_ROWS)))).rows).toHaveLength(MAX_CSV_ROWS);
    await expect(read(csv(body(MAX_CSV_ROWS + 1)))).rejects.toMatchObject({ reason: "agencies.import.errors.tooManyRows" });
  });

  it("numbers each row by the file line it starts on, after a quoted cell spanning lines", async () => {
    const rows = [
      [2, "Dinas Kesehatan"],
      [3, "Puskesmas\nSokaraja"],
      [5, ""],
      [7, "Dinas Pendidikan"],
    ];
    // Line 6 is blank and skipped; the numbering continues from the file's own lines.
    expect(await linesOf('name,kind\nDinas Kesehatan,OPD\n"Puskesmas\nSokaraja",Puskesmas\n,Kosong\n\nDinas Pendidikan,OPD\n')).toEqual(rows);
    // Excel on Windows: CRLF between records, and a CRLF inside the quoted cell counts once.
    expect(await linesOf('name;kind\r\nDinas Kesehatan;OPD\r\n"Puskesmas\r\nSokaraja";Puskesmas\r\n;Kosong\r\n\r\nDinas Pendidikan;OPD')).toEqual(
      rows.map(([line, name]) => [line, String(name).replace("\n", "\r\n")]),
    );
  });

  it("counts a cell of several lines, and a BOM, without shifting the lines", async () => {
    expect(await linesOf('\uFEFFname,kind\n"A\nB\nC",x\nD,y')).toEqual([
      [2, "A\nB\nC"],
      [5, "D"],
    ]);
  });

  it("reads a file Excel saved as Windows-1252, and UTF-8 as UTF-8", async () => {
    // "CSV (Comma delimited)" from Excel on Windows: é is the single byte E9, “ ” are 93 and 94,
    // ’ is 92 and € is 80.
    const ansi = new File(
      [Uint8Array.from([...Buffer.from("name,kind\nPT Caf"), 0xe9, ...Buffer.from(" Satu,"), 0x93, ...Buffer.from("BUMN"), 0x94, 0x92, 0x80, 0x0a])],
      "a.csv",
    );
    expect((await read(ansi)).rows).toEqual([{ line: 2, values: { name: "PT Café Satu", kind: "“BUMN”’€" } }]);
    // "CSV UTF-8": the same text, BOM and all, is not read as Windows-1252 ("CafÃ©").
    expect((await read(csv("\uFEFFname,kind\nPT Café Satu,“BUMN”\n"))).rows).toEqual([{ line: 2, values: { name: "PT Café Satu", kind: "“BUMN”" } }]);
  });

  it("refuses a row with a value beyond the header's columns, by its line, and allows empty ones", async () => {
    const { rows, errors } = await read(csv("name,kind\nDinas Kesehatan,OPD,,\nDinas Pendidikan,OPD,2030,2031\nPuskesmas,Puskesmas\n"));
    expect(rows.map((r) => r.line)).toEqual([2, 4]);
    expect(errors).toEqual([{ line: 3, reason: "agencies.import.errors.extraCells", vars: { cells: 4, columns: 2 } }]);
    // A value under an empty header cell has no column either.
    expect((await read(csv("name,kind,\nA,B,C\n"))).errors).toEqual([{ line: 2, reason: "agencies.import.errors.extraCells", vars: { cells: 3, columns: 2 } }]);
  });

  it("refuses a formula cell as its row's error, by its line, and reads on after a line it cannot parse", async () => {
    const { rows, errors } = await read(
      csv('name,kind\nDinas Kesehatan,OPD\n=HYPERLINK("http://evil","klik"),OPD\n"Puskesmas\nSokaraja",+62\nX,"a"b\n" -1",OPD\nDinas Pendidikan,OPD\n'),
    );
    expect(rows.map((r) => [r.line, r.values.name])).toEqual([
      [2, "Dinas Kesehatan"],
      [8, "Dinas Pendidikan"],
    ]);
    expect(errors).toEqual([
      { line: 3, reason: "agencies.import.errors.formula" },
      { line: 4, reason: "agencies.import.errors.formula" },
      { line: 6, reason: "agencies.import.errors.unreadable" },
      { line: 7, reason: "agencies.import.errors.formula" },
    ]);
    // A header it cannot read leaves nothing to read: the whole file is refused.
    await expect(read(csv('"name"x,kind\nA,B\n'))).rejects.toMatchObject({ reason: "agencies.import.errors.notCsv" });
  });

  it("reads a tab-separated file as it reads semicolons", async () => {
    expect((await read(csv("name\tkind\nDinas Kesehatan, Pengendalian Penduduk\tOPD\n"))).rows).toEqual([
      { line: 2, values: { name: "Dinas Kesehatan, Pengendalian Penduduk", kind: "OPD" } },
    ]);
  });
});
