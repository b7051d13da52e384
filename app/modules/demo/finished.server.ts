// The demo's finished edition: last year's competition run through the real use cases from
// screening to published results (judges assigned without conflicts, every review justified,
// the plenary decisions, provisional results, an answered objection, the decree, certificates),
// so a newcomer can open a results page, verify a certificate and read an applicant's feedback.
// The schedule is the preset's for that year; each step acts at an instant inside its stage.
import { and, eq, inArray, lte, notInArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, awards, competitionJudges, competitions, innovations, proposals, users } from "~/db/schema";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { competitionById } from "~/modules/competitions/queries.server";
import { preset } from "~/modules/competitions/presets";
import { stageRanking } from "~/modules/judging/plenary.server";
import { announceProvisional, answerObjection, fileObjection, publishResults, recordDecree, setAward } from "~/modules/results/manage-results.server";
import { dutyApplies } from "~/modules/compliance/met-duty.server";
import { createRng } from "./prng";
import { actorOf, insertSubmittedEntries, judgeStages, monthsBefore } from "./judge-edition.server";
import { demoJudges } from "./judging.server";
import { demoLoginAgencies } from "./login-agencies.server";

const DAY = 86_400_000;
const ENTRIES = 20;
// How many go on from each stage in a demo-sized edition (the preset's 150/99/45 are national).
const TOP: Record<string, number> = { evaluasi: 14, "penilaian-tpi": 10, keputusan: 5 };

export async function seedDemoFinished(db: Db, edition: number, publicUrl: string) {
  const rng = createRng(2025_09);
  const base = preset("kipp-2023-umum", edition);
  const config: CompetitionConfig = structuredClone(base.config);
  for (const s of config.stages) if (TOP[s.code]) s.advancement = { ...s.advancement, rule: "top", n: TOP[s.code] };
  const at = (code: string, days = 1) => new Date(Date.parse(config.stages.find((s) => s.code === code)!.opensAt) + days * DAY);
  const [c] = await db
    .insert(competitions)
    .values({ slug: `kipp-${edition}`, edition, ...base, config, state: "announced", announcedAt: new Date(Date.parse(config.stages[0].opensAt) - 14 * DAY) })
    .returning();

  // Entries: published innovations of agencies other than the demo logins' (whose people try
  // the open call: an earlier winner may not enter it again).
  const loginAgencies = await demoLoginAgencies(db, ["admin@banyumaskab.demo", "operator@surabaya.demo"]);
  const rows = await db
    .select({ innovation: innovations })
    .from(innovations)
    .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
    .where(
      and(
        eq(innovations.state, "published"),
        loginAgencies.length ? notInArray(innovations.agencyId, loginAgencies) : undefined,
        // Eligible as the real edition would have it: running long enough by its deadline, from
        // an agency that existed that year.
        lte(innovations.startedOn, monthsBefore(config.stages[0].closesAt, config.eligibility.minMonthsOperating)),
        dutyApplies(edition),
      ),
    )
    .orderBy(innovations.id);
  const seen = new Set<number>();
  const chosen = rows.filter((r) => !seen.has(r.innovation.agencyId) && seen.add(r.innovation.agencyId)).slice(0, ENTRIES);
  const entries = await insertSubmittedEntries(db, {
    competitionId: c.id,
    config,
    entries: chosen.map((r) => r.innovation),
    receiptPrefix: `KIPP-${edition}`,
    // The last entry fails screening, so the edition shows a refusal with its reason.
    screening: (i) => (i === ENTRIES - 1 ? { screening: "failed", screeningReason: "Bukti dukung tidak sah.", screenedAt: at("seleksi-administrasi") } : { screening: "passed", screenedAt: at("seleksi-administrasi") }),
  });
  const ids = entries.map((p) => p.id);


  const [adminRow] = await db.select().from(users).where(eq(users.email, "admin@menpan.demo"));
  const admin = actorOf(adminRow);
  const judges = await db.select().from(users).where(inArray(users.id, (await demoJudges(db)).map((j) => j.id)));
  for (const j of judges) await db.insert(competitionJudges).values({ competitionId: c.id, userId: j.id }).onConflictDoNothing();

  // Each judged stage: assign, score every pair (each proposal has a steady quality the judges
  // see with some noise), then the plenary follows the rule's proposal.
  const quality = new Map(ids.map((id) => [id, 0.45 + rng.next() * 0.5]));
  await judgeStages(db, { admin, competitionId: c.id, config, judges, quality, rng, noise: 0.2, at, publicUrl });

  // Results: provisional after the final plenary, one objection answered, the decree, published.
  const announced = at("keputusan", 10);
  await announceProvisional(db, admin, c.id, { publicUrl, now: announced });
  const [best] = (await stageRanking(db, (await competitionById(db, c.id))!, "keputusan")).rows;
  await setAward(db, admin, c.id, best.entrant.id, { tier: "outstanding", reason: "Ditetapkan rapat pleno akhir sebagai capaian luar biasa." });
  // The objection comes from the Admin Lokal of an agency whose proposal won nothing (generated
  // like the judges: no password, they would be invited).
  const [loser] = await db
    .select({ agencyId: proposals.agencyId, slug: agencies.slug, name: agencies.name })
    .from(proposals)
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .where(and(eq(proposals.competitionId, c.id), eq(proposals.screening, "passed"), notInArray(proposals.id, db.select({ id: awards.proposalId }).from(awards).where(eq(awards.competitionId, c.id)))))
    .orderBy(proposals.id)
    .limit(1);
  if (loser) {
    const [objector] = await db
      .insert(users)
      .values({ email: `admin.lokal@${loser.slug}.demo`, name: `Admin Lokal ${loser.name}`, role: "agency_admin", agencyId: loser.agencyId })
      .returning();
    const o = await fileObjection(db, actorOf(objector), c.id, { reason: "Mohon peninjauan nilai tahap evaluasi: data dampak kami sudah diperbarui di lampiran." }, announced.getTime() + DAY);
    await answerObjection(db, admin, c.id, o.id, { state: "rejected", response: "Nilai dihitung dari berkas saat pendaftaran ditutup; pembaruan sesudahnya tidak dinilai." }, { publicUrl });
  }
  await recordDecree(db, admin, c.id, { number: `B/${edition}/M.KT.01/${edition}`, date: new Date(announced.getTime() + 8 * DAY).toISOString().slice(0, 10) });
  await publishResults(db, admin, c.id, { publicUrl, now: new Date(announced.getTime() + 10 * DAY) });
  return c;
}
