// One notice, two channels: the email outbox (both languages, the recipient's language is not
// known to the mail) and the in-app list in the work area (shown in the reader's language).
// Every step of the competition that someone must hear of goes through here.
import { and, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import { preparedPerDatabase } from "~/db/prepared.server";
import { notifications } from "~/db/schema";
import type { MessageVars } from "~/i18n";
import { writeTogether } from "~/db/write-together.server";
import { bilingual, bilingualSubject, mailInsert } from "~/modules/mail/queue-mail.server";

export type Recipient = { id: number; email: string };
export type Notice = {
  kind: string;
  /** Message key prefix: `${key}.subject` is the title (and the in-app text), `${key}.body` the mail. */
  key: string;
  /** Kept as given (jsonb) and formatted when read: an instant goes as `instantVar(...)`, never preformatted. */
  vars: MessageVars;
  /** Path in the work area the notice leads to (the mail carries it as an absolute link in vars). */
  link?: string;
};

/** The notice's inserts (mail and in-app), not yet sent: none when nobody is to be told. */
export function noticeInserts(tx: DbOrTx, to: readonly Recipient[], n: Notice) {
  const unique = [...new Map(to.map((r) => [r.id, r])).values()];
  if (!unique.length) return [];
  // The text is the same for everyone told: written once, stored in one statement per channel.
  const subject = bilingualSubject(`${n.key}.subject`, n.vars);
  const body = bilingual(`${n.key}.body`, n.vars);
  return [
    mailInsert(tx, unique.map((r) => ({ to: r.email, kind: n.kind, subject, body }))),
    tx.insert(notifications).values(unique.map((r) => ({ userId: r.id, kind: n.kind, messageKey: `${n.key}.subject`, vars: n.vars, link: n.link ?? null }))),
  ];
}

export async function notify(tx: DbOrTx, to: readonly Recipient[], n: Notice) {
  await writeTogether(tx, noticeInserts(tx, to, n));
}

// Shown in the work area's menu on every page: prepared once (db/prepared.server.ts).
const unreadStatement = preparedPerDatabase((db) =>
  db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, sql.placeholder("userId")), isNull(notifications.readAt)))
    .prepare("lumbung_unread_count"),
);

export async function unreadCount(db: Db, userId: number): Promise<number> {
  const [row] = await unreadStatement(db).execute({ userId });
  return row?.n ?? 0;
}

export function latestNotifications(db: DbOrTx, userId: number, limit = 50) {
  return db
    .select({ id: notifications.id, kind: notifications.kind, key: notifications.messageKey, vars: notifications.vars, link: notifications.link, readAt: notifications.readAt, createdAt: notifications.createdAt })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
}

/**
 * The latest notices as the notifications page shows them, marked read by being shown (as a
 * mail or chat app does: the count in the menu is of notices not yet seen). Each keeps `readAt`
 * as it was before, so the page can still point out what is new on this visit. Only the shown
 * ones are marked: older unread notices beyond the list stay counted, for "mark all read".
 */
export async function openNotifications(db: DbOrTx, userId: number, limit = 50) {
  const rows = await latestNotifications(db, userId, limit);
  const unread = rows.filter((r) => r.readAt === null).map((r) => r.id);
  if (unread.length) {
    await db.update(notifications).set({ readAt: new Date() }).where(and(inArray(notifications.id, unread), isNull(notifications.readAt)));
  }
  return rows;
}

export async function markAllRead(db: DbOrTx, userId: number) {
  await db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}
