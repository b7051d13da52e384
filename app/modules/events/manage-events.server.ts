// The secretariat's side of events: create, edit, publish, cancel, and record who attended.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { eventRegistrations, events } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { slugify } from "~/modules/agencies/regions";
import type { EventInput } from "./schemas";

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

export async function updateEvent(db: Db, actor: Actor, id: number, input: EventInput) {
  assertCan(actor, "event.manage");
  // A batch cannot shrink below the places already taken: those people were told they are in.
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(eventRegistrations).where(eq(eventRegistrations.eventId, id));
  if (input.capacity !== undefined && input.capacity < Number(n)) {
    throw new AppError("invalid", "events.errors.capacityBelowRegistered", { capacity: "events.errors.capacityBelowRegistered" });
  }
  await db.transaction(async (tx) => {
    await tx.update(events).set({ ...columns(input), updatedAt: new Date() }).where(eq(events.id, id));
    await recordAudit(tx, { actorUserId: actorId(actor), action: "event.update", subjectType: "event", subjectId: id });
  });
}

export async function publishEvent(db: Db, actor: Actor, id: number, now: Date) {
  assertCan(actor, "event.manage");
  await db.transaction(async (tx) => {
    await tx.update(events).set({ publishedAt: now, cancelledAt: null }).where(and(eq(events.id, id), sql`${events.publishedAt} IS NULL`));
    await recordAudit(tx, { actorUserId: actorId(actor), action: "event.publish", subjectType: "event", subjectId: id });
  });
}

/** Cancelled events stay listed, marked, so that those registered see it where they look. */
export async function cancelEvent(db: Db, actor: Actor, id: number, now: Date) {
  assertCan(actor, "event.manage");
  await db.transaction(async (tx) => {
    await tx.update(events).set({ cancelledAt: now, updatedAt: now }).where(eq(events.id, id));
    await recordAudit(tx, { actorUserId: actorId(actor), action: "event.cancel", subjectType: "event", subjectId: id });
  });
}

/** Attendance after the event: the ticked registrations attended, the others did not. */
export async function recordAttendance(db: Db, actor: Actor, eventId: number, attendedIds: readonly number[]) {
  assertCan(actor, "event.manage");
  await db.transaction(async (tx) => {
    await tx.update(eventRegistrations).set({ attended: false }).where(eq(eventRegistrations.eventId, eventId));
    if (attendedIds.length) {
      await tx.update(eventRegistrations).set({ attended: true }).where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.id, [...attendedIds])));
    }
    await recordAudit(tx, { actorUserId: actorId(actor), action: "event.attendance", subjectType: "event", subjectId: eventId, data: { attended: attendedIds.length } });
  });
}
