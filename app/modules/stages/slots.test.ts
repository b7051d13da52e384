import { describe, expect, it } from "vitest";
import { answerDeadline, clashes, fillPattern, isMeetingLink, mayAnswer, planSlots, windowFits } from "./slots";
import { teamGaps } from "./field-team";
import { fieldReportSchema, generateSlotsSchema } from "./schemas";

const MIN = 60_000;

describe("presentation slots", () => {
  it("follow one another without overlap, breaks included", () => {
    const start = Date.parse("2026-07-21T08:00:00+07:00");
    const slots = planSlots({ start, count: 4, minutes: 20, breakMinutes: 5, dayEnd: null, zone: "WIB" });
    expect(slots.map((d) => (d.getTime() - start) / MIN)).toEqual([0, 25, 50, 75]);
  });

  it("move to the next day at the first slot's time when the day ends", () => {
    const start = Date.parse("2026-07-21T15:00:00+08:00");
    // Day ends at 16.00 WITA: three 20-minute slots fit (15.00, 15.20, 15.40), the fourth moves.
    const slots = planSlots({ start, count: 5, minutes: 20, breakMinutes: 0, dayEnd: 16 * 60, zone: "WITA" });
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
