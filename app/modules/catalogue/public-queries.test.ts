// The catalogue's read queries other than search: one innovation, an agency's portfolio, the
// agency directory, a province, the home figures. Published data only, always.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../tests/db";
import type { Database, Db } from "~/db/client.server";
import { agencyBySlug, createAgency, createInnovation, createUnit } from "~/db/factories.server";
import { innovationFiles } from "~/db/schema";
import { getPublishedInnovation } from "./get-innovation.server";
import { getAgencyPortfolio } from "./get-agency-portfolio.server";
import { listAgencies } from "./list-agencies.server";
import { getProvince } from "./get-province.server";
import { getCatalogueStats } from "./get-catalogue-stats.server";

let database: Database;
let db: Db;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(async () => database?.close());

describe("getPublishedInnovation", () => {
  it("gives every public field, by slug or id, with file metadata and never the bytes", async () => {
    const agency = await agencyBySlug(db, "kota-surabaya-35-78");
    const unit = await createUnit(db, { agencyId: agency.id, name: "Dinas Penanaman Modal dan PTSP" });
    const source = await createInnovation(db, { name: "Mal Pelayanan Publik Sumber" });
    const hidden = await createInnovation(db, { name: "Sumber Draf", state: "draft" });
    const mpp = await createInnovation(db, {
      agencyId: agency.id,
      unitId: unit.id,
      name: "Mal Pelayanan Publik Surabaya",
      acronym: "MPP",
      origin: "replication",
      originInnovationId: source.id,
      videoUrl: "https://video.example/mpp",
      contactPhone: "031-123",
      indicators: [{ name: "Waktu izin", before: "14", after: "1", unit: "hari", source: "DPMPTSP" }],
    });
    await db.insert(innovationFiles).values([
      { innovationId: mpp.id, kind: "photo", filename: "gedung.jpg", mime: "image/jpeg", size: 10, sha256: "a", data: new Uint8Array([1]), caption: "Gedung MPP" },
      { innovationId: mpp.id, kind: "evidence", filename: "sk.pdf", mime: "application/pdf", size: 20, sha256: "b", data: new Uint8Array([2]) },
    ]);
    const bySlug = await getPublishedInnovation(db, mpp.slug);
    expect(bySlug).toMatchObject({
      id: mpp.id,
      name: "Mal Pelayanan Publik Surabaya",
      acronym: "MPP",
      unitName: "Dinas Penanaman Modal dan PTSP",
      regionCode: "35.78",
      regionName: "Kota Surabaya",
      provinceCode: "35",
      provinceName: "Jawa Timur",
      origin: "replication",
      originInnovation: { id: source.id, slug: source.slug, name: "Mal Pelayanan Publik Sumber" },
      videoUrl: "https://video.example/mpp",
      contact: { phone: "031-123" },
      agency: { slug: "kota-surabaya-35-78", type: "kota" },
      indicators: [{ name: "Waktu izin", before: "14", after: "1", unit: "hari", source: "DPMPTSP" }],
    });
    expect(bySlug!.photos).toEqual([expect.objectContaining({ filename: "gedung.jpg", caption: "Gedung MPP", mime: "image/jpeg", size: 10 })]);
    expect(bySlug!.evidence.map((f) => f.filename)).toEqual(["sk.pdf"]);
    expect(JSON.stringify(bySlug)).not.toContain("data");
    expect((await getPublishedInnovation(db, mpp.id))?.slug).toBe(mpp.slug);
    expect((await getPublishedInnovation(db, String(mpp.id)))?.slug).toBe(mpp.slug);

    // A replication of an unpublished source does not reveal it.
    const copy = await createInnovation(db, { origin: "replication", originInnovationId: hidden.id });
    expect((await getPublishedInnovation(db, copy.slug))?.originInnovation).toBeNull();
  });

  it("is null for anything not published, unknown or malformed", async () => {
    for (const state of ["draft", "submitted", "returned"] as const) {
      const row = await createInnovation(db, { state });
      expect(await getPublishedInnovation(db, row.slug)).toBeNull();
      expect(await getPublishedInnovation(db, row.id)).toBeNull();
    }
    for (const key of ["tidak-ada", "99999999", "", "'; drop", "a".repeat(500), "-1", "1e3"]) {
      expect(await getPublishedInnovation(db, key)).toBeNull();
    }
  });
});

