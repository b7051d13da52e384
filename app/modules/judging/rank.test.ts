import { describe, expect, it } from "vitest";
import type { Criterion, Scoring, Stage } from "~/modules/competitions/config";
import {
  aggregate,
  explainOrder,
  proposeAdvancement,
  rankProposals,
  rankStage,
  scoreProposals,
  TIE_BREAKS,
  weightedTotal,
  type RankProposal,
  type RankReview,
} from "./rank";

type Advancement = Stage["advancement"];

const criterion = (code: string, weight: number, scaleMin = 0, scaleMax = 100): Criterion => ({ code, name: code, description: "", weight, scaleMin, scaleMax, rubric: [] });
const scoring = (over: Partial<Scoring> = {}): Scoring => ({ aggregate: "mean", normalise: false, disagreementThreshold: 20, revealAfterSubmit: true, ...over });
const advancement = (over: Partial<Advancement>): Advancement => ({ rule: "all", scope: "overall", minTypeShares: [], ...over });

let day = 0;
const proposal = (id: string, over: Partial<RankProposal> = {}): RankProposal => ({
  id,
  categoryCode: "kesehatan",
  groupCode: "umum",
  agencyType: "kabupaten",
  east: false,
  submittedAt: new Date(Date.UTC(2025, 3, 1) + day++ * 60_000).toISOString(),
  ...over,
});

// One criterion "total" on 0–100: a review's total is the score given.
const ONE = [criterion("total", 100)];
const review = (proposalId: string, judgeId: string, total: number, submitted = true): RankReview => ({ proposalId, judgeId, scores: { total }, submitted });

// The 2023 "umum" form's weighted sections, each scored 1–10 (presets.ts).
const FORM_2023 = [
  criterion("latar-belakang", 10, 1, 10),
  criterion("kebaruan", 15, 1, 10),
  criterion("implementasi", 5, 1, 10),
  criterion("signifikansi", 30, 1, 10),
  criterion("adaptabilitas", 20, 1, 10),
  criterion("sumber-daya", 5, 1, 10),
  criterion("keberlanjutan", 15, 1, 10),
];

