// An edition's judged stages run through the real use cases (assignment, justified reviews,
// the plenary following its rule), for the demo's finished edition (finished.server.ts) and the
// end-to-end objection-window editions (objection-window.server.ts). Each proposal has a steady
// quality the judges see with some noise, so the rankings come out as a real panel's would.
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { assignments, innovations, proposals, proposalSections, users } from "~/db/schema";
import type { Actor } from "~/lib/policy";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { competitionById } from "~/modules/competitions/queries.server";
import { runAssignment } from "~/modules/judging/assignment.server";
import { decideStage, stageRanking } from "~/modules/judging/plenary.server";
import { saveReview } from "~/modules/judging/reviews.server";
import { sectionsFor } from "~/modules/proposals/form-shape";
import type { Rng } from "./prng";

type UserRow = typeof users.$inferSelect;

export const actorOf = (u: UserRow): Actor => ({ kind: "user", id: u.id, name: u.name, email: u.email, role: u.role, agencyId: u.agencyId, unitId: u.unitId });

/** The calendar date `months` before an instant, as YYYY-MM-DD. */
export function monthsBefore(iso: string, months: number) {
  const d = new Date(iso);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

const DAY = 86_400_000;

/**
 * An edition's entries as real submissions leave them: each innovation's register fields carried
 * into the "umum" form's sections, a receipt number (`receiptPrefix` and a running number, as the
 * real submission numbers them) and a submission time before the deadline (five hours apart, the
 * last entry last), then screened as `screening` says.
 */
export async function insertSubmittedEntries(
  db: Db,
  opts: {
    competitionId: number;
    config: CompetitionConfig;
    entries: (typeof innovations.$inferSelect)[];
    receiptPrefix: string;
    screening: (index: number) => Pick<typeof proposals.$inferInsert, "screening" | "screeningReason" | "screenedBy" | "screenedAt">;
  },
) {
  const { config, entries } = opts;
  const closes = Date.parse(config.stages[0].closesAt);
  const made: (typeof proposals.$inferSelect)[] = [];
  for (const [i, innovation] of entries.entries()) {
    const [p] = await db
      .insert(proposals)
      .values({
        competitionId: opts.competitionId,
        innovationId: innovation.id,
        agencyId: innovation.agencyId,
        unitId: innovation.unitId,
        groupCode: "umum",
        categoryCode: config.categories[i % config.categories.length].code,
        title: innovation.name,
        state: "submitted",
        links: { video: "https://www.youtube.com/watch?v=contoh" },
        declarations: ["kebenaran-data"],
        receiptNumber: `${opts.receiptPrefix}-${String(i + 1).padStart(5, "0")}`,
        submittedAt: new Date(closes - (entries.length - i) * 5 * 3_600_000),
        ...opts.screening(i),
      })
      .returning();
    const fields = innovation as unknown as Record<string, string>;
    await db.insert(proposalSections).values(
      sectionsFor(config, "umum").map((s) => ({ proposalId: p.id, sectionCode: s.code, body: s.prefill.map((f) => (fields[f] ?? "").trim()).filter(Boolean).join("\n\n") || "Lihat lampiran.", updatedAt: new Date(closes - 30 * DAY) })),
    );
    made.push(p);
  }
  return made;
}

export async function judgeStages(
  db: Db,
  opts: {
    admin: Actor;
    competitionId: number;
    config: CompetitionConfig;
    judges: UserRow[];
    /** Proposal → its quality, 0 to 1. */
    quality: Map<number, number>;
    rng: Rng;
    /** How far a judge's score strays from the proposal's quality (a share of the scale). */
    noise: number;
    /** The instant `days` into a stage: each review is written inside its stage. */
    at: (stageCode: string, days: number) => Date;
    /** The site's address, for links in the mail the steps write. */
    publicUrl: string;
  },
) {
  const { admin, competitionId, config, quality, rng, noise, at, publicUrl } = opts;
  const judgeById = new Map(opts.judges.map((j) => [j.id, j]));
  for (const s of config.stages) {
    if (s.kind === "registration" || s.kind === "screening") continue;
    const competition = (await competitionById(db, competitionId))!;
    if (s.kind !== "decision") {
      await runAssignment(db, admin, competition, s.code, { publicUrl });
      const pairs = await db.select().from(assignments).where(and(eq(assignments.competitionId, competitionId), eq(assignments.stageCode, s.code)));
      for (const a of pairs) {
        const q = quality.get(a.proposalId)!;
        const scores = Object.fromEntries(s.criteria.map((k) => [k.code, String(Math.max(k.scaleMin, Math.min(k.scaleMax, Math.round(k.scaleMin + (k.scaleMax - k.scaleMin) * (q + (rng.next() - 0.5) * noise)))))]));
        await saveReview(
          db,
          actorOf(judgeById.get(a.judgeId)!),
          { competitionId, stageCode: s.code, proposalId: a.proposalId },
          {
            scores,
            justifications: Object.fromEntries(s.criteria.map((k) => [k.code, Number(scores[k.code]) >= (k.scaleMin + k.scaleMax) / 2 ? `${k.name}: didukung data yang terukur.` : `${k.name}: data sebelum dan sesudah belum lengkap.`])),
            comment: q > 0.7 ? "Inovasi matang dengan dampak terukur; pertahankan pendanaan rutin." : "Perkuat bukti dampak dan rencana keberlanjutan.",
            version: null,
            submit: true,
          },
          at(s.code, 2).getTime(),
        );
      }
    }
    const { rows: ranked } = await stageRanking(db, competition, s.code);
    await decideStage(db, admin, competition, s.code, ranked.map((r) => ({ proposalId: r.entrant.id, advances: r.proposed.advance, reason: "" })));
  }
}
