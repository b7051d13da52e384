// The competition's reports through the app: counts per stage (agreeing with the stages' own
// entrant rule), by category, group, agency type and province; every table as CSV and XLSX with
// the reader's headers; the plenary sheet; bad parameters answered with a 400; secretariat only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { readSheet } from "read-excel-file/node";
import { parse } from "csv-parse/sync";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { agencies, proposals, regions, reviews, stageDecisions } from "../app/db/schema";
import { stageEntrants } from "../app/modules/judging/stage-entrants.server";
import { competitionReport } from "../app/modules/reports/competition-report.server";
import type { CompetitionConfig } from "../app/modules/competitions/config";

const SLUG = "kipp-laporan";
const BASE = `/kelola/kompetisi/${SLUG}/laporan`;
// A title an applicant could type to attack whoever opens the CSV in a spreadsheet.
const FORMULA_TITLE = '=HYPERLINK("http://contoh.id","klik")';

let database: Database;
let admin: Client;
let adminEn: Client;
let agencyAdmin: Client;
let evaluator: Client;
let anonymous: Client;
let competitionId = 0;
let config: CompetitionConfig;
const ids: Record<string, number> = {};
const provinceName: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  const adminUser = await createTestUser(db, { role: "national_admin" });
  admin = newClient();
  await admin.login(adminUser.email, adminUser.password);
  adminEn = newClient();
  await adminEn.login(adminUser.email, adminUser.password);
  await adminEn.post("/preferensi", { lang: "en" });
  const localAdmin = await createTestUser(db, { role: "agency_admin" });
  agencyAdmin = newClient();
  await agencyAdmin.login(localAdmin.email, localAdmin.password);
  const judgeA = await createTestUser(db, { role: "evaluator" });
  const judgeB = await createTestUser(db, { role: "evaluator" });
  evaluator = newClient();
  await evaluator.login(judgeA.email, judgeA.password);
  anonymous = newClient();

  const competition = await createCompetition(db, { slug: SLUG, state: "announced" });
  competitionId = competition.id;
  config = competition.config;

  // Agencies of several types and provinces: two national ones, a BUMD in Central Java, and the
  // reference city of Bali's and province of West Kalimantan's governments.
  const ministry = await createAgency(db, { type: "kementerian", name: "Kementerian Uji Laporan" });
  const bumn = await createAgency(db, { type: "bumn", name: "BUMN Uji Laporan" });
  const bumd = await createAgency(db, { type: "bumd", name: "BUMD Uji Laporan", regionCode: "33.02" });
  const [city] = await db.select().from(agencies).where(and(eq(agencies.type, "kota"), eq(agencies.provinceCode, "51"))).limit(1);
  const [province] = await db.select().from(agencies).where(and(eq(agencies.type, "provinsi"), eq(agencies.provinceCode, "61"))).limit(1);
  for (const r of await db.select().from(regions).where(eq(regions.level, "province"))) provinceName[r.code] = r.name;

  let n = 0;
  const add = async (
    name: string,
    agencyId: number,
    groupCode: string,
    categoryCode: string,
    state: (typeof proposals.$inferInsert)["state"],
    screening: (typeof proposals.$inferInsert)["screening"] = "pending",
    title = `Inovasi ${name}`,
  ) => {
    const innovation = await createInnovation(db, { agencyId, name: `Inovasi ${name}` });
    const submitted = state === "submitted";
    const [p] = await db
      .insert(proposals)
      .values({
        competitionId,
        innovationId: innovation.id,
        agencyId,
        groupCode,
        categoryCode,
        title,
        state,
        screening,
        receiptNumber: submitted ? `KIPP-LAPORAN-${++n}` : null,
        submittedAt: submitted ? new Date(Date.UTC(2026, 3, 1, 0, n)) : null,
      })
      .returning();
    ids[name] = p.id;
  };
  await add("p1", ministry.id, "umum", "kesehatan", "submitted", "passed", FORMULA_TITLE);
  await add("p2", ministry.id, "umum", "pendidikan", "submitted", "passed");
  await add("p3", bumn.id, "replikasi", "kesehatan", "submitted", "failed");
  await add("p4", bumd.id, "umum", "kesehatan", "submitted", "passed");
  await add("p5", bumd.id, "umum", "tata-kelola", "submitted", "pending");
  await add("p6", city.id, "khusus", "kesehatan", "submitted", "passed");
  await add("p7", province.id, "umum", "pendidikan", "submitted", "passed");
  await add("d1", bumd.id, "umum", "kesehatan", "draft");
  await add("d2", bumd.id, "umum", "kesehatan", "agency_review");
  await add("d3", city.id, "umum", "kesehatan", "returned");
  await add("d4", province.id, "umum", "kesehatan", "awaiting_endorsement");
  await add("w1", bumn.id, "umum", "kesehatan", "withdrawn");

  // The desk evaluation: p1 scored 100 by both judges, p2 split 100/0, p4 0; p6 and p7 unscored.
  const criteria = config.stages.find((s) => s.code === "evaluasi")!.criteria;
  const all = (v: number) => Object.fromEntries(criteria.map((c) => [c.code, v]));
  const review = (proposal: string, judgeId: number, v: number) => ({
    competitionId,
    stageCode: "evaluasi",
    proposalId: ids[proposal],
    judgeId,
    scores: all(v),
    state: "submitted" as const,
    submittedAt: new Date(),
  });
  await db.insert(reviews).values([
    review("p1", judgeA.id, 10),
    review("p1", judgeB.id, 10),
    review("p2", judgeA.id, 10),
    review("p2", judgeB.id, 1),
    review("p4", judgeA.id, 1),
    review("p4", judgeB.id, 1),
  ]);
  // The plenary of the desk evaluation: p1 and p4 go on, p6 does not; p2 and p7 undecided.
  // Then the panel stage: p1 goes on, p4 undecided.
  const decide = (stageCode: string, proposal: string, advances: boolean, reason = "") => ({ competitionId, stageCode, proposalId: ids[proposal], advances, proposed: advances, reason });
  await db.insert(stageDecisions).values([
    decide("evaluasi", "p1", true),
    decide("evaluasi", "p4", true),
    decide("evaluasi", "p6", false, "Bukti dukung tidak sah"),
    decide("penilaian-tpi", "p1", true),
  ]);
});
afterAll(async () => database?.close());

