// Setting up an edition: create it (from a preset or by cloning an earlier edition), change any
// part of its configuration, and announce it. Every write validates the whole configuration
// (its parts refer to each other), checks the version the editor saw, and is audited.
import { isDeepStrictEqual } from "node:util";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { competitions, reviews } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { MessageVars } from "~/i18n";
import { CompetitionConfigSchema, type CompetitionConfig, type Stage } from "./config";
import { overlapMessage, stageOverlaps } from "./config-values";
import { preset, type PresetId } from "./presets";
import type { CompetitionGeneral } from "./schemas";

export type CompetitionRow = typeof competitions.$inferSelect;

const actorId = (a: Actor) => (a.kind === "user" ? a.id : null);

/** Every instant of a configuration moved by whole years (an edition cloned to a later year). */
export function shiftYears(config: CompetitionConfig, years: number): CompetitionConfig {
  // Calendar years, in the instant's own offset: 30 April 23.59.59 WIB stays 30 April 23.59.59
  // WIB (Indonesia has no daylight saving, so the offset of a zone never changes).
  const move = (iso: string) => iso.replace(/^(\d{4})/, (y) => String(Number(y) + years));
  return { ...config, stages: config.stages.map((s) => ({ ...s, opensAt: move(s.opensAt), closesAt: move(s.closesAt) })) };
}

/** A configuration that no longer parses (edited by hand in the database) is a bug, not input. */
function validConfig(config: unknown): CompetitionConfig {
  const r = CompetitionConfigSchema.safeParse(config);
  if (!r.success) throw new AppError("invalid", "competitions.errors.config", Object.fromEntries(r.error.issues.map((i) => [i.path.join(".") || "_form", i.message])));
  return r.data;
}

export type NewCompetition = { edition: number; slug: string; source: { preset: PresetId } | { cloneOf: number } };

export async function createCompetition(db: Db, actor: Actor, input: NewCompetition): Promise<CompetitionRow> {
  assertCan(actor, "competition.manage");
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.slug, input.slug));
    if (taken) throw new AppError("conflict", "competitions.errors.slugTaken", { slug: "competitions.errors.slugTaken" });
    let draft: { name: string; theme: string; legalBasis: string; config: CompetitionConfig; clonedFromId?: number };
    if ("preset" in input.source) {
      draft = preset(input.source.preset, input.edition);
    } else {
      const [source] = await tx.select().from(competitions).where(eq(competitions.id, input.source.cloneOf));
      if (!source) throw new AppError("invalid", "competitions.errors.cloneSource", { source: "competitions.errors.cloneSource" });
      draft = {
        name: source.name.replace(String(source.edition), String(input.edition)),
        theme: source.theme,
        legalBasis: "",
        config: shiftYears(source.config, input.edition - source.edition),
        clonedFromId: source.id,
      };
    }
    const [row] = await tx
      .insert(competitions)
      .values({ slug: input.slug, edition: input.edition, ...draft, config: validConfig(draft.config), createdBy: actorId(actor) })
      .returning();
    await recordAudit(tx, {
      actorUserId: actorId(actor),
      action: "competition.create",
      subjectType: "competition",
      subjectId: row.id,
      data: { edition: input.edition, source: input.source },
    });
    return row;
  });
}

export type CompetitionChange = { general?: CompetitionGeneral; config?: Partial<CompetitionConfig> };

/** Field errors as message keys by configuration path, with the values some messages name. */
export type ConfigErrors = { ok: false; errors: Record<string, string>; vars: Record<string, MessageVars> };

const timetable = (stages: readonly Pick<Stage, "code" | "opensAt" | "closesAt">[]) => stages.map((s) => [s.code, Date.parse(s.opensAt), Date.parse(s.closesAt)]);

/**
 * The overlap rule (config-values.ts, stageOverlaps) as field errors on the later stage's
 * opening, naming the stage before it and its close. It is checked here when a change moves the
 * timetable (whoever makes it), and by the stages page on every save of that page
 * (part-forms.ts), rather than on every parse: an edition stored before the rule still loads,
 * clones and takes changes to its other parts.
 */
export function overlapErrors(before: readonly Stage[], after: readonly Stage[]): Omit<ConfigErrors, "ok"> {
  const errors: Record<string, string> = {};
  const vars: Record<string, MessageVars> = {};
  if (isDeepStrictEqual(timetable(before), timetable(after))) return { errors, vars };
  for (const o of stageOverlaps(after)) {
    const path = `stages.${o.index}.opensAt`;
    const m = overlapMessage(o);
    errors[path] = m.key;
    vars[path] = m.vars;
  }
  return { errors, vars };
}

/**
 * Change the general fields and/or replace parts of the configuration, if nobody saved since
 * `version`. Returns the new row, or the field errors of the configuration as a whole.
 */
