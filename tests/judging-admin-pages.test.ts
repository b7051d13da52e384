// The secretariat's judging pages through the app: the judge pool is saved row by row with its
// errors on the row's field, the assignment run staffs every proposal with k judges and never a
// conflicted pair, manual changes and conflict decisions and reopened reviews all need a
// reason, the proposals table is paged, and only the national secretariat opens these pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { testClient, type Client } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { agencies, assignments, auditLog, competitionJudges, conflicts, judgeProfiles, proposals, reviews } from "../app/db/schema";
import type { Actor } from "../app/lib/policy";
import { declareConflict } from "../app/modules/judging/conflicts.server";
import { saveJudges } from "../app/modules/judging/judges.server";

let database: Database;
let admin: Client;
let evaluatorClient: Client;
let agencyAdminClient: Client;
let adminActor: Actor;
const SLUG = "kipp-juri-kelola";
const BIG = "kipp-juri-banyak";
const STAGE = "evaluasi";
const base = `/kelola/kompetisi/${SLUG}`;
let competitionId = 0;
const ids: Record<string, number> = {};
const judge: Record<string, { id: number; name: string; email: string; password: string }> = {};

/** A page's HTML without React's text separators, as a reader sees the words. */
const text = async (res: Response) => (await res.text()).replaceAll("<!-- -->", "");
const page = async (path: string, client = admin) => text(await client.get(path));

/** The table row (<tr>…</tr>) that mentions `needle`. */
const rowOf = (html: string, needle: string) => html.split("<tr").find((s) => s.includes(needle))?.split("</tr>")[0] ?? "";

const pairs = async () =>
  database.db.select().from(assignments).where(and(eq(assignments.competitionId, competitionId), eq(assignments.stageCode, STAGE)));

async function regional(type: "kabupaten" | "provinsi", regionCode: string) {
  const [row] = await database.db.select().from(agencies).where(and(eq(agencies.type, type), eq(agencies.regionCode, regionCode)));
  return row ?? createAgency(database.db, { type, regionCode, name: `${type} ${regionCode}` });
}

/** The form of the judges page for the given rows (every judge of the pool is a row). */
function poolForm(rows: Record<number, { member?: boolean; capacity?: string; expertise?: string[]; regionCode?: string; affiliation?: string }>) {
  const form: Record<string, string | string[]> = {};
  for (const [id, r] of Object.entries(rows)) {
    form[`r.${id}.id`] = id;
    if (r.member) form[`r.${id}.member`] = "1";
    form[`r.${id}.capacity`] = r.capacity ?? "";
    if (r.expertise?.length) form[`r.${id}.expertise[]`] = r.expertise;
    form[`r.${id}.regionCode`] = r.regionCode ?? "";
    form[`r.${id}.affiliation`] = r.affiliation ?? "";
  }
  return form;
}

