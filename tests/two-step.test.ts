// Two-step sign-in: turned on from one's own account page with a code from an authenticator app,
// asked after the password, replaced by one-time recovery codes when the phone is lost, locked
// after wrong codes, and turned off by its owner or by whoever manages the account.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser } from "../app/db/factories.server";
import { auditLog, loginChallenges, outbox, users } from "../app/db/schema";
import { CHALLENGE_MINUTES, logIn, MAX_FAILURES } from "../app/modules/accounts/log-in.server";
import { beginTwoStep, completeChallenge } from "../app/modules/accounts/two-step.server";
import { SESSION_COOKIE } from "../app/modules/accounts/session.server";
import { CHALLENGE_COOKIE } from "../app/modules/accounts/two-step";

const PASSWORD = "kata-sandi-uji-123";

let database: Database;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
});
afterAll(async () => database?.close());

/** The code an authenticator app shows for `secret`, `steps` periods from now. */
const codeFor = (secret: string, steps = 0) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + steps * 30_000 });

/** Six digits that are none of the codes the app could show around now. */
const wrongCode = (secret: string) => {
  const near = [-2, -1, 0, 1, 2].map((k) => codeFor(secret, k));
  return ["000000", "111111", "222222", "333333", "444444", "555555"].find((c) => !near.includes(c))!;
};

const mails = (to: string, kind: string) =>
  database.db.select().from(outbox).where(and(eq(outbox.toAddress, to), eq(outbox.kind, kind))).orderBy(desc(outbox.id));

async function operator(agencyId?: number) {
  const agency = agencyId ?? (await createAgency(database.db, { name: "Pemerintah Kabupaten Uji Dua Langkah" })).id;
  return createTestUser(database.db, { role: "unit_operator", agencyId: agency, name: "Rini Operator" });
}

/** Turn two-step sign-in on through the account page, as its owner would; the secret and the recovery codes. */
async function turnOn(c: Client) {
  expect((await c.post("/kelola/akun", { _intent: "twoStepBegin" })).status).toBe(302);
  const html = await pageText(await c.get("/kelola/akun"));
  const secret = html.match(/<code class="secret">([A-Z2-7 ]+)<\/code>/)![1].replace(/ /g, "");
  const res = await c.post("/kelola/akun", { _intent: "twoStepEnable", code: codeFor(secret), current: PASSWORD });
  expect(res.status).toBe(200);
  const text = await pageText(res);
  const codes = [...text.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]);
  expect(codes).toHaveLength(10);
  return { secret, codes };
}

/** A new browser signs in with the password; it lands on the code's page. */
async function password(email: string, redirectTo?: string) {
  const c = newClient();
  const res = await c.post("/masuk", { email, password: PASSWORD, ...(redirectTo ? { redirectTo } : {}) });
  expect(res.status).toBe(302);
  expect(res.headers.get("location")).toBe("/masuk/kode");
  expect(c.cookies.has(SESSION_COOKIE)).toBe(false);
  return c;
}

