// One's own account (/kelola/akun): the name, a new password proved with the present one, signing
// out everywhere else, and the recent sign-ins.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser } from "../app/db/factories.server";
import { auditLog, outbox, users, userTokens } from "../app/db/schema";
import { MAX_FAILURES } from "../app/modules/accounts/log-in.server";
import { SESSION_COOKIE } from "../app/modules/accounts/session.server";

const PASSWORD = "kata-sandi-uji-123";
const NEW_PASSWORD = "teh manis di beranda";

let database: Database;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database, { LUMBUNG_TRUSTED_PROXIES: "1" }));
});
afterAll(async () => database?.close());

const ANDROID_CHROME = "Mozilla/5.0 (Linux; Android 13; SM-A146P) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36";

async function signedIn(email: string, ip = "10.9.0.1", password = PASSWORD, userAgent = ANDROID_CHROME) {
  const c = newClient();
  const res = await c.signInFrom(ip, email, password, { "user-agent": userAgent });
  expect(res.status, `sign-in of ${email}`).toBe(302);
  return c;
}

async function operator() {
  const agency = await createAgency(database.db, { name: "Pemerintah Kota Uji Akun" });
  return createTestUser(database.db, { role: "unit_operator", agencyId: agency.id, name: "Sari Operator" });
}

