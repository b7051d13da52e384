// One slot changed by hand: its time, length, mode or place.
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { presentationSlots } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { CompetitionConfig } from "~/modules/competitions/config";
import type { SlotInput } from "./schemas";
import { clashes, outsideStage } from "./slots";
import { stageOfKind } from "./stage-of-kind";

type Competition = { id: number; config: CompetitionConfig };

/**
 * Save a slot. A new time or length voids the agency's answer (it confirmed another time); any
 * change clears the notification, so the next "notify" tells the agency again.
 */
export async function updatePresentationSlot(db: Db, actor: Actor, competition: Competition, stageCode: string, slotId: number, input: SlotInput) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const stage = stageOfKind(competition.config, stageCode, "presentation");
  return db.transaction(async (tx) => {
    const inStage = and(eq(presentationSlots.competitionId, competition.id), eq(presentationSlots.stageCode, stage.code));
    const [before] = await tx.select().from(presentationSlots).where(and(inStage, eq(presentationSlots.id, slotId)));
    if (!before) throw new AppError("not-found", "errors.notFound");
    const next = { startsAt: new Date(input.startsAt), minutes: input.minutes, mode: input.mode, location: input.location };
    const others = await tx.select().from(presentationSlots).where(and(inStage, ne(presentationSlots.id, slotId)));
    const outside = outsideStage(next, stage);
    // One slot's own words: the generator's "afterStage" also speaks of the last slot it made.
    const reason = outside === "after" ? "stages.errors.slot.endsAfterStage" : "stages.errors.slot.beforeStage";
    if (outside) throw new AppError("invalid", reason, { startsAt: reason });
    if (others.some((o) => clashes(next, o))) throw new AppError("invalid", "stages.errors.overlap", { startsAt: "stages.errors.overlap" });
    const retimed = before.startsAt.getTime() !== next.startsAt.getTime() || before.minutes !== next.minutes;
    const changed = retimed || before.mode !== next.mode || before.location !== next.location;
    if (!changed) return { changed: false };
    await tx
      .update(presentationSlots)
      .set({
        ...next,
        notifiedAt: null,
        ...(retimed ? { attendance: "pending" as const, confirmedAt: null, confirmedBy: null } : {}),
        updatedAt: new Date(),
      })
      .where(eq(presentationSlots.id, slotId));
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: "presentation.update",
      subjectType: "proposal",
      subjectId: before.proposalId,
      data: {
        stage: stage.code,
        slot: slotId,
        before: { startsAt: before.startsAt.toISOString(), minutes: before.minutes, mode: before.mode, location: before.location, attendance: before.attendance },
        after: { ...next, startsAt: next.startsAt.toISOString() },
      },
    });
    return { changed: true };
  });
}