const text = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "");
/** A CSV download's rows; it must start with UTF-8's byte-order mark (read as bytes: text() drops it). */
const csvRows = async (res: Response) => {
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return parse(bytes.subarray(3).toString("utf8")) as string[][];
};
const download = (client: Client, query: string) => client.get(`${BASE}/unduh?${query}`);

describe("the figures", () => {
  it("counts each stage as the stages themselves see their entrants", async () => {
    const report = await competitionReport(database.db, { id: competitionId, config });
    const byCode = Object.fromEntries(report.stages.map((s) => [s.code, s]));
    expect(byCode["registrasi"]).toMatchObject({ entrants: 12, wentOn: 7, stopped: 1, open: 4 });
    expect(report.inProgress).toEqual({ unit: 2, agency: 1, head: 1 });
    expect(byCode["seleksi-administrasi"]).toMatchObject({ entrants: 7, wentOn: 5, stopped: 1, open: 1 });
    expect(byCode["evaluasi"]).toMatchObject({ entrants: 5, wentOn: 2, stopped: 1, open: 2 });
    expect(byCode["penilaian-tpi"]).toMatchObject({ entrants: 2, wentOn: 1, stopped: 0, open: 1 });
    expect(byCode["presentasi"]).toMatchObject({ entrants: 1, wentOn: 0, stopped: 0, open: 1 });
    expect(byCode["keputusan"]).toMatchObject({ entrants: 0, wentOn: 0, stopped: 0, open: 0 });
    // The report's SQL restates stageEntrants' rule: they must agree on every stage after the first.
    for (const stage of config.stages.slice(1)) {
      const entrants = await stageEntrants(database.db, competitionId, config, stage.code);
      expect(byCode[stage.code].entrants, stage.code).toBe(entrants.length);
    }
  });

  it("tallies submitted proposals by category, group, agency type and province", async () => {
    const report = await competitionReport(database.db, { id: competitionId, config });
    const tally = <K,>(rows: { key: K; submitted: number; passed: number }[]) =>
      Object.fromEntries(rows.filter((r) => r.submitted).map((r) => [String(r.key), [r.submitted, r.passed]]));
    expect(tally(report.byCategory)).toEqual({ kesehatan: [4, 3], pendidikan: [2, 2], "tata-kelola": [1, 0] });
    expect(report.byCategory.map((r) => r.key)).toEqual(config.categories.map((c) => c.code));
    expect(tally(report.byGroup)).toEqual({ umum: [5, 4], replikasi: [1, 0], khusus: [1, 1] });
    expect(tally(report.byAgencyType)).toEqual({ kementerian: [2, 2], bumn: [1, 0], bumd: [2, 1], kota: [1, 1], provinsi: [1, 1] });
    expect(report.byAgencyType).toHaveLength(7);
    expect(tally(report.byProvince)).toEqual({ "33": [2, 1], "51": [1, 1], "61": [1, 1], null: [3, 2] });
    // Every province is listed, with its name, then the national agencies last.
    expect(report.byProvince).toHaveLength(Object.keys(provinceName).length + 1);
    expect(report.byProvince.find((r) => r.key === "51")?.name).toBe(provinceName["51"]);
    expect(report.byProvince.at(-1)?.key).toBeNull();
    expect([report.submitted, report.passed]).toEqual([7, 5]);
  });
});

