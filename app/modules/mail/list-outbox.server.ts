import { and, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { auditLog, outbox, users } from "~/db/schema";
import type { Actor } from "~/lib/policy";
import { OUTBOX_STATUSES, type OutboxStatus } from "./delivery";

// A password-reset link opens its account to whoever holds it. It is meant for the mailbox of
// the account's owner alone, so the outbox shows the mail but never the link's secret: else an
// Admin Lokal could ask a reset for the head of agency and sign in as them (an endorsement is
// the head's alone), and the secretariat could do so to any account.
const RESET_LINK = /(\/atur-ulang-sandi\/)[A-Za-z0-9_-]+/g;
// An invitation link sets the password of the account it names, so it too opens that account.
// Until real mail lands, the person who sent the invitation hands the link on; only they see it.
// Else an Admin Lokal could take up the account of the head the secretariat invited for its
// agency, and endorse in the head's name.
const INVITE_LINK = /(\/undangan\/)[A-Za-z0-9_-]+/g;
// An email change's link moves the account to the address it was sent to: for that mailbox alone.
const EMAIL_CHANGE_LINK = /(\/ganti-email\/)[A-Za-z0-9_-]+/g;
export const HIDDEN_SECRET = "••••••";

export function withoutSecrets(body: string, opts: { keepInvitation?: boolean } = {}): string {
  const hidden = body.replace(RESET_LINK, `$1${HIDDEN_SECRET}`).replace(EMAIL_CHANGE_LINK, `$1${HIDDEN_SECRET}`);
  return opts.keepInvitation ? hidden : hidden.replace(INVITE_LINK, `$1${HIDDEN_SECRET}`);
}

/** Of these addresses, those the actor invited (the audit log names who sent each invitation). */
async function invitedBy(db: DbOrTx, actorId: number, addresses: string[]): Promise<Set<string>> {
  if (!addresses.length) return new Set();
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .innerJoin(auditLog, and(eq(auditLog.subjectType, "user"), eq(auditLog.subjectId, sql`${users.id}::text`), eq(auditLog.action, "user.invite")))
    .where(and(eq(auditLog.actorUserId, actorId), inArray(sql`lower(${users.email})`, addresses)));
  return new Set(rows.map((r) => r.email.toLowerCase()));
}


// The secretariat reads all outgoing mail; Admin Lokal reads only mail to its own agency's people.
function scopeOf(db: DbOrTx, actor: Extract<Actor, { kind: "user" }>) {
  return actor.role === "national_admin"
    ? undefined
    : inArray(outbox.toAddress, db.select({ email: users.email }).from(users).where(eq(users.agencyId, actor.agencyId ?? -1)));
}

export async function listOutbox(db: DbOrTx, actor: Extract<Actor, { kind: "user" }>, opts: { status?: OutboxStatus | null; limit?: number; offset?: number } = {}) {
  const scope = scopeOf(db, actor);
  const mails = await db
    .select()
    .from(outbox)
    .where(and(scope, opts.status ? eq(outbox.status, opts.status) : undefined))
    .orderBy(desc(outbox.id))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
  const mine = await invitedBy(db, actor.id, [...new Set(mails.filter((m) => m.kind === "invite").map((m) => m.toAddress.toLowerCase()))]);
  return mails.map((m) => {
    const keepInvitation = m.kind === "invite" && mine.has(m.toAddress.toLowerCase());
    const hidden = m.kind === "password-reset" || m.kind === "email-change" ? "reset" : m.kind === "invite" && !keepInvitation ? "invitation" : null;
    return { ...m, bodyText: withoutSecrets(m.bodyText, { keepInvitation }), hidden };
  });
}

/** How many of the actor's mails stand at each status. */
export async function outboxCounts(db: DbOrTx, actor: Extract<Actor, { kind: "user" }>): Promise<Record<OutboxStatus, number>> {
  const rows = await db
    .select({ status: outbox.status, n: sql<number>`count(*)::int` })
    .from(outbox)
    .where(scopeOf(db, actor))
    .groupBy(outbox.status);
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}

/** Whether the actor may see this mail (and so send it again). */
export async function inOutboxScope(db: DbOrTx, actor: Extract<Actor, { kind: "user" }>, id: number): Promise<boolean> {
  const [row] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.id, id), scopeOf(db, actor)));
  return row !== undefined;
}

/**
 * Whether the mail server was failing at the last attempt: the newest mail waiting for it, with
 * how the server failed and when, and how many mails wait (of the actor's outbox).
 */
export async function mailServerTrouble(db: DbOrTx, actor: Extract<Actor, { kind: "user" }>) {
  const waiting = and(scopeOf(db, actor), eq(outbox.status, "pending"), isNotNull(outbox.fault));
  const [latest] = await db.select({ fault: outbox.fault, at: outbox.lastAttemptAt }).from(outbox).where(waiting).orderBy(desc(outbox.lastAttemptAt)).limit(1);
  if (!latest?.fault || !latest.at) return null;
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(outbox).where(and(scopeOf(db, actor), eq(outbox.status, "pending")));
  return { fault: latest.fault, at: latest.at, waiting: n };
}
