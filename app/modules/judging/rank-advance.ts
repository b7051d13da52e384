// Who goes on to the next stage, from a ranking and the stage's advancement rule, with the
// minimum shares (eastern Indonesia, agency types) applied as reasoned swaps. A proposal to the
// plenary, which decides; every swap names the share that caused it and whom it displaced.
import type { Stage } from "~/modules/competitions/config";
import type { AgencyType } from "~/modules/innovations/vocab";
import type { RankedProposal } from "./rank-order";
import { key } from "./rank-score";

export type Advancement = Stage["advancement"];

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