beforeAll(async () => {
  database = await openTestDatabase();
  const { newClient } = await testClient(database);
  const db = database.db;
  const adminUser = await createTestUser(db, { role: "national_admin" });
  adminActor = { kind: "user", id: adminUser.id, name: adminUser.name, email: adminUser.email, role: "national_admin", agencyId: null, unitId: null } as Actor;
  admin = newClient();
  await admin.login(adminUser.email, adminUser.password);
  const competition = await createCompetition(db, { slug: SLUG, state: "announced", registrationClosesInDays: -20 });
  competitionId = competition.id;

  const banyumas = await regional("kabupaten", "33.02");
  const jateng = await regional("provinsi", "33");
  const ministry = await createAgency(db, { type: "kementerian", name: "Kementerian Uji Halaman Juri" });
  const papua = await regional("provinsi", "91");
  let n = 0;
  for (const [key, agency] of [["banyumas", banyumas], ["ministry", ministry], ["papua", papua]] as const) {
    const innovation = await createInnovation(db, { agencyId: agency.id, name: `Inovasi ${key}`, sectors: ["kesehatan"] });
    const [p] = await db
      .insert(proposals)
      .values({ competitionId, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${key}`, state: "submitted", receiptNumber: `KIPP-KELOLA-${++n}`, submittedAt: new Date(), screening: "passed" })
      .returning();
    ids[key] = p.id;
  }

  // Evaluators: one of Banyumas' own staff, a Central Java provincial official, two academics.
  const make = async (key: string, role: "evaluator" | "panelist", name: string, agencyId: number | null = null) => {
    const u = await createTestUser(db, { role, agencyId, name });
    judge[key] = { id: u.id, name, email: u.email, password: u.password };
  };
  await make("own", "evaluator", "Evaluator Banyumas", banyumas.id);
  await make("province", "evaluator", "Evaluator Jateng", jateng.id);
  await make("a", "evaluator", "Evaluator Satu");
  await make("b", "evaluator", "Evaluator Dua");
  await make("panel", "panelist", "Panelis Satu");

  evaluatorClient = newClient();
  await evaluatorClient.login(judge.a.email, judge.a.password);
  const agencyAdmin = await createTestUser(db, { role: "agency_admin", agencyId: banyumas.id });
  agencyAdminClient = newClient();
  await agencyAdminClient.login(agencyAdmin.email, agencyAdmin.password);
});
afterAll(async () => database?.close());

describe("the edition's page", () => {
  it("links the judges, conflicts, each judged stage's assignment and the plenaries", async () => {
    const html = await page(base);
    expect(html).toContain(`href="${base}/juri"`);
    expect(html).toContain(`href="${base}/konflik"`);
    expect(html).toContain(`href="${base}/tahap/evaluasi/penugasan"`);
    expect(html).toContain(`href="${base}/tahap/verifikasi-lapangan/penugasan"`);
    expect(html).toContain(`href="${base}/tahap/evaluasi/pleno"`);
    expect(html).toContain(`href="${base}/tahap/keputusan/pleno"`);
    expect(html).not.toContain(`href="${base}/tahap/registrasi/penugasan"`);
    expect(html).not.toContain(`href="${base}/tahap/keputusan/penugasan"`);
    expect(html).not.toContain(`href="${base}/tahap/seleksi-administrasi/pleno"`);
  });
});

describe("the judges page", () => {
  it("shows every evaluator and panelist with the pool counts", async () => {
    const html = await page(`${base}/juri`);
    for (const j of Object.values(judge)) expect(html).toContain(j.name);
    expect(html).toContain("Evaluator Satu · Evaluator");
    expect(html).toContain("Panelis Satu · Panelis");
    expect(html).toContain('href="/kelola/pengguna"');
    expect(rowOf(html, "<th scope=\"row\">Evaluator")).toMatch(/<td>0<\/td><td>4<\/td>/);
    // One pool at a time, for a long list of accounts.
    const panel = await page(`${base}/juri?tampil=panelist`);
    expect(panel).toContain("Panelis Satu · Panelis");
    expect(panel).not.toContain("Evaluator Satu · Evaluator");
  });

  it("refuses a bad sector, capacity or region on the row's field, and saves nothing", async () => {
    const rows = { [judge.a.id]: { member: true, expertise: ["kesehatan", "astrologi"] }, [judge.b.id]: { member: true, capacity: "banyak" } };
    const bad = await admin.post(`${base}/juri`, poolForm(rows));
    expect(bad.status).toBe(400);
    const html = await text(bad);
    expect(html).toContain(`href="#f-r-${judge.a.id}-expertise"`);
    expect(html).toContain("Pilih bidang keahlian dari daftar yang tersedia.");
    expect(html).toContain(`href="#f-r-${judge.b.id}-capacity"`);
    expect(html).toContain("Evaluator Dua · Kapasitas (proposal per tahap): Masukkan angka.");

    const format = await admin.post(`${base}/juri`, poolForm({ [judge.a.id]: { member: true, regionCode: "Jawa Tengah" } }));
    expect(format.status).toBe(400);
    const formatHtml = await text(format);
    expect(formatHtml).toContain(`id="f-r-${judge.a.id}-regionCode-error"`);
    expect(formatHtml).toContain("Tulis kode wilayah provinsi (mis. 33) atau kabupaten/kota (mis. 33.02).");

    // A well-formed code that names no region: saveJudges refuses it, the page names the row.
    const unknown = await admin.post(`${base}/juri`, poolForm({ [judge.a.id]: { member: true }, [judge.b.id]: { member: true, regionCode: "99.99" } }));
    expect(unknown.status).toBe(400);
    const unknownHtml = await text(unknown);
    expect(unknownHtml).toContain(`href="#f-r-${judge.b.id}-regionCode"`);
    expect(unknownHtml).toContain("Kode wilayah tidak dikenal.");
    expect(unknownHtml).not.toContain(`href="#f-r-${judge.a.id}-regionCode"`);

    expect(await database.db.select().from(competitionJudges).where(eq(competitionJudges.competitionId, competitionId))).toEqual([]);
  });

  it("makes the checked judges members, with capacity and profile", async () => {
    const everyone = Object.fromEntries(Object.values(judge).map((j) => [j.id, { member: true, expertise: ["kesehatan"] }]));
    const res = await admin.post(`${base}/juri`, poolForm({ ...everyone, [judge.b.id]: { member: true, capacity: "40", expertise: ["kesehatan", "tik"], regionCode: "", affiliation: "Universitas Uji" } }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${base}/juri?pesan=disimpan&n=5`);
    const members = await database.db.select().from(competitionJudges).where(eq(competitionJudges.competitionId, competitionId));
    expect(members.map((m) => m.userId).sort()).toEqual(Object.values(judge).map((j) => j.id).sort());
    expect(members.find((m) => m.userId === judge.b.id)?.capacity).toBe(40);
    const [profile] = await database.db.select().from(judgeProfiles).where(eq(judgeProfiles.userId, judge.b.id));
    expect(profile).toMatchObject({ expertise: ["kesehatan", "tik"], affiliation: "Universitas Uji", regionCode: null });

    const after = await page(`${base}/juri?pesan=disimpan&n=5`);
    expect(after).toContain("Tersimpan: 5 juri diperbarui.");
    expect(rowOf(after, "<th scope=\"row\">Evaluator")).toMatch(/<td>4<\/td><td>4<\/td>/);
    // The same rows again change nothing.
    const again = await admin.post(`${base}/juri`, poolForm({ ...everyone, [judge.b.id]: { member: true, capacity: "40", expertise: ["kesehatan", "tik"], affiliation: "Universitas Uji" } }));
    expect(again.headers.get("location")).toBe(`${base}/juri?pesan=disimpan&n=0`);
  });
});

