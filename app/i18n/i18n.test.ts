import { describe, expect, it } from "vitest";
import { catalogs } from "./catalogs";
import { formatInstant, translator } from "./index";

describe("language and time", () => {
  it("has the same keys in Indonesian and English, none empty", () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.id).sort());
    for (const [k, v] of [...Object.entries(catalogs.id), ...Object.entries(catalogs.en)]) expect(v, k).not.toBe("");
  });

  it("fills values and formats numbers for the locale", () => {
    expect(translator("id")("agencies.import.done", { count: 1234 })).toBe("1.234 baris diimpor.");
    expect(translator("en")("agencies.import.done", { count: 1234 })).toBe("1,234 rows imported.");
  });

  it("shows one instant in each zone, naming the zone", () => {
    const deadline = new Date("2026-07-31T16:59:59Z");
    expect(formatInstant("id", deadline, "WIB")).toMatch(/31 Juli 2026.*23\.59 WIB$/);
    expect(formatInstant("id", deadline, "WITA")).toMatch(/1 Agustus 2026.*00\.59 WITA$/);
    expect(formatInstant("en", deadline, "WIT")).toMatch(/1 August 2026.*01:59 WIT$/);
  });
});
