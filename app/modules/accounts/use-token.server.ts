import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { sessions, users, userTokens } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { bilingual, bilingualSubject, queueMail } from "~/modules/mail/queue-mail.server";
import { forgetDevices } from "./device.server";
import { keyedLock, keyedLockFailed } from "./log-in.server";
import { hashPassword, verifyPassword } from "./password.server";
import { hashToken, issueLinkToken } from "./tokens.server";
import { isSharedDemoLogin } from "~/modules/demo/demo-logins";

/** The notice to an account's owner that its password was changed (on the account page or by a reset link). */
export function passwordChangedMail(user: { name: string; email: string }, at: Date, publicUrl: string) {
  return {
    to: user.email,
    kind: "password-changed",
    subject: bilingualSubject("mail.passwordChanged.subject"),
    body: bilingual("mail.passwordChanged.body", { name: user.name, at: { instant: at.toISOString(), zone: "WIB" }, link: `${publicUrl}/lupa-sandi` }),
  };
}

export const RESET_HOURS = 2;
// A reset form anyone can post must not become a way to flood someone's mailbox.
export const RESETS_PER_HOUR = 3;

/** The live (unused, unexpired) token's user, or null. */
export async function findToken(db: Db, token: string, purpose: "invite" | "reset") {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ userId: userTokens.userId, name: users.name, email: users.email })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(
      and(
        eq(userTokens.tokenHash, hashToken(token)),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
      ),
    );
  return row ?? null;
}

/**
 * Accept an invitation or a reset link: set the password, spend the token, end old sessions.
 * The token is spent by a conditional update, so of two requests racing with the same link one
 * wins and the other is refused; every other live link of the account ends with it (an older
 * reset mail must not set the password again once a new one has been chosen).
 */
export async function setPasswordWithToken(
  db: Db,
  token: string,
  purpose: "invite" | "reset",
  password: string,
  opts: { demo?: boolean; publicUrl?: string } = {},
) {
  const found = await findToken(db, token, purpose);
  if (!found) throw new AppError("invalid", "accounts.errors.tokenInvalid");
  // A reset link is as good as the account page for a demo account: its password stays, or the
  // next visitor cannot sign in with the one the sign-in page lists.
  if (isSharedDemoLogin(opts.demo ?? false, found.email)) throw new AppError("conflict", "accounts.me.errors.demoPassword");
  // A reset is asked for because the present password is lost or known to someone else: keeping
  // it would end the other sessions and send the "changed" mail while nothing changed. The
  // account page refuses it too. Refused before the token is spent, so the owner tries another.
  // But the refusal tells whoever holds the link what the present password is, without changing
  // anything the owner would notice (a mailbox broken into, and a password used elsewhere too):
  // so it is given at most MAX_FAILURES times in LOCK_MINUTES an account, and after that any
  // password is taken as the new one.
  if (purpose === "reset") {
    const now = new Date();
    const sameLock = await keyedLock(db, `reset-same:${found.userId}`);
    const [present] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, found.userId));
    if (!(sameLock.lockedUntil && sameLock.lockedUntil > now) && (await verifyPassword(present?.passwordHash ?? null, password))) {
      await keyedLockFailed(db, sameLock, now);
      throw new AppError("invalid", "accounts.me.errors.samePassword", { password: "accounts.me.errors.samePassword" });
    }
  }
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const now = new Date();
    const spent = await tx
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.tokenHash, hashToken(token)), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)))
      .returning({ userId: userTokens.userId });
    if (!spent.length) throw new AppError("invalid", "accounts.errors.tokenInvalid");
    // Expired rather than marked used: those links were never spent.
    await tx
      .update(userTokens)
      .set({ expiresAt: now })
      .where(and(eq(userTokens.userId, found.userId), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
    await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, found.userId));
    await tx.delete(sessions).where(eq(sessions.userId, found.userId));
    // The old password may have been known to someone else, who may have signed in with it:
    // no browser stays trusted on its strength (an invitation's account has none yet).
    await forgetDevices(tx, found.userId);
    await recordAudit(tx, { actorUserId: found.userId, action: `password.${purpose}`, subjectType: "user", subjectId: found.userId });
    // A reset is the change whose owner most needs to hear of it: it may not have been them.
    if (purpose === "reset") await queueMail(tx, passwordChangedMail(found, now, opts.publicUrl ?? ""));
  });
  return found;
}

/**
 * Mail a reset link if the address has an account, at most RESETS_PER_HOUR an hour. The answer
 * is the same either way, so the form does not reveal who has an account.
 */
export async function requestPasswordReset(db: Db, email: string, opts: { publicUrl: string }) {
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email.toLowerCase()));
  if (!user || user.disabledAt) return null;
  const [recent] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(userTokens)
    .where(and(eq(userTokens.userId, user.id), eq(userTokens.purpose, "reset"), gt(userTokens.createdAt, new Date(Date.now() - 3600_000))));
  if ((recent?.n ?? 0) >= RESETS_PER_HOUR) return null;
  return db.transaction(async (tx) => {
    const token = await issueLinkToken(tx, user.id, "reset", RESET_HOURS * 3600_000);
    const link = `${opts.publicUrl}/atur-ulang-sandi/${token}`;
    await queueMail(tx, {
      to: user.email,
      kind: "password-reset",
      subject: bilingualSubject("mail.reset.subject"),
      body: bilingual("mail.reset.body", { hours: RESET_HOURS, link }),
    });
    return token;
  });
}
