// Yearly check-ins ("is it still running?"): who answers, what an answer needs, what it changes
// (the status, the public page, the API), and the year's overview for an agency and the country.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { pageText, testClient, type Client } from "./app";
import { MINI_PDF, PNG_1PX, fileOf } from "./fixtures";
import type { Database } from "../app/db/client.server";
import { createAgency, createInnovation, createTestUser, createUnit } from "../app/db/factories.server";
import { innovationCheckIns, innovationFiles, innovationHistory, innovations, meta, outbox } from "../app/db/schema";
import { jakartaYear } from "../app/modules/compliance/year";
import { checkInOverview, dueCount } from "../app/modules/check-ins/queries.server";
import { sustainabilityOf } from "../app/modules/check-ins/sustainability";

let database: Database;
let newClient: () => Client;
const year = jakartaYear(new Date());
const LAST_YEAR = new Date(Date.UTC(year - 1, 5, 1));
const NOTE = "Tahun ini 1.240 warga dilayani lewat loket keliling di 12 desa.";
const ids = {} as Record<"agency" | "other" | "unitA" | "unitB" | "old" | "old2" | "stoppedEarlier" | "fresh" | "draft" | "foreign", number>;
const users = {} as Record<"admin" | "operatorA" | "operatorB" | "head" | "national" | "otherAdmin", { email: string; password: string }>;

beforeAll(async () => {
  database = await openTestDatabase();
  ({ newClient } = await testClient(database));
  const db = database.db;
  const agency = await createAgency(db, { name: "Pemerintah Kabupaten Pemutakhiran" });
  const other = await createAgency(db, { name: "Pemerintah Kota Lain" });
  const unitA = await createUnit(db, { agencyId: agency.id, name: "Dinas Kesehatan" });
  const unitB = await createUnit(db, { agencyId: agency.id, name: "Dinas Pekerjaan Umum" });
  Object.assign(ids, { agency: agency.id, other: other.id, unitA: unitA.id, unitB: unitB.id });
  ids.old = (await createInnovation(db, { agencyId: agency.id, unitId: unitA.id, name: "Posyandu Keliling", publishedAt: LAST_YEAR, startedOn: "2021-02-01" })).id;
  ids.old2 = (await createInnovation(db, { agencyId: agency.id, unitId: unitB.id, name: "Jalan Mulus", publishedAt: LAST_YEAR })).id;
  ids.stoppedEarlier = (await createInnovation(db, { agencyId: agency.id, unitId: unitB.id, name: "Jembatan Desa", publishedAt: LAST_YEAR, status: "berhenti" })).id;
  ids.fresh = (await createInnovation(db, { agencyId: agency.id, unitId: unitA.id, name: "Apotek Digital" })).id;
  ids.draft = (await createInnovation(db, { agencyId: agency.id, unitId: unitA.id, name: "Draf Belum Terbit", state: "draft" })).id;
  ids.foreign = (await createInnovation(db, { agencyId: other.id, name: "Inovasi Kota Lain", publishedAt: LAST_YEAR })).id;
  Object.assign(users, {
    admin: await createTestUser(db, { role: "agency_admin", agencyId: agency.id }),
    operatorA: await createTestUser(db, { role: "unit_operator", agencyId: agency.id, unitId: unitA.id }),
    operatorB: await createTestUser(db, { role: "unit_operator", agencyId: agency.id, unitId: unitB.id }),
    head: await createTestUser(db, { role: "agency_head", agencyId: agency.id }),
    national: await createTestUser(db, { role: "national_admin" }),
    otherAdmin: await createTestUser(db, { role: "agency_admin", agencyId: other.id }),
  });
});
afterAll(async () => database?.close());

async function as(who: keyof typeof users) {
  const c = newClient();
  await c.login(users[who].email, users[who].password);
  return c;
}

const answer = (c: Client, id: number, fields: Record<string, string | Blob>) => c.post(`/kelola/inovasi/${id}/pemutakhiran`, fields);
const checkInOf = async (id: number) => (await database.db.select().from(innovationCheckIns).where(eq(innovationCheckIns.innovationId, id)))[0];
const statusOf = async (id: number) => (await database.db.select({ status: innovations.status }).from(innovations).where(eq(innovations.id, id)))[0]!.status;

