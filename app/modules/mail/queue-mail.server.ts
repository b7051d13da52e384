import type { DbOrTx } from "~/db/client.server";
import { outbox } from "~/db/schema";
import { translator, type MessageVars } from "~/i18n";
// Mail is written in both languages, whichever process writes it (the app, the command line).
import "~/i18n/catalogs.server";

// Until real delivery lands, outgoing mail is kept in the outbox table, where admins read it.
export type Mail = { to: string; subject: string; body: string; kind: string };

/** The mails' insert, not yet sent (one statement for all: a notice to several people is one round trip). */
export function mailInsert(tx: DbOrTx, mails: readonly Mail[]) {
  return tx.insert(outbox).values(mails.map((m) => ({ toAddress: m.to, subject: m.subject, bodyText: m.body, kind: m.kind })));
}

export async function queueMail(tx: DbOrTx, mail: Mail | readonly Mail[]) {
  const mails = Array.isArray(mail) ? mail : [mail as Mail];
  if (!mails.length) return;
  await mailInsert(tx, mails);
}

/**
 * Mail text in both languages, Indonesian first: the recipient's language is not known yet when
 * an invitation goes out, and one message serves both readers. Numbers and instants in `vars`
 * are formatted in each half's own language (instants in the zone they name).
 */
export function bilingual(key: string, vars: MessageVars = {}): string {
  return `${translator("id")(key, vars)}\n\n---\n\n${translator("en")(key, vars)}`;
}

export function bilingualSubject(key: string, vars: MessageVars = {}): string {
  return `${translator("id")(key, vars)} / ${translator("en")(key, vars)}`;
}
