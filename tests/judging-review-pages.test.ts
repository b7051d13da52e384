// The judges' side of scoring through the app: each judge sees only their own assignments, a
// submission needs every score and reason (typed values are kept on refusal), a submitted
// review locks, other judges' scores show only after submitting, a closed stage refuses a
// save (a reopened review is editable again), a declared conflict withdraws the assignment,
// and only an assigned judge downloads the proposal's files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { assignments, competitionJudges, competitions, conflicts, proposalFiles, proposals, proposalSections, reviews } from "../app/db/schema";
import type { CompetitionConfig, Criterion } from "../app/modules/competitions/config";
import { competitionById } from "../app/modules/competitions/queries.server";
import { reopenReview } from "../app/modules/judging/reviews.server";
import type { Actor } from "../app/lib/policy";

const DAY = 86_400_000;
const SLUG = "kipp-nilai";
const STAGE = "evaluasi";
const PDF = new TextEncoder().encode("%PDF-1.4\n% uji\n");

let database: Database;
let competitionId = 0;
let criteria: Criterion[] = [];
const ids: Record<string, number> = {};
const clients: Record<string, Client> = {};
let fileId = 0;
let admin: Actor;

/** Move the evaluation stage so that it is open now, or closed `-closesInMs` ago. */
async function setStageWindow(closesInMs: number) {
  const c = (await competitionById(database.db, competitionId))!;
  const config: CompetitionConfig = structuredClone(c.config);
  const s = config.stages.find((x) => x.code === STAGE)!;
  s.opensAt = new Date(Date.now() - 10 * DAY).toISOString();
  s.closesAt = new Date(Date.now() + closesInMs).toISOString();
  config.scoring.revealAfterSubmit = true;
  await database.db.update(competitions).set({ config }).where(eq(competitions.id, competitionId));
  criteria = s.criteria;
}

/** A page's HTML without React's text separators, as a reader sees the words. */
const html = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "");
const reviewPath = (proposalId: number) => `/kelola/penilaian/${SLUG}/${STAGE}/${proposalId}`;