describe("the assignment page", () => {
  const url = `${base}/tahap/${STAGE}/penugasan`;

  it("answers 404 for a stage without judges", async () => {
    expect((await admin.get(`${base}/tahap/registrasi/penugasan`)).status).toBe(404);
    expect((await admin.get(`${base}/tahap/keputusan/penugasan`)).status).toBe(404);
    expect((await admin.get(`${base}/tahap/tidak-ada/penugasan`)).status).toBe(404);
  });

  it("runs the assignment: every proposal gets k judges, never a conflicted pair", async () => {
    const before = await page(url);
    expect(before).toContain("Evaluasi proposal (Tim Evaluasi)");
    expect(before).toContain("Evaluator: 4 juri di edisi ini");
    expect(rowOf(before, "Proposal banyumas")).toContain("Kurang 2 juri");

    const res = await admin.post(url, { _intent: "run" });
    expect(res.status).toBe(200);
    const html = await text(res);
    expect(html).toContain("Penugasan selesai: 6 pasangan");
    expect(html).toContain("Semua proposal mendapat juri lengkap.");

    const stored = await pairs();
    for (const id of Object.values(ids)) expect(stored.filter((p) => p.proposalId === id)).toHaveLength(2);
    // Banyumas' own evaluator and the Central Java official never judge Banyumas' proposal.
    expect(stored.filter((p) => p.proposalId === ids.banyumas).map((p) => p.judgeId).sort()).toEqual([judge.a.id, judge.b.id].sort());

    const shown = await page(url);
    const banyumas = rowOf(shown, "Proposal banyumas");
    expect(banyumas).toContain("Evaluator Satu");
    expect(banyumas).toContain("Evaluator Dua");
    expect(banyumas).not.toContain("Evaluator Banyumas");
    expect(banyumas).not.toContain("Evaluator Jateng");
    expect(shown).not.toContain("Konflik:");
    expect(shown).not.toContain("Kurang ");
    expect(rowOf(shown, "<th scope=\"row\">Panelis Satu")).toBe("");
  });

  it("refuses a manual add of a conflicted pair with the message, and changes nothing", async () => {
    const before = await pairs();
    const res = await admin.post(url, { _intent: "change", op: "add", proposalId: String(ids.banyumas), judgeId: String(judge.own.id), reason: "Butuh juri ketiga." });
    expect(res.status).toBe(409);
    const html = await text(res);
    expect(html).toContain("Juri ini memiliki konflik kepentingan dengan proposal ini.");
    expect(html).toContain('href="#f-judgeId"');
    expect(await pairs()).toEqual(before);
  });

  it("refuses a manual change without a reason; with one it is made and audited", async () => {
    const before = await pairs();
    const bare = await admin.post(url, { _intent: "change", op: "remove", proposalId: String(ids.banyumas), judgeId: String(judge.a.id), reason: "  " });
    expect(bare.status).toBe(400);
    const bareHtml = await text(bare);
    expect(bareHtml).toContain("Tuliskan alasannya.");
    expect(bareHtml).toContain('href="#f-reason"');
    expect(await pairs()).toEqual(before);

    const removed = await admin.post(url, { _intent: "change", op: "remove", proposalId: String(ids.banyumas), judgeId: String(judge.a.id), reason: "Juri berhalangan." });
    expect(removed.status).toBe(302);
    expect(removed.headers.get("location")).toBe(`${url}?pesan=dihapus`);
    expect((await pairs()).some((p) => p.proposalId === ids.banyumas && p.judgeId === judge.a.id)).toBe(false);
    expect(rowOf(await page(url), "Proposal banyumas")).toContain("Kurang 1 juri");

    const added = await admin.post(url, { _intent: "change", op: "add", proposalId: String(ids.banyumas), judgeId: String(judge.a.id), reason: "Juri kembali tersedia." });
    expect(added.status).toBe(302);
    const back = (await pairs()).find((p) => p.proposalId === ids.banyumas && p.judgeId === judge.a.id);
    expect(back?.source).toBe("manual");
    expect(rowOf(await page(url), "Proposal banyumas")).toMatch(/Evaluator Satu <span class="muted">\(manual · /);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.action, "assignment.remove"));
    expect(audit[0].data).toMatchObject({ reason: "Juri berhalangan." });
  });

  it("reopens a submitted review only with a reason, back to draft", async () => {
    const [pair] = (await pairs()).filter((p) => p.proposalId === ids.papua);
    const [review] = await database.db
      .insert(reviews)
      .values({ competitionId, stageCode: STAGE, proposalId: pair.proposalId, judgeId: pair.judgeId, scores: { a: 5 }, justifications: { a: "Baik." }, state: "submitted", submittedAt: new Date() })
      .returning();
    const listed = await page(url);
    expect(listed).toContain("Penilaian terkirim (1)");
    expect(listed).toContain(`id="f-rv${review.id}-reason"`);

    const bare = await admin.post(url, { _intent: "reopen", review: String(review.id), reason: "" });
    expect(bare.status).toBe(400);
    const bareHtml = await text(bare);
    expect(bareHtml).toContain("Tuliskan alasannya.");
    expect(bareHtml).toContain(`href="#f-rv${review.id}-reason"`);
    expect((await database.db.select().from(reviews).where(eq(reviews.id, review.id)))[0].state).toBe("submitted");

    const res = await admin.post(url, { _intent: "reopen", review: String(review.id), reason: "Nilai salah ketik." });
    expect(res.status).toBe(302);
    const [after] = await database.db.select().from(reviews).where(eq(reviews.id, review.id));
    expect(after.state).toBe("draft");
    expect(after.reopenedAt).not.toBeNull();
    expect(await page(`${url}?pesan=dibuka`)).toContain("Penilaian terkirim (0)");
  });
});

