import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { agencyBySlug, createAgency, createInnovation, createTestUser } from "../app/db/factories.server";
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

    const header = await c.post("/kelola/unit", { _intent: "import", file: csv("unit,tipe\nX,Y\n") });
    expect(header.status).toBe(400);
    expect(await header.text()).toContain("Judul kolom harus: name,kind");
    // The Indonesian column titles are read as the English ones.
    const indonesian = await c.post("/kelola/unit", { _intent: "import", file: csv("Nama;Jenis\nPuskesmas Baturraden;Puskesmas\n") });
    expect(await indonesian.text()).toContain("1 baris diimpor");
    expect(await database.db.select().from(units).where(eq(units.agencyId, agency.id))).toHaveLength(3);
  });

  it("corrects a unit's name and kind, keeping its id; never another agency's unit, never a name taken", async () => {
    const db = database.db;
    const agency = await createAgency(db);
    const other = await createAgency(db);
    const admin = await createTestUser(db, { role: "agency_admin", agencyId: agency.id });
    const c = newClient();
    await c.login(admin.email, admin.password);
    const [unit] = await db.insert(units).values({ agencyId: agency.id, name: "Dinas Kesehatn", kind: "OPD" }).returning();
    await db.insert(units).values({ agencyId: agency.id, name: "Puskesmas Sokaraja", kind: "Puskesmas" });
    const [theirs] = await db.insert(units).values({ agencyId: other.id, name: "Dinas Mereka" }).returning();

    const form = await c.get(`/kelola/unit?ubah=${unit.id}`);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain('value="Dinas Kesehatn"');
    expect((await c.get(`/kelola/unit?ubah=${theirs.id}`)).status).toBe(404);

    const taken = await c.post(`/kelola/unit?ubah=${unit.id}`, { _intent: "rename", unitId: String(unit.id), name: "puskesmas sokaraja", kind: "OPD" });
    expect(taken.status).toBe(409);
    const takenHtml = await taken.text();
    expect(takenHtml).toContain("Unit dengan nama ini sudah ada.");
    expect(takenHtml).toContain('value="puskesmas sokaraja"');
    expect((await c.post("/kelola/unit", { _intent: "rename", unitId: String(theirs.id), name: "Punya Kami" })).status).toBe(404);
    expect((await c.post("/kelola/unit", { _intent: "rename", unitId: String(unit.id), name: "" })).status).toBe(400);

    const done = await c.post(`/kelola/unit?ubah=${unit.id}`, { _intent: "rename", unitId: String(unit.id), name: "Dinas Kesehatan", kind: "OPD" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/kelola/unit?pesan=diubah");
    expect((await db.select().from(units).where(eq(units.id, unit.id)))[0]).toMatchObject({ name: "Dinas Kesehatan", agencyId: agency.id });
    expect((await db.select().from(units).where(eq(units.id, theirs.id)))[0].name).toBe("Dinas Mereka");
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "unit.rename"), eq(auditLog.subjectId, String(unit.id))));
    expect(audit.data).toMatchObject({ from: { name: "Dinas Kesehatn" }, to: { name: "Dinas Kesehatan" } });
  });

  it("removes an unused unit, and names what still uses one before refusing it", async () => {
    const db = database.db;
    const agency = await createAgency(db);
    const other = await createAgency(db);
    const admin = await createTestUser(db, { role: "agency_admin", agencyId: agency.id });
    const c = newClient();
    await c.login(admin.email, admin.password);
    const [typo, busy] = await db
      .insert(units)
      .values([
        { agencyId: agency.id, name: "Dinas Kesehatn (salah ketik)" },
        { agencyId: agency.id, name: "Dinas Pendidikan" },
      ])
      .returning();
    const [theirs] = await db.insert(units).values({ agencyId: other.id, name: "Dinas Mereka" }).returning();
    await createTestUser(db, { role: "unit_operator", agencyId: agency.id, unitId: busy.id });
    await createInnovation(db, { agencyId: agency.id, unitId: busy.id });

    // The list shows what uses each unit, and offers removal only where nothing does.
    const list = await pageText(await c.get("/kelola/unit"));
    expect(list).toContain("Hapus unit Dinas Kesehatn (salah ketik)");
    expect(list).not.toContain("Hapus unit Dinas Pendidikan");

    const refused = await c.post("/kelola/unit", { _intent: "remove", unitId: String(busy.id) });
    expect(refused.status).toBe(409);
    expect(await pageText(refused)).toContain("Unit Dinas Pendidikan tidak dapat dihapus karena masih dipakai: 1 inovasi, 1 operator, 0 proposal kompetisi");
    expect(await db.select().from(units).where(eq(units.id, busy.id))).toHaveLength(1);
    expect((await c.post("/kelola/unit", { _intent: "remove", unitId: String(theirs.id) })).status).toBe(404);
    expect((await c.post("/kelola/unit", { _intent: "remove", unitId: "x" })).status).toBe(404);
    expect(await db.select().from(units).where(eq(units.id, theirs.id))).toHaveLength(1);

    const done = await c.post("/kelola/unit", { _intent: "remove", unitId: String(typo.id) });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/kelola/unit?pesan=dihapus");
    expect(await db.select().from(units).where(eq(units.id, typo.id))).toHaveLength(0);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "unit.remove"), eq(auditLog.subjectId, String(typo.id))));
    expect(audit).toMatchObject({ actorUserId: admin.id, data: { agencyId: agency.id, name: "Dinas Kesehatn (salah ketik)" } });
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

