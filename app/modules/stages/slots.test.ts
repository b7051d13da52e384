import { describe, expect, it } from "vitest";
import { translator } from "~/i18n";
import { answerDeadline, clashes, fallsOnSkippedDay, fillPattern, isMeetingLink, mayAnswer, planSlots, windowFits, type SlotPlan } from "./slots";
import { teamGaps } from "./field-team";
import { readHolidays } from "./holidays";
import { fieldReportSchema, generateSlotsSchema } from "./schemas";
import { parseWith } from "~/lib/forms";

const MIN = 60_000;
const EVERY_DAY = { workDaysOnly: false, holidays: [] };

describe("presentation slots", () => {
  it("follow one another without overlap, breaks included", () => {
    const start = Date.parse("2026-07-21T08:00:00+07:00");
    const slots = planSlots({ start, count: 4, minutes: 20, breakMinutes: 5, dayEnd: null, zone: "WIB", ...EVERY_DAY });
    expect(slots.map((d) => (d.getTime() - start) / MIN)).toEqual([0, 25, 50, 75]);
  });

  it("move to the next day at the first slot's time when the day ends", () => {
    const start = Date.parse("2026-07-21T15:00:00+08:00");
    // Day ends at 16.00 WITA: three 20-minute slots fit (15.00, 15.20, 15.40), the fourth moves.
    const slots = planSlots({ start, count: 5, minutes: 20, breakMinutes: 0, dayEnd: 16 * 60, zone: "WITA", ...EVERY_DAY });
    expect(slots.map((d) => d.toISOString())).toEqual([
      "2026-07-21T07:00:00.000Z",
      "2026-07-21T07:20:00.000Z",
      "2026-07-21T07:40:00.000Z",
      "2026-07-22T07:00:00.000Z",
      "2026-07-22T07:20:00.000Z",
    ]);
    expect(windowFits({ start, minutes: 20, dayEnd: 15 * 60 + 10, zone: "WITA" })).toBe(false);
  });

  it("clash only in the same room or link", () => {
    const at = new Date("2026-07-21T01:00:00Z");
    const later = new Date(at.getTime() + 10 * MIN);
    expect(clashes({ startsAt: at, minutes: 20, location: "Ruang Garuda" }, { startsAt: later, minutes: 20, location: "ruang garuda " })).toBe(true);
    expect(clashes({ startsAt: at, minutes: 20, location: "Ruang Garuda" }, { startsAt: later, minutes: 20, location: "Ruang Rajawali" })).toBe(false);
    expect(clashes({ startsAt: at, minutes: 10, location: "R" }, { startsAt: later, minutes: 20, location: "R" })).toBe(false);
  });

  it("take only web addresses as meeting links, and fill the slot number", () => {
    expect(isMeetingLink("https://rapat.example.go.id/kipp-1")).toBe(true);
    expect(isMeetingLink("javascript:alert(1)")).toBe(false);
    expect(isMeetingLink("ftp://x.example")).toBe(false);
    expect(fillPattern("Ruang {n}", 3)).toBe("Ruang 3");
  });

  it("take answers until 24 hours before the start", () => {
    const startsAt = new Date("2026-07-21T01:00:00Z");
    expect(answerDeadline(startsAt).toISOString()).toBe("2026-07-20T01:00:00.000Z");
    expect(mayAnswer(startsAt, Date.parse("2026-07-20T00:59:59Z"))).toBe(true);
    expect(mayAnswer(startsAt, Date.parse("2026-07-20T01:00:00Z"))).toBe(false);
  });

  it("read the generation form in the editor's zone and refuse a non-web link", () => {
    const ok = generateSlotsSchema("WIT").safeParse({ start: "2026-07-21T08:00", slotMinutes: "", breakMinutes: "", slotMode: "online", pattern: "https://rapat.example.go.id/{n}" });
    expect(ok.success && ok.data.start).toBe("2026-07-21T08:00:00+09:00");
    expect(ok.success && ok.data.slotMinutes).toBe(20);
    const bad = generateSlotsSchema("WIB").safeParse({ start: "2026-07-21T08:00", slotMode: "online", pattern: "javascript:alert(1)" });
    expect(bad.success).toBe(false);
  });
});

