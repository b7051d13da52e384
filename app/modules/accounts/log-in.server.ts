import { eq, lt, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import { loginChallenges, loginThrottle, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { bilingual, bilingualSubject, queueMail } from "~/modules/mail/queue-mail.server";
import { deviceFailed, findDevice, renewDevice, type Device, type DeviceToken } from "./device.server";
import { DUMMY_HASH, verifyPassword } from "./password.server";
import { startSession } from "./session.server";
import { hashToken, newToken } from "./tokens.server";

// Sign-in is judged two ways, by whether the browser is a trusted device of the account (it
// holds a device cookie issued when the account last signed in there: device.server.ts).
//
// Untrusted (a browser the account has not signed in from, or whose device was forgotten):
// - Lockout: five wrong passwords in a row lock the account for 15 minutes (the owner is told
//   when it opens again).
// - Throttle: 30 failures from one address in 15 minutes pause that address, so guessing across
//   many accounts is slowed too.
// - An email address without an account locks the same way (kept in login_throttle under
//   "email:…"), or the lockout message would tell who has an account.
//
// Trusted: neither the address's pause nor the account's lockout applies, as both are caused
// by others. A regional office puts hundreds of operators behind one address, so a few people's
// typos would otherwise pause everyone there on the last day before a deadline; and anyone who
// knows an evaluator's email could keep the account locked from anywhere. Guessing stays slow:
// a device's own wrong passwords count on the device alone, five locking that device for that
// account for 15 minutes, and a device is only had by signing in with the password. A trusted
// attempt's failures are not counted against the address or the account, nor does its success
// clear the account's count: that count is about strangers' guesses, which the owner's sign-in
// elsewhere says nothing of.
//
// Either way a switched-off account stays shut (its devices are deleted when it is switched
// off, and a password reset deletes them too: the old password may have been someone else's
// to use).
export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;
const IP_MAX_FAILURES = 30;
const IP_WINDOW_MINUTES = 15;

export type LogInResult = { token: string; userId: number; deviceToken: string };
/** A right password for an account with two-step sign-in: the code is still to come (two-step.server.ts). */
export type SecondStep = { secondStep: true; challengeToken: string; userId: number };

// How long a right password waits for its code.
export const CHALLENGE_MINUTES = 10;

/** After a right password: the challenge to carry to the second step, in a short-lived cookie. */
export async function startChallenge(tx: DbOrTx, userId: number, redirectTo: string | null, now: Date): Promise<string> {
  // One challenge an account at a time: a newer sign-in replaces the older one.
  await tx.delete(loginChallenges).where(or(lt(loginChallenges.expiresAt, now), eq(loginChallenges.userId, userId)));
  const token = newToken();
  await tx.insert(loginChallenges).values({ idHash: hashToken(token), userId, redirectTo, expiresAt: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000) });
  return token;
}

export async function logIn(
  db: Db,
  opts: {
    email: string;
    password: string;
    clientIp: string;
    sessionHours: number;
    previousToken?: string;
    /** The browser's own name for itself (User-Agent), kept with the sign-in for its owner to read. */
    userAgent?: string | null;
    /** The browser's device cookie, parsed (device.server.ts). */
    devices?: DeviceToken[];
    /** Where the sign-in goes once done: kept with a two-step challenge. */
    redirectTo?: string | null;
    now?: Date;
  },
): Promise<LogInResult | SecondStep> {
  const now = opts.now ?? new Date();
  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, opts.email.toLowerCase()));
  const device = user && user.passwordHash && !user.disabledAt ? await findDevice(db, user.id, opts.devices ?? [], now) : null;
  if (device) return trustedLogIn(db, user, device, opts, now);

  const ipKey = `ip:${opts.clientIp}`;
  const [throttle] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, ipKey));
  if (
    throttle &&
    throttle.failures >= IP_MAX_FAILURES &&
    now.getTime() - throttle.windowStart.getTime() < IP_WINDOW_MINUTES * 60_000
  ) {
    throw new AppError("rate-limited", "errors.rateLimited");
  }

  const stranger = user ? null : await strangerLock(db, opts.email);
  const lockedUntil = user ? user.lockedUntil : stranger!.lockedUntil;
  if (lockedUntil && lockedUntil > now) {
    throw new AppError("rate-limited", "accounts.errors.locked", { until: lockedUntil.toISOString() });
  }
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, opts.password);
  // The right password on a switched-off account: its owner is told why and whom to ask, as
  // only someone who knows the password learns it. Not a guess, so not counted as a failure.
  if (user?.disabledAt && user.passwordHash && ok) throw new AppError("forbidden", "accounts.errors.deactivated");
  if (!user || !ok || user.disabledAt || !user.passwordHash) {
    await recordFailure(db, ipKey, now);
    const until = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    // The same words, with the time it opens again, for an account and an address without one.
    const lockedNow = () => new AppError("rate-limited", "accounts.errors.lockedNow", { until: until.toISOString() });
    if (!user && (await strangerFailed(db, stranger!, now))) throw lockedNow();
    if (user) {
      const failures = user.failedLogins + 1;
      const lock = failures >= MAX_FAILURES;
      await db
        .update(users)
        .set({ failedLogins: lock ? 0 : failures, lockedUntil: lock ? until : null })
        .where(eq(users.id, user.id));
      if (lock) {
        await recordAudit(db, { actorUserId: null, action: "account.locked", subjectType: "user", subjectId: user.id });
        // The owner is told: someone may be guessing the password, and the owner, not the
        // guesser, can change it. A lock comes at most every 15 minutes, so at most a few mails
        // an hour, however long the guessing goes on.
        await queueMail(db, {
          to: user.email,
          kind: "account-locked",
          subject: bilingualSubject("mail.accountLocked.subject"),
          body: bilingual("mail.accountLocked.body", { until: { instant: until.toISOString(), zone: "WIB" }, n: MAX_FAILURES }),
        });
        throw lockedNow();
      }
    }
    throw new AppError("invalid", "accounts.errors.badCredentials");
  }

  return db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
    if (user.totpEnabledAt) return secondStep(tx, user.id, opts.redirectTo, now);
    const deviceToken = await renewDevice(tx, user.id, null, now);
    const { token } = await startSession(tx, user.id, opts.sessionHours, opts.previousToken);
    await recordAudit(tx, { actorUserId: user.id, action: "session.start", subjectType: "user", subjectId: user.id, data: { ip: opts.clientIp, trustedDevice: false, userAgent: opts.userAgent?.slice(0, 300) ?? null } });
    return { token, userId: user.id, deviceToken };
  });
}

