// Scores, normalisation, ranking and advancement at national scale: `npx tsx bench/rank.ts`.
//
// Generates a stage of 5,000 proposals, each with 3 submitted reviews on the 2023 form's criteria
// plus one (8 in all, on a 1–10 scale), from a seeded PRNG so every run sees the same data. Judges
// differ in leniency, so normalisation has work to do. Runs a warm-up, then times whole
// rankStage calls (aggregate + normalise + rank + advance) and prints p50 and max.
// Target (issue, capability 6): under 200 ms on the 2-core machine. Pure computation: no network,
// no files, a bounded number of runs.
import type { Criterion, Stage } from "../app/modules/competitions/config";
import { rankStage, type RankProposal, type RankReview } from "../app/modules/judging/rank";
import { ms, percentile, table } from "./lib/stats";
import { createRng } from "../app/modules/demo/prng";

const PROPOSALS = 5_000;
const REVIEWS_PER_PROPOSAL = 3;
const JUDGES = 60;
const WARMUP = 5;
const RUNS = 30;

// The demo's seeded generator (mulberry32), so every run sees the same input.
const prng = (seed: number) => createRng(seed).next;

const criterion = (code: string, weight: number): Criterion => ({ code, name: code, description: "", weight, scaleMin: 1, scaleMax: 10, rubric: [] });
// The 2023 form's seven weighted sections, with replication potential split off so there are 8.
const criteria = [
  criterion("latar-belakang", 10),
  criterion("kebaruan", 15),
  criterion("implementasi", 5),
  criterion("signifikansi", 30),
  criterion("adaptabilitas", 10),
  criterion("potensi-replikasi", 10),
  criterion("sumber-daya", 5),
  criterion("keberlanjutan", 15),
];
const AGENCY_TYPES = ["kementerian", "lembaga", "provinsi", "kabupaten", "kabupaten", "kabupaten", "kota", "kota", "bumn", "bumd"] as const;
const CATEGORIES = ["kesehatan", "pendidikan", "ekonomi", "pangan", "sosial", "tata-kelola", "bencana", "kemiskinan", "pemberdayaan", "lingkungan"];

function generate(seed: number): { proposals: RankProposal[]; reviews: RankReview[] } {
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const leniency = Array.from({ length: JUDGES }, () => (rand() - 0.5) * 2);
  const proposals: RankProposal[] = [];
  const reviews: RankReview[] = [];
  const start = Date.UTC(2025, 1, 1);
  for (let i = 0; i < PROPOSALS; i++) {
    const id = `p${String(i).padStart(5, "0")}`;
    proposals.push({
      id,
      categoryCode: pick(CATEGORIES),
      groupCode: rand() < 0.8 ? "umum" : "replikasi",
      agencyType: pick(AGENCY_TYPES),
      east: rand() < 0.2,
      submittedAt: new Date(start + Math.floor(rand() * 88 * 86_400_000)).toISOString(),
    });
    const quality = 3 + rand() * 6;
    const first = Math.floor(rand() * JUDGES);
    for (let k = 0; k < REVIEWS_PER_PROPOSAL; k++) {
      const judge = (first + k * 17) % JUDGES;
      const scores: Record<string, number> = {};
      for (const c of criteria) scores[c.code] = Math.min(10, Math.max(1, Math.round(quality + leniency[judge] + (rand() - 0.5) * 2)));
      reviews.push({ proposalId: id, judgeId: `j${judge}`, scores, submitted: true });
    }
  }
  return { proposals, reviews };
}

const { proposals, reviews } = generate(20_250_430);
const scoring = { aggregate: "mean" as const, normalise: true, disagreementThreshold: 20, revealAfterSubmit: true };
const cases: { name: string; advancement: Stage["advancement"] }[] = [
  { name: "top 150 overall, east 30%, kota 20%", advancement: { rule: "top", n: 150, scope: "overall", minEastShare: 30, minTypeShares: [{ agencyType: "kota", share: 20 }] } },
  { name: "top 10 per category, east 30%", advancement: { rule: "top", n: 10, scope: "category", minEastShare: 30, minTypeShares: [] } },
  { name: "passing 60", advancement: { rule: "passing", minScore: 60, scope: "overall", minTypeShares: [] } },
];

console.log(`rankStage: ${PROPOSALS} proposals × ${REVIEWS_PER_PROPOSAL} reviews × ${criteria.length} criteria, ${JUDGES} judges, normalise on; ${WARMUP} warm-up + ${RUNS} timed runs each\n`);
const rows: string[][] = [];
for (const c of cases) {
  const run = () => rankStage({ proposals, reviews, criteria, scoring, advancement: c.advancement });
  for (let i = 0; i < WARMUP; i++) run();
  const samples: number[] = [];
  let result = run();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = run();
    samples.push(performance.now() - t0);
  }
  const a = result.advancement;
  const swaps = a.decisions.filter((d) => d.reason === "eastShare" || d.reason === "typeShare").length;
  const shares = a.shares.map((s) => `${s.share} ${s.after}/${s.required}${s.met ? "" : " short"}`).join(", ") || "–";
  const flagged = result.ranked.filter((p) => p.disagreement).length;
  rows.push([c.name, ms(percentile(samples, 50)), ms(Math.max(...samples)), String(a.advancing.length), String(swaps), shares, String(flagged)]);
}
console.log(table(["advancement", "p50 ms", "max ms", "advancing", "swaps", "shares (after/required)", "disagreements"], rows));
