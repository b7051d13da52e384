// Sign-in from a trusted device (OWASP's device cookies): a browser where an account has signed
// in before is held back neither by its address's pause nor by a lockout strangers caused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { and, desc, eq, like } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createTestUser } from "../app/db/factories.server";
import { auditLog, loginThrottle, outbox, users } from "../app/db/schema";
import { MAX_FAILURES } from "../app/modules/accounts/log-in.server";
import { SESSION_COOKIE } from "../app/modules/accounts/session.server";
import { hashToken } from "../app/modules/accounts/tokens.server";

const DEVICE = "lumbung_device";
const WRONG = "bukan sandinya";

let database: Database;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  // One proxy in front, so each test can sign in from addresses of its own.
  ({ newClient } = await testClient(database, { LUMBUNG_TRUSTED_PROXIES: "1" }));
});
afterAll(async () => database?.close());

let lastAddress = 0;
const newAddress = () => `10.0.${Math.floor(++lastAddress / 250)}.${(lastAddress % 250) + 1}`;

/**
 * Post the sign-in form from an address, as a browser behind the proxy would. Its session ends
 * first, as on a shared PC (the sign-in page sends a signed-in browser on to /kelola).
 */
async function signIn(c: Client, ip: string, email: string, password: string) {
  if (c.cookies.has(SESSION_COOKIE)) expect((await c.post("/keluar")).status).toBe(302);
  return c.signInFrom(ip, email, password);
}

/** A browser that has signed in to each account once (from an address of its own), so it holds their devices. */
async function trustedBrowser(...accounts: { email: string; password: string }[]) {
  const c = newClient();
  for (const a of accounts) expect((await signIn(c, newAddress(), a.email, a.password)).status).toBe(302);
  expect(c.cookies.get(DEVICE)).toBeTruthy();
  return c;
}

/** Five wrong passwords from a stranger's browser: the account is locked. */
async function lockOut(email: string) {
  const stranger = newClient();
  const ip = newAddress();
  for (let i = 0; i < MAX_FAILURES - 1; i++) expect((await signIn(stranger, ip, email, WRONG)).status).toBe(400);
  const locking = await signIn(stranger, ip, email, WRONG);
  expect(locking.status).toBe(429);
  expect(await locking.text()).toContain("Akun dikunci selama 15 menit");
}

