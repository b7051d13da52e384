// The demo's edition under evaluation: last year's edition, with registration and screening
// behind it and the evaluators' stage open on the day the demo is loaded, so a newcomer sees the
// judging at work: the secretariat's pools, assignment, a declared conflict and the plenary
// ranking; the demo evaluator has proposals waiting to be scored; other evaluators have scored.
import { and, eq, inArray, ne } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, competitionJudges, competitions, conflicts, innovations, judgeProfiles, proposals, proposalSections, reviews, assignments, users } from "~/db/schema";
import type { Actor } from "~/lib/policy";
import { shiftDays, type CompetitionConfig } from "~/modules/competitions/config";
import { preset } from "~/modules/competitions/presets";
import { sectionsFor } from "~/modules/proposals/form-shape";
import { runAssignment } from "~/modules/judging/assignment.server";
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

export async function seedDemoJudging(db: Db, adminId: number, now = new Date()) {
  const rng = createRng(2026_11);
  const base = preset("kipp-2023-umum", now.getUTCFullYear());
  // Move the schedule so that the evaluators' stage opened five days ago.
  const evaluation = base.config.stages.find((s) => s.code === STAGE)!;
  const config: CompetitionConfig = shiftDays(base.config, Math.round((now.getTime() - 5 * DAY - Date.parse(evaluation.opensAt)) / DAY));
  const edition = new Date(Date.parse(config.stages[0].closesAt)).getUTCFullYear();
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
    .where(and(eq(innovations.state, "published"), ne(agencies.type, "bumd")))
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

  // The pools: the demo logins plus generated judges.
  const demoJudges = await db.select({ id: users.id, role: users.role }).from(users).where(inArray(users.email, ["evaluator@ui.demo", "panelis@tpi.demo"]));
  const generated = await db
    .insert(users)
    .values([
      ...EVALUATORS.map(([name], i) => ({ email: `evaluator${i + 1}@juri.demo`, name, role: "evaluator" as const })),
      ...PANELISTS.map((name, i) => ({ email: `panelis${i + 1}@juri.demo`, name, role: "panelist" as const })),
    ])
    .returning({ id: users.id, role: users.role, email: users.email });
  const expertise = new Map<number, string[]>(generated.map((g, i) => [g.id, i < EVALUATORS.length ? [...EVALUATORS[i][1]] : ["tata_kelola"]]));
  for (const j of [...demoJudges, ...generated]) {
    await db.insert(judgeProfiles).values({ userId: j.id, expertise: expertise.get(j.id) ?? ["kesehatan", "tik"], affiliation: j.role === "panelist" ? "Tim Panel Independen" : "Perguruan tinggi" }).onConflictDoNothing();
    await db.insert(competitionJudges).values({ competitionId: competition.id, userId: j.id }).onConflictDoNothing();
  }

  const [admin] = await db.select().from(users).where(eq(users.id, adminId));
  const actor: Actor = { kind: "user", id: admin.id, name: admin.name, email: admin.email, role: "national_admin", agencyId: null, unitId: null };
  const stored = { id: competition.id, config };
  await runAssignment(db, actor, stored, STAGE);

  // Every generated evaluator has scored all but one of their proposals; the demo evaluator none.
  const criteria = evaluation.criteria;
  const pairs = await db.select().from(assignments).where(and(eq(assignments.competitionId, competition.id), eq(assignments.stageCode, STAGE)));
  const demoEvaluator = demoJudges.find((j) => j.role === "evaluator")?.id;
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

  // A declared conflict awaiting the secretariat's decision.
  const declarer = generated[0].id;
  const target = pairs.find((p) => p.judgeId !== declarer)?.proposalId ?? ids[0];
  await db.insert(conflicts).values({ competitionId: competition.id, proposalId: target, judgeId: declarer, kind: "mentoring", note: "Saya pernah menjadi narasumber pelatihan tim inovasi ini.", declaredBy: declarer });
  return competition;
}
