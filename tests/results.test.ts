// The results, end to end through the app: tiers from the plenary decisions, provisional
// results seen only by the agencies that took part, objections within the window and answered,
// the decree, publication with certificates, the public page, awards on the innovation and
// agency pages, and the applicant's anonymous feedback.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client, pageText as text } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { awards, competitions, notifications, objections, outbox, proposals, reviews, stageDecisions } from "../app/db/schema";
import { CERTIFICATE_CODE, tiersFromDecisions } from "../app/modules/results/awards";
import { partValues } from "../app/modules/competitions/part-forms";

let database: Database;
let admin: Client;
let agencyAdmin: Client;
let outsider: Client;
let competitionId = 0;
const SLUG = "kipp-hasil";
const ids: Record<string, number> = {};
const slugs: Record<string, string> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  const c = await createCompetition(db, { slug: SLUG, state: "announced", registrationClosesInDays: -120 });
  competitionId = c.id;
  const winner = await createAgency(db, { name: "Pemkab Juara" });
  const other = await createAgency(db, { name: "Pemkab Lain" });
  const judge = await createTestUser(db, { role: "evaluator", name: "Juri Rahasia Sekali" });
  for (const [key, agency] of [["winner", winner], ["runnerUp", winner], ["other", other]] as const) {
    const innovation = await createInnovation(db, { agencyId: agency.id, name: `Inovasi ${key}` });
    slugs[key] = innovation.slug;
    const [p] = await db
      .insert(proposals)
      .values({ competitionId: c.id, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${key}`, state: "submitted", screening: "passed", submittedAt: new Date() })
      .returning();
    ids[key] = p.id;
  }
  // Every stage decided: the evaluators let all three through, the panel stage (Top 99) two,
  // the interviews and visits both, and the final plenary (Top 45) one of them.
  const decided = (stageCode: string, key: string, advances: boolean) => ({ competitionId: c.id, stageCode, proposalId: ids[key], advances, proposed: advances });
  await db.insert(stageDecisions).values([
    ...["winner", "runnerUp", "other"].map((k) => decided("evaluasi", k, true)),
    decided("penilaian-tpi", "winner", true),
    decided("penilaian-tpi", "runnerUp", true),
    decided("penilaian-tpi", "other", false),
    ...["presentasi", "verifikasi-lapangan"].flatMap((stage) => [decided(stage, "winner", true), decided(stage, "runnerUp", true)]),
    decided("keputusan", "winner", true),
    decided("keputusan", "runnerUp", false),
  ]);
  const criteria = c.config.stages.find((s) => s.code === "evaluasi")!.criteria;
  await db.insert(reviews).values({
    competitionId: c.id,
    stageCode: "evaluasi",
    proposalId: ids.winner,
    judgeId: judge.id,
    state: "submitted",
    submittedAt: new Date(),
    scores: Object.fromEntries(criteria.map((k) => [k.code, 8])),
    justifications: Object.fromEntries(criteria.map((k) => [k.code, `Catatan juri untuk ${k.code}.`])),
    comment: "Perkuat data dampak.",
  });
  const a = await createTestUser(db, { role: "national_admin" });
  admin = newClient();
  await admin.login(a.email, a.password);
  const w = await createTestUser(db, { role: "agency_admin", agencyId: winner.id });
  agencyAdmin = newClient();
  await agencyAdmin.login(w.email, w.password);
  const stranger = await createTestUser(db, { role: "agency_admin", agencyId: (await createAgency(db, { name: "Tidak Ikut" })).id });
  outsider = newClient();
  await outsider.login(stranger.email, stranger.password);
});
afterAll(async () => database?.close());

const RESULTS = `/kelola/kompetisi/${SLUG}/hasil`;
const OBJECT = `/kelola/kompetisi/${SLUG}/keberatan`;

describe("tiers from decisions", () => {
  it("keeps each proposal's highest tier", async () => {
    const c = (await database.db.select().from(competitions).where(eq(competitions.id, competitionId)))[0];
    const tiers = tiersFromDecisions(c.config, [
      { stageCode: "penilaian-tpi", proposalId: 1, advances: true },
      { stageCode: "keputusan", proposalId: 1, advances: true },
      { stageCode: "penilaian-tpi", proposalId: 2, advances: true },
      { stageCode: "keputusan", proposalId: 2, advances: false },
      { stageCode: "evaluasi", proposalId: 3, advances: true },
    ]);
    expect(Object.fromEntries(tiers)).toEqual({ 1: "top-45", 2: "top-99" });
  });
});

describe("the results", () => {
  it("keeps everything from the public before the provisional announcement", async () => {
    expect((await admin.get(`/kompetisi/${SLUG}/hasil`)).status).toBe(404);
    expect(await text(await agencyAdmin.get(OBJECT))).toContain("Hasil sementara belum diumumkan.");
    expect(await text(await agencyAdmin.get(`/kelola/proposal/${ids.winner}`))).not.toContain("Catatan juri");
  });

  it("holds the announcement back while a stage has entrants undecided, since it locks the plenaries", async () => {
    const undecide = and(eq(stageDecisions.competitionId, competitionId), eq(stageDecisions.stageCode, "keputusan"), eq(stageDecisions.proposalId, ids.runnerUp));
    await database.db.delete(stageDecisions).where(undecide);
    const page = await text(await admin.get(RESULTS));
    expect(page).toContain("Hasil sementara belum dapat diumumkan");
    expect(page).toContain(`href="/kelola/kompetisi/${SLUG}/tahap/keputusan/pleno"`);
    expect(page).toMatch(/Rapat pleno[^<]*: 1 proposal belum diputus/);
    expect(page).not.toContain('value="announce"');
    const refused = await admin.post(RESULTS, { _intent: "announce" });
    expect(refused.status).toBe(409);
    expect(await text(refused)).toContain("masih ada tahap yang belum memutus semua pesertanya");
    expect((await database.db.select().from(competitions).where(eq(competitions.id, competitionId)))[0].state).toBe("announced");
    await database.db.insert(stageDecisions).values({ competitionId, stageCode: "keputusan", proposalId: ids.runnerUp, advances: false, proposed: false });
  });

  it("announces provisional results from the plenary decisions and tells the agencies", async () => {
    const page = await text(await admin.get(RESULTS));
    expect(page).toContain("Top 45: 1");
    expect(page).toContain("Top 99: 1");
    expect((await admin.post(RESULTS, { _intent: "announce" })).status).toBe(302);
    const rows = await database.db.select().from(awards).where(eq(awards.competitionId, competitionId));
    expect(Object.fromEntries(rows.map((r) => [r.proposalId, r.tierCode]))).toEqual({ [ids.winner]: "top-45", [ids.runnerUp]: "top-99" });
    expect(rows.every((r) => r.certificateCode === null)).toBe(true);
    const mail = await database.db.select().from(outbox).where(eq(outbox.kind, "results.provisional"));
    expect(mail.length).toBeGreaterThan(0);
    // Still not public; the agency that took part sees the list and its feedback, anonymously.
    expect((await admin.get(`/kompetisi/${SLUG}/hasil`)).status).toBe(404);
    expect((await admin.get(`/api/v1/competitions/${SLUG}/results`)).status).toBe(404);
    expect(await text(await agencyAdmin.get(OBJECT))).toContain("Proposal winner");
    const feedback = await text(await agencyAdmin.get(`/kelola/proposal/${ids.winner}`));
    expect(feedback).toContain("Catatan juri untuk");
    expect(feedback).toContain("Juri 1");
    expect(feedback).not.toContain("Juri Rahasia Sekali");
    // Hidden from an agency that did not take part, as if it did not exist.
    expect((await outsider.get(OBJECT)).status).toBe(404);
    // Each side finds the page from where it works: the agency from its proposals, the
    // secretariat from the edition.
    expect(await text(await agencyAdmin.get(`/kelola/proposal?kompetisi=${SLUG}`))).toContain(`href="${OBJECT}"`);
    expect(await text(await outsider.get(`/kelola/proposal?kompetisi=${SLUG}`))).not.toContain(`href="${OBJECT}"`);
    expect(await text(await admin.get(`/kelola/kompetisi/${SLUG}`))).toContain(`href="${RESULTS}"`);
  });

  it("settles the judging and the setup once provisional results are out", async () => {
    const announced = "Hasil edisi ini sudah diumumkan: penugasan, keputusan pleno, dan penilaian tidak dapat diubah lagi.";
    const run = await admin.post(`/kelola/kompetisi/${SLUG}/tahap/evaluasi/penugasan`, { _intent: "run" });
    expect(run.status).toBe(409);
    expect(await text(run)).toContain(announced);
    // The plenary page says so and offers nothing to save.
    const plenary = await text(await admin.get(`/kelola/kompetisi/${SLUG}/tahap/keputusan/pleno`));
    expect(plenary).toContain(announced);
    expect(plenary).not.toContain("Simpan keputusan pleno");
    const decide = await admin.post(`/kelola/kompetisi/${SLUG}/tahap/keputusan/pleno`, { [`advances.${ids.runnerUp}`]: "1", [`reason.${ids.runnerUp}`]: "Ditinjau ulang." });
    expect(decide.status).toBe(409);
    expect(await text(decide)).toContain(announced);
    expect((await database.db.select().from(stageDecisions).where(eq(stageDecisions.proposalId, ids.runnerUp))).map((d) => [d.stageCode, d.advances]).sort()).toEqual([
      ["evaluasi", true],
      ["keputusan", false],
      ["penilaian-tpi", true],
      ["presentasi", true],
      ["verifikasi-lapangan", true],
    ]);
    // The objection window it was announced with stays; the name may still be corrected.
    const [c] = await database.db.select().from(competitions).where(eq(competitions.id, competitionId));
    const general = partValues(c, "umum", "WIB") as Record<string, string>;
    const form = (over: Record<string, string>) => ({ ...Object.fromEntries(Object.entries({ ...general, ...over }).filter(([, v]) => v !== "")), version: String(c.version) });
    const shorter = await admin.post(`/kelola/kompetisi/${SLUG}/atur/umum`, form({ objectionDays: "1" }));
    expect(shorter.status).toBe(409);
    expect(await text(shorter)).toContain("Hasil sementara edisi ini sudah diumumkan");
    expect((await admin.post(`/kelola/kompetisi/${SLUG}/atur/umum`, form({ name: `${c.name} (ralat)` }))).status).toBe(302);
  });

  it("takes objections with reasons within the window, and answers them", async () => {
    const short = await agencyAdmin.post(OBJECT, { reason: "Tidak setuju." });
    expect(short.status).toBe(400);
    expect(await text(short)).toContain("Jelaskan sanggahan Anda (paling sedikit 20 karakter).");
    const sent = await agencyAdmin.post(OBJECT, { proposalId: String(ids.other), reason: "Data dampak proposal ini tidak sesuai laporan BPS tahun lalu." });
    expect(sent.status).toBe(302);
    // The same form sent again (a double tap) files nothing new.
    expect((await agencyAdmin.post(OBJECT, { proposalId: String(ids.other), reason: "Data dampak proposal ini tidak sesuai laporan BPS tahun lalu." })).status).toBe(302);
    expect(await database.db.select().from(objections).where(eq(objections.competitionId, competitionId))).toHaveLength(1);
    expect((await outsider.post(OBJECT, { reason: "Kami juga ingin menyanggah hasil ini." })).status).toBeGreaterThanOrEqual(403);
    const [objection] = await database.db.select().from(objections).where(eq(objections.competitionId, competitionId));
    expect(objection).toMatchObject({ state: "pending", proposalId: ids.other });
    // Publication waits for the window, the answers and the decree.
    const blocked = await text(await admin.get(RESULTS));
    expect(blocked).toContain("masa sanggah belum berakhir");
    expect(blocked).toContain("masih ada sanggahan yang belum dijawab");
    expect(blocked).toContain("nomor dan tanggal keputusan belum dicatat");
    // Each objection's answer has fields of its own; a refusal names them and keeps what was typed.
    const o = `o${objection.id}`;
    // No decision is chosen for the secretariat: the choice starts empty and must be made.
    expect(blocked).toMatch(new RegExp(`<select id="f-${o}-state"[^>]*><option value="" selected="">— pilih keputusan —</option>`));
    const undecided = await admin.post(RESULTS, { _intent: "answer", objectionId: String(objection.id), [`${o}.state`]: "", [`${o}.response`]: "Sudah diperiksa." });
    expect(undecided.status).toBe(400);
    expect(await text(undecided)).toContain(`href="#f-${o}-state"`);
    const blank = await admin.post(RESULTS, { _intent: "answer", objectionId: String(objection.id), [`${o}.state`]: "upheld", [`${o}.response`]: "  " });
    expect(blank.status).toBe(400);
    const refused = await text(blank);
    expect(refused).toContain(`href="#f-${o}-response"`);
    expect(refused).toMatch(new RegExp(`<option value="upheld" selected=""`));
    const answer = { _intent: "answer", objectionId: String(objection.id), [`${o}.state`]: "rejected", [`${o}.response`]: "Data sudah diverifikasi di lapangan." };
    expect((await admin.post(RESULTS, answer)).status).toBe(302);
    expect(await text(await agencyAdmin.get(OBJECT))).toContain("Data sudah diverifikasi di lapangan.");
    // Answered once: a second answer (a form sent twice) is refused, and nobody is told twice.
    const told = (await database.db.select().from(notifications).where(eq(notifications.kind, "objection-rejected"))).length;
    expect(told).toBeGreaterThan(0);
    const twice = await admin.post(RESULTS, { ...answer, [`${o}.state`]: "upheld", [`${o}.response`]: "Jawaban kedua." });
    expect(twice.status).toBe(409);
    expect(await text(twice)).toContain("Sanggahan ini sudah dijawab.");
    expect((await database.db.select().from(objections).where(eq(objections.id, objection.id)))[0]).toMatchObject({ state: "rejected", response: "Data sudah diverifikasi di lapangan." });
    expect((await database.db.select().from(notifications).where(eq(notifications.kind, "objection-rejected"))).length).toBe(told);
    // The secretariat names the Outstanding winner by hand, with a reason.
    const bare = await admin.post(RESULTS, { _intent: "award", proposalId: String(ids.winner), tier: "outstanding", reason: "" });
    expect(bare.status).toBe(400);
    expect(await text(bare)).toContain("Tuliskan alasannya.");
    const long = await admin.post(RESULTS, { _intent: "award", proposalId: String(ids.winner), tier: "outstanding", reason: "a".repeat(2001) });
    expect(long.status).toBe(400);
    expect(await text(long)).toContain("Terlalu panjang (maksimal 2.000 karakter).");
    expect((await admin.post(RESULTS, { _intent: "award", proposalId: String(ids.winner), tier: "outstanding", reason: "Keputusan rapat pleno akhir." })).status).toBe(302);
    expect((await admin.post(RESULTS, { _intent: "decree", number: "", date: "2026-02-30" })).status).toBe(400);
    expect((await admin.post(RESULTS, { _intent: "decree", number: "B/456/M.KT.01/2026", date: "2026-10-01" })).status).toBe(302);
    expect((await admin.post(RESULTS, { _intent: "publish" })).status).toBe(409);
  });

  it("closes the window to the second, then publishes with certificates", async () => {
    // Move the announcement back past the window.
    await database.db.update(competitions).set({ provisionalAt: new Date(Date.now() - 30 * 86_400_000) }).where(eq(competitions.id, competitionId));
    expect((await agencyAdmin.post(OBJECT, { reason: "Sanggahan yang terlambat tetapi panjang." })).status).toBe(409);
    expect((await admin.post(RESULTS, { _intent: "publish" })).status).toBe(302);
    const rows = await database.db.select().from(awards).where(eq(awards.competitionId, competitionId));
    expect(rows.every((r) => CERTIFICATE_CODE.test(r.certificateCode ?? ""))).toBe(true);
    const winner = rows.find((r) => r.proposalId === ids.winner)!;
    expect(winner.tierCode).toBe("outstanding");
    const pub = await text(await admin.get(`/kompetisi/${SLUG}/hasil`));
    expect(pub).toContain("B/456/M.KT.01/2026");
    expect(pub).toContain("Inovasi winner");
    expect(pub).not.toContain("Inovasi other");
    expect(pub).toContain(`/sertifikat/${winner.certificateCode}`);
    expect(await text(await outsider.get(`/inovasi/${slugs.winner}`))).toContain("Outstanding Achievement");
    const again = await admin.post(RESULTS, { _intent: "announce" });
    expect(again.status).toBe(409);
    const [c] = await database.db.select().from(competitions).where(and(eq(competitions.id, competitionId), eq(competitions.state, "final")));
    expect(c.resultsPublishedAt).toBeTruthy();
  });
});