describe("answering a check-in", () => {
  it("refuses an answer without evidence, or with a note that says nothing, and names each field", async () => {
    const c = await as("operatorA");
    const res = await answer(c, ids.old, { outcome: "running", note: "Masih jalan." });
    expect(res.status).toBe(400);
    const html = await pageText(res);
    expect(html).toContain("Terlalu pendek (minimal 30 karakter)");
    expect(html).toContain("Masih jalan.");
    const bare = await answer(c, ids.old, { outcome: "running", note: NOTE });
    expect(bare.status).toBe(400);
    expect(await pageText(bare)).toContain("Lampirkan bukti bahwa inovasi masih berjalan");
    const none = await answer(c, ids.old, {});
    expect(await pageText(none)).toContain("Pilih apakah inovasi masih berjalan atau sudah berhenti");
    expect(await checkInOf(ids.old)).toBeUndefined();
  });

  it("keeps a file sent with a refused form, and stores it once the answer goes through", async () => {
    const c = await as("operatorA");
    const refused = await answer(c, ids.old, { outcome: "running", note: "Pendek.", evidenceFile: fileOf(MINI_PDF, "laporan-2026.pdf", "application/pdf") });
    expect(refused.status).toBe(400);
    const html = await pageText(refused);
    const token = /name="_held"[^>]*value="([\w-]{22})"/.exec(html)?.[1];
    expect(token, "the refused form holds the file").toBeTruthy();
    const ok = await answer(c, ids.old, { outcome: "running", note: NOTE, _held: token! });
    expect(ok.status).toBe(302);
    const row = await checkInOf(ids.old);
    expect(row).toMatchObject({ year, outcome: "running", note: NOTE, stoppedOn: null });
    const [file] = await database.db.select().from(innovationFiles).where(eq(innovationFiles.id, row!.evidenceFileId!));
    expect(file).toMatchObject({ innovationId: ids.old, kind: "evidence", filename: "laporan-2026.pdf", mime: "application/pdf" });
    const history = await database.db.select().from(innovationHistory).where(eq(innovationHistory.innovationId, ids.old));
    expect(history.map((h) => h.action)).toContain("checkedIn");
  });

  it("keeps the year's earlier file under the same answer only", async () => {
    const id = (await createInnovation(database.db, { agencyId: ids.agency, unitId: ids.unitA, name: "Posyandu Remaja", publishedAt: LAST_YEAR })).id;
    const c = await as("operatorA");
    expect((await answer(c, id, { outcome: "running", note: NOTE, evidenceFile: fileOf(MINI_PDF, "kegiatan.pdf", "application/pdf") })).status).toBe(302);
    const first = await checkInOf(id);
    expect(first!.evidenceFileId).not.toBeNull();
    // Answered again, still running, without a new file: the report stays.
    expect((await answer(c, id, { outcome: "running", note: `${NOTE} Diperbarui.` })).status).toBe(302);
    expect((await checkInOf(id))!.evidenceFileId).toBe(first!.evidenceFileId);
    // Then stopped: a report that it ran is no evidence that it stopped.
    expect((await answer(c, id, { outcome: "stopped", note: "Kader remaja pindah sekolah dan kegiatan tidak dilanjutkan.", stoppedOn: `${year}-01-03` })).status).toBe(302);
    expect((await checkInOf(id))!.evidenceFileId).toBeNull();
  });

  it("refuses a file that is not what it claims, by its bytes", async () => {
    const c = await as("admin");
    const res = await answer(c, ids.old2, { outcome: "running", note: NOTE, evidenceFile: fileOf(Buffer.from("bukan pdf sama sekali"), "palsu.pdf", "application/pdf") });
    expect(res.status).toBe(400);
    expect(await pageText(res)).toMatch(/palsu\.pdf/);
    expect(await checkInOf(ids.old2)).toBeUndefined();
  });

  it("keeps operators to their unit's innovations, agencies to their own, and drafts out", async () => {
    const fields = { outcome: "running", note: NOTE, evidenceUrl: "https://dinkes.example.go.id/laporan" };
    expect((await answer(await as("operatorB"), ids.old, fields)).status).toBe(403);
    expect((await answer(await as("otherAdmin"), ids.old, fields)).status).toBe(403);
    expect((await answer(await as("head"), ids.old, fields)).status).toBe(403);
    expect((await answer(await as("national"), ids.old, fields)).status).toBe(403);
    expect((await answer(await as("admin"), ids.draft, fields)).status).toBe(403);
    // The placed operator of another unit reads the page, and is told why there is no form.
    const page = await (await as("operatorB")).get(`/kelola/inovasi/${ids.old}/pemutakhiran`);
    expect(page.status).toBe(200);
    const html = await pageText(page);
    expect(html).not.toContain('name="outcome"');
  });

  it("stops an innovation: its status becomes berhenti; answering again the same year replaces the answer", async () => {
    const c = await as("operatorB");
    const future = `${year + 1}-01-05`;
    const bad = await answer(c, ids.old2, { outcome: "stopped", note: "Anggaran pemeliharaan tidak lagi tersedia sejak pertengahan tahun." , stoppedOn: future });
    expect(await pageText(bad)).toContain("Tanggal berhenti tidak boleh setelah hari ini");
    const noDate = await answer(c, ids.old2, { outcome: "stopped", note: "Anggaran pemeliharaan tidak lagi tersedia sejak pertengahan tahun." });
    expect(await pageText(noDate)).toContain("Isi tanggal inovasi berhenti");
    const beforeStart = await answer(c, ids.old2, { outcome: "stopped", note: "Anggaran pemeliharaan tidak lagi tersedia sejak pertengahan tahun.", stoppedOn: "2010-01-01" });
    expect(await pageText(beforeStart)).toContain("tidak boleh sebelum inovasi dimulai");
    const stopped = await answer(c, ids.old2, { outcome: "stopped", note: "Anggaran pemeliharaan tidak lagi tersedia sejak pertengahan tahun.", stoppedOn: `${year}-01-02` });
    expect(stopped.status).toBe(302);
    expect(await statusOf(ids.old2)).toBe("berhenti");
    // Running again, the same year: one answer, the status back to implementasi.
    const again = await answer(c, ids.old2, { outcome: "running", note: NOTE, evidenceUrl: "dpu.example.go.id/jalan-mulus" });
    expect(again.status).toBe(302);
    const rows = await database.db.select().from(innovationCheckIns).where(eq(innovationCheckIns.innovationId, ids.old2));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: "running", stoppedOn: null, evidenceUrl: "https://dpu.example.go.id/jalan-mulus" });
    expect(await statusOf(ids.old2)).toBe("implementasi");
  });
});

