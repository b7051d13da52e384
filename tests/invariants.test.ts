// The invariant checker on a small edition judged through the use cases: clean, it reports
// nothing; each invariant broken on purpose (by hand in the database, as a faulty migration or a
// hand edit would) is named, and only that one; repaired, the edition is clean again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { openTestDatabase } from "./db";
import type { Database } from "../app/db/client.server";
import { createAgency, createCompetition, createInnovation, createTestUser } from "../app/db/factories.server";
import { agencies, assignments, competitions, proposals, proposalSections, reviews, stageDecisions } from "../app/db/schema";
import type { Actor } from "../app/lib/policy";
import type { CompetitionConfig } from "../app/modules/competitions/config";
import { stageEnd } from "../app/modules/competitions/config-values";
import { competitionById } from "../app/modules/competitions/queries.server";
import { runAssignment } from "../app/modules/judging/assignment.server";
import { decideConflict, declareConflict } from "../app/modules/judging/conflicts.server";
import { checkInvariants, describeViolations, type InvariantRule } from "../app/modules/judging/invariants.server";
import { saveJudges } from "../app/modules/judging/judges.server";
import { decideStage, stageRanking } from "../app/modules/judging/plenary.server";
import { reopenReview, saveReview, type ReviewInput } from "../app/modules/judging/reviews.server";

let database: Database;
let competitionId = 0;
let admin: Actor;
const judges: Record<string, Actor> = {};
const ids: Record<string, number> = {};
const STAGE = "evaluasi";
const DAY = 86_400_000;
const HOUR = 3_600_000;
/** The evaluation stage's close: a minute after the set-up, so that every review is before it. */
let closesAt = "";

const actorOf = (u: { id: number; email: string; role: string; agencyId: number | null }): Actor =>
  ({ kind: "user", id: u.id, name: u.email, email: u.email, role: u.role, agencyId: u.agencyId, unitId: null }) as Actor;
const userId = (a: Actor) => (a.kind === "user" ? a.id : 0);
const judgeById = (id: number) => Object.values(judges).find((j) => userId(j) === id)!;
/** An instant as the configuration writes it: whole seconds, in WIB. */
const wib = (ms: number) => new Date(Math.floor(ms / 1000) * 1000 + 7 * HOUR).toISOString().replace(/\.\d{3}Z$/, "+07:00");

async function regional(type: "kabupaten" | "kota" | "provinsi", regionCode: string) {
  const [row] = await database.db.select().from(agencies).where(and(eq(agencies.type, type), eq(agencies.regionCode, regionCode)));
  return row ?? createAgency(database.db, { type, regionCode, name: `${type} ${regionCode}` });
}

const review = (criteria: { code: string; scaleMax: number }[], score: number, submit = true): ReviewInput => ({
  scores: Object.fromEntries(criteria.map((c) => [c.code, String(Math.min(c.scaleMax, score))])),
  justifications: Object.fromEntries(criteria.map((c) => [c.code, `Alasan untuk ${c.code}.`])),
  comment: "",
  version: null,
  submit,
});

const check = () => checkInvariants(database.db, competitionId);
const expectClean = async () => {
  const found = await check();
  expect(found, describeViolations(found)).toEqual([]);
};
const evaluationReviews = () => database.db.select().from(reviews).where(and(eq(reviews.competitionId, competitionId), eq(reviews.stageCode, STAGE)));

