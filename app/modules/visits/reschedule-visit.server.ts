// The host moves an accepted visit to another day, with its reason; the asking agency is told.
// Allowed until the agreed day comes: a visit under way or past is recorded, not moved.
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { visitRequests } from "~/db/schema";
import { AppError, notFound } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { latestStartDate } from "~/modules/innovations/schemas";
import { notify } from "~/modules/notifications/notify.server";
import type { VisitRescheduleInput } from "./schemas";
import { dayVars, speakersFor, visitById } from "./visits.server";

export async function rescheduleVisit(db: Db, actor: Actor, id: number, input: VisitRescheduleInput, opts: { now: Date; baseUrl: string }) {
  const visit = await visitById(db, id);
  if (!visit) throw notFound();
  assertCan(actor, "visit.reschedule", visit);
  const today = latestStartDate(opts.now);
  if (visit.state !== "accepted" || !visit.agreedOn || visit.agreedOn <= today) throw new AppError("conflict", "visits.errors.notMovable");
  if (input.newDate < today) throw new AppError("invalid", "visits.errors.pastDate", { newDate: "visits.errors.pastDate" });
  if (input.newDate === visit.agreedOn) throw new AppError("invalid", "visits.errors.sameDate", { newDate: "visits.errors.sameDate" });
  await db.transaction(async (tx) => {
    // Checked again in the write: a visit called off meanwhile (the other side, another tab) stays so.
    const done = await tx
      .update(visitRequests)
      .set({ agreedOn: input.newDate, rescheduledFrom: visit.agreedOn, rescheduleReason: input.reason, rescheduledAt: opts.now })
      .where(and(eq(visitRequests.id, id), eq(visitRequests.state, "accepted"), gt(visitRequests.agreedOn, today)))
      .returning({ id: visitRequests.id });
    if (!done.length) throw new AppError("conflict", "visits.errors.notMovable");
    const link = `/kelola/kunjungan/${id}`;
    await notify(tx, await speakersFor(tx, visit.visitorAgencyId), {
      kind: "visit-rescheduled",
      key: "mail.visitRescheduled",
      vars: { host: visit.host, innovation: visit.innovation, ...dayVars("before", visit.agreedOn!), ...dayVars("date", input.newDate), reason: input.reason, link: `${opts.baseUrl.replace(/\/+$/, "")}${link}` },
      link,
    });
    await recordAudit(tx, { actorUserId: actor.kind === "user" ? actor.id : null, action: "visit.reschedule", subjectType: "visit", subjectId: id, data: { from: visit.agreedOn, to: input.newDate } });
  });
}
