// Site visits (studi tiru): an agency asks to visit another's published innovation; the host
// accepts with a date or declines with a reason; the asker may withdraw while it waits. Each step
// is told to the other side, in the app and by mail. What follows an acceptance (a new date, a
// call-off, the record of whether it took place) has its own files beside this one.
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db, DbOrTx } from "~/db/client.server";
import { agencies, innovations, users, visitRequests } from "~/db/schema";
import { AppError, notFound } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import type { MessageVars } from "~/i18n";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { latestStartDate } from "~/modules/innovations/schemas";
import { notify } from "~/modules/notifications/notify.server";
import type { VisitAnswerInput, VisitRequestInput } from "./schemas";

const host = alias(agencies, "host");
const visitor = alias(agencies, "visitor");
const canceller = alias(users, "canceller");

/** A calendar day for a notice, formatted in each reader's language when the notice is read. */
export const dayVars = (name: string, day: string): MessageVars => ({ [name]: { day } });

/**
 * What a visit reads as. A cancelled request is one of two things: a request the asker withdrew
 * while it waited (no date agreed, nobody named), or an accepted visit either side called off
 * before its day (with who, when and why). An accepted visit whose outcome is recorded is shown by
 * it (took place or not).
 */
export type VisitStatus = "pending" | "accepted" | "declined" | "withdrawn" | "calledOff" | "held" | "notHeld";
export function visitStatus(v: { state: "pending" | "accepted" | "declined" | "cancelled"; held: boolean | null; cancelledAt: Date | string | null }): VisitStatus {
  if (v.state === "cancelled") return v.cancelledAt ? "calledOff" : "withdrawn";
  if (v.state === "accepted" && v.held !== null) return v.held ? "held" : "notHeld";
  return v.state;
}

/** The people who answer for an agency: its Admin Lokal and head (its operators when it has neither). */
export async function speakersFor(db: DbOrTx, agencyId: number) {
  const staff = await db
    .select({ id: users.id, email: users.email, role: users.role })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), inArray(users.role, ["agency_admin", "agency_head", "unit_operator"]), isNull(users.disabledAt)));
  const leaders = staff.filter((s) => s.role !== "unit_operator");
  return leaders.length ? leaders : staff;
}

/** A published innovation to visit, by its address. */
export async function visitableInnovation(db: DbOrTx, slug: string) {
  if (!/^[a-z0-9-]{1,200}$/.test(slug)) return null;
  const [row] = await db
    .select({ id: innovations.id, slug: innovations.slug, name: innovations.name, agencyId: innovations.agencyId, agency: agencies.name })
    .from(innovations)
    .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
    .where(and(eq(innovations.slug, slug), eq(innovations.state, "published")));
  return row ?? null;
}

export async function requestVisit(db: Db, actor: Actor, innovationSlug: string, input: VisitRequestInput, opts: { now: Date; baseUrl: string }) {
  const innovation = await visitableInnovation(db, innovationSlug);
  if (!innovation) throw notFound();
  assertCan(actor, "visit.request", { hostAgencyId: innovation.agencyId });
  if (actor.kind !== "user" || actor.agencyId === null) throw new AppError("forbidden", "errors.forbidden");
  // A visit is asked for ahead: not for a day already past anywhere in the country.
  if (input.preferredOn < latestStartDate(opts.now)) throw new AppError("invalid", "visits.errors.pastDate", { preferredOn: "visits.errors.pastDate" });
  const visitorAgencyId = actor.agencyId;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(visitRequests)
      .values({ innovationId: innovation.id, hostAgencyId: innovation.agencyId, visitorAgencyId, requestedBy: actor.id, preferredOn: input.preferredOn, participants: input.participants, purpose: input.purpose, createdAt: opts.now })
      .returning({ id: visitRequests.id });
    const [v] = await tx.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, visitorAgencyId));
    const link = `/kelola/kunjungan/${row!.id}`;
    await notify(tx, await speakersFor(tx, innovation.agencyId), {
      kind: "visit-requested",
      key: "mail.visitRequested",
      vars: { visitor: v?.name ?? "", innovation: innovation.name, ...dayVars("date", input.preferredOn), link: `${opts.baseUrl.replace(/\/+$/, "")}${link}` },
      link,
    });
    await recordAudit(tx, { actorUserId: actor.id, action: "visit.request", subjectType: "visit", subjectId: row!.id });
    return row!;
  });
}

export type VisitRow = Awaited<ReturnType<typeof visitById>>;

export async function visitById(db: DbOrTx, id: number) {
  const [row] = await db
    .select({
      id: visitRequests.id,
      state: visitRequests.state,
      preferredOn: visitRequests.preferredOn,
      participants: visitRequests.participants,
      purpose: visitRequests.purpose,
      agreedOn: visitRequests.agreedOn,
      answer: visitRequests.answer,
      answeredAt: visitRequests.answeredAt,
      rescheduledFrom: visitRequests.rescheduledFrom,
      rescheduleReason: visitRequests.rescheduleReason,
      rescheduledAt: visitRequests.rescheduledAt,
      cancelReason: visitRequests.cancelReason,
      cancelledAt: visitRequests.cancelledAt,
      cancelledBy: canceller.name,
      cancellerAgencyId: canceller.agencyId,
      held: visitRequests.held,
      attendees: visitRequests.attendees,
      learned: visitRequests.learned,
      outcomeRecordedAt: visitRequests.outcomeRecordedAt,
      createdAt: visitRequests.createdAt,
      hostAgencyId: visitRequests.hostAgencyId,
      visitorAgencyId: visitRequests.visitorAgencyId,
      host: host.name,
      visitor: visitor.name,
      innovation: innovations.name,
      innovationSlug: innovations.slug,
      requestedBy: users.name,
      requesterEmail: users.email,
    })
    .from(visitRequests)
    .innerJoin(host, eq(host.id, visitRequests.hostAgencyId))
    .innerJoin(visitor, eq(visitor.id, visitRequests.visitorAgencyId))
    .innerJoin(innovations, eq(innovations.id, visitRequests.innovationId))
    .leftJoin(users, eq(users.id, visitRequests.requestedBy))
    .leftJoin(canceller, eq(canceller.id, visitRequests.cancelledBy))
    .where(eq(visitRequests.id, id));
  return row ?? null;
}

