// A competition configuration's vocabularies and its calendar (which stage runs when), without
// the validation (config.ts): what the pages' own scripts need, so the browser is not sent the
// validation library with them. The configuration's shape itself is config.ts's.
import { instantVar, type MessageVars } from "~/i18n";
import type { CompetitionConfig, Stage } from "./config";

export const GROUP_KINDS = ["umum", "replikasi", "khusus"] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

// What a stage does. Registration takes proposals until its close (the deadline); screening is
// the secretariat's administrative check; scoring, presentation and field verification are
// scored by judges against the stage's criteria; decision is the panel's plenary (tiers).
export const STAGE_KINDS = ["registration", "screening", "scoring", "presentation", "field_verification", "decision"] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
export const SCORED_KINDS: readonly StageKind[] = ["scoring", "presentation", "field_verification"];

export const JUDGE_POOLS = ["none", "evaluator", "panelist", "both"] as const;
export const ADVANCEMENT_RULES = ["all", "top", "passing"] as const;
export const ADVANCEMENT_SCOPES = ["overall", "category", "group"] as const;
export const ATTACHMENT_KINDS = ["file", "link", "declaration"] as const;
export const AGGREGATES = ["mean", "median"] as const;

/** The registration stage: its close is the proposal deadline. */
export const registrationStage = (c: Pick<CompetitionConfig, "stages">) => c.stages.find((s) => s.kind === "registration");

/**
 * The instant a stage stops: the end of the second its close names. A deadline of "30 April,
 * 23.59.59 WIB" accepts a proposal sent during that second and none after it.
 */
export const stageEnd = (s: Pick<Stage, "closesAt">) => Date.parse(s.closesAt) + 1000;

export const isStageOpen = (s: Pick<Stage, "opensAt" | "closesAt">, at: Date) =>
  Date.parse(s.opensAt) <= at.getTime() && at.getTime() < stageEnd(s);

/** The stage running at an instant (the last one opened and not closed), if any. */
export function stageAt(c: Pick<CompetitionConfig, "stages">, at: Date): Stage | undefined {
  return c.stages.filter((s) => isStageOpen(s, at)).at(-1);
}

/**
 * The stages that open before the stage before them has closed. Stages pass proposals on through
 * plenary decisions: a stage open while the one before it still runs would judge proposals that
 * stage has not yet decided. So each stage opens no earlier than the previous one closes (the
 * same instant is allowed: "closes 31 May 23.59.59, next opens 31 May 23.59.59" leaves no gap
 * and no overlap). Editions stored before this rule may still overlap; they load and show, and
 * the rule applies when their timetable is next saved.
 */
export function stageOverlaps(stages: readonly Pick<Stage, "code" | "name" | "opensAt" | "closesAt">[]) {
  const out: { index: number; stage: string; previous: string; previousClosesAt: string }[] = [];
  stages.forEach((s, i) => {
    const previous = stages[i - 1];
    // Unreadable instants (NaN) compare false: the instant's own check reports them.
    if (previous && Date.parse(s.opensAt) < Date.parse(previous.closesAt)) {
      out.push({ index: i, stage: s.name, previous: previous.name, previousClosesAt: previous.closesAt });
    }
  });
  return out;
}

/** An overlap as a field error on the later stage's opening: the stage before it and its close. */
export const overlapMessage = (o: { previous: string; previousClosesAt: string }): { key: string; vars: MessageVars } => ({
  key: "competitions.errors.stageOverlap",
  vars: { previous: o.previous, closesAt: instantVar(o.previousClosesAt, "WIB") },
});

/** An instant moved by whole days, written in its own offset (23.59.59 WIB stays 23.59.59 WIB). */
export function addDays(iso: string, days: number): string {
  const m = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  const offset = m ? (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  const local = new Date(Date.parse(iso) + days * 86_400_000 + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${m ? m[0] : "Z"}`;
}

/** Every stage of a configuration moved by whole days. */
export const shiftDays = (c: CompetitionConfig, days: number): CompetitionConfig => ({
  ...c,
  stages: c.stages.map((s) => ({ ...s, opensAt: addDays(s.opensAt, days), closesAt: addDays(s.closesAt, days) })),
});

/**
 * The configuration moved by whole days so that registration closes `daysLeft` days after
 * `now` (the demo's live call, and tests of the proposal deadline).
 */
export function withRegistrationClosingIn(c: CompetitionConfig, now: Date, daysLeft: number): CompetitionConfig {
  const registration = registrationStage(c);
  if (!registration) return c;
  const target = now.getTime() + daysLeft * 86_400_000;
  return shiftDays(c, Math.round((target - Date.parse(registration.closesAt)) / 86_400_000));
}
