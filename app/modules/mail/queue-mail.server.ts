import type { DbOrTx } from "~/db/client.server";
import { outbox } from "~/db/schema";

// Until real delivery lands, outgoing mail is kept in the outbox table, where admins read it.
export async function queueMail(
  tx: DbOrTx,
  mail: { to: string; subject: string; body: string; kind: string },
) {
  await tx.insert(outbox).values({ toAddress: mail.to, subject: mail.subject, bodyText: mail.body, kind: mail.kind });
}
