import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { sessions, users, userTokens } from "~/db/schema";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { forgetDevices } from "./device.server";
import { lockAccount } from "./lock-account.server";

/**
 * Switch an account off: it can no longer log in, its open sessions end now (not when they
 * expire: someone who has left the agency must lose access the moment the admin acts), and its
 * unused invitation and reset links stop working, or one of them would let the person back in
 * by setting a password. The row stays, with everything it authored and its audit trail.
 */
export async function deactivateUser(db: Db, actor: Actor, userId: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const target = await lockAccount(tx, userId);
    assertCan(actor, "user.deactivate", target);
    // Already off: nothing to change and nothing to record (a double-submitted form).
    if (target.disabledAt) return { name: target.name, changed: false };
    await tx.update(users).set({ disabledAt: now }).where(eq(users.id, userId));
    const ended = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.idHash });
    // Its trusted browsers too: switched back on, it starts as a stranger everywhere.
    await forgetDevices(tx, userId);
    // Expired rather than marked used: the token was never spent, and "used" would misreport it.
    await tx
      .update(userTokens)
      .set({ expiresAt: now })
      .where(and(eq(userTokens.userId, userId), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
    await recordAudit(tx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "user.deactivate",
      subjectType: "user",
      subjectId: userId,
      data: { sessionsEnded: ended.length },
    });
    return { name: target.name, changed: true };
  });
}
