import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("writes a UTF-8 byte-order mark, CRLF lines and RFC 4180 quoting", () => {
    const csv = toCsv(["nama", "jumlah"], [
      ["Pemerintah Kota \"Uji\", Jawa", 3],
      ["Baris\nbaru", null],
    ]);
    expect(csv).toBe('\uFEFFnama,jumlah\r\n"Pemerintah Kota ""Uji"", Jawa",3\r\n"Baris\nbaru",\r\n');
  });

  it("neutralises text that a spreadsheet would run as a formula, but not numbers", () => {
    const csv = toCsv(["a", "b"], [["=HYPERLINK(\"x\")", -5], ["@SUM(A1)", "+62"]]);
    expect(csv.split("\r\n")[1]).toBe(`"'=HYPERLINK(""x"")",-5`);
    expect(csv.split("\r\n")[2]).toBe("'@SUM(A1),'+62");
  });
});
