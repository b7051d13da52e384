// From judges' reviews to proposal scores: each review's weighted total, the per-judge
// normalisation and the aggregate per proposal. The first step of the ranking (rank.ts); the
// comparison helpers at the top are shared with the ordering and the advancement rules so that
// every step rounds and orders the same way.
import type { Criterion, Scoring } from "~/modules/competitions/config";
import type { AgencyType } from "~/modules/innovations/vocab";

// Scores are sums of fractions: compare them to a millionth of a point, so that float noise
// (79.99999999999999 against 80) never decides a rank, a threshold or a passing grade.
export const key = (x: number) => Math.round(x * 1e6);

export const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface RankProposal {
  id: string;
  categoryCode: string;
  groupCode: string;
  agencyType: AgencyType;
  /** From eastern Indonesia (the WITA and WIT zones): counts towards `minEastShare`. */
  east: boolean;
  /** When the proposal was submitted (an ISO instant): a late tie-break. */
  submittedAt: string;
}

export interface RankReview {
  proposalId: string;
  judgeId: string;
  /** Criterion code → the judge's score on that criterion's own scale. */
  scores: Readonly<Record<string, number>>;
  submitted: boolean;
}

export type SkipReason = "draft" | "incomplete" | "outOfRange" | "unknownProposal";
export interface SkippedReview { proposalId: string; judgeId: string; reason: SkipReason; criterion?: string }

/**
 * How a review's normalised total was found: "z" the judge's z-score rescaled; "flat" the judge
 * gave every proposal the same total, so all map to the overall mean; "tooFew" the judge has one
 * review, which cannot tell their leniency from the proposal's quality, so it is left as given.
 */
export type NormalisedBy = "z" | "flat" | "tooFew";
export interface ReviewTotal { judgeId: string; total: number; normalised: number | null; normalisedBy: NormalisedBy | null }
export interface JudgeStats { judgeId: string; reviews: number; mean: number; sd: number; normalisedBy: NormalisedBy }

export interface ProposalScore {
  proposal: RankProposal;
  /** Complete reviews only, by judge id. */
  reviews: ReviewTotal[];
  /** Mean or median of the review totals (0–100); null without a complete review. */
  score: number | null;
  /** The same aggregate of the normalised totals, when normalisation is on. */
  normalisedScore: number | null;
  /** Criterion code → the aggregate of the reviews' scores on it, mapped to 0–100. */
  criterionScores: Record<string, number>;
  minReview: number | null;
  maxReview: number | null;
  spread: number | null;
  disagreement: boolean;
}

export interface ScoreResult {
  proposals: ProposalScore[];
  judges: JudgeStats[];
  skipped: SkippedReview[];
  overall: { reviews: number; mean: number; sd: number };
}

export function aggregate(values: readonly number[], how: Scoring["aggregate"]): number {
  if (!values.length) throw new RangeError("aggregate of no values");
  if (how === "mean") {
    let sum = 0;
    for (const v of values) sum += v;
    return sum / values.length;
  }
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

type Scaled = { total: number; parts: number[] } | { skip: SkipReason; criterion?: string };

// Each criterion's score maps linearly from its scale to 0–100 and counts by its weight (%); the
// configuration makes a stage's weights sum to 100, so the total is on 0–100 too. A judge who
// left a criterion empty or off its scale has not finished the review: it does not count.
function scale(scores: Readonly<Record<string, number>>, criteria: readonly Criterion[]): Scaled {
  let total = 0;
  const parts: number[] = new Array(criteria.length);
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i];
    const s = scores[c.code];
    if (typeof s !== "number" || !Number.isFinite(s)) return { skip: "incomplete", criterion: c.code };
    if (s < c.scaleMin || s > c.scaleMax) return { skip: "outOfRange", criterion: c.code };
    const range = c.scaleMax - c.scaleMin;
    parts[i] = ((s - c.scaleMin) * 100) / range;
    total += ((s - c.scaleMin) * c.weight) / range;
  }
  return { total, parts };
}

/** One review's weighted total on 0–100; throws when a criterion is missing or off its scale. */
export function weightedTotal(scores: Readonly<Record<string, number>>, criteria: readonly Criterion[]): number {
  const r = scale(scores, criteria);
  if ("skip" in r) throw new RangeError(`${r.skip}: ${r.criterion}`);
  return r.total;
}

function meanSd(values: readonly number[]): { mean: number; sd: number } {
  if (!values.length) return { mean: 0, sd: 0 };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) * (v - mean);
  return { mean, sd: Math.sqrt(sq / values.length) };
}

export interface ScoreInput {
  proposals: readonly RankProposal[];
  reviews: readonly RankReview[];
  criteria: readonly Criterion[];
  scoring: Scoring;
}

/**
 * Every proposal's score from its complete reviews, with per-judge normalisation when
 * `scoring.normalise` is on. The normalised total of a review by judge j is
 *
 *   M + S · (t − m_j) / s_j
 *
 * where t is the review's total, m_j and s_j the mean and (population) standard deviation of
 * judge j's totals over every proposal they reviewed in the stage, and M and S the mean and
 * standard deviation of all complete review totals in the stage. It removes a judge's leniency
 * (offset) and their habit of using a narrow or wide part of the scale (spread), on the
 * assumption that each judge's share of proposals is a fair draw. It is shown beside the raw
 * score and may fall a little outside 0–100; it is not clamped, which would create false ties.
 */