// Every BUMN/BUMD the secretariat adds gets its own readable address (/instansi/<slug>), made
// once and kept; only a name that is truly the same as another agency's is refused.
describe("an enterprise's address and name", () => {
  let admin: Client;
  beforeAll(async () => {
    const user = await createTestUser(database.db, { role: "national_admin" });
    admin = newClient();
    await admin.login(user.email, user.password);
  });
  const add = (name: string, type = "bumn", regionCode = "") => admin.post("/kelola/instansi", { name, type, regionCode });
  const slugOf = async (name: string) => (await database.db.select({ slug: agencies.slug }).from(agencies).where(eq(agencies.name, name)))[0]?.slug;
  const import_ = async (file: File) => {
    const res = await admin.post("/kelola/instansi", { _intent: "import", file });
    return { status: res.status, text: (await res.text()).replaceAll("<!-- -->", "") };
  };
  const LONG = "Perusahaan Umum Daerah Air Minum Tirta Bumi Wibawa Sejahtera Mandiri Kabupaten dan Kota";

  it("gives a name without Latin letters an address of its own, in Latin letters where it can", async () => {
    for (const name of ["東京電力株式会社", "ПАО Газпром", "!!!"]) expect((await add(name)).status, name).toBe(200);
    const tokyo = await slugOf("東京電力株式会社");
    const bang = await slugOf("!!!");
    // No Latin words: the type and six hex digits of the name.
    expect(tokyo).toMatch(/^bumn-[0-9a-f]{6}$/);
    expect(bang).toMatch(/^bumn-[0-9a-f]{6}$/);
    expect(bang).not.toBe(tokyo);
    expect(await slugOf("ПАО Газпром")).toBe("pao-gazprom");
    const page = await admin.get(`/instansi/${tokyo}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("東京電力株式会社");
    const api = await (await admin.get(`/api/v1/agencies?q=${encodeURIComponent("東京電力")}`)).json();
    expect(api.data).toEqual([expect.objectContaining({ name: "東京電力株式会社", links: expect.objectContaining({ html: expect.stringMatching(/\/instansi\/bumn-[0-9a-f]{6}$/) }) })]);
  });

  it("tells apart two long names alike in their first 80 characters", async () => {
    expect((await add(`${LONG} Sukabumi`, "bumd", "33.02")).status).toBe(200);
    expect((await add(`${LONG} Sukoharjo`, "bumd", "33.11")).status).toBe(200);
    const [a, b] = [await slugOf(`${LONG} Sukabumi`), await slugOf(`${LONG} Sukoharjo`)];
    expect(a).not.toBe(b);
    for (const slug of [a, b]) {
      expect(slug.length).toBeLessThanOrEqual(80);
      expect(slug).toMatch(/^perusahaan-umum-daerah-air-minum-tirta-bumi-wibawa-sejahtera-mandiri-[a-z-]*[0-9a-f]{6}$/);
    }
  });

  it("refuses only the same name, whatever its case and spacing, and keeps the first address", async () => {
    expect((await add("PT Sinar Uji Jaya")).status).toBe(200);
    for (const same of ["PT Sinar Uji Jaya", "pt  SINAR uji jaya"]) {
      const res = await add(same);
      expect(res.status, same).toBe(409);
      expect(await res.text()).toContain("Instansi dengan nama ini sudah ada.");
    }
    // Another name with the same words: another agency, another address.
    expect((await add("PT. Sinar Uji Jaya")).status).toBe(200);
    expect(await slugOf("PT Sinar Uji Jaya")).toBe("pt-sinar-uji-jaya");
    expect(await slugOf("PT. Sinar Uji Jaya")).toMatch(/^pt-sinar-uji-jaya-[0-9a-f]{6}$/);
  });

  it("gives each imported row its address, and reports bad rows in one style with their lines", async () => {
    const head = "name,short_name,type,region_code\n";
    const bad = await import_(
      csv(
        head +
          "PT Impor Uji Ganda,,bumn,\n" +
          "pt impor uji ganda,,bumn,\n" +
          "PD Impor Uji Wilayah,,bumd,99.99\n" +
          "PT QA Extra Cells,,bumn,,2030,2031\n" +
          "PT Sinar Uji Jaya,,bumn,\n",
      ),
    );
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Baris 3: name: Sama dengan baris 2.");
    expect(bad.text).toContain("Baris 4: region_code: Kode wilayah tidak dikenal.");
    expect(bad.text).toContain("Baris 5: Sel lebih banyak daripada kolom pada judul kolom (6 sel, 4 kolom).");
    expect(bad.text).toContain("Baris 6: name: Instansi dengan nama ini sudah ada.");
    expect(bad.text).not.toContain("Baris 2");
    for (const name of ["PT Impor Uji Ganda", "PT QA Extra Cells"]) expect(await slugOf(name)).toBeUndefined();

    const en = newClient();
    const user = await createTestUser(database.db, { role: "national_admin" });
    await en.login(user.email, user.password);
    await en.post("/preferensi", { lang: "en" });
    const english = (await (await en.post("/kelola/instansi", { _intent: "import", file: csv(head + "PT A Uji,,bumn,\nPT A Uji,,bumn,,x\nPT A Uji,,bumn,\nPD B Uji,,bumd,99.99\n") })).text()).replaceAll(
      "<!-- -->",
      "",
    );
    expect(english).toContain("Line 3: More cells than columns in the header (5 cells, 4 columns).");
    expect(english).toContain("Line 4: name: Same as line 2.");
    expect(english).toContain("Line 5: region_code: Unknown region code.");

    const good = await import_(
      csv(head + "関西電力株式会社,,bumn,\nПАО Лукойл,,bumn,\n" + `${LONG} Bogor,,bumd,32.01\n${LONG} Bandung,,bumd,32.04\n` + "PT Kopi Uji,,bumn,\nPT. Kopi Uji,,bumn,,,\n"),
    );
    expect(good.status).toBe(200);
    expect(good.text).toContain("6 baris diimpor");
    const slugs = await Promise.all(["関西電力株式会社", "ПАО Лукойл", `${LONG} Bogor`, `${LONG} Bandung`, "PT Kopi Uji", "PT. Kopi Uji"].map(slugOf));
    expect(slugs.every((s) => s && s.length <= 80)).toBe(true);
    expect(new Set(slugs).size).toBe(6);
    expect(slugs[1]).toBe("pao-lukoil");
    expect(slugs[4]).toBe("pt-kopi-uji");
  });

  it("imports a CSV that Excel saved as Windows-1252 with its accents", async () => {
    const bytes = Uint8Array.from([...Buffer.from("name,short_name,type,region_code\r\nPT Caf"), 0xe9, ...Buffer.from(" Satu,,bumn,\r\n")]);
    const res = await import_(new File([bytes], "excel.csv", { type: "text/csv" }));
    expect(res.status).toBe(200);
    expect(await slugOf("PT Café Satu")).toBe("pt-cafe-satu");
  });
});
