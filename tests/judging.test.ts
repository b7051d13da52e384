// Judges, conflicts, assignment, scoring and the plenary, through the use cases on a real
// database: no conflicted pair is ever assigned, a recusal moves few pairs, scores need their
// justifications and lock at the close, a reopened review is audited, and the plenary's
// overrides need a reason and decide who enters the next stage.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { openTestDatabase } from "./db";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { agencies, assignments, auditLog, competitions, conflicts, proposals } from "../app/db/schema";
import type { Actor } from "../app/lib/policy";
import { AppError } from "../app/lib/errors";
import type { CompetitionConfig } from "../app/modules/competitions/config";
import { competitionById } from "../app/modules/competitions/queries.server";
import { saveJudges } from "../app/modules/judging/judges.server";
import { decideConflict, declareConflict } from "../app/modules/judging/conflicts.server";
import { assignmentView, changeAssignment, runAssignment } from "../app/modules/judging/assignment.server";
import { otherReviews, reopenReview, saveReview, type ReviewInput } from "../app/modules/judging/reviews.server";
import { decideStage, stageRanking } from "../app/modules/judging/plenary.server";
import { stageEntrants } from "../app/modules/judging/stage-entrants.server";

let database: Database;
const DAY = 86_400_000;
const actorOf = (u: { id: number; email: string; role: string; agencyId: number | null }): Actor =>
  ({ kind: "user", id: u.id, name: u.email, email: u.email, role: u.role, agencyId: u.agencyId, unitId: null }) as Actor;
let admin: Actor;
const judges: Record<string, Actor> = {};
const ids: Record<string, number> = {};
let competitionId = 0;
const STAGE = "evaluasi";

async function regional(type: "kabupaten" | "kota" | "provinsi", regionCode: string) {
  const [row] = await database.db.select().from(agencies).where(and(eq(agencies.type, type), eq(agencies.regionCode, regionCode)));
  return row ?? createAgency(database.db, { type, regionCode, name: `${type} ${regionCode}` });
}

/** Move the evaluation stage so that it is open now (or closed, with `closedAgo`). */
async function setStageWindow(closesInMs: number) {
  const c = (await competitionById(database.db, competitionId))!;
  const config: CompetitionConfig = structuredClone(c.config);
  const s = config.stages.find((x) => x.code === STAGE)!;
  s.opensAt = new Date(Date.now() - 10 * DAY).toISOString();
  s.closesAt = new Date(Date.now() + closesInMs).toISOString();
  await database.db.update(competitions).set({ config }).where(eq(competitions.id, competitionId));
  return (await competitionById(database.db, competitionId))!;
}

const caught = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected a refusal");
};