const deviceCookieHeader = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE}=`));

describe("sign-in from a trusted device", () => {
  it("lets a trusted browser in from an address paused by others' failures, and only it", async () => {
    const x = await createTestUser(database.db, { role: "unit_operator" });
    const y = await createTestUser(database.db, { role: "unit_operator" });
    const [forX, forY] = [await trustedBrowser(x), await trustedBrowser(y)];

    // An office behind one address: 30 mistakes from its people pause it.
    const office = newAddress();
    const typist = newClient();
    for (let i = 0; i < 30; i++) expect((await signIn(typist, office, `salah.ketik.${i}@uji.go.id`, WRONG)).status).toBe(400);
    const paused = await signIn(newClient(), office, x.email, x.password);
    expect(paused.status).toBe(429);
    expect(await pageText(paused)).toContain("Terlalu banyak percobaan. Coba lagi nanti.");

    // X's own browser is still let in there with the right password...
    expect((await signIn(forX, office, x.email, x.password)).status).toBe(302);
    // ...but a browser trusted by Y is a stranger to X, and stays paused.
    const other = await signIn(forY, office, x.email, x.password);
    expect(other.status).toBe(429);
    expect(deviceCookieHeader(other)).toBeUndefined();

    const [start] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "session.start"), eq(auditLog.subjectId, String(x.id))))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(start.data).toEqual({ ip: office, trustedDevice: true, userAgent: null });
  });

  it("keeps a locked account open to its trusted devices; a device's own failures lock that device alone", async () => {
    const x = await createTestUser(database.db, { role: "evaluator" });
    const [first, second] = [await trustedBrowser(x), await trustedBrowser(x)];
    await lockOut(x.email);
    const refused = await signIn(newClient(), newAddress(), x.email, x.password);
    expect(refused.status).toBe(429);
    expect(await pageText(refused)).toMatch(/Coba lagi setelah .* WIB/);

    expect((await signIn(first, newAddress(), x.email, x.password)).status).toBe(302);

    // Five wrong passwords from the first device lock it, and say until when on the next try.
    const ip = newAddress();
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      const r = await signIn(first, ip, x.email, WRONG);
      expect(r.status).toBe(400);
      expect(await pageText(r)).toContain("Email atau kata sandi salah");
    }
    const locking = await signIn(first, ip, x.email, WRONG);
    expect(locking.status).toBe(429);
    // It says this browser is held back, not the account, and until when.
    expect(await pageText(locking)).toMatch(/Peramban ini tidak dapat masuk ke akun ini sampai .* WIB/);
    const locked = await signIn(first, ip, x.email, x.password);
    expect(locked.status).toBe(429);
    expect(await pageText(locked)).toMatch(/Peramban ini tidak dapat masuk ke akun ini sampai .* WIB/);

    // The other device of the same account is untouched.
    expect((await signIn(second, newAddress(), x.email, x.password)).status).toBe(302);
    // And the device's failures were not counted against the account's strangers' count.
    const [row] = await database.db.select({ failed: users.failedLogins }).from(users).where(eq(users.id, x.id));
    expect(row.failed).toBe(0);
  });

  it("trusts a cookie only for its own account and only as issued", async () => {
    const x = await createTestUser(database.db, { role: "panelist" });
    const y = await createTestUser(database.db, { role: "panelist" });
    const forX = await trustedBrowser(x);
    await lockOut(y.email);
    await lockOut(x.email);

    // X's device does not open Y.
    expect((await signIn(forX, newAddress(), y.email, y.password)).status).toBe(429);

    // Forged: an unknown secret for X, or X's secret claimed for Y.
    const unknown = newClient();
    unknown.cookies.set(DEVICE, `${x.id}.${randomBytes(32).toString("base64url")}`);
    expect((await signIn(unknown, newAddress(), x.email, x.password)).status).toBe(429);
    const [, secret] = forX.cookies.get(DEVICE)!.split(".");
    const claimed = newClient();
    claimed.cookies.set(DEVICE, `${y.id}.${secret}`);
    expect((await signIn(claimed, newAddress(), y.email, y.password)).status).toBe(429);

    // The real one still works.
    expect((await signIn(forX, newAddress(), x.email, x.password)).status).toBe(302);
  });

  it("forgets an account's devices when it is switched off", async () => {
    const secretariat = await createTestUser(database.db, { role: "national_admin" });
    const z = await createTestUser(database.db, { role: "unit_operator", name: "Operator Pindah" });
    const forZ = await trustedBrowser(z);
    const admin = await trustedBrowser(secretariat);
    expect((await admin.post("/kelola/pengguna", { _intent: "deactivate", userId: String(z.id) })).status).toBe(200);
    expect(await database.db.select().from(loginThrottle).where(like(loginThrottle.key, `device:${z.id}:%`))).toHaveLength(0);

    // Its own browser meets the same refusal as anyone.
    const off = await signIn(forZ, newAddress(), z.email, z.password);
    expect(off.status).toBe(403);
    expect(await pageText(off)).toContain("Akun ini sudah dinonaktifkan");

    // Switched back on, that browser is a stranger: a lockout holds it too.
    expect((await admin.post("/kelola/pengguna", { _intent: "reactivate", userId: String(z.id) })).status).toBe(200);
    await lockOut(z.email);
    expect((await signIn(forZ, newAddress(), z.email, z.password)).status).toBe(429);
  });

  it("forgets an account's devices when its password is reset", async () => {
    const w = await createTestUser(database.db, { role: "evaluator" });
    const forW = await trustedBrowser(w);
    await newClient().post("/lupa-sandi", { email: w.email });
    const [mail] = await database.db.select().from(outbox).where(eq(outbox.toAddress, w.email)).orderBy(desc(outbox.id)).limit(1);
    const link = mail.bodyText.match(/https?:\/\/[^\s]+(\/atur-ulang-sandi\/[A-Za-z0-9_-]+)/)![1];
    expect((await newClient().post(link, { password: "kopi pagi di teras", confirm: "kopi pagi di teras" })).status).toBe(302);

    await lockOut(w.email);
    expect((await signIn(forW, newAddress(), w.email, "kopi pagi di teras")).status).toBe(429);
  });

  it("sets the device cookie on a sign-in only, keeps one per account, and survives logging out", async () => {
    const a = await createTestUser(database.db, { role: "unit_operator" });
    const b = await createTestUser(database.db, { role: "unit_operator" });
    const pc = newClient();
    const ip = newAddress();

    const wrong = await signIn(pc, ip, a.email, WRONG);
    expect(wrong.status).toBe(400);
    expect(deviceCookieHeader(wrong)).toBeUndefined();

    const ok = await signIn(pc, ip, a.email, a.password);
    expect(ok.status).toBe(302);
    const header = deviceCookieHeader(ok)!;
    expect(header).toMatch(/;\s*HttpOnly/i);
    expect(header).toMatch(/;\s*SameSite=Lax/i);
    expect(header).toMatch(/;\s*Max-Age=31536000/i);
    expect(header).not.toMatch(/;\s*Secure/i); // served over http here
    const token = pc.cookies.get(DEVICE)!;
    expect(token).toMatch(new RegExp(`^${a.id}\\.[A-Za-z0-9_-]{43}$`));
    // Only the token's hash is kept.
    const rows = await database.db.select().from(loginThrottle).where(like(loginThrottle.key, `device:${a.id}:%`));
    expect(rows.map((r) => r.key)).toEqual([`device:${a.id}:${hashToken(token)}`]);
    const [start] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "session.start"), eq(auditLog.subjectId, String(a.id))))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(start.data).toEqual({ ip, trustedDevice: false, userAgent: null });

    // A shared PC: a second account signs in there after logging out, which leaves the device
    // cookie; the first account keeps its place in it.
    expect((await pc.post("/keluar")).status).toBe(302);
    expect(pc.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(pc.cookies.get(DEVICE)).toBe(token);
    expect((await signIn(pc, ip, b.email, b.password)).status).toBe(302);
    expect(pc.cookies.get(DEVICE)!.split("~")).toHaveLength(2);

    await lockOut(a.email);
    await lockOut(b.email);
    // Renewed, not replaced: the same token comes back with a fresh lifetime.
    const again = await signIn(pc, ip, a.email, a.password);
    expect(again.status).toBe(302);
    expect(pc.cookies.get(DEVICE)!.split("~")[0]).toBe(token);
    expect((await signIn(pc, ip, b.email, b.password)).status).toBe(302);
  });

  it("marks the cookie Secure when the site is served over https", async () => {
    const { newClient: httpsClient } = await testClient(database, { LUMBUNG_TRUSTED_PROXIES: "1", PUBLIC_URL: "https://lumbung.example" });
    const u = await createTestUser(database.db, { role: "panelist" });
    const res = await signIn(httpsClient(), newAddress(), u.email, u.password);
    expect(res.status).toBe(302);
    expect(deviceCookieHeader(res)).toMatch(/;\s*Secure/i);
  });
});
