// An agency registers its people for an event, and may withdraw them until registration closes.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, eventRegistrations, events } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { RegistrationInput } from "./schemas";

/** The agency's province, as a regional batch reads it (a national body has none). */
export async function agencyProvince(db: Db, agencyId: number): Promise<string | null> {
  const [row] = await db.select({ code: agencies.regionCode }).from(agencies).where(eq(agencies.id, agencyId));
  return row?.code ? row.code.slice(0, 2) : null;
}

export async function registerParticipant(db: Db, actor: Actor, eventId: number, input: RegistrationInput, now: Date) {
  if (actor.kind !== "user" || actor.agencyId === null) throw new AppError(actor.kind === "user" ? "forbidden" : "unauthenticated", "events.errors.agencyOnly");
  const agencyId = actor.agencyId;
  const province = await agencyProvince(db, agencyId);
  return db.transaction(async (tx) => {
    // The event's row is locked while its places are counted: two agencies taking the last
    // place at once cannot both get it.
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
    if (!event || !event.publishedAt) throw new AppError("not-found", "errors.notFound");
    assertCan(actor, "event.register", { agencyId, provinceCodes: event.provinceCodes, province });
    if (event.cancelledAt) throw new AppError("conflict", "events.errors.cancelled");
    if (now >= event.registrationClosesAt) throw new AppError("conflict", "events.errors.closed");
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId));
    if (event.capacity !== null && Number(n) >= event.capacity) throw new AppError("conflict", "events.errors.full");
    const [row] = await tx
      .insert(eventRegistrations)
      .values({ eventId, agencyId, name: input.name, position: input.position ?? "", email: input.email, registeredBy: actor.id, registeredAt: now })
      .onConflictDoNothing()
      .returning({ id: eventRegistrations.id });
    if (!row) throw new AppError("invalid", "events.errors.emailRegistered", { email: "events.errors.emailRegistered" });
    await recordAudit(tx, { actorUserId: actor.id, action: "event.register", subjectType: "event", subjectId: eventId, data: { registration: row.id } });
    return row;
  });
}

export async function withdrawParticipant(db: Db, actor: Actor, eventId: number, registrationId: number, now: Date) {
  if (actor.kind !== "user" || actor.agencyId === null) throw new AppError("forbidden", "events.errors.agencyOnly");
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event || !event.publishedAt) throw new AppError("not-found", "errors.notFound");
  if (now >= event.registrationClosesAt) throw new AppError("conflict", "events.errors.closed");
  await db.transaction(async (tx) => {
    // Only the agency's own registrations: another agency's id names nothing here.
    const gone = await tx
      .delete(eventRegistrations)
      .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.agencyId, actor.agencyId!)))
      .returning({ id: eventRegistrations.id });
    if (!gone.length) throw new AppError("not-found", "errors.notFound");
    await recordAudit(tx, { actorUserId: actor.id, action: "event.withdraw", subjectType: "event", subjectId: eventId, data: { registration: registrationId } });
  });
}
