// A whole edition, end to end through the use cases, on whichever database the suite runs on:
// set up from the 2023 preset and announced; 300 proposals from 60 agencies of every type in
// nine provinces, written, checked and endorsed; screened; 10 evaluators and 12 panelists, some
// with conflicts (own agency, own province, declared); the evaluators' and the panel's scored
// stages; interviews (scheduled, notified, attended) and field verification (visits, reports),
// both scored; the final plenary; provisional results, an objection, the decree, publication
// with certificates. Then the invariant checker finds nothing.
//
// Only three things are written to the database by hand, each because no use case does it:
// the stage instants (the scenario compresses a year into seconds, see `openStage`), the
// innovations and people (factories: the register and accounts are not under test here), and
// the provisional announcement moved back past the objection window (as results.test.ts does).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { openTestDatabase } from "./db";
import { fileOf, MINI_PDF, PNG_1PX } from "./fixtures";
import type { Database } from "../app/db/client.server";
import { createAgency, createInnovation, createTestUser } from "../app/db/factories.server";
import { agencies, assignments, awards, competitions, fieldVisits, objections, presentationSlots, proposals, reviews, stageDecisions } from "../app/db/schema";
import type { Actor } from "../app/lib/policy";
import { AppError } from "../app/lib/errors";
import { CompetitionConfigSchema, type CompetitionConfig, type Stage } from "../app/modules/competitions/config";
import { stageEnd } from "../app/modules/competitions/config-values";
import { announceCompetition, createCompetition } from "../app/modules/competitions/manage-competition.server";
import { competitionById } from "../app/modules/competitions/queries.server";
import { createProposal } from "../app/modules/proposals/create-proposal.server";
import { saveProposal } from "../app/modules/proposals/save-proposal.server";
import { addProposalFiles } from "../app/modules/proposals/files.server";
import { moveProposal } from "../app/modules/proposals/move-proposal.server";
import { sectionsFor, attachmentsFor } from "../app/modules/proposals/form-shape";
import { screenProposals } from "../app/modules/screening/screen-proposals.server";
import { saveJudges, type JudgeChange } from "../app/modules/judging/judges.server";
import { decideConflict, declareConflict } from "../app/modules/judging/conflicts.server";
import { assignmentView, runAssignment } from "../app/modules/judging/assignment.server";
import { reopenReview, saveReview } from "../app/modules/judging/reviews.server";
import { decideStage, stageRanking } from "../app/modules/judging/plenary.server";
import { stageEntrants } from "../app/modules/judging/stage-entrants.server";
import type { ScoreBasis } from "../app/modules/judging/rank";
import { checkInvariants, describeViolations } from "../app/modules/judging/invariants.server";
import { generatePresentationSlots } from "../app/modules/stages/schedule-presentations.server";
import { notifyPresentations } from "../app/modules/stages/notify-presentations.server";
import { answerAttendance } from "../app/modules/stages/answer-attendance.server";
import { updatePresentationSlot } from "../app/modules/stages/update-presentation-slot.server";
import { setVisitDate } from "../app/modules/stages/set-visit-date.server";
import { saveFieldReport } from "../app/modules/stages/save-field-report.server";
import { fieldReportSchema, generateSlotsSchema, slotSchema } from "../app/modules/stages/schemas";
import { FIELD_CHECKLIST } from "../app/modules/stages/checklist";
import { announceProvisional, answerObjection, fileObjection, publishResults, recordDecree, setAward } from "../app/modules/results/manage-results.server";
import { publishedResults } from "../app/modules/results/public.server";
import { certificateByCode } from "../app/modules/results/queries.server";
import { CERTIFICATE_CODE } from "../app/modules/results/awards";
import { createRng } from "../app/modules/demo/prng";

const SLUG = "kipp-skenario";
const EDITION = new Date().getUTCFullYear();
const DAY = 86_400_000;
const HOUR = 3_600_000;
// Generous on a slow 2-core machine; the whole file takes well under a minute on either database.
const PHASE = 180_000;

let database: Database;
let competitionId = 0;
let admin: Actor;
const rng = createRng(2026_0423);
const timings: [string, number][] = [];
let phaseStart = 0;
const phase = (name: string) => {
  const now = performance.now();
  if (phaseStart) timings.push([name, Math.round(now - phaseStart)]);
  phaseStart = now;
};

type Person = Awaited<ReturnType<typeof createTestUser>>;
const actorOf = (u: Person): Actor => ({ kind: "user", id: u.id, name: u.name, email: u.email, role: u.role, agencyId: u.agencyId, unitId: u.unitId });
const userId = (a: Actor) => (a.kind === "user" ? a.id : 0);

