// Judges' scores to proposal scores, a ranking and a proposal of who goes on (capability 6).
//
// Pure and dependency-free: a use case loads a stage's proposals and submitted reviews, calls
// `rankStage`, shows the result to the panel and stores what the plenary decides. Nothing here
// reads the database or the clock, and every sum runs in a canonical order (proposals by id,
// reviews by judge), so the same data always give the same figures and the same ranking,
// whatever order the rows arrive in.
import type { Criterion, Scoring, Stage } from "~/modules/competitions/config";
import type { AgencyType } from "~/modules/innovations/vocab";

type Advancement = Stage["advancement"];
export type ScoreBasis = "raw" | "normalised";

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

// Scores are sums of fractions: compare them to a millionth of a point, so that float noise
// (79.99999999999999 against 80) never decides a rank, a threshold or a passing grade.
const key = (x: number) => Math.round(x * 1e6);

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

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

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

/**
 * The ranking order, highest level first. Each level only decides when all above it are equal.
 * - score: the stage's score (raw, or normalised when the panel asks for it).
 * - criterion: the criteria by weight, heaviest first (listed order among equal weights; weight 0
 *   never decides): the competition's own statement of what matters most breaks the tie.
 * - minReview: the higher lowest review total: a proposal no judge rated poorly is the safer
 *   choice than one that averages a high and a low (fewer, smaller disagreements).
 * - submittedAt: the earlier submission; a fact about the proposal, not an artefact of storage.
 * - id: a last resort that is arbitrary but stable, so the order is total and reproducible.
 * When ranking by the normalised score, the later levels still use the raw criterion scores and
 * reviews: they only order proposals whose scores are equal, and raw figures are what judges gave.
 */
export const TIE_BREAKS = [
  { by: "score", description: "Higher proposal score" },
  { by: "criterion", description: "Higher score on the criteria in order of weight, heaviest first" },
  { by: "minReview", description: "Higher lowest review total (no judge rated it poorly)" },
  { by: "submittedAt", description: "Submitted earlier" },
  { by: "id", description: "Lower proposal id (arbitrary but stable)" },
] as const;
export type TieBreak = (typeof TIE_BREAKS)[number]["by"];

/** Why `above` ranks above `below`: the first level where they differ, and their values on it. */
export interface OrderReason { above: string; below: string; by: TieBreak; criterion?: string; values: [number | string, number | string] }

export interface RankedProposal extends ProposalScore {
  /** 1 for the best; null when the proposal has no complete review yet. */
  rank: number | null;
  /** The score the ranking used (raw or normalised). */
  rankScore: number | null;
  /** Why this proposal is above the next ranked one. */
  aboveNextBy: OrderReason | null;
}

interface Keyed { p: ProposalScore; score: number | null; k: number; crit: number[]; min: number; at: number }

const weightOrder = (criteria: readonly Criterion[]) =>
  criteria.map((c, i) => ({ c, i })).filter((x) => x.c.weight > 0).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i).map((x) => x.c);

function critKeys(p: ProposalScore, order: readonly Criterion[]): number[] {
  const out: number[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) out[i] = key(p.criterionScores[order[i].code] ?? -1);
  return out;
}

function keyed(p: ProposalScore, order: readonly Criterion[], basis: ScoreBasis): Keyed {
  const score = basis === "normalised" ? p.normalisedScore : p.score;
  return {
    p,
    score,
    k: score === null ? -Infinity : key(score),
    crit: critKeys(p, order),
    min: p.minReview === null ? -Infinity : key(p.minReview),
    at: Date.parse(p.proposal.submittedAt),
  };
}

// The one comparison behind both the sort and its explanation, without allocating (the sort
// calls it ~60,000 times at national scale). Levels: 0 score, 1…m the criteria by weight,
// m+1 lowest review, m+2 submission time, m+3 id.
function level(a: Keyed, b: Keyed): number {
  if (a.k !== b.k) return 0;
  const m = a.crit.length;
  for (let i = 0; i < m; i++) if (a.crit[i] !== b.crit[i]) return i + 1;
  return a.min !== b.min ? m + 1 : a.at !== b.at ? m + 2 : m + 3;
}

// Negative when a is above b at that level: higher values first, but earlier time and lower id.
function sign(a: Keyed, b: Keyed, at: number): number {
  const m = a.crit.length;
  if (at === 0) return b.k - a.k;
  if (at <= m) return b.crit[at - 1] - a.crit[at - 1];
  if (at === m + 1) return b.min - a.min;
  if (at === m + 2) return a.at - b.at;
  return byString(a.p.proposal.id, b.p.proposal.id);
}

