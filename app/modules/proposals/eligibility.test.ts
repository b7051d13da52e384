import { describe, expect, it } from "vitest";
import { preset } from "~/modules/competitions/presets";
import { submitProblems, type SubmitFacts } from "./eligibility";

const config = preset("kipp-2023-umum", 2026).config;
const facts = (over: Partial<SubmitFacts>): SubmitFacts => ({
  config: { ...config, eligibility: { ...config.eligibility, excludeTiers: ["outstanding", "top-45"], maxTimesInTier: { tier: "top-99", times: 2 } } },
  now: new Date("2026-03-01T00:00:00Z"),
  groupCode: "umum",
  categoryCode: config.categories[0].code,
  sections: {},
  filledSlots: new Set(),
  links: {},
  declarations: [],
  sourceInnovationIds: [],
  innovation: { startedOn: "2020-01-01", state: "published" },
  agencyType: "kabupaten",
  submittedByGroup: {},
  earlierTiers: [],
  invited: false,
  ...over,
});
const keys = (f: SubmitFacts) => submitProblems(f).map((p) => p.key);

describe("eligibility from earlier results", () => {
  it("keeps earlier top-tier winners out of the general groups, not out of the special group", () => {
    expect(keys(facts({ earlierTiers: ["top-45"] }))).toContain("proposals.problems.earlierWinner");
    expect(keys(facts({ earlierTiers: ["top-45"], groupCode: "khusus" }))).not.toContain("proposals.problems.earlierWinner");
    expect(keys(facts({ earlierTiers: ["top-99"] }))).not.toContain("proposals.problems.earlierWinner");
  });

  it("lets only invited innovations into the special group", () => {
    expect(keys(facts({ groupCode: "khusus" }))).toContain("proposals.problems.notInvited");
    expect(keys(facts({ groupCode: "khusus", invited: true }))).not.toContain("proposals.problems.notInvited");
    // The open groups need no invitation.
    expect(keys(facts({ groupCode: "umum" }))).not.toContain("proposals.problems.notInvited");
  });

  it("allows a tier at most the configured number of times", () => {
    expect(keys(facts({ earlierTiers: ["top-99"] }))).not.toContain("proposals.problems.tierTimes");
    const twice = submitProblems(facts({ earlierTiers: ["top-99", "top-99"] })).find((p) => p.key === "proposals.problems.tierTimes");
    expect(twice?.vars).toEqual({ tier: "Top 99", times: 2 });
  });
});

describe("attachments and declarations", () => {
  it("asks for an unticked declaration to be ticked, not attached", () => {
    const problems = submitProblems(facts({}));
    expect(problems).toContainEqual({ key: "proposals.problems.declaration", vars: { name: "Saya menyatakan data yang disampaikan benar" } });
    expect(problems).not.toContainEqual({ key: "proposals.problems.attachment", vars: { name: "Saya menyatakan data yang disampaikan benar" } });
    expect(keys(facts({ declarations: ["kebenaran-data"] }))).not.toContain("proposals.problems.declaration");
  });
});