describe("the page", () => {
  it("shows every table with a caption, headers and download links, and is linked from the edition", async () => {
    const res = await admin.get(BASE);
    expect(res.status).toBe(200);
    const html = await text(res);
    for (const caption of ["Proposal di setiap tahap", "menurut kategori", "menurut kelompok", "menurut jenis instansi", "menurut provinsi"]) {
      expect(html).toMatch(new RegExp(`<caption>[^<]*${caption}`));
    }
    expect(html).toContain('<th scope="col" class="num">Peserta</th>');
    expect(html).toContain('<th scope="row">Pendaftaran proposal</th>');
    expect(html).toContain("Instansi pusat (kementerian, lembaga, BUMN)");
    expect(html).toContain(`<th scope="row">${provinceName["51"]}</th>`);
    expect(html).toContain("4 proposal belum dikirim: 2 masih di unit, 1 diperiksa Admin Lokal, 1 menunggu pengesahan");
    for (const table of ["stage", "category", "group", "agencyType", "province"]) {
      expect(html).toContain(`href="${BASE}/unduh?tabel=${table}&amp;format=csv"`);
      expect(html).toContain(`href="${BASE}/unduh?tabel=${table}&amp;format=xlsx"`);
    }
    expect(html).toContain(`href="${BASE}?tahap=evaluasi"`);
    // Downloads and navigation stay off paper.
    expect(html).toMatch(/<p class="report-downloads no-print">/);

    const edition = await text(await admin.get(`/kelola/kompetisi/${SLUG}`));
    expect(edition).toContain(`href="${BASE}"`);
  });

  it("prints the plenary sheet of a scored stage; a stage without a plenary is not found", async () => {
    const html = await text(await admin.get(`${BASE}?tahap=evaluasi`));
    expect(html).toContain("Lembar pleno Evaluasi proposal (Tim Evaluasi)");
    // On the page the title is text as typed: HTML-escaped, and no apostrophe (that is for CSV).
    expect(html).toContain("=HYPERLINK(&quot;http://contoh.id&quot;,&quot;klik&quot;)");
    expect(html).toContain('role="region"');
    expect(html).toContain("Bukti dukung tidak sah");
    expect((await admin.get(`${BASE}?tahap=registrasi`)).status).toBe(404);
    expect((await admin.get(`${BASE}?tahap=tidak-ada`)).status).toBe(404);
    expect((await admin.get(`${BASE}?tahap=%27%22%3Cscript%3E&dasar=x`)).status).toBe(404);
  });

  it("is for the secretariat only", async () => {
    for (const path of [BASE, `${BASE}?tahap=evaluasi`, `${BASE}/unduh?tabel=stage&format=csv`]) {
      expect((await agencyAdmin.get(path)).status, path).toBe(403);
      expect((await evaluator.get(path)).status, path).toBe(403);
      expect((await anonymous.get(path)).status, path).toBe(401);
    }
    expect((await admin.get("/kelola/kompetisi/tidak-ada/laporan")).status).toBe(404);
    expect((await admin.get("/kelola/kompetisi/tidak-ada/laporan/unduh?tabel=stage&format=csv")).status).toBe(404);
  });
});

