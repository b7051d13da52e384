// Everything Lumbung keeps about one person, for that person to download (Indonesia's Personal
// Data Protection Law, UU 27/2022, gives everyone the right to obtain their personal data): the
// account, where and when they signed in, what they did (the audit log), what they were told (in
// the app and by mail). Not the agency's register, which is the agency's record, not personal.
// Secrets stay out: no password or recovery-code hash, no authenticator key, no session or link
// token, and of the mails only their subject and fate (a body may carry a link still live).
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, auditLog, notifications, outbox, recoveryCodes, sessions, units, users } from "~/db/schema";

// Enough for years of ordinary use; the newest are kept when there are more.
const MAX_ROWS = 10_000;

export async function myData(db: Db, me: { id: number }, now = new Date()) {
  const [account] = await db
    .select({
      name: users.name,
      email: users.email,
      role: users.role,
      agency: agencies.name,
      unit: units.name,
      locale: users.locale,
      createdAt: users.createdAt,
      disabledAt: users.disabledAt,
      twoStepSince: users.totpEnabledAt,
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, me.id));
  const [open, codes, activity, told, mails] = await Promise.all([
    db
      .select({ startedAt: sessions.createdAt, endsAt: sessions.expiresAt })
      .from(sessions)
      .where(and(eq(sessions.userId, me.id), sql`${sessions.expiresAt} > ${now.toISOString()}`))
      .orderBy(desc(sessions.createdAt)),
    db
      .select({ left: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, me.id), isNull(recoveryCodes.usedAt))),
    // What they did, and what was done to their account (a lockout, an admin's change).
    db
      .select({ at: auditLog.at, action: auditLog.action, byMe: sql<boolean>`${auditLog.actorUserId} is not distinct from ${me.id}`, subjectType: auditLog.subjectType, subjectId: auditLog.subjectId, data: auditLog.data })
      .from(auditLog)
      .where(or(eq(auditLog.actorUserId, me.id), and(eq(auditLog.subjectType, "user"), eq(auditLog.subjectId, String(me.id)))))
      .orderBy(desc(auditLog.id))
      .limit(MAX_ROWS),
    db
      .select({ at: notifications.createdAt, kind: notifications.kind, messageKey: notifications.messageKey, vars: notifications.vars, link: notifications.link, readAt: notifications.readAt })
      .from(notifications)
      .where(eq(notifications.userId, me.id))
      .orderBy(desc(notifications.id))
      .limit(MAX_ROWS),
    db
      .select({ at: outbox.createdAt, kind: outbox.kind, subject: outbox.subject, status: outbox.status, sentAt: outbox.sentAt })
      .from(outbox)
      .where(sql`lower(${outbox.toAddress}) = lower(${account.email})`)
      .orderBy(desc(outbox.id))
      .limit(MAX_ROWS),
  ]);
  return {
    exportedAt: now.toISOString(),
    account: { ...account, twoStep: account.twoStepSince ? { since: account.twoStepSince, recoveryCodesLeft: codes[0].left } : null },
    sessions: open,
    activity: activity.map((a) => ({ ...a, data: withoutSecrets(a.data) })),
    notifications: told,
    mails,
  };
}

// Audit data holds no secret by design (tokens are never recorded), but what a future action
// stores is not known here: any key that names one is dropped on the way out.
function withoutSecrets(data: unknown): unknown {
  if (!data || typeof data !== "object" || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).filter(([k]) => !/token|hash|secret|password|sendKey/i.test(k)));
}
