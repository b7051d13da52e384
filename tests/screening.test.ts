// The secretariat's administrative screening through the app: the similarity report finds a
// copied proposal and a pasted register text (never a proposal's own innovation), names the
// passages, flags identical titles; decisions need a reason to fail, work in bulk, and reach
// the applicant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { outbox, proposalFiles, proposals, proposalSections, similarityMatches, similarityRuns } from "../app/db/schema";
import { similarityJob, startSimilarityRun } from "../app/modules/screening/run-similarity.server";
import { startJobs } from "../app/db/jobs.server";
import { AppError } from "../app/lib/errors";

const ORIGINAL =
  "Kader posyandu di setiap desa mendata ibu hamil setiap bulan lalu mengajak mereka ke kelas memasak bergizi yang diadakan di balai desa. " +
  "Bidan desa memeriksa tekanan darah dan berat badan, sementara petugas gizi mengajarkan cara mengolah daun kelor, ikan lele dan telur ayam kampung menjadi menu murah. " +
  "Setelah enam bulan berjalan, jumlah ibu hamil dengan kekurangan energi kronis turun dari empat puluh dua menjadi sembilan belas orang di tiga kecamatan percontohan.";
const UNRELATED =
  "Warga melaporkan jalan rusak melalui pesan singkat yang langsung diteruskan ke dinas pekerjaan umum. Setiap laporan diberi nomor dan dapat dilacak sampai perbaikan selesai. " +
  "Dalam setahun, waktu perbaikan lubang jalan turun dari tiga minggu menjadi lima hari kerja dan laporan warga naik tiga kali lipat.";

let database: Database;
let admin: Client;
let competitionId = 0;
const ids: Record<string, number> = {};
let adminUser: Awaited<ReturnType<typeof createTestUser>>;
let authorEmail = "";
let queueOfTheApp: { stop: () => Promise<void> };

beforeAll(async () => {
  database = await openTestDatabase();
  const started = await testClient(database);
  const { newClient } = started;
  queueOfTheApp = started.jobs;
  const db = database.db;
  adminUser = await createTestUser(db, { role: "national_admin" });
  admin = newClient();
  await admin.login(adminUser.email, adminUser.password);
  const competition = await createCompetition(db, { slug: "kipp-seleksi", state: "announced", registrationClosesInDays: 3 });
  competitionId = competition.id;

  const a = await createAgency(db, { name: "BUMD Asal" });
  const b = await createAgency(db, { name: "BUMD Peniru" });
  const c = await createAgency(db, { name: "BUMD Lain" });
  const author = await createTestUser(db, { role: "unit_operator", agencyId: a.id });
  authorEmail = author.email;
  // A register entry of a fourth agency whose text a proposal pasted.
  const registerText = "Mobil keliling perpustakaan mendatangi sekolah dasar di pelosok setiap pekan dan meminjamkan buku cerita bergambar kepada murid. Guru mencatat buku yang dibaca setiap anak sehingga minat baca dapat dipantau dari bulan ke bulan.";
  const pasted = await createInnovation(db, { name: "Perpustakaan Keliling Pelosok", summary: registerText });

  const submit = async (agencyId: number, name: string, title: string, text: string, createdBy?: number) => {
    const innovation = await createInnovation(db, { agencyId, name, summary: text });
    const [p] = await db
      .insert(proposals)
      .values({ competitionId, innovationId: innovation.id, agencyId, groupCode: "umum", categoryCode: "kesehatan", title, state: "submitted", receiptNumber: `KIPP-SELEKSI-${name}`, submittedAt: new Date(), createdBy })
      .returning();
    await db.insert(proposalSections).values({ proposalId: p.id, sectionCode: "signifikansi", body: text });
    return p.id;
  };
  ids.original = await submit(a.id, "asli", "Kelas Gizi Ibu Hamil", ORIGINAL, author.id);
  ids.copy = await submit(b.id, "tiruan", "Dapur Sehat Bunda", ORIGINAL.replace("tiga kecamatan", "dua kecamatan").replace("Bidan desa", "Bidan puskesmas"));
  ids.pasted = await submit(c.id, "tempel", "Pojok Baca Desa", `Program ini dimulai tahun lalu. ${registerText} Kami juga melatih relawan.`);
  ids.sameTitle = await submit(c.id, "judul", "Kelas Gizi Ibu Hamil", UNRELATED);
  ids.pastedInnovation = pasted.id;
});
afterAll(async () => database?.close());