describe("turning two-step sign-in on", () => {
  it("offers a QR code and a key, and turns on only with a right code from the app and the password", async () => {
    const user = await operator();
    const c = newClient();
    await c.login(user.email, PASSWORD);
    const before = await pageText(await c.get("/kelola/akun"));
    expect(before).toContain("Siapkan verifikasi dua langkah");
    await c.post("/kelola/akun", { _intent: "twoStepBegin" });
    const page = await pageText(await c.get("/kelola/akun"));
    expect(page).toContain("<svg");
    const secret = page.match(/<code class="secret">([A-Z2-7 ]+)<\/code>/)![1].replace(/ /g, "");
    expect(secret).toHaveLength(32);

    const badCode = await c.post("/kelola/akun", { _intent: "twoStepEnable", code: wrongCode(secret), current: PASSWORD });
    expect(badCode.status).toBe(400);
    expect(await pageText(badCode)).toContain("Kode ini tidak cocok");
    const wrongPassword = await c.post("/kelola/akun", { _intent: "twoStepEnable", code: codeFor(secret), current: "bukan-sandinya" });
    expect(wrongPassword.status).toBe(400);
    expect(await pageText(wrongPassword)).toContain("Kata sandi sekarang salah.");
    const blank = await c.post("/kelola/akun", { _intent: "twoStepEnable", code: "", current: "" });
    expect(blank.status).toBe(400);
    const [stillOff] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(stillOff.totpEnabledAt).toBeNull();
    expect(stillOff.totpPendingSecret).toBe(secret);

    const on = await c.post("/kelola/akun", { _intent: "twoStepEnable", code: `${codeFor(secret).slice(0, 3)} ${codeFor(secret).slice(3)}`, current: PASSWORD });
    expect(on.status).toBe(200);
    const shown = await pageText(on);
    expect(shown).toContain("Verifikasi dua langkah menyala.");
    expect([...shown.matchAll(/<li><code>[a-z2-9]{5}-[a-z2-9]{5}<\/code><\/li>/g)]).toHaveLength(10);
    // The codes are shown once: the page read again has only how many are left.
    const later = await pageText(await c.get("/kelola/akun"));
    expect(later).not.toMatch(/<li><code>[a-z2-9]{5}-[a-z2-9]{5}<\/code><\/li>/);
    expect(later).toContain("Sisa kode pemulihan: 10.");
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.totpSecret).toBe(secret);
    expect(row.totpPendingSecret).toBeNull();
    expect(await mails(user.email, "twoStepOn")).toHaveLength(1);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "two-step.enable"), eq(auditLog.subjectId, String(user.id))));
    expect(audit).toBeDefined();
  });

  it("can be cancelled before it is confirmed, and nothing changes", async () => {
    const user = await operator();
    const c = newClient();
    await c.login(user.email, PASSWORD);
    await c.post("/kelola/akun", { _intent: "twoStepBegin" });
    expect((await c.post("/kelola/akun", { _intent: "twoStepCancel" })).status).toBe(302);
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.totpPendingSecret).toBeNull();
    expect(row.totpEnabledAt).toBeNull();
    // The password alone still signs in.
    await newClient().login(user.email, PASSWORD);
  });

  it("is refused to the shared demo accounts of a public demo", async () => {
    const demo = await createTestUser(database.db, { role: "evaluator", email: "evaluator@ui.demo" });
    await expect(beginTwoStep(database.db, demo, { demo: true })).rejects.toMatchObject({ reason: "accounts.twoStep.errors.demo" });
    const [row] = await database.db.select().from(users).where(eq(users.id, demo.id));
    expect(row.totpPendingSecret).toBeNull();
  });
});

describe("the dashboard's nudge", () => {
  it("urges the roles that decide results or speak for an agency, until it is on; not an operator", async () => {
    const agency = await createAgency(database.db, { name: "Pemerintah Kabupaten Uji Dorongan" });
    const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
    const c = newClient();
    await c.login(admin.email, PASSWORD);
    expect(await pageText(await c.get("/kelola"))).toContain("masih dilindungi kata sandi saja");
    await turnOn(c);
    expect(await pageText(await c.get("/kelola"))).not.toContain("masih dilindungi kata sandi saja");
    const o = newClient();
    await o.login((await operator(agency.id)).email, PASSWORD);
    expect(await pageText(await o.get("/kelola"))).not.toContain("masih dilindungi kata sandi saja");
  });
});

