// The secretariat's message to an edition's participants: every agency with a proposal in it (all
// of them, those still writing, or those that submitted), or the edition's judges. The deadline
// was extended in 2015, 2020 and 2023 (PROGRAMME.md): telling three thousand agencies at once,
// in the app and by mail, is part of running the competition.
//
// - An agency is told through its Admin Lokal, or its unit operators when it has none (as the
//   check-in reminder does); an agency with nobody in Lumbung is counted, to be reached otherwise.
// - What is sent is what the secretariat saw: the form carries the number of recipients it was
//   shown, and if the audience has changed since (a proposal submitted meanwhile), nothing is
//   sent and the new number is shown.
// - A form sent twice (a double click, a reload) sends once: each form carries a key of its own.
// - The message is kept in the audit log, which is also the list of what was sent; a recipient
//   reads it whole at /kelola/pesan/:id, which the in-app notice links to.
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "~/db/client.server";
import { agencies, auditLog, competitionJudges, competitions, notifications, proposals, users } from "~/db/schema";
import { writeTogether } from "~/db/write-together.server";
import { AppError } from "~/lib/errors";
import { assertCan, can, type Actor } from "~/lib/policy";
import { bilingual, mailInsert } from "~/modules/mail/queue-mail.server";
import { agencyContacts } from "~/modules/notifications/agency-contacts.server";
import { AUDIENCES, type Audience } from "./broadcast";

export const BROADCAST_ACTION = "competition.broadcast";

// A proposal still being written: at its unit, with Admin Lokal, returned, or awaiting the head.
const UNSUBMITTED = ["draft", "agency_review", "returned", "awaiting_endorsement"] as const;

export const BroadcastSchema = z.object({
  audience: z.enum(AUDIENCES, { error: "field.required" }),
  // One line: it becomes the mail's Subject header.
  subject: z
    .string({ error: "field.required" })
    .trim()
    .min(3, { error: "field.tooShort" })
    .max(150, { error: "field.tooLong" })
    .regex(/^[^\u0000-\u001f\u007f]*$/, { error: "field.invalid" }),
  body: z.string({ error: "field.required" }).trim().min(10, { error: "field.tooShort" }).max(5000, { error: "field.tooLong" }),
  confirm: z.literal("1", { error: "competitions.broadcast.errors.confirm" }),
  expected: z.coerce.number({ error: "errors.invalid" }).int().min(0).max(1_000_000),
  sendKey: z.string({ error: "errors.invalid" }).regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "errors.invalid" }),
});

export const newSendKey = () => randomBytes(16).toString("base64url");

type Person = { id: number; email: string; name: string; agencyName: string | null };

/** Who an audience reaches in the edition, and how many of its agencies have nobody to tell. */
export async function broadcastRecipients(db: DbOrTx, competitionId: number, audience: Audience): Promise<{ people: Person[]; unreachable: number }> {
  const person = { id: users.id, email: users.email, name: users.name, agencyName: agencies.name };
  if (audience === "judges") {
    const people = await db
      .select(person)
      .from(competitionJudges)
      .innerJoin(users, eq(users.id, competitionJudges.userId))
      .leftJoin(agencies, eq(agencies.id, users.agencyId))
      .where(and(eq(competitionJudges.competitionId, competitionId), isNull(users.disabledAt)))
      .orderBy(asc(users.name), asc(users.id));
    return { people, unreachable: 0 };
  }
  const states = audience === "unsubmitted" ? [...UNSUBMITTED] : audience === "submitted" ? ["submitted" as const] : null;
  const entered = db
    .selectDistinct({ agencyId: proposals.agencyId })
    .from(proposals)
    .where(and(eq(proposals.competitionId, competitionId), states ? inArray(proposals.state, states) : sql`${proposals.state} <> 'withdrawn'`));
  const contacts = await agencyContacts(db, entered);
  const [{ n: agencyCount }] = await db.select({ n: sql<number>`count(*)::int` }).from(entered.as("e"));
  const people = [...contacts.values()].flat().map(({ id, email, name, agencyName }) => ({ id, email, name, agencyName }));
  return { people, unreachable: agencyCount - contacts.size };
}

export type BroadcastInput = z.infer<typeof BroadcastSchema>;