/** The edition's latest run once it has left "running" (the queue polls every half second). */
async function settled() {
  for (let i = 0; i < 120; i++) {
    const [run] = await database.db.select().from(similarityRuns).where(eq(similarityRuns.competitionId, competitionId)).orderBy(desc(similarityRuns.id)).limit(1);
    if (run && run.state !== "running") return run;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the similarity run did not finish within 30 s");
}

/** A page's HTML without React's text separators, as a reader sees the words. */
const page = async (path: string) => (await (await admin.get(path)).text()).replaceAll("<!-- -->", "");

describe("the similarity report", () => {
  it("flags a copied proposal and a pasted register text with their passages, and identical titles", async () => {
    // Started from the page, worked by the job queue.
    const started = await admin.post("/kelola/kompetisi/kipp-seleksi/seleksi", { _intent: "similarity" });
    expect(started.status).toBe(302);
    const run = await settled();
    expect(run.state).toBe("done");
    expect(run.proposals).toBe(4);

    const list = await page("/kelola/kompetisi/kipp-seleksi/seleksi?mirip=1");
    expect(list).toContain("Dapur Sehat Bunda");
    expect(list).toContain("Pojok Baca Desa");
    expect(list).toContain("judul sama (1)");

    const copy = await page(`/kelola/kompetisi/kipp-seleksi/seleksi/${ids.copy}`);
    expect(copy).toMatch(/Proposal: Kelas Gizi Ibu Hamil \(BUMD Asal\) · \d+% mirip/);
    expect(copy).toContain("mengajarkan cara mengolah daun kelor");

    const pasted = await page(`/kelola/kompetisi/kipp-seleksi/seleksi/${ids.pasted}`);
    expect(pasted).toMatch(/Inovasi di register: Perpustakaan Keliling Pelosok \(.*\) · \d+% mirip/);
    // Its own register entry (written by the same agency, same words) does not count.
    expect(pasted).not.toContain("Inovasi di register: tempel");

    const unrelated = await page(`/kelola/kompetisi/kipp-seleksi/seleksi/${ids.sameTitle}`);
    expect(unrelated).toContain("Judulnya sama");
    expect(unrelated).not.toMatch(/\d+% mirip/);
  });
});

describe("the similarity run as a job", () => {
  it("waits in the queue while no server process works it, and runs when one starts", async () => {
    // No process works the queue: the run is queued and stays running.
    await queueOfTheApp.stop();
    const sender = await startJobs(database, {});
    const actor = { kind: "user" as const, id: adminUser.id, name: "Admin", email: adminUser.email, role: "national_admin" as const, agencyId: null, unitId: null };
    const { id } = await startSimilarityRun(database.db, sender, actor, competitionId);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await database.db.select().from(similarityRuns).where(eq(similarityRuns.id, id)))[0].state).toBe("running");
    // A second start is refused while it is queued.
    await expect(startSimilarityRun(database.db, sender, actor, competitionId)).rejects.toThrow(AppError);
    await sender.stop();

    const worker = await startJobs(database, { similarity: similarityJob(database.db) }, { pollSeconds: 0.5 });
    try {
      const run = await settled();
      expect(run.id).toBe(id);
      expect(run.state).toBe("done");
      // A retry (after a lost process) starts afresh: the same matches, not twice as many.
      const count = async () => (await database.db.select().from(similarityMatches).where(eq(similarityMatches.runId, id))).length;
      const first = await count();
      expect(first).toBeGreaterThan(0);
      await similarityJob(database.db).handle({ runId: id, competitionId });
      expect(await count()).toBe(first);
    } finally {
      await worker.stop();
    }
  });
});