/** Every criterion scored and reasoned, as the form sends it. */
function fullForm(score: number, reason: string) {
  const form: Record<string, string> = { version: "0", comment: "Bukti dukung lengkap dan rapi." };
  for (const c of criteria) {
    form[`score.${c.code}`] = String(score);
    form[`why.${c.code}`] = `${reason} (${c.code})`;
  }
  return form;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  const competition = await createCompetition(db, { slug: SLUG, state: "announced", registrationClosesInDays: -20 });
  competitionId = competition.id;
  await setStageWindow(10 * DAY);

  const agency = await createAgency(db, { name: "Dinas Kesehatan Uji Nilai" });
  for (const key of ["sehat", "jalan"]) {
    const innovation = await createInnovation(db, { agencyId: agency.id, name: `Inovasi ${key}` });
    const [p] = await db
      .insert(proposals)
      .values({ competitionId, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${key}`, state: "submitted", receiptNumber: `KIPP-NILAI-${key}`, submittedAt: new Date(), screening: "passed", links: { video: "https://video.example.org/uji" } })
      .returning();
    ids[key] = p.id;
    await db.insert(proposalSections).values({ proposalId: p.id, sectionCode: "signifikansi", body: `Angka kematian ibu turun di wilayah ${key}.` });
  }
  [{ id: fileId }] = await db
    .insert(proposalFiles)
    .values({ proposalId: ids.sehat, slot: "signifikansi", filename: "laporan-evaluasi.pdf", mime: "application/pdf", size: PDF.length, sha256: "a".repeat(64), data: PDF })
    .returning({ id: proposalFiles.id });

  const secretariat = await createTestUser(db, { role: "national_admin" });
  admin = { kind: "user", id: secretariat.id, name: secretariat.name, email: secretariat.email, role: "national_admin", agencyId: null, unitId: null };
  const users = {
    a: await createTestUser(db, { role: "evaluator" }),
    b: await createTestUser(db, { role: "evaluator" }),
    stranger: await createTestUser(db, { role: "evaluator" }),
    operator: await createTestUser(db, { role: "unit_operator", agencyId: (await createAgency(db)).id }),
  };
  for (const [key, u] of Object.entries(users)) {
    clients[key] = newClient();
    await clients[key].login(u.email, u.password);
    ids[key] = u.id;
  }
  await db.insert(competitionJudges).values([users.a, users.b, users.stranger].map((u) => ({ competitionId, userId: u.id })));
  // A and B judge "sehat"; A alone judges "jalan"; the stranger judges nothing.
  await db.insert(assignments).values([
    { competitionId, stageCode: STAGE, proposalId: ids.sehat, judgeId: users.a.id },
    { competitionId, stageCode: STAGE, proposalId: ids.sehat, judgeId: users.b.id },
    { competitionId, stageCode: STAGE, proposalId: ids.jalan, judgeId: users.a.id },
  ]);
});
afterAll(async () => database?.close());

describe("the judge's worklist", () => {
  it("lists only the judge's own assignments, with the stage's close in the reader's zone", async () => {
    const mine = await html(await clients.a.get("/kelola/penilaian"));
    expect(mine).toContain("Proposal sehat");
    expect(mine).toContain("Proposal jalan");
    expect(mine).toContain("KIPP-NILAI-sehat");
    expect(mine).toContain("Belum dimulai");
    expect(mine).toMatch(/Ditutup: .* WIB/);
    expect(mine).toContain(`href="${reviewPath(ids.sehat)}"`);
    expect(mine).toContain('href="/kelola/penilaian"');

    const b = await html(await clients.b.get("/kelola/penilaian"));
    expect(b).toContain("Proposal sehat");
    expect(b).not.toContain("Proposal jalan");
    const stranger = await html(await clients.stranger.get("/kelola/penilaian"));
    expect(stranger).not.toContain("Proposal sehat");
    expect(stranger).toContain("Belum ada proposal yang ditugaskan kepada Anda.");

    expect((await clients.operator.get("/kelola/penilaian")).status).toBe(403);
  });

  it("shows the proposal, the rubric beside each score and a link to the criterion's section", async () => {
    const res = await clients.a.get(reviewPath(ids.sehat));
    expect(res.status).toBe(200);
    const page = await html(res);
    expect(page).toContain("Angka kematian ibu turun di wilayah sehat.");
    expect(page).toContain(`href="/kelola/proposal/${ids.sehat}/berkas/${fileId}"`);
    expect(page).toContain('href="https://video.example.org/uji"');
    const c = criteria[0];
    expect(page).toContain(`${c.name} · bobot ${c.weight}% · skala ${c.scaleMin}–${c.scaleMax}`);
    expect(page).toContain(`${c.rubric[0].min}–${c.rubric[0].max}: ${c.rubric[0].description}`);
    expect(page).toContain(`name="score.${c.code}"`);
    expect(page).toContain(`href="#bagian-${c.section}"`);
    expect(page).toContain('id="bagian-signifikansi"');
  });

  it("answers 404 to a judge on someone else's review page", async () => {
    expect((await clients.stranger.get(reviewPath(ids.sehat))).status).toBe(404);
    expect((await clients.b.get(reviewPath(ids.jalan))).status).toBe(404);
    expect((await clients.stranger.post(reviewPath(ids.sehat), { ...fullForm(7, "Tidak berhak"), _intent: "submit" })).status).toBe(404);
    expect(await database.db.select().from(reviews).where(eq(reviews.judgeId, ids.stranger))).toEqual([]);
  });
});

describe("scoring", () => {
  it("refuses a submission without reasons, naming the fields and keeping what was typed", async () => {
    const form: Record<string, string> = { _intent: "submit", version: "0", comment: "Catatan yang diketik juri." };
    for (const c of criteria) form[`score.${c.code}`] = "7";
    const res = await clients.a.post(reviewPath(ids.sehat), form);
    expect(res.status).toBe(400);
    const page = await html(res);
    for (const c of criteria) {
      expect(page).toContain(`href="#f-why-${c.code}"`);
      expect(page).toContain(`Alasan ${c.name}: Tuliskan alasan nilai ini.`);
    }
    expect(page).toMatch(new RegExp(`name="score\\.${criteria[0].code}"[^>]*value="7"`));
    expect(page).toContain("Catatan yang diketik juri.");
    expect(await database.db.select().from(reviews).where(eq(reviews.judgeId, ids.a))).toEqual([]);
  });

  it("locks the page after a full submission; other judges' scores show only after one's own", async () => {
    const submitted = await clients.a.post(reviewPath(ids.sehat), { ...fullForm(8, "Alasan juri A yang unik"), _intent: "submit" });
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("location")).toBe(`${reviewPath(ids.sehat)}?pesan=dikirim`);
    const locked = await html(await clients.a.get(`${reviewPath(ids.sehat)}?pesan=dikirim`));
    expect(locked).toContain("Penilaian terkirim.");
    expect(locked).toMatch(/Penilaian Anda sudah dikirim pada .* WIB dan terkunci\./);
    expect(locked).not.toContain('name="score.');
    expect(locked).toContain(`Alasan juri A yang unik (${criteria[0].code})`);
    // A second submission is refused.
    const again = await clients.a.post(reviewPath(ids.sehat), { ...fullForm(9, "Ubah"), _intent: "submit" });
    expect(again.status).toBe(409);
    expect(await html(again)).toContain("Penilaian sudah dikirim dan terkunci.");
    // No other judge has submitted: A sees none.
    expect(locked).toContain("Belum ada juri lain yang mengirim penilaian.");

    // B, before submitting, sees nothing of A.
    const before = await html(await clients.b.get(reviewPath(ids.sehat)));
    expect(before).not.toContain("Juri 1");
    expect(before).not.toContain("Alasan juri A yang unik");
    expect(before).toContain("Penilaian juri lain terlihat setelah Anda mengirim penilaian sendiri.");
    // A draft first (partial, no reasons), then the submission.
    const draft = await clients.b.post(reviewPath(ids.sehat), { _intent: "save", version: "0", [`score.${criteria[0].code}`]: "6" });
    expect(draft.status).toBe(302);
    const [row] = await database.db.select().from(reviews).where(eq(reviews.judgeId, ids.b));
    expect(row).toMatchObject({ state: "draft", scores: { [criteria[0].code]: 6 } });
    expect(await html(await clients.b.get(reviewPath(ids.sehat)))).not.toContain("Juri 1");
    const done = await clients.b.post(reviewPath(ids.sehat), { ...fullForm(6, "Alasan juri B"), version: String(row.version), _intent: "submit" });
    expect(done.status).toBe(302);
    const after = await html(await clients.b.get(reviewPath(ids.sehat)));
    expect(after).toContain("Juri 1");
    expect(after).toContain(`Alasan juri A yang unik (${criteria[0].code})`);
  });

  it("refuses a save once the stage has closed", async () => {
    await setStageWindow(-1000);
    try {
      const page = await html(await clients.a.get(reviewPath(ids.jalan)));
      expect(page).toContain("Tahap ini sudah ditutup; penilaian tidak dapat diubah lagi.");
      expect(page).not.toContain('name="score.');
      const res = await clients.a.post(reviewPath(ids.jalan), { ...fullForm(5, "Terlambat"), _intent: "save" });
      expect(res.status).toBe(409);
      expect(await html(res)).toContain("Tahap ini sudah ditutup; nilai tidak dapat diubah lagi.");
      const rows = await database.db.select().from(reviews).where(and(eq(reviews.judgeId, ids.a), eq(reviews.proposalId, ids.jalan)));
      expect(rows).toEqual([]);

      // A review the secretariat reopens is editable again after the close, until resubmitted.
      const [mine] = await database.db.select().from(reviews).where(and(eq(reviews.judgeId, ids.a), eq(reviews.proposalId, ids.sehat)));
      await reopenReview(database.db, admin, competitionId, mine.id, "Salah ketik pada satu nilai.");
      const reopened = await html(await clients.a.get(reviewPath(ids.sehat)));
      expect(reopened).toContain("Sekretariat membuka kembali penilaian Anda.");
      expect(reopened).toContain('name="score.');
      const redone = await clients.a.post(reviewPath(ids.sehat), { ...fullForm(9, "Alasan juri A yang unik"), version: String(mine.version), _intent: "submit" });
      expect(redone.status).toBe(302);
      const [after] = await database.db.select().from(reviews).where(eq(reviews.id, mine.id));
      expect(after).toMatchObject({ state: "submitted", reopenedAt: null, scores: { [criteria[0].code]: 9 } });
    } finally {
      await setStageWindow(10 * DAY);
    }
  });
});

describe("conflicts of interest", () => {
  it("a declaration withdraws the assignment and says so on the worklist", async () => {
    const blank = await clients.a.post(reviewPath(ids.jalan), { _intent: "conflict", kind: "", note: "" });
    expect(blank.status).toBe(400);
    expect(await html(blank)).toContain('href="#f-kind"');

    const res = await clients.a.post(reviewPath(ids.jalan), { _intent: "conflict", kind: "family", note: "Sepupu saya di tim inovasi." });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/kelola/penilaian?pesan=konflik");
    const left = await database.db.select().from(assignments).where(and(eq(assignments.judgeId, ids.a), eq(assignments.proposalId, ids.jalan)));
    expect(left).toEqual([]);
    const [declared] = await database.db.select().from(conflicts).where(eq(conflicts.judgeId, ids.a));
    expect(declared).toMatchObject({ kind: "family", state: "pending", proposalId: ids.jalan });

    const list = await html(await clients.a.get("/kelola/penilaian?pesan=konflik"));
    expect(list).toContain("Konflik kepentingan Anda sudah dicatat.");
    expect(list).not.toContain("Proposal jalan");
    expect(list).toContain("Proposal sehat");
    expect((await clients.a.get(reviewPath(ids.jalan))).status).toBe(404);
  });
});

describe("the proposal's files", () => {
  it("an assigned judge downloads them; an unassigned judge cannot", async () => {
    const path = `/kelola/proposal/${ids.sehat}/berkas/${fileId}`;
    const ok = await clients.a.get(path);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("application/pdf");
    expect(new Uint8Array(await ok.arrayBuffer())).toEqual(PDF);
    // To a judge not assigned, the file is as if it did not exist.
    expect((await clients.stranger.get(path)).status).toBe(404);
    // A judge assigned elsewhere does not reach another proposal's file through its own id.
    expect((await clients.a.get(`/kelola/proposal/${ids.jalan}/berkas/${fileId}`)).status).toBe(404);
  });
});