/** Send the message; the number sent, and the message's id (its audit row). */
export async function sendBroadcast(
  db: Db,
  actor: Actor,
  competition: { id: number; slug: string; name: string },
  input: BroadcastInput,
  opts: { publicUrl: string },
): Promise<{ id: number; sent: number; again: boolean }> {
  assertCan(actor, "competition.manage");
  return db.transaction(async (tx) => {
    // One sender at a time per edition: the same form sent twice finds the first one's row.
    await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.id, competition.id)).for("update");
    const [earlier] = await tx
      .select({ id: auditLog.id, data: auditLog.data })
      .from(auditLog)
      .where(and(eq(auditLog.action, BROADCAST_ACTION), eq(auditLog.subjectType, "competition"), eq(auditLog.subjectId, String(competition.id)), sql`${auditLog.data}->>'sendKey' = ${input.sendKey}`));
    if (earlier) return { id: earlier.id, sent: Number((earlier.data as { recipients?: number }).recipients ?? 0), again: true };
    const { people, unreachable } = await broadcastRecipients(tx, competition.id, input.audience);
    if (people.length !== input.expected) throw new AppError("conflict", "competitions.broadcast.errors.countChanged", { count: String(people.length) });
    if (!people.length) throw new AppError("conflict", "competitions.broadcast.errors.nobody");
    const [row] = await tx
      .insert(auditLog)
      .values({
        actorUserId: actor.kind === "user" ? actor.id : null,
        action: BROADCAST_ACTION,
        subjectType: "competition",
        subjectId: String(competition.id),
        data: { audience: input.audience, subject: input.subject, body: input.body, recipients: people.length, unreachable, sendKey: input.sendKey },
      })
      .returning({ id: auditLog.id });
    const link = `/kelola/pesan/${row.id}`;
    // The secretariat's words go as written, once; only the note under them is in both languages.
    const footer = bilingual("mail.broadcast.footer", { competition: competition.name, link: `${opts.publicUrl}${link}` });
    const mail = { kind: "broadcast", subject: `[${competition.name}] ${input.subject}`, body: `${input.body}\n\n---\n\n${footer}` };
    await writeTogether(tx, [
      mailInsert(tx, people.map((p) => ({ ...mail, to: p.email }))),
      tx.insert(notifications).values(
        people.map((p) => ({ userId: p.id, kind: "broadcast", messageKey: "competitions.broadcast.notice", vars: { competition: competition.name, subject: input.subject }, link })),
      ),
    ]);
    return { id: row.id, sent: people.length, again: false };
  });
}

type Sent = { audience: Audience; subject: string; body: string; recipients: number; unreachable: number };

/** What was sent in the edition, newest first. */
export async function editionBroadcasts(db: DbOrTx, competitionId: number) {
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.at, data: auditLog.data, sender: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.action, BROADCAST_ACTION), eq(auditLog.subjectType, "competition"), eq(auditLog.subjectId, String(competitionId))))
    .orderBy(desc(auditLog.id))
    .limit(200);
  return rows.map((r) => {
    const d = r.data as Sent;
    return { id: r.id, at: r.at.toISOString(), sender: r.sender, audience: d.audience, subject: d.subject, recipients: d.recipients, unreachable: d.unreachable };
  });
}

/**
 * One message, for the secretariat or someone it was sent to (who holds its notice); anyone
 * else is told it does not exist.
 */
export async function readBroadcast(db: Db, actor: Actor, id: number) {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const [row] = await db
    .select({ id: auditLog.id, at: auditLog.at, data: auditLog.data, sender: users.name, competitionName: competitions.name, slug: competitions.slug })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .innerJoin(competitions, sql`${competitions.id}::text = ${auditLog.subjectId}`)
    .where(and(eq(auditLog.id, id), eq(auditLog.action, BROADCAST_ACTION), eq(auditLog.subjectType, "competition")));
  if (!row) throw new AppError("not-found", "errors.notFound");
  // The secretariat reads every message; anyone else, the ones sent to them.
  if (!can(actor, "competition.manage").ok) {
    const [told] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.id), eq(notifications.link, `/kelola/pesan/${id}`)))
      .limit(1);
    if (!told) throw new AppError("not-found", "errors.notFound");
  }
  const d = row.data as Sent;
  return { id: row.id, at: row.at.toISOString(), sender: row.sender, competitionName: row.competitionName, slug: row.slug, subject: d.subject, body: d.body, audience: d.audience, recipients: d.recipients };
}
