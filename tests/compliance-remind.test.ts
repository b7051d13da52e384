// The secretariat's reminder to the agencies that have not met this year's "One Agency, One
// Innovation" duty: through their Admin Lokal (else their operators), at most once a week, only
// for the running year, and the secretariat's alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createInnovation, createTestUser } from "../app/db/factories.server";
import { notifications, outbox } from "../app/db/schema";
import { jakartaYear } from "../app/modules/compliance/year";

const PASSWORD = "kata-sandi-uji-123";

let database: Database;
let newClient: () => Client;
let admin: Client;
const people = {} as Record<"behindAdmin" | "behindOperatorAdmin" | "operatorOnly" | "metAdmin", { id: number; email: string }>;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const db = database.db;
  const behind = await createAgency(db, { name: "Pemerintah Kabupaten Belum Berinovasi" });
  const operatorOnly = await createAgency(db, { name: "Pemerintah Kota Hanya Operator" });
  const met = await createAgency(db, { name: "Pemerintah Kabupaten Sudah Berinovasi" });
  // Published now: this year's duty is met.
  await createInnovation(db, { agencyId: met.id, name: "Inovasi Tahun Ini" });
  people.behindAdmin = await createTestUser(db, { role: "agency_admin", agencyId: behind.id });
  people.behindOperatorAdmin = await createTestUser(db, { role: "unit_operator", agencyId: behind.id });
  people.operatorOnly = await createTestUser(db, { role: "unit_operator", agencyId: operatorOnly.id });
  people.metAdmin = await createTestUser(db, { role: "agency_admin", agencyId: met.id });
  const secretariat = await createTestUser(db, { role: "national_admin" });
  admin = newClient();
  await admin.login(secretariat.email, PASSWORD);
});
afterAll(async () => database?.close());

const reminded = (email: string) => database.db.select().from(outbox).where(and(eq(outbox.toAddress, email), eq(outbox.kind, "compliance-reminder")));

describe("reminding the agencies behind on One Agency, One Innovation", () => {
  it("is offered to the secretariat for the running year, with how many agencies it concerns", async () => {
    const page = await pageText(await admin.get("/kepatuhan"));
    // Two of the agencies behind have someone to tell: the button names those.
    expect(page).toContain("Ingatkan 2 instansi");
    expect(page).toMatch(/\d+ instansi belum mendaftarkan inovasi tahun ini; 2 di antaranya punya Admin Lokal atau operator/);
    expect(page).toContain("Tahun ini belum ada pengingat yang dikirim.");
    // A past year's duty can no longer be met: nothing to remind of.
    expect(await pageText(await admin.get(`/kepatuhan?year=${jakartaYear(new Date()) - 1}`))).not.toContain("Ingatkan instansi yang belum");
    // Nobody else sees it.
    expect(await pageText(await newClient().get("/kepatuhan"))).not.toContain("Ingatkan instansi yang belum");
  });

  it("tells each agency behind through its Admin Lokal, else its operators, and counts those with nobody", async () => {
    const res = await admin.post("/kepatuhan", { _intent: "remind" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/kepatuhan?year=${jakartaYear(new Date())}&pesan=diingatkan`);
    expect(await reminded(people.behindAdmin.email)).toHaveLength(1);
    expect(await reminded(people.behindOperatorAdmin.email)).toHaveLength(0);
    expect(await reminded(people.operatorOnly.email)).toHaveLength(1);
    expect(await reminded(people.metAdmin.email)).toHaveLength(0);
    const [mail] = await reminded(people.behindAdmin.email);
    expect(mail.bodyText).toContain("/kelola/inovasi/baru");
    const [notice] = await database.db.select().from(notifications).where(and(eq(notifications.userId, people.behindAdmin.id), eq(notifications.kind, "compliance-reminder")));
    expect(notice.link).toBe("/kelola/inovasi/baru");
    const page = await pageText(await admin.get(res.headers.get("location")!));
    expect(page).toContain("Pengingat terkirim ke 2 instansi.");
    expect(page).toMatch(/Pengingat terakhir .* WIB: sampai ke 2 instansi; \d+ instansi belum punya orang di Lumbung/);
    expect(page).toMatch(/Pengingat berikutnya bisa dikirim mulai .* WIB\./);
  });

  it("sends at most once a week, however often it is asked", async () => {
    expect((await admin.post("/kepatuhan", { _intent: "remind" })).status).toBe(302);
    expect(await reminded(people.behindAdmin.email)).toHaveLength(1);
  });

  it("is the secretariat's alone", async () => {
    const c = newClient();
    await c.login(people.behindAdmin.email, PASSWORD);
    expect((await c.post("/kepatuhan", { _intent: "remind" })).status).toBe(403);
    expect((await newClient().post("/kepatuhan", { _intent: "remind" })).status).toBe(401);
    expect((await admin.post("/kepatuhan", { _intent: "lainnya" })).status).toBe(400);
  });
});
