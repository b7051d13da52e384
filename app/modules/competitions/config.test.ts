import { describe, expect, it } from "vitest";
import { CompetitionConfigSchema, type CompetitionConfig } from "./config";
import { addDays, registrationStage, shiftDays, stageAt, stageOverlaps, withRegistrationClosingIn } from "./config-values";
import { preset, PRESETS } from "./presets";

const errorsOf = (config: unknown) => {
  const r = CompetitionConfigSchema.safeParse(config);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};
const clone = (c: CompetitionConfig): CompetitionConfig => structuredClone(c);

describe("presets", () => {
  it.each(PRESETS)("%s is a valid configuration", (id) => {
    const draft = preset(id, 2027);
    expect(errorsOf(draft.config)).toEqual({});
    expect(draft.name).toContain("2027");
    expect(registrationStage(draft.config)?.closesAt).toMatch(/^2027-.*\+07:00$/);
  });

  it("2023 'umum' has its 8 sections, weights and word limits", () => {
    const { sections } = preset("kipp-2023-umum", 2023).config;
    expect(sections.map((s) => [s.title, s.weight, s.wordLimit])).toEqual([
      ["Ringkasan", 0, 200],
      ["Latar belakang dan tujuan", 10, 300],
      ["Kebaruan / nilai tambah", 15, 200],
      ["Implementasi", 5, 200],
      ["Signifikansi", 30, 600],
      ["Adaptabilitas", 20, 300],
      ["Sumber daya", 5, 200],
      ["Strategi keberlanjutan", 15, 500],
    ]);
  });

  it("keeps acronyms' capitals in the criteria made from the 2023 sections", () => {
    const criteria = preset("kipp-2023-umum", 2023).config.stages.flatMap((s) => s.criteria);
    const sustainability = criteria.find((c) => c.code === "keberlanjutan")!;
    expect(sustainability.description).toBe("Regulasi, SOP, anggaran, dan kolaborasi yang menjaga inovasi tetap berjalan.");
    expect(sustainability.rubric.at(-1)!.description).toContain("regulasi, SOP, anggaran");
  });

  it("2017 has its 4 categories and 4 criteria", () => {
    const { categories, stages } = preset("kipp-2017", 2017).config;
    expect(categories.map((c) => c.name)).toEqual([
      "Tata Kelola Pemerintahan",
      "Penggunaan Teknologi Informasi dan Komunikasi",
      "Perbaikan Kesejahteraan Sosial",
      "Pelayanan Langsung kepada Masyarakat",
    ]);
    const desk = stages.find((s) => s.code === "evaluasi")!;
    expect(desk.criteria.map((k) => k.name)).toEqual(["Kebaruan", "Produktivitas", "Manfaat", "Keberlanjutan"]);
  });
});

describe("CompetitionConfigSchema cross-checks", () => {
  const base = preset("kipp-2023-umum", 2026).config;

  it("refuses duplicate codes, naming the row", () => {
    const c = clone(base);
    c.categories[1].code = c.categories[0].code;
    expect(errorsOf(c)).toEqual({ "categories.1.code": "competitions.errors.duplicateCode" });
  });

  it("refuses weights that do not add up to 100", () => {
    const c = clone(base);
    c.sections[1].weight = 11;
    c.stages[2].criteria[0].weight = 50;
    expect(errorsOf(c)).toMatchObject({ sections: "competitions.errors.sectionWeights", "stages.2.criteria": "competitions.errors.criteriaWeights" });
  });

  it("refuses references to unknown groups, tiers and sections", () => {
    const c = clone(base);
    c.eligibility.quotas[0].group = "tidak-ada";
    c.stages[3].tier = "top-1000";
    c.stages[2].criteria[0].section = "hilang";
    expect(errorsOf(c)).toMatchObject({
      "eligibility.quotas.0.group": "competitions.errors.unknownGroup",
      "stages.3.tier": "competitions.errors.unknownTier",
      "stages.2.criteria.0.section": "competitions.errors.unknownSection",
    });
  });

  it("checks stage order, instants and what a scored stage needs", () => {
    const c = clone(base);
    c.stages[1].closesAt = c.stages[1].opensAt;
    c.stages[2].judges = "none";
    c.stages[2].reviewersPerProposal = 0;
    c.stages[1].advancement = { rule: "top", n: 10, scope: "overall", minTypeShares: [] };
    c.stages[4].opensAt = "2026-01-01T00:00:00+07:00";
    expect(errorsOf(c)).toMatchObject({
      "stages.1.closesAt": "competitions.errors.closesBeforeOpens",
      "stages.1.advancement.rule": "competitions.errors.unscoredAdvancement",
      "stages.2.judges": "competitions.errors.needJudges",
      "stages.2.reviewersPerProposal": "competitions.errors.needReviewers",
      "stages.4.opensAt": "competitions.errors.stageOrder",
    });
    const d = clone(base);
    d.stages.reverse();
    expect(errorsOf(d)["stages.0.kind"]).toBe("competitions.errors.registrationFirst");
  });

  it("refuses overlapping rubric levels and levels outside the scale", () => {
    const c = clone(base);
    c.stages[2].criteria[0].rubric = [
      { min: 1, max: 5, description: "a" },
      { min: 5, max: 10, description: "b" },
    ];
    c.stages[2].criteria[1].rubric = [{ min: 0, max: 11, description: "c" }];
    expect(errorsOf(c)).toMatchObject({
      "stages.2.criteria.0.rubric": "competitions.errors.rubric",
      "stages.2.criteria.1.rubric": "competitions.errors.rubric",
    });
  });
});

