// After the agreed day, the asking agency records whether the visit took place: how many of its
// people came and what they learnt. Only a visit recorded as held counts publicly (visitCount).
// It may be corrected later by the same side; each record is audited.
import { and, eq, lte } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { visitRequests } from "~/db/schema";
import { AppError, notFound } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { latestStartDate } from "~/modules/innovations/schemas";
import type { VisitOutcomeInput } from "./schemas";
import { visitById } from "./visits.server";

export async function recordVisitOutcome(db: Db, actor: Actor, id: number, input: VisitOutcomeInput, now: Date) {
  const visit = await visitById(db, id);
  if (!visit) throw notFound();
  // The asking side knows whether its people went; the host cannot speak for them.
  assertCan(actor, "visit.recordOutcome", visit);
  // From the agreed day on (the day's visit is recorded on coming back): the day counts as come
  // once it has begun anywhere in the country, as the visit's other dates are judged.
  const today = latestStartDate(now);
  if (visit.state !== "accepted" || !visit.agreedOn) throw new AppError("conflict", "visits.errors.notAccepted");
  if (visit.agreedOn > today) throw new AppError("conflict", "visits.errors.notYet");
  const held = input.held === "yes";
  await db.transaction(async (tx) => {
    const done = await tx
      .update(visitRequests)
      .set({
        held,
        attendees: held ? input.attendees! : null,
        learned: input.learned ?? null,
        outcomeRecordedBy: actor.kind === "user" ? actor.id : null,
        outcomeRecordedAt: now,
      })
      .where(and(eq(visitRequests.id, id), eq(visitRequests.state, "accepted"), lte(visitRequests.agreedOn, today)))
      .returning({ id: visitRequests.id });
    if (!done.length) throw new AppError("conflict", "visits.errors.notAccepted");
    await recordAudit(tx, { actorUserId: actor.kind === "user" ? actor.id : null, action: "visit.outcome", subjectType: "visit", subjectId: id, data: { held, attendees: held ? input.attendees : null } });
  });
}
