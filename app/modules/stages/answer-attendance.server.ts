// The agency's answer to its presentation slot: it will attend, or it cannot.
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { presentationSlots } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { slotForViewer } from "./presentation-queries.server";
import { mayAnswer } from "./slots";

/**
 * Confirm or decline, until the day before (24 hours before the start, judged at the request's
 * arrival); the answer may change until then. Only Admin Lokal and the head answer.
 */
export async function answerAttendance(db: Db, actor: Actor, slotId: number, answer: "confirmed" | "declined", now: Date) {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  return db.transaction(async (tx) => {
    const view = await slotForViewer(tx, actor, slotId);
    assertCan(actor, "presentation.confirm", { agencyId: view.proposal.agencyId });
    if (!mayAnswer(view.slot.startsAt, now.getTime())) throw new AppError("deadline-passed", "stages.errors.answerClosed");
    await tx.update(presentationSlots).set({ attendance: answer, confirmedAt: now, confirmedBy: actor.id, updatedAt: now }).where(eq(presentationSlots.id, slotId));
    await recordAudit(tx, { actorUserId: actor.id, action: `presentation.${answer === "confirmed" ? "confirm" : "decline"}`, subjectType: "proposal", subjectId: view.proposal.id, data: { slot: slotId, stage: view.slot.stageCode } });
  });
}
