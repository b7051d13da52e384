// Ending the running stage before its planned close: all reviews are in, or a decree moves the
// schedule. The close becomes now, and the next stage may open now too. It is a change of the
// configuration's timetable like a save of the stages page: version-checked (no lost update),
// validated with the whole configuration and the overlap rule, and audited.
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "~/db/client.server";
import { competitions, groupInvitations, innovations, proposals, users } from "~/db/schema";
import { instantVar, toZonedInput, ZONE_OFFSETS, type MessageVars } from "~/i18n";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { notify } from "~/modules/notifications/notify.server";
import { CompetitionConfigSchema, type Stage } from "./config";
import { stageAt, stageOverlaps } from "./config-values";

export const CloseStageSchema = z.object({
  openNext: z.boolean().default(false),
  // Closing registration early cuts agencies off mid-draft: the reason goes to them (required
  // there, optional for the other stages, recorded in the audit either way).
  reason: z.string().trim().max(2000, { error: "field.tooLong" }).default(""),
});
export type CloseStageInput = z.infer<typeof CloseStageSchema> & { stageCode: string; version: number };

/** A refusal that names the stages at fault (the message's values). */
export class StageTimingError extends AppError {
  readonly vars: MessageVars;
  constructor(reason: string, vars: MessageVars) {
    super("conflict", reason);
    this.vars = vars;
  }
}

/** An instant to the second, written in WIB as the presets write theirs. */
const wib = (at: Date) => `${toZonedInput(at.toISOString(), "WIB")}${ZONE_OFFSETS.WIB}`;

/**
 * The running stage and the one after it, as the management page offers to close it. None
 * while the edition is not announced: a draft's stages do not run yet, and once provisional
 * results are out the timetable is settled (updateCompetition refuses timetable changes then).
 */
export function closableStage(row: { state: string; config: { stages: Stage[] } }, now: Date) {
  if (row.state !== "announced") return null;
  const stage = stageAt(row.config, now);
  if (!stage) return null;
  const index = row.config.stages.indexOf(stage);
  const next = row.config.stages[index + 1] ?? null;
  return { stage, index, next, nextOpensLater: next !== null && Date.parse(next.opensAt) > now.getTime() };
}

/**
 * Close `stageCode` now (it must be the stage running now), and open the next now if asked and
 * it opens later. Later stages keep their times; if the timetable would then overlap (an
 * edition stored before the overlap rule) nothing is changed and the stages are named.
 */
export async function closeStageNow(db: Db, actor: Actor, competitionId: number, input: CloseStageInput, opts: { now: Date; publicUrl: string }) {
  assertCan(actor, "competition.manage");
  const parsed = CloseStageSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "errors.invalid", { reason: "field.tooLong" });
  const { openNext, reason } = parsed.data;
  const now = opts.now;
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(competitions).where(eq(competitions.id, competitionId)).for("update");
    if (!current) throw new AppError("not-found", "errors.notFound");
    if (current.version !== input.version) throw new AppError("conflict", "competitions.errors.stale");
    if (current.state !== "announced") throw new AppError("conflict", "competitions.errors.closeNotAnnounced");
    const found = closableStage(current, now);
    // The page named a stage; if another is running now (it closed meanwhile), say so rather
    // than close a stage the secretariat did not choose.
    if (!found || found.stage.code !== input.stageCode) throw new AppError("conflict", "competitions.errors.closeNotCurrent");
    const { stage, index, next } = found;
    if (stage.kind === "registration" && !reason) throw new AppError("invalid", "competitions.errors.closeReasonRequired", { reason: "competitions.errors.closeReasonRequired" });

    const at = wib(now);
    const opening = openNext && next !== null && found.nextOpensLater;
    const stages = current.config.stages.map((s, i) => (i === index ? { ...s, closesAt: at } : opening && i === index + 1 ? { ...s, opensAt: at } : s));
    const overlap = stageOverlaps(stages)[0];
    if (overlap) {
      throw new StageTimingError("competitions.errors.closeWouldOverlap", {
        stage: overlap.stage,
        previous: overlap.previous,
        closesAt: instantVar(overlap.previousClosesAt, "WIB"),
      });
    }
    const checked = CompetitionConfigSchema.safeParse({ ...current.config, stages });
    // The only rule a close can break on a sound configuration: a stage opened this very second
    // cannot close in it (its close must come after its opening).
    if (!checked.success) throw new AppError("conflict", "competitions.errors.closeInvalid");
    const [row] = await tx
      .update(competitions)
      .set({ config: checked.data, version: sql`${competitions.version} + 1`, updatedAt: now })
      .where(and(eq(competitions.id, current.id), eq(competitions.version, input.version)))
      .returning();
    await recordAudit(tx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "competition.stage.close",
      subjectType: "competition",
      subjectId: current.id,
      data: {
        stage: stage.code,
        closesAt: { from: stage.closesAt, to: at },
        ...(opening ? { opened: next!.code, opensAt: { from: next!.opensAt, to: at } } : {}),
        reason: reason || null,
      },
    });
    let told = 0;
    if (stage.kind === "registration") {
      const path = "/kelola/proposal";
      told = await tellEntrants(tx, current.id, {
        kind: "competition.registration-closed",
        vars: { competition: current.name, at: instantVar(now, "WIB"), reason, link: `${opts.publicUrl}${path}` },
        path,
      });
    }
    return { row, closed: stage.code, opened: opening ? next!.code : null, told };
  });
}

/**
 * Registration closed early reaches every agency with a proposal in the edition not withdrawn,
 * submitted or still in its hands (drafts, at its Admin Lokal, awaiting the head), and every
 * agency invited to the special group (which may not have begun): the deadline moved under
 * them, and they must not find out by a refused submission. Its Admin Lokal, head and unit
 * operators (who write the drafts) are told.
 */
async function tellEntrants(tx: DbOrTx, competitionId: number, n: { kind: string; vars: MessageVars; path: string }) {
  const entered = await tx.selectDistinct({ id: proposals.agencyId }).from(proposals).where(and(eq(proposals.competitionId, competitionId), ne(proposals.state, "withdrawn")));
  const invited = await tx
    .selectDistinct({ id: innovations.agencyId })
    .from(groupInvitations)
    .innerJoin(innovations, eq(innovations.id, groupInvitations.innovationId))
    .where(eq(groupInvitations.competitionId, competitionId));
  const agencyIds = [...new Set([...entered, ...invited].map((a) => a.id))];
  if (!agencyIds.length) return 0;
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(inArray(users.agencyId, agencyIds), inArray(users.role, ["agency_admin", "agency_head", "unit_operator"]), isNull(users.disabledAt)));
  await notify(tx, people, { kind: n.kind, key: "mail.competition.registrationClosed", vars: n.vars, link: n.path });
  return people.length;
}
