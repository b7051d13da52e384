import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("writes a UTF-8 byte-order mark, CRLF lines and RFC 4180 quoting", () => {
    const csv = toCsv(["nama", "jumlah"], [
      ["Pemerintah Kota \"Uji\", Jawa", 3],
      ["Baris\nbaru", null],
      ["Baris\r\nWindows", undefined],
    ]);
    expect(csv).toBe('\uFEFFnama,jumlah\r\n"Pemerintah Kota ""Uji"", Jawa",3\r\n"Baris\nbaru",\r\n"Baris\r\nWindows",\r\n');
  });

  it("neutralises text that a spreadsheet would run as a formula, but not numbers", () => {
    const csv = toCsv(["a", "b"], [["=HYPERLINK(\"x\")", -5], ["@SUM(A1)", "+62"], ["-2+3", "\tTAB"], ["a=b", 1.5]]);
    const lines = csv.split("\r\n");
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")",-5`);
    expect(lines[2]).toBe("'@SUM(A1),'+62");
    expect(lines[3]).toBe("'-2+3,'\tTAB");
    // Only the first character matters: an equals sign inside the text is harmless.
    expect(lines[4]).toBe("a=b,1.5");
  });

  it("quotes a header like any other row and leaves non-finite numbers empty", () => {
    const csv = toCsv(["Nilai, rata-rata", "=x"], [[Number.NaN, Number.POSITIVE_INFINITY]]);
    expect(csv.split("\r\n").slice(0, 2)).toEqual(['\uFEFF"Nilai, rata-rata",\'=x', ","]);
  });
});
