import { describe, expect, it } from "vitest";
import { slugify } from "./regions";

describe("slugify", () => {
  it("keeps the addresses it has always given to Latin text", () => {
    expect(slugify("Kabupaten Banyumas 33.02")).toBe("kabupaten-banyumas-33-02");
    expect(slugify("PT Café Satu (Persero)")).toBe("pt-cafe-satu-persero");
  });

  it("writes Cyrillic and the Latin letters without a decomposition in Latin letters", () => {
    expect(slugify("ПАО Газпром")).toBe("pao-gazprom");
    expect(slugify("Щёлково Київ")).toBe("shchelkovo-kiiv");
    expect(slugify("Ørsted Straße Łódź")).toBe("orsted-strasse-lodz");
  });

  it("gives nothing for text with no letter it can write in Latin", () => {
    expect(slugify("東京電力株式会社")).toBe("");
    expect(slugify("!!!")).toBe("");
  });

  it("cuts to the length asked, never ending in a hyphen", () => {
    expect(slugify("Perusahaan Umum Daerah Air Minum", 11)).toBe("perusahaan");
    expect(slugify("a ".repeat(100))).toHaveLength(79);
    expect(slugify("x".repeat(100), Infinity)).toHaveLength(100);
  });
});
