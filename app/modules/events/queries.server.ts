// Events as the public, an agency and the secretariat see them.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, eventRegistrations, events, regions } from "~/db/schema";
import type { ZoneName } from "~/i18n";
import type { EventKind } from "./schemas";

export type EventSummary = {
  id: number;
  slug: string;
  kind: EventKind;
  title: string;
  batch: string | null;
  provinceCodes: string[];
  startsAt: string;
  endsAt: string;
  timeZone: ZoneName;
  place: string;
  capacity: number | null;
  registrationClosesAt: string;
  publishedAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** Holding a place. */
  registered: number;
  /** On the waiting list. */
  waiting: number;
};

const summaryColumns = {
  id: events.id,
  slug: events.slug,
  kind: events.kind,
  title: events.title,
  batch: events.batch,
  provinceCodes: events.provinceCodes,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  place: events.place,
  capacity: events.capacity,
  registrationClosesAt: events.registrationClosesAt,
  publishedAt: events.publishedAt,
  cancelledAt: events.cancelledAt,
  createdAt: events.createdAt,
  updatedAt: events.updatedAt,
  registered: sql<number>`(SELECT count(*)::int FROM event_registrations r WHERE r.event_id = "events"."id" AND NOT r.waiting)`,
  waiting: sql<number>`(SELECT count(*)::int FROM event_registrations r WHERE r.event_id = "events"."id" AND r.waiting)`,
};

type Row = { [K in keyof typeof summaryColumns]: unknown };
const toSummary = (r: Row): EventSummary => ({
  id: r.id as number,
  slug: r.slug as string,
  kind: r.kind as EventKind,
  title: r.title as string,
  batch: r.batch as string | null,
  provinceCodes: r.provinceCodes as string[],
  startsAt: (r.startsAt as Date).toISOString(),
  endsAt: (r.endsAt as Date).toISOString(),
  timeZone: r.timeZone as ZoneName,
  place: r.place as string,
  capacity: r.capacity as number | null,
  registrationClosesAt: (r.registrationClosesAt as Date).toISOString(),
  publishedAt: r.publishedAt ? (r.publishedAt as Date).toISOString() : null,
  cancelledAt: r.cancelledAt ? (r.cancelledAt as Date).toISOString() : null,
  createdAt: (r.createdAt as Date).toISOString(),
  updatedAt: (r.updatedAt as Date).toISOString(),
  registered: Number(r.registered),
  waiting: Number(r.waiting),
});

/** Published events: upcoming ones soonest first, past ones (the last 50) newest first. */
export async function publicEvents(db: DbOrTx, now: Date): Promise<{ upcoming: EventSummary[]; past: EventSummary[] }> {
  const [upcoming, past] = await Promise.all([
    db.select(summaryColumns).from(events).where(and(isNotNull(events.publishedAt), gte(events.endsAt, now))).orderBy(asc(events.startsAt), asc(events.id)).limit(200),
    // A cancelled event did not take place: it is not listed among those held.
    db.select(summaryColumns).from(events).where(and(isNotNull(events.publishedAt), lt(events.endsAt, now), isNull(events.cancelledAt))).orderBy(desc(events.startsAt), desc(events.id)).limit(50),
  ]);
  return { upcoming: upcoming.map(toSummary), past: past.map(toSummary) };
}

/** Every event, for the secretariat, newest first. */
export async function allEvents(db: DbOrTx): Promise<EventSummary[]> {
  return (await db.select(summaryColumns).from(events).orderBy(desc(events.startsAt), desc(events.id)).limit(500)).map(toSummary);
}

export async function eventBySlug(db: DbOrTx, slug: string) {
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return null;
  const [row] = await db.select({ ...summaryColumns, description: events.description }).from(events).where(eq(events.slug, slug));
  return row ? { ...toSummary(row), description: row.description } : null;
}
export type EventDetail = NonNullable<Awaited<ReturnType<typeof eventBySlug>>>;

export type Registration = {
  id: number;
  agencyId: number;
  agency: string;
  name: string;
  position: string;
  email: string;
  registeredAt: string;
  attended: boolean | null;
  waiting: boolean;
  /** Place on the waiting list (1: next to move up); null for one holding a place. */
  line: number | null;
};

/**
 * An event's registrations: one agency's, or all of them (the secretariat's list). Those holding
 * a place first (by agency), then the waiting list in its order.
 */
export async function registrationsOf(db: DbOrTx, eventId: number, agencyId?: number): Promise<Registration[]> {
  // The place in line is counted over the whole event's list, whichever agency's rows are read.
  const line = sql<number | null>`CASE WHEN ${eventRegistrations.waiting} THEN (
    SELECT count(*)::int FROM event_registrations w
    WHERE w.event_id = ${eventRegistrations.eventId} AND w.waiting
      AND (w.registered_at, w.id) <= (${eventRegistrations.registeredAt}, ${eventRegistrations.id})) END`;
  const rows = await db
    .select({
      id: eventRegistrations.id,
      agencyId: eventRegistrations.agencyId,
      agency: agencies.name,
      name: eventRegistrations.name,
      position: eventRegistrations.position,
      email: eventRegistrations.email,
      registeredAt: eventRegistrations.registeredAt,
      attended: eventRegistrations.attended,
      waiting: eventRegistrations.waiting,
      line,
    })
    .from(eventRegistrations)
    .innerJoin(agencies, eq(agencies.id, eventRegistrations.agencyId))
    .where(and(eq(eventRegistrations.eventId, eventId), agencyId !== undefined ? eq(eventRegistrations.agencyId, agencyId) : undefined))
    .orderBy(asc(eventRegistrations.waiting), sql`CASE WHEN ${eventRegistrations.waiting} THEN NULL ELSE ${agencies.name} END`, asc(eventRegistrations.registeredAt), asc(eventRegistrations.id));
  return rows.map((r) => ({ ...r, registeredAt: r.registeredAt.toISOString(), line: r.line === null ? null : Number(r.line) }));
}

/** The names of an event's batch provinces, in code order. */
export async function provinceNames(db: DbOrTx, codes: readonly string[]): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, [...codes]));
  return rows.sort((a, b) => a.code.localeCompare(b.code)).map((r) => r.name);
}
