// Two-step sign-in: after the password, a six-digit code from an authenticator app (TOTP,
// RFC 6238: Google Authenticator, Microsoft Authenticator, FreeOTP, Aegis, 1Password…) or one of
// ten one-time recovery codes. Optional for everyone; the secretariat and the judges, whose
// accounts decide who wins, are urged to turn it on (the account page says so).
//
// Why each rule:
// - The secret is offered first as "pending" and only takes effect once the owner types a code
//   from the app, so a mistyped or unscanned secret never locks anyone out.
// - A code is taken once: the last accepted time step is kept, so a code seen over a shoulder
//   cannot be replayed in its 30 seconds. A step either side of now is accepted, for phones whose
//   clocks drift.
// - Wrong codes lock the second step, for the account, for LOCK_MINUTES after MAX_FAILURES, on
//   every browser: whoever is typing them already knows the password, so the owner is told by
//   mail at once and urged to change it. A new challenge does not reset the count.
// - The password's own checks (lockout, address throttle, trusted browsers) run first and are
//   unchanged; a right password no longer starts a session for such an account, it starts a
//   challenge (log-in.server.ts), which lasts CHALLENGE_MINUTES and is ended by its use.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { Secret, TOTP } from "otpauth";
import type { Db, DbOrTx } from "~/db/client.server";
import { loginChallenges, loginThrottle, recoveryCodes, sessions, users } from "~/db/schema";
import type { MessageVars } from "~/i18n";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { bilingual, bilingualSubject, queueMail } from "~/modules/mail/queue-mail.server";
import { isSharedDemoLogin } from "~/modules/demo/demo-logins";
import { findDevice, renewDevice, type DeviceToken } from "./device.server";
import { keyedLock, keyedLockFailed, LOCK_MINUTES, type LogInResult } from "./log-in.server";
import { lockAccount } from "./lock-account.server";
import { provePassword } from "./my-account.server";
import { startSession } from "./session.server";
import { hashToken } from "./tokens.server";

export const RECOVERY_CODE_COUNT = 10;
const PERIOD = 30;
const ISSUER = "Lumbung";

const totp = (secret: string, label: string) =>
  new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: PERIOD });

/** The time step a code of now + `delta` steps belongs to. */
const stepOf = (now: Date, delta: number) => Math.floor(now.getTime() / 1000 / PERIOD) + delta;

/** A code typed with spaces or a dash ("123 456"), as apps show them. */
const digitsOf = (code: string) => code.replace(/[\s-]/g, "");

/** Recovery codes: ten letters and digits in two groups ("k7m2q-x9p4d"); no 0/o or 1/l to misread. */
const RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
function newRecoveryCode(): string {
  const bytes = randomBytes(10);
  const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}
const normalRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, "");
const hashRecovery = (code: string) => createHash("sha256").update(normalRecovery(code)).digest("hex");

type Me = { id: number };

/** What the account page shows of two-step sign-in. */
export async function twoStepStatus(db: Db, me: Me) {
  const [user] = await db
    .select({ email: users.email, enabledAt: users.totpEnabledAt, pending: users.totpPendingSecret })
    .from(users)
    .where(eq(users.id, me.id));
  const [{ left }] = await db
    .select({ left: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, me.id), isNull(recoveryCodes.usedAt)));
  let setup: { secret: string; uri: string; qrSvg: string } | null = null;
  if (!user.enabledAt && user.pending) {
    const uri = totp(user.pending, user.email).toString();
    // An SVG drawn on the server: the page needs no script to show it, and it scales on any screen.
    const qrSvg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
    setup = { secret: user.pending.replace(/(.{4})(?=.)/g, "$1 "), uri, qrSvg };
  }
  return { enabledAt: user.enabledAt, recoveryLeft: left, setup };
}

async function refuseDemo(db: DbOrTx, me: Me, demo: boolean) {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, me.id));
  // On a public demo the shared accounts are everyone's: a visitor who turned the second step on
  // would lock every other visitor out.
  if (isSharedDemoLogin(demo, user.email)) throw new AppError("conflict", "accounts.twoStep.errors.demo");
}

/** Offer a new secret to scan (replacing one offered before); nothing changes until it is confirmed. */
export async function beginTwoStep(db: Db, me: Me, opts: { demo: boolean }) {
  await refuseDemo(db, me, opts.demo);
  const secret = new Secret({ size: 20 }).base32;
  await db.update(users).set({ totpPendingSecret: secret }).where(and(eq(users.id, me.id), isNull(users.totpEnabledAt)));
}

/** Drop an offered secret that was never confirmed. */
export async function cancelTwoStep(db: Db, me: Me) {
  await db.update(users).set({ totpPendingSecret: null }).where(eq(users.id, me.id));
}