describe("getAgencyPortfolio", () => {
  it("lists the published innovations with counts by status and start year", async () => {
    const agency = await createAgency(db, { name: "BUMD Portofolio Uji" });
    await createInnovation(db, { agencyId: agency.id, status: "implementasi", startedOn: "2019-01-01" });
    await createInnovation(db, { agencyId: agency.id, status: "implementasi", startedOn: "2020-01-01" });
    await createInnovation(db, { agencyId: agency.id, status: "uji_coba", startedOn: "2020-05-01" });
    await createInnovation(db, { agencyId: agency.id, state: "draft" });
    const p = await getAgencyPortfolio(db, agency.slug);
    expect(p?.total).toBe(3);
    expect(p?.innovations).toHaveLength(3);
    expect(p?.byStatus).toEqual([
      { value: "uji_coba", count: 1 },
      { value: "implementasi", count: 2 },
    ]);
    expect(p?.byYear).toEqual([
      { value: "2020", count: 2 },
      { value: "2019", count: 1 },
    ]);
    expect((await getAgencyPortfolio(db, agency.slug, { limit: 2 }))?.innovations).toHaveLength(2);
    expect(p?.agency).toMatchObject({ regionName: "Kabupaten Banyumas", provinceName: "Jawa Tengah" });
  });

  it("shows an agency without innovations, and null for an unknown one", async () => {
    const p = await getAgencyPortfolio(db, "kemenkes");
    expect(p).toMatchObject({ total: 0, innovations: [], agency: { type: "kementerian", provinceCode: null } });
    expect(await getAgencyPortfolio(db, "tidak-ada")).toBeNull();
  });
});

