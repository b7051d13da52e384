// The automatic conflicts of interest of judge assignment: who must never judge what, from the
// agencies and regions on both sides. Apart from the solver (assign.ts) because they are domain
// rules read on their own: the assignment views and the invariant checker explain a conflict
// with the same reasons the solver avoids.

export interface ProposalForAssignment {
  id: string;
  agencyId: string;
  /** Province code ("33"); null for a national agency. */
  provinceCode: string | null;
  /** Regency or city code ("33.02", in province "33"); null above regency level. */
  regencyCode: string | null;
  /** Category or sector codes of the proposal. */
  categories: readonly string[];
  /** Judges involved earlier with this innovation (coached it, assessed it at a regional stage). */
  involvedJudgeIds?: readonly string[];
}

export interface JudgeForAssignment {
  id: string;
  /** Most proposals this judge accepts; unlimited when absent. */
  capacity?: number;
  /** Sector codes the judge knows well. */
  expertise: readonly string[];
  agencyId: string | null;
  provinceCode: string | null;
  regencyCode: string | null;
  /** Works for a provincial, regency or city government. */
  regionalGovernment: boolean;
}

export type ConflictReason = "own-agency" | "same-province" | "earlier-involvement" | "declared";

/** "33.02" → "33"; "33" → "33". Regency codes extend their province's code (Kemendagri numbering). */
export const provinceOf = (regionCode: string) => regionCode.split(".")[0];

export const proposalProvince = (p: ProposalForAssignment) =>
  p.provinceCode ? provinceOf(p.provinceCode) : p.regencyCode ? provinceOf(p.regencyCode) : null;

export function judgeProvince(j: JudgeForAssignment): string | null {
  // Only regional-government judges carry a regional interest: an academic living in Semarang
  // has no stake in Central Java's results, a Central Java official does.
  if (!j.regionalGovernment) return null;
  return j.provinceCode ? provinceOf(j.provinceCode) : j.regencyCode ? provinceOf(j.regencyCode) : null;
}

/**
 * Every reason why `judge` must not judge `proposal`; empty when there is none.
 * `declared` says whether the pair is among the declared or confirmed conflicts.
 */
export function conflictsOf(judge: JudgeForAssignment, proposal: ProposalForAssignment, declared = false): ConflictReason[] {
  const reasons: ConflictReason[] = [];
  // Own agency: the agency's ranking and awards reflect on its staff (an institutional conflict,
  // as HotCRP's "institution" conflict type).
  if (judge.agencyId !== null && judge.agencyId === proposal.agencyId) reasons.push("own-agency");
  // Regional government: the province coordinates and supervises its regencies and cities (the
  // governor acts for the central government over them, Law 23/2014), shares budgets and careers
  // with them and competes in the provincial standings, so a regional official judges no proposal
  // from their own province, whether from the province itself or from any regency or city in it.
  const home = judgeProvince(judge);
  if (home !== null && home === proposalProvince(proposal)) reasons.push("same-province");
  // Earlier involvement: a judge who coached or already assessed the innovation has a view formed
  // outside this evaluation.
  if (proposal.involvedJudgeIds?.includes(judge.id)) reasons.push("earlier-involvement");
  if (declared) reasons.push("declared");
  return reasons;
}

export const isConflicted = (judge: JudgeForAssignment, proposal: ProposalForAssignment, declared = false) =>
  conflictsOf(judge, proposal, declared).length > 0;
