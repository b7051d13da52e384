// The automatic check-in reminder: the secretariat sets it once (from which month, how often),
// a morning job sends it when due, a reminder by hand counts as the last one, and nothing goes
// out before the season, while it is off, or when nobody has answers due.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createInnovation, createTestUser } from "../app/db/factories.server";
import { meta, notifications, outbox } from "../app/db/schema";
import { jakartaYear } from "../app/modules/compliance/year";
import { readAutoReminder, runAutoReminder } from "../app/modules/check-ins/auto-remind.server";
import { rowsOf } from "../app/modules/catalogue/cards.server";

let database: Database;
let secretariat: Client;
let agencyAdmin: Client;
const year = jakartaYear(new Date());
// 09:00 WIB on a day of the year's June, and the same hour two and four weeks on.
const at = (day: number) => new Date(Date.UTC(year, 5, day, 2, 0, 0));
const BASE = "https://lumbung.example.go.id";

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  const agency = await createAgency(db, { name: "Perumda Pengingat Otomatis" });
  await createInnovation(db, { agencyId: agency.id, name: "Terbit Tahun Lalu", publishedAt: new Date(Date.UTC(year - 1, 2, 1)) });
  const admin = await createTestUser(db, { role: "agency_admin", agencyId: agency.id });
  const national = await createTestUser(db, { role: "national_admin" });
  secretariat = newClient();
  await secretariat.login(national.email, national.password);
  agencyAdmin = newClient();
  await agencyAdmin.login(admin.email, admin.password);
});
afterAll(async () => database?.close());

const reminders = async () => (await database.db.select().from(notifications).where(eq(notifications.kind, "check-in-reminder"))).length;
const setAuto = (c: Client, fields: Record<string, string>) => c.post("/kelola/pemutakhiran", { _intent: "auto", ...fields });

describe("the automatic check-in reminder", () => {
  it("is a daily job at 09:00 in Jakarta", async () => {
    const rows = await rowsOf<{ name: string; cron: string; timezone: string }>(database.db, sql`SELECT name, cron, timezone FROM pgboss.schedule`);
    expect(rows).toContainEqual({ name: "check-in-reminder", cron: "0 9 * * *", timezone: "Asia/Jakarta" });
  });

  it("sends nothing while it is off", async () => {
    expect(await runAutoReminder(database.db, { now: at(15), baseUrl: BASE })).toEqual({ sent: false, why: "off" });
    expect(await reminders()).toBe(0);
  });

  it("is set by the secretariat only, from the values offered, each mistake named", async () => {
    const bad = await setAuto(secretariat, { enabled: "1", everyWeeks: "3", fromMonth: "13" });
    expect(bad.status).toBe(400);
    const text = await pageText(bad);
    expect(text).toContain("Pilih salah satu selang waktu yang tersedia.");
    expect(text).toContain("Pilih bulan mulai.");
    expect(text).toContain('href="#f-everyWeeks"');
    // Each named by its field, in the form's order; what was chosen comes back as chosen.
    expect(text.indexOf("Mulai bulan: Pilih bulan mulai.")).toBeGreaterThan(-1);
    expect(text.indexOf("Mulai bulan: Pilih bulan mulai.")).toBeLessThan(text.indexOf("Seberapa sering: Pilih salah satu"));
    const kept = await pageText(await setAuto(secretariat, { enabled: "1", everyWeeks: "8", fromMonth: "0" }));
    expect(kept).toMatch(/<input type="checkbox" name="enabled" checked="" value="1"\/>/);
    expect(kept).toMatch(/<select id="f-everyWeeks"[^>]*>(<option[^>]*>[^<]*<\/option>)*<option value="8" selected="">Setiap 8 minggu<\/option>/);
    expect(kept).toContain("Saat ini: mati.");
    expect((await readAutoReminder(database.db)).enabled).toBe(false);
    expect([401, 403, 404]).toContain((await setAuto(agencyAdmin, { enabled: "1", everyWeeks: "2", fromMonth: "6" })).status);
    expect((await readAutoReminder(database.db)).enabled).toBe(false);
    const ok = await setAuto(secretariat, { enabled: "1", everyWeeks: "2", fromMonth: "6" });
    expect(ok.status).toBe(302);
    expect(await readAutoReminder(database.db)).toEqual({ enabled: true, everyWeeks: 2, fromMonth: 6 });
    const saved = await pageText(await secretariat.get("/kelola/pemutakhiran?pesan=otomatis"));
    expect(saved).toContain("Pengaturan pengingat otomatis tersimpan.");
    expect(saved).toContain("Saat ini: menyala, mulai bulan Juni, setiap 2 minggu.");
  });

  it("waits for its month, then reminds every two weeks, counting from the last reminder", async () => {
    expect(await runAutoReminder(database.db, { now: new Date(Date.UTC(year, 4, 31, 2)), baseUrl: BASE })).toEqual({ sent: false, why: "season" });
    expect(await reminders()).toBe(0);
    expect(await runAutoReminder(database.db, { now: at(1), baseUrl: BASE })).toMatchObject({ sent: true, agencies: 1 });
    expect(await reminders()).toBe(1);
    const mail = (await database.db.select().from(outbox)).filter((m) => m.bodyText.includes(`${BASE}/kelola/pemutakhiran`));
    expect(mail).toHaveLength(1);
    // The next mornings: too soon, until two weeks have passed (a few seconds early still counts).
    expect(await runAutoReminder(database.db, { now: at(2), baseUrl: BASE })).toEqual({ sent: false, why: "recent" });
    expect(await runAutoReminder(database.db, { now: at(14), baseUrl: BASE })).toEqual({ sent: false, why: "recent" });
    expect(await runAutoReminder(database.db, { now: new Date(at(15).getTime() - 3000), baseUrl: BASE })).toMatchObject({ sent: true });
    expect(await reminders()).toBe(2);
    const last = (await database.db.select().from(meta).where(eq(meta.key, `check_in_reminder:${year}`)))[0].value as { automatic: boolean };
    expect(last.automatic).toBe(true);
  });

  it("sends nothing when nobody has answers due", async () => {
    await database.db.delete(meta).where(eq(meta.key, `check_in_reminder:${year}`));
    await database.db.execute(sql`UPDATE innovations SET state = 'draft' WHERE name = 'Terbit Tahun Lalu'`);
    expect(await runAutoReminder(database.db, { now: at(20), baseUrl: BASE })).toEqual({ sent: false, why: "none-due" });
    expect(await reminders()).toBe(2);
  });
});