describe("the conflicts page", () => {
  const url = `${base}/konflik`;
  let conflictId = 0;
  let declarer = "";

  beforeAll(async () => {
    // One of the judges assigned to the ministry's proposal declares a conflict on it.
    const [pair] = (await pairs()).filter((p) => p.proposalId === ids.ministry);
    const j = Object.values(judge).find((x) => x.id === pair.judgeId)!;
    declarer = j.name;
    const actor = { kind: "user", id: j.id, name: j.name, email: j.email, role: "evaluator", agencyId: null, unitId: null } as Actor;
    conflictId = (await declareConflict(database.db, actor, competitionId, ids.ministry, { kind: "family", note: "Kakak saya di tim inovasi." })).id;
  });

  it("lists a declaration as pending with the judge, proposal, kind and note", async () => {
    const html = await page(url);
    expect(html).toContain("Menunggu keputusan (1)");
    expect(html).toContain(`${declarer} · Hubungan keluarga`);
    expect(html).toContain("Proposal ministry");
    expect(html).toContain("Kakak saya di tim inovasi.");
    expect(html).toMatch(/\d{2}\.\d{2} (WIB|WITA|WIT)/);
    expect(html).toContain("instansi sendiri, provinsi sendiri");
  });

  it("needs a decision and a reason", async () => {
    const bare = await admin.post(url, { id: String(conflictId), state: "dismissed", reason: "" });
    expect(bare.status).toBe(400);
    const html = await text(bare);
    expect(html).toContain("Tuliskan alasannya.");
    expect(html).toContain(`href="#f-k${conflictId}-reason"`);
    const noState = await admin.post(url, { id: String(conflictId), reason: "Tidak terbukti." });
    expect(noState.status).toBe(400);
    expect(await text(noState)).toContain(`href="#f-k${conflictId}-state"`);
    expect((await database.db.select().from(conflicts).where(eq(conflicts.id, conflictId)))[0].state).toBe("pending");
  });

  it("records the decision with who, when and why", async () => {
    const res = await admin.post(url, { id: String(conflictId), state: "confirmed", reason: "Hubungan keluarga terbukti." });
    expect(res.status).toBe(302);
    const [row] = await database.db.select().from(conflicts).where(eq(conflicts.id, conflictId));
    expect(row).toMatchObject({ state: "confirmed", decisionReason: "Hubungan keluarga terbukti.", decidedBy: (adminActor as { id: number }).id });
    const html = await page(`${url}?pesan=dikukuhkan`);
    expect(html).toContain("Konflik dikukuhkan.");
    expect(html).toContain("Menunggu keputusan (0)");
    const decided = rowOf(html, "Proposal ministry");
    expect(decided).toContain("Dikukuhkan");
    expect(decided).toContain("Hubungan keluarga terbukti.");
    expect(decided).toContain("oleh Pengguna national_admin");
  });

  it("shows the declared pair as a conflict on the assignment page until re-run", async () => {
    const stage = `${base}/tahap/${STAGE}/penugasan`;
    // The judge recused themselves from the pair when declaring, so it is gone already.
    const recused = Object.values(judge).find((j) => j.name === declarer)!;
    expect((await pairs()).some((p) => p.proposalId === ids.ministry && p.judgeId === recused.id)).toBe(false);
    const html = await page(`${stage}?kurang=1`);
    expect(rowOf(html, "Proposal ministry")).toContain("Kurang 1 juri");
    const run = await text(await admin.post(stage, { _intent: "run" }));
    expect(run).toContain("Semua proposal mendapat juri lengkap.");
  });

  it("explains a proposal the run leaves short, and a stage with no entrants", async () => {
    const stage = `${base}/tahap/${STAGE}/penugasan`;
    // Only the two academics may judge Banyumas' proposal; one of them now declares a conflict.
    const a = { kind: "user", id: judge.a.id, name: judge.a.name, email: judge.a.email, role: "evaluator", agencyId: null, unitId: null } as Actor;
    await declareConflict(database.db, a, competitionId, ids.banyumas, { kind: "work", note: "" });
    const res = await admin.post(stage, { _intent: "run" });
    expect(res.status).toBe(200);
    const html = await text(res);
    expect(html).toContain("1 proposal kekurangan juri.");
    const short = rowOf(html.slice(html.indexOf("Proposal yang kekurangan juri")), "Proposal banyumas");
    expect(short).toContain("Terlalu sedikit juri yang bebas konflik");
    expect(short).toContain("Hanya 1 dari 4 juri bebas konflik (perlu 2); konflik: instansi sendiri 1, provinsi sendiri 2, konflik yang dinyatakan 1.");
    // The field verification stage takes only those a plenary let through: none yet.
    const empty = await admin.post(`${base}/tahap/verifikasi-lapangan/penugasan`, { _intent: "run" });
    expect(empty.status).toBe(409);
    expect(await text(empty)).toContain("Belum ada proposal di tahap ini.");
  });
});