describe("decisions", () => {
  it("needs a reason to fail; the applicant sees the result and is told", async () => {
    const bare = await admin.post("/kelola/kompetisi/kipp-seleksi/seleksi", { _intent: "failed", "ids[]": [String(ids.copy)] });
    expect(bare.status).toBe(400);
    expect(await bare.text()).toContain("Tulis alasan agar pengusul tahu mengapa proposalnya tidak lolos.");

    const failed = await admin.post("/kelola/kompetisi/kipp-seleksi/seleksi", { _intent: "failed", "ids[]": [String(ids.copy)], reason: "Isi sama dengan proposal lain." });
    expect(failed.status).toBe(302);
    const passed = await admin.post("/kelola/kompetisi/kipp-seleksi/seleksi", { _intent: "passed", "ids[]": [String(ids.original), String(ids.sameTitle)] });
    expect(passed.status).toBe(302);
    expect(passed.headers.get("location")).toContain("n=2");

    const rows = await database.db.select().from(proposals).where(eq(proposals.competitionId, competitionId));
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(ids.copy)).toMatchObject({ screening: "failed", screeningReason: "Isi sama dengan proposal lain." });
    expect(byId.get(ids.original)?.screening).toBe("passed");
    expect(byId.get(ids.pasted)?.screening).toBe("pending");
    expect((await database.db.select().from(outbox).where(eq(outbox.toAddress, authorEmail))).map((m) => m.kind)).toContain("screening-passed");
  });

  it("keeps a checklist per proposal", async () => {
    const res = await admin.post(`/kelola/kompetisi/kipp-seleksi/seleksi/${ids.pasted}`, { "checks[]": ["usia", "lengkap"], result: "failed", reason: "Teks disalin dari inovasi lain." });
    expect(res.status).toBe(302);
    const [p] = await database.db.select().from(proposals).where(eq(proposals.id, ids.pasted));
    expect(p.screeningChecklist).toEqual({ usia: true, lengkap: true, sungguh: false, "judul-unik": false, "bukti-sah": false });
    expect(p.screening).toBe("failed");
  });

  it("shows what the checklist asks to verify: every file, link and declaration, and the whole proposal", async () => {
    const db = database.db;
    const [file] = await db
      .insert(proposalFiles)
      .values({ proposalId: ids.original, slot: "signifikansi", filename: "data-gizi-2024.pdf", mime: "application/pdf", size: 4, sha256: "x", data: new Uint8Array([37, 80, 68, 70]) })
      .returning();
    await db.update(proposals).set({ links: { video: "https://video.example.id/kelas-gizi" }, declarations: ["kebenaran-data"] }).where(eq(proposals.id, ids.original));
    const html = await page(`/kelola/kompetisi/kipp-seleksi/seleksi/${ids.original}`);
    expect(html).toContain(`href="/kelola/proposal/${ids.original}"`);
    expect(html).toContain("Lampiran dan bukti dukung");
    expect(html).toContain(`<a href="/kelola/proposal/${ids.original}/berkas/${file.id}">data-gizi-2024.pdf</a>`);
    expect(html).toContain("https://video.example.id/kelas-gizi");
    expect(html).toContain("Dicentang");
    expect((await admin.get(`/kelola/proposal/${ids.original}/berkas/${file.id}`)).status).toBe(200);
  });

  it("screens only submitted proposals of the edition", async () => {
    const [draft] = await database.db
      .insert(proposals)
      .values({ competitionId, innovationId: ids.pastedInnovation, agencyId: (await createAgency(database.db)).id, groupCode: "umum", categoryCode: "kesehatan", title: "Draf" })
      .returning();
    const res = await admin.post("/kelola/kompetisi/kipp-seleksi/seleksi", { _intent: "passed", "ids[]": [String(draft.id)] });
    expect(res.status).toBe(409);
  });
});
