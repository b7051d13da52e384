import { describe, expect, it } from "vitest";
import { createRng } from "~/modules/demo/prng";
import {
  assignJudges,
  conflictsOf,
  isConflicted,
  type AssignJudgesInput,
  type AssignJudgesResult,
  type AssignmentPair,
  type JudgeForAssignment,
  type ProposalForAssignment,
} from "./assign";

// The demo's seeded generator (mulberry32), so every run sees the same input.
const prng = (seed: number) => createRng(seed).next;

const judge = (id: string, over: Partial<JudgeForAssignment> = {}): JudgeForAssignment => ({
  id,
  expertise: [],
  agencyId: `univ-${id}`,
  provinceCode: null,
  regencyCode: null,
  regionalGovernment: false,
  ...over,
});
const proposal = (id: string, over: Partial<ProposalForAssignment> = {}): ProposalForAssignment => ({
  id,
  agencyId: `agency-${id}`,
  provinceCode: null,
  regencyCode: null,
  categories: [],
  ...over,
});

/** Independent check of the result against the input, through conflictsOf (not the fast path). */
function violations(input: AssignJudgesInput, result: AssignJudgesResult): string[] {
  const out: string[] = [];
  const declared = new Set((input.conflicts ?? []).map((c) => `${c.proposalId}/${c.judgeId}`));
  const judges = new Map(input.judges.map((j) => [j.id, j]));
  const byProposal = new Map<string, string[]>();
  for (const { proposalId, judgeId } of result.pairs) {
    const p = input.proposals.find((x) => x.id === proposalId)!;
    const j = judges.get(judgeId)!;
    const why = conflictsOf(j, p, declared.has(`${proposalId}/${judgeId}`));
    if (why.length) out.push(`${proposalId}/${judgeId} conflicted: ${why.join(",")}`);
    byProposal.set(proposalId, [...(byProposal.get(proposalId) ?? []), judgeId]);
  }
  const missing = new Map(result.unstaffed.map((u) => [u.proposalId, u.missing]));
  for (const p of input.proposals) {
    const js = byProposal.get(p.id) ?? [];
    if (new Set(js).size !== js.length) out.push(`${p.id} has a judge twice`);
    if (js.length + (missing.get(p.id) ?? 0) !== input.judgesPerProposal) out.push(`${p.id} has ${js.length} judges`);
  }
  for (const j of input.judges) {
    const load = result.pairs.filter((x) => x.judgeId === j.id).length;
    if (result.loads.get(j.id) !== load) out.push(`${j.id} load misreported`);
    if (j.capacity !== undefined && load > j.capacity) out.push(`${j.id} over capacity`);
  }
  return out;
}

const spread = (r: AssignJudgesResult) => Math.max(...r.loads.values()) - Math.min(...r.loads.values());
const matches = (input: AssignJudgesInput, pairs: readonly AssignmentPair[]) =>
  pairs.filter(({ proposalId, judgeId }) => {
    const p = input.proposals.find((x) => x.id === proposalId)!;
    const j = input.judges.find((x) => x.id === judgeId)!;
    return p.categories.some((c) => j.expertise.includes(c));
  }).length;

/** A random instance with every kind of conflict; regions from 3 provinces with 2 regencies each. */
function randomInput(seed: number, P: number, J: number, k: number): AssignJudgesInput {
  const rand = prng(seed);
  const int = (n: number) => Math.floor(rand() * n);
  const region = () => {
    const prov = String(31 + int(3));
    return rand() < 0.4 ? { provinceCode: prov, regencyCode: null } : { provinceCode: null, regencyCode: `${prov}.0${1 + int(2)}` };
  };
  const cats = ["a", "b", "c"];
  const judges = Array.from({ length: J }, (_, i) =>
    judge(`j${i}`, { agencyId: `ag${int(P + 2)}`, expertise: [cats[int(3)]], regionalGovernment: rand() < 0.4, ...region() }),
  );
  const proposals = Array.from({ length: P }, (_, i) =>
    proposal(`p${i}`, {
      agencyId: `ag${int(P + 2)}`,
      categories: [cats[int(3)]],
      involvedJudgeIds: rand() < 0.15 ? [`j${int(J)}`] : undefined,
      ...(rand() < 0.2 ? { provinceCode: null, regencyCode: null } : region()),
    }),
  );
  const conflicts = Array.from({ length: int(3) }, () => ({ proposalId: `p${int(P)}`, judgeId: `j${int(J)}` }));
  return { proposals, judges, judgesPerProposal: k, conflicts };
}

