import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { openTestDatabase } from "../../../tests/db";
import type { Database, Db } from "~/db/client.server";
import { agencies } from "~/db/schema";
import { createAgency, createInnovation } from "~/db/factories.server";
import { complianceReport } from "./compliance-report.server";
import { complianceFigures } from "./compliance-figures.server";
import { listAgenciesNotMet } from "./agencies-not-met.server";

let database: Database;
let db: Db;

// The template database holds every regional government and the national agencies from the
// reference data, with no innovations: every figure below is relative to those counts.
let baseline: { total: number; byType: Record<string, number>; province33: number };

async function regionalGovernment(regionCode: string) {
  const [row] = await db
    .select()
    .from(agencies)
    .where(and(eq(agencies.regionCode, regionCode), sql`${agencies.type} in ('provinsi','kabupaten','kota')`));
  return row;
}

let banyumas: typeof agencies.$inferSelect;
let jateng: typeof agencies.$inferSelect;
let bumd: typeof agencies.$inferSelect;
let ministry: typeof agencies.$inferSelect;
let lateMinistry: typeof agencies.$inferSelect;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  // The reference agencies of 2022: without those formed later, with those ended since.
  const of2022 = sql`coalesce(${agencies.activeFrom}, 0) <= 2022 and coalesce(${agencies.activeUntil}, 9999) >= 2022`;
  const rows = await db.select({ type: agencies.type, n: sql<number>`count(*)::int` }).from(agencies).where(of2022).groupBy(agencies.type);
  const [{ n: province33 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(agencies)
    .where(and(eq(agencies.provinceCode, "33"), of2022));
  baseline = {
    total: rows.reduce((s, r) => s + r.n, 0),
    byType: Object.fromEntries(rows.map((r) => [r.type, r.n])),
    province33: province33,
  };

  banyumas = await regionalGovernment("33.02");
  jateng = await regionalGovernment("33");
  bumd = await createAgency(db, { name: "Perumda Air Minum Tirta Satria Uji", type: "bumd", regionCode: "33.02" });
  ministry = await createAgency(db, { name: "Kementerian Uji Kepatuhan", type: "kementerian" });
  lateMinistry = await createAgency(db, { name: "Kementerian Uji Tahun Baru", type: "kementerian" });

  // Banyumas: started 2021, published 2022 → meets 2021 and 2022. A second 2022 entry must not
  // count it twice.
  await createInnovation(db, { agencyId: banyumas.id, startedOn: "2021-03-01", publishedAt: new Date("2022-05-01T03:00:00Z") });
  await createInnovation(db, { agencyId: banyumas.id, startedOn: "2022-02-01", publishedAt: new Date("2022-06-01T03:00:00Z") });
  // The provincial government's only entries are not published: they never count.
  await createInnovation(db, { agencyId: jateng.id, startedOn: "2022-02-01", state: "draft" });
  await createInnovation(db, { agencyId: jateng.id, startedOn: "2022-02-01", state: "submitted" });
  await createInnovation(db, { agencyId: jateng.id, startedOn: "2022-02-01", state: "returned" });
  // The BUMD: 23:30 WIB on 31 December 2022 is still 2022 in Jakarta.
  await createInnovation(db, { agencyId: bumd.id, startedOn: "2019-01-10", publishedAt: new Date("2022-12-31T16:30:00Z") });
  // This ministry published at 00:30 WIB on 1 January 2023: that is 2023, not 2022.
  await createInnovation(db, { agencyId: lateMinistry.id, startedOn: "2018-07-01", publishedAt: new Date("2022-12-31T17:30:00Z") });
});
afterAll(async () => database?.close());

