// What is checked when a proposal is submitted (the head of agency endorses it). Each problem
// is a message key with its values, shown to the applicant as the reason it cannot go yet.
import type { CompetitionConfig } from "~/modules/competitions/config";
import { isStageOpen, registrationStage } from "~/modules/competitions/config-values";
import { attachmentsFor, sectionsFor } from "./form-shape";
import { countWords } from "./words";

export type Problem = { key: string; vars?: Record<string, string | number> };

export type SubmitFacts = {
  config: CompetitionConfig;
  now: Date;
  groupCode: string;
  categoryCode: string;
  sections: Record<string, string>;
  /** Slots (section or attachment codes) holding at least one file. */
  filledSlots: Set<string>;
  links: Record<string, string>;
  declarations: string[];
  sourceInnovationIds: number[];
  innovation: { startedOn: string | null; state: string };
  agencyType: string;
  /** The agency's proposals already submitted in this edition, by group. */
  submittedByGroup: Record<string, number>;
  /** Tier codes the innovation earned in earlier editions' published results, one per award. */
  earlierTiers: string[];
  /** Whether the innovation may enter its group: always in open groups, by invitation in "khusus". */
  invited: boolean;
};

/** Months between two calendar dates (whole months, the day of month respected). */
export function monthsBetween(from: string, to: Date): number {
  const [y, m, d] = from.split("-").map(Number);
  let months = (to.getUTCFullYear() - y) * 12 + (to.getUTCMonth() + 1 - m);
  if (to.getUTCDate() < d) months -= 1;
  return months;
}

export function submitProblems(f: SubmitFacts): Problem[] {
  const problems: Problem[] = [];
  const { config } = f;
  const registration = registrationStage(config);
  // The deadline is one instant, enforced here to the second (stageEnd: the end of its second).
  if (!registration || !isStageOpen(registration, f.now)) problems.push({ key: "proposals.problems.closed" });

  const group = config.groups.find((g) => g.code === f.groupCode);
  if (!group) problems.push({ key: "proposals.problems.group" });
  if (!config.categories.some((c) => c.code === f.categoryCode)) problems.push({ key: "proposals.problems.category" });

  for (const s of sectionsFor(config, f.groupCode)) {
    const words = countWords(f.sections[s.code] ?? "");
    if (words === 0) problems.push({ key: "proposals.problems.sectionEmpty", vars: { section: s.title } });
    else if (words > s.wordLimit) problems.push({ key: "proposals.problems.sectionTooLong", vars: { section: s.title, words, limit: s.wordLimit } });
    if (s.evidenceRequired && !f.filledSlots.has(s.code)) problems.push({ key: "proposals.problems.evidence", vars: { section: s.title } });
  }
  for (const a of attachmentsFor(config, f.groupCode)) {
    if (!a.required) continue;
    // A declaration is a box the applicant ticks, not a document to attach: say so.
    if (a.kind === "declaration") {
      if (!f.declarations.includes(a.code)) problems.push({ key: "proposals.problems.declaration", vars: { name: a.name } });
      continue;
    }
    const missing = a.kind === "link" ? !/^https?:\/\/\S+$/.test(f.links[a.code] ?? "") : !f.filledSlots.has(a.code);
    if (missing) problems.push({ key: "proposals.problems.attachment", vars: { name: a.name } });
  }

  // The special group is entered by the secretariat's invitation only.
  if (group?.kind === "khusus" && !f.invited) problems.push({ key: "proposals.problems.notInvited", vars: { group: group.name } });
  // A replication names the innovation(s) it replicates.
  if (group?.kind === "replikasi" && !f.sourceInnovationIds.length) problems.push({ key: "proposals.problems.source" });

  if (f.innovation.state !== "published") problems.push({ key: "proposals.problems.unpublished" });
  // "Implemented for at least N months", counted up to the deadline.
  const min = config.eligibility.minMonthsOperating;
  if (min > 0 && registration) {
    const deadline = new Date(Date.parse(registration.closesAt));
    if (!f.innovation.startedOn) problems.push({ key: "proposals.problems.startUnknown" });
    else if (monthsBetween(f.innovation.startedOn, deadline) < min) problems.push({ key: "proposals.problems.tooYoung", vars: { months: min } });
  }

  // Earlier winners: a top-tier winner may not enter the general groups again (the special
  // group, by invitation, is where earlier winners come back), and no innovation is in a tier
  // more than the allowed number of times ("not in the Top 99 twice").
  const tierName = (code: string) => config.tiers.find((t) => t.code === code)?.name ?? code;
  if (group && group.kind !== "khusus") {
    const excluded = f.earlierTiers.find((t) => config.eligibility.excludeTiers.includes(t));
    if (excluded) problems.push({ key: "proposals.problems.earlierWinner", vars: { tier: tierName(excluded) } });
  }
  const cap = config.eligibility.maxTimesInTier;
  if (cap && f.earlierTiers.filter((t) => t === cap.tier).length >= cap.times) {
    problems.push({ key: "proposals.problems.tierTimes", vars: { tier: tierName(cap.tier), times: cap.times } });
  }

  // Quotas per agency: a quota names a group, an agency type, or both.
  for (const q of config.eligibility.quotas) {
    if (q.group && q.group !== f.groupCode) continue;
    if (q.agencyType && q.agencyType !== f.agencyType) continue;
    const used = q.group ? (f.submittedByGroup[q.group] ?? 0) : Object.values(f.submittedByGroup).reduce((a, b) => a + b, 0);
    if (used >= q.max) problems.push({ key: "proposals.problems.quota", vars: { max: q.max, group: q.group ? (config.groups.find((g) => g.code === q.group)?.name ?? q.group) : "" } });
  }
  return problems;
}