/** An agency's visits, asked and received, newest first; every agency's for the secretariat. */
export async function visitsOf(db: DbOrTx, agencyId: number | null) {
  const rows = await db
    .select({
      id: visitRequests.id,
      state: visitRequests.state,
      preferredOn: visitRequests.preferredOn,
      agreedOn: visitRequests.agreedOn,
      held: visitRequests.held,
      cancelledAt: visitRequests.cancelledAt,
      hostAgencyId: visitRequests.hostAgencyId,
      host: host.name,
      visitor: visitor.name,
      innovation: innovations.name,
      createdAt: visitRequests.createdAt,
    })
    .from(visitRequests)
    .innerJoin(host, eq(host.id, visitRequests.hostAgencyId))
    .innerJoin(visitor, eq(visitor.id, visitRequests.visitorAgencyId))
    .innerJoin(innovations, eq(innovations.id, visitRequests.innovationId))
    .where(agencyId === null ? undefined : or(eq(visitRequests.hostAgencyId, agencyId), eq(visitRequests.visitorAgencyId, agencyId)))
    .orderBy(desc(visitRequests.createdAt), desc(visitRequests.id))
    .limit(300);
  return rows.map(({ cancelledAt, ...r }) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    incoming: agencyId !== null && r.hostAgencyId === agencyId,
    status: visitStatus({ ...r, cancelledAt }),
  }));
}

export async function answerVisit(db: Db, actor: Actor, id: number, input: VisitAnswerInput, opts: { now: Date; baseUrl: string }) {
  const visit = await visitById(db, id);
  if (!visit) throw notFound();
  assertCan(actor, "visit.answer", visit);
  if (visit.state !== "pending") throw new AppError("conflict", "visits.errors.notPending");
  if (input.decision === "accept" && input.agreedOn! < latestStartDate(opts.now)) throw new AppError("invalid", "visits.errors.pastDate", { agreedOn: "visits.errors.pastDate" });
  const accepted = input.decision === "accept";
  await db.transaction(async (tx) => {
    // Only a waiting request is answered, once: two answers at once leave one.
    const done = await tx
      .update(visitRequests)
      .set({ state: accepted ? "accepted" : "declined", agreedOn: accepted ? input.agreedOn! : null, answer: input.answer ?? null, answeredBy: actor.kind === "user" ? actor.id : null, answeredAt: opts.now })
      .where(and(eq(visitRequests.id, id), eq(visitRequests.state, "pending")))
      .returning({ id: visitRequests.id });
    if (!done.length) throw new AppError("conflict", "visits.errors.notPending");
    const link = `/kelola/kunjungan/${id}`;
    await notify(tx, await speakersFor(tx, visit.visitorAgencyId), {
      kind: "visit-answered",
      key: accepted ? "mail.visitAccepted" : "mail.visitDeclined",
      vars: {
        host: visit.host,
        innovation: visit.innovation,
        ...(accepted ? dayVars("date", input.agreedOn!) : { reason: input.answer ?? "" }),
        link: `${opts.baseUrl.replace(/\/+$/, "")}${link}`,
      },
      link,
    });
    await recordAudit(tx, { actorUserId: actor.kind === "user" ? actor.id : null, action: accepted ? "visit.accept" : "visit.decline", subjectType: "visit", subjectId: id });
  });
}

export async function cancelVisit(db: Db, actor: Actor, id: number) {
  const visit = await visitById(db, id);
  if (!visit) throw notFound();
  assertCan(actor, "visit.cancel", visit);
  const done = await db
    .update(visitRequests)
    .set({ state: "cancelled" })
    .where(and(eq(visitRequests.id, id), eq(visitRequests.state, "pending")))
    .returning({ id: visitRequests.id });
  if (!done.length) throw new AppError("conflict", "visits.errors.notPending");
  await recordAudit(db, { actorUserId: actor.kind === "user" ? actor.id : null, action: "visit.cancel", subjectType: "visit", subjectId: id });
}

/**
 * How many visits an innovation has received, shown publicly as a sign that others learn from it.
 * Only visits the asking agency recorded as held count: an agreed date that has passed says only
 * that a visit was planned (it may have been called off by telephone, or never recorded), and
 * the asking side is the one that knows whether its people went and learnt something.
 */
export async function visitCount(db: DbOrTx, innovationId: number): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(visitRequests)
    .where(and(eq(visitRequests.innovationId, innovationId), eq(visitRequests.state, "accepted"), eq(visitRequests.held, true)));
  return Number(r?.n ?? 0);
}