describe("stages do not overlap", () => {
  it.each(PRESETS)("%s: each stage opens no earlier than the one before closes, in any year and as the demo moves it", (id) => {
    for (const year of [2017, 2023, 2027, 2028]) expect(stageOverlaps(preset(id, year).config.stages)).toEqual([]);
    // The demo's editions are the presets moved by whole days (registration open now, judging
    // under way, an objection window): a move keeps the gaps between stages.
    const config = preset(id, 2026).config;
    for (const now of ["2026-02-10T03:00:00Z", "2026-12-31T20:00:00Z"]) expect(stageOverlaps(withRegistrationClosingIn(config, new Date(now), 45).stages)).toEqual([]);
    expect(stageOverlaps(shiftDays(config, -200).stages)).toEqual([]);
  });

  it("names the later stage and the one before it still open, and allows opening at the same instant", () => {
    const stages = clone(preset("kipp-2023-umum", 2026).config).stages;
    stages[1].opensAt = stages[0].closesAt;
    expect(stageOverlaps(stages)).toEqual([]);
    stages[2].opensAt = "2026-05-31T23:59:58+07:00";
    stages[3].opensAt = "2026-06-30T16:59:58Z";
    expect(stageOverlaps(stages)).toEqual([
      { index: 2, stage: "Evaluasi proposal (Tim Evaluasi)", previous: "Seleksi administrasi", previousClosesAt: "2026-05-31T23:59:59+07:00" },
      { index: 3, stage: "Penilaian Tim Panel Independen", previous: "Evaluasi proposal (Tim Evaluasi)", previousClosesAt: "2026-06-30T23:59:59+07:00" },
    ]);
    // An edition stored so still parses: the rule applies when its timetable is saved.
    expect(errorsOf({ ...preset("kipp-2023-umum", 2026).config, stages })).toEqual({});
  });
});

describe("stageAt", () => {
  const { config } = preset("kipp-2023-umum", 2026);
  it("finds the stage running at an instant, to the second, and none between stages", () => {
    // The deadline is 30 April 23.59.59 WIB: its last second is still open, the next is not.
    expect(stageAt(config, new Date("2026-04-30T16:59:59.999Z"))?.code).toBe("registrasi");
    expect(stageAt(config, new Date("2026-04-30T17:00:00Z"))?.code).toBe("seleksi-administrasi");
    expect(stageAt(config, new Date("2026-05-31T17:00:00Z"))?.code).toBe("evaluasi");
    expect(stageAt(config, new Date("2025-12-31T00:00:00Z"))).toBeUndefined();
  });
});

describe("addDays", () => {
  it("moves an instant by whole days in its own offset", () => {
    expect(addDays("2026-04-30T23:59:59+07:00", 1)).toBe("2026-05-01T23:59:59+07:00");
    expect(addDays("2026-03-01T00:00:00+09:00", -1)).toBe("2026-02-28T00:00:00+09:00");
    expect(addDays("2028-02-28T12:00:00+08:00", 1)).toBe("2028-02-29T12:00:00+08:00");
  });
});