describe("getAgencyPortfolio by unit", () => {
  it("counts each of its units' published innovations, never another agency's units, and narrows to one", async () => {
    const agency = await createAgency(db, { name: "BUMD Unit Uji Cempaka" });
    const other = await createAgency(db, { name: "BUMD Unit Uji Melati" });
    const dpu = await createUnit(db, { agencyId: agency.id, name: "Dinas Pekerjaan Umum Uji" });
    const dinkes = await createUnit(db, { agencyId: agency.id, name: "Dinas Kesehatan Uji" });
    const bappeda = await createUnit(db, { agencyId: agency.id, name: "Bappeda Uji" });
    const school = await createUnit(db, { agencyId: agency.id, name: "SD Negeri 1 Uji" });
    const puskesmas = await createUnit(db, { agencyId: agency.id, name: "Puskesmas Uji" });
    const foreign = await createUnit(db, { agencyId: other.id, name: "Unit Instansi Lain" });

    const road = await createInnovation(db, { agencyId: agency.id, unitId: dpu.id, name: "Jalan Mulus Cempaka" });
    await createInnovation(db, { agencyId: agency.id, unitId: dpu.id, name: "Jembatan Cempaka" });
    await createInnovation(db, { agencyId: agency.id, unitId: dpu.id, name: "Draf DPU Cempaka", state: "draft" });
    await createInnovation(db, { agencyId: agency.id, unitId: dinkes.id, name: "Posyandu Cempaka" });
    await createInnovation(db, { agencyId: agency.id, unitId: bappeda.id, name: "Rencana Cempaka" });
    // Only unpublished work: the unit is counted among those without, not listed.
    await createInnovation(db, { agencyId: agency.id, unitId: puskesmas.id, name: "Dikirim Puskesmas Cempaka", state: "submitted" });
    await createInnovation(db, { agencyId: agency.id, name: "Tanpa Unit Cempaka" });
    // A row pointing at another agency's unit (a data slip): counted as without a unit.
    const stray = await createInnovation(db, { agencyId: agency.id, unitId: foreign.id, name: "Salah Unit Cempaka" });
    await createInnovation(db, { agencyId: other.id, unitId: foreign.id, name: "Inovasi Melati" });
    await db.insert(innovationFiles).values([
      { innovationId: road.id, kind: "photo", filename: "jalan.jpg", mime: "image/jpeg", size: 10, sha256: "c", data: new Uint8Array([1]), caption: "Regu menambal jalan" },
      { innovationId: road.id, kind: "photo", filename: "jalan-2.jpg", mime: "image/jpeg", size: 10, sha256: "d", data: new Uint8Array([1]), caption: "Foto kedua" },
    ]);

    const p = (await getAgencyPortfolio(db, agency.slug))!;
    expect(p.total).toBe(6);
    // The most innovations first, then by name.
    expect(p.units).toEqual([
      { id: dpu.id, name: "Dinas Pekerjaan Umum Uji", count: 2 },
      { id: bappeda.id, name: "Bappeda Uji", count: 1 },
      { id: dinkes.id, name: "Dinas Kesehatan Uji", count: 1 },
    ]);
    expect(p.unitsWithout).toBe(2);
    expect(p.withoutUnit).toBe(2);
    expect(p.unit).toBeNull();
    expect(p.innovations.map((c) => c.name).sort()).toEqual(
      ["Jalan Mulus Cempaka", "Jembatan Cempaka", "Posyandu Cempaka", "Rencana Cempaka", "Salah Unit Cempaka", "Tanpa Unit Cempaka"].sort(),
    );
    expect(p.innovations.find((c) => c.id === stray.id)?.unitId).toBeNull();
    // The caption is the shown photo's: the first one.
    expect(p.innovations.find((c) => c.id === road.id)).toMatchObject({ unitId: dpu.id, photoCaption: "Regu menambal jalan" });
    expect(JSON.stringify(p)).not.toContain(school.name);

    const narrowed = (await getAgencyPortfolio(db, agency.slug, { unitId: dpu.id }))!;
    expect(narrowed.unit).toEqual({ id: dpu.id, name: "Dinas Pekerjaan Umum Uji", count: 2 });
    expect(narrowed.innovations.map((c) => c.name).sort()).toEqual(["Jalan Mulus Cempaka", "Jembatan Cempaka"]);
    // The agency's own figures stay whole.
    expect(narrowed.total).toBe(6);
    expect(narrowed.units).toEqual(p.units);
    expect((await getAgencyPortfolio(db, agency.slug, { unitId: dpu.id, limit: 1 }))?.innovations).toHaveLength(1);

    // A unit of its own without published work: an empty list, not an error.
    expect(await getAgencyPortfolio(db, agency.slug, { unitId: school.id })).toMatchObject({ unit: { count: 0 }, innovations: [] });
    expect(await getAgencyPortfolio(db, agency.slug, { unitId: puskesmas.id })).toMatchObject({ unit: { count: 0 }, innovations: [] });
    // Another agency's unit, or none at all, is not found.
    expect(await getAgencyPortfolio(db, agency.slug, { unitId: foreign.id })).toBeNull();
    expect(await getAgencyPortfolio(db, agency.slug, { unitId: 2_000_000_000 })).toBeNull();

    // The other agency sees its unit only, with its own innovation only.
    const q = (await getAgencyPortfolio(db, other.slug))!;
    expect(q.units).toEqual([{ id: foreign.id, name: "Unit Instansi Lain", count: 1 }]);
    expect(q.unitsWithout).toBe(0);
    expect((await getAgencyPortfolio(db, other.slug, { unitId: foreign.id }))?.innovations.map((c) => c.name)).toEqual(["Inovasi Melati"]);
    expect(await getAgencyPortfolio(db, other.slug, { unitId: dpu.id })).toBeNull();
  });

  it("has no units to show for an agency that records none", async () => {
    const agency = await createAgency(db, { name: "BUMD Tanpa Unit Uji" });
    await createInnovation(db, { agencyId: agency.id });
    expect(await getAgencyPortfolio(db, agency.slug)).toMatchObject({ total: 1, units: [], unitsWithout: 0, withoutUnit: 1, unit: null });
  });
});

