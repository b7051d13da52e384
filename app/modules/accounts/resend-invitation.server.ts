import { and, eq, gt, isNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { userTokens } from "~/db/schema";
import type { Actor, Role } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { sendInvitation } from "./invite-user.server";

/**
 * Send a pending account (never accepted) a fresh invitation link. Its earlier links stop
 * working: a mail that went astray must not stay a way in beside the new one. The caller has
 * locked the account and checked the actor may manage it (inviteUser).
 */
export async function resendInvitation(
  tx: DbOrTx,
  actor: Extract<Actor, { kind: "user" }>,
  target: { id: number; email: string; name: string; role: Role; agencyId: number | null },
  opts: { publicUrl: string },
  now = new Date(),
) {
  // Expired rather than marked used, as on deactivation: the old link was never spent.
  await tx
    .update(userTokens)
    .set({ expiresAt: now })
    .where(and(eq(userTokens.userId, target.id), eq(userTokens.purpose, "invite"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
  const token = await sendInvitation(tx, actor, target, opts);
  // Whoever sends it again is the one the outbox (and the page) shows the new link to.
  await recordAudit(tx, { actorUserId: actor.id, action: "user.invite", subjectType: "user", subjectId: target.id, data: { role: target.role, agencyId: target.agencyId, again: true } });
  return token;
}
