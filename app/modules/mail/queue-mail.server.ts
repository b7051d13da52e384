import type { DbOrTx } from "~/db/client.server";
import { outbox } from "~/db/schema";
import { translator } from "~/i18n";

// Until real delivery lands, outgoing mail is kept in the outbox table, where admins read it.
export async function queueMail(
  tx: DbOrTx,
  mail: { to: string; subject: string; body: string; kind: string },
) {
  await tx.insert(outbox).values({ toAddress: mail.to, subject: mail.subject, bodyText: mail.body, kind: mail.kind });
}

/**
 * Mail text in both languages, Indonesian first: the recipient's language is not known yet when
 * an invitation goes out, and one message serves both readers.
 */
export function bilingual(key: string, vars: Record<string, string | number> = {}): string {
  return `${translator("id")(key, vars)}\n\n---\n\n${translator("en")(key, vars)}`;
}

export function bilingualSubject(key: string, vars: Record<string, string | number> = {}): string {
  return `${translator("id")(key, vars)} / ${translator("en")(key, vars)}`;
}
