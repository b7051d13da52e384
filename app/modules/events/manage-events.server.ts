// The secretariat's side of events: create, edit, publish, cancel, take a registration off, and
// record who attended.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { eventRegistrations, events } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { slugify } from "~/modules/agencies/regions";
import type { EventInput } from "./schemas";
import { tellRegistrations } from "./tell-participants.server";
import { moveUpWaiting, placesTaken } from "./waiting-list.server";

const actorId = (a: Actor) => (a.kind === "user" ? a.id : null);

const columns = (input: EventInput) => ({
  kind: input.kind,
  title: input.title,
  description: input.description ?? "",
  batch: input.batch ?? null,
  provinceCodes: [...new Set(input.provinceCodes)].sort(),
  timeZone: input.timeZone,
  startsAt: new Date(input.startsAt),
  endsAt: new Date(input.endsAt),
  registrationClosesAt: new Date(input.registrationClosesAt),
  place: input.place,
  capacity: input.capacity ?? null,
});

/** A new event, unpublished. Its address: the title and its year, a number added when taken. */
export async function createEvent(db: Db, actor: Actor, input: EventInput): Promise<{ id: number; slug: string }> {
  assertCan(actor, "event.manage");
  const base = `${slugify(input.title, 80) || "acara"}-${input.startsAt.slice(0, 4)}`;
  for (let n = 1; n < 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const [row] = await db
      .insert(events)
      .values({ slug, ...columns(input), createdBy: actorId(actor) })
      .onConflictDoNothing({ target: events.slug })
      .returning({ id: events.id, slug: events.slug });
    if (row) {
      await recordAudit(db, { actorUserId: actorId(actor), action: "event.create", subjectType: "event", subjectId: row.id });
      return row;
    }
  }
  throw new AppError("conflict", "events.errors.slugTaken");
}

/** Saves the event; more places (or none to count) move the first waiting up at once. */
export async function updateEvent(db: Db, actor: Actor, id: number, input: EventInput, opts: { now: Date; baseUrl: string }) {
  assertCan(actor, "event.manage");
  await db.transaction(async (tx) => {
    // Locked as registering locks it, so the places are counted against what is really taken.
    const [event] = await tx.select().from(events).where(eq(events.id, id)).for("update");
    if (!event) throw new AppError("not-found", "errors.notFound");
    // A batch cannot shrink below the places already taken: those people were told they are in.
    // Waiting registrations hold no place and do not count.
    if (input.capacity !== undefined && input.capacity < (await placesTaken(tx, id))) {
      throw new AppError("invalid", "events.errors.capacityBelowRegistered", { capacity: "events.errors.capacityBelowRegistered" });
    }
    const [saved] = await tx.update(events).set({ ...columns(input), updatedAt: opts.now }).where(eq(events.id, id)).returning();
    const movedUp = await moveUpWaiting(tx, saved!, opts);
    await recordAudit(tx, { actorUserId: actorId(actor), action: "event.update", subjectType: "event", subjectId: id, data: movedUp.length ? { movedUp } : undefined });
  });
}

export async function publishEvent(db: Db, actor: Actor, id: number, now: Date) {
  assertCan(actor, "event.manage");
  await db.transaction(async (tx) => {
    await tx.update(events).set({ publishedAt: now, cancelledAt: null }).where(and(eq(events.id, id), sql`${events.publishedAt} IS NULL`));
    await recordAudit(tx, { actorUserId: actorId(actor), action: "event.publish", subjectType: "event", subjectId: id });
  });
}

/**
 * Cancelled events stay listed, marked, so that those registered see it where they look. Everyone
 * registered, holding a place or waiting, is told once: cancelling again tells nobody anew.
 */
export async function cancelEvent(db: Db, actor: Actor, id: number, opts: { now: Date; baseUrl: string }) {
  assertCan(actor, "event.manage");
  await db.transaction(async (tx) => {
    const [event] = await tx
      .update(events)
      .set({ cancelledAt: opts.now, updatedAt: opts.now })
      .where(and(eq(events.id, id), isNull(events.cancelledAt)))
      .returning();
    if (!event) return;
    // A draft was never announced: nobody could register, nobody is to be told.
    const people = await tx
      .select({ name: eventRegistrations.name, email: eventRegistrations.email, registeredBy: eventRegistrations.registeredBy, waiting: eventRegistrations.waiting })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.eventId, id));
    await tellRegistrations(tx, event, people.map((p) => ({ ...p, line: null })), { kind: "event-cancelled", key: "mail.eventCancelled", baseUrl: opts.baseUrl });
    await recordAudit(tx, { actorUserId: actorId(actor), action: "event.cancel", subjectType: "event", subjectId: id, data: { told: people.length } });
  });
}

/**
 * The secretariat takes a registration off (a duplicate, someone who cannot come). A place it
 * frees goes to the first waiting, in the same transaction, as when an agency withdraws; the
 * person taken off and the user who registered them are told, as on withdrawal.
 */
export async function removeRegistration(db: Db, actor: Actor, eventId: number, registrationId: number, opts: { now: Date; baseUrl: string }) {
  assertCan(actor, "event.manage");
  await db.transaction(async (tx) => {
    const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for("update");
    if (!event) throw new AppError("not-found", "errors.notFound");
    const gone = await tx
      .delete(eventRegistrations)
      .where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.eventId, eventId)))
      .returning({ id: eventRegistrations.id, waiting: eventRegistrations.waiting, name: eventRegistrations.name, email: eventRegistrations.email, registeredBy: eventRegistrations.registeredBy });
    if (!gone.length) throw new AppError("not-found", "errors.notFound");
    const r = gone[0]!;
    const movedUp = r.waiting ? [] : await moveUpWaiting(tx, event, opts);
    // Those of a cancelled event were told of the cancellation already: once is enough.
    if (!event.cancelledAt) await tellRegistrations(tx, event, [{ ...r, line: null }], { kind: "event-removed", key: "mail.eventRemoved", baseUrl: opts.baseUrl });
    await recordAudit(tx, { actorUserId: actorId(actor), action: "event.removeRegistration", subjectType: "event", subjectId: eventId, data: { registration: registrationId, movedUp } });
  });
}

/**
 * Attendance after the event: the ticked registrations attended, the others did not. Only those
 * holding a place are recorded: someone still waiting was never given one to come to.
 */
export async function recordAttendance(db: Db, actor: Actor, eventId: number, attendedIds: readonly number[]) {
  assertCan(actor, "event.manage");
  await db.transaction(async (tx) => {
    const placed = and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.waiting, false));
    await tx.update(eventRegistrations).set({ attended: false }).where(placed);
    if (attendedIds.length) {
      await tx.update(eventRegistrations).set({ attended: true }).where(and(placed, inArray(eventRegistrations.id, [...attendedIds])));
    }
    await recordAudit(tx, { actorUserId: actorId(actor), action: "event.attendance", subjectType: "event", subjectId: eventId, data: { attended: attendedIds.length } });
  });
}