const compare = (a: Keyed, b: Keyed) => sign(a, b, level(a, b));

function reason(a: Keyed, b: Keyed, order: readonly Criterion[]): OrderReason {
  const at = level(a, b);
  const [hi, lo] = sign(a, b, at) <= 0 ? [a, b] : [b, a];
  const above = hi.p.proposal.id;
  const below = lo.p.proposal.id;
  const m = order.length;
  if (at === 0) return { above, below, by: "score", values: [hi.score!, lo.score!] };
  if (at <= m) {
    const criterion = order[at - 1].code;
    return { above, below, by: "criterion", criterion, values: [hi.p.criterionScores[criterion], lo.p.criterionScores[criterion]] };
  }
  if (at === m + 1) return { above, below, by: "minReview", values: [hi.p.minReview!, lo.p.minReview!] };
  if (at === m + 2) return { above, below, by: "submittedAt", values: [hi.p.proposal.submittedAt, lo.p.proposal.submittedAt] };
  return { above, below, by: "id", values: [above, below] };
}

/** Why one proposal ranks above the other, on the levels of `TIE_BREAKS`. */
export function explainOrder(a: ProposalScore, b: ProposalScore, criteria: readonly Criterion[], basis: ScoreBasis = "raw"): OrderReason {
  const order = weightOrder(criteria);
  return reason(keyed(a, order, basis), keyed(b, order, basis), order);
}

/** Scored proposals in rank order (see `TIE_BREAKS`), then those without a complete review. */
export function rankProposals(scores: readonly ProposalScore[], criteria: readonly Criterion[], basis: ScoreBasis = "raw"): RankedProposal[] {
  const order = weightOrder(criteria);
  const list = scores.map((p) => keyed(p, order, basis));
  if (basis === "normalised" && list.some((x) => x.p.score !== null && x.score === null)) throw new RangeError("normalised scores were not computed");
  list.sort(compare);
  const scored = list.filter((x) => x.score !== null).length;
  // Fields listed rather than spread: a spread of 5,000 objects costs more than the sort.
  return list.map(({ p, score }, i) => ({
    proposal: p.proposal,
    reviews: p.reviews,
    score: p.score,
    normalisedScore: p.normalisedScore,
    criterionScores: p.criterionScores,
    minReview: p.minReview,
    maxReview: p.maxReview,
    spread: p.spread,
    disagreement: p.disagreement,
    rank: i < scored ? i + 1 : null,
    rankScore: score,
    aboveNextBy: i + 1 < scored ? reason(list[i], list[i + 1], order) : null,
  }));
}

export type AdvanceReason = "all" | "rank" | "passing" | "eastShare" | "typeShare";
export type StayReason = "below" | "displaced" | "unscored";
export type ShareKey = "east" | AgencyType;

export interface AdvancementDecision {
  id: string;
  rank: number | null;
  advance: boolean;
  reason: AdvanceReason | StayReason;
  /** eastShare, typeShare, displaced: the share that caused the swap. */
  share?: ShareKey;
  /** eastShare, typeShare: the proposal it took the place of. */
  replaces?: string;
  /** displaced: the proposal that took its place. */
  displacedBy?: string;
}

/** A minimum share: `required` of those going on (rounded up), counted before and after swaps. */
export interface ShareReport { share: ShareKey; percent: number; required: number; before: number; after: number; met: boolean }
export interface AdvancementResult { decisions: AdvancementDecision[]; advancing: string[]; shares: ShareReport[] }

/**
 * Who goes on, from a ranking (`rankProposals`' output, in rank order) and a stage's rule:
 * - all: everyone goes on (the stage screens, it does not select); shares are only reported.
 * - top: the first n ranked, overall or per category or group; unscored proposals never.
 * - passing: every proposal whose ranking score reaches minScore (inclusive).
 * Then the minimum shares, the east share first and the agency types in listed order. While a
 * share is short, the best-ranked proposal that counts for it and is not going on is swapped in
 * for the lowest-ranked one going on that does not count for it, within the same category or
 * group when the rule is per category or group (so each still sends n), and never one whose
 * leaving would put another share under its minimum (so a later share cannot undo an earlier
 * one; a share's count only grows while it is fixed, so the loop ends). The passing grade is a
 * floor no swap crosses: a share that only a failing proposal could fill stays short and is
 * reported so (the plenary decides that, not arithmetic).
 */