describe("listAgencies", () => {
  it("filters by name, type and province, and counts published innovations", async () => {
    const agency = await createAgency(db, { name: "BUMD Direktori Zamrud", regionCode: "73.71" });
    await createInnovation(db, { agencyId: agency.id });
    await createInnovation(db, { agencyId: agency.id, state: "submitted" });
    const r = await listAgencies(db, { q: "direktori zamrud" });
    expect(r.total).toBe(1);
    expect(r.items[0]).toMatchObject({ slug: agency.slug, type: "bumd", provinceCode: "73", innovationCount: 1 });
    const cities = await listAgencies(db, { type: "kota", province: "73" });
    expect(cities.items.map((a) => a.name)).toContain("Pemerintah Kota Makassar");
    expect(cities.items.every((a) => a.type === "kota" && a.provinceCode === "73")).toBe(true);
    // A typed % or _ is a character, not a wildcard.
    expect((await listAgencies(db, { q: "%" })).total).toBe(0);
    const ministries = await listAgencies(db, { type: "kementerian", page: 1, perPage: 10 });
    expect(ministries.items).toHaveLength(10);
    expect(ministries.pages).toBe(Math.ceil(ministries.total / 10));
    const past = await listAgencies(db, { type: "kementerian", page: 999 });
    expect(past.items).toEqual([]);
    expect(past.total).toBe(ministries.total);
  });
});

describe("getProvince", () => {
  it("gives its governments first, other agencies, counts and newest innovations", async () => {
    const bumd = await createAgency(db, { name: "BUMD Provinsi Uji Gorontalo", regionCode: "75.71" });
    const gov = await agencyBySlug(db, "provinsi-gorontalo");
    await createInnovation(db, { agencyId: gov.id, name: "Inovasi Provinsi Gorontalo" });
    await createInnovation(db, { agencyId: bumd.id, name: "Inovasi BUMD Gorontalo" });
    await createInnovation(db, { agencyId: bumd.id, state: "draft", name: "Draf Gorontalo" });
    const p = await getProvince(db, "75");
    expect(p?.province).toEqual({ code: "75", name: "Gorontalo", timeZone: "WITA" });
    expect(p?.governments[0]).toMatchObject({ slug: "provinsi-gorontalo", type: "provinsi", innovationCount: 1 });
    expect(p?.governments.slice(1).every((a) => a.type === "kabupaten" || a.type === "kota")).toBe(true);
    expect(p?.others).toEqual([expect.objectContaining({ slug: bumd.slug, innovationCount: 1 })]);
    expect(p?.total).toBe(2);
    expect(p?.recent.map((c) => c.name).sort()).toEqual(["Inovasi BUMD Gorontalo", "Inovasi Provinsi Gorontalo"]);
    expect(await getProvince(db, "75.01")).toBeNull();
    expect(await getProvince(db, "99")).toBeNull();
  });
});

describe("getCatalogueStats", () => {
  it("counts published innovations, their agencies and provinces", async () => {
    const s = await getCatalogueStats(db);
    expect(s.innovationsEstimated).toBe(false);
    expect(s.innovations).toBeGreaterThan(5);
    expect(s.agencies).toBeGreaterThan(3);
    expect(s.provinces).toBeGreaterThanOrEqual(3);
    expect(s.recent).toHaveLength(6);
    const before = s.innovations;
    await createInnovation(db, { state: "draft" });
    expect((await getCatalogueStats(db)).innovations).toBe(before);
    await createInnovation(db, {});
    expect((await getCatalogueStats(db)).innovations).toBe(before + 1);
  });
});
