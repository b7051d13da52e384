// Ids a person types or edits into an address or a form may be numbers PostgreSQL's integer
// cannot hold (99999999999 is a safe JavaScript integer): each is "not found" or a field error,
// never a 500. And a CSV row is reported at the file line where it starts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createInnovation, createTestUser, createUnit } from "../app/db/factories.server";
import { innovations, units, users } from "../app/db/schema";

const HUGE = "99999999999";

let database: Database;
let newClient: () => Client;
let agencyId: number;
let draftId: number;
let national: Client;
let agencyAdmin: Client;
let operator: Client;
let anon: Client;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const agency = await createAgency(database.db);
  agencyId = agency.id;
  const unit = await createUnit(database.db, { agencyId, name: "Dinas Batas" });
  draftId = (await createInnovation(database.db, { agencyId, state: "draft" })).id;
  const login = async (u: { email: string; password: string }) => {
    const c = newClient();
    await c.login(u.email, u.password);
    return c;
  };
  national = await login(await createTestUser(database.db, { role: "national_admin" }));
  agencyAdmin = await login(await createTestUser(database.db, { role: "agency_admin", agencyId }));
  operator = await login(await createTestUser(database.db, { role: "unit_operator", agencyId, unitId: unit.id }));
  anon = newClient();
});
afterAll(async () => database?.close());

const csv = (text: string) => new File([text], "data.csv", { type: "text/csv" });

describe("ids beyond PostgreSQL's integer", () => {
  it("are not found in an address", async () => {
    expect((await national.get(`/kelola/inovasi/${HUGE}`)).status).toBe(404);
    expect((await national.get(`/kelola/inovasi/${HUGE}/riwayat`)).status).toBe(404);
    expect((await national.post(`/kelola/inovasi/${HUGE}`, { name: "Inovasi Batas" })).status).toBe(404);
    expect((await anon.get(`/berkas/${HUGE}`)).status).toBe(404);
    expect((await national.get(`/berkas/${HUGE}`)).status).toBe(404);
    expect((await national.get(`/kelola/unit?instansi=${HUGE}`)).status).toBe(404);
  });

  it("are not found as the file to remove", async () => {
    const res = await agencyAdmin.post(`/kelola/inovasi/${draftId}`, { _intent: "removeFile", fileId: HUGE });
    expect(res.status).toBe(404);
  });

  it("are a field error on the innovation and invitation forms, and nothing is saved", async () => {
    const unit = await operator.post("/kelola/inovasi/baru", { name: "Inovasi Batas Unit", unitId: HUGE });
    expect(unit.status).toBe(400);
    expect(await pageText(unit)).toContain("Pilih salah satu pilihan yang tersedia.");

    const invite = await agencyAdmin.post("/kelola/pengguna", { email: "batas@uji.go.id", name: "Bu Batas", role: "unit_operator", unitId: HUGE });
    expect(invite.status).toBe(400);
    expect(await pageText(invite)).toContain("Pilih salah satu pilihan yang tersedia.");
    expect(await database.db.select().from(users).where(eq(users.email, "batas@uji.go.id"))).toHaveLength(0);
  });

  it("are an unknown source innovation, in the page's language", async () => {
    const fields = { name: "Inovasi Batas Replikasi", origin: "replication", originInnovation: HUGE };
    const id = await operator.post("/kelola/inovasi/baru", fields);
    expect(id.status).toBe(400);
    expect(await pageText(id)).toContain("Inovasi sumber tidak ditemukan di katalog.");

    const edit = await agencyAdmin.post(`/kelola/inovasi/${draftId}`, fields);
    expect(edit.status).toBe(400);
    expect(await pageText(edit)).toContain("Inovasi sumber tidak ditemukan di katalog.");

    const en = newClient();
    const op = await createTestUser(database.db, { role: "unit_operator", agencyId });
    await en.login(op.email, op.password);
    await en.post("/preferensi", { lang: "en" });
    const english = await en.post("/kelola/inovasi/baru", fields);
    expect(english.status).toBe(400);
    expect(await pageText(english)).toContain("The source innovation was not found in the catalogue.");
    expect(await database.db.select().from(innovations).where(eq(innovations.name, fields.name))).toHaveLength(0);
  });
});

describe("a CSV import with a cell spanning lines", () => {
  it("names each bad row by the line it starts on, and imports nothing", async () => {
    const agency = await createAgency(database.db);
    const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
    const c = newClient();
    await c.login(admin.email, admin.password);
    const file = csv('name,kind\nDinas Kesehatan,OPD\n"Puskesmas\nSokaraja",Puskesmas\n,Kosong\n\nX,OPD\n');
    const res = await c.post("/kelola/unit", { _intent: "import", file });
    expect(res.status).toBe(400);
    const html = await pageText(res);
    expect(html).toContain("Baris 5: name: Wajib diisi.");
    expect(html).toContain("Baris 7: name: Terlalu pendek (minimal 2 karakter).");
    expect(html).not.toContain("Baris 4");
    expect(await database.db.select().from(units).where(eq(units.agencyId, agency.id))).toHaveLength(0);
  });
});