function subsets(items: number[], k: number): number[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items;
  return [...subsets(rest, k - 1).map((s) => [first, ...s]), ...subsets(rest, k)];
}

/** Exhaustive optimum: smallest spread, then (among spread ≤ 1) fewest new pairs, most matches. */
function bruteForce(input: AssignJudgesInput) {
  const { proposals, judges, judgesPerProposal: k } = input;
  const declared = new Set((input.conflicts ?? []).map((c) => `${c.proposalId}/${c.judgeId}`));
  const prev = new Set((input.previous ?? []).map((c) => `${c.proposalId}/${c.judgeId}`));
  const options = proposals.map((p) =>
    subsets(
      judges.map((_, i) => i).filter((i) => !isConflicted(judges[i], p, declared.has(`${p.id}/${judges[i].id}`))),
      k,
    ),
  );
  if (options.some((o) => o.length === 0)) return null;
  let bestSpread = Infinity;
  let bestKey: [number, number] = [Infinity, Infinity];
  const loads = new Array<number>(judges.length).fill(0);
  const walk = (p: number, isNew: number, misses: number) => {
    if (p === proposals.length) {
      const s = Math.max(...loads) - Math.min(...loads);
      bestSpread = Math.min(bestSpread, s);
      if (s <= 1 && (isNew < bestKey[0] || (isNew === bestKey[0] && misses < bestKey[1]))) bestKey = [isNew, misses];
      return;
    }
    for (const set of options[p]) {
      let n = 0;
      let m = 0;
      for (const j of set) {
        loads[j]++;
        if (!prev.has(`${proposals[p].id}/${judges[j].id}`)) n++;
        if (!proposals[p].categories.some((c) => judges[j].expertise.includes(c))) m++;
      }
      walk(p + 1, isNew + n, misses + m);
      for (const j of set) loads[j]--;
    }
  };
  walk(0, 0, 0);
  return { spread: bestSpread, moved: bestKey[0], misses: bestKey[1] };
}

describe("conflictsOf", () => {
  it("flags the judge's own agency", () => {
    expect(conflictsOf(judge("j", { agencyId: "kab-semarang" }), proposal("p", { agencyId: "kab-semarang" }))).toEqual(["own-agency"]);
    expect(conflictsOf(judge("j", { agencyId: null }), proposal("p", { agencyId: "kab-semarang" }))).toEqual([]);
  });

  it("flags a regional-government judge's province, its regencies and cities", () => {
    const provincial = judge("j", { regionalGovernment: true, provinceCode: "33" });
    const regency = judge("k", { regionalGovernment: true, regencyCode: "33.02" });
    for (const j of [provincial, regency]) {
      expect(conflictsOf(j, proposal("p", { provinceCode: "33" }))).toEqual(["same-province"]);
      expect(conflictsOf(j, proposal("p", { regencyCode: "33.10" }))).toEqual(["same-province"]);
      expect(conflictsOf(j, proposal("p", { regencyCode: "34.02" }))).toEqual([]);
      expect(conflictsOf(j, proposal("p"))).toEqual([]); // a national agency has no province
    }
  });

  it("does not apply the province rule to judges outside regional government", () => {
    const academic = judge("j", { regionalGovernment: false, provinceCode: "33", regencyCode: "33.02" });
    expect(conflictsOf(academic, proposal("p", { regencyCode: "33.02" }))).toEqual([]);
  });

  it("flags earlier involvement and declared conflicts", () => {
    expect(conflictsOf(judge("j"), proposal("p", { involvedJudgeIds: ["j"] }))).toEqual(["earlier-involvement"]);
    expect(conflictsOf(judge("j"), proposal("p", { involvedJudgeIds: ["x"] }))).toEqual([]);
    expect(isConflicted(judge("j"), proposal("p"), true)).toBe(true);
    expect(isConflicted(judge("j"), proposal("p"))).toBe(false);
  });
});