describe("what the public sees", () => {
  it("shows the answer and its evidence on the innovation's page and in the API, without who answered", async () => {
    const c = newClient();
    const [row] = await database.db.select({ slug: innovations.slug }).from(innovations).where(eq(innovations.id, ids.old));
    const html = await pageText(await c.get(`/inovasi/${row!.slug}`));
    expect(html).toContain(`Dipastikan masih berjalan oleh instansinya pada pemutakhiran ${year}`);
    expect(html).toContain(NOTE);
    expect(html).toContain("laporan-2026.pdf");
    const res = await c.get(`/api/v1/innovations/${ids.old}`);
    const body = (await res.json()) as { data: { checkIns: { year: number; outcome: string; note: string; evidenceFile: string | null }[] } };
    expect(body.data.checkIns).toHaveLength(1);
    expect(body.data.checkIns[0]).toMatchObject({ year, outcome: "running", note: NOTE });
    expect(body.data.checkIns[0]!.evidenceFile).toMatch(/\/berkas\/\d+$/);
    expect(JSON.stringify(body)).not.toContain("recordedBy");
    // Never answered since it was published last year: the page says so.
    const [never] = await database.db.select({ slug: innovations.slug }).from(innovations).where(eq(innovations.id, ids.foreign));
    expect(await pageText(await c.get(`/inovasi/${never!.slug}`))).toContain("belum pernah memutakhirkan");
  });

  it("words the latest answer by its age", () => {
    expect(sustainabilityOf([], "2026-03-01T00:00:00Z", 2026)).toBeNull();
    expect(sustainabilityOf([], "2025-03-01T00:00:00Z", 2026)).toEqual({ kind: "never", year: null });
    expect(sustainabilityOf([{ year: 2025, outcome: "running" }], null, 2026)).toEqual({ kind: "confirmed", year: 2025 });
    expect(sustainabilityOf([{ year: 2023, outcome: "running" }], null, 2026)).toEqual({ kind: "stale", year: 2023 });
    expect(sustainabilityOf([{ year: 2024, outcome: "stopped" }], null, 2026)).toEqual({ kind: "stopped", year: 2024 });
  });
});