describe("complianceFigures", () => {
  it("counts an agency once when it has a published innovation started or published in the year", async () => {
    const f = await complianceFigures(db, 2022);
    const total = baseline.total + 3; // the BUMD and the two ministries created above
    // Banyumas (started and published 2022) and the BUMD (published 23:30 WIB on 31 Dec 2022).
    expect(f.overall).toEqual({ agencies: total, met: 2, notMet: total - 2, rate: 2 / total });

    const kabupaten = f.byType.find((r) => r.type === "kabupaten")!;
    expect(kabupaten).toMatchObject({ agencies: baseline.byType.kabupaten, met: 1 });
    const provinsi = f.byType.find((r) => r.type === "provinsi")!;
    expect(provinsi).toMatchObject({ agencies: baseline.byType.provinsi, met: 0 });
    const kementerian = f.byType.find((r) => r.type === "kementerian")!;
    expect(kementerian).toMatchObject({ agencies: baseline.byType.kementerian + 2, met: 0 });
    expect(f.byType.find((r) => r.type === "bumd")).toMatchObject({ agencies: 1, met: 1, rate: 1 });
  });

  it("lists every agency type and every province, with no rate where nothing is counted", async () => {
    const f = await complianceFigures(db, 2022);
    expect(f.byType.map((r) => r.type)).toEqual(["kementerian", "lembaga", "provinsi", "kabupaten", "kota", "bumn", "bumd"]);
    expect(f.byType.find((r) => r.type === "bumn")).toEqual({ type: "bumn", agencies: 0, met: 0, notMet: 0, rate: null });
    // 2022: the four Papuan provinces formed that year are counted from 2023.
    expect(f.byProvince).toHaveLength(34);
    expect((await complianceFigures(db, 2023)).byProvince).toHaveLength(38);
    const jawaTengah = f.byProvince.find((r) => r.code === "33")!;
    // The province's own government, its 35 regencies and cities, and the BUMD located there.
    expect(jawaTengah).toMatchObject({ agencies: baseline.province33 + 1, met: 2 });
    expect(jawaTengah.name).toMatch(/Jawa Tengah/i);
    const aceh = f.byProvince.find((r) => r.code === "11")!;
    expect(aceh.met).toBe(0);
    expect(aceh.rate).toBe(0);
    // Every regional government and BUMD is in exactly one province.
    const inProvinces = f.byProvince.reduce((s, r) => s + r.agencies, 0);
    const national = ["kementerian", "lembaga", "bumn"].reduce((s, t) => s + f.byType.find((r) => r.type === t)!.agencies, 0);
    expect(inProvinces + national).toBe(f.overall.agencies);
  });

  it("uses the start year even when publication came later, and the Jakarta new year", async () => {
    const y2021 = await complianceFigures(db, 2021);
    expect(y2021.overall.met).toBe(1); // Banyumas, started 2021
    const y2023 = await complianceFigures(db, 2023);
    expect(y2023.overall.met).toBe(1); // the ministry published 00:30 WIB on 1 January 2023
    expect(y2023.byType.find((r) => r.type === "kementerian")!.met).toBe(1);
    const y2019 = await complianceFigures(db, 2019);
    expect(y2019.overall.met).toBe(1); // the BUMD's innovation started in 2019
    const y2024 = await complianceFigures(db, 2024);
    expect(y2024.overall.met).toBe(0);
  });
});

describe("the years an agency is judged for", () => {
  it("counts an agency only from its first full year to the year it ended", async () => {
    const inList = async (year: number, q: string) => (await listAgenciesNotMet(db, { year, q }, { limit: null })).map((r) => r.name);
    // Papua Selatan's government, formed in July 2022, owes its first innovation for 2023.
    expect(await inList(2022, "Provinsi Papua Selatan")).toEqual([]);
    expect(await inList(2023, "Provinsi Papua Selatan")).toHaveLength(1);
    // Before 2023 their regencies and cities count under the province they came from.
    const byYear = async (year: number) => new Map((await complianceFigures(db, year)).byProvince.map((r) => [r.code, r.agencies]));
    const [y22, y23] = [await byYear(2022), await byYear(2023)];
    expect(y22.has("93")).toBe(false);
    const regencies = (code: string) => y23.get(code)! - 1; // less the new province's government
    expect(y22.get("91")).toBe(y23.get("91")! + regencies("93") + regencies("94") + regencies("95"));
    expect(y22.get("92")).toBe(y23.get("92")! + regencies("96"));
    const merauke = async (year: number, province: string) => listAgenciesNotMet(db, { year, province, q: "Merauke" }, { limit: null });
    expect((await merauke(2022, "91")).map((r) => r.provinceCode)).toEqual(["91"]);
    expect(await merauke(2022, "93")).toEqual([]);
    expect((await merauke(2023, "93")).map((r) => r.provinceCode)).toEqual(["93"]);
    // The 2024 cabinet: the new education ministry from 2025, the one it replaced until 2024.
    expect(await inList(2024, "Pendidikan Dasar dan Menengah")).toEqual([]);
    expect(await inList(2025, "Pendidikan Dasar dan Menengah")).toEqual(["Kementerian Pendidikan Dasar dan Menengah"]);
    expect(await inList(2024, "Kebudayaan, Riset")).toEqual(["Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi"]);
    expect(await inList(2025, "Kebudayaan, Riset")).toEqual([]);
  });
});

