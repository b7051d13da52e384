// Judge assignment at the programme's scale: 5,000 proposals × 3 judges over 150 judges, with
// realistic conflicts, then a re-run after 10 recusals. Deterministic input, no network:
//   npx tsx bench/assign.ts [proposals] [judges] [k]
import {
  assignJudges,
  isConflicted,
  type AssignJudgesResult,
  type AssignmentPair,
  type JudgeForAssignment,
  type ProposalForAssignment,
} from "../app/modules/judging/assign";
import { ms, percentile, table } from "./lib/stats";
import { createRng } from "../app/modules/demo/prng";

const [P = 5000, J = 150, K = 3] = process.argv.slice(2).map(Number);
const RUNS = 5;

// The demo's seeded generator (mulberry32), so every run sees the same input.
const prng = (seed: number) => createRng(seed).next;
const rand = prng(20250704);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]) => xs[int(xs.length)];

// 38 provinces (Kemendagri codes) with 5–22 regencies and cities each (about 500 in all).
const PROVINCES = "11 12 13 14 15 16 17 18 19 21 31 32 33 34 35 36 51 52 53 61 62 63 64 65 71 72 73 74 75 76 81 82 91 92 93 94 95 96".split(
  " ",
);
const regencies = new Map(
  PROVINCES.map((p) => [p, Array.from({ length: 5 + int(18) }, (_, i) => `${p}.${String(i + 1).padStart(2, "0")}`)]),
);
const CATEGORIES = [
  "kesehatan",
  "ekonomi",
  "pangan",
  "inklusi",
  "tata-kelola",
  "bencana",
  "pendidikan",
  "kemiskinan",
  "pemberdayaan",
  "lingkungan",
];

// ~500 proposing agencies: every provincial government, ~430 regencies and cities, 30 ministries.
type Agency = { id: string; provinceCode: string | null; regencyCode: string | null; weight: number };
const agencies: Agency[] = [];
for (const p of PROVINCES) agencies.push({ id: `prov-${p}`, provinceCode: p, regencyCode: null, weight: 0 });
const allRegencies = [...regencies.values()].flat();
for (const r of allRegencies) if (rand() < 0.85) agencies.push({ id: `kab-${r}`, provinceCode: null, regencyCode: r, weight: 0 });
for (let i = 0; i < 30; i++) agencies.push({ id: `kementerian-${i}`, provinceCode: null, regencyCode: null, weight: 0 });
let total = 0;
for (const a of agencies) a.weight = total += 0.2 + rand() ** 3 * 5; // a few agencies submit many
const drawAgency = () => {
  const x = rand() * total;
  let lo = 0;
  for (let hi = agencies.length - 1; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if (agencies[mid].weight < x) lo = mid + 1;
    else hi = mid;
  }
  return agencies[lo];
};

// 150 judges from ~150 agencies: 40% regional officials (their government often proposes too),
// the rest academics and ministry officials (some ministries propose as well).
const judges: JudgeForAssignment[] = [];
const regional = agencies.filter((a) => a.provinceCode || a.regencyCode);
for (let i = 0; i < J; i++) {
  const expertise = [...new Set(Array.from({ length: 1 + int(2) }, () => pick(CATEGORIES)))];
  const kind = i < J * 0.4 ? "regional" : rand() < 0.6 ? "academic" : "ministry";
  const a = kind === "regional" ? pick(regional) : null;
  const home = a ?? { provinceCode: pick(PROVINCES), regencyCode: null };
  judges.push({
    id: `judge-${i}`,
    expertise,
    agencyId: a ? a.id : kind === "academic" ? `universitas-${i}` : `kementerian-${int(40)}`,
    provinceCode: home.provinceCode,
    regencyCode: home.regencyCode,
    regionalGovernment: kind === "regional",
  });
}

const proposals: ProposalForAssignment[] = Array.from({ length: P }, (_, i) => {
  const a = drawAgency();
  return {
    id: `proposal-${i}`,
    agencyId: a.id,
    provinceCode: a.provinceCode,
    regencyCode: a.regencyCode,
    categories: [CATEGORIES[Math.floor(rand() ** 2 * CATEGORIES.length)]], // health and economy lead
    involvedJudgeIds: rand() < 0.03 ? [pick(judges).id] : undefined,
  };
});
const conflicts: AssignmentPair[] = Array.from({ length: 200 }, () => ({ proposalId: pick(proposals).id, judgeId: pick(judges).id }));

function time(run: () => AssignJudgesResult) {
  run(); // warm-up
  const samples: number[] = [];
  let result = run();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = run();
    samples.push(performance.now() - t0);
  }
  return { result, p50: percentile(samples, 50), max: Math.max(...samples) };
}

function figures(result: AssignJudgesResult, declared: readonly AssignmentPair[]) {
  const declaredKeys = new Set(declared.map((c) => `${c.proposalId} ${c.judgeId}`));
  const pById = new Map(proposals.map((p) => [p.id, p]));
  const jById = new Map(judges.map((j) => [j.id, j]));
  let conflicted = 0;
  let matched = 0;
  for (const { proposalId, judgeId } of result.pairs) {
    const p = pById.get(proposalId)!;
    const j = jById.get(judgeId)!;
    if (isConflicted(j, p, declaredKeys.has(`${proposalId} ${judgeId}`))) conflicted++;
    if (p.categories.some((c) => j.expertise.includes(c))) matched++;
  }
  const loads = [...result.loads.values()];
  return {
    spread: Math.max(...loads) - Math.min(...loads),
    conflicted,
    match: `${((100 * matched) / result.pairs.length).toFixed(1)}%`,
  };
}

const eligible = proposals.reduce((s, p) => s + judges.filter((j) => !isConflicted(j, p)).length, 0) / P;
console.log(
  `${P} proposals × ${K} judges over ${J} judges; ${agencies.length} proposing agencies; ${eligible.toFixed(1)} conflict-free judges per proposal on average`,
);

const first = time(() => assignJudges({ proposals, judges, judgesPerProposal: K, conflicts }));
const f1 = figures(first.result, conflicts);

// Ten judges recuse themselves from one of their proposals each; the re-run keeps the rest.
const picked = new Set<number>();
while (picked.size < Math.min(10, first.result.pairs.length)) picked.add(int(first.result.pairs.length));
const recusals = [...picked].map((i) => first.result.pairs[i]);
const conflicts2 = [...conflicts, ...recusals];
const rerun = time(() => assignJudges({ proposals, judges, judgesPerProposal: K, conflicts: conflicts2, previous: first.result.pairs }));
const f2 = figures(rerun.result, conflicts2);

console.log(
  table(
    ["run", "p50 ms", "max ms", "pairs", "unstaffed", "max−min load", "conflicted pairs", "expertise match", "pairs moved"],
    [
      [
        "first assignment",
        ms(first.p50),
        ms(first.max),
        String(first.result.pairs.length),
        String(first.result.unstaffed.length),
        String(f1.spread),
        String(f1.conflicted),
        f1.match,
        "–",
      ],
      [
        "re-run, 10 recusals",
        ms(rerun.p50),
        ms(rerun.max),
        String(rerun.result.pairs.length),
        String(rerun.result.unstaffed.length),
        String(f2.spread),
        String(f2.conflicted),
        f2.match,
        String(rerun.result.moved),
      ],
    ],
  ),
);