type Agency = typeof agencies.$inferSelect;
type Staff = { operator: Actor; admin: Actor; head: Actor };
const staffOf = new Map<number, Staff>();
const judges = new Map<number, Actor>();
/** Each proposal's steady quality (0–1): the judges see it with their own leniency and noise. */
const quality = new Map<number, number>();
const leniency = new Map<number, number>();
let proposalIds: number[] = [];
let passedIds: number[] = [];
let failedIds: number[] = [];

const edition = async () => (await competitionById(database.db, competitionId))!;
const caught = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a refusal");
};

/** An instant as the configuration writes it: whole seconds, in WIB. */
const wib = (ms: number) => new Date(Math.floor(ms / 1000) * 1000 + 7 * HOUR).toISOString().replace(/\.\d{3}Z$/, "+07:00");
/** A datetime-local value in WIB, as the schedule form sends it. */
const wibLocal = (ms: number) => new Date(ms + 7 * HOUR).toISOString().slice(0, 16);

/**
 * The scenario's clock. An edition runs for months; the scenario runs for seconds, so before it
 * acts in a stage it rewrites the stored configuration (no use case changes the instants of an
 * announced edition's running stages): the stages before close now (in the current second, so
 * everything done in them stays before their close), this one opened a minute ago and closes in
 * a day (or `days`), the later ones follow a day apart. Every use case then judges its deadline at the real
 * instant of the call, as a route would.
 */
async function openStage(code: string, days = 1) {
  const c = await edition();
  const config: CompetitionConfig = structuredClone(c.config);
  const now = Date.now();
  const at = config.stages.findIndex((s) => s.code === code);
  config.stages.forEach((s, i) => {
    if (i < at && Date.parse(s.closesAt) > now) s.closesAt = wib(now);
    if (i === at) {
      s.opensAt = wib(now - 60_000);
      s.closesAt = wib(now + days * DAY);
    }
    if (i > at) {
      s.opensAt = wib(now + (days + i - at - 1) * DAY + 1000);
      s.closesAt = wib(now + (days + i - at) * DAY);
    }
  });
  await database.db.update(competitions).set({ config: CompetitionConfigSchema.parse(config) }).where(eq(competitions.id, competitionId));
  return edition();
}

/** Close a stage now and wait for its last second to pass (a late change is then truly late). */
async function closeStage(code: string) {
  const c = await edition();
  const config: CompetitionConfig = structuredClone(c.config);
  const stage = config.stages.find((s) => s.code === code)!;
  stage.closesAt = wib(Date.now());
  await database.db.update(competitions).set({ config: CompetitionConfigSchema.parse(config) }).where(eq(competitions.id, competitionId));
  const wait = stageEnd(stage) - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait + 5));
}

// --- Words: section text within its limit, deterministic -------------------------------------

const WORDS =
  "layanan warga desa kabupaten data digital antrean puskesmas posyandu sekolah petugas aplikasi pengaduan waktu biaya akses mudah cepat terukur dampak anggaran regulasi kolaborasi relawan kader pelatihan evaluasi laporan sebelum sesudah menurun meningkat kepuasan indeks inklusif disabilitas perempuan petani nelayan UMKM perizinan satu pintu terpadu daring luring".split(" ");
function prose(words: number) {
  const out: string[] = [];
  while (out.length < words) {
    const n = rng.int(6, 14);
    const sentence = Array.from({ length: n }, () => rng.pick(WORDS));
    sentence[0] = sentence[0][0].toUpperCase() + sentence[0].slice(1);
    out.push(...sentence.slice(0, -1), `${sentence.at(-1)}.`);
  }
  return out.slice(0, words).join(" ");
}

// --- Scores: each judge sees the proposal's quality with their leniency and some noise --------

function reviewOf(stage: Stage, proposalId: number, judgeId: number) {
  const q = quality.get(proposalId)! + leniency.get(judgeId)!;
  const scores: Record<string, string> = {};
  const justifications: Record<string, string> = {};
  for (const k of stage.criteria) {
    const v = Math.max(k.scaleMin, Math.min(k.scaleMax, Math.round(k.scaleMin + (k.scaleMax - k.scaleMin) * (q + (rng.next() - 0.5) * 0.2))));
    scores[k.code] = String(v);
    justifications[k.code] = v >= (k.scaleMin + k.scaleMax) / 2 ? `${k.name}: didukung data sebelum dan sesudah yang terukur.` : `${k.name}: bukti dampak belum lengkap.`;
  }
  return { scores, justifications, comment: q > 0.7 ? "Inovasi matang; pertahankan anggaran rutin." : "Perkuat bukti dampak dan rencana keberlanjutan.", version: null, submit: true };
}

/** Assign the stage: every entrant gets its k judges, loads are balanced, no pair is conflicted. */
async function assignStage(code: string) {
  const db = database.db;
  const c = await edition();
  const stage = c.config.stages.find((s) => s.code === code)!;
  const run = await runAssignment(db, admin, c, code, { publicUrl: "https://lumbung.uji" });
  expect(run.unstaffed).toEqual([]);
  expect(run.balanced).toBe(true);
  const view = await assignmentView(db, c, code);
  expect(view.conflictedPairs).toBe(0);
  expect(view.proposals.every((p) => p.judges.length === stage.reviewersPerProposal)).toBe(true);
  return { stage, run, view };
}

