import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { users } from "~/db/schema";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { lockAccount } from "./lock-account.server";

/**
 * Switch an account back on. Its lockout count is cleared too: attempts made while it was off
 * were refused whatever the password, so they say nothing about someone guessing it. An account
 * that never accepted its invitation gets in through "forgot password" (its old link was ended).
 */
export async function reactivateUser(db: Db, actor: Actor, userId: number) {
  return db.transaction(async (tx) => {
    const target = await lockAccount(tx, userId);
    assertCan(actor, "user.reactivate", target);
    if (!target.disabledAt) return { name: target.name, changed: false };
    await tx.update(users).set({ disabledAt: null, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
    await recordAudit(tx, { actorUserId: actor.kind === "user" ? actor.id : null, action: "user.reactivate", subjectType: "user", subjectId: userId });
    return { name: target.name, changed: true };
  });
}