beforeAll(async () => {
  database = await openTestDatabase();
  const db = database.db;
  admin = actorOf(await createTestUser(db, { role: "national_admin" }));
  const competition = await createCompetition(db, { slug: "kipp-invarian", state: "announced", registrationClosesInDays: -20 });
  competitionId = competition.id;
  // The evaluation stage runs now (its close a minute away) and sends the best two on.
  const config: CompetitionConfig = structuredClone(competition.config);
  const evaluation = config.stages.find((s) => s.code === STAGE)!;
  evaluation.opensAt = wib(Date.now() - 10 * DAY);
  closesAt = wib(Date.now() + 60_000);
  evaluation.closesAt = closesAt;
  evaluation.advancement = { rule: "top", n: 2, scope: "overall", minTypeShares: [] };
  await db.update(competitions).set({ config }).where(eq(competitions.id, competitionId));

  // Proposals entered by hand (the checker is under test here, not the submission path; the
  // scenario test submits through the use cases), each with a section written before it went in.
  const banyumas = await regional("kabupaten", "33.02");
  const jateng = await regional("provinsi", "33");
  const places = { banyumas, surabaya: await regional("kota", "35.78"), ministry: await createAgency(db, { type: "kementerian", name: "Kementerian Uji Invarian" }), papua: await regional("provinsi", "91") };
  let n = 0;
  for (const [key, agency] of Object.entries(places)) {
    const innovation = await createInnovation(db, { agencyId: agency.id, name: `Inovasi ${key}`, sectors: ["kesehatan"] });
    const submittedAt = new Date(Date.now() - 30 * DAY + n * HOUR);
    const [p] = await db
      .insert(proposals)
      .values({ competitionId, innovationId: innovation.id, agencyId: agency.id, groupCode: "umum", categoryCode: "kesehatan", title: `Proposal ${key}`, state: "submitted", receiptNumber: `KIPP-INV-${++n}`, submittedAt, screening: "passed" })
      .returning();
    await db.insert(proposalSections).values({ proposalId: p.id, sectionCode: "ringkasan", body: `Ringkasan ${key}.`, updatedAt: new Date(submittedAt.getTime() - HOUR) });
    ids[key] = p.id;
  }

  // Evaluators: one of Banyumas' own staff, a Central Java provincial official, two academics.
  judges.own = actorOf(await createTestUser(db, { role: "evaluator", agencyId: banyumas.id }));
  judges.province = actorOf(await createTestUser(db, { role: "evaluator", agencyId: jateng.id }));
  judges.a = actorOf(await createTestUser(db, { role: "evaluator" }));
  judges.b = actorOf(await createTestUser(db, { role: "evaluator" }));
  await saveJudges(db, admin, competitionId, Object.values(judges).map((j) => ({ userId: userId(j), member: true, capacity: null, expertise: ["kesehatan"], regionCode: null, affiliation: "" })));

  // Assigned, scored and decided through the use cases. Banyumas (lowest) gets one complete
  // review and one draft, so it stays behind with fewer than k reviews.
  const c = (await competitionById(db, competitionId))!;
  await runAssignment(db, admin, c, STAGE, { publicUrl: "https://lumbung.uji" });
  const criteria = c.config.stages.find((s) => s.code === STAGE)!.criteria;
  const quality: Record<number, number> = { [ids.papua]: 9, [ids.surabaya]: 8, [ids.ministry]: 6, [ids.banyumas]: 3 };
  let draftLeft = false;
  for (const a of await db.select().from(assignments).where(and(eq(assignments.competitionId, competitionId), eq(assignments.stageCode, STAGE)))) {
    const draft = a.proposalId === ids.banyumas && !draftLeft;
    if (draft) draftLeft = true;
    // Judges differ by a point, so that one review more or less moves a proposal's score.
    await saveReview(db, judgeById(a.judgeId), { competitionId, stageCode: STAGE, proposalId: a.proposalId }, review(criteria, quality[a.proposalId] - (a.judgeId % 2), !draft), Date.now());
  }
  const { rows } = await stageRanking(db, c, STAGE);
  // Decided while Banyumas' draft is still awaited: the plenary's stated choice.
  await decideStage(db, admin, c, STAGE, rows.map((r) => ({ proposalId: r.entrant.id, advances: r.proposed.advance, reason: "" })), "raw", { despiteAwaited: true });
});
afterAll(async () => database?.close());