/** A code from the app for `secret` at `now`: the time step it belongs to, or null. */
function codeStep(secret: string, label: string, code: string, now: Date): number | null {
  const digits = digitsOf(code);
  if (!/^\d{6}$/.test(digits)) return null;
  const delta = totp(secret, label).validate({ token: digits, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : stepOf(now, delta);
}

async function replaceRecoveryCodes(tx: DbOrTx, userId: number): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecovery(c) })));
  return codes;
}

const noticeMail = (user: { email: string; name: string }, kind: string, at: Date, vars: MessageVars = {}) => ({
  to: user.email,
  kind,
  subject: bilingualSubject(`mail.${kind}.subject`),
  body: bilingual(`mail.${kind}.body`, { name: user.name, at: { instant: at.toISOString(), zone: "WIB" }, ...vars }),
});

/**
 * Turn the second step on: the present password, and a code from the app for the offered secret.
 * Returns the recovery codes, shown once and never again (only their hashes are kept).
 */
export async function enableTwoStep(db: Db, me: Me, input: { current: string; code: string }, opts: { demo: boolean; now?: Date }): Promise<string[]> {
  const now = opts.now ?? new Date();
  await refuseDemo(db, me, opts.demo);
  const [user] = await db.select().from(users).where(eq(users.id, me.id));
  if (user.totpEnabledAt) throw new AppError("conflict", "accounts.twoStep.errors.alreadyOn");
  if (!user.totpPendingSecret) throw new AppError("conflict", "accounts.twoStep.errors.noSetup");
  await provePassword(db, user, input.current, now);
  const step = codeStep(user.totpPendingSecret, user.email, input.code, now);
  if (step === null) throw new AppError("invalid", "accounts.twoStep.errors.setupCode", { code: "accounts.twoStep.errors.setupCode" });
  return db.transaction(async (tx) => {
    const on = await tx
      .update(users)
      .set({ totpSecret: user.totpPendingSecret, totpPendingSecret: null, totpEnabledAt: now, totpLastStep: step })
      .where(and(eq(users.id, me.id), isNull(users.totpEnabledAt), eq(users.totpPendingSecret, user.totpPendingSecret!)))
      .returning({ id: users.id });
    // Two tabs confirming at once: the second finds it done (or the secret replaced).
    if (!on.length) throw new AppError("conflict", "accounts.twoStep.errors.noSetup");
    const codes = await replaceRecoveryCodes(tx, me.id);
    await recordAudit(tx, { actorUserId: me.id, action: "two-step.enable", subjectType: "user", subjectId: me.id });
    await queueMail(tx, noticeMail(user, "twoStepOn", now));
    return codes;
  });
}

/** Turn the second step off with the present password (the phone may be what was lost). */
export async function disableTwoStep(db: Db, me: Me, input: { current: string }, opts: { publicUrl: string; now?: Date }) {
  const now = opts.now ?? new Date();
  const [user] = await db.select().from(users).where(eq(users.id, me.id));
  if (!user.totpEnabledAt) return;
  await provePassword(db, user, input.current, now);
  await db.transaction(async (tx) => {
    await turnOff(tx, me.id);
    await recordAudit(tx, { actorUserId: me.id, action: "two-step.disable", subjectType: "user", subjectId: me.id });
    await queueMail(tx, noticeMail(user, "twoStepOff", now, { link: `${opts.publicUrl}/lupa-sandi` }));
  });
}

async function turnOff(tx: DbOrTx, userId: number) {
  await tx.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, totpPendingSecret: null }).where(eq(users.id, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.delete(loginChallenges).where(eq(loginChallenges.userId, userId));
}

/** New recovery codes (the old ones stop working), proved with the present password. */
export async function renewRecoveryCodes(db: Db, me: Me, input: { current: string }, opts: { now?: Date } = {}): Promise<string[]> {
  const now = opts.now ?? new Date();
  const [user] = await db.select().from(users).where(eq(users.id, me.id));
  if (!user.totpEnabledAt) throw new AppError("conflict", "accounts.twoStep.errors.notOn");
  await provePassword(db, user, input.current, now);
  return db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, me.id);
    await recordAudit(tx, { actorUserId: me.id, action: "two-step.recovery-codes", subjectType: "user", subjectId: me.id });
    return codes;
  });
}

/**
 * For someone who lost both the phone and the recovery codes: their Admin Lokal (or the
 * secretariat) turns the second step off. The person's sessions end, and they are told by mail,
 * since this is also what an intruder with an admin's help would do.
 */
