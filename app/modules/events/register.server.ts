// An agency registers its people for an event (onto the waiting list once the places are taken),
// and may withdraw them until registration closes.
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, eventRegistrations, events } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { RegistrationInput } from "./schemas";
import { tellRegistrations } from "./tell-participants.server";
import { lineOf, moveUpWaiting, placesTaken } from "./waiting-list.server";

/** The agency's province, as a regional batch reads it (a national body has none). */
export async function agencyProvince(db: Db, agencyId: number): Promise<string | null> {
  const [row] = await db.select({ code: agencies.regionCode }).from(agencies).where(eq(agencies.id, agencyId));
  return row?.code ? row.code.slice(0, 2) : null;
}

/**
 * Registers a participant: a place while there is one, else a place on the waiting list (the
 * agency still learns where it stands, and the list moves up by itself). The participant is
 * told by mail, the registering user in the app.
 */
export async function registerParticipant(db: Db, actor: Actor, eventId: number, input: RegistrationInput, opts: { now: Date; baseUrl: string }) {
  if (actor.kind !== "user" || actor.agencyId === null) throw new AppError(actor.kind === "user" ? "forbidden" : "unauthenticated", "events.errors.agencyOnly");
  const agencyId = actor.agencyId;
  const { now } = opts;
  const province = await agencyProvince(db, agencyId);
  return db.transaction(async (tx) => {
    // The event's row is locked while its places are counted: two agencies taking the last
    // place at once cannot both get it.
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
    if (!event || !event.publishedAt) throw new AppError("not-found", "errors.notFound");
    assertCan(actor, "event.register", { agencyId, provinceCodes: event.provinceCodes, province });
    if (event.cancelledAt) throw new AppError("conflict", "events.errors.cancelled");
    if (now >= event.registrationClosesAt) throw new AppError("conflict", "events.errors.closed");
    // Anyone already waiting keeps their turn: a newcomer waits behind them even if a place is
    // free for a moment (moveUpWaiting fills it in the freeing transaction, so this is rare).
    const [{ waitingAlready }] = await tx
      .select({ waitingAlready: sql<number>`count(*)::int` })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.waiting, true)));
    const waiting = Number(waitingAlready) > 0 || (event.capacity !== null && (await placesTaken(tx, eventId)) >= event.capacity);
    const [row] = await tx
      .insert(eventRegistrations)
      .values({ eventId, agencyId, name: input.name, position: input.position ?? "", email: input.email, registeredBy: actor.id, registeredAt: now, waiting })
      .onConflictDoNothing()
      .returning({ id: eventRegistrations.id });
    if (!row) {
      // The address is taken on this event. Only the agency's own registration is named as such:
      // another agency's participants (who they are, which agency sent them) are not this
      // agency's to learn, so that case is refused without confirming anybody.
      const [taken] = await tx
        .select({ agencyId: eventRegistrations.agencyId })
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, eventId), sql`lower(${eventRegistrations.email}) = lower(${input.email})`));
      const reason = !taken || taken.agencyId === agencyId ? "events.errors.emailRegistered" : "events.errors.emailRefused";
      throw new AppError("invalid", reason, { email: reason });
    }
    const line = waiting ? await lineOf(tx, eventId, row.id) : null;
    await tellRegistrations(tx, event, [{ name: input.name, email: input.email, registeredBy: actor.id, waiting, line }], {
      kind: waiting ? "event-waitlisted" : "event-registered",
      key: waiting ? "mail.eventWaitlisted" : "mail.eventRegistered",
      baseUrl: opts.baseUrl,
    });
    await recordAudit(tx, { actorUserId: actor.id, action: "event.register", subjectType: "event", subjectId: eventId, data: { registration: row.id, waiting } });
    return { id: row.id, waiting, line };
  });
}

/**
 * An agency withdraws one of its own registrations until registration closes. A place freed goes
 * to the first waiting, in the same transaction (the event's row locked as for registering). The
 * participant is told by mail and the registering user in the app, as when they were registered:
 * someone who planned to come must not learn it only at the door.
 */
export async function withdrawParticipant(db: Db, actor: Actor, eventId: number, registrationId: number, opts: { now: Date; baseUrl: string }) {
  if (actor.kind !== "user" || actor.agencyId === null) throw new AppError("forbidden", "events.errors.agencyOnly");
  const agencyId = actor.agencyId;
  await db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
    if (!event || !event.publishedAt) throw new AppError("not-found", "errors.notFound");
    if (opts.now >= event.registrationClosesAt) throw new AppError("conflict", "events.errors.closed");
    // Only the agency's own registrations: another agency's id names nothing here.
    const gone = await tx
      .delete(eventRegistrations)
      .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.agencyId, agencyId)))
      .returning({ id: eventRegistrations.id, waiting: eventRegistrations.waiting, name: eventRegistrations.name, email: eventRegistrations.email, registeredBy: eventRegistrations.registeredBy });
    if (!gone.length) throw new AppError("not-found", "errors.notFound");
    const r = gone[0]!;
    const movedUp = r.waiting ? [] : await moveUpWaiting(tx, event, opts);
    // Those of a cancelled event were told of the cancellation already: once is enough.
    if (!event.cancelledAt) await tellRegistrations(tx, event, [{ ...r, line: null }], { kind: "event-withdrawn", key: "mail.eventWithdrawn", baseUrl: opts.baseUrl });
    await recordAudit(tx, { actorUserId: actor.id, action: "event.withdraw", subjectType: "event", subjectId: eventId, data: { registration: registrationId, movedUp } });
  });
}
