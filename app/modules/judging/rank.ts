// Judges' scores to proposal scores, a ranking and a proposal of who goes on (capability 6).
//
// Pure and dependency-free: a use case loads a stage's proposals and submitted reviews, calls
// `rankStage`, shows the result to the panel and stores what the plenary decides. Nothing here
// reads the database or the clock, and every sum runs in a canonical order (proposals by id,
// reviews by judge), so the same data always give the same figures and the same ranking,
// whatever order the rows arrive in.
//
// The steps: rank-score.ts (review totals, normalisation, aggregation), rank-order.ts (the
// ranking and its tie-breaks), rank-advance.ts (who goes on); this file runs them for a stage.
import { proposeAdvancement, type Advancement, type AdvancementResult } from "./rank-advance";
import { rankProposals, type RankedProposal, type ScoreBasis } from "./rank-order";
import { scoreProposals, type ScoreInput, type ScoreResult } from "./rank-score";

export { proposeAdvancement } from "./rank-advance";
export type {
  AdvanceReason, AdvancementDecision, AdvancementResult, ShareKey, ShareReport, StayReason,
} from "./rank-advance";
export { explainOrder, rankProposals, TIE_BREAKS } from "./rank-order";
export type { OrderReason, RankedProposal, ScoreBasis, TieBreak } from "./rank-order";
export { aggregate, scoreProposals, weightedTotal } from "./rank-score";
export type {
  JudgeStats, NormalisedBy, ProposalScore, RankProposal, RankReview, ReviewTotal, ScoreInput, ScoreResult,
  SkippedReview, SkipReason,
} from "./rank-score";

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
