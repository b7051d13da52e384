// The waiting list of a full event. Whoever frees a place (an agency withdrawing its participant,
// the secretariat removing one or adding places) calls moveUpWaiting inside the same transaction,
// with the event's row already locked (`for update`): the place is given in the same commit that
// frees it, so two withdrawals at once move up two people, in order, and never more than the
// places allow.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { eventRegistrations, events } from "~/db/schema";
import { tellRegistrations } from "./tell-participants.server";

type LockedEvent = typeof events.$inferSelect;

/** How many hold a place (waiting ones are not counted). */
export async function placesTaken(tx: DbOrTx, eventId: number): Promise<number> {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.waiting, false)));
  return Number(n);
}

/** A waiting registration's place in line: 1 for the next to move up. */
export async function lineOf(tx: DbOrTx, eventId: number, registrationId: number): Promise<number> {
  const [me] = await tx.select({ at: eventRegistrations.registeredAt }).from(eventRegistrations).where(eq(eventRegistrations.id, registrationId));
  if (!me) return 0;
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(
      and(
        eq(eventRegistrations.eventId, eventId),
        eq(eventRegistrations.waiting, true),
        sql`(${eventRegistrations.registeredAt}, ${eventRegistrations.id}) <= (${me.at.toISOString()}::timestamptz, ${registrationId})`,
      ),
    );
  return Number(n);
}

/**
 * Gives the free places to the first in line, in order of registration, and tells them. The
 * event's row must be locked by the caller. Nobody moves up once the event is cancelled or has
 * begun: a place offered then could not be used.
 */
export async function moveUpWaiting(tx: DbOrTx, event: LockedEvent, opts: { now: Date; baseUrl: string }): Promise<number[]> {
  if (event.cancelledAt || opts.now >= event.startsAt) return [];
  let free: number | null = null;
  if (event.capacity !== null) {
    free = event.capacity - (await placesTaken(tx, event.id));
    if (free <= 0) return [];
  }
  const first = tx
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.waiting, true)))
    .orderBy(asc(eventRegistrations.registeredAt), asc(eventRegistrations.id));
  const chosen = free === null ? await first : await first.limit(free);
  if (!chosen.length) return [];
  const ids = chosen.map((r) => r.id);
  const moved = await tx
    .update(eventRegistrations)
    .set({ waiting: false, promotedAt: opts.now })
    .where(inArray(eventRegistrations.id, ids))
    .returning({ id: eventRegistrations.id, name: eventRegistrations.name, email: eventRegistrations.email, registeredBy: eventRegistrations.registeredBy });
  await tellRegistrations(
    tx,
    event,
    moved.map((r) => ({ ...r, waiting: false, line: null })),
    { kind: "event-promoted", key: "mail.eventPromoted", baseUrl: opts.baseUrl },
  );
  return ids;
}
