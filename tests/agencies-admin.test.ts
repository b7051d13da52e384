import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { agencyBySlug, createAgency, createTestUser } from "../app/db/factories.server";
import { agencies, auditLog, regions, units } from "../app/db/schema";
import { seedReference } from "../app/modules/agencies/seed-reference.server";
import { referenceYears } from "../app/modules/agencies/reference-years";
import { jakartaYear } from "../app/modules/compliance/year";

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
    expect(await tooEarly.text()).toContain(`Isi tahun antara 2013 dan ${jakartaYear(new Date()) + 1}.`);
    expect((await c.post("/kelola/instansi", { name: "Perseroda Baru Uji", type: "bumd", regionCode: "33.02", activeFrom: "2025" })).status).toBe(200);
    const [fresh] = await database.db.select().from(agencies).where(eq(agencies.name, "Perseroda Baru Uji"));
    expect(fresh.activeFrom).toBe(2025);
    expect(await (await c.get(`/instansi/${fresh.slug}`)).text()).toContain("Aktif sejak 2025");
    const notMet = async (year: number) => (await c.get(`/kepatuhan?year=${year}&q=Perseroda+Baru`)).text();
    expect(await notMet(2024)).not.toContain("Perseroda Baru Uji");
    expect(await notMet(2025)).toContain("Perseroda Baru Uji");

    const operator = await createTestUser(database.db, { role: "unit_operator" });
    const op = newClient();
    await op.login(operator.email, operator.password);
    expect((await op.post("/kelola/instansi", { name: "PT Liar", type: "bumn" })).status).toBe(403);
  });
});