function shuffle<T>(list: readonly T[], seed: number): T[] {
  const a = [...list];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe("weighted total", () => {
  it("maps each criterion's scale to 0–100 and weighs it (2023 form)", () => {
    const scores = { "latar-belakang": 8, kebaruan: 7, implementasi: 10, signifikansi: 6, adaptabilitas: 9, "sumber-daya": 1, keberlanjutan: 5 };
    // (10·7 + 15·6 + 5·9 + 30·5 + 20·8 + 5·0 + 15·4) / 9 = 575 / 9
    expect(weightedTotal(scores, FORM_2023)).toBeCloseTo(575 / 9, 10);
    const all = (v: number) => Object.fromEntries(FORM_2023.map((c) => [c.code, v]));
    expect(weightedTotal(all(1), FORM_2023)).toBe(0);
    expect(weightedTotal(all(10), FORM_2023)).toBeCloseTo(100, 10);
  });

  it("counts only submitted, complete, in-scale reviews, and says why the others were left out", () => {
    const r = scoreProposals({
      proposals: [proposal("a")],
      reviews: [review("a", "j1", 70), review("a", "j2", 10, false), { proposalId: "a", judgeId: "j3", scores: {}, submitted: true }, review("a", "j4", 101), review("x", "j5", 50)],
      criteria: ONE,
      scoring: scoring(),
    });
    expect(r.proposals[0].score).toBe(70);
    expect(r.proposals[0].reviews.map((v) => v.judgeId)).toEqual(["j1"]);
    expect(r.skipped.map((s) => [s.judgeId, s.reason])).toEqual([
      ["j2", "draft"],
      ["j3", "incomplete"],
      ["j4", "outOfRange"],
      ["j5", "unknownProposal"],
    ]);
    expect(() => weightedTotal({}, ONE)).toThrow(/incomplete/);
  });

  it("refuses a judge's second review of the same proposal", () => {
    expect(() => scoreProposals({ proposals: [proposal("a")], reviews: [review("a", "j1", 70), review("a", "j1", 60)], criteria: ONE, scoring: scoring() })).toThrow(/duplicate review/);
  });
});

describe("aggregate", () => {
  it("mean and median differ on a skewed set, and the median of an even count is the middle pair's mean", () => {
    expect(aggregate([90, 80, 20], "mean")).toBeCloseTo(190 / 3, 10);
    expect(aggregate([90, 80, 20], "median")).toBe(80);
    expect(aggregate([90, 20, 80, 40], "median")).toBe(60);
    expect(() => aggregate([], "mean")).toThrow();
  });

  it("the scoring setting picks the aggregate for proposals and criteria", () => {
    const input = { proposals: [proposal("a")], reviews: [review("a", "j1", 90), review("a", "j2", 80), review("a", "j3", 20)], criteria: ONE };
    expect(scoreProposals({ ...input, scoring: scoring({ aggregate: "mean" }) }).proposals[0].score).toBeCloseTo(190 / 3, 10);
    const median = scoreProposals({ ...input, scoring: scoring({ aggregate: "median" }) }).proposals[0];
    expect(median.score).toBe(80);
    expect(median.criterionScores.total).toBe(80);
  });
});

describe("normalisation", () => {
  // Two sets of four proposals of the same quality (60, 70, 80, 90). Judge A reviews all eight;
  // judge B the p's fairly; judge H the q's, 20 points lower each.
  const quality = [60, 70, 80, 90];
  const proposals = quality.flatMap((_, i) => [proposal(`p${i}`), proposal(`q${i}`)]);
  const reviews = quality.flatMap((q, i) => [review(`p${i}`, "A", q), review(`q${i}`, "A", q), review(`p${i}`, "B", q), review(`q${i}`, "H", q - 20)]);

  it("removes a harsh judge's offset, beside the raw score", () => {
    const r = scoreProposals({ proposals, reviews, criteria: ONE, scoring: scoring({ normalise: true }) });
    const by = new Map(r.proposals.map((p) => [p.proposal.id, p]));
    quality.forEach((_, i) => {
      const p = by.get(`p${i}`)!;
      const q = by.get(`q${i}`)!;
      expect(p.score! - q.score!).toBeCloseTo(10, 10);
      expect(q.normalisedScore!).toBeCloseTo(p.normalisedScore!, 9);
    });
    expect(r.judges.map((j) => [j.judgeId, j.normalisedBy])).toEqual([["A", "z"], ["B", "z"], ["H", "z"]]);
    // M + S·z: the overall mean and spread of all 16 totals.
    expect(r.overall.mean).toBeCloseTo(70, 10);
    const p3 = by.get("p3")!;
    const zA = (90 - 75) / Math.sqrt(125);
    expect(p3.reviews.find((v) => v.judgeId === "A")!.normalised).toBeCloseTo(r.overall.mean + r.overall.sd * zA, 9);
  });

  it("ranks the harsh judge's proposals level with the others only when asked", () => {
    // Raw: q3 (80) ties p2 (80) and loses on its lower review; q's trail their equal p's.
    const raw = rankStage({ proposals, reviews, criteria: ONE, scoring: scoring({ normalise: true }), advancement: advancement({ rule: "top", n: 4 }) });
    expect(raw.advancement.advancing).toEqual(["p3", "p2", "q3", "p1"]);
    expect(raw.ranked[1].aboveNextBy).toMatchObject({ above: "p2", below: "q3", by: "minReview" });
    // Normalised: p3 and q3 share the top score (then the raw criterion score decides).
    const norm = rankStage({ proposals, reviews, criteria: ONE, scoring: scoring(), advancement: advancement({ rule: "top", n: 2 }), basis: "normalised" });
    expect(norm.ranked[0].rankScore).toBeCloseTo(norm.ranked[1].rankScore!, 9);
    expect(norm.advancement.advancing.sort()).toEqual(["p3", "q3"]);
  });

  it("maps a zero-variance judge to the overall mean and leaves a one-review judge raw", () => {
    const r = scoreProposals({
      proposals: [proposal("a"), proposal("b"), proposal("c"), proposal("d")],
      reviews: [review("a", "flat", 90), review("b", "flat", 90), review("a", "z", 40), review("b", "z", 60), review("c", "z", 80), review("d", "once", 30)],
      criteria: ONE,
      scoring: scoring({ normalise: true }),
    });
    const mean = (90 + 90 + 40 + 60 + 80 + 30) / 6;
    expect(r.overall.mean).toBeCloseTo(mean, 10);
    expect(r.judges.map((j) => [j.judgeId, j.normalisedBy])).toEqual([["flat", "flat"], ["once", "tooFew"], ["z", "z"]]);
    const total = (id: string, judge: string) => r.proposals.find((p) => p.proposal.id === id)!.reviews.find((v) => v.judgeId === judge)!;
    expect(total("a", "flat").normalised).toBeCloseTo(mean, 10);
    expect(total("b", "flat").normalised).toBeCloseTo(mean, 10);
    expect(total("d", "once")).toMatchObject({ total: 30, normalised: 30, normalisedBy: "tooFew" });
    expect(r.proposals.every((p) => p.normalisedScore === null || Number.isFinite(p.normalisedScore))).toBe(true);
  });

  it("is absent when the setting is off", () => {
    const r = scoreProposals({ proposals, reviews, criteria: ONE, scoring: scoring() });
    expect(r.proposals.every((p) => p.normalisedScore === null && p.reviews.every((v) => v.normalised === null))).toBe(true);
  });
});

describe("disagreement", () => {
  const spreadOf = (low: number, high: number) =>
    scoreProposals({ proposals: [proposal("a")], reviews: [review("a", "j1", low), review("a", "j2", high)], criteria: ONE, scoring: scoring({ disagreementThreshold: 20 }) }).proposals[0];

  it("flags a spread beyond the threshold, not one equal to it", () => {
    expect(spreadOf(50, 70)).toMatchObject({ spread: 20, disagreement: false });
    expect(spreadOf(50, 70.5)).toMatchObject({ spread: 20.5, disagreement: true });
  });

  it("holds at the boundary when the totals are float sums (1–10 scale)", () => {
    // 70·2/9 = 15.56 and 30·3/9 + 70·2/9 = 25.56: a spread of 10 that floats make 10.000000000000002.
    const crit = [criterion("a", 30, 1, 10), criterion("b", 70, 1, 10)];
    const r = scoreProposals({
      proposals: [proposal("x")],
      reviews: [
        { proposalId: "x", judgeId: "j1", scores: { a: 1, b: 3 }, submitted: true },
        { proposalId: "x", judgeId: "j2", scores: { a: 4, b: 3 }, submitted: true },
      ],
      criteria: crit,
      scoring: scoring({ disagreementThreshold: 10 }),
    });
    expect(r.proposals[0].spread).toBeGreaterThan(10);
    expect(r.proposals[0].disagreement).toBe(false);
  });

  it("never flags a single review", () => {
    const r = scoreProposals({ proposals: [proposal("a")], reviews: [review("a", "j1", 10)], criteria: ONE, scoring: scoring({ disagreementThreshold: 0 }) });
    expect(r.proposals[0].disagreement).toBe(false);
  });
});

describe("ranking", () => {
  // Criteria weighted 50/30/20 on 0–100; `r` builds a review from three criterion scores.
  const CRIT = [criterion("c1", 50), criterion("c2", 30), criterion("c3", 20)];
  const r = (proposalId: string, judgeId: string, c1: number, c2: number, c3: number): RankReview => ({ proposalId, judgeId, scores: { c1, c2, c3 }, submitted: true });
  const at = (minute: number) => new Date(Date.UTC(2025, 3, 30, 0, minute)).toISOString();

  // Each pair differs first on one level, in TIE_BREAKS' order; every earlier level is equal.
  const proposals = [
    proposal("s-hi", { submittedAt: at(9) }),
    proposal("s-lo", { submittedAt: at(0) }),
    proposal("c1-hi", { submittedAt: at(9) }),
    proposal("c1-lo", { submittedAt: at(0) }),
    proposal("c2-hi", { submittedAt: at(9) }),
    proposal("c2-lo", { submittedAt: at(0) }),
    proposal("min-hi", { submittedAt: at(9) }),
    proposal("min-lo", { submittedAt: at(0) }),
    proposal("t-early", { submittedAt: at(1) }),
    proposal("t-late", { submittedAt: at(2) }),
    proposal("id-a", { submittedAt: at(3) }),
    proposal("id-b", { submittedAt: at(3) }),
    proposal("none", { submittedAt: at(0) }),
  ];
  const reviews = [
    // score: 90 against 88, though s-lo wins every later level.
    r("s-hi", "j1", 90, 90, 90),
    r("s-lo", "j1", 100, 80, 70),
    // criterion c1 (heaviest): both 74 = 50·.8 + 30·.6 + 20·.8 (c1-hi) = 50·.6 + 30·1 + 20·.7 (c1-lo)
    r("c1-hi", "j1", 80, 60, 80),
    r("c1-lo", "j1", 60, 100, 70),
    // criterion c2: c1 equal; 25+18+6 = 25+12+12 = 49
    r("c2-hi", "j1", 50, 60, 30),
    r("c2-lo", "j1", 50, 40, 60),
    // minReview: mean 70 and the same criterion means; 70/70 against 60/80
    r("min-hi", "j1", 70, 70, 70),
    r("min-hi", "j2", 70, 70, 70),
    r("min-lo", "j1", 60, 60, 60),
    r("min-lo", "j2", 80, 80, 80),
    // submittedAt, then id: identical reviews
    r("t-early", "j1", 40, 40, 40),
    r("t-late", "j1", 40, 40, 40),
    r("id-a", "j1", 30, 30, 30),
    r("id-b", "j1", 30, 30, 30),
  ];
  const rank = (ps = proposals, rs = reviews) => rankProposals(scoreProposals({ proposals: ps, reviews: rs, criteria: CRIT, scoring: scoring() }).proposals, CRIT);

  it("lists its levels in order", () => {
    expect(TIE_BREAKS.map((t) => t.by)).toEqual(["score", "criterion", "minReview", "submittedAt", "id"]);
  });

  it("decides each pair on its own level, an earlier level beating every later one", () => {
    const ranked = rank();
    const ids = ranked.map((p) => p.proposal.id);
    expect(ids).toEqual(["s-hi", "s-lo", "c1-hi", "c1-lo", "min-hi", "min-lo", "c2-hi", "c2-lo", "t-early", "t-late", "id-a", "id-b", "none"]);
    const why = (above: string) => ranked.find((p) => p.proposal.id === above)!.aboveNextBy;
    expect(why("s-hi")).toMatchObject({ above: "s-hi", below: "s-lo", by: "score", values: [90, 88] });
    expect(why("c1-hi")).toMatchObject({ by: "criterion", criterion: "c1", values: [80, 60] });
    expect(why("c2-hi")).toMatchObject({ by: "criterion", criterion: "c2", values: [60, 40] });
    expect(why("min-hi")).toMatchObject({ by: "minReview", values: [70, 60] });
    expect(why("t-early")).toMatchObject({ by: "submittedAt", values: [at(1), at(2)] });
    expect(why("id-a")).toMatchObject({ by: "id", values: ["id-a", "id-b"] });
    // The last scored one has nobody below it; an unscored proposal has no rank.
    expect(why("id-b")).toBeNull();
    expect(ranked.at(-1)).toMatchObject({ rank: null, rankScore: null, aboveNextBy: null });
    expect(ranked.slice(0, -1).map((p) => p.rank)).toEqual(ranked.slice(0, -1).map((_, i) => i + 1));
  });

  it("explains any pair, whichever comes first in the call", () => {
    const scores = scoreProposals({ proposals, reviews, criteria: CRIT, scoring: scoring() }).proposals;
    const get = (id: string) => scores.find((p) => p.proposal.id === id)!;
    expect(explainOrder(get("c1-lo"), get("c1-hi"), CRIT)).toMatchObject({ above: "c1-hi", below: "c1-lo", by: "criterion", criterion: "c1" });
    expect(explainOrder(get("s-lo"), get("min-hi"), CRIT)).toMatchObject({ above: "s-lo", by: "score" });
  });

  it("takes the criteria by weight, not by the order they are listed in", () => {
    const listed = [criterion("x", 40), criterion("y", 60)];
    // Both 64: a is higher on x (listed first), b on y (heavier).
    const s = scoreProposals({
      proposals: [proposal("a"), proposal("b")],
      reviews: [
        { proposalId: "a", judgeId: "j", scores: { x: 100, y: 40 }, submitted: true },
        { proposalId: "b", judgeId: "j", scores: { x: 40, y: 80 }, submitted: true },
      ],
      criteria: listed,
      scoring: scoring(),
    }).proposals;
    expect(rankProposals(s, listed)[0]).toMatchObject({ proposal: { id: "b" }, aboveNextBy: { by: "criterion", criterion: "y", values: [80, 40] } });
  });

  it("breaks equal weights by the criteria's listed order", () => {
    const even = [criterion("x", 50), criterion("y", 50)];
    const s = scoreProposals({
      proposals: [proposal("a"), proposal("b")],
      reviews: [
        { proposalId: "a", judgeId: "j", scores: { x: 40, y: 60 }, submitted: true },
        { proposalId: "b", judgeId: "j", scores: { x: 60, y: 40 }, submitted: true },
      ],
      criteria: even,
      scoring: scoring(),
    }).proposals;
    expect(rankProposals(s, even)[0]).toMatchObject({ proposal: { id: "b" }, aboveNextBy: { by: "criterion", criterion: "x" } });
  });

  it("gives the same ranking and decisions for shuffled input", () => {
    const expected = rank().map((p) => [p.proposal.id, p.rank, p.aboveNextBy?.by]);
    for (let seed = 1; seed <= 5; seed++) {
      expect(rank(shuffle(proposals, seed), shuffle(reviews, seed * 7)).map((p) => [p.proposal.id, p.rank, p.aboveNextBy?.by])).toEqual(expected);
    }
  });
});

describe("advancement", () => {
  // Proposals a0…a9 ranked by their single review total, 95 down to 50.
  const ranked = (over: (i: number) => Partial<RankProposal> = () => ({}), count = 10) => {
    const ps = Array.from({ length: count }, (_, i) => proposal(`a${i}`, over(i)));
    const rs = ps.map((p, i) => review(p.id, "j1", 95 - i * 5));
    return rankProposals(scoreProposals({ proposals: ps, reviews: rs, criteria: ONE, scoring: scoring() }).proposals, ONE);
  };
  const reasons = (r: ReturnType<typeof proposeAdvancement>) => Object.fromEntries(r.decisions.map((d) => [d.id, d.reason]));

  it("all: everyone goes on, unscored too", () => {
    const unscored = rankProposals(scoreProposals({ proposals: [proposal("u")], reviews: [], criteria: ONE, scoring: scoring() }).proposals, ONE);
    const r = proposeAdvancement([...ranked(), ...unscored], advancement({ rule: "all" }));
    expect(r.advancing).toHaveLength(11);
    expect(new Set(r.decisions.map((d) => d.reason))).toEqual(new Set(["all"]));
  });

  it("top n overall, and never an unscored proposal", () => {
    const ps = [proposal("a"), proposal("b"), proposal("c")];
    const list = rankProposals(scoreProposals({ proposals: ps, reviews: [review("a", "j", 60), review("b", "j", 70)], criteria: ONE, scoring: scoring() }).proposals, ONE);
    const r = proposeAdvancement(list, advancement({ rule: "top", n: 3 }));
    expect(r.advancing).toEqual(["b", "a"]);
    expect(reasons(r)).toEqual({ b: "rank", a: "rank", c: "unscored" });
  });

  it("top n per category and per group", () => {
    const list = ranked((i) => ({ categoryCode: i < 3 ? "kesehatan" : "pendidikan", groupCode: i % 2 ? "umum" : "replikasi" }));
    const byCategory = proposeAdvancement(list, advancement({ rule: "top", n: 2, scope: "category" }));
    expect(byCategory.advancing).toEqual(["a0", "a1", "a3", "a4"]);
    expect(reasons(byCategory).a2).toBe("below");
    const byGroup = proposeAdvancement(list, advancement({ rule: "top", n: 1, scope: "group" }));
    expect(byGroup.advancing).toEqual(["a0", "a1"]);
  });

  it("passing: a score equal to the grade passes", () => {
    const r = proposeAdvancement(ranked(), advancement({ rule: "passing", minScore: 75 }));
    expect(r.advancing).toEqual(["a0", "a1", "a2", "a3", "a4"]);
    expect(reasons(r)).toMatchObject({ a4: "passing", a5: "below" });
  });

  it("east share: the best eastern proposal replaces the lowest-ranked western one", () => {
    // a0 east; a6 and a8 east; top 4 with at least 50% east needs 2.
    const r = proposeAdvancement(ranked((i) => ({ east: [0, 6, 8].includes(i) })), advancement({ rule: "top", n: 4, minEastShare: 50 }));
    expect(r.advancing).toEqual(["a0", "a1", "a2", "a6"]);
    expect(r.decisions.find((d) => d.id === "a6")).toMatchObject({ advance: true, reason: "eastShare", share: "east", replaces: "a3" });
    expect(r.decisions.find((d) => d.id === "a3")).toMatchObject({ advance: false, reason: "displaced", share: "east", displacedBy: "a6" });
    expect(reasons(r)).toMatchObject({ a0: "rank", a4: "below", a8: "below" });
    expect(r.shares).toEqual([{ share: "east", percent: 50, required: 2, before: 1, after: 2, met: true }]);
  });

  it("type share: swaps within the category when the rule is per category", () => {
    // Even ranks are kesehatan, odd pendidikan; two each go on (a0, a2; a1, a3). a4 (kesehatan)
    // is the only city; at least 25% cities needs 1 of 4. It takes a2's place, not a3's: a3 is
    // lower overall but pendidikan would then send one.
    const list = ranked((i) => ({ agencyType: i === 4 ? "kota" : "kabupaten", categoryCode: i % 2 ? "pendidikan" : "kesehatan" }));
    const r = proposeAdvancement(list, advancement({ rule: "top", n: 2, scope: "category", minTypeShares: [{ agencyType: "kota", share: 25 }] }));
    expect(r.advancing).toEqual(["a0", "a1", "a3", "a4"]);
    expect(r.decisions.find((d) => d.id === "a4")).toMatchObject({ reason: "typeShare", share: "kota", replaces: "a2" });
    expect(r.decisions.find((d) => d.id === "a2")).toMatchObject({ reason: "displaced", share: "kota", displacedBy: "a4" });
  });

  it("a type share never undoes the east share", () => {
    // Top 4, at least 25% east (1) and 50% provinces (2). a3, the lowest going on, is the only
    // eastern one; a5, a6 and a7 are provinces.
    const list = ranked((i) => ({ east: i === 3, agencyType: [5, 6, 7].includes(i) ? "provinsi" : "kabupaten" }));
    const r = proposeAdvancement(list, advancement({ rule: "top", n: 4, minEastShare: 25, minTypeShares: [{ agencyType: "provinsi", share: 50 }] }));
    // a5 passes over a3 (the east share would fall short) and takes a2's place; a6 passes over
    // a5 (a province) and a3, and takes a1's.
    expect(r.advancing).toEqual(["a0", "a3", "a5", "a6"]);
    expect(r.decisions.find((d) => d.id === "a5")).toMatchObject({ reason: "typeShare", replaces: "a2" });
    expect(r.decisions.find((d) => d.id === "a6")).toMatchObject({ reason: "typeShare", replaces: "a1" });
    expect(r.decisions.find((d) => d.id === "a1")).toMatchObject({ reason: "displaced", share: "provinsi", displacedBy: "a6" });
    expect(r.shares.map((s) => [s.share, s.required, s.before, s.after, s.met])).toEqual([
      ["east", 1, 1, 1, true],
      ["provinsi", 2, 0, 2, true],
    ]);
  });

  it("a later share may take out one swapped in earlier when a better one fills both", () => {
    // Top 4, at least 25% east and 25% cities. a5 is east and goes in for a3; a6 is east and a
    // city, so it fills both and takes the place of a5, the lowest going on.
    const list = ranked((i) => ({ east: i === 5 || i === 6, agencyType: i === 6 ? "kota" : "kabupaten" }));
    const r = proposeAdvancement(list, advancement({ rule: "top", n: 4, minEastShare: 25, minTypeShares: [{ agencyType: "kota", share: 25 }] }));
    expect(r.advancing).toEqual(["a0", "a1", "a2", "a6"]);
    expect(r.decisions.find((d) => d.id === "a6")).toMatchObject({ reason: "typeShare", share: "kota", replaces: "a5" });
    expect(reasons(r)).toMatchObject({ a3: "displaced", a5: "displaced" });
    expect(r.shares.every((s) => s.met && s.after === 1)).toBe(true);
  });

  it("reports a share it cannot fill, and the passing grade is a floor no swap crosses", () => {
    const list = ranked((i) => ({ east: i === 8 }));
    const top = proposeAdvancement(list, advancement({ rule: "top", n: 4, minEastShare: 50 }));
    expect(top.shares[0]).toMatchObject({ required: 2, before: 0, after: 1, met: false });
    expect(top.decisions.find((d) => d.id === "a8")).toMatchObject({ reason: "eastShare", replaces: "a3" });
    const passing = proposeAdvancement(list, advancement({ rule: "passing", minScore: 80, minEastShare: 50 }));
    expect(passing.advancing).toEqual(["a0", "a1", "a2", "a3"]);
    expect(passing.shares[0]).toMatchObject({ required: 2, after: 0, met: false });
  });

  it("rounds a share up: at least 30% of 4 is 2", () => {
    const r = proposeAdvancement(ranked((i) => ({ east: i > 5 })), advancement({ rule: "top", n: 4, minEastShare: 30 }));
    expect(r.shares[0]).toMatchObject({ required: 2, after: 2 });
    expect(r.advancing).toEqual(["a0", "a1", "a6", "a7"]);
  });

  it("gives the same decisions for shuffled input", () => {
    const ps = Array.from({ length: 40 }, (_, i) => proposal(`p${String(i).padStart(2, "0")}`, { east: i % 5 === 0, agencyType: i % 3 ? "kabupaten" : "kota", categoryCode: `c${i % 3}` }));
    const rs = ps.flatMap((p, i) => ["j1", "j2", "j3"].map((j, k) => review(p.id, j, (i * 37 + k * 11) % 60 + 20)));
    const rule = advancement({ rule: "top", n: 4, scope: "category", minEastShare: 40, minTypeShares: [{ agencyType: "kota", share: 40 }] });
    const run = (a: RankProposal[], b: RankReview[]) => rankStage({ proposals: a, reviews: b, criteria: ONE, scoring: scoring({ normalise: true }), advancement: rule }).advancement;
    const expected = run(ps, rs);
    expect(expected.decisions.some((d) => d.reason === "displaced")).toBe(true);
    for (let seed = 1; seed <= 5; seed++) expect(run(shuffle(ps, seed), shuffle(rs, seed + 100))).toEqual(expected);
  });
});
