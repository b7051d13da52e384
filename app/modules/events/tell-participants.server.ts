// Telling registered people about their registration: a mail to the participant's own address
// (the person who will come) and a notice in the app to the agency's user who registered them
// (the person who manages the agency's places). Each mail names the event's time in the zone of
// its place (WIB/WITA/WIT), where the participant will be.
import { and, inArray, isNull, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { writeTogether } from "~/db/write-together.server";
import { notifications, users } from "~/db/schema";
import { instantVar, type MessageVars, type ZoneName } from "~/i18n";
import { bilingual, bilingualSubject, mailInsert } from "~/modules/mail/queue-mail.server";

export type TellEvent = { slug: string; title: string; startsAt: Date | string; endsAt: Date | string; timeZone: ZoneName; place: string };
export type TellRegistration = { name: string; email: string; registeredBy: number | null; waiting: boolean; line: number | null };

/** What every message about an event carries: its name, its time in its own zone, its place and its page. */
export function eventVars(e: TellEvent, baseUrl: string): MessageVars {
  return {
    event: e.title,
    from: instantVar(e.startsAt, e.timeZone),
    to: instantVar(e.endsAt, e.timeZone),
    place: e.place,
    link: `${baseUrl.replace(/\/+$/, "")}/acara/${e.slug}`,
  };
}

/**
 * One notice per registration, under `key` (`${key}.subject` / `${key}.body`). Written with the
 * change that caused it, in its transaction: a move up nobody heard of does not happen.
 */
export async function tellRegistrations(tx: DbOrTx, event: TellEvent, rows: readonly TellRegistration[], n: { kind: string; key: string; baseUrl: string }) {
  if (!rows.length) return;
  const base = eventVars(event, n.baseUrl);
  const varsOf = (r: TellRegistration): MessageVars => ({ ...base, name: r.name, line: r.line ?? 0 });
  const registrars = [...new Set(rows.map((r) => r.registeredBy).filter((id): id is number => id !== null))];
  // A disabled account reads nothing: its agency's notice would be lost on it, the mail is not.
  const active = registrars.length
    ? new Set((await tx.select({ id: users.id }).from(users).where(and(inArray(users.id, registrars), isNull(users.disabledAt)))).map((u) => u.id))
    : new Set<number>();
  const inApp = rows.filter((r) => r.registeredBy !== null && active.has(r.registeredBy));
  const writes: SQLWrapper[] = [
    mailInsert(
      tx,
      rows.map((r) => ({ to: r.email, kind: n.kind, subject: bilingualSubject(`${n.key}.subject`, varsOf(r)), body: bilingual(`${n.key}.body`, varsOf(r)) })),
    ),
  ];
  if (inApp.length) {
    writes.push(
      tx.insert(notifications).values(inApp.map((r) => ({ userId: r.registeredBy!, kind: n.kind, messageKey: `${n.key}.subject`, vars: varsOf(r), link: `/acara/${event.slug}#peserta` }))),
    );
  }
  await writeTogether(tx, writes);
}