/** Assign the stage and score every pair. */
async function judgeStage(code: string) {
  const assigned = await assignStage(code);
  await scoreAssigned(code);
  return assigned;
}

async function scoreAssigned(code: string) {
  const db = database.db;
  const c = await edition();
  const stage = c.config.stages.find((s) => s.code === code)!;
  const pairs = await db.select().from(assignments).where(and(eq(assignments.competitionId, competitionId), eq(assignments.stageCode, code))).orderBy(asc(assignments.proposalId), asc(assignments.judgeId));
  for (const a of pairs) {
    await saveReview(db, judges.get(a.judgeId)!, { competitionId, stageCode: code, proposalId: a.proposalId }, reviewOf(stage, a.proposalId, a.judgeId), Date.now());
  }
  return pairs.length;
}

/** The plenary follows the rule's proposal, except for the overrides given (with their reasons). */
async function decide(code: string, overrides: Record<number, string> = {}, basis: ScoreBasis = "raw") {
  const c = await edition();
  const { rows } = await stageRanking(database.db, c, code, basis);
  const decisions = rows.map((r) => (overrides[r.entrant.id] ? { proposalId: r.entrant.id, advances: !r.proposed.advance, reason: overrides[r.entrant.id] } : { proposalId: r.entrant.id, advances: r.proposed.advance, reason: "" }));
  const done = await decideStage(database.db, admin, c, code, decisions, basis);
  expect(done).toEqual({ decided: rows.length, overrides: Object.keys(overrides).length });
  return { rows, advancing: decisions.filter((d) => d.advances).map((d) => d.proposalId) };
}

beforeAll(async () => {
  database = await openTestDatabase();
  phase("open database");
}, PHASE);
afterAll(async () => {
  await database?.close();
  if (timings.length) console.info(`scenario on ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}: ${timings.map(([n, ms]) => `${n} ${(ms / 1000).toFixed(1)}s`).join(", ")}`);
});