describe("the year's overview", () => {
  it("tells due, answered, new and earlier-stopped innovations apart, per agency and per unit", async () => {
    const db = database.db;
    const all = await checkInOverview(db, { agencyId: ids.agency, unitId: null }, year, { page: 1, perPage: 50 });
    // Posyandu Remaja was answered "stopped" this year (the test above).
    expect(all.tally).toEqual({ due: 0, running: 2, stopped: 1, new: 1, stoppedEarlier: 1 });
    expect(all.rows.map((r) => r.id)).not.toContain(ids.draft);
    const unitA = await checkInOverview(db, { agencyId: ids.agency, unitId: ids.unitA }, year, { page: 1, perPage: 50 });
    expect(unitA.rows.map((r) => r.name).sort()).toEqual(["Apotek Digital", "Posyandu Keliling", "Posyandu Remaja"]);
    // Last year nobody answered: both older entries were due then.
    const last = await checkInOverview(db, { agencyId: ids.agency, unitId: null }, year - 1, { only: "due", page: 1, perPage: 50 });
    expect(last.rows.map((r) => r.id)).toEqual([]);
    expect(await dueCount(db, { agencyId: ids.other, unitId: null }, year)).toBe(1);
    // A year before any of them was published: none was asked about then.
    const before = await checkInOverview(db, { agencyId: ids.agency, unitId: null }, year - 2, { page: 1, perPage: 50 });
    expect(before.total).toBe(0);
  });

  it("reads a past year by that year's answers, not by today's status", async () => {
    const db = database.db;
    const agency = await createAgency(db, { name: "Pemerintah Kabupaten Riwayat" });
    const old = await createInnovation(db, { agencyId: agency.id, name: "Layanan Lama", publishedAt: new Date(Date.UTC(year - 4, 2, 1)), status: "berhenti" });
    await db.insert(innovationCheckIns).values({ innovationId: old.id, year: year - 2, outcome: "stopped", note: "Berhenti karena anggaran tidak tersedia lagi sejak awal tahun.", stoppedOn: `${year - 2}-03-01` });
    const tally = async (y: number) => (await checkInOverview(db, { agencyId: agency.id, unitId: null }, y, { page: 1, perPage: 10 })).tally;
    expect(await tally(year - 3)).toMatchObject({ due: 1, stoppedEarlier: 0 });
    expect(await tally(year - 2)).toMatchObject({ stopped: 1 });
    expect(await tally(year - 1)).toMatchObject({ due: 0, stoppedEarlier: 1 });
    expect(await tally(year)).toMatchObject({ due: 0, stoppedEarlier: 1 });
  });

  it("shows an agency its own list and the secretariat every agency", async () => {
    const own = await pageText(await (await as("head")).get("/kelola/pemutakhiran"));
    expect(own).toContain("Posyandu Keliling");
    expect(own).not.toContain("Inovasi Kota Lain");
    const unit = await pageText(await (await as("operatorA")).get("/kelola/pemutakhiran"));
    expect(unit).toContain("Apotek Digital");
    expect(unit).not.toContain("Jalan Mulus");
    const national = await pageText(await (await as("national")).get("/kelola/pemutakhiran"));
    expect(national).toContain("Pemerintah Kota Lain");
    expect(national).toContain(`/kelola/pemutakhiran?instansi=${ids.other}`);
    const one = await pageText(await (await as("national")).get(`/kelola/pemutakhiran?instansi=${ids.other}&tampil=belum`));
    expect(one).toContain("Inovasi Kota Lain");
    // The dashboard tells the other agency's Admin Lokal what waits.
    expect(await pageText(await (await as("otherAdmin")).get("/kelola"))).toContain(`1 inovasi belum dimutakhirkan untuk ${year}`);
    // Bad parameters fall back, never fail.
    for (const q of ["tahun=1900", "tahun=abc", "halaman=-1", "instansi=999999999999", "tampil=semua"]) {
      expect((await (await as("national")).get(`/kelola/pemutakhiran?${q}`)).status, q).toBe(200);
    }
  });

  it("lets the secretariat remind every agency with answers due, once a week", async () => {
    const before = await database.db.select().from(outbox);
    expect((await (await as("admin")).post("/kelola/pemutakhiran", {})).status).toBe(403);
    const c = await as("national");
    const res = await c.post("/kelola/pemutakhiran", {});
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/kelola/pemutakhiran?pesan=diingatkan");
    const mails = (await database.db.select().from(outbox)).filter((m) => !before.some((b) => b.id === m.id));
    // The other agency has one due (its Admin Lokal is told); this agency answered everything.
    expect(mails.map((m) => m.toAddress)).toEqual([users.otherAdmin.email]);
    expect(mails[0]!.subject).toContain(`Pemutakhiran ${year}: 1 inovasi belum dijawab`);
    const otherAdmin = await as("otherAdmin");
    expect(await pageText(await otherAdmin.get("/kelola/notifikasi"))).toContain(`Pemutakhiran ${year}: 1 inovasi belum dijawab`);
    const page = await pageText(await c.get("/kelola/pemutakhiran?pesan=diingatkan"));
    expect(page).toContain("Pengingat terakhir dikirim");
    // Again within the week: refused, saying when the last one went.
    const again = await c.post("/kelola/pemutakhiran", {});
    expect(again.status).toBe(409);
    expect(await pageText(again)).toContain("Pengingat sudah dikirim");
    expect((await database.db.select().from(outbox)).length).toBe(before.length + 1);
  });

  it("refuses evaluators and panelists", async () => {
    const evaluator = await createTestUser(database.db, { role: "evaluator" });
    const c = newClient();
    await c.login(evaluator.email, evaluator.password);
    expect((await c.get("/kelola/pemutakhiran")).status).toBe(403);
    void PNG_1PX;
  });
});