describe("my account", () => {
  it("shows the account, its agency and the recent sign-ins with their time, zone and address", async () => {
    const user = await operator();
    await signedIn(user.email, "10.9.0.7");
    const c = await signedIn(user.email, "10.9.0.8");
    const text = await pageText(await c.get("/kelola/akun"));
    expect(text).toContain(user.email);
    expect(text).toContain("Operator Unit");
    expect(text).toContain("Pemerintah Kota Uji Akun");
    expect(text).toContain("Anda juga masuk di 1 peramban atau perangkat lain.");
    expect(text).toContain("10.9.0.7");
    expect(text).toContain("10.9.0.8");
    expect(text).toMatch(/\d{2}\.\d{2} WIB/);
    // The second sign-in came from a browser that had not signed in before (a new client).
    expect(text).toContain("Baru atau tidak dikenal");
    // Each sign-in names its browser and system, as its User-Agent told them.
    expect(text).toContain("Chrome di Android");
  });

  it("saves the name, and answers a blank one on the field, keeping what was typed", async () => {
    const user = await operator();
    const c = await signedIn(user.email);
    const refused = await c.post("/kelola/akun", { _intent: "profile", name: " " });
    expect(refused.status).toBe(400);
    const text = await pageText(refused);
    expect(text).toContain('href="#f-profile-name"');
    const saved = await c.post("/kelola/akun", { _intent: "profile", name: "  Sari Wulandari " });
    expect(saved.headers.get("location")).toBe("/kelola/akun?pesan=nama");
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.name).toBe("Sari Wulandari");
    expect(await pageText(await c.get("/kelola/akun?pesan=nama"))).toContain("Nama tersimpan.");
    // The notice of the last success does not stand beside a new refusal.
    const after = await pageText(await c.post("/kelola/akun?pesan=nama", { _intent: "password", current: "salah", password: NEW_PASSWORD, confirm: NEW_PASSWORD }));
    expect(after).toContain("Kata sandi sekarang salah.");
    expect(after).not.toContain("Nama tersimpan.");
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "user.rename"), eq(auditLog.subjectId, String(user.id))));
    expect(audit.data).toEqual({ from: "Sari Operator", to: "Sari Wulandari" });
  });

  it("changes the password only with the present one, ends the other sessions, keeps this one and tells the owner", async () => {
    const user = await operator();
    const elsewhere = await signedIn(user.email, "10.9.0.2");
    const c = await signedIn(user.email, "10.9.0.3");

    const wrong = await c.post("/kelola/akun", { _intent: "password", current: "bukan sandinya", password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    const wrongText = await pageText(wrong);
    expect(wrongText).toContain("Kata sandi sekarang salah.");
    expect(wrongText).toContain('href="#f-password-current"');
    expect(wrongText).not.toContain(NEW_PASSWORD);

    const short = await c.post("/kelola/akun", { _intent: "password", current: PASSWORD, password: "pendek", confirm: "pendek" });
    expect(short.status).toBe(400);
    expect(await pageText(short)).toContain("Kata sandi minimal 10 karakter.");
    const mismatch = await c.post("/kelola/akun", { _intent: "password", current: PASSWORD, password: NEW_PASSWORD, confirm: "teh manis di teras" });
    expect(await pageText(mismatch)).toContain("Kedua kata sandi tidak sama.");

    const same = await c.post("/kelola/akun", { _intent: "password", current: PASSWORD, password: PASSWORD, confirm: PASSWORD });
    expect(same.status).toBe(400);
    expect(await pageText(same)).toContain("Kata sandi baru sama dengan yang sekarang");
    // A reset link asked for before the change must not set the password again after it.
    expect((await newClient().post("/lupa-sandi", { email: user.email })).status).toBeLessThan(400);
    const [resetMail] = await database.db.select().from(outbox).where(and(eq(outbox.toAddress, user.email), eq(outbox.kind, "password-reset")));
    const resetLink = resetMail.bodyText.match(/\/atur-ulang-sandi\/[A-Za-z0-9_-]+/)![0];

    const before = c.cookies.get(SESSION_COOKIE);
    const changed = await c.post("/kelola/akun", { _intent: "password", current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(changed.status).toBe(302);
    expect(changed.headers.get("location")).toBe("/kelola/akun?pesan=sandi");
    // A new session here (rotated), still signed in; the other browser is out.
    expect(c.cookies.get(SESSION_COOKIE)).toBeTruthy();
    expect(c.cookies.get(SESSION_COOKIE)).not.toBe(before);
    expect((await c.get("/kelola/akun")).status).toBe(200);
    expect((await elsewhere.get("/kelola/akun")).status).not.toBe(200);
    // The old password no longer opens the account; the new one does.
    const old = newClient();
    expect((await old.post("/masuk", { email: user.email, password: PASSWORD })).status).toBe(400);
    await signedIn(user.email, "10.9.0.4", NEW_PASSWORD);
    const [mail] = await database.db.select().from(outbox).where(and(eq(outbox.toAddress, user.email), eq(outbox.kind, "password-changed")));
    expect(mail.subject).toBe("Kata sandi Lumbung Anda diganti / Your Lumbung password was changed");
    expect(mail.bodyText).toMatch(/diganti pada \d{1,2} \w+ \d{4} pukul \d{2}\.\d{2} WIB/);
    expect(mail.bodyText).toContain("http://localhost:3000/lupa-sandi");
    expect(await pageText(await newClient().get(resetLink))).toContain("Tautan ini tidak berlaku lagi");
  });

  it("locks the form (not the account) after repeated wrong present passwords, saying until when", async () => {
    const user = await operator();
    const c = await signedIn(user.email, "10.9.0.5");
    let last: Response | undefined;
    for (let i = 0; i < MAX_FAILURES; i++) last = await c.post("/kelola/akun", { _intent: "password", current: `salah ${i}`, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(last!.status).toBe(429);
    expect(await pageText(last!)).toMatch(/Terlalu banyak percobaan dengan kata sandi sekarang yang salah\. Coba lagi setelah .+ WIB\./);
    // Even the right one waits now.
    const right = await c.post("/kelola/akun", { _intent: "password", current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(right.status).toBe(429);
    // Signing in is not held back by it.
    await signedIn(user.email, "10.9.0.6");
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.lockedUntil).toBeNull();
  });

  it("signs out of every other device and keeps this one", async () => {
    const user = await operator();
    const a = await signedIn(user.email, "10.9.1.1");
    const b = await signedIn(user.email, "10.9.1.2");
    const c = await signedIn(user.email, "10.9.1.3");
    expect(await pageText(await c.get("/kelola/akun"))).toContain("Anda juga masuk di 2 peramban");
    const res = await c.post("/kelola/akun", { _intent: "signOutOthers" });
    expect(res.headers.get("location")).toBe("/kelola/akun?pesan=keluar");
    expect((await a.get("/kelola/akun")).status).not.toBe(200);
    expect((await b.get("/kelola/akun")).status).not.toBe(200);
    const text = await pageText(await c.get("/kelola/akun?pesan=keluar"));
    expect(text).toContain("Sesi di semua perangkat lain sudah berakhir.");
    expect(text).toContain("Anda tidak sedang masuk di peramban atau perangkat lain.");
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "session.endOthers"), eq(auditLog.subjectId, String(user.id)))).orderBy(desc(auditLog.id));
    expect(audit.data).toEqual({ ended: 2 });
  });

  it("answers an unknown intent with a 400, not a 500", async () => {
    const user = await operator();
    const c = await signedIn(user.email);
    expect((await c.post("/kelola/akun", { _intent: "hapus" })).status).toBe(400);
  });
});

describe("a reset by link", () => {
  it("tells the owner by mail too, as the account page does", async () => {
    const user = await operator();
    await newClient().post("/lupa-sandi", { email: user.email });
    const [resetMail] = await database.db.select().from(outbox).where(and(eq(outbox.toAddress, user.email), eq(outbox.kind, "password-reset")));
    const link = resetMail.bodyText.match(/\/atur-ulang-sandi\/[A-Za-z0-9_-]+/)![0];
    const c = newClient();
    await c.get(link);
    expect((await c.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD })).status).toBe(302);
    const [told] = await database.db.select().from(outbox).where(and(eq(outbox.toAddress, user.email), eq(outbox.kind, "password-changed")));
    expect(told.subject).toBe("Kata sandi Lumbung Anda diganti / Your Lumbung password was changed");
  });

  it("refuses the present password as the new one, at its field, and leaves the link usable", async () => {
    const user = await operator();
    const old = await signedIn(user.email);
    await newClient().post("/lupa-sandi", { email: user.email });
    const [resetMail] = await database.db.select().from(outbox).where(and(eq(outbox.toAddress, user.email), eq(outbox.kind, "password-reset")));
    const link = resetMail.bodyText.match(/\/atur-ulang-sandi\/[A-Za-z0-9_-]+/)![0];
    const c = newClient();
    const refused = await c.post(link, { password: PASSWORD, confirm: PASSWORD });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    // At the new-password field, not only in the summary.
    expect(html).toMatch(/<p class="error-message" id="f-password-error">Kata sandi baru sama dengan yang sekarang; pilih yang lain\.<\/p>/);
    const english = newClient();
    english.cookies.set("lumbung_lang", "en");
    const refusedEn = await english.post(link, { password: PASSWORD, confirm: PASSWORD });
    expect(refusedEn.status).toBe(400);
    expect(await refusedEn.text()).toMatch(/<p class="error-message" id="f-password-error">The new password is the same as the current one; choose another\.<\/p>/);
    // Nothing was spent nor changed: the link still opens, the sessions stand, no "changed" mail.
    const [token] = await database.db.select().from(userTokens).where(and(eq(userTokens.userId, user.id), eq(userTokens.purpose, "reset")));
    expect(token.usedAt).toBeNull();
    expect((await old.get("/kelola/akun")).status).toBe(200);
    expect(await database.db.select().from(outbox).where(and(eq(outbox.toAddress, user.email), eq(outbox.kind, "password-changed")))).toHaveLength(0);
    expect(await pageText(await c.get(link))).toContain("Kata sandi baru");
    // Another password then goes through with the same link.
    const done = await c.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/masuk?selesai=1");
    await signedIn(user.email, "10.9.0.2", NEW_PASSWORD);
  });

  it(`tells at most ${MAX_FAILURES} times that a password is the present one, so the link is no way to test guesses at it`, async () => {
    const user = await operator();
    await newClient().post("/lupa-sandi", { email: user.email });
    const [resetMail] = await database.db.select().from(outbox).where(and(eq(outbox.toAddress, user.email), eq(outbox.kind, "password-reset")));
    const link = resetMail.bodyText.match(/\/atur-ulang-sandi\/[A-Za-z0-9_-]+/)![0];
    const c = newClient();
    for (let i = 0; i < MAX_FAILURES; i++) expect((await c.post(link, { password: PASSWORD, confirm: PASSWORD })).status).toBe(400);
    // From then on the present password is taken like any other: the link is spent.
    const taken = await c.post(link, { password: PASSWORD, confirm: PASSWORD });
    expect(taken.status).toBe(302);
    const [token] = await database.db.select().from(userTokens).where(and(eq(userTokens.userId, user.id), eq(userTokens.purpose, "reset")));
    expect(token.usedAt).not.toBeNull();
  });
});

