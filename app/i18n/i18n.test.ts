import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { catalogs } from "./catalogs";
import { formatInstant, fromZonedInput, toZonedInput, translator } from "./index";

describe("language and time", () => {
  it("has the same keys in Indonesian and English, none empty", () => {
    expect(Object.keys(catalogs.en).sort()).toEqual(Object.keys(catalogs.id).sort());
    for (const [k, v] of [...Object.entries(catalogs.id), ...Object.entries(catalogs.en)]) expect(v, k).not.toBe("");
  });

  it("has every key the code names literally (a missing one would show as the raw key)", () => {
    const used = new Map<string, string>();
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !e.name.includes(".test.")) {
          const source = fs.readFileSync(p, "utf8");
          // t("key"), new AppError(code, "key"), deny("key"): the ways text reaches a reader.
          for (const m of source.matchAll(/\b(?:t|deny)\(\s*"([a-zA-Z0-9_-]+\.[a-zA-Z0-9_.-]+)"|new AppError\(\s*"[a-z-]+",\s*"([a-zA-Z0-9_.-]+)"/g)) {
            used.set(m[1] ?? m[2], path.relative(process.cwd(), p));
          }
        }
      }
    };
    walk(path.resolve(import.meta.dirname, ".."));
    expect(used.size).toBeGreaterThan(500);
    expect([...used].filter(([key]) => !(key in catalogs.id)).map(([key, file]) => `${key} (${file})`)).toEqual([]);
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

describe("zoned date-time fields", () => {
  it("shows an instant as typed in each zone and reads it back with the zone's offset", () => {
    const deadline = "2026-04-30T23:59:59+07:00";
    expect(toZonedInput(deadline, "WIB")).toBe("2026-04-30T23:59:59");
    expect(toZonedInput(deadline, "WIT")).toBe("2026-05-01T01:59:59");
    expect(fromZonedInput("2026-05-01T01:59:59", "WIT")).toBe("2026-05-01T01:59:59+09:00");
    expect(Date.parse(fromZonedInput("2026-05-01T01:59:59", "WIT")!)).toBe(Date.parse(deadline));
    expect(fromZonedInput("2026-04-30T23:59", "WITA")).toBe("2026-04-30T23:59:00+08:00");
  });
  it("refuses what is not a real date and time", () => {
    for (const bad of ["2026-02-30T10:00", "2026-04-30T24:00", "2026-04-30", "kemarin", "2026-04-30T10:61"]) expect(fromZonedInput(bad, "WIB"), bad).toBeNull();
  });
});
