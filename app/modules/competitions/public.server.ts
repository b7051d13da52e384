// What the public may see of an edition: announced editions only, and of them the call, the
// form, the criteria, the schedule and the tiers. Never proposals, scores or rankings (later
// stages publish results through their own, equally filtered, reads).
import type { DbOrTx } from "~/db/client.server";
import { can, type Actor } from "~/lib/policy";
import type { CompetitionConfig } from "./config";
import { registrationStage, stageAt, stageEnd } from "./config-values";
import { announcedCompetitions, competitionBySlug } from "./queries.server";

export type PublicCompetition = {
  slug: string;
  edition: number;
  name: string;
  theme: string;
  legalBasis: string;
  state: "announced" | "provisional" | "final";
  /** The stage running now, if any. */
  currentStage: string | null;
  /** The proposal deadline (the registration stage's close), as an instant. */
  deadline: string | null;
  config: Omit<CompetitionConfig, "scoring">;
};

export function toPublic(row: { slug: string; edition: number; name: string; theme: string; legalBasis: string; state: string; config: CompetitionConfig }, now = new Date()): PublicCompetition {
  const { scoring: _scoring, ...config } = row.config;
  const registration = registrationStage(row.config);
  return {
    slug: row.slug,
    edition: row.edition,
    name: row.name,
    theme: row.theme,
    legalBasis: row.legalBasis,
    state: row.state as PublicCompetition["state"],
    currentStage: stageAt(row.config, now)?.code ?? null,
    deadline: registration?.closesAt ?? null,
    config,
  };
}

/**
 * Every announced edition for the public list, with where it stands now: an edition stays
 * "announced" from its call to its results, so the list names its current stage (registration
 * open, evaluation, …) rather than calling a call and a judging both "announced".
 */
export async function publicCompetitions(db: DbOrTx, now = new Date()) {
  return (await announcedCompetitions(db)).map((row) => {
    const p = toPublic(row, now);
    const stage = p.currentStage ? row.config.stages.find((s) => s.code === p.currentStage) : undefined;
    return { id: row.id, slug: p.slug, name: p.name, theme: p.theme, state: p.state, stageName: p.state === "announced" ? (stage?.name ?? null) : null };
  });
}

/** An edition if the actor may see it (a draft only by the secretariat), else null. */
export async function visibleCompetition(db: DbOrTx, actor: Actor, slug: string) {
  const row = await competitionBySlug(db, slug);
  if (!row || !can(actor, "competition.view", { state: row.state }).ok) return null;
  return row;
}

/** Whole days and hours until an instant (none once it has passed). */
export function timeLeft(until: string, now = new Date()): { days: number; hours: number } | null {
  const ms = stageEnd({ closesAt: until }) - now.getTime();
  if (ms <= 0) return null;
  return { days: Math.floor(ms / 86_400_000), hours: Math.floor((ms % 86_400_000) / 3_600_000) };
}