export async function updateCompetition(
  db: Db,
  actor: Actor,
  id: number,
  version: number,
  change: CompetitionChange,
): Promise<{ ok: true; row: CompetitionRow } | ConfigErrors> {
  assertCan(actor, "competition.manage");
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(competitions).where(eq(competitions.id, id)).for("update");
    if (!current) throw new AppError("not-found", "errors.notFound");
    if (current.version !== version) throw new AppError("conflict", "competitions.errors.stale");
    if (current.state === "final") throw new AppError("conflict", "competitions.errors.finished");
    const merged = { ...current.config, ...change.config };
    const parsed = CompetitionConfigSchema.safeParse(merged);
    const overlaps = Array.isArray(merged.stages) ? overlapErrors(current.config.stages, merged.stages) : { errors: {}, vars: {} };
    if (!parsed.success || Object.keys(overlaps.errors).length) {
      const errors: Record<string, string> = {};
      for (const i of parsed.error?.issues ?? []) errors[i.path.join(".") || "_form"] ??= i.message;
      for (const [path, key] of Object.entries(overlaps.errors)) errors[path] ??= key;
      return { ok: false as const, errors, vars: overlaps.vars };
    }
    // Provisional results were announced under this setup (its objection window, its tiers, its
    // stages): only the name and the other general fields may still be corrected.
    if (current.state === "provisional" && !isDeepStrictEqual(parsed.data, CompetitionConfigSchema.parse(current.config))) {
      throw new AppError("conflict", "competitions.errors.provisional");
    }
    await assertScoredStagesKept(tx, id, CompetitionConfigSchema.parse(current.config), parsed.data);
    const [row] = await tx
      .update(competitions)
      .set({ ...(change.general ?? {}), config: parsed.data, version: sql`${competitions.version} + 1`, updatedAt: new Date() })
      .where(and(eq(competitions.id, id), eq(competitions.version, version)))
      .returning();
    await recordAudit(tx, {
      actorUserId: actorId(actor),
      action: "competition.update",
      subjectType: "competition",
      subjectId: id,
      data: { parts: [...Object.keys(change.general ?? {}), ...Object.keys(change.config ?? {})] },
    });
    return { ok: true as const, row };
  });
}

/** The codes of the stages judges have begun scoring (a review exists, submitted or not). */
export async function scoredStages(db: Pick<Db, "selectDistinct">, competitionId: number): Promise<string[]> {
  const rows = await db.selectDistinct({ stageCode: reviews.stageCode }).from(reviews).where(eq(reviews.competitionId, competitionId));
  return rows.map((r) => r.stageCode);
}

/** What a score on a stage means: its criteria's codes, weights and scales (not their wording). */
const scoringOf = (stage: Stage) =>
  stage.criteria.map((k) => [k.code, k.weight, k.scaleMin, k.scaleMax] as const).sort(([a], [b]) => a.localeCompare(b));

/**
 * A stage that judges have begun scoring keeps what its scores mean. Its reviews store a score
 * per criterion code on that criterion's scale, and the plenary weighs them: a changed weight
 * would silently reorder the ranking (and the decisions already taken on it), a changed scale or
 * code would leave submitted scores out of range or unmatched, counted as missing. The wording
 * (names, descriptions, rubric texts) may still be corrected; so may the dates.
 */
async function assertScoredStagesKept(tx: Pick<Db, "selectDistinct">, competitionId: number, before: CompetitionConfig, after: CompetitionConfig) {
  for (const stageCode of await scoredStages(tx, competitionId)) {
    const was = before.stages.find((s) => s.code === stageCode);
    if (!was) continue;
    const now = after.stages.find((s) => s.code === stageCode);
    if (!now) throw new AppError("conflict", "competitions.errors.scoredStageRemoved");
    if (!isDeepStrictEqual(scoringOf(was), scoringOf(now))) throw new AppError("conflict", "competitions.errors.scoredCriteria");
  }
}

/** Make a draft edition public: its call, categories, form and stage dates. */
export async function announceCompetition(db: Db, actor: Actor, id: number, version: number): Promise<CompetitionRow> {
  assertCan(actor, "competition.manage");
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(competitions).where(eq(competitions.id, id)).for("update");
    if (!current) throw new AppError("not-found", "errors.notFound");
    if (current.version !== version) throw new AppError("conflict", "competitions.errors.stale");
    if (current.state !== "draft") throw new AppError("conflict", "competitions.errors.alreadyAnnounced");
    validConfig(current.config);
    const [row] = await tx
      .update(competitions)
      .set({ state: "announced", announcedAt: new Date(), version: sql`${competitions.version} + 1`, updatedAt: new Date() })
      .where(eq(competitions.id, id))
      .returning();
    await recordAudit(tx, { actorUserId: actorId(actor), action: "competition.announce", subjectType: "competition", subjectId: id });
    return row;
  });
}