// The national admin corrects an agency's years of "One Agency, One Innovation" (the years
// dutyApplies counts it in) from /kelola/instansi?ubah=ID.
describe("an agency's first and last year", () => {
  const nextYear = jakartaYear(new Date()) + 1;
  let admin: Client;
  beforeAll(async () => {
    const user = await createTestUser(database.db, { role: "national_admin" });
    admin = newClient();
    await admin.login(user.email, user.password);
  });
  const yearsOf = async (id: number) =>
    (await database.db.select({ activeFrom: agencies.activeFrom, activeUntil: agencies.activeUntil }).from(agencies).where(eq(agencies.id, id)))[0];
  const auditOf = (id: number) =>
    database.db.select().from(auditLog).where(and(eq(auditLog.action, "agency.years"), eq(auditLog.subjectType, "agency"), eq(auditLog.subjectId, String(id))));
  const save = (c: Client, id: number, activeFrom: string, activeUntil: string) =>
    c.post(`/kelola/instansi?ubah=${id}`, { _intent: "years", agencyId: String(id), activeFrom, activeUntil });
  /** The inline message under a field of the years form. */
  const fieldError = (html: string, field: string) => html.match(new RegExp(`id="f-${field}-error">([^<]*)<`))?.[1];

  it("sets the years, audits the change and shows an ended agency as ended", async () => {
    const pdam = await createAgency(database.db, { name: "PDAM Tirta Lama Uji" });
    const form = await admin.get(`/kelola/instansi?ubah=${pdam.id}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain("Tahun wajib berinovasi: PDAM Tirta Lama Uji");

    const res = await save(admin, pdam.id, "2019", "2024");
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/kelola/instansi?disimpan=${pdam.id}`);
    expect(await yearsOf(pdam.id)).toEqual({ activeFrom: 2019, activeUntil: 2024 });
    const [entry, ...more] = await auditOf(pdam.id);
    expect(more).toEqual([]);
    expect(entry.data).toEqual({ before: { activeFrom: null, activeUntil: null }, after: { activeFrom: 2019, activeUntil: 2024 } });
    expect(entry.actorUserId).not.toBeNull();
    expect(await (await admin.get(`/kelola/instansi?disimpan=${pdam.id}`)).text()).toContain("Tahun wajib berinovasi PDAM Tirta Lama Uji disimpan: Aktif 2019–2024.");

    const page = await (await admin.get(`/instansi/${pdam.slug}`)).text();
    expect(page).toContain("Aktif 2019–2024");
    expect(page).toContain("Sudah berakhir: tidak dinilai lagi sesudah 2024.");
    // dutyApplies follows: judged in 2024, no longer in 2025.
    const listed = async (year: number) => (await admin.get(`/kepatuhan?year=${year}&q=Tirta+Lama`)).text();
    expect(await listed(2024)).toContain("PDAM Tirta Lama Uji");
    expect(await listed(2025)).not.toContain("PDAM Tirta Lama Uji");

    // Saving the same years again changes nothing and writes nothing.
    expect((await save(admin, pdam.id, "2019", "2024")).status).toBe(302);
    expect(await auditOf(pdam.id)).toHaveLength(1);
  });

  it("clears the years with blank fields", async () => {
    const bumd = await createAgency(database.db, { name: "Perumda Pasar Uji", activeFrom: 2016, activeUntil: 2020 });
    expect((await save(admin, bumd.id, "", " ")).status).toBe(302);
    expect(await yearsOf(bumd.id)).toEqual({ activeFrom: null, activeUntil: null });
    const [entry] = await auditOf(bumd.id);
    expect(entry.data).toEqual({ before: { activeFrom: 2016, activeUntil: 2020 }, after: { activeFrom: null, activeUntil: null } });
    const page = await (await admin.get(`/instansi/${bumd.slug}`)).text();
    expect(page).not.toContain("Aktif");
    expect(page).not.toContain("Sudah berakhir");
  });

  it("refuses bad years on the server, naming the field, and changes nothing", async () => {
    const bumd = await createAgency(database.db, { name: "Perumda Air Uji Tahun", activeFrom: 2018 });
    const cases: [string, string, "activeFrom" | "activeUntil", string][] = [
      ["2020", "2019", "activeUntil", "Harus sama dengan atau sesudah tahun pertama (2020)."],
      ["20x9", "", "activeFrom", "Tulis tahun dengan empat angka, misalnya 2024."],
      ["", "2024.5", "activeUntil", "Tulis tahun dengan empat angka, misalnya 2024."],
      ["2012", "", "activeFrom", `Isi tahun antara 2013 dan ${nextYear}.`],
      ["", String(nextYear + 1), "activeUntil", `Isi tahun antara 2013 dan ${nextYear}.`],
    ];
    for (const [from, until, field, message] of cases) {
      const res = await save(admin, bumd.id, from, until);
      expect(res.status, `${from}–${until}`).toBe(400);
      // React marks the seam between two pieces of text with an empty comment.
      const html = (await res.text()).replaceAll("<!-- -->", "");
      expect(fieldError(html, field), `${from}–${until}`).toBe(message);
      expect(fieldError(html, field === "activeFrom" ? "activeUntil" : "activeFrom")).toBeUndefined();
      // The summary links to the field and names it.
      expect(html).toContain(`href="#f-${field}"`);
      expect(html).toContain(`${field === "activeFrom" ? "Tahun pertama" : "Tahun terakhir"}: ${message}`);
    }
    // In English too.
    const en = newClient();
    const user = await createTestUser(database.db, { role: "national_admin" });
    await en.login(user.email, user.password);
    await en.post("/preferensi", { lang: "en" });
    const english = await (await save(en, bumd.id, "2020", "2019")).text();
    expect(fieldError(english, "activeUntil")).toBe("Must be the same as or after the first year (2020).");
    expect(await yearsOf(bumd.id)).toEqual({ activeFrom: 2018, activeUntil: null });
    expect(await auditOf(bumd.id)).toEqual([]);
    // An agency that is not there: not found, whether by form or by address.
    expect((await save(admin, 99_999_999, "2019", "")).status).toBe(404);
    expect((await admin.get("/kelola/instansi?ubah=99999999")).status).toBe(404);
    expect((await admin.get("/kelola/instansi?ubah=abc")).status).toBe(404);
  });

  it("lets only the national admin change them", async () => {
    const bumd = await createAgency(database.db, { name: "Perumda Uji Wewenang" });
    for (const role of ["agency_admin", "unit_operator", "agency_head", "evaluator"] as const) {
      const user = await createTestUser(database.db, { role, agencyId: ["evaluator"].includes(role) ? null : bumd.id });
      const c = newClient();
      await c.login(user.email, user.password);
      expect((await save(c, bumd.id, "2019", "2024")).status, role).toBe(403);
      expect((await c.get(`/kelola/instansi?ubah=${bumd.id}`)).status, role).toBe(403);
    }
    const anonymous = newClient();
    expect((await save(anonymous, bumd.id, "2019", "2024")).status).toBeGreaterThanOrEqual(300);
    expect(await yearsOf(bumd.id)).toEqual({ activeFrom: null, activeUntil: null });
    expect(await auditOf(bumd.id)).toEqual([]);
  });

  it("finds any agency by name, a ministry of the reference list among them", async () => {
    const html = await (await admin.get("/kelola/instansi?q=Kemendikbudristek")).text();
    expect(html).toContain("Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi");
    expect(html).toContain("Aktif sampai 2024");
    const ministry = await agencyBySlug(database.db, "kemendikbudristek");
    expect(html).toContain(`/kelola/instansi?q=Kemendikbudristek&amp;ubah=${ministry.id}`);
    const form = await (await admin.get(`/kelola/instansi?q=Kemendikbudristek&ubah=${ministry.id}`)).text();
    expect(form).toContain("Menurut data rujukan: Aktif sampai 2024.");
    expect(form).toContain('href="/kelola/instansi?q=Kemendikbudristek"');
  });

  it("keeps the admin's years of a reference agency when the reference data is loaded again", async () => {
    // A regional government keeps the reference data's years (Papua Selatan: from 2023, its first
    // full year) until the national admin sets its own; then the admin's stand, a restart's
    // reload of the reference data notwithstanding. An untouched one follows the reference data.
    const papuaSelatan = (await database.db.select().from(agencies).where(and(eq(agencies.type, "provinsi"), eq(agencies.regionCode, "93"))))[0];
    const banyumas = (await database.db.select().from(agencies).where(and(eq(agencies.type, "kabupaten"), eq(agencies.regionCode, "33.02"))))[0];
    expect(papuaSelatan.activeFrom).toBe(2023);
    expect((await save(admin, papuaSelatan.id, "2022", "")).status).toBe(302);
    await database.db.update(agencies).set({ activeUntil: 2019 }).where(eq(agencies.id, banyumas.id));
    await seedReference(database.db);
    expect(await yearsOf(papuaSelatan.id)).toEqual({ activeFrom: 2022, activeUntil: null });
    expect((await database.db.select().from(agencies).where(eq(agencies.id, papuaSelatan.id)))[0].yearsSetAt).toBeInstanceOf(Date);
    expect(await yearsOf(banyumas.id)).toEqual({ activeFrom: null, activeUntil: null });
  });

  it("agrees with the reference data on every agency the admin has not changed", async () => {
    const reference = await database.db.select().from(agencies).where(inArray(agencies.type, ["kementerian", "lembaga", "provinsi", "kabupaten", "kota"]));
    const differing = reference
      .filter((a) => a.yearsSetAt === null)
      .filter((a) => {
        const r = referenceYears(a);
        return r !== null && (r.activeFrom !== a.activeFrom || r.activeUntil !== a.activeUntil);
      })
      .map((a) => a.slug);
    expect(differing).toEqual([]);
    expect(reference.filter((a) => referenceYears(a) === null).map((a) => a.slug)).toEqual([]);
  });

  it("imports the first and last year from optional CSV columns, checked as the form checks them", async () => {
    const ok = await admin.post("/kelola/instansi", {
      _intent: "import",
      file: csv(`name,short_name,type,region_code,active_from,active_until\nPT Tahun Uji Satu,PTU1,bumn,,2015,2021\nPT Tahun Uji Dua,PTU2,bumn,,,\nPD Tahun Uji Tiga,PDU3,bumd,33.02,${nextYear},\n`),
    });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain("3 baris diimpor");
    const byName = async (name: string) => (await database.db.select().from(agencies).where(eq(agencies.name, name)))[0];
    expect(await byName("PT Tahun Uji Satu")).toMatchObject({ activeFrom: 2015, activeUntil: 2021 });
    expect(await byName("PT Tahun Uji Dua")).toMatchObject({ activeFrom: null, activeUntil: null });
    expect(await byName("PD Tahun Uji Tiga")).toMatchObject({ activeFrom: nextYear, activeUntil: null });

    // Only the last year, semicolons, columns in another order: fine.
    const some = await admin.post("/kelola/instansi", { _intent: "import", file: csv("name;short_name;type;region_code;active_until\nPT Tahun Uji Empat;PTU4;bumn;;2020\n") });
    expect(some.status).toBe(200);
    expect(await byName("PT Tahun Uji Empat")).toMatchObject({ activeFrom: null, activeUntil: 2020 });

    const bad = await admin.post("/kelola/instansi", {
      _intent: "import",
      file: csv(
        "name,short_name,type,region_code,active_until,active_from\n" +
          "PT Tahun Buruk Satu,PTB1,bumn,,2019,2020\n" +
          "PT Tahun Buruk Dua,PTB2,bumn,,,dua ribu\n" +
          "PT Tahun Buruk Tiga,PTB3,bumn,,2012,\n" +
          "PT Tahun Baik,PTB4,bumn,,2024,2019\n" +
          `PT Tahun Buruk Lima,PTB5,bumn,,,${nextYear + 1}\n`,
      ),
    });
    expect(bad.status).toBe(400);
    const text = await bad.text();
    expect(text).toContain("Baris 2: active_until: Harus sama dengan atau sesudah tahun pertama (2020).");
    expect(text).toContain("Baris 3: active_from: Tulis tahun dengan empat angka, misalnya 2024.");
    expect(text).toContain("Baris 4: active_until: Isi tahun antara 2013 dan");
    expect(text).not.toContain("Baris 5");
    expect(text).toContain(`Baris 6: active_from: Isi tahun antara 2013 dan ${nextYear}.`);
    expect(await byName("PT Tahun Baik")).toBeUndefined();

    // A misspelt or repeated year column is refused, not skipped.
    for (const header of ["name,short_name,type,region_code,active_untill", "name,short_name,type,region_code,active_from,active_from"]) {
      const res = await admin.post("/kelola/instansi", { _intent: "import", file: csv(`${header}\nPT Kolom Uji,PKU,bumn,,2019,2020\n`) });
      expect(res.status, header).toBe(400);
      expect(await res.text()).toContain("Judul kolom harus: name,short_name,type,region_code, lalu bila perlu active_from, active_until, masing-masing sekali.");
    }
    expect(await byName("PT Kolom Uji")).toBeUndefined();
  });
});
