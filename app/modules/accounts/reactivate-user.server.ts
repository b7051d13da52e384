import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { users } from "~/db/schema";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { lockAccount } from "./lock-account.server";
import { sendInvitation } from "./invite-user.server";

/**
 * Switch an account back on. Its lockout count is cleared too: attempts made while it was off
 * were refused whatever the password, so they say nothing about someone guessing it. An account
 * that never accepted its invitation is invited again: deactivation ended its link, and without a
 * password it has no other way in (a reset mail's link is its owner's alone).
 */
export async function reactivateUser(db: Db, actor: Actor, userId: number, opts: { publicUrl: string }) {
  return db.transaction(async (tx) => {
    const target = await lockAccount(tx, userId);
    assertCan(actor, "user.reactivate", target);
    if (actor.kind !== "user" || !target.disabledAt) return { name: target.name, changed: false, token: null };
    await tx.update(users).set({ disabledAt: null, failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));
    await recordAudit(tx, { actorUserId: actor.id, action: "user.reactivate", subjectType: "user", subjectId: userId });
    if (target.hasPassword) return { name: target.name, changed: true, token: null };
    const token = await sendInvitation(tx, actor, target, opts);
    // Whoever reactivates sends the new link, and is the one the outbox (and the page) shows it to.
    await recordAudit(tx, { actorUserId: actor.id, action: "user.invite", subjectType: "user", subjectId: userId, data: { role: target.role, agencyId: target.agencyId, again: true } });
    return { name: target.name, changed: true, token };
  });
}