describe("the agencies that have not met the duty", () => {
  it("leaves out the agencies that met it and keeps those with only unpublished entries", async () => {
    const report = await complianceReport(db, { year: 2022, province: "33", perPage: 100 });
    const ids = report.notMet.rows.map((r) => r.id);
    expect(ids).not.toContain(banyumas.id);
    expect(ids).not.toContain(bumd.id);
    expect(ids).toContain(jateng.id);
    expect(report.notMet.total).toBe(baseline.province33 + 1 - 2);
    const row = report.notMet.rows.find((r) => r.id === jateng.id)!;
    expect(row).toMatchObject({ type: "provinsi", provinceCode: "33", regionCode: "33", publishedInnovations: 0, lastInnovationYear: null });
    expect(row.provinceName).toMatch(/Jawa Tengah/i);
  });

  it("gives each agency's history: innovations ever published and the last year active", async () => {
    const rows = await listAgenciesNotMet(db, { year: 2024, q: "Uji Tahun Baru" }, { limit: null });
    // Started 2018, published 2023 in Jakarta: its last active year is 2023.
    expect(rows).toEqual([
      expect.objectContaining({ id: lateMinistry.id, publishedInnovations: 1, lastInnovationYear: 2023, provinceName: null }),
    ]);
    const banyumasRow = (await listAgenciesNotMet(db, { year: 2024, type: "kabupaten", province: "33", q: "Banyumas" }, { limit: null }))[0];
    expect(banyumasRow).toMatchObject({ id: banyumas.id, publishedInnovations: 2, lastInnovationYear: 2022 });
  });

  it("filters by type, province and part of the name, case-insensitively", async () => {
    const byType = await complianceReport(db, { year: 2022, type: "kementerian", perPage: 500 });
    expect(byType.notMet.total).toBe(baseline.byType.kementerian + 2);
    expect(byType.notMet.rows.every((r) => r.type === "kementerian")).toBe(true);

    const byName = await complianceReport(db, { year: 2022, q: "uji kepatuhan" });
    expect(byName.notMet.rows.map((r) => r.id)).toEqual([ministry.id]);

    // LIKE wildcards in the search are taken literally.
    const wildcard = await complianceReport(db, { year: 2022, q: "%" });
    expect(wildcard.notMet.total).toBe(0);

    const none = await complianceReport(db, { year: 2022, type: "kota", province: "11", q: "Banyumas" });
    expect(none.notMet).toMatchObject({ total: 0, rows: [], pages: 1 });
  });

  it("pages through the list in name order without gaps or repeats", async () => {
    const perPage = 20;
    const first = await complianceReport(db, { year: 2022, province: "33", perPage, page: 1 });
    const second = await complianceReport(db, { year: 2022, province: "33", perPage, page: 2 });
    expect(first.notMet.pages).toBe(Math.ceil(first.notMet.total / perPage));
    expect(first.notMet.rows).toHaveLength(perPage);
    const all = await listAgenciesNotMet(db, { year: 2022, province: "33" }, { limit: null });
    expect([...first.notMet.rows, ...second.notMet.rows].map((r) => r.id)).toEqual(all.map((r) => r.id));
    const names = all.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("orders a past year's list by the names the agencies bore that year", async () => {
    const renamed = await createAgency(db, { name: "Kementerian Zeta Uji", type: "kementerian", formerNames: [{ name: "Kementerian Alfa Uji", shortName: null, until: 2022 }] });
    const names = async (year: number) => (await listAgenciesNotMet(db, { year, type: "kementerian", q: "uji" }, { limit: null })).map((r) => r.name);
    const sorted = (list: string[]) => [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const of2022 = await names(2022);
    expect(of2022[0]).toBe("Kementerian Alfa Uji");
    expect(of2022).toContain("Kementerian Uji Kepatuhan");
    expect(of2022).toEqual(sorted(of2022));
    const of2023 = await names(2023);
    expect(of2023.at(-1)).toBe("Kementerian Zeta Uji");
    expect(of2023.length).toBeGreaterThan(1);
    expect(of2023).toEqual(sorted(of2023));
    await db.delete(agencies).where(eq(agencies.id, renamed.id));
  });
});
