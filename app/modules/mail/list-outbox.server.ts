import { desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { outbox, users } from "~/db/schema";
import type { Actor } from "~/lib/policy";

// A password-reset link opens its account to whoever holds it. It is meant for the mailbox of
// the account's owner alone, so the outbox shows the mail but never the link's secret: else an
// Admin Lokal could ask a reset for the head of agency and sign in as them (an endorsement is
// the head's alone), and the secretariat could do so to any account.
const RESET_LINK = /(\/atur-ulang-sandi\/)[A-Za-z0-9_-]+/g;
export const HIDDEN_SECRET = "••••••";

export function withoutSecrets(body: string): string {
  return body.replace(RESET_LINK, `$1${HIDDEN_SECRET}`);
}

// The secretariat reads all outgoing mail; Admin Lokal reads only mail to its own agency's people.
export async function listOutbox(db: DbOrTx, actor: Extract<Actor, { kind: "user" }>, limit = 100) {
  const scope =
    actor.role === "national_admin"
      ? undefined
      : inArray(outbox.toAddress, db.select({ email: users.email }).from(users).where(eq(users.agencyId, actor.agencyId ?? -1)));
  const mails = await db.select().from(outbox).where(scope).orderBy(desc(outbox.id)).limit(limit);
  return mails.map((m) => ({ ...m, bodyText: withoutSecrets(m.bodyText), secretHidden: m.kind === "password-reset" }));
}