describe("the public page of the country's answers", () => {
  it("counts the year's standing by agency type and province, for anyone", async () => {
    const html = await pageText(await newClient().get("/keberlanjutan"));
    expect(html).toContain(`Keberlanjutan inovasi ${year}`);
    // Two answered running (this agency) out of three asked (the other agency's is due).
    expect(html).toContain("Dari 4 inovasi yang ditanyakan: 2 dipastikan masih berjalan, 1 berhenti, 1 belum dijawab.");
    expect(html).toContain("Selain itu 1 inovasi terbit tahun ini dan 2 sudah berhenti sebelumnya.");
    expect(html).toContain("Menurut provinsi");
    for (const q of ["tahun=abc", "tahun=1999", "tahun=99999999999999"]) expect((await newClient().get(`/keberlanjutan?${q}`)).status, q).toBe(200);
    const english = newClient();
    await english.post("/preferensi", { lang: "en" });
    expect(await pageText(await english.get(`/keberlanjutan?tahun=${year - 1}`))).toContain(`Innovations still running, ${year - 1}`);
  });
});

describe("a reminder to agencies with nobody in Lumbung", () => {
  it("counts them apart, so the secretariat reaches them another way", async () => {
    const lone = await createAgency(database.db, { name: "Pemerintah Kabupaten Tanpa Akun" });
    await createInnovation(database.db, { agencyId: lone.id, name: "Layanan Tanpa Penjawab", publishedAt: LAST_YEAR });
    // The week's limit is counted from the last reminder: this one is the first of a new week.
    await database.db.delete(meta).where(eq(meta.key, `check_in_reminder:${year}`));
    const c = await as("national");
    expect((await c.post("/kelola/pemutakhiran", {})).status).toBe(302);
    const page = await pageText(await c.get("/kelola/pemutakhiran?pesan=diingatkan"));
    expect(page).toContain("1 instansi lain juga belum menjawab, tetapi belum punya akun Admin Lokal atau operator di Lumbung");
  });
});