describe("changing one's email", () => {
  const linkIn = (body: string) => body.match(/\/ganti-email\/[A-Za-z0-9_-]+/)?.[0];
  const mailsTo = (to: string, kind: string) =>
    database.db.select().from(outbox).where(and(eq(outbox.toAddress, to), eq(outbox.kind, kind))).orderBy(desc(outbox.id));

  it("moves the account only once the link sent to the new address is opened, and tells the old one", async () => {
    const user = await operator();
    const c = await signedIn(user.email);
    const res = await c.post("/kelola/akun", { _intent: "email", newEmail: "Sari.Baru@Dinas.Uji.go.id", current: PASSWORD });
    expect(res.headers.get("location")).toBe("/kelola/akun?pesan=email");
    const page = await pageText(await c.get("/kelola/akun?pesan=email"));
    expect(page).toContain("Tautan konfirmasi dikirim ke alamat baru.");
    expect(page).toMatch(/Menunggu konfirmasi: sari\.baru@dinas\.uji\.go\.id \(tautan berlaku sampai .+ WIB\)/);
    // Nothing changes yet.
    expect((await database.db.select().from(users).where(eq(users.id, user.id)))[0].email).toBe(user.email);
    const [asked] = await mailsTo(user.email, "email-change-asked");
    expect(asked.bodyText).toContain("sari.baru@dinas.uji.go.id");
    const [confirm] = await mailsTo("sari.baru@dinas.uji.go.id", "email-change");
    const link = linkIn(confirm.bodyText)!;
    expect(link).toBeDefined();

    // Opening the link (as a mail scanner does) changes nothing; the button does.
    const fresh = newClient();
    const shown = await pageText(await fresh.get(link));
    expect(shown).toContain(`Pakai sari.baru@dinas.uji.go.id sebagai email akun Lumbung yang sekarang memakai ${user.email}?`);
    expect((await database.db.select().from(users).where(eq(users.id, user.id)))[0].email).toBe(user.email);
    const done = await fresh.post(link);
    expect(done.status).toBe(200);
    expect(await pageText(done)).toContain("Email akun sekarang sari.baru@dinas.uji.go.id.");
    expect((await database.db.select().from(users).where(eq(users.id, user.id)))[0].email).toBe("sari.baru@dinas.uji.go.id");
    // The old address is told; the link is spent; the new address signs in.
    expect((await mailsTo(user.email, "email-changed")).length).toBe(1);
    expect((await fresh.post(link)).status).toBe(400);
    await signedIn("sari.baru@dinas.uji.go.id");
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "user.emailChange"), eq(auditLog.subjectId, String(user.id))));
    expect(audit.data).toEqual({ from: user.email, to: "sari.baru@dinas.uji.go.id" });
  });

  it("refuses an address already in use, the same address, a wrong password, and a bad address, on their fields", async () => {
    const user = await operator();
    const other = await operator();
    const c = await signedIn(user.email);
    const ask = (newEmail: string, current = PASSWORD) => c.post("/kelola/akun", { _intent: "email", newEmail, current });
    const taken = await ask(other.email.toUpperCase());
    expect(taken.status).toBe(400);
    const takenText = await pageText(taken);
    expect(takenText).toContain("Email ini sudah punya akun.");
    expect(takenText).toContain('href="#f-email-newEmail"');
    // What was typed comes back.
    expect(takenText).toContain(`value="${other.email.toUpperCase()}"`);
    expect(await pageText(await ask(user.email))).toContain("Ini sudah email akun Anda.");
    const wrong = await pageText(await ask("baru.sekali@dinas.uji.go.id", "bukan sandinya"));
    expect(wrong).toContain("Kata sandi sekarang salah.");
    expect(wrong).toContain('href="#f-email-current"');
    expect(await pageText(await ask("bukan-alamat"))).toContain('href="#f-email-newEmail"');
    expect(await database.db.select().from(userTokens).where(and(eq(userTokens.userId, user.id), eq(userTokens.purpose, "email-change")))).toEqual([]);
  });

  it("keeps only the latest request's link alive, and refuses a link whose address was taken meanwhile", async () => {
    const user = await operator();
    const c = await signedIn(user.email);
    await c.post("/kelola/akun", { _intent: "email", newEmail: "pertama@dinas.uji.go.id", current: PASSWORD });
    await c.post("/kelola/akun", { _intent: "email", newEmail: "kedua@dinas.uji.go.id", current: PASSWORD });
    const first = linkIn((await mailsTo("pertama@dinas.uji.go.id", "email-change"))[0].bodyText)!;
    const second = linkIn((await mailsTo("kedua@dinas.uji.go.id", "email-change"))[0].bodyText)!;
    const fresh = newClient();
    expect(await pageText(await fresh.get(first))).toContain("Tautan ini tidak berlaku lagi");
    // Another account takes the address before the link is opened.
    await createTestUser(database.db, { role: "evaluator", email: "kedua@dinas.uji.go.id" });
    const refused = await fresh.post(second);
    expect(refused.status).toBe(409);
    const refusedText = await pageText(refused);
    expect(refusedText).toContain("Email ini sudah punya akun.");
    // Nothing left to confirm: no button is offered again.
    expect(refusedText).not.toContain("Ya, pakai alamat ini");
    expect((await database.db.select().from(users).where(eq(users.id, user.id)))[0].email).toBe(user.email);
  });

  it("hides the confirmation link from the outbox: it is for the new mailbox alone", async () => {
    const user = await operator();
    const c = await signedIn(user.email);
    await c.post("/kelola/akun", { _intent: "email", newEmail: "rahasia.baru@dinas.uji.go.id", current: PASSWORD });
    const admin = await createTestUser(database.db, { role: "national_admin" });
    const a = await signedIn(admin.email);
    const outboxPage = await pageText(await a.get("/kelola/kotak-keluar"));
    expect(outboxPage).toContain("rahasia.baru@dinas.uji.go.id");
    expect(outboxPage).toContain("/ganti-email/••••••");
    expect(outboxPage).not.toMatch(/\/ganti-email\/[A-Za-z0-9_-]{20,}/);
  });
});