describe("assignJudges", () => {
  it("never assigns a conflicted pair, for each kind of conflict", () => {
    const judges = [
      judge("own", { agencyId: "kab-33.02" }),
      judge("prov", { regionalGovernment: true, provinceCode: "33", agencyId: "prov-33" }),
      judge("regency", { regionalGovernment: true, regencyCode: "33.05", agencyId: "kab-33.05" }),
      judge("coach"),
      judge("declared"),
      judge("free1"),
      judge("free2"),
    ];
    const target = proposal("p", { agencyId: "kab-33.02", regencyCode: "33.02", involvedJudgeIds: ["coach"] });
    const input = { proposals: [target], judges, judgesPerProposal: 2, conflicts: [{ proposalId: "p", judgeId: "declared" }] };
    const result = assignJudges(input);
    expect(result.pairs.map((x) => x.judgeId)).toEqual(["free1", "free2"]);
    // Asking for more than the two free judges reports the shortfall with its reasons.
    const wider = assignJudges({ ...input, judgesPerProposal: 3 });
    expect(wider.pairs.map((x) => x.judgeId)).toEqual(["free1", "free2"]);
    expect(wider.unstaffed).toEqual([expect.objectContaining({ proposalId: "p", missing: 1, reason: "too-few-eligible-judges" })]);
    expect(wider.unstaffed[0].detail).toMatch(/own-agency 1, same-province 2, earlier-involvement 1, declared 1/);
  });

  it("gives every proposal k distinct judges, balanced within one, on random instances", () => {
    for (let seed = 1; seed <= 30; seed++) {
      const input = randomInput(seed, 60, 12, 3);
      const result = assignJudges(input);
      expect(violations(input, result)).toEqual([]);
      expect(result.unstaffed).toEqual([]);
      expect(spread(result)).toBeLessThanOrEqual(1);
      expect(result.balanced).toBe(true);
    }
  });

  it("balances 1,000 proposals over 60 judges to max − min ≤ 1 with no conflicted pair", () => {
    const input = randomInput(7, 1000, 60, 3);
    const result = assignJudges(input);
    expect(violations(input, result)).toEqual([]);
    expect(result.unstaffed).toEqual([]);
    expect(spread(result)).toBeLessThanOrEqual(1);
    expect(result.balanced).toBe(true);
    expect(result.targetLoad).toEqual({ floor: 50, ceil: 50 });
  });

  it("matches an exhaustive search: balance first, then fewest moves, then expertise", () => {
    let compared = 0;
    for (let seed = 100; seed < 160; seed++) {
      const input = randomInput(seed, 5, 4, 2);
      // Half of the cases re-run from a random previous assignment.
      if (seed % 2) {
        const rand = prng(seed);
        input.previous = input.proposals.flatMap((p) =>
          input.judges
            .filter(() => rand() < 0.5)
            .slice(0, 2)
            .map((j) => ({ proposalId: p.id, judgeId: j.id })),
        );
      }
      const expected = bruteForce(input);
      if (!expected) continue;
      const result = assignJudges(input);
      expect(violations(input, result)).toEqual([]);
      expect(spread(result)).toBe(expected.spread);
      if (expected.spread > 1) continue;
      const prev = new Set((input.previous ?? []).map((x) => `${x.proposalId}/${x.judgeId}`));
      expect(result.pairs.filter((x) => !prev.has(`${x.proposalId}/${x.judgeId}`)).length).toBe(expected.moved);
      expect(result.pairs.length - matches(input, result.pairs)).toBe(expected.misses);
      compared++;
    }
    expect(compared).toBeGreaterThan(30);
  });

  it("prefers expertise when balance allows it, and balance over expertise otherwise", () => {
    const judges = [judge("health", { expertise: ["kesehatan"] }), judge("school", { expertise: ["pendidikan"] })];
    const mixed = assignJudges({
      proposals: [proposal("clinic", { categories: ["kesehatan"] }), proposal("class", { categories: ["pendidikan"] })],
      judges,
      judgesPerProposal: 1,
    });
    expect(mixed.pairs).toEqual([
      { proposalId: "clinic", judgeId: "health" },
      { proposalId: "class", judgeId: "school" },
    ]);
    const allHealth = assignJudges({
      proposals: [proposal("clinic", { categories: ["kesehatan"] }), proposal("midwife", { categories: ["kesehatan"] })],
      judges,
      judgesPerProposal: 1,
    });
    expect([...allHealth.loads.values()]).toEqual([1, 1]);
  });

  it("re-runs after a recusal with a single move when one suffices", () => {
    // 5 proposals × 2 over 3 judges: loads 4, 3, 3. The judge with 4 recuses from one proposal;
    // handing it to a judge with 3 keeps the balance and moves one pair.
    const judges = ["a", "b", "c"].map((id) => judge(id));
    const proposals = ["p1", "p2", "p3", "p4", "p5"].map((id) => proposal(id));
    const first = assignJudges({ proposals, judges, judgesPerProposal: 2 });
    const [heavy] = [...first.loads].find(([, load]) => load === 4)!;
    const recused = first.pairs.find((x) => x.judgeId === heavy && first.pairs.filter((y) => y.proposalId === x.proposalId).length === 2)!;
    const rerun = assignJudges({ proposals, judges, judgesPerProposal: 2, conflicts: [recused], previous: first.pairs });
    expect(rerun.moved).toBe(1);
    expect(rerun.pairs).not.toContainEqual(recused);
    expect(rerun.pairs.filter((x) => first.pairs.some((y) => y.proposalId === x.proposalId && y.judgeId === x.judgeId))).toHaveLength(9);
    expect(spread(rerun)).toBeLessThanOrEqual(1);
  });

  it("re-runs after a recusal with two moves when balance needs them", () => {
    // 6 proposals × 2 over 4 judges: every judge carries exactly 3. The recusing judge drops to 2,
    // so besides the replacement one proposal must come back to them: two moves, not more.
    const judges = ["a", "b", "c", "d"].map((id) => judge(id));
    const proposals = ["p1", "p2", "p3", "p4", "p5", "p6"].map((id) => proposal(id));
    const first = assignJudges({ proposals, judges, judgesPerProposal: 2 });
    const recused = first.pairs[0];
    const input = { proposals, judges, judgesPerProposal: 2, conflicts: [recused], previous: first.pairs };
    const rerun = assignJudges(input);
    expect(rerun.moved).toBe(2);
    expect(bruteForce(input)?.moved).toBe(2);
    expect(spread(rerun)).toBe(0);
    expect(violations(input, rerun)).toEqual([]);
  });

  it("reports proposals it cannot staff, without throwing", () => {
    const judges = [judge("a", { capacity: 2 }), judge("b", { capacity: 1 }), judge("c", { capacity: 0 })];
    const proposals = ["p1", "p2", "p3"].map((id) => proposal(id));
    const input = { proposals, judges, judgesPerProposal: 2 };
    const result = assignJudges(input);
    expect(result.pairs).toHaveLength(3); // all the capacity there is
    expect(violations(input, result)).toEqual([]);
    expect(result.unstaffed.reduce((s, u) => s + u.missing, 0)).toBe(3);
    expect(result.unstaffed.every((u) => u.reason === "judges-at-capacity")).toBe(true);

    const none = assignJudges({ proposals, judges: [], judgesPerProposal: 2 });
    expect(none.pairs).toEqual([]);
    expect(none.unstaffed.map((u) => [u.proposalId, u.missing, u.reason])).toEqual([
      ["p1", 2, "too-few-eligible-judges"],
      ["p2", 2, "too-few-eligible-judges"],
      ["p3", 2, "too-few-eligible-judges"],
    ]);
    expect(assignJudges({ proposals: [], judges, judgesPerProposal: 3 }).pairs).toEqual([]);
  });

  it("keeps within capacities and balances the other judges", () => {
    const judges = [judge("small", { capacity: 1 }), judge("x"), judge("y"), judge("z")];
    const proposals = Array.from({ length: 7 }, (_, i) => proposal(`p${i}`));
    const result = assignJudges({ proposals, judges, judgesPerProposal: 2 });
    expect(result.unstaffed).toEqual([]);
    expect([...result.loads.values()].sort()).toEqual([1, 4, 4, 5]);
    expect(result.balanced).toBe(true);
  });

  it("lets a judge held back by conflicts carry what they can, the others sharing evenly", () => {
    // Judge "local" is a Central Java official: 8 of the 10 proposals come from Central Java.
    const judges = [judge("local", { regionalGovernment: true, provinceCode: "33" }), judge("x"), judge("y")];
    const proposals = Array.from({ length: 10 }, (_, i) => proposal(`p${i}`, { regencyCode: i < 8 ? `33.0${i + 1}` : "34.01" }));
    const input = { proposals, judges, judgesPerProposal: 2 };
    const result = assignJudges(input);
    expect(violations(input, result)).toEqual([]);
    expect([...result.loads.values()]).toEqual([2, 9, 9]);
    expect(result.balanced).toBe(true);
  });

  it("notes duplicate ids and unknown pairs instead of failing", () => {
    const result = assignJudges({
      proposals: [proposal("p"), proposal("p")],
      judges: [judge("a")],
      judgesPerProposal: 1,
      conflicts: [{ proposalId: "ghost", judgeId: "a" }],
    });
    expect(result.pairs).toEqual([{ proposalId: "p", judgeId: "a" }]);
    expect(result.notes).toHaveLength(2);
    expect(() => assignJudges({ proposals: [], judges: [], judgesPerProposal: -1 })).toThrow(RangeError);
  });

  it("is deterministic and leaves its input untouched", () => {
    const input = randomInput(42, 200, 20, 3);
    const copy = structuredClone(input);
    const a = assignJudges(input);
    const b = assignJudges(input);
    expect(b).toEqual(a);
    expect(input).toEqual(copy);
  });
});