describe("the downloads", () => {
  it("gives each count table as CSV with the reader's headers", async () => {
    const res = await download(admin, "tabel=stage&format=csv");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="laporan-${SLUG}-tahap.csv"`);
    const rows = await csvRows(res);
    expect(rows[0]).toEqual(["Tahap", "Jenis tahap", "Peserta", "Lanjut", "Tidak lanjut", "Belum diputus"]);
    expect(rows[1]).toEqual(["Pendaftaran proposal", "Pendaftaran", "12", "7", "1", "4"]);
    expect(rows[3]).toEqual(["Evaluasi proposal (Tim Evaluasi)", "Penilaian", "5", "2", "1", "2"]);
    expect(rows).toHaveLength(1 + config.stages.length);

    const types = await csvRows(await download(admin, "tabel=agencyType&format=csv"));
    expect(types[0]).toEqual(["Jenis instansi", "Dikirim", "Lolos seleksi administrasi"]);
    expect(types).toContainEqual(["Kementerian", "2", "2"]);
    expect(types).toContainEqual(["Lembaga", "0", "0"]);
    // No total row in files: a spreadsheet sums for itself.
    expect(types).toHaveLength(8);

    const provinces = await csvRows(await download(admin, "tabel=province&format=csv"));
    expect(provinces.at(-1)).toEqual(["Instansi pusat (kementerian, lembaga, BUMN)", "3", "2"]);
    expect(provinces).toContainEqual([provinceName["33"], "2", "1"]);

    const en = await download(adminEn, "tabel=group&format=csv");
    const enRows = await csvRows(en);
    expect(enRows[0]).toEqual(["Group", "Submitted", "Passed administrative screening"]);
    expect(enRows).toContainEqual(["Kelompok Umum", "5", "4"]);
  });

  it("gives the plenary sheet with a formula-like title neutralised in CSV", async () => {
    const res = await download(admin, "tabel=plenary&format=csv&tahap=evaluasi");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="laporan-${SLUG}-pleno-evaluasi.csv"`);
    const rows = await csvRows(res);
    expect(rows[0]).toEqual([
      "Peringkat", "Nomor tanda terima", "Judul", "Instansi", "Jenis instansi", "Kategori", "Kelompok", "Penilaian", "Nilai", "Nilai dinormalkan",
      "Nilai juri terendah", "Nilai juri tertinggi", "Juri berbeda pendapat", "Usulan aturan", "Keputusan pleno", "Alasan keputusan",
    ]);
    expect(rows[1].slice(0, 4)).toEqual(["1", "KIPP-LAPORAN-1", `'${FORMULA_TITLE}`, "Kementerian Uji Laporan"]);
    expect(rows[1].slice(7, 9)).toEqual(["2", "100"]);
    expect(rows[1].slice(12, 15)).toEqual(["Tidak", "Lanjut (peringkat)", "Lanjut"]);
    expect(rows[2].slice(0, 3)).toEqual(["2", "KIPP-LAPORAN-2", "Inovasi p2"]);
    expect(rows[2].slice(8, 13)).toEqual(["50", rows[2][9], "0", "100", "Ya"]);
    expect(rows[2][14]).toBe("");
    const unscored = rows.find((r) => r[2] === "Inovasi p6")!;
    expect(unscored.slice(12)).toEqual(["", "Belum dinilai", "Tidak lanjut", "Bukti dukung tidak sah"]);
    expect(unscored[0]).toBe("");
    expect(rows).toHaveLength(6);
  });

  it("gives the same rows as a real XLSX workbook, typed cells and no apostrophes", async () => {
    const csv = await csvRows(await download(admin, "tabel=category&format=csv"));
    const res = await download(admin, "tabel=category&format=xlsx");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="laporan-${SLUG}-kategori.xlsx"`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const sheet = await readSheet(bytes);
    expect(sheet.map((r) => r.map((v) => String(v ?? "")))).toEqual(csv);
    expect(sheet[1]).toEqual(["Kesehatan", 4, 3]);

    const plenary = await readSheet(Buffer.from(await (await download(admin, "tabel=plenary&format=xlsx&tahap=evaluasi")).arrayBuffer()));
    expect(plenary[1].slice(0, 3)).toEqual([1, "KIPP-LAPORAN-1", FORMULA_TITLE]);
    expect(plenary[1][8]).toBe(100);
  });

  it("answers bad parameters with a 400 in plain text, never a 500", async () => {
    const bad = [
      "",
      "tabel=foo&format=csv",
      "tabel=stage&format=pdf",
      "format=csv",
      "tabel=stage",
      "tabel=plenary&format=csv",
      "tabel=plenary&format=csv&tahap=registrasi",
      "tabel=plenary&format=xlsx&tahap=tidak-ada",
      "tabel=plenary&format=csv&tahap=evaluasi&dasar=x",
      "tabel=stage&tabel=group&format=csv",
      `tabel=plenary&format=csv&tahap=${"a".repeat(5000)}`,
    ];
    for (const q of bad) {
      const res = await download(admin, q);
      expect(res.status, q).toBe(400);
      expect(res.headers.get("content-type"), q).toBe("text/plain; charset=utf-8");
    }
    // A NUL in the query is refused before the route (still a 400).
    expect((await download(admin, "tabel=%00&format=%27")).status).toBe(400);
    const body = await (await download(admin, "tabel=foo&format=csv")).text();
    expect(body).toContain("stage, category, group, agencyType, province, plenary");
    expect(await (await download(admin, "tabel=plenary&format=csv&tahap=registrasi")).text()).toContain("evaluasi, penilaian-tpi");
    expect(await (await download(adminEn, "tabel=stage&format=pdf")).text()).toContain("The format parameter must be csv or xlsx.");
  });

  it("ranks by normalised scores when asked and the edition computes them", async () => {
    const html = await text(await admin.get(`${BASE}?tahap=evaluasi&dasar=normal`));
    expect(html).toContain("Peringkat menurut nilai dinormalkan.");
    expect(html).toContain(`href="${BASE}/unduh?tabel=plenary&amp;format=csv&amp;tahap=evaluasi&amp;dasar=normal"`);
    const rows = await csvRows(await download(admin, "tabel=plenary&format=csv&tahap=evaluasi&dasar=normal"));
    expect(rows).toHaveLength(6);
    expect(rows[1][2]).toBe(`'${FORMULA_TITLE}`);
  });
});
