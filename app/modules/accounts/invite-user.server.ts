import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import { units, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { AGENCY_ROLES, can, invitableRoles, type Actor, type Role } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { bilingual, bilingualSubject, queueMail } from "~/modules/mail/queue-mail.server";
import { agencyHasUnits } from "~/modules/agencies/queries.server";
import { lockAccount } from "./lock-account.server";
import { resendInvitation } from "./resend-invitation.server";
import { issueLinkToken } from "./tokens.server";

export const INVITE_DAYS = 7;

export async function inviteUser(
  db: Db,
  actor: Actor,
  input: { email: string; name: string; role: Role; agencyId?: number; unitId?: number },
  opts: { publicUrl: string },
) {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  if (!invitableRoles(actor).includes(input.role)) throw new AppError("forbidden", "errors.forbidden");
  // Admin Lokal invites into its own agency only, whatever the form says.
  const agencyId = actor.role === "national_admin" ? input.agencyId : (actor.agencyId ?? undefined);
  if (AGENCY_ROLES.includes(input.role) && !agencyId) {
    throw new AppError("invalid", "accounts.errors.agencyRequired", { agencyId: "accounts.errors.agencyRequired" });
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email));
  if (existing) return inviteAgain(db, actor, existing.id, opts);
  // An operator in no unit works for the whole agency (operatorCovers in app/lib/policy.ts): right
  // for an agency without units, but in one with units it would let a health centre's operator
  // edit and send every office's entries. So there, an operator is invited into a unit.
  if (input.role === "unit_operator" && agencyId && !input.unitId && (await agencyHasUnits(db, agencyId))) {
    throw new AppError("invalid", "accounts.errors.unitRequired", { unitId: "accounts.errors.unitRequired" });
  }
  if (input.unitId) {
    const [unit] = await db.select().from(units).where(and(eq(units.id, input.unitId), eq(units.agencyId, agencyId ?? -1)));
    if (!unit) throw new AppError("invalid", "accounts.errors.unitNotInAgency", { unitId: "accounts.errors.unitNotInAgency" });
  }

  return db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({
        email: input.email,
        name: input.name,
        role: input.role,
        agencyId: AGENCY_ROLES.includes(input.role) ? agencyId : null,
        unitId: input.role === "unit_operator" ? input.unitId : null,
      })
      .returning({ id: users.id });
    const token = await sendInvitation(tx, actor, { id: u.id, email: input.email, name: input.name }, opts);
    await recordAudit(tx, { actorUserId: actor.id, action: "user.invite", subjectType: "user", subjectId: u.id, data: { role: input.role, agencyId } });
    return { userId: u.id, token, resent: false };
  });
}

/**
 * An address that already has an account. One the actor manages (its own agency's, for Admin
 * Lokal) that never accepted its invitation and is not switched off gets a fresh link, as the
 * first one was lost or expired; the account stays as it was invited (name, role, unit), which
 * the users page changes. Any other (active, deactivated, another agency's, the secretariat's, a
 * judge's) answers "taken" in the same words, so the form tells no one where an address belongs.
 */
async function inviteAgain(db: Db, actor: Extract<Actor, { kind: "user" }>, userId: number, opts: { publicUrl: string }) {
  return db.transaction(async (tx) => {
    const target = await lockAccount(tx, userId);
    if (target.hasPassword || target.disabledAt || !can(actor, "user.reactivate", target).ok) {
      throw new AppError("conflict", "accounts.errors.emailTaken", { email: "accounts.errors.emailTaken" });
    }
    const token = await resendInvitation(tx, actor, target, opts);
    return { userId: target.id, token, resent: true };
  });
}

/**
 * A one-use link that sets the account's password, mailed to it. The caller records who sent
 * it ("user.invite" in the audit log): the outbox shows the link to that person alone.
 */
export async function sendInvitation(
  tx: DbOrTx,
  actor: Extract<Actor, { kind: "user" }>,
  to: { id: number; email: string; name: string },
  opts: { publicUrl: string },
) {
  const token = await issueLinkToken(tx, to.id, "invite", INVITE_DAYS * 86400_000);
  const link = `${opts.publicUrl}/undangan/${token}`;
  await queueMail(tx, {
    to: to.email,
    kind: "invite",
    subject: bilingualSubject("mail.invite.subject"),
    body: bilingual("mail.invite.body", { name: to.name, inviter: actor.name, days: INVITE_DAYS, link }),
  });
  return token;
}
