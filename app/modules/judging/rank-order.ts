// The ranking order of scored proposals and why each stands above the next: the tie-break
// levels in one list (TIE_BREAKS) and one comparison behind both the sort and its explanation,
// so the order the panel sees and the reason it is given cannot disagree.
import type { Criterion } from "~/modules/competitions/config";
import { byString, key, type ProposalScore } from "./rank-score";

export type ScoreBasis = "raw" | "normalised";

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
