import { describe, expect, it } from "vitest";
import { readCsv } from "./csv.server";

const csv = (text: string) => new File([text], "data.csv", { type: "text/csv" });
const linesOf = async (text: string) => (await readCsv(csv(text), ["name", "kind"], 1_000_000)).map((r) => [r.line, r.values.name]);

describe("reading a CSV", () => {
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
});