const full = (criteria: { code: string; scaleMax: number }[], score: (i: number) => number): ReviewInput => ({
  scores: Object.fromEntries(criteria.map((c, i) => [c.code, String(Math.min(c.scaleMax, score(i)))])),
  justifications: Object.fromEntries(criteria.map((c) => [c.code, `Alasan untuk ${c.code}.`])),
  comment: "Bukti dukung lengkap.",
  version: null,
  submit: true,
});

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  admin = actorOf(await createTestUser(db, { role: "national_admin" }));
  // Registration closed 40 days ago: the evaluators' stage (1 to 30 June in the preset) opened
  // eight days ago and still runs, so its plenary may sit.
  const competition = await createCompetition(db, { slug: "kipp-juri", state: "announced", registrationClosesInDays: -40 });
  competitionId = competition.id;

  const banyumas = await regional("kabupaten", "33.02");
  const jateng = await regional("provinsi", "33");
  const surabaya = await regional("kota", "35.78");
  const ministry = await createAgency(db, { type: "kementerian", name: "Kementerian Uji Juri" });
  const papua = await regional("provinsi", "91");
  let n = 0;
  for (const [key, agency] of [["banyumas", banyumas], ["surabaya", surabaya], ["ministry", ministry], ["papua", papua]] as const) {
    const innovation = await createInnovation(db, { agencyId: agency.id, name: `Inovasi ${key}`, sectors: ["kesehatan"] });
    const [p] = await db
      .insert(proposals)
      .values({ competitionId, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${key}`, state: "submitted", receiptNumber: `KIPP-JURI-${++n}`, submittedAt: new Date(Date.now() - n * 1000), screening: "passed" })
      .returning();
    ids[key] = p.id;
  }
  // A proposal that failed screening never reaches the judges.
  const failed = await createInnovation(db, { agencyId: ministry.id, name: "Inovasi gugur" });
  ids.failed = (await db.insert(proposals).values({ competitionId, innovationId: failed.id, agencyId: ministry.id, groupCode: "umum", categoryCode: "kesehatan", title: "Gugur", state: "submitted", screening: "failed" }).returning())[0].id;

  // Evaluators: one of Banyumas' own staff, a Central Java provincial official, two academics.
  judges.own = actorOf(await createTestUser(db, { role: "evaluator", agencyId: banyumas.id }));
  judges.province = actorOf(await createTestUser(db, { role: "evaluator", agencyId: jateng.id }));
  judges.a = actorOf(await createTestUser(db, { role: "evaluator" }));
  judges.b = actorOf(await createTestUser(db, { role: "evaluator" }));
  judges.panel = actorOf(await createTestUser(db, { role: "panelist" }));
  await setStageWindow(10 * DAY);
});
afterAll(async () => database?.close());

const userId = (a: Actor) => (a.kind === "user" ? a.id : 0);

describe("judging", () => {
  it("keeps the pool: only evaluators and panelists, regions checked", async () => {
    const db = database.db;
    const rows = Object.values(judges).map((j) => ({ userId: userId(j), member: true, capacity: null, expertise: ["kesehatan"], regionCode: null, affiliation: "" }));
    expect(await saveJudges(db, admin, competitionId, rows)).toBe(5);
    expect((await caught(saveJudges(db, admin, competitionId, [{ ...rows[0], regionCode: "99.99" }]))).reason).toBe("judging.errors.region");
    expect((await caught(saveJudges(db, admin, competitionId, [{ ...rows[0], userId: userId(admin) }]))).reason).toBe("judging.errors.notJudge");
    expect((await caught(saveJudges(db, judges.a, competitionId, rows))).status).toBe(403);
  });

  it("assigns k judges per proposal, balanced, never a conflicted pair", async () => {
    const c = (await competitionById(database.db, competitionId))!;
    const entrants = await stageEntrants(database.db, competitionId, c.config, STAGE);
    expect(entrants.map((e) => e.id).sort()).toEqual([ids.banyumas, ids.surabaya, ids.ministry, ids.papua].sort());
    const run = await runAssignment(database.db, admin, c, STAGE, { publicUrl: "https://lumbung.uji" });
    expect(run.unstaffed).toEqual([]);
    expect(run.pairs).toBe(8);
    const view = await assignmentView(database.db, c, STAGE);
    // The panelist is not in the evaluators' pool.
    expect(view.judges.map((j) => j.id)).not.toContain(userId(judges.panel));
    const loads = view.judges.map((j) => j.load);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
    expect(view.conflictedPairs).toBe(0);
    const banyumas = view.proposals.find((p) => p.id === ids.banyumas)!;
    // Banyumas' own evaluator and the Central Java official are both kept away from it.
    expect(banyumas.judges.map((j) => j.id).sort()).toEqual([userId(judges.a), userId(judges.b)].sort());
    // A manual change cannot add a conflicted pair, and needs a reason.
    const refused = await caught(changeAssignment(database.db, admin, c, STAGE, { op: "add", proposalId: ids.banyumas, judgeId: userId(judges.own), reason: "butuh" }));
    expect(refused.reason).toBe("judging.errors.conflicted");
    expect((await caught(changeAssignment(database.db, admin, c, STAGE, { op: "remove", proposalId: ids.banyumas, judgeId: userId(judges.a), reason: " " }))).reason).toBe("judging.errors.reasonRequired");
  });

  it("a declared conflict is a recusal; the re-run moves few pairs; a dismissal is reasoned", async () => {
    const db = database.db;
    const c = (await competitionById(db, competitionId))!;
    const declared = await declareConflict(db, judges.a, competitionId, ids.banyumas, { kind: "family", note: "Adik saya di tim inovasi." });
    expect(declared.recusedFrom).toEqual([STAGE]);
    const before = await db.select().from(assignments).where(eq(assignments.competitionId, competitionId));
    const run = await runAssignment(db, admin, c, STAGE, { publicUrl: "https://lumbung.uji" });
    // Banyumas has one eligible evaluator left: it stays one short, and says why.
    expect(run.unstaffed).toEqual([expect.objectContaining({ proposalId: String(ids.banyumas), missing: 1, reason: "too-few-eligible-judges" })]);
    const after = await db.select().from(assignments).where(eq(assignments.competitionId, competitionId));
    const key = (r: { proposalId: number; judgeId: number }) => `${r.proposalId}:${r.judgeId}`;
    const kept = after.filter((r) => before.some((b) => key(b) === key(r))).length;
    expect(before.length - kept).toBeLessThanOrEqual(2);
    expect(after.some((r) => r.proposalId === ids.banyumas && r.judgeId === userId(judges.a))).toBe(false);
    // Dismissed with a reason: the judge may be assigned again.
    const unreasoned = await caught(decideConflict(db, admin, competitionId, declared.id, { state: "dismissed", reason: " " }));
    expect(unreasoned.reason).toBe("judging.errors.reasonRequired");
    await decideConflict(db, admin, competitionId, declared.id, { state: "dismissed", reason: "Hubungan keluarga tidak terbukti." });
    // Declared again after the dismissal: a new declaration, pending, dated now.
    const [dismissed] = await db.select().from(conflicts).where(eq(conflicts.id, declared.id));
    const redeclared = await declareConflict(db, judges.a, competitionId, ids.banyumas, { kind: "financial", note: "Ternyata ada kontrak." });
    const [fresh] = await db.select().from(conflicts).where(eq(conflicts.id, redeclared.id));
    expect(fresh).toMatchObject({ id: declared.id, state: "pending", kind: "financial", decisionReason: null });
    expect(fresh.createdAt.getTime()).toBeGreaterThan(dismissed.createdAt.getTime());
    await decideConflict(db, admin, competitionId, declared.id, { state: "dismissed", reason: "Kontrak sudah berakhir." });
    const again = await runAssignment(db, admin, c, STAGE, { publicUrl: "https://lumbung.uji" });
    expect(again.unstaffed).toEqual([]);
  });

  it("scores need every justification, reveal after submitting, lock at the close, reopen audited", async () => {
    const db = database.db;
    let c = (await competitionById(db, competitionId))!;
    const criteria = c.config.stages.find((s) => s.code === STAGE)!.criteria;
    const mine = await db.select().from(assignments).where(and(eq(assignments.competitionId, competitionId), eq(assignments.proposalId, ids.surabaya)));
    const [first, second] = mine.map((m) => Object.values(judges).find((j) => userId(j) === m.judgeId)!);
    const at = { competitionId, stageCode: STAGE, proposalId: ids.surabaya };
    // A judge not assigned sees nothing.
    const stranger = Object.values(judges).find((j) => j !== first && j !== second && j !== judges.panel)!;
    expect((await caught(saveReview(db, stranger, at, full(criteria, () => 5), Date.now()))).status).toBe(404);
    // A draft may be partial; a submission may not.
    const draft = await saveReview(db, first, at, { scores: { [criteria[0].code]: "7" }, justifications: {}, comment: "", version: null, submit: false }, Date.now());
    expect(draft.state).toBe("draft");
    const incomplete = await caught(saveReview(db, first, at, { scores: { [criteria[0].code]: "7" }, justifications: {}, comment: "", version: draft.version, submit: true }, Date.now()));
    expect(incomplete.status).toBe(400);
    expect(incomplete.fields).toMatchObject({ [`why.${criteria[0].code}`]: "judging.errors.justificationRequired", [`score.${criteria[1].code}`]: "judging.errors.scoreRequired" });
    const outOfRange = await caught(saveReview(db, first, at, { ...full(criteria, () => 5), scores: { ...full(criteria, () => 5).scores, [criteria[0].code]: "1000" }, version: draft.version }, Date.now()));
    expect(outOfRange.fields).toMatchObject({ [`score.${criteria[0].code}`]: "judging.errors.scoreRange" });
    // A stale version is refused.
    expect((await caught(saveReview(db, first, at, { ...full(criteria, () => 8), version: draft.version + 5 }, Date.now()))).reason).toBe("judging.errors.stale");
    const submitted = await saveReview(db, first, at, { ...full(criteria, () => 8), version: draft.version }, Date.now());
    expect(submitted.state).toBe("submitted");
    expect((await caught(saveReview(db, first, at, full(criteria, () => 9), Date.now()))).reason).toBe("judging.errors.locked");
    // The second judge sees nothing of the first until submitting.
    expect(await otherReviews(db, c.config, userId(second), null, competitionId, STAGE, ids.surabaya)).toBeNull();
    const secondReview = await saveReview(db, second, at, full(criteria, () => 6), Date.now());
    const seen = await otherReviews(db, c.config, userId(second), secondReview, competitionId, STAGE, ids.surabaya);
    expect(seen).toEqual([expect.objectContaining({ label: 1, scores: submitted.scores })]);

    // The stage closes: a late save is refused to the second.
    c = await setStageWindow(-1000);
    const others = await db.select().from(assignments).where(and(eq(assignments.competitionId, competitionId), eq(assignments.proposalId, ids.ministry)));
    const late = Object.values(judges).find((j) => userId(j) === others[0].judgeId)!;
    expect((await caught(saveReview(db, late, { ...at, proposalId: ids.ministry }, full(criteria, () => 5), Date.now()))).reason).toBe("judging.errors.closed");
    // The secretariat reopens the first review (with a reason): the judge changes it after the close.
    expect((await caught(reopenReview(db, admin, competitionId, submitted.id, ""))).reason).toBe("judging.errors.reasonRequired");
    await reopenReview(db, admin, competitionId, submitted.id, "Skor kriteria 2 salah ketik.");
    const redone = await saveReview(db, first, at, full(criteria, () => 9), Date.now());
    expect(redone.state).toBe("submitted");
    expect(redone.reopenedAt).toBeNull();
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, "review.reopen"));
    expect(audit[0].data).toMatchObject({ reason: "Skor kriteria 2 salah ketik." });
  });

  it("ranks, proposes who goes on, and records the plenary's decisions with reasoned overrides", async () => {
    const db = database.db;
    const c = (await competitionById(db, competitionId))!;
    // Every remaining pair submits, so all four are scored (Papua highest, the ministry lowest).
    const scoreOf: Record<number, number> = { [ids.papua]: 10, [ids.banyumas]: 7, [ids.surabaya]: 8, [ids.ministry]: 3 };
    await setStageWindow(10 * DAY);
    const criteria = c.config.stages.find((s) => s.code === STAGE)!.criteria;
    for (const a of await db.select().from(assignments).where(and(eq(assignments.competitionId, competitionId), eq(assignments.stageCode, STAGE)))) {
      const judge = Object.values(judges).find((j) => userId(j) === a.judgeId)!;
      await saveReview(db, judge, { competitionId, stageCode: STAGE, proposalId: a.proposalId }, full(criteria, () => scoreOf[a.proposalId]), Date.now()).catch((e: AppError) => {
        if (e.reason !== "judging.errors.locked") throw e;
      });
    }
    // Top 2 overall goes on.
    const config: CompetitionConfig = structuredClone(c.config);
    config.stages.find((s) => s.code === STAGE)!.advancement = { rule: "top", n: 2, scope: "overall", minTypeShares: [] };
    await db.update(competitions).set({ config }).where(eq(competitions.id, competitionId));
    const fresh = (await competitionById(db, competitionId))!;
    const { rows } = await stageRanking(db, fresh, STAGE);
    expect(rows.map((r) => r.entrant.id)).toEqual([ids.papua, ids.surabaya, ids.banyumas, ids.ministry]);
    expect(rows.map((r) => r.proposed.advance)).toEqual([true, true, false, false]);
    // Following the proposal needs no reason; departing from it does.
    const follow = rows.map((r) => ({ proposalId: r.entrant.id, advances: r.proposed.advance, reason: "" }));
    const override = follow.map((d) => (d.proposalId === ids.banyumas ? { ...d, advances: true } : d));
    const refused = await caught(decideStage(db, admin, fresh, STAGE, override));
    expect(refused.fields).toEqual({ [`reason.${ids.banyumas}`]: "judging.errors.overrideReason" });
    const done = await decideStage(db, admin, fresh, STAGE, override.map((d) => (d.proposalId === ids.banyumas ? { ...d, reason: "Dampak luas di desa tertinggal." } : d)));
    expect(done).toEqual({ decided: 4, overrides: 1 });
    // The next stage takes exactly those decided to go on.
    const next = await stageEntrants(db, competitionId, fresh.config, "penilaian-tpi");
    expect(next.map((e) => e.id).sort()).toEqual([ids.papua, ids.surabaya, ids.banyumas].sort());
    expect((await caught(decideStage(db, judges.a, fresh, STAGE, follow))).status).toBe(403);
    // A stage that has not opened has judged nothing: its plenary cannot sit yet.
    const later = (await stageEntrants(db, competitionId, fresh.config, "penilaian-tpi")).map((e) => ({ proposalId: e.id, advances: true, reason: "Belum dinilai." }));
    const early = await caught(decideStage(db, admin, fresh, "penilaian-tpi", later, "raw", { despiteAwaited: true }));
    expect(early).toMatchObject({ status: 409, reason: "judging.errors.stageNotOpen" });
  });
});