/** A sign-in from a trusted device of the account: only the device's own failures hold it back. */
async function trustedLogIn(
  db: Db,
  user: typeof users.$inferSelect,
  device: Device,
  opts: { password: string; clientIp: string; sessionHours: number; previousToken?: string; userAgent?: string | null; redirectTo?: string | null },
  now: Date,
): Promise<LogInResult | SecondStep> {
  // Only this browser is held back: the account itself stays open to its other devices.
  if (device.lockedUntil) throw new AppError("rate-limited", "accounts.errors.deviceLocked", { until: device.lockedUntil.toISOString() });
  if (!(await verifyPassword(user.passwordHash!, opts.password))) {
    const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
    const locked = await deviceFailed(db, device, { maxFailures: MAX_FAILURES, lockUntil });
    if (locked) {
      await recordAudit(db, { actorUserId: null, action: "device.locked", subjectType: "user", subjectId: user.id });
      throw new AppError("rate-limited", "accounts.errors.deviceLocked", { until: lockUntil.toISOString() });
    }
    throw new AppError("invalid", "accounts.errors.badCredentials");
  }
  if (user.totpEnabledAt) return secondStep(db, user.id, opts.redirectTo, now);
  return db.transaction(async (tx) => {
    const deviceToken = await renewDevice(tx, user.id, device, now);
    const { token } = await startSession(tx, user.id, opts.sessionHours, opts.previousToken);
    await recordAudit(tx, { actorUserId: user.id, action: "session.start", subjectType: "user", subjectId: user.id, data: { ip: opts.clientIp, trustedDevice: true, userAgent: opts.userAgent?.slice(0, 300) ?? null } });
    return { token, userId: user.id, deviceToken };
  });
}

// The password was right, and the account asks for a code as well: no session yet, and the
// browser's device is renewed only once the code is given (two-step.server.ts).
async function secondStep(tx: DbOrTx, userId: number, redirectTo: string | null | undefined, now: Date): Promise<SecondStep> {
  return { secondStep: true, challengeToken: await startChallenge(tx, userId, redirectTo ?? null, now), userId };
}

async function recordFailure(db: Db, key: string, now: Date) {
  const windowStart = new Date(now.getTime() - IP_WINDOW_MINUTES * 60_000);
  await db
    .insert(loginThrottle)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        failures: sql`case when ${loginThrottle.windowStart} < ${windowStart.toISOString()}::timestamptz then 1 else ${loginThrottle.failures} + 1 end`,
        windowStart: sql`case when ${loginThrottle.windowStart} < ${windowStart.toISOString()}::timestamptz then ${now.toISOString()}::timestamptz else ${loginThrottle.windowStart} end`,
      },
    });
}

// The lockout of an address without an account, as the users table keeps it for one with:
// consecutive failures, and the end of a lock. A row's window_start holds that end once locked
// (a lock resets the count, as for accounts); before, it is the first failure's time, never
// in the future.
export type StrangerLock = { key: string; failures: number; lockedUntil: Date | null };

const strangerLock = (db: Db, email: string) => keyedLock(db, `email:${email.toLowerCase()}`);
const strangerFailed = (db: Db, lock: StrangerLock, now: Date) => keyedLockFailed(db, lock, now);

/** A lockout kept under its own key (an address without an account, a password change). */
export async function keyedLock(db: Db, key: string): Promise<StrangerLock> {
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  return { key, failures: row?.failures ?? 0, lockedUntil: row?.windowStart ?? null };
}

/** Count a failure under the lock's key; true when it locks now (for LOCK_MINUTES). */
export async function keyedLockFailed(db: Db, lock: StrangerLock, now: Date): Promise<boolean> {
  const failures = lock.failures + 1;
  const locks = failures >= MAX_FAILURES;
  const row = { failures: locks ? 0 : failures, windowStart: locks ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : now };
  await db.insert(loginThrottle).values({ key: lock.key, ...row }).onConflictDoUpdate({ target: loginThrottle.key, set: row });
  return locks;
}