describe("my account on a demo", () => {
  it("keeps the demo accounts' passwords, so that every visitor can still sign in", async () => {
    const demo = await openTestDatabase();
    try {
      const { newClient: client } = await testClient(demo, { LUMBUNG_DEMO: "true" });
      await createTestUser(demo.db, { role: "national_admin", email: "admin@menpan.demo" });
      const c = client();
      await c.login("admin@menpan.demo", PASSWORD);
      const res = await c.post("/kelola/akun", { _intent: "password", current: PASSWORD, password: NEW_PASSWORD, confirm: NEW_PASSWORD });
      expect(res.status).toBe(409);
      expect(await pageText(res)).toContain("Kata sandi akun demo tidak dapat diganti");
      // Nor by a reset link, which would change it as surely.
      await client().post("/lupa-sandi", { email: "admin@menpan.demo" });
      const [resetMail] = await demo.db.select().from(outbox).where(and(eq(outbox.toAddress, "admin@menpan.demo"), eq(outbox.kind, "password-reset")));
      const link = resetMail.bodyText.match(/\/atur-ulang-sandi\/[A-Za-z0-9_-]+/)![0];
      const r = client();
      // Said as the link opens, before anything is typed.
      expect(await pageText(await r.get(link))).toContain("Kata sandi akun demo tidak dapat diganti");
      const refused = await r.post(link, { password: NEW_PASSWORD, confirm: NEW_PASSWORD });
      expect(refused.status).toBe(409);
      expect(await pageText(refused)).toContain("Kata sandi akun demo tidak dapat diganti");
      await client().login("admin@menpan.demo", PASSWORD);
      // Nor can one visitor sign all the others out of the shared account.
      const other = client();
      await other.login("admin@menpan.demo", PASSWORD);
      const signOut = await c.post("/kelola/akun", { _intent: "signOutOthers" });
      expect(signOut.status).toBe(409);
      expect(await pageText(signOut)).toContain("Akun demo dipakai bersama semua pengunjung");
      expect((await other.get("/kelola/akun")).status).toBe(200);
      // The name is one's own to change, even on a demo.
      expect((await c.post("/kelola/akun", { _intent: "profile", name: "Sekretariat Uji" })).status).toBe(302);
    } finally {
      await demo.close();
    }
  });
});