describe("days the schedule skips", () => {
  // 14 August 2026 is a Friday; 17 August, Independence Day, the Monday after.
  const friday = (zone: SlotPlan["zone"], time: string, offset: string) => Date.parse(`2026-08-14T${time}:00${offset}`);
  const plan = (over: Partial<SlotPlan>): SlotPlan => ({ start: friday("WIB", "15:00", "+07:00"), count: 5, minutes: 20, breakMinutes: 0, dayEnd: 16 * 60, zone: "WIB", workDaysOnly: true, holidays: [], ...over });
  const iso = (slots: Date[]) => slots.map((d) => d.toISOString());

  it("go from Friday to Monday over a weekend, and through it when every day is kept", () => {
    // 15.00, 15.20, 15.40 WIB fit before 16.00; the fourth slot moves past Saturday and Sunday.
    expect(iso(planSlots(plan({})))).toEqual([
      "2026-08-14T08:00:00.000Z",
      "2026-08-14T08:20:00.000Z",
      "2026-08-14T08:40:00.000Z",
      "2026-08-17T08:00:00.000Z",
      "2026-08-17T08:20:00.000Z",
    ]);
    expect(iso(planSlots(plan({ workDaysOnly: false }))).slice(3)).toEqual(["2026-08-15T08:00:00.000Z", "2026-08-15T08:20:00.000Z"]);
  });

  it("pass over a holiday on a Monday, and a holiday alone when weekends are kept", () => {
    expect(iso(planSlots(plan({ holidays: ["2026-08-17"] }))).slice(3)).toEqual(["2026-08-18T08:00:00.000Z", "2026-08-18T08:20:00.000Z"]);
    // Weekends kept, Saturday listed: Sunday.
    expect(iso(planSlots(plan({ workDaysOnly: false, holidays: ["2026-08-15"] }))).slice(3)).toEqual(["2026-08-16T08:00:00.000Z", "2026-08-16T08:20:00.000Z"]);
  });

  it("pass over a long run of holidays and weekends (two weeks of leave)", () => {
    // Every weekday from 17 to 28 August listed: with the weekends between, 16 days in a row.
    const leave = ["17", "18", "19", "20", "21", "24", "25", "26", "27", "28"].map((d) => `2026-08-${d}`);
    expect(iso(planSlots(plan({ holidays: leave }))).slice(3)).toEqual(["2026-08-31T08:00:00.000Z", "2026-08-31T08:20:00.000Z"]);
  });

  it("judge the day in the plan's zone, not in UTC", () => {
    // 00.30 WIT on Saturday is still Friday in UTC and in WIB.
    const saturdayWit = Date.parse("2026-08-15T00:30:00+09:00");
    expect(new Date(saturdayWit).getUTCDay()).toBe(5);
    expect(fallsOnSkippedDay({ zone: "WIT", workDaysOnly: true, holidays: [] }, saturdayWit)).toBe(true);
    expect(fallsOnSkippedDay({ zone: "WIB", workDaysOnly: true, holidays: [] }, saturdayWit)).toBe(false);
    expect(fallsOnSkippedDay({ zone: "WIT", workDaysOnly: false, holidays: ["2026-08-15"] }, saturdayWit)).toBe(true);
    expect(fallsOnSkippedDay({ zone: "WIT", workDaysOnly: false, holidays: ["2026-08-14"] }, saturdayWit)).toBe(false);

    // No day end: half-hour slots from 23.00 WIT on Friday. Midnight WIT is Saturday there
    // (15.00 UTC on Friday), so the third slot goes to Monday at 23.00 WIT.
    const slots = planSlots(plan({ start: friday("WIT", "23:00", "+09:00"), count: 4, minutes: 30, dayEnd: null, zone: "WIT" }));
    expect(iso(slots)).toEqual(["2026-08-14T14:00:00.000Z", "2026-08-14T14:30:00.000Z", "2026-08-17T14:00:00.000Z", "2026-08-17T14:30:00.000Z"]);
    // A holiday is a WIT date too: Monday 17 August in WIT, though its 23.00 is still 14.00 UTC.
    expect(iso(planSlots(plan({ start: friday("WIT", "23:00", "+09:00"), count: 3, minutes: 30, dayEnd: null, zone: "WIT", holidays: ["2026-08-17"] }))).at(-1)).toBe("2026-08-18T14:00:00.000Z");
  });
});