describe("a large stage", () => {
  it("pages the proposals table 100 at a time", async () => {
    const db = database.db;
    const big = await createCompetition(db, { slug: BIG, state: "announced", registrationClosesInDays: -20 });
    const ministry = await createAgency(db, { type: "kementerian", name: "Kementerian Banyak Proposal" });
    const values = [];
    for (let i = 1; i <= 120; i++) {
      const innovation = await createInnovation(db, { agencyId: ministry.id, name: `Inovasi banyak ${i}` });
      values.push({ competitionId: big.id, innovationId: innovation.id, agencyId: ministry.id, groupCode: "umum", categoryCode: "kesehatan", title: `Usulan nomor ${i}`, state: "submitted" as const, receiptNumber: `KIPP-BANYAK-${String(i).padStart(3, "0")}`, submittedAt: new Date(), screening: "passed" as const });
    }
    await db.insert(proposals).values(values);
    await saveJudges(db, adminActor, big.id, [judge.a, judge.b, judge.own].map((j) => ({ userId: j.id, member: true, capacity: null, expertise: [], regionCode: null, affiliation: "" })));
    const url = `/kelola/kompetisi/${BIG}/tahap/${STAGE}/penugasan`;
    const run = await text(await admin.post(url, { _intent: "run" }));
    expect(run).toContain("Penugasan selesai: 240 pasangan");

    const receipts = (html: string) => new Set(html.match(/KIPP-BANYAK-\d{3}/g) ?? []);
    const first = await page(url);
    expect(receipts(first).size).toBe(100);
    expect(first).toContain("Halaman 1 dari 2");
    const second = await page(`${url}?halaman=2`);
    expect(receipts(second).size).toBe(20);
    expect(second).toContain("KIPP-BANYAK-120");
    // Loads stay balanced: 240 pairs over three judges.
    for (const j of [judge.a, judge.b, judge.own]) expect(rowOf(first, `<th scope="row">${j.name}`)).toContain("<td>80</td>");
  });
});

describe("who may open these pages", () => {
  const paths = [`${base}/juri`, `${base}/konflik`, `${base}/tahap/${STAGE}/penugasan`];

  it("refuses evaluators and agency admins, reading and posting", async () => {
    const before = await pairs();
    for (const client of [evaluatorClient, agencyAdminClient]) {
      for (const p of paths) {
        expect([403, 404]).toContain((await client.get(p)).status);
        expect([403, 404]).toContain((await client.post(p, { _intent: "run" })).status);
      }
    }
    expect(await pairs()).toEqual(before);
  });
});
