import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser } from "../app/db/factories.server";
import { auditLog, outbox, sessions, units, users } from "../app/db/schema";
import { MAX_FAILURES } from "../app/modules/accounts/log-in.server";

let database: Database;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
});
afterAll(async () => database?.close());

async function lastMailTo(email: string) {
  const [m] = await database.db.select().from(outbox).where(eq(outbox.toAddress, email)).orderBy(desc(outbox.id)).limit(1);
  return m;
}
const linkIn = (body: string, path: string) => body.match(new RegExp(`https?://[^\\s]+(${path}/[A-Za-z0-9_-]+)`))?.[1];

describe("accounts", () => {
  it("invites an operator by email link; the link sets a password once", async () => {
    const agency = await createAgency(database.db);
    const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
    const c = newClient();
    await c.login(admin.email, admin.password);

    // Admin Lokal cannot hand out roles beyond its agency.
    const tooHigh = await c.post("/kelola/pengguna", { name: "Pak Evaluator", email: "ev@uji.go.id", role: "evaluator" });
    expect(tooHigh.status).toBe(403);

    const res = await c.post("/kelola/pengguna", { name: "Bu Operator", email: "Operator.Baru@Uji.go.id", role: "unit_operator" });
    expect(res.status).toBe(200);
    const [u] = await database.db.select().from(users).where(eq(users.email, "operator.baru@uji.go.id"));
    expect(u.agencyId).toBe(agency.id);
    expect(u.passwordHash).toBeNull();

    const mail = await lastMailTo("operator.baru@uji.go.id");
    const link = linkIn(mail.bodyText, "/undangan");
    expect(link).toBeTruthy();
    const visitor = newClient();
    expect(await (await visitor.get(link!)).text()).toContain("Bu Operator");
    const short = await visitor.post(link!, { password: "pendek", confirm: "pendek" });
    expect(short.status).toBe(400);
    expect(await short.text()).toContain("Kata sandi minimal 10 karakter");
    const ok = await visitor.post(link!, { password: "sawah hijau di lereng", confirm: "sawah hijau di lereng" });
    expect(ok.headers.get("location")).toBe("/masuk?selesai=1");
    await visitor.login("operator.baru@uji.go.id", "sawah hijau di lereng");

    const reused = await newClient().post(link!, { password: "sawah hijau lagi", confirm: "sawah hijau lagi" });
    expect(reused.status).toBe(400);
  });

  it("resets a password by a link that expires and ends other sessions", async () => {
    const user = await createTestUser(database.db, { role: "evaluator" });
    const old = newClient();
    await old.login(user.email, user.password);

    const anon = newClient();
    const same = await anon.post("/lupa-sandi", { email: "tidak.ada@uji.go.id" });
    const real = await anon.post("/lupa-sandi", { email: user.email });
    // The answer does not reveal who has an account.
    expect(await same.text()).toContain("Jika email itu terdaftar");
    expect(await real.text()).toContain("Jika email itu terdaftar");
    const link = linkIn((await lastMailTo(user.email)).bodyText, "/atur-ulang-sandi");
    const done = await anon.post(link!, { password: "kopi pagi di teras", confirm: "kopi pagi di teras" });
    expect(done.status).toBe(302);
    expect(await database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await old.get("/kelola")).status).toBe(401);
    await newClient().login(user.email, "kopi pagi di teras");
  });

  it("spends a reset link once, even when two requests race, and ends the account's other links with it", async () => {
    const user = await createTestUser(database.db, { role: "panelist" });
    const anon = newClient();
    await anon.post("/lupa-sandi", { email: user.email });
    const first = linkIn((await lastMailTo(user.email)).bodyText, "/atur-ulang-sandi")!;
    await anon.post("/lupa-sandi", { email: user.email });
    const second = linkIn((await lastMailTo(user.email)).bodyText, "/atur-ulang-sandi")!;
    expect(second).not.toBe(first);
    const [a, b] = [newClient(), newClient()];
    const raced = await Promise.all([
      a.post(first, { password: "padi menguning di sawah", confirm: "padi menguning di sawah" }),
      b.post(first, { password: "jagung tumbuh di ladang", confirm: "jagung tumbuh di ladang" }),
    ]);
    expect(raced.map((r) => r.status).sort()).toEqual([302, 400]);
    // The other mail's link no longer sets a password either.
    const late = await newClient().post(second, { password: "singkong di kebun", confirm: "singkong di kebun" });
    expect(late.status).toBe(400);
    expect(await late.text()).toContain("Tautan ini tidak berlaku lagi");
    const won = raced[0].status === 302 ? "padi menguning di sawah" : "jagung tumbuh di ladang";
    await newClient().login(user.email, won);
  });

  it("never shows a reset link's secret in the outbox, so no admin can take over an account", async () => {
    const agency = await createAgency(database.db);
    const head = await createTestUser(database.db, { role: "agency_head", agencyId: agency.id });
    const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
    await newClient().post("/lupa-sandi", { email: head.email });
    const link = linkIn((await lastMailTo(head.email)).bodyText, "/atur-ulang-sandi");
    const token = link!.split("/").pop()!;
    for (const reader of [admin, await createTestUser(database.db, { role: "national_admin" })]) {
      const c = newClient();
      await c.login(reader.email, reader.password);
      const page = await c.get("/kelola/kotak-keluar");
      const body = await page.text();
      expect(body).toContain(head.email);
      expect(body).toContain("/atur-ulang-sandi/••••••");
      expect(body).toContain("Tautan atur ulang kata sandi disembunyikan");
      expect(body).not.toContain(token);
    }
  });

  it("shows an invitation link only to the person who sent it, so an Admin Lokal cannot take up the head the secretariat invited", async () => {
    const agency = await createAgency(database.db);
    const secretariat = await createTestUser(database.db, { role: "national_admin" });
    const localAdmin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
    const [sec, local, otherSec] = [newClient(), newClient(), newClient()];
    await sec.login(secretariat.email, secretariat.password);
    await local.login(localAdmin.email, localAdmin.password);
    const another = await createTestUser(database.db, { role: "national_admin" });
    await otherSec.login(another.email, another.password);
    const invited = await sec.post("/kelola/pengguna", { name: "Kepala Baru", email: "kepala.baru@uji.go.id", role: "agency_head", agencyId: String(agency.id) });
    expect(invited.status).toBe(200);
    const token = linkIn((await lastMailTo("kepala.baru@uji.go.id")).bodyText, "/undangan")!.split("/").pop()!;

    // The outbox entry of this mail (the outbox also lists other tests' mail).
    const entry = async (c: Client) => (await (await c.get("/kelola/kotak-keluar")).text()).split("<article").find((a) => a.includes("kepala.baru@uji.go.id")) ?? "";
    const seenBySender = await entry(sec);
    expect(seenBySender).toContain(`/undangan/${token}`);
    expect(seenBySender).not.toContain("Tautan undangan disembunyikan");
    for (const reader of [local, otherSec]) {
      const body = await entry(reader);
      expect(body).toContain("/undangan/••••••");
      expect(body).toContain("Tautan undangan disembunyikan");
      expect(body).not.toContain(token);
    }
    // The Admin Lokal's own invitations stay visible to it.
    await local.post("/kelola/pengguna", { name: "Operator Lokal", email: "operator.lokal@uji.go.id", role: "unit_operator" });
    const own = linkIn((await lastMailTo("operator.lokal@uji.go.id")).bodyText, "/undangan")!;
    expect(await (await local.get("/kelola/kotak-keluar")).text()).toContain(own);
  });

  it("sends at most three reset mails an hour to one account, answering the same", async () => {
    const user = await createTestUser(database.db, { role: "evaluator" });
    const anon = newClient();
    for (let i = 0; i < 5; i++) {
      const r = await anon.post("/lupa-sandi", { email: user.email });
      expect(await r.text()).toContain("Jika email itu terdaftar");
    }
    expect(await database.db.select().from(outbox).where(eq(outbox.toAddress, user.email))).toHaveLength(3);
    // A mistyped address comes back with its error, as typed.
    const bad = await anon.post("/lupa-sandi", { email: "bukan-email@" });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/<input[^>]*name="email"[^>]*value="bukan-email@"/);
  });

  it("answers wrong passwords for an address without an account as it does for one with", async () => {
    // Else the lockout message would tell who has an account.
    const c = newClient();
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      const r = await c.post("/masuk", { email: "bukan.pengguna@uji.go.id", password: "salah-terus" });
      expect(r.status).toBe(400);
      expect(await r.text()).toContain("Email atau kata sandi salah");
    }
    const locking = await c.post("/masuk", { email: "Bukan.Pengguna@uji.go.id", password: "salah-terus" });
    expect(locking.status).toBe(429);
    expect(await locking.text()).toMatch(/Akun dikunci selama 15 menit\. Coba lagi setelah .* WIB/);
    const locked = await c.post("/masuk", { email: "bukan.pengguna@uji.go.id", password: "apa saja" });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toMatch(/Coba lagi setelah .* WIB/);
  });

  it("locks an account after repeated wrong passwords and says so", async () => {
    const user = await createTestUser(database.db, { role: "panelist" });
    const c = newClient();
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      const r = await c.post("/masuk", { email: user.email, password: "salah-terus" });
      expect(r.status).toBe(400);
      expect(await r.text()).toContain("Email atau kata sandi salah");
    }
    const locking = await c.post("/masuk", { email: user.email, password: "salah-terus" });
    expect(locking.status).toBe(429);
    // Said at once, with the time it opens again in its zone.
    expect(await locking.text()).toMatch(/Akun dikunci selama 15 menit\. Coba lagi setelah .* WIB/);
    // The owner is told, in both languages, and how to get back in.
    const [mail] = await database.db.select().from(outbox).where(eq(outbox.toAddress, user.email)).orderBy(desc(outbox.id)).limit(1);
    expect(mail.kind).toBe("account-locked");
    expect(mail.bodyText).toMatch(/salah memasukkan kata sandi akun Anda 5 kali .* sampai .* WIB/);
    expect(mail.bodyText).toContain("Lupa kata sandi?");
    expect(mail.bodyText).toContain("Forgot your password?");
    // Even the right password is refused while locked, with the time it opens.
    const locked = await c.post("/masuk", { email: user.email, password: user.password });
    expect(locked.status).toBe(429);
    expect(await locked.text()).toMatch(/Coba lagi setelah .* WIB/);
  });

  it("hashes passwords with argon2id", async () => {
    const user = await createTestUser(database.db, { role: "evaluator" });
    const [row] = await database.db.select().from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  describe("deactivating an account", () => {
    const disabledAt = async (id: number) => (await database.db.select({ d: users.disabledAt }).from(users).where(eq(users.id, id)))[0].d;
    const auditRows = (action: string, id: number) =>
      database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subjectId, String(id))));

    it("ends the live session at once, refuses login, and lets them in again once reactivated", async () => {
      const secretariat = await createTestUser(database.db, { role: "national_admin" });
      const operator = await createTestUser(database.db, { role: "unit_operator", name: "Operator Pergi" });
      const [admin, person] = [newClient(), newClient()];
      await admin.login(secretariat.email, secretariat.password);
      await person.login(operator.email, operator.password);
      expect((await person.get("/kelola")).status).toBe(200);

      const off = await admin.post("/kelola/pengguna", { _intent: "deactivate", userId: String(operator.id) });
      expect(off.status).toBe(200);
      expect(await pageText(off)).toContain("Akun Operator Pergi dinonaktifkan");
      expect(await disabledAt(operator.id)).not.toBeNull();
      expect(await database.db.select().from(sessions).where(eq(sessions.userId, operator.id))).toHaveLength(0);
      expect((await person.get("/kelola")).status).toBe(401);
      const [audit] = await auditRows("user.deactivate", operator.id);
      expect(audit.actorUserId).toBe(secretariat.id);
      // The list says so, and offers to switch it back on.
      const listed = await pageText(await admin.get(`/kelola/pengguna?cari=${encodeURIComponent(operator.email)}`));
      expect(listed).toContain("Dinonaktifkan");
      expect(listed).toContain("Aktifkan kembali");

      // The right password is refused with the reason and whom to ask; a wrong one learns nothing.
      const refused = await newClient().post("/masuk", { email: operator.email, password: operator.password });
      expect(refused.status).toBe(403);
      expect(await pageText(refused)).toContain("Akun ini sudah dinonaktifkan. Hubungi Admin Lokal instansi Anda");
      const guessed = await newClient().post("/masuk", { email: operator.email, password: "bukan sandinya" });
      expect(guessed.status).toBe(400);
      expect(await guessed.text()).toContain("Email atau kata sandi salah");

      const on = await admin.post("/kelola/pengguna", { _intent: "reactivate", userId: String(operator.id) });
      expect(on.status).toBe(200);
      expect(await pageText(on)).toContain("Akun Operator Pergi aktif kembali");
      expect(await disabledAt(operator.id)).toBeNull();
      expect(await auditRows("user.reactivate", operator.id)).toHaveLength(1);
      await newClient().login(operator.email, operator.password);
    });

    it("ends an unused invitation link with the account", async () => {
      const agency = await createAgency(database.db);
      const localAdmin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
      const c = newClient();
      await c.login(localAdmin.email, localAdmin.password);
      await c.post("/kelola/pengguna", { name: "Calon Operator", email: "calon.operator@uji.go.id", role: "unit_operator" });
      const link = linkIn((await lastMailTo("calon.operator@uji.go.id")).bodyText, "/undangan")!;
      const [invitee] = await database.db.select().from(users).where(eq(users.email, "calon.operator@uji.go.id"));
      expect(await pageText(await c.get("/kelola/pengguna"))).toContain("Belum menerima undangan");
      expect((await c.post("/kelola/pengguna", { _intent: "deactivate", userId: String(invitee.id) })).status).toBe(200);
      const late = await newClient().post(link, { password: "sawah hijau di lereng", confirm: "sawah hijau di lereng" });
      expect(late.status).toBe(400);
      expect(await late.text()).toContain("Tautan ini tidak berlaku lagi");

      // Switched back on, it is invited again: without a password it has no other way in.
      const on = await pageText(await c.post("/kelola/pengguna", { _intent: "reactivate", userId: String(invitee.id) }));
      expect(on).toContain("undangan baru tersimpan di Kotak keluar");
      const again = linkIn((await lastMailTo("calon.operator@uji.go.id")).bodyText, "/undangan")!;
      expect(again).not.toBe(link);
      // The page gives the new link at once, as after an invitation.
      expect(on).toMatch(new RegExp(`value="https?://[^"]+${again}"`));
      // The outbox shows the new link to whoever reactivated, to pass on.
      expect(await pageText(await c.get("/kelola/kotak-keluar"))).toContain(again);
      const accepted = await newClient().post(again, { password: "sawah hijau di lereng", confirm: "sawah hijau di lereng" });
      expect(accepted.status).toBe(302);
      await newClient().login("calon.operator@uji.go.id", "sawah hijau di lereng");
    });

    it("places an operator in a unit of its own agency, and in no other", async () => {
      const agency = await createAgency(database.db);
      const other = await createAgency(database.db);
      const [dinkes, dindik] = await database.db
        .insert(units)
        .values([
          { agencyId: agency.id, name: "Dinas Kesehatan" },
          { agencyId: agency.id, name: "Dinas Pendidikan" },
        ])
        .returning();
      const [foreign] = await database.db.insert(units).values({ agencyId: other.id, name: "Dinas Luar" }).returning();
      const localAdmin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
      const operator = await createTestUser(database.db, { role: "unit_operator", agencyId: agency.id, unitId: dinkes.id, name: "Operator Pindah" });
      const head = await createTestUser(database.db, { role: "agency_head", agencyId: agency.id });
      const outsider = await createTestUser(database.db, { role: "unit_operator", agencyId: other.id });
      const c = newClient();
      await c.login(localAdmin.email, localAdmin.password);

      const form = await pageText(await c.get(`/kelola/pengguna?ubah=${operator.id}`));
      expect(form).toContain("Unit kerja Operator Pindah");
      expect(form).toContain("Dinas Pendidikan");
      expect(form).not.toContain("Dinas Luar");

      const moved = await c.post(`/kelola/pengguna?ubah=${operator.id}`, { _intent: "setUnit", userId: String(operator.id), unitId: String(dindik.id) });
      expect(moved.status).toBe(302);
      expect(moved.headers.get("location")).toBe(`/kelola/pengguna?pesan=unit&akun=${operator.id}`);
      expect(await pageText(await c.get(moved.headers.get("location")!))).toContain("Unit Operator Pindah disimpan");
      const unitOf = async (id: number) => (await database.db.select({ unitId: users.unitId }).from(users).where(eq(users.id, id)))[0].unitId;
      expect(await unitOf(operator.id)).toBe(dindik.id);
      const [audit] = await auditRows("user.setUnit", operator.id);
      expect(audit.data).toEqual({ from: dinkes.id, to: dindik.id });

      // Another agency's unit is a field error, and nothing changes.
      const refused = await c.post(`/kelola/pengguna?ubah=${operator.id}`, { _intent: "setUnit", userId: String(operator.id), unitId: String(foreign.id) });
      expect(refused.status).toBe(400);
      expect(await pageText(refused)).toContain("Unit ini bukan milik instansi tersebut");
      expect(await unitOf(operator.id)).toBe(dindik.id);

      // Blank does not take the operator out of its unit: in an agency with units that would let
      // it work on every unit's entries (tests/user-invitations.test.ts).
      expect((await c.post("/kelola/pengguna", { _intent: "setUnit", userId: String(operator.id), unitId: "" })).status).toBe(400);
      expect(await unitOf(operator.id)).toBe(dindik.id);

      // Only an operator has a unit, and only its own agency's admin places it.
      expect((await c.post("/kelola/pengguna", { _intent: "setUnit", userId: String(head.id), unitId: String(dinkes.id) })).status).toBe(403);
      expect((await c.post("/kelola/pengguna", { _intent: "setUnit", userId: String(outsider.id), unitId: "" })).status).toBe(403);
      expect((await c.get(`/kelola/pengguna?ubah=${outsider.id}`)).status).toBe(404);
      expect((await c.get(`/kelola/pengguna?ubah=${head.id}`)).status).toBe(404);
      expect((await c.get("/kelola/pengguna?ubah=x")).status).toBe(404);
      expect(await unitOf(head.id)).toBeNull();
    });

    it("lets Admin Lokal switch off only its own agency's staff, never itself or the secretariat", async () => {
      const agency = await createAgency(database.db);
      const localAdmin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
      const elsewhere = await createTestUser(database.db, { role: "unit_operator" });
      const secretariat = await createTestUser(database.db, { role: "national_admin" });
      const judge = await createTestUser(database.db, { role: "evaluator" });
      const c = newClient();
      await c.login(localAdmin.email, localAdmin.password);
      for (const target of [elsewhere, secretariat, judge, localAdmin]) {
        const res = await c.post("/kelola/pengguna", { _intent: "deactivate", userId: String(target.id) });
        expect(res.status, target.role).toBe(403);
        expect(await disabledAt(target.id)).toBeNull();
        expect(await auditRows("user.deactivate", target.id)).toHaveLength(0);
      }
      expect(await pageText(await c.post("/kelola/pengguna", { _intent: "deactivate", userId: String(localAdmin.id) }))).toContain(
        "Anda tidak dapat menonaktifkan akun Anda sendiri",
      );
      // Its list holds its agency's people only, and no button against itself.
      const list = await pageText(await c.get("/kelola/pengguna"));
      expect(list).toContain(localAdmin.email);
      expect(list).not.toContain(elsewhere.email);
      expect(list).not.toContain("Nonaktifkan akun");
      // Still signed in: nothing happened to it.
      expect((await c.get("/kelola")).status).toBe(200);
    });

    it("keeps the secretariat from switching itself off, and answers a bad id without a 500", async () => {
      const secretariat = await createTestUser(database.db, { role: "national_admin" });
      const c = newClient();
      await c.login(secretariat.email, secretariat.password);
      expect((await c.post("/kelola/pengguna", { _intent: "deactivate", userId: String(secretariat.id) })).status).toBe(403);
      expect(await disabledAt(secretariat.id)).toBeNull();
      for (const userId of ["abc", "99999999999", ""]) {
        expect((await c.post("/kelola/pengguna", { _intent: "deactivate", userId })).status, userId).toBe(400);
      }
      expect((await c.post("/kelola/pengguna", { _intent: "deactivate", userId: "999999999" })).status).toBe(404);
    });
  });
});