describe("signing in with two steps", () => {
  it("asks for the code after the password, and signs in with it, going where the sign-in was going", async () => {
    const user = await operator();
    const owner = newClient();
    await owner.login(user.email, PASSWORD);
    const { secret } = await turnOn(owner);

    const c = await password(user.email, "/kelola/akun");
    // Without the code the work area stays shut.
    expect((await c.get("/kelola")).status).toBe(401);
    const page = await pageText(await c.get("/masuk/kode"));
    expect(page).toContain(user.email);
    expect(page).toMatch(/autocomplete="one-time-code"/i);

    const wrong = await c.post("/masuk/kode", { code: wrongCode(secret) });
    expect(wrong.status).toBe(400);
    expect(await pageText(wrong)).toContain("Kode salah atau sudah dipakai.");
    // The setup took this step's code: the app's next one.
    const code = codeFor(secret, 1);
    const done = await c.post("/masuk/kode", { code });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/kelola/akun");
    expect(c.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(c.cookies.has(CHALLENGE_COOKIE)).toBe(false);
    expect((await c.get("/kelola/akun")).status).toBe(200);
    const [start] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "session.start"), eq(auditLog.subjectId, String(user.id))))
      .orderBy(desc(auditLog.id));
    expect(start.data).toMatchObject({ secondStep: "app" });

    // The same code, seen over a shoulder, does not sign in again.
    const thief = await password(user.email);
    const replay = await thief.post("/masuk/kode", { code });
    expect(replay.status).toBe(400);
    expect(thief.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("sends a visit to the code's page without a live sign-in back to the password", async () => {
    const c = newClient();
    const res = await c.get("/masuk/kode");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/masuk?kedaluwarsa");
    expect(await pageText(await c.get("/masuk?kedaluwarsa"))).toContain("Waktu untuk memasukkan kode sudah habis");
    const posted = await c.post("/masuk/kode", { code: "123456" });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("location")).toBe("/masuk?kedaluwarsa");
  });

  it("ends a challenge after its minutes, and a newer sign-in replaces an older one", async () => {
    const user = await operator();
    const owner = newClient();
    await owner.login(user.email, PASSWORD);
    const { secret } = await turnOn(owner);
    const first = await logIn(database.db, { email: user.email, password: PASSWORD, clientIp: "10.0.0.1", sessionHours: 8 });
    const second = await logIn(database.db, { email: user.email, password: PASSWORD, clientIp: "10.0.0.1", sessionHours: 8 });
    if (!("secondStep" in first) || !("secondStep" in second)) throw new Error("expected a second step");
    const opts = { clientIp: "10.0.0.1", sessionHours: 8, publicUrl: "http://localhost:3000" };
    await expect(completeChallenge(database.db, first.challengeToken, codeFor(secret, 1), opts)).rejects.toMatchObject({ reason: "accounts.twoStep.errors.expired" });
    const late = new Date(Date.now() + (CHALLENGE_MINUTES + 1) * 60_000);
    await expect(completeChallenge(database.db, second.challengeToken, codeFor(secret, 1), { ...opts, now: late })).rejects.toMatchObject({
      reason: "accounts.twoStep.errors.expired",
    });
    const done = await completeChallenge(database.db, second.challengeToken, codeFor(secret, 1), opts);
    expect(done.userId).toBe(user.id);
    // Spent: the challenge is gone.
    expect(await database.db.select().from(loginChallenges).where(eq(loginChallenges.userId, user.id))).toHaveLength(0);
  });

  it("takes each recovery code once, however it is typed, and tells the owner how many are left", async () => {
    const user = await operator();
    const owner = newClient();
    await owner.login(user.email, PASSWORD);
    const { codes } = await turnOn(owner);
    const c = await password(user.email);
    expect(await pageText(await c.get("/masuk/kode?pemulihan"))).toContain("Kode pemulihan");
    const res = await c.post("/masuk/kode", { code: ` ${codes[3].toUpperCase().replace("-", " ")} ` });
    expect(res.status).toBe(302);
    expect(c.cookies.has(SESSION_COOKIE)).toBe(true);
    const [told] = await mails(user.email, "recoveryCodeUsed");
    expect(told.bodyText).toContain("Sisa kode pemulihan: 9.");
    expect(told.bodyText).toContain("9 recovery codes are left.");

    const again = await password(user.email);
    const reused = await again.post("/masuk/kode", { code: codes[3] });
    expect(reused.status).toBe(400);
    expect((await again.post("/masuk/kode", { code: codes[4] })).status).toBe(302);
  });

  it(`locks the second step after ${MAX_FAILURES} wrong codes on every browser, and tells the owner their password is known`, async () => {
    const user = await operator();
    const owner = newClient();
    await owner.login(user.email, PASSWORD);
    const { secret } = await turnOn(owner);
    const c = await password(user.email);
    for (let i = 1; i < MAX_FAILURES; i++) expect((await c.post("/masuk/kode", { code: wrongCode(secret) })).status).toBe(400);
    const locked = await c.post("/masuk/kode", { code: wrongCode(secret) });
    expect(locked.status).toBe(429);
    expect(await pageText(locked)).toMatch(/Terlalu banyak kode yang salah\. Akun ini tidak dapat menyelesaikan masuk sampai .*WIB/);
    const [mail] = await mails(user.email, "twoStepLocked");
    expect(mail.subject).toContain("diketahui orang lain");
    // Even the right code, from another browser with a fresh sign-in, waits for the lock's end.
    const other = await password(user.email);
    expect((await other.post("/masuk/kode", { code: codeFor(secret, 1) })).status).toBe(429);
    expect(other.cookies.has(SESSION_COOKIE)).toBe(false);
  });
});

