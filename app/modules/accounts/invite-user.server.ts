import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { units, users, userTokens } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { AGENCY_ROLES, invitableRoles, type Actor, type Role } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { bilingual, bilingualSubject, queueMail } from "~/modules/mail/queue-mail.server";
import { hashToken, newToken } from "./tokens.server";

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
  if (input.unitId) {
    const [unit] = await db.select().from(units).where(and(eq(units.id, input.unitId), eq(units.agencyId, agencyId ?? -1)));
    if (!unit) throw new AppError("invalid", "accounts.errors.unitNotInAgency", { unitId: "accounts.errors.unitNotInAgency" });
  }
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, input.email));
  if (existing) throw new AppError("conflict", "accounts.errors.emailTaken", { email: "accounts.errors.emailTaken" });

  const token = newToken();
  const link = `${opts.publicUrl}/undangan/${token}`;
  const userId = await db.transaction(async (tx) => {
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
    await tx.insert(userTokens).values({
      tokenHash: hashToken(token),
      userId: u.id,
      purpose: "invite",
      expiresAt: new Date(Date.now() + INVITE_DAYS * 86400_000),
    });
    await queueMail(tx, {
      to: input.email,
      kind: "invite",
      subject: bilingualSubject("mail.invite.subject"),
      body: bilingual("mail.invite.body", { name: input.name, inviter: actor.name, days: INVITE_DAYS, link }),
    });
    await recordAudit(tx, { actorUserId: actor.id, action: "user.invite", subjectType: "user", subjectId: u.id, data: { role: input.role, agencyId } });
    return u.id;
  });
  return { userId, token };
}