export function scoreProposals({ proposals, reviews, criteria, scoring }: ScoreInput): ScoreResult {
  for (const c of criteria) if (!(c.scaleMax > c.scaleMin)) throw new RangeError(`scale of criterion ${c.code}`);
  const sorted = [...proposals].sort((a, b) => byString(a.id, b.id));
  const index = new Map<string, number>();
  sorted.forEach((p, i) => {
    if (index.has(p.id)) throw new RangeError(`duplicate proposal ${p.id}`);
    if (Number.isNaN(Date.parse(p.submittedAt))) throw new RangeError(`submittedAt of ${p.id}`);
    index.set(p.id, i);
  });

  const byProposal: Done[][] = sorted.map(() => []);
  const skipped: SkippedReview[] = [];
  for (const r of reviews) {
    const i = index.get(r.proposalId);
    const s: Scaled = !r.submitted ? { skip: "draft" } : i === undefined ? { skip: "unknownProposal" } : scale(r.scores, criteria);
    if ("skip" in s) skipped.push({ proposalId: r.proposalId, judgeId: r.judgeId, reason: s.skip, ...(s.criterion ? { criterion: s.criterion } : {}) });
    else byProposal[i!].push({ judgeId: r.judgeId, total: s.total, parts: s.parts, normalised: null, normalisedBy: null });
  }
  skipped.sort((a, b) => byString(a.proposalId, b.proposalId) || byString(a.judgeId, b.judgeId) || byString(a.reason, b.reason));

  // Canonical order: proposals by id, then their reviews by judge id.
  const perJudge = new Map<string, Done[]>();
  const all: number[] = [];
  for (let i = 0; i < byProposal.length; i++) {
    const list = byProposal[i].sort((a, b) => byString(a.judgeId, b.judgeId));
    for (let k = 1; k < list.length; k++) {
      // One judge, one review of a proposal: a second would count their opinion twice.
      if (list[k].judgeId === list[k - 1].judgeId) throw new RangeError(`duplicate review of ${sorted[i].id} by ${list[k].judgeId}`);
    }
    for (const d of list) {
      all.push(d.total);
      const mine = perJudge.get(d.judgeId);
      if (mine) mine.push(d);
      else perJudge.set(d.judgeId, [d]);
    }
  }
  const overall = { reviews: all.length, ...meanSd(all) };

  const judges: JudgeStats[] = [];
  for (const judgeId of [...perJudge.keys()].sort(byString)) {
    const mine = perJudge.get(judgeId)!;
    const { mean, sd } = meanSd(mine.map((d) => d.total));
    const normalisedBy: NormalisedBy = mine.length < 2 ? "tooFew" : key(sd) === 0 ? "flat" : "z";
    judges.push({ judgeId, reviews: mine.length, mean, sd, normalisedBy });
    if (!scoring.normalise) continue;
    for (const d of mine) {
      d.normalisedBy = normalisedBy;
      // A flat judge told us nothing about how their proposals differ: each is "average" for them,
      // which is the overall mean. A single review cannot be corrected at all: it stays raw.
      d.normalised = normalisedBy === "z" ? overall.mean + (overall.sd * (d.total - mean)) / sd : normalisedBy === "flat" ? overall.mean : d.total;
    }
  }

  const result = sorted.map((proposal, i) => summarise(proposal, byProposal[i], criteria, scoring));
  return { proposals: result, judges, skipped, overall };
}

type Done = { judgeId: string; total: number; parts: number[]; normalised: number | null; normalisedBy: NormalisedBy | null };

// One proposal's figures from its complete reviews. Plain loops: it runs for every proposal.
function summarise(proposal: RankProposal, list: Done[], criteria: readonly Criterion[], scoring: Scoring): ProposalScore {
  const criterionScores: Record<string, number> = {};
  if (!list.length) return { proposal, reviews: [], score: null, normalisedScore: null, criterionScores, minReview: null, maxReview: null, spread: null, disagreement: false };
  const values: number[] = new Array(list.length);
  for (let k = 0; k < criteria.length; k++) {
    for (let r = 0; r < list.length; r++) values[r] = list[r].parts[k];
    criterionScores[criteria[k].code] = aggregate(values, scoring.aggregate);
  }
  let minReview = Infinity;
  let maxReview = -Infinity;
  const reviews: ReviewTotal[] = new Array(list.length);
  for (let r = 0; r < list.length; r++) {
    const { judgeId, total, normalised, normalisedBy } = list[r];
    reviews[r] = { judgeId, total, normalised, normalisedBy };
    values[r] = total;
    if (total < minReview) minReview = total;
    if (total > maxReview) maxReview = total;
  }
  const score = aggregate(values, scoring.aggregate);
  let normalisedScore: number | null = null;
  if (scoring.normalise) {
    for (let r = 0; r < list.length; r++) values[r] = list[r].normalised!;
    normalisedScore = aggregate(values, scoring.aggregate);
  }
  const spread = maxReview - minReview;
  // "Beyond" the threshold: a spread of exactly the threshold is still agreement.
  const disagreement = list.length > 1 && key(spread) > key(scoring.disagreementThreshold);
  return { proposal, reviews, score, normalisedScore, criterionScores, minReview, maxReview, spread, disagreement };
}