export function proposeAdvancement(ranked: readonly RankedProposal[], advancement: Advancement): AdvancementResult {
  const { rule, scope } = advancement;
  const n = ranked.length;
  const decisions: AdvancementDecision[] = ranked.map((r) => ({ id: r.proposal.id, rank: r.rank, advance: false, reason: "below" }));
  const isScored = ranked.map((r) => r.rankScore !== null);
  const scored = (i: number) => isScored[i];
  const buckets = ranked.map((r) => (scope === "category" ? r.proposal.categoryCode : scope === "group" ? r.proposal.groupCode : ""));
  const set = (i: number, advance: boolean, reason: AdvancementDecision["reason"]) => {
    decisions[i].advance = advance;
    decisions[i].reason = reason;
  };

  let eligible = scored;
  if (rule === "all") for (let i = 0; i < n; i++) set(i, true, "all");
  else if (rule === "top") {
    if (!advancement.n) throw new RangeError("advancement rule 'top' needs n");
    const taken = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      if (!scored(i)) continue;
      const b = buckets[i];
      const t = taken.get(b) ?? 0;
      if (t < advancement.n) set(i, true, "rank");
      taken.set(b, t + 1);
    }
  } else {
    if (advancement.minScore === undefined) throw new RangeError("advancement rule 'passing' needs minScore");
    const floor = key(advancement.minScore);
    eligible = (i) => scored(i) && key(ranked[i].rankScore!) >= floor;
    for (let i = 0; i < n; i++) if (eligible(i)) set(i, true, "passing");
  }
  for (let i = 0; i < n; i++) if (!scored(i) && !decisions[i].advance) decisions[i].reason = "unscored";

  const shares = [
    ...(advancement.minEastShare ? [{ share: "east" as ShareKey, percent: advancement.minEastShare, counts: (i: number) => ranked[i].proposal.east }] : []),
    ...advancement.minTypeShares.filter((t) => t.share > 0).map((t) => ({ share: t.agencyType as ShareKey, percent: t.share, counts: (i: number) => ranked[i].proposal.agencyType === t.agencyType })),
  ];
  const going = decisions.filter((d) => d.advance).length;
  const state = shares.map((s) => {
    let count = 0;
    for (let i = 0; i < n; i++) if (decisions[i].advance && s.counts(i)) count++;
    // Rounded up: "at least 30%" of 10 going on is 3, of 11 it is 4.
    return { ...s, required: Math.ceil((s.percent * going) / 100 - 1e-9), before: count, count };
  });
  if (rule !== "all") {
    for (const s of state) {
      for (let i = 0; i < n && s.count < s.required; i++) {
        if (decisions[i].advance || !eligible(i) || !s.counts(i)) continue;
        let out = -1;
        for (let j = n - 1; j >= 0 && out < 0; j--) {
          if (!decisions[j].advance || s.counts(j) || buckets[j] !== buckets[i]) continue;
          if (state.every((o) => o === s || !o.counts(j) || o.counts(i) || o.count - 1 >= o.required)) out = j;
        }
        if (out < 0) continue;
        for (const o of state) o.count += (o.counts(i) ? 1 : 0) - (o.counts(out) ? 1 : 0);
        const why = s.share === "east" ? "eastShare" : "typeShare";
        // A proposal displaced for one share may come back for another, and one swapped in may
        // leave again if a better-ranked one fills the same shares.
        const { id, rank } = decisions[i];
        decisions[i] = { id, rank, advance: true, reason: why, share: s.share, replaces: decisions[out].id };
        decisions[out] = { id: decisions[out].id, rank: decisions[out].rank, advance: false, reason: "displaced", share: s.share, displacedBy: id };
      }
    }
  }

  return {
    decisions,
    advancing: decisions.filter((d) => d.advance).map((d) => d.id),
    shares: state.map((s) => ({ share: s.share, percent: s.percent, required: s.required, before: s.before, after: s.count, met: s.count >= s.required })),
  };
}

export interface StageRankInput extends ScoreInput {
  advancement: Advancement;
  /** Rank by the normalised score instead of the raw one (the panel's explicit choice). */
  basis?: ScoreBasis;
}
export interface StageRanking extends Omit<ScoreResult, "proposals"> { ranked: RankedProposal[]; advancement: AdvancementResult }

/** A stage's scores, ranking and advancement proposal in one call. */
export function rankStage(input: StageRankInput): StageRanking {
  const basis = input.basis ?? "raw";
  const scoring = basis === "normalised" ? { ...input.scoring, normalise: true } : input.scoring;
  const { proposals, ...rest } = scoreProposals({ ...input, scoring });
  const ranked = rankProposals(proposals, input.criteria, basis);
  return { ...rest, ranked, advancement: proposeAdvancement(ranked, input.advancement) };
}
