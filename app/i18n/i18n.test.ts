import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { id } from "./catalog.id";
import { en } from "./catalog.en";

const catalogs = { id, en };
import { formatInstant, formatTime, fromZonedInput, instantVar, toZonedInput, translator } from "./index";

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

  it("counts in English (one innovation, two innovations) and not in Indonesian", () => {
    expect(translator("en")("catalogue.results.count", { count: 1 })).toBe("1 innovation");
    expect(translator("en")("catalogue.results.count", { count: 1234 })).toBe("1,234 innovations");
    expect(translator("en")("catalogue.results.count", { count: 0 })).toBe("0 innovations");
    expect(translator("id")("catalogue.results.count", { count: 1 })).toBe("1 inovasi");
    expect(translator("en")("checkins.dashboard", { n: 1, year: "2026" })).toBe("1 innovation not yet checked in for 2026.");
    expect(translator("en")("visits.public.count", { n: 1 })).toBe("Visited once by agencies learning from it.");
    // A value given as text (already formatted) falls back to the general form.
    expect(translator("en")("catalogue.results.count", { count: "1,234" })).toBe("1,234 innovations");
  });

  it("shows one instant in each zone, naming the zone", () => {
    const deadline = new Date("2026-07-31T16:59:59Z");
    expect(formatInstant("id", deadline, "WIB")).toMatch(/31 Juli 2026.*23\.59 WIB$/);
    expect(formatInstant("id", deadline, "WITA")).toMatch(/1 Agustus 2026.*00\.59 WITA$/);
    expect(formatInstant("en", deadline, "WIT")).toMatch(/1 August 2026.*01:59 WIT$/);
    // The time of day alone (an autosave's "saved at"), in the reader's zone too.
    expect(formatTime("id", deadline, "WITA")).toBe("00.59 WITA");
    expect(formatTime("en", deadline, "WIB")).toBe("23:59 WIB");
  });

  it("formats an instant carried by a message in the language it is rendered in", () => {
    // As a notice stores it (jsonb): the instant and the zone it was written for.
    const vars = { title: "SELAGI", competition: "KIPP 2026", receipt: "KIPP-00001", link: "/x", at: { instant: "2026-07-31T16:59:59.000Z", zone: "WIB" as const } };
    expect(instantVar(new Date("2026-07-31T16:59:59Z"))).toEqual(vars.at);
    expect(translator("id")("mail.proposalReceipt.body", vars)).toContain("pada 31 Juli 2026 pukul 23.59 WIB dengan");
    expect(translator("en")("mail.proposalReceipt.body", vars)).toContain("at 31 July 2026 at 23:59 WIB with");
    // In the named zone when the reader's is not known (mail), in the reader's when it is.
    expect(translator("id")("mail.results.provisional.body", { competition: "K", link: "/x", until: instantVar(vars.at.instant, "WITA") })).toContain("sampai 1 Agustus 2026 pukul 00.59 WITA:");
    expect(translator("en", { zone: "WIT" })("mail.results.provisional.body", { competition: "K", link: "/x", until: vars.at })).toContain("until 1 August 2026 at 01:59 WIT:");
  });

  it("writes a calendar day carried by a message as each language writes dates, whatever the zone", () => {
    const vars = { host: "Kota Surabaya", innovation: "MPP", date: { day: "2026-12-22" }, link: "/x" };
    expect(translator("id")("mail.visitAccepted.body", vars)).toContain("pada tanggal 22 Desember 2026.");
    expect(translator("en", { zone: "WIT" })("mail.visitAccepted.body", vars)).toContain("on 22 December 2026.");
    // A day stored oddly is shown as written, never as "Invalid Date".
    expect(translator("id")("mail.visitAccepted.body", { ...vars, date: { day: "besok" } })).toContain("pada tanggal besok.");
  });

  it("still shows values stored before instants were typed, and odd ones without failing", () => {
    expect(translator("en")("mail.assignment.body", { n: 1234, stage: "Evaluasi", competition: "K", until: "31 Juli 2026 pukul 23.59 WIB", link: "/x" })).toBe(
      "You are assigned 1,234 proposals to review in the stage Evaluasi (K), by 31 Juli 2026 pukul 23.59 WIB: /x",
    );
    const t = translator("en");
    const due = (until: unknown) => t("mail.reviewDue.body", { n: 2, stage: "Evaluasi", competition: "K", link: "/x", until: until as string });
    expect(due({ instant: "2026-07-31T16:59:59Z", zone: "PST" })).toContain("closes 31 July 2026 at 23:59 WIB.");
    expect(due({ instant: "kemarin", zone: "WIB" })).toContain("closes kemarin.");
    expect(due({ zone: "WIB" })).toContain("closes .");
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