describe("the generation form's days", () => {
  const form = { slotMinutes: "20", breakMinutes: "0", slotMode: "room", pattern: "Ruang Garuda" };
  const messages = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

  it("reads holidays one per line, as ISO or day first, with the day's name after it", () => {
    const r = generateSlotsSchema("WIB").safeParse({ ...form, start: "2026-08-14T08:00", workDaysOnly: "1", holidays: "18/08/2026\r\n\n 2026-08-17  Hari Kemerdekaan\n17-08-2026\n1.9.2026" });
    expect(r.success && r.data).toMatchObject({ workDaysOnly: true, holidays: ["2026-08-17", "2026-08-18", "2026-09-01"] });
    // Left out (an unticked box, a blank list): every day kept.
    const plain = generateSlotsSchema("WIB").safeParse({ ...form, start: "2026-08-15T08:00" });
    expect(plain.success && plain.data).toMatchObject({ workDaysOnly: false, holidays: [] });
  });

  it("refuse a start on a weekend or a listed holiday, on the start field, judged in the editor's zone", () => {
    const weekend = generateSlotsSchema("WIB").safeParse({ ...form, start: "2026-08-15T08:00", workDaysOnly: "1" });
    expect(messages(weekend)).toEqual({ start: "stages.errors.startWeekend" });
    const holiday = generateSlotsSchema("WIB").safeParse({ ...form, start: "2026-08-17T08:00", workDaysOnly: "1", holidays: "17/08/2026 Hari Kemerdekaan" });
    expect(messages(holiday)).toEqual({ start: "stages.errors.startHoliday" });
    // 00.30 on Monday 17 August in WIT is 22.30 on Sunday in WIB: a holiday in one, a weekend in the other.
    expect(messages(generateSlotsSchema("WIT").safeParse({ ...form, start: "2026-08-17T00:30", holidays: "2026-08-17" }))).toEqual({ start: "stages.errors.startHoliday" });
    expect(generateSlotsSchema("WIT").safeParse({ ...form, start: "2026-08-18T00:30", holidays: "2026-08-17" }).success).toBe(true);
    const t = translator("id");
    const parsed = parseWith(generateSlotsSchema("WIB"), { ...form, start: "2026-08-15T08:00", workDaysOnly: "1" }, t);
    expect(!parsed.ok && parsed.errors.start).toBe(t("stages.errors.startWeekend"));
    expect(!parsed.ok && parsed.errors.start).toContain("Sabtu atau Minggu");
  });

  it("name a bad holiday line by its number, in the reader's language", () => {
    const values = { ...form, start: "2026-08-14T08:00", holidays: "2026-08-17\n\n31/02/2026\n17 Agustus 2026" };
    const r = generateSlotsSchema("WIB").safeParse(values);
    expect(r.success).toBe(false);
    const issue = r.error?.issues.find((i) => i.path.join(".") === "holidays");
    expect(issue).toMatchObject({ message: "stages.errors.holidayLine", params: { line: 3 } });
    const id = parseWith(generateSlotsSchema("WIB"), values, translator("id"));
    const en = parseWith(generateSlotsSchema("WIB"), values, translator("en"));
    expect(!id.ok && id.errors.holidays).toMatch(/^Baris 3 bukan tanggal/);
    expect(!en.ok && en.errors.holidays).toMatch(/^Line 3 is not a date/);
    expect(readHolidays("2026-08-17\n17 Agustus 2026")).toEqual({ line: 2 });
    expect(readHolidays("1999-12-31")).toEqual({ line: 1 });
    expect(readHolidays("17-08/2026")).toEqual({ line: 1 });
  });

  it("take at most 60 dates and a bounded text", () => {
    const many = Array.from({ length: 61 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10)).join("\n");
    const r = parseWith(generateSlotsSchema("WIB"), { ...form, start: "2026-08-14T08:00", holidays: many }, translator("en"));
    expect(!r.ok && r.errors.holidays).toBe("At most 60 holiday dates.");
    expect(parseWith(generateSlotsSchema("WIB"), { ...form, start: "2026-08-14T08:00", holidays: many.split("\n").slice(1).join("\n") }, translator("en")).ok).toBe(true);
    const long = parseWith(generateSlotsSchema("WIB"), { ...form, start: "2026-08-14T08:00", holidays: "2026-08-17 ".padEnd(7000, "x") }, translator("en"));
    expect(!long.ok && Object.keys(long.errors)).toEqual(["holidays"]);
  });
});

describe("field verification", () => {
  it("flags a team without a panelist or an evaluator", () => {
    expect(teamGaps([{ id: 1, name: "A", role: "evaluator" }])).toEqual({ panelist: true, evaluator: false });
    expect(teamGaps([{ id: 1, name: "A", role: "evaluator" }, { id: 2, name: "B", role: "panelist" }])).toEqual({ panelist: false, evaluator: false });
  });

  it("needs a decision, a reason when not verified and a testimony to submit; a draft may be partial", () => {
    const base = { check: ["berjalan"], notes: "", testimonies: [{ name: "", relation: "", text: "" }], verified: "no", reason: "" };
    const refused = fieldReportSchema(true).safeParse(base);
    expect(refused.success).toBe(false);
    const paths = refused.success ? [] : refused.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["reason", "testimonies"]));
    const draft = fieldReportSchema(false).safeParse(base);
    expect(draft.success && draft.data.checklist.berjalan).toBe(true);
    expect(draft.success && draft.data.testimonies).toEqual([]);
  });
});