describe("a whole edition", () => {
  it("is set up from the 2023 preset and announced", async () => {
    const db = database.db;
    admin = actorOf(await createTestUser(db, { role: "national_admin", name: "Sekretariat KIPP" }));
    const created = await createCompetition(db, admin, { edition: EDITION, slug: SLUG, source: { preset: "kipp-2023-umum" } });
    competitionId = created.id;
    expect(created.config.stages.map((s) => s.code)).toEqual(["registrasi", "seleksi-administrasi", "evaluasi", "penilaian-tpi", "presentasi", "verifikasi-lapangan", "keputusan"]);
    await openStage("registrasi");
    const announced = await announceCompetition(db, admin, competitionId, created.version);
    expect(announced.state).toBe("announced");
    phase("setup");
  }, PHASE);

  it("takes 300 proposals from 60 agencies, written, checked by Admin Lokal and endorsed by the head", async () => {
    const db = database.db;
    // Agencies: nine provinces in all three time zones, each with its provincial government,
    // three regencies and a city; four ministries, four national agencies, five BUMD, two BUMN.
    const provinces = ["11", "12", "33", "35", "51", "52", "64", "73", "91"];
    const regional = await db.select().from(agencies).where(and(inArray(agencies.provinceCode, provinces), inArray(agencies.type, ["provinsi", "kabupaten", "kota"]))).orderBy(asc(agencies.regionCode));
    const chosen: Agency[] = [];
    for (const p of provinces) {
      chosen.push(regional.find((a) => a.type === "provinsi" && a.regionCode === p)!);
      chosen.push(...regional.filter((a) => a.type === "kabupaten" && a.provinceCode === p).slice(0, 3));
      chosen.push(regional.find((a) => a.type === "kota" && a.provinceCode === p)!);
    }
    for (const type of ["kementerian", "lembaga"] as const) chosen.push(...(await db.select().from(agencies).where(eq(agencies.type, type)).orderBy(asc(agencies.id)).limit(4)));
    for (const [i, region] of ["33.74", "35.78", "51.71", "73.71", "12.71"].entries()) chosen.push(await createAgency(db, { type: "bumd", regionCode: region, name: `Perumda Air Minum Skenario ${i + 1}` }));
    for (const i of [1, 2]) chosen.push(await createAgency(db, { type: "bumn", name: `PT Layanan Negara Skenario ${i}` }));
    expect(chosen).toHaveLength(60);
    expect(new Set(chosen.map((a) => a.type))).toEqual(new Set(["provinsi", "kabupaten", "kota", "kementerian", "lembaga", "bumd", "bumn"]));

    for (const a of chosen) {
      staffOf.set(a.id, {
        operator: actorOf(await createTestUser(db, { role: "unit_operator", agencyId: a.id, name: `Operator ${a.shortName ?? a.name}` })),
        admin: actorOf(await createTestUser(db, { role: "agency_admin", agencyId: a.id, name: `Admin Lokal ${a.shortName ?? a.name}` })),
        head: actorOf(await createTestUser(db, { role: "agency_head", agencyId: a.id, name: `Kepala ${a.shortName ?? a.name}` })),
      });
    }

    const c = await edition();
    const categories = c.config.categories.map((x) => x.code);
    const innovationsOf = new Map<number, number[]>();
    const pdf = (slot: string) => ({ slot, file: fileOf(MINI_PDF, `${slot}.pdf`, "application/pdf") });
    for (let n = 0; n < 300; n++) {
      const agency = chosen[n % chosen.length];
      const staff = staffOf.get(agency.id)!;
      const innovation = await createInnovation(db, {
        agencyId: agency.id,
        name: `Inovasi ${rng.pick(["Layanan", "Gerakan", "Sistem", "Klinik", "Sekolah"])} ${rng.pick(["Cepat", "Terpadu", "Desa", "Warga", "Digital"])} ${n + 1}`,
        sectors: rng.sample(["kesehatan", "pendidikan", "ekonomi", "pangan", "sosial", "tata_kelola", "lingkungan", "perizinan"], 2),
        startedOn: `${rng.int(2015, 2023)}-0${rng.int(1, 9)}-15`,
      });
      // Every twentieth entry replicates an earlier entry of another agency.
      const replication = n % 20 === 19;
      const source = replication ? [...innovationsOf.entries()].find(([agencyId]) => agencyId !== agency.id)![1][0] : null;
      innovationsOf.set(agency.id, [...(innovationsOf.get(agency.id) ?? []), innovation.id]);
      const groupCode = replication ? "replikasi" : "umum";
      const categoryCode = categories[n % categories.length];

      const p = await createProposal(db, staff.operator, { competition: SLUG, innovationId: innovation.id, groupCode, categoryCode }, new Date());
      const sections = sectionsFor(c.config, groupCode).map((s) => ({ code: s.code, body: prose(Math.min(s.wordLimit, rng.int(40, 120))), version: 1 }));
      const saved = await saveProposal(db, staff.operator, p.id, c.config, {
        sections,
        details: {
          version: p.version,
          title: `${innovation.name} di ${agency.shortName ?? agency.name}`,
          groupCode,
          categoryCode,
          sources: source ? [source] : [],
          declarations: ["kebenaran-data"],
          links: { video: `https://www.youtube.com/watch?v=kipp${n + 1}` },
        },
      });
      expect(saved.conflicts).toEqual([]);
      // The evidence of every section that asks for it, and every file attachment, through the
      // upload use case (it takes the files themselves; the route reads them from the form).
      const slots = [...sectionsFor(c.config, groupCode).filter((s) => s.evidenceRequired).map((s) => s.code), ...attachmentsFor(c.config, groupCode).filter((x) => x.kind === "file").map((x) => x.code)];
      expect(await addProposalFiles(db, staff.operator, p.id, slots.map(pdf), 5 * 1024 * 1024)).toEqual({});
      await moveProposal(db, staff.operator, p.id, "send", { publicUrl: "", now: new Date() });
      await moveProposal(db, staff.admin, p.id, "forward", { publicUrl: "", now: new Date() });
      const endorsed = await moveProposal(db, staff.head, p.id, "endorse", { publicUrl: "", now: new Date() });
      expect(endorsed.state).toBe("submitted");
      expect(endorsed.receiptNumber).toMatch(/^KIPP-SKENARIO-\d{5}$/);
      proposalIds.push(p.id);
      quality.set(p.id, 0.3 + rng.next() * 0.65);
    }
    const submitted = await db.select({ n: sql<number>`count(*)::int` }).from(proposals).where(and(eq(proposals.competitionId, competitionId), eq(proposals.state, "submitted")));
    expect(submitted[0].n).toBe(300);
    phase("300 proposals");
  }, PHASE);

  it("screens them: most pass, some fail with a reason", async () => {
    const db = database.db;
    await openStage("seleksi-administrasi");
    const c = await edition();
    failedIds = proposalIds.filter((_, i) => i % 12 === 5);
    passedIds = proposalIds.filter((id) => !failedIds.includes(id));
    const all = Object.fromEntries(c.config.checklist.map((x) => [x.code, true]));
    expect(await screenProposals(db, admin, competitionId, passedIds, { result: "passed", checklist: all }, { publicUrl: "" })).toBe(passedIds.length);
    expect((await caught(screenProposals(db, admin, competitionId, failedIds, { result: "failed" }, { publicUrl: "" }))).reason).toBe("screening.errors.reasonRequired");
    await screenProposals(db, admin, competitionId, failedIds, { result: "failed", reason: "Bukti dukung tidak sah.", checklist: { ...all, "bukti-sah": false } }, { publicUrl: "" });
    expect((await stageEntrants(db, competitionId, c.config, "evaluasi")).map((e) => e.id)).toEqual(passedIds);
    expect(passedIds).toHaveLength(275);
    phase("screening");
  }, PHASE);

  it("puts 10 evaluators and 12 panelists in the pools, some with conflicts of their own", async () => {
    const db = database.db;
    const submitters = await db.select({ agencyId: proposals.agencyId }).from(proposals).where(eq(proposals.competitionId, competitionId));
    const entered = await db.select().from(agencies).where(inArray(agencies.id, [...new Set(submitters.map((s) => s.agencyId))]));
    const kabupaten = entered.find((a) => a.type === "kabupaten" && a.provinceCode === "33")!;
    const jatim = entered.find((a) => a.type === "provinsi" && a.regionCode === "35")!;
    const ministry = entered.find((a) => a.type === "kementerian")!;
    const kota = entered.find((a) => a.type === "kota" && a.provinceCode === "73")!;
    const bumd = entered.find((a) => a.type === "bumd")!;
    // [role, agency, profile region]: staff of agencies that entered (own agency; regional
    // governments also their whole province), officials seconded from a region, academics.
    const pool: [("evaluator" | "panelist"), Agency | null, string | null][] = [
      ["evaluator", kabupaten, null],
      ["evaluator", jatim, null],
      ["evaluator", ministry, null],
      ["evaluator", null, "73"],
      ...Array.from({ length: 6 }, () => ["evaluator", null, null] as ["evaluator", null, null]),
      ["panelist", kota, null],
      ["panelist", bumd, null],
      ["panelist", null, "51"],
      ...Array.from({ length: 9 }, () => ["panelist", null, null] as ["panelist", null, null]),
    ];
    const changes: JudgeChange[] = [];
    for (const [i, [role, agency, region]] of pool.entries()) {
      const u = await createTestUser(db, { role, agencyId: agency?.id ?? null, name: `${role === "evaluator" ? "Evaluator" : "Panelis"} ${i + 1}` });
      judges.set(u.id, actorOf(u));
      leniency.set(u.id, (rng.next() - 0.5) * 0.1);
      changes.push({ userId: u.id, member: true, capacity: null, expertise: rng.sample(["kesehatan", "pendidikan", "ekonomi", "pangan", "tata-kelola", "lingkungan"], 2), regionCode: region, affiliation: agency ? agency.name : "Perguruan tinggi" });
    }
    expect(await saveJudges(db, admin, competitionId, changes)).toBe(22);
    phase("judges");
  }, PHASE);

  it("scores the evaluators' stage: declared conflicts, a recusal, a reopened review, an override", async () => {
    const db = database.db;
    await openStage("evaluasi");
    const evaluators = [...judges.values()].filter((j) => j.kind === "user" && j.role === "evaluator");
    // Declared before the assignment, and confirmed by the secretariat: never assigned.
    const mentor = evaluators[4];
    const declared = await declareConflict(db, mentor, competitionId, passedIds[0], { kind: "mentoring", note: "Saya membina tim inovasi ini tahun lalu." });
    await decideConflict(db, admin, competitionId, declared.id, { state: "confirmed", reason: "Pembinaan tercatat dalam laporan tahun lalu." });

    let c = await edition();
    const first = await runAssignment(db, admin, c, "evaluasi", { publicUrl: "https://lumbung.uji" });
    expect(first.unstaffed).toEqual([]);
    // A recusal after the assignment: the pair goes, and a re-run replaces it.
    const recusing = evaluators[5];
    const [mine] = await db.select().from(assignments).where(and(eq(assignments.competitionId, competitionId), eq(assignments.stageCode, "evaluasi"), eq(assignments.judgeId, userId(recusing)))).limit(1);
    const recusal = await declareConflict(db, recusing, competitionId, mine.proposalId, { kind: "family", note: "Adik saya anggota tim inovasi." });
    expect(recusal.recusedFrom).toEqual(["evaluasi"]);
    const { stage, run, view } = await judgeStage("evaluasi");
    // The replacement, and at most one more pair moved to keep the loads balanced.
    expect(run.moved).toBeGreaterThanOrEqual(1);
    expect(run.moved).toBeLessThanOrEqual(2);
    const pairs = view.proposals.flatMap((p) => p.judges.map((j) => [p.id, j.id]));
    expect(pairs).toHaveLength(passedIds.length * stage.reviewersPerProposal);
    expect(pairs.some(([p, j]) => p === passedIds[0] && j === userId(mentor))).toBe(false);
    expect(pairs.some(([p, j]) => p === mine.proposalId && j === userId(recusing))).toBe(false);
    // The Central Java regency's evaluator judges nothing from Central Java, of which there is plenty.
    const province = new Map((await stageEntrants(db, competitionId, c.config, "evaluasi")).map((e) => [e.id, e.provinceCode]));
    const regencyJudge = userId(evaluators[0]);
    expect([...province.values()].filter((code) => code === "33").length).toBeGreaterThan(20);
    expect(pairs.filter(([, j]) => j === regencyJudge).length).toBeGreaterThan(40);
    expect(pairs.some(([p, j]) => j === regencyJudge && province.get(p) === "33")).toBe(false);

    // The stage closes; the secretariat reopens one review (a typo in a score), the judge
    // corrects it after the close, and it locks again on submission.
    await closeStage("evaluasi");
    c = await edition();
    const [typo] = await db.select().from(reviews).where(and(eq(reviews.competitionId, competitionId), eq(reviews.stageCode, "evaluasi"))).orderBy(asc(reviews.id)).limit(1);
    const at = { competitionId, stageCode: "evaluasi", proposalId: typo.proposalId };
    const late = reviewOf(stage, typo.proposalId, typo.judgeId);
    expect((await caught(saveReview(db, judges.get(typo.judgeId)!, at, late, Date.now()))).reason).toBe("judging.errors.locked");
    await reopenReview(db, admin, competitionId, typo.id, "Skor kriteria signifikansi salah ketik.");
    const corrected = await saveReview(db, judges.get(typo.judgeId)!, at, late, Date.now());
    expect(corrected).toMatchObject({ state: "submitted", reopenedAt: null });
    expect(corrected.updatedAt.getTime()).toBeGreaterThanOrEqual(stageEnd(c.config.stages.find((s) => s.code === "evaluasi")!));

    // The plenary: the best 150 go on, and one more by an override with its reason.
    const ranked = (await stageRanking(db, c, "evaluasi")).rows;
    expect(ranked).toHaveLength(passedIds.length);
    const firstOut = ranked.find((r) => !r.proposed.advance)!;
    const { advancing } = await decide("evaluasi", { [firstOut.entrant.id]: "Selisih nilai tipis; dampak di daerah tertinggal terdokumentasi kuat." });
    expect(advancing).toHaveLength(151);
    phase("evaluation (550 reviews)");
  }, PHASE);

  it("scores the independent panel's stage, which gives the Top 99", async () => {
    const db = database.db;
    await openStage("penilaian-tpi");
    const c = await edition();
    const entrants = await stageEntrants(db, competitionId, c.config, "penilaian-tpi");
    expect(entrants).toHaveLength(151);
    // A panelist declares a conflict; the secretariat dismisses it with a reason.
    const panelist = [...judges.values()].filter((j) => j.kind === "user" && j.role === "panelist")[3];
    const declared = await declareConflict(db, panelist, competitionId, entrants[0].id, { kind: "work", note: "Pernah satu proyek dengan instansi ini." });
    await decideConflict(db, admin, competitionId, declared.id, { state: "dismissed", reason: "Proyek bersama sudah selesai lima tahun lalu." });
    await judgeStage("penilaian-tpi");
    const { advancing } = await decide("penilaian-tpi");
    expect(advancing).toHaveLength(99);
    phase("panel (453 reviews)");
  }, PHASE);

  it("schedules the interviews, tells the agencies, takes their answers, and scores them", async () => {
    const db = database.db;
    // Open for ten days: the 99 interviews take five, from the day after tomorrow.
    const c = await openStage("presentasi", 10);
    const start = Date.parse(`${wibLocal(Date.now() + 2 * DAY).slice(0, 10)}T08:00:00+07:00`);
    const input = generateSlotsSchema("WIB").parse({ start: wibLocal(start), slotMinutes: "20", breakMinutes: "5", dayEnd: "16:00", slotMode: "room", pattern: "Ruang Sidang Utama", replace: "" });
    expect(await generatePresentationSlots(db, admin, c, "presentasi", input, "WIB")).toEqual({ created: 99, removed: 0 });
    const told = await notifyPresentations(db, admin, c, "presentasi", "", new Date());
    expect(told).toMatchObject({ notified: 99, withoutRecipients: [] });
    const slots = await db.select().from(presentationSlots).where(and(eq(presentationSlots.competitionId, competitionId), eq(presentationSlots.stageCode, "presentasi"))).orderBy(asc(presentationSlots.startsAt));
    const agencyOf = new Map((await db.select({ id: proposals.id, agencyId: proposals.agencyId }).from(proposals).where(eq(proposals.competitionId, competitionId))).map((p) => [p.id, p.agencyId]));
    // One agency cannot come at its time: the secretariat moves its slot after the last one and
    // tells it again; it confirms the new time. Everyone else confirms at once.
    const [moved, ...rest] = slots;
    await answerAttendance(db, staffOf.get(agencyOf.get(moved.proposalId)!)!.admin, moved.id, "declined", new Date());
    for (const s of rest) await answerAttendance(db, staffOf.get(agencyOf.get(s.proposalId)!)!.head, s.id, "confirmed", new Date());
    const later = slotSchema("WIB").parse({ startsAt: wibLocal(slots.at(-1)!.startsAt.getTime() + DAY), minutes: "20", mode: "room", location: "Ruang Sidang Utama" });
    expect(await updatePresentationSlot(db, admin, c, "presentasi", moved.id, later)).toEqual({ changed: true });
    expect(await notifyPresentations(db, admin, c, "presentasi", "", new Date())).toMatchObject({ notified: 1 });
    await answerAttendance(db, staffOf.get(agencyOf.get(moved.proposalId)!)!.admin, moved.id, "confirmed", new Date());
    const attendance = await db.select({ attendance: presentationSlots.attendance }).from(presentationSlots).where(eq(presentationSlots.competitionId, competitionId));
    expect(attendance.every((a) => a.attendance === "confirmed")).toBe(true);

    // The panel scores the interviews (after them, in the compressed calendar) and ranks on the
    // normalised scores this time: the panelists' leniency differs, the panel's explicit choice.
    await judgeStage("presentasi");
    const { advancing } = await decide("presentasi", {}, "normalised");
    expect(advancing).toHaveLength(60);
    phase("interviews (297 reviews)");
  }, PHASE);

  it("visits every remaining entrant, files the teams' reports, and scores the visits", async () => {
    const db = database.db;
    const c = await openStage("verifikasi-lapangan");
    await assignStage("verifikasi-lapangan");
    const entrants = await stageEntrants(db, competitionId, c.config, "verifikasi-lapangan");
    expect(entrants).toHaveLength(60);
    const teams = await db.select().from(assignments).where(and(eq(assignments.competitionId, competitionId), eq(assignments.stageCode, "verifikasi-lapangan"))).orderBy(asc(assignments.proposalId), asc(assignments.judgeId));
    const visitDay = wibLocal(Date.now() + DAY).slice(0, 10);
    for (const [i, e] of entrants.entries()) {
      // The secretariat sets the first ten visits' dates (the others stay open: the team reports
      // without one). Each setVisitDate lists the stage's entrants again, about 0.2 s apiece at
      // this size on a database without planner statistics; ten show the step.
      if (i < 10) await setVisitDate(db, admin, c, "verifikasi-lapangan", e.id, visitDay);
      const member = judges.get(teams.find((t) => t.proposalId === e.id)!.judgeId)!;
      const verified = i !== 7;
      const report = fieldReportSchema(true).parse({
        check: FIELD_CHECKLIST.filter((_, k) => verified || k < 3),
        notes: "Layanan berjalan sesuai proposal; dokumen dan catatan diperiksa di loket.",
        testimonies: [{ name: "Ibu Sumarni", relation: "Pengguna layanan", text: "Sekarang urusan selesai dalam satu kali datang." }],
        verified: verified ? "yes" : "no",
        reason: verified ? "" : "Loket kedua belum beroperasi seperti tertulis di proposal.",
      });
      const saved = await saveFieldReport(db, member, c, "verifikasi-lapangan", e.id, report, { submit: true, photos: [fileOf(PNG_1PX, "loket.png", "image/png")], removePhotoIds: [], maxBytes: 5 * 1024 * 1024, now: new Date() });
      expect(saved.problems).toEqual({});
    }
    const visits = await db.select().from(fieldVisits).where(and(eq(fieldVisits.competitionId, competitionId), eq(fieldVisits.stageCode, "verifikasi-lapangan")));
    expect(visits).toHaveLength(60);
    expect(visits.filter((v) => v.visitDate === visitDay)).toHaveLength(10);
    expect(visits.every((v) => v.submittedAt !== null)).toBe(true);
    expect(visits.filter((v) => v.verified === false)).toHaveLength(1);
    expect(await scoreAssigned("verifikasi-lapangan")).toBe(120);
    const { advancing } = await decide("verifikasi-lapangan");
    expect(advancing).toHaveLength(60);
    phase("field verification (120 reviews)");
  }, PHASE);

  it("decides the Top 45 in the final plenary", async () => {
    await openStage("keputusan");
    const { rows, advancing } = await decide("keputusan");
    expect(rows).toHaveLength(60);
    expect(advancing).toHaveLength(45);
    // The final plenary ranks by the field verification's reviews (the last scored stage).
    expect(rows.every((r) => r.ranked.reviews.length === 2)).toBe(true);
    await closeStage("keputusan");
    phase("final plenary");
  }, PHASE);

  it("announces provisional results, answers an objection, records the decree and publishes with certificates", async () => {
    const db = database.db;
    const announced = await announceProvisional(db, admin, competitionId, { publicUrl: "", now: new Date() });
    expect(announced).toEqual({ awards: 99 });
    const tiers = await db.select({ tier: awards.tierCode, proposalId: awards.proposalId }).from(awards).where(eq(awards.competitionId, competitionId));
    expect(tiers.filter((t) => t.tier === "top-45")).toHaveLength(45);
    expect(tiers.filter((t) => t.tier === "top-99")).toHaveLength(54);
    // The best of the Top 45 is named Outstanding by hand, with the plenary's reason.
    const [best] = (await stageRanking(db, await edition(), "keputusan")).rows;
    await setAward(db, admin, competitionId, best.entrant.id, { tier: "outstanding", reason: "Ditetapkan rapat pleno akhir sebagai capaian luar biasa." });

    // An agency that took part but is not in the Top 99 objects within the window; an agency
    // that did not take part may not.
    const awarded = new Set(tiers.map((t) => t.proposalId));
    const [loser] = await db.select().from(proposals).where(and(eq(proposals.competitionId, competitionId), inArray(proposals.id, passedIds.filter((id) => !awarded.has(id))))).limit(1);
    const objector = staffOf.get(loser.agencyId)!.admin;
    const objection = await fileObjection(db, objector, competitionId, { proposalId: tiers[0].proposalId, reason: "Data dampak proposal ini tidak sesuai laporan tahunan yang kami terima." }, Date.now());
    const outsider = actorOf(await createTestUser(db, { role: "agency_admin", agencyId: (await createAgency(db, { name: "Dinas Tidak Ikut" })).id }));
    expect((await caught(fileObjection(db, outsider, competitionId, { reason: "Kami ingin menyanggah hasil kompetisi ini." }, Date.now()))).status).toBe(403);
    // Publication waits for the window, the answer and the decree.
    expect((await caught(publishResults(db, admin, competitionId, { publicUrl: "", now: new Date() }))).reason).toBe("results.errors.windowOpen");
    await answerObjection(db, admin, competitionId, objection.id, { state: "rejected", response: "Data sudah diverifikasi tim di lapangan." }, { publicUrl: "" });
    await recordDecree(db, admin, competitionId, { number: `B/${EDITION}/M.KT.01/${EDITION}`, date: `${EDITION}-10-01` });
    // No use case moves time forward: the announcement is moved back past the window.
    await db.update(competitions).set({ provisionalAt: new Date(Date.now() - 30 * DAY) }).where(eq(competitions.id, competitionId));
    expect((await caught(fileObjection(db, objector, competitionId, { reason: "Sanggahan yang terlambat tetapi cukup panjang." }, Date.now()))).reason).toBe("results.errors.windowClosed");
    expect(await publishResults(db, admin, competitionId, { publicUrl: "", now: new Date() })).toEqual({ certificates: 99 });
    expect((await db.select().from(objections).where(eq(objections.competitionId, competitionId))).map((o) => o.state)).toEqual(["rejected"]);

    const pub = (await publishedResults(db, SLUG))!;
    expect(pub.submitted).toBe(300);
    expect(pub.decree.number).toBe(`B/${EDITION}/M.KT.01/${EDITION}`);
    expect(Object.fromEntries(pub.tiers.map((t) => [t.code, t.count]))).toEqual({ outstanding: 1, "top-45": 44, "top-99": 54 });
    expect(pub.awards).toHaveLength(99);
    expect(pub.awards.every((a) => CERTIFICATE_CODE.test(a.certificate ?? ""))).toBe(true);
    const outstanding = pub.awards.find((a) => a.tier === "outstanding")!;
    const certificate = (await certificateByCode(db, outstanding.certificate!))!;
    expect(certificate).toMatchObject({ tier: "Outstanding Achievement", slug: SLUG, edition: EDITION, agency: outstanding.agency.name, decreeNumber: `B/${EDITION}/M.KT.01/${EDITION}` });
    expect((await edition()).state).toBe("final");
    phase("results");
  }, PHASE);

  it("holds every invariant", async () => {
    const db = database.db;
    const counts = await db
      .select({ stage: stageDecisions.stageCode, n: sql<number>`count(*) filter (where ${stageDecisions.advances})::int` })
      .from(stageDecisions)
      .where(eq(stageDecisions.competitionId, competitionId))
      .groupBy(stageDecisions.stageCode);
    expect(Object.fromEntries(counts.map((r) => [r.stage, r.n]))).toEqual({ evaluasi: 151, "penilaian-tpi": 99, presentasi: 60, "verifikasi-lapangan": 60, keputusan: 45 });
    const found = await checkInvariants(db, competitionId);
    expect(found, describeViolations(found)).toEqual([]);
    expect(await checkInvariants(db)).toEqual([]);
    phase("invariants");
  }, PHASE);
});