describe("turning two-step sign-in off", () => {
  it("is its owner's with the password; then the password alone signs in, and the owner is told", async () => {
    const user = await operator();
    const c = newClient();
    await c.login(user.email, PASSWORD);
    await turnOn(c);
    const wrong = await c.post("/kelola/akun", { _intent: "twoStepDisable", current: "salah-sandinya" });
    expect(wrong.status).toBe(400);
    const off = await c.post("/kelola/akun", { _intent: "twoStepDisable", current: PASSWORD });
    expect(off.status).toBe(302);
    expect(off.headers.get("location")).toBe("/kelola/akun?pesan=dua-langkah-mati");
    expect(await pageText(await c.get("/kelola/akun?pesan=dua-langkah-mati"))).toContain("Verifikasi dua langkah dimatikan.");
    expect(await mails(user.email, "twoStepOff")).toHaveLength(1);
    const res = await newClient().post("/masuk", { email: user.email, password: PASSWORD });
    expect(res.headers.get("location")).toBe("/kelola");
  });

  it("gives new recovery codes for the password, and the old ones stop working", async () => {
    const user = await operator();
    const c = newClient();
    await c.login(user.email, PASSWORD);
    const { codes: old } = await turnOn(c);
    const res = await c.post("/kelola/akun", { _intent: "recoveryCodes", current: PASSWORD });
    expect(res.status).toBe(200);
    const text = await pageText(res);
    expect(text).toContain("Kode pemulihan baru dibuat");
    const fresh = [...text.matchAll(/<li><code>([a-z2-9]{5}-[a-z2-9]{5})<\/code><\/li>/g)].map((m) => m[1]);
    expect(fresh).toHaveLength(10);
    const b = await password(user.email);
    expect((await b.post("/masuk/kode", { code: old[0] })).status).toBe(400);
    expect((await b.post("/masuk/kode", { code: fresh[0] })).status).toBe(302);
  });

  it("is Admin Lokal's for its agency's people who lost both phone and codes: their sessions end and they are told", async () => {
    const agency = await createAgency(database.db, { name: "Pemerintah Kota Uji Pemulihan" });
    const user = await operator(agency.id);
    const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
    const stranger = await createTestUser(database.db, { role: "agency_admin" });
    const c = newClient();
    await c.login(user.email, PASSWORD);
    await turnOn(c);

    const a = newClient();
    await a.login(admin.email, PASSWORD);
    const list = await pageText(await a.get(`/kelola/pengguna?cari=${encodeURIComponent(user.email)}`));
    expect(list).toContain("Verifikasi dua langkah menyala");
    expect(list).toContain(`Matikan verifikasi dua langkah ${user.name}`);

    const s = newClient();
    await s.login(stranger.email, PASSWORD);
    expect((await s.post("/kelola/pengguna", { _intent: "resetTwoStep", userId: String(user.id) })).status).toBe(403);
    const [stillOn] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(stillOn.totpEnabledAt).not.toBeNull();

    const res = await a.post("/kelola/pengguna", { _intent: "resetTwoStep", userId: String(user.id) });
    expect(res.status).toBe(200);
    expect(await pageText(res)).toContain(`Verifikasi dua langkah ${user.name} dimatikan`);
    expect((await c.get("/kelola/akun")).status).toBe(401);
    expect(await mails(user.email, "twoStepReset")).toHaveLength(1);
    expect((await newClient().post("/masuk", { email: user.email, password: PASSWORD })).headers.get("location")).toBe("/kelola");
  });
});
