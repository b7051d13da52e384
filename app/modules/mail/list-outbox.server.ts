import { desc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { outbox, users } from "~/db/schema";
import type { Actor } from "~/lib/policy";

// The secretariat reads all outgoing mail; Admin Lokal reads only mail to its own agency's people.
export async function listOutbox(db: DbOrTx, actor: Extract<Actor, { kind: "user" }>, limit = 100) {
  const scope =
    actor.role === "national_admin"
      ? undefined
      : inArray(outbox.toAddress, db.select({ email: users.email }).from(users).where(eq(users.agencyId, actor.agencyId ?? -1)));
  return db.select().from(outbox).where(scope).orderBy(desc(outbox.id)).limit(limit);
}