export async function resetTwoStepFor(db: Db, actor: Actor, userId: number, now = new Date()) {
  return db.transaction(async (tx) => {
    const target = await lockAccount(tx, userId);
    assertCan(actor, "user.resetTwoStep", target);
    const [user] = await tx.select().from(users).where(eq(users.id, userId));
    if (!user.totpEnabledAt) return { name: user.name, changed: false };
    await turnOff(tx, userId);
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, { actorUserId: actor.kind === "user" ? actor.id : null, action: "two-step.reset", subjectType: "user", subjectId: userId });
    await queueMail(tx, noticeMail(user, "twoStepReset", now));
    return { name: user.name, changed: true };
  });
}

/** The live challenge's account and where the sign-in was going, or null. */
export async function findChallenge(db: Db, token: string | undefined, now = new Date()) {
  if (!token || token.length > 100) return null;
  const [row] = await db
    .select({ userId: loginChallenges.userId, redirectTo: loginChallenges.redirectTo, expiresAt: loginChallenges.expiresAt, email: users.email })
    .from(loginChallenges)
    .innerJoin(users, eq(users.id, loginChallenges.userId))
    .where(eq(loginChallenges.idHash, hashToken(token)));
  return row && row.expiresAt > now ? row : null;
}

/**
 * The second step: a code from the app or a recovery code. On success the session starts as a
 * password-only sign-in's would (rotated, the browser's device renewed, the sign-in recorded).
 */
export async function completeChallenge(
  db: Db,
  token: string | undefined,
  code: string,
  opts: { clientIp: string; userAgent?: string | null; devices?: DeviceToken[]; sessionHours: number; previousToken?: string; publicUrl: string; now?: Date },
): Promise<LogInResult & { redirectTo: string | null }> {
  const now = opts.now ?? new Date();
  const challenge = await findChallenge(db, token, now);
  if (!challenge) throw new AppError("unauthenticated", "accounts.twoStep.errors.expired");
  const [user] = await db.select().from(users).where(eq(users.id, challenge.userId));
  if (!user.totpSecret || user.disabledAt) throw new AppError("unauthenticated", "accounts.twoStep.errors.expired");
  const lock = await keyedLock(db, `two-step:${user.id}`);
  if (lock.lockedUntil && lock.lockedUntil > now) throw new AppError("rate-limited", "accounts.twoStep.errors.locked", { until: lock.lockedUntil.toISOString() });

  const step = codeStep(user.totpSecret, user.email, code, now);
  let used: "app" | "recovery" | null = null;
  if (step !== null) {
    // Taken only if newer than the last code taken: a replay finds nothing to update.
    const taken = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    if (taken.length) used = "app";
  } else if (normalRecovery(code).length === 10) {
    const spent = await db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(and(eq(recoveryCodes.userId, user.id), eq(recoveryCodes.codeHash, hashRecovery(code)), isNull(recoveryCodes.usedAt)))
      .returning({ id: recoveryCodes.id });
    if (spent.length) used = "recovery";
  }
  if (!used) {
    if (await keyedLockFailed(db, lock, now)) {
      const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
      await recordAudit(db, { actorUserId: null, action: "two-step.locked", subjectType: "user", subjectId: user.id, data: { ip: opts.clientIp } });
      // Whoever typed these knew the password: the owner must hear of it now.
      await queueMail(db, noticeMail(user, "twoStepLocked", now, { until: { instant: until.toISOString(), zone: "WIB" }, link: `${opts.publicUrl}/lupa-sandi` }));
      throw new AppError("rate-limited", "accounts.twoStep.errors.locked", { until: until.toISOString() });
    }
    throw new AppError("invalid", "accounts.twoStep.errors.wrongCode", { code: "accounts.twoStep.errors.wrongCode" });
  }

  const device = await findDevice(db, user.id, opts.devices ?? [], now);
  return db.transaction(async (tx) => {
    // The challenge is spent by its use: of two tabs sending codes at once, one signs in.
    const ended = await tx.delete(loginChallenges).where(eq(loginChallenges.idHash, hashToken(token!))).returning({ userId: loginChallenges.userId });
    if (!ended.length) throw new AppError("unauthenticated", "accounts.twoStep.errors.expired");
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, lock.key));
    const deviceToken = await renewDevice(tx, user.id, device, now);
    const { token: sessionToken } = await startSession(tx, user.id, opts.sessionHours, opts.previousToken);
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "session.start",
      subjectType: "user",
      subjectId: user.id,
      data: { ip: opts.clientIp, trustedDevice: device !== null, userAgent: opts.userAgent?.slice(0, 300) ?? null, secondStep: used },
    });
    if (used === "recovery") {
      const [{ left }] = await tx
        .select({ left: sql<number>`count(*)::int` })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
      await queueMail(tx, noticeMail(user, "recoveryCodeUsed", now, { n: left }));
    }
    return { token: sessionToken, userId: user.id, deviceToken, redirectTo: challenge.redirectTo };
  });
}