describe("one's personal data", () => {
  it("downloads as JSON what Lumbung keeps about the person, without any secret", async () => {
    const user = await operator();
    const c = await signedIn(user.email, "10.9.0.44");
    // A mail with a live link to them: its subject goes out, never its body.
    await newClient().post("/lupa-sandi", { email: user.email });
    await c.post("/kelola/akun", { _intent: "profile", name: "Sari Operator Baru" });
    const res = await c.get("/kelola/akun/data.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="lumbung-data-saya-\d{4}-\d{2}-\d{2}\.json"$/);
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const text = await res.text();
    const data = JSON.parse(text) as {
      account: { name: string; email: string; agency: string };
      sessions: unknown[];
      activity: { action: string; data: { ip?: string } | null }[];
      mails: { subject: string }[];
    };
    expect(data.account).toMatchObject({ name: "Sari Operator Baru", email: user.email, agency: "Pemerintah Kota Uji Akun" });
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.activity.find((a) => a.action === "session.start")?.data?.ip).toBe("10.9.0.44");
    expect(data.activity.some((a) => a.action === "user.rename")).toBe(true);
    expect(data.mails.some((m) => m.subject.startsWith("Atur ulang kata sandi Lumbung"))).toBe(true);
    const [row] = await database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(text).not.toContain(row.hash!);
    expect(text).not.toMatch(/atur-ulang-sandi\/|passwordHash|totpSecret/);
    // Only one's own: there is no other person's to ask for, and nobody's without signing in.
    expect((await newClient().get("/kelola/akun/data.json")).status).toBe(401);
  });
});
