// The demo's edition under evaluation: last year's edition, with registration and screening
// behind it and the evaluators' stage open on the day the demo is loaded, so a newcomer sees the
// judging at work: the secretariat's pools, assignment, a declared conflict and the plenary
// ranking; the demo evaluator has proposals waiting to be scored; other evaluators have scored.
import { and, eq, inArray, ne, notInArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, awards, competitionJudges, competitions, innovations, judgeProfiles, proposals, proposalSections, reviews, assignments, users } from "~/db/schema";
import type { Actor } from "~/lib/policy";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { shiftDays } from "~/modules/competitions/config-values";
import { preset } from "~/modules/competitions/presets";
import { sectionsFor } from "~/modules/proposals/form-shape";
import { runAssignment } from "~/modules/judging/assignment.server";
import { declareConflict } from "~/modules/judging/conflicts.server";
import { createRng } from "./prng";

const DAY = 86_400_000;
const STAGE = "evaluasi";
const PROPOSALS = 24;

// Generated judges: no password (they would be invited), real-sounding names and expertise.
const EVALUATORS = [
  ["Prof. Bambang Riyanto", ["kesehatan", "sosial"]],
  ["Dr. Ratna Dewi Lestari", ["pendidikan", "kesehatan"]],
  ["Dr. Hendra Gunawan", ["infrastruktur", "lingkungan"]],
  ["Dr. Made Sukarsa", ["ekonomi", "perizinan"]],
  ["Dr. Yohana Kambu", ["sosial", "pangan"]],
] as const;
const PANELISTS = ["Prof. Eko Prasojo (contoh)", "Dr. Siti Zuhro (contoh)", "Dr. Rudiarto Sumarwono (contoh)"];

/** The schedule: the preset's, moved so that the evaluators' stage opened five days before `now`. */
function schedule(now: Date) {
  const base = preset("kipp-2023-umum", now.getUTCFullYear());
  const evaluation = base.config.stages.find((s) => s.code === STAGE)!;
  const config: CompetitionConfig = shiftDays(base.config, Math.round((now.getTime() - 5 * DAY - Date.parse(evaluation.opensAt)) / DAY));
  return { base, config, edition: new Date(Date.parse(config.stages[0].closesAt)).getUTCFullYear() };
}

/** The year of the edition under evaluation when the demo is loaded at `now` (last year's is finished). */
export const demoEvaluationEdition = (now: Date) => schedule(now).edition;

/**
 * The demo's judges: the evaluator and panelist logins plus generated ones, with their
 * expertise. Made once, before last year's edition (which they judged too).
 */
export async function seedDemoJudges(db: Db) {
  const logins = await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.email, ["evaluator@ui.demo", "panelis@tpi.demo"]));
  const generated = await db
    .insert(users)
    .values([
      ...EVALUATORS.map(([name], i) => ({ email: `evaluator${i + 1}@juri.demo`, name, role: "evaluator" as const })),
      ...PANELISTS.map((name, i) => ({ email: `panelis${i + 1}@juri.demo`, name, role: "panelist" as const })),
    ])
    .onConflictDoNothing()
    .returning({ id: users.id, role: users.role });
  const expertise = new Map<number, string[]>(generated.map((g, i) => [g.id, i < EVALUATORS.length ? [...EVALUATORS[i][1]] : ["tata_kelola"]]));
  for (const j of [...logins, ...generated]) {
    await db.insert(judgeProfiles).values({ userId: j.id, expertise: expertise.get(j.id) ?? ["kesehatan", "tik"], affiliation: j.role === "panelist" ? "Tim Panel Independen" : "Perguruan tinggi" }).onConflictDoNothing();
  }
}

/** Every judge with a profile (what seedDemoJudges made), in id order. */
export function demoJudges(db: Db) {
  return db
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .innerJoin(judgeProfiles, eq(judgeProfiles.userId, users.id))
    .where(inArray(users.role, ["evaluator", "panelist"]))
    .orderBy(users.id);
}

/**
 * Seeded after the finished edition, as time runs: its judges' earlier involvement is then known
 * to the assignment, and last year's award winners are not entered again in the general group.
 */
