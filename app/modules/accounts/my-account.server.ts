// One's own account (/kelola/akun): the name others see, the password, the other places one is
// signed in, and the recent sign-ins, so that a person notices a sign-in that was not theirs.
import Bowser from "bowser";
import { and, desc, eq, gt, isNull, ne, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, auditLog, sessions, units, users, userTokens } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { queueMail } from "~/modules/mail/queue-mail.server";
import { isSharedDemoLogin } from "~/modules/demo/demo-logins";
import { keyedLock, keyedLockFailed, LOCK_MINUTES } from "./log-in.server";
import { hashPassword, verifyPassword } from "./password.server";
import { startSession } from "./session.server";
import { passwordChangedMail } from "./use-token.server";

type Me = { id: number };

/** A browser's and system's names from its User-Agent ("Chrome", "Android"), as far as they can be told. */
function browserOf(userAgent: string | null | undefined): { browser: string | null; os: string | null } {
  if (!userAgent) return { browser: null, os: null };
  const parsed = Bowser.parse(userAgent);
  return { browser: parsed.browser.name ?? null, os: parsed.os.name ?? null };
}

// How many of the latest sign-ins the page lists.
const RECENT_SIGN_INS = 8;

export async function accountOverview(db: Db, me: Me, sessionIdHash: string | null, now = new Date()) {
  const [user] = await db
    .select({ name: users.name, email: users.email, role: users.role, createdAt: users.createdAt, agencyName: agencies.name, unitName: units.name })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, me.id));
  const [{ n: otherSessions }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(sessions)
    .where(and(eq(sessions.userId, me.id), gt(sessions.expiresAt, now), sessionIdHash ? ne(sessions.idHash, sessionIdHash) : undefined));
  const signIns = await db
    .select({ at: auditLog.at, data: auditLog.data })
    .from(auditLog)
    .where(and(eq(auditLog.action, "session.start"), eq(auditLog.subjectType, "user"), eq(auditLog.subjectId, String(me.id))))
    .orderBy(desc(auditLog.id))
    .limit(RECENT_SIGN_INS);
  return {
    ...user,
    otherSessions,
    signIns: signIns.map((s) => {
      const d = (s.data ?? {}) as { ip?: string; trustedDevice?: boolean; userAgent?: string | null };
      return { at: s.at, ip: d.ip ?? null, trustedDevice: d.trustedDevice === true, ...browserOf(d.userAgent) };
    }),
  };
}

export async function renameSelf(db: Db, me: Me, name: string) {
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ name: users.name }).from(users).where(eq(users.id, me.id)).for("update");
    if (before.name === name) return;
    await tx.update(users).set({ name }).where(eq(users.id, me.id));
    await recordAudit(tx, { actorUserId: me.id, action: "user.rename", subjectType: "user", subjectId: me.id, data: { from: before.name, to: name } });
  });
}

/**
 * Change one's password, proving it with the present one. Wrong present passwords are counted on
 * a key of their own and lock only this form for a while: a session left open on a shared PC
 * must not let a passer-by guess the password by the hundred, nor lock its owner out of signing
 * in. A success ends every other session (the reason to change a password is often that someone
 * else knows it) and starts a fresh one here; the owner is told by mail, in case it was not them.
 */
export async function changePassword(
  db: Db,
  me: Me,
  input: { current: string; password: string },
  opts: { sessionHours: number; demo: boolean; publicUrl: string; now?: Date },
): Promise<{ token: string }> {
  const now = opts.now ?? new Date();
  const [user] = await db.select().from(users).where(eq(users.id, me.id));
  // On a public demo, everyone signs in with the same accounts: one visitor must not lock the
  // others out by changing a password.
  if (isSharedDemoLogin(opts.demo, user.email)) throw new AppError("conflict", "accounts.me.errors.demoPassword");
  await provePassword(db, user, input.current, now);
  if (input.password === input.current) throw new AppError("invalid", "accounts.me.errors.samePassword", { password: "accounts.me.errors.samePassword" });
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(users.id, me.id));
    await tx.delete(sessions).where(eq(sessions.userId, me.id));
    const { token } = await startSession(tx, me.id, opts.sessionHours);
    await recordAudit(tx, { actorUserId: me.id, action: "password.change", subjectType: "user", subjectId: me.id });
    // Reset links sent before the change would set the password again behind the owner's back.
    await tx
      .update(userTokens)
      .set({ expiresAt: now })
      .where(and(eq(userTokens.userId, me.id), eq(userTokens.purpose, "reset"), isNull(userTokens.usedAt), gt(userTokens.expiresAt, now)));
    await queueMail(tx, passwordChangedMail(user, now, opts.publicUrl));
    return { token };
  });
}

/**
 * The present password, as proof that the account's owner is asking (a password or an email
 * change). Wrong ones are counted on a key of their own and lock only these forms for a while.
 */
export async function provePassword(db: Db, user: { id: number; passwordHash: string | null }, password: string, now: Date) {
  const lock = await keyedLock(db, `password-change:${user.id}`);
  if (lock.lockedUntil && lock.lockedUntil > now) throw new AppError("rate-limited", "accounts.me.errors.locked", { until: lock.lockedUntil.toISOString() });
  if (!(await verifyPassword(user.passwordHash, password))) {
    if (await keyedLockFailed(db, lock, now)) {
      throw new AppError("rate-limited", "accounts.me.errors.locked", { until: new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString() });
    }
    throw new AppError("invalid", "accounts.me.errors.wrongCurrent", { current: "accounts.me.errors.wrongCurrent" });
  }
}

/** End one's sessions everywhere but here; how many ended. */
export async function signOutOthers(db: Db, me: Me, sessionIdHash: string, opts: { demo: boolean }): Promise<number> {
  // On a public demo the same account is every visitor's: one must not sign all the others out.
  if (opts.demo) {
    const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, me.id));
    if (isSharedDemoLogin(opts.demo, user.email)) throw new AppError("conflict", "accounts.me.errors.demoSessions");
  }
  return db.transaction(async (tx) => {
    const ended = await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, me.id), ne(sessions.idHash, sessionIdHash)))
      .returning({ idHash: sessions.idHash });
    await recordAudit(tx, { actorUserId: me.id, action: "session.endOthers", subjectType: "user", subjectId: me.id, data: { ended: ended.length } });
    return ended.length;
  });
}