describe("the invariant checker", () => {
  it("finds nothing in an edition judged through the use cases, alone or among all editions", async () => {
    const decided = await database.db.select().from(stageDecisions).where(eq(stageDecisions.competitionId, competitionId));
    expect(decided.filter((d) => d.advances).map((d) => d.proposalId).sort()).toEqual([ids.papua, ids.surabaya].sort());
    await expectClean();
    expect(await checkInvariants(database.db)).toEqual([]);
  });

  it("names a submitted review from a judge of the proposal's own agency and province", async () => {
    const c = (await competitionById(database.db, competitionId))!;
    const criteria = c.config.stages.find((s) => s.code === "penilaian-tpi")!.criteria;
    // In a stage without decisions, so that no total changes with it. One instant for both
    // stamps, as saveReview writes them: two clock readings can fall a millisecond apart, and
    // the review would then be "changed after it was submitted" too.
    const at = new Date();
    const [row] = await database.db
      .insert(reviews)
      .values({ competitionId, stageCode: "penilaian-tpi", proposalId: ids.banyumas, judgeId: userId(judges.own), state: "submitted", scores: Object.fromEntries(criteria.map((k) => [k.code, 7])), submittedAt: at, updatedAt: at })
      .returning();
    const found = await check();
    expect(found).toEqual([expect.objectContaining({ rule: "conflicted-review", ids: expect.objectContaining({ proposal: ids.banyumas, judge: userId(judges.own), review: row.id }) })]);
    expect(found[0].detail).toContain("own-agency");
    expect(found[0].detail).toContain("same-province");
    await database.db.delete(reviews).where(eq(reviews.id, row.id));
    await expectClean();
  });

  it("keeps a review submitted before a pending declaration, and names it once the conflict is confirmed", async () => {
    const db = database.db;
    const [scored] = (await evaluationReviews()).filter((r) => r.proposalId === ids.papua);
    const declared = await declareConflict(db, judgeById(scored.judgeId), competitionId, ids.papua, { kind: "family", note: "Sepupu saya di tim inovasi." });
    expect(declared.recusedFrom).toEqual([]);
    await expectClean();
    await decideConflict(db, admin, competitionId, declared.id, { state: "confirmed", reason: "Hubungan keluarga terbukti." });
    const found = await check();
    expect(found).toEqual([expect.objectContaining({ rule: "conflicted-review", ids: expect.objectContaining({ proposal: ids.papua, judge: scored.judgeId, review: scored.id }) })]);
    expect(found[0].detail).toContain("declared");
    await decideConflict(db, admin, competitionId, declared.id, { state: "dismissed", reason: "Ditinjau ulang: bukan keluarga." });
    await expectClean();
  });

  it("names a proposal that goes on without its k complete reviews", async () => {
    const db = database.db;
    const banyumas = and(eq(stageDecisions.competitionId, competitionId), eq(stageDecisions.stageCode, STAGE), eq(stageDecisions.proposalId, ids.banyumas));
    await db.update(stageDecisions).set({ advances: true }).where(banyumas);
    const found = await check();
    expect(found).toEqual([expect.objectContaining({ rule: "advanced-short-of-reviews", ids: expect.objectContaining({ stage: STAGE, proposal: ids.banyumas }) })]);
    expect(found[0].detail).toContain("1 complete review(s); the stage needs 2");
    await db.update(stageDecisions).set({ advances: false }).where(banyumas);
    await expectClean();
  });

  it("names a stored score that is not the weighted sum of the reviews, to a millionth", async () => {
    const db = database.db;
    const papua = and(eq(stageDecisions.competitionId, competitionId), eq(stageDecisions.stageCode, STAGE), eq(stageDecisions.proposalId, ids.papua));
    const [before] = await db.select().from(stageDecisions).where(papua);
    // Float noise below a millionth is the same score.
    await db.update(stageDecisions).set({ score: before.score! + 1e-9 }).where(papua);
    await expectClean();
    await db.update(stageDecisions).set({ score: before.score! + 0.5 }).where(papua);
    expect(await check()).toEqual([expect.objectContaining({ rule: "total-mismatch", ids: expect.objectContaining({ stage: STAGE, proposal: ids.papua }) })]);
    await db.update(stageDecisions).set({ score: before.score }).where(papua);
    await expectClean();
  });

  it("names a submitted review with a score off its scale (and the total it no longer makes)", async () => {
    const db = database.db;
    // The ministry's proposal stayed behind: one review fewer breaks no advancement.
    const [r] = (await evaluationReviews()).filter((x) => x.proposalId === ids.ministry);
    const code = Object.keys(r.scores)[0];
    await db.update(reviews).set({ scores: { ...r.scores, [code]: 11 } }).where(eq(reviews.id, r.id));
    const found = await check();
    expect([...new Set(found.map((v) => v.rule))].sort()).toEqual(["review-scores", "total-mismatch"] satisfies InvariantRule[]);
    expect(found.find((v) => v.rule === "review-scores")!.detail).toContain(`outOfRange: ${code}`);
    await db.update(reviews).set({ scores: r.scores }).where(eq(reviews.id, r.id));
    await expectClean();
  });

  it("names a review changed after it was submitted", async () => {
    const db = database.db;
    const [r] = (await evaluationReviews()).filter((x) => x.proposalId === ids.ministry);
    await db.update(reviews).set({ updatedAt: new Date(r.submittedAt!.getTime() + 1000) }).where(eq(reviews.id, r.id));
    expect(await check()).toEqual([expect.objectContaining({ rule: "review-changed-after-submit", ids: expect.objectContaining({ review: r.id }) })]);
    await db.update(reviews).set({ updatedAt: r.updatedAt }).where(eq(reviews.id, r.id));
    await expectClean();
  });

  it("names a review changed after its stage closed, unless the secretariat reopened it", async () => {
    const db = database.db;
    const end = stageEnd({ closesAt });
    const [r] = (await evaluationReviews()).filter((x) => x.proposalId === ids.surabaya && x.state === "submitted");
    // Written after the close as if submitted then: not reopened, so locked.
    await db.update(reviews).set({ submittedAt: new Date(end + HOUR), updatedAt: new Date(end + HOUR) }).where(eq(reviews.id, r.id));
    expect(await check()).toEqual([expect.objectContaining({ rule: "review-changed-after-close", ids: expect.objectContaining({ stage: STAGE, review: r.id }) })]);
    await db.update(reviews).set({ submittedAt: r.submittedAt, updatedAt: r.updatedAt }).where(eq(reviews.id, r.id));
    await expectClean();

    // Reopened (audited), changed while open again, and submitted again after the close with the
    // same scores: the resubmission clears reopenedAt, the audit log still says why it changed.
    await reopenReview(db, admin, competitionId, r.id, "Justifikasi kriteria pertama perlu diperjelas.");
    const criteria = (await competitionById(db, competitionId))!.config.stages.find((s) => s.code === STAGE)!.criteria;
    const same = { ...review(criteria, 0), scores: Object.fromEntries(Object.entries(r.scores).map(([k, v]) => [k, String(v)])) };
    const again = await saveReview(db, judgeById(r.judgeId), { competitionId, stageCode: STAGE, proposalId: ids.surabaya }, same, end + 2 * HOUR);
    expect(again).toMatchObject({ state: "submitted", reopenedAt: null });
    await expectClean();
  });

  it("names a section changed after its proposal was submitted", async () => {
    const db = database.db;
    const [p] = await db.select().from(proposals).where(eq(proposals.id, ids.papua));
    const section = and(eq(proposalSections.proposalId, ids.papua), eq(proposalSections.sectionCode, "ringkasan"));
    const [before] = await db.select().from(proposalSections).where(section);
    await db.update(proposalSections).set({ body: "Diubah sesudah dikirim.", updatedAt: sql`${p.submittedAt!.toISOString()}::timestamptz + interval '1 minute'` }).where(section);
    expect(await check()).toEqual([expect.objectContaining({ rule: "section-changed-after-submit", ids: expect.objectContaining({ proposal: ids.papua, section: "ringkasan" }) })]);
    await db.update(proposalSections).set({ body: before.body, updatedAt: before.updatedAt }).where(section);
    await expectClean();
  });
});
