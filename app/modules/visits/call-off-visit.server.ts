// Either side calls off an accepted visit before its day, with a reason; the other side is told.
// (A request still waiting is withdrawn by the asker without one: cancelVisit.)
import { and, eq, gt } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { visitRequests } from "~/db/schema";
import { AppError, notFound } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { latestStartDate } from "~/modules/innovations/schemas";
import { notify } from "~/modules/notifications/notify.server";
import type { VisitCallOffInput } from "./schemas";
import { dayVars, speakersFor, visitById } from "./visits.server";

export async function callOffVisit(db: Db, actor: Actor, id: number, input: VisitCallOffInput, opts: { now: Date; baseUrl: string }) {
  const visit = await visitById(db, id);
  if (!visit) throw notFound();
  assertCan(actor, "visit.callOff", visit);
  if (actor.kind !== "user") throw new AppError("forbidden", "errors.forbidden");
  const today = latestStartDate(opts.now);
  // Before the day only: once it has come, the visit happened or not, and the asker records which.
  if (visit.state !== "accepted" || !visit.agreedOn || visit.agreedOn <= today) throw new AppError("conflict", "visits.errors.notMovable");
  // The side is the actor's agency; someone of both (never in practice) speaks as the host.
  const byHost = actor.agencyId === visit.hostAgencyId;
  await db.transaction(async (tx) => {
    const done = await tx
      .update(visitRequests)
      .set({ state: "cancelled", cancelReason: input.reason, cancelledBy: actor.id, cancelledAt: opts.now })
      .where(and(eq(visitRequests.id, id), eq(visitRequests.state, "accepted"), gt(visitRequests.agreedOn, today)))
      .returning({ id: visitRequests.id });
    if (!done.length) throw new AppError("conflict", "visits.errors.notMovable");
    const link = `/kelola/kunjungan/${id}`;
    await notify(tx, await speakersFor(tx, byHost ? visit.visitorAgencyId : visit.hostAgencyId), {
      kind: "visit-called-off",
      key: "mail.visitCalledOff",
      vars: { by: byHost ? visit.host : visit.visitor, innovation: visit.innovation, ...dayVars("date", visit.agreedOn!), reason: input.reason, link: `${opts.baseUrl.replace(/\/+$/, "")}${link}` },
      link,
    });
    await recordAudit(tx, { actorUserId: actor.id, action: "visit.callOff", subjectType: "visit", subjectId: id, data: { side: byHost ? "host" : "visitor" } });
  });
}
