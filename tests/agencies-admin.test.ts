import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser } from "../app/db/factories.server";
import { agencies, regions, units } from "../app/db/schema";

let database: Database;
let newClient: () => Client;
beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
});
afterAll(async () => database?.close());

const csv = (text: string) => new File([text], "data.csv", { type: "text/csv" });

describe("reference data", () => {
  it("holds all 38 provinces and 514 regencies/cities, each with its government", async () => {
    const all = await database.db.select().from(regions);
    expect(all.filter((r) => r.level === "province")).toHaveLength(38);
    expect(all.filter((r) => r.level === "regency")).toHaveLength(514);
    const govs = await database.db.select().from(agencies);
    expect(govs.filter((a) => ["provinsi", "kabupaten", "kota"].includes(a.type))).toHaveLength(552);
    const banyumas = govs.find((a) => a.regionCode === "33.02");
    expect(banyumas?.name).toBe("Pemerintah Kabupaten Banyumas");
    expect(all.find((r) => r.code === "94")?.timeZone).toBe("WIT");
    expect(all.find((r) => r.code === "73")?.timeZone).toBe("WITA");
  });
});

describe("units and agencies", () => {
  it("imports units from CSV all or nothing, naming each bad line", async () => {
    const agency = await createAgency(database.db);
    const admin = await createTestUser(database.db, { role: "agency_admin", agencyId: agency.id });
    const c = newClient();
    await c.login(admin.email, admin.password);

    const bad = await c.post("/kelola/unit", { _intent: "import", file: csv("name,kind\nDinas Kesehatan,OPD\n,Puskesmas\nDinas Kesehatan,OPD\n") });
    expect(bad.status).toBe(400);
    const html = await bad.text();
    expect(html).toContain("Baris 3");
    expect(html).toContain("Baris 4");
    expect(await database.db.select().from(units).where(eq(units.agencyId, agency.id))).toHaveLength(0);

    const good = await c.post("/kelola/unit", { _intent: "import", file: csv("\uFEFFname;kind\nDinas Kesehatan;OPD\nPuskesmas Sokaraja;Puskesmas\n") });
    expect(good.status).toBe(200);
    expect(await good.text()).toContain("2 baris diimpor");
    expect(await database.db.select().from(units).where(eq(units.agencyId, agency.id))).toHaveLength(2);

    const header = await c.post("/kelola/unit", { _intent: "import", file: csv("nama,jenis\nX,Y\n") });
    expect(header.status).toBe(400);
    expect(await header.text()).toContain("Judul kolom harus: name,kind");
  });

  it("lets the secretariat add BUMD and import BUMN/BUMD, and no one else", async () => {
    const admin = await createTestUser(database.db, { role: "national_admin" });
    const c = newClient();
    await c.login(admin.email, admin.password);
    const missingRegion = await c.post("/kelola/instansi", { name: "PDAM Tirta Uji", type: "bumd" });
    expect(missingRegion.status).toBe(400);
    expect(await missingRegion.text()).toContain("BUMD harus punya wilayah");
    const ok = await c.post("/kelola/instansi", { name: "PDAM Tirta Satria", type: "bumd", regionCode: "33.02" });
    expect(ok.status).toBe(200);
    const [pdam] = await database.db.select().from(agencies).where(eq(agencies.name, "PDAM Tirta Satria"));
    expect(pdam.provinceCode).toBe("33");

    const bad = await c.post("/kelola/instansi", { _intent: "import", file: csv("name,short_name,type,region_code\nPT Uji Satu,UJI1,bumn,\nBank Daerah Uji,BDU,bumd,99.99\nPT Uji Dua,UJI2,koperasi,\n") });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain("Baris 3");
    expect(text).toContain("Baris 4");
    expect(await database.db.select().from(agencies).where(eq(agencies.name, "PT Uji Satu"))).toHaveLength(0);

    // A newly formed enterprise owes innovations from its first full year: asked, checked, shown.
    const tooEarly = await c.post("/kelola/instansi", { name: "Perseroda Baru Uji", type: "bumd", regionCode: "33.02", activeFrom: "1999" });
    expect(tooEarly.status).toBe(400);
    expect(await tooEarly.text()).toContain("Isi tahun antara 2013 dan tahun depan.");
    expect((await c.post("/kelola/instansi", { name: "Perseroda Baru Uji", type: "bumd", regionCode: "33.02", activeFrom: "2025" })).status).toBe(200);
    const [fresh] = await database.db.select().from(agencies).where(eq(agencies.name, "Perseroda Baru Uji"));
    expect(fresh.activeFrom).toBe(2025);
    expect(await (await c.get(`/instansi/${fresh.slug}`)).text()).toContain("Sejak 2025");
    const notMet = async (year: number) => (await c.get(`/kepatuhan?year=${year}&q=Perseroda+Baru`)).text();
    expect(await notMet(2024)).not.toContain("Perseroda Baru Uji");
    expect(await notMet(2025)).toContain("Perseroda Baru Uji");

    const operator = await createTestUser(database.db, { role: "unit_operator" });
    const op = newClient();
    await op.login(operator.email, operator.password);
    expect((await op.post("/kelola/instansi", { name: "PT Liar", type: "bumn" })).status).toBe(403);
  });
});