export async function seedDemoJudging(db: Db, adminId: number, now: Date, publicUrl: string) {
  const rng = createRng(2026_11);
  const { base, config, edition } = schedule(now);
  const [competition] = await db
    .insert(competitions)
    .values({
      slug: `kipp-${edition}-evaluasi`,
      edition,
      ...base,
      name: `${base.name} (tahap evaluasi)`,
      config,
      legalBasis: "Peraturan Menteri PANRB tentang Kompetisi Inovasi Pelayanan Publik (contoh)",
      state: "announced",
      announcedAt: new Date(Date.parse(config.stages[0].opensAt) - 14 * DAY),
    })
    .returning();

  // Proposals: published innovations of distinct agencies, sections prefilled from the register.
  const candidates = await db
    .select({ innovation: innovations, agencyType: agencies.type })
    .from(innovations)
    .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
    .where(and(eq(innovations.state, "published"), ne(agencies.type, "bumd"), notInArray(innovations.id, db.select({ id: awards.innovationId }).from(awards))))
    .orderBy(innovations.id);
  const seen = new Set<number>();
  const chosen = candidates.filter((c) => !seen.has(c.innovation.agencyId) && seen.add(c.innovation.agencyId)).slice(0, PROPOSALS);
  const closes = Date.parse(config.stages[0].closesAt);
  const categories = config.categories.map((c) => c.code);
  const ids: number[] = [];
  for (const [i, { innovation }] of chosen.entries()) {
    const failed = i % 12 === 11;
    const [p] = await db
      .insert(proposals)
      .values({
        competitionId: competition.id,
        innovationId: innovation.id,
        agencyId: innovation.agencyId,
        unitId: innovation.unitId,
        groupCode: "umum",
        categoryCode: categories[i % categories.length],
        title: innovation.name,
        state: "submitted",
        links: { video: "https://www.youtube.com/watch?v=contoh" },
        declarations: ["kebenaran-data"],
        receiptNumber: `KIPP-${edition}-${String(i + 1).padStart(5, "0")}`,
        submittedAt: new Date(closes - (PROPOSALS - i) * 3 * 3_600_000),
        screening: failed ? "failed" : "passed",
        screeningReason: failed ? "Inovasi belum berjalan 12 bulan saat pendaftaran ditutup." : null,
        screenedBy: adminId,
        screenedAt: new Date(closes + 10 * DAY),
      })
      .returning();
    ids.push(p.id);
    const fields = innovation as unknown as Record<string, string>;
    await db.insert(proposalSections).values(
      // Written before the proposal was submitted (a submitted proposal's sections are locked).
      sectionsFor(config, "umum").map((s) => ({ proposalId: p.id, sectionCode: s.code, body: s.prefill.map((f) => (fields[f] ?? "").trim()).filter(Boolean).join("\n\n") || "Lihat lampiran.", updatedAt: new Date(closes - 30 * DAY) })),
    );
  }

  // The pool: every judge the demo has (its logins and the generated ones).
  const judges = await demoJudges(db);
  for (const j of judges) await db.insert(competitionJudges).values({ competitionId: competition.id, userId: j.id }).onConflictDoNothing();
  const demoEvaluator = judges.find((j) => j.email === "evaluator@ui.demo")?.id;

  const [admin] = await db.select().from(users).where(eq(users.id, adminId));
  const actor: Actor = { kind: "user", id: admin.id, name: admin.name, email: admin.email, role: "national_admin", agencyId: null, unitId: null };
  const stored = { id: competition.id, config };
  await runAssignment(db, actor, stored, STAGE, { publicUrl });

  // Every generated evaluator has scored all but one of their proposals; the demo evaluator none.
  const criteria = config.stages.find((s) => s.code === STAGE)!.criteria;
  const pairs = await db.select().from(assignments).where(and(eq(assignments.competitionId, competition.id), eq(assignments.stageCode, STAGE)));
  const left = new Set<number>();
  for (const a of pairs) {
    if (a.judgeId === demoEvaluator) continue;
    if (!left.has(a.judgeId)) {
      left.add(a.judgeId);
      continue;
    }
    const quality = 0.45 + ((a.proposalId * 37) % 50) / 100;
    const scores = Object.fromEntries(criteria.map((c) => [c.code, Math.max(c.scaleMin, Math.min(c.scaleMax, Math.round(c.scaleMin + (c.scaleMax - c.scaleMin) * (quality + (rng.next() - 0.5) * 0.2))))]));
    // Last changed when submitted, as saveReview writes it (a submitted review is locked).
    const submittedAt = new Date(now.getTime() - rng.int(1, 4) * DAY);
    await db.insert(reviews).values({
      competitionId: competition.id,
      stageCode: STAGE,
      proposalId: a.proposalId,
      judgeId: a.judgeId,
      scores,
      justifications: Object.fromEntries(criteria.map((c) => [c.code, `Bukti pada bagian ${c.name.toLowerCase()} ${scores[c.code] >= (c.scaleMin + c.scaleMax) / 2 ? "cukup meyakinkan" : "masih kurang terukur"}.`])),
      comment: "Perkuat data sebelum dan sesudah serta lampirkan laporan evaluasi.",
      state: "submitted",
      submittedAt,
      updatedAt: submittedAt,
    });
  }

  // A declared conflict awaiting the secretariat's decision, on the proposal the judge had not
  // scored yet: declaring is a recusal, so that pair is withdrawn and awaits the next run.
  const declarer = judges.find((j) => j.email === "evaluator1@juri.demo")!;
  const unscored = pairs.find((p) => p.judgeId === declarer.id);
  if (unscored) {
    const judge: Actor = { kind: "user", id: declarer.id, name: declarer.name, email: declarer.email, role: declarer.role, agencyId: null, unitId: null };
    await declareConflict(db, judge, competition.id, unscored.proposalId, { kind: "mentoring", note: "Saya pernah menjadi narasumber pelatihan tim inovasi ini." });
  }
  return competition;
}
