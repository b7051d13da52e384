import { and, eq, like, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { loginThrottle } from "~/db/schema";
import { hashToken, newToken } from "./tokens.server";

// Device cookies (OWASP's answer to lockouts used as a weapon): a browser where an account has
// signed in before carries a secret binding it to that account, and its sign-ins are judged
// apart from strangers' (see log-in.server.ts for the rules).
//
// Where a device is kept: in login_throttle, under "device:<userId>:<sha256 of the cookie's
// token>", not in a table of its own, so that the change needs no migration. That table is
// already sign-in throttling's store of key → (failures, instant), and a device needs exactly
// that: its run of wrong passwords, and one instant (below). The user id in the key lets a
// password reset or a deactivation find and delete the account's devices with one
// `like 'device:<id>:%'`; only the token's hash is stored, as for sessions, so the table's
// contents let nobody act as a device.
//
// A row's window_start is when the device was last renewed (its last sign-in) or, once locked,
// when the lock ends: in the future only while locked, as for "email:" rows. A device unused for
// DEVICE_DAYS is no longer trusted, as its cookie has expired by then anyway.

export const DEVICE_COOKIE = "lumbung_device";
export const DEVICE_DAYS = 365;
// One cookie holds a list, one token per account, newest first: an office PC shared by a few
// operators keeps each of them trusted; beyond five, the one unused longest drops out and that
// account is treated as a stranger there until it signs in again (today's rules, no worse).
export const DEVICES_PER_BROWSER = 5;

const TOKEN = /^([1-9]\d{0,9})\.[A-Za-z0-9_-]{43}$/;
const SEPARATOR = "~";
const DAY_MS = 86_400_000;

export type DeviceToken = { userId: number; token: string };
export type Device = { key: string; token: string; lockedUntil: Date | null };

/** The well-formed tokens of a device cookie; anything else in it is ignored. */
export function parseDeviceCookie(value: string | undefined): DeviceToken[] {
  if (!value || value.length > 1000) return [];
  return value
    .split(SEPARATOR)
    .map((token) => ({ token, m: TOKEN.exec(token) }))
    .filter((t) => t.m && Number(t.m[1]) <= 2_147_483_647)
    .slice(0, DEVICES_PER_BROWSER)
    .map((t) => ({ userId: Number(t.m![1]), token: t.token }));
}

/** The cookie's new value once `token` has signed its account in: first, replacing that account's old one. */
export function deviceCookieValue(held: DeviceToken[], token: string): string {
  const userId = Number(token.split(".")[0]);
  return [token, ...held.filter((t) => t.userId !== userId).map((t) => t.token)].slice(0, DEVICES_PER_BROWSER).join(SEPARATOR);
}

const deviceKey = (userId: number, token: string) => `device:${userId}:${hashToken(token)}`;
const accountDevices = (userId: number) => like(loginThrottle.key, `device:${Math.trunc(userId)}:%`);

/**
 * This browser's device for the account, or null when it has none the server knows: no token
 * naming the account (a token for another account proves nothing here), a token never issued
 * or since deleted (reset, deactivation), or one unused for DEVICE_DAYS.
 */
export async function findDevice(db: DbOrTx, userId: number, held: DeviceToken[], now: Date): Promise<Device | null> {
  const mine = held.find((t) => t.userId === userId);
  if (!mine) return null;
  const key = deviceKey(userId, mine.token);
  const [row] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  if (!row || now.getTime() - row.windowStart.getTime() > DEVICE_DAYS * DAY_MS) return null;
  return { key, token: mine.token, lockedUntil: row.windowStart > now ? row.windowStart : null };
}

/**
 * Count a wrong password on a device; the lock's end when this one locks it. One statement, so
 * two wrong passwords sent at once are both counted.
 */
export async function deviceFailed(db: DbOrTx, device: Device, opts: { maxFailures: number; lockUntil: Date }): Promise<Date | null> {
  const next = sql`${loginThrottle.failures} + 1`;
  const [row] = await db
    .update(loginThrottle)
    .set({
      failures: sql`case when ${next} >= ${opts.maxFailures} then 0 else ${next} end`,
      windowStart: sql`case when ${next} >= ${opts.maxFailures} then ${opts.lockUntil.toISOString()}::timestamptz else ${loginThrottle.windowStart} end`,
    })
    .where(eq(loginThrottle.key, device.key))
    .returning({ failures: loginThrottle.failures, windowStart: loginThrottle.windowStart });
  return row && row.failures === 0 && row.windowStart.getTime() === opts.lockUntil.getTime() ? opts.lockUntil : null;
}

/**
 * After a sign-in: renew the device that made it, or issue this browser one for the account.
 * The token (`<userId>.<32 random bytes>`) goes into the cookie; the account's devices unused
 * for DEVICE_DAYS are deleted here, so rows of cleared browsers do not pile up.
 */
export async function renewDevice(tx: DbOrTx, userId: number, device: Device | null, now: Date): Promise<string> {
  await tx.delete(loginThrottle).where(and(accountDevices(userId), lt(loginThrottle.windowStart, new Date(now.getTime() - DEVICE_DAYS * DAY_MS))));
  if (device) {
    await tx.update(loginThrottle).set({ failures: 0, windowStart: now }).where(eq(loginThrottle.key, device.key));
    return device.token;
  }
  const token = `${userId}.${newToken()}`;
  await tx.insert(loginThrottle).values({ key: deviceKey(userId, token), failures: 0, windowStart: now });
  return token;
}

/** Forget every device of an account: its password may have been known to someone else, or it is switched off. */
export async function forgetDevices(tx: DbOrTx, userId: number) {
  await tx.delete(loginThrottle).where(accountDevices(userId));
}
