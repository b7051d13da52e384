// An end-to-end fixture, not demo data: editions whose provisional results were announced a
// day before the fixture runs, so their objection window (config.objectionDays) is open while
// the tests run. scripts/e2e.mjs runs it after the demo is loaded and before the server starts.
// The demo itself cannot offer this: it has one edition under evaluation, which the other
// journeys share and which can be announced only once.
//
// Each edition is run through the real use cases, as the demo's finished edition is
// (assignment, justified reviews, plenary decisions, the announcement that tells the agencies),
// but small: six entries, judged by the generated judges only, so the demo logins' lists of
// proposals to score stay as the other journeys expect them. The entries are innovations that no
// other edition holds, so no judge's "earlier involvement" in the edition under evaluation
// changes. The objecting agency's entry is the weakest and wins nothing.
import { and, eq, inArray, lte, ne, notExists, notInArray, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, competitionJudges, competitions, innovations, proposals, users } from "~/db/schema";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { shiftDays } from "~/modules/competitions/config-values";
import { preset } from "~/modules/competitions/presets";
import { dutyApplies } from "~/modules/compliance/met-duty.server";
import { createUser } from "~/modules/accounts/create-user.server";
import { announceProvisional } from "~/modules/results/manage-results.server";
import { DEMO_PASSWORD } from "./demo-logins";
import { demoJudges } from "./judging.server";
import { OBJECTION_WINDOW_EDITIONS } from "./objection-window";
import { createRng } from "./prng";
import { actorOf, insertSubmittedEntries, judgeStages, monthsBefore } from "./judge-edition.server";
import { demoLoginAgencies } from "./login-agencies.server";

const DAY = 86_400_000;
const ENTRIES = 6;
// How many go on from each stage: four are scored by the panel, three earn Top 99, two Top 45.
const TOP: Record<string, number> = { evaluasi: 4, "penilaian-tpi": 3, keputusan: 2 };

type UserRow = typeof users.$inferSelect;
/** Build every edition of OBJECTION_WINDOW_EDITIONS that is not there yet; returns their slugs. */
export async function seedObjectionWindow(db: Db, publicUrl: string, now = new Date()) {
  const [adminRow] = await db.select().from(users).where(eq(users.email, "admin@menpan.demo"));
  if (!adminRow) throw new Error("the objection-window fixture needs the demo (admin@menpan.demo)");
  // Generated judges only: the demo's evaluator and panelist logins keep their own lists.
  const judges = (await demoJudges(db)).filter((j) => j.email.endsWith("@juri.demo"));
  const made: string[] = [];
  for (const [i, spec] of OBJECTION_WINDOW_EDITIONS.entries()) {
    const [exists] = await db.select({ id: competitions.id }).from(competitions).where(eq(competitions.slug, spec.slug));
    if (exists) continue;
    await buildEdition(db, { slug: spec.slug, number: i + 1, objector: spec.agencyAdmin, adminRow, judges, now, publicUrl });
    made.push(spec.slug);
  }
  return made;
}

async function buildEdition(
  db: Db,
  { slug, number, objector, adminRow, judges, now, publicUrl }: { slug: string; number: number; objector: string; adminRow: UserRow; judges: { id: number }[]; now: Date; publicUrl: string },
) {
  const rng = createRng(number);
  const admin = actorOf(adminRow);
  // The preset's schedule moved so that the final plenary's stage closed two days ago; the
  // results were announced a day ago.
  const draft = preset("kipp-2023-umum", now.getUTCFullYear());
  const last = draft.config.stages.at(-1)!;
  const config: CompetitionConfig = shiftDays(structuredClone(draft.config), Math.floor((now.getTime() - 2 * DAY - Date.parse(last.closesAt)) / DAY));
  for (const s of config.stages) if (TOP[s.code]) s.advancement = { ...s.advancement, rule: "top", n: TOP[s.code] };
  const edition = new Date(Date.parse(config.stages[0].closesAt)).getUTCFullYear();
  const base = preset("kipp-2023-umum", edition);
  const at = (code: string, days: number) => new Date(Date.parse(config.stages.find((s) => s.code === code)!.opensAt) + days * DAY);
  const [c] = await db
    .insert(competitions)
    .values({
      slug,
      edition,
      ...base,
      name: `${base.name} (uji sanggahan ${number})`,
      config,
      legalBasis: "Peraturan Menteri PANRB tentang Kompetisi Inovasi Pelayanan Publik (contoh)",
      state: "announced",
      announcedAt: new Date(Date.parse(config.stages[0].opensAt) - 14 * DAY),
    })
    .returning();

  // The objecting agency: the demo login's, or one taking part for which an Admin Lokal is made.
  const [known] = await db.select().from(users).where(eq(users.email, objector));
  const loginAgencies = await demoLoginAgencies(db);
  const eligible = and(
    eq(innovations.state, "published"),
    lte(innovations.startedOn, monthsBefore(config.stages[0].closesAt, config.eligibility.minMonthsOperating)),
    dutyApplies(edition),
    // In no other edition (see the top of this file).
    notExists(db.select({ id: proposals.id }).from(proposals).where(eq(proposals.innovationId, innovations.id))),
  );
  const pick = (where: SQL | undefined, limit: number) =>
    db.select({ innovation: innovations }).from(innovations).innerJoin(agencies, eq(agencies.id, innovations.agencyId)).where(where).orderBy(innovations.id).limit(limit);
  const [mine] = known?.agencyId
    ? await pick(and(eligible, eq(innovations.agencyId, known.agencyId)), 1)
    : await pick(and(eligible, loginAgencies.length ? notInArray(innovations.agencyId, loginAgencies) : undefined, ne(agencies.type, "bumd")), 1);
  if (!mine) throw new Error(`the objection-window fixture found no innovation for ${objector}`);
  const others = await pick(and(eligible, notInArray(innovations.agencyId, [...loginAgencies, mine.innovation.agencyId]), ne(agencies.type, "bumd")), 200);
  const seen = new Set<number>();
  const chosen = [mine, ...others.filter((r) => !seen.has(r.innovation.agencyId) && seen.add(r.innovation.agencyId)).slice(0, ENTRIES - 1)];
  if (!known) {
    const [agency] = await db.select({ name: agencies.name }).from(agencies).where(eq(agencies.id, mine.innovation.agencyId));
    await createUser(db, { email: objector, name: `Admin Lokal ${agency.name}`, role: "agency_admin", password: DEMO_PASSWORD, agencyId: mine.innovation.agencyId });
  }

  const entries = await insertSubmittedEntries(db, {
    competitionId: c.id,
    config,
    entries: chosen.map((r) => r.innovation),
    receiptPrefix: slug.toUpperCase(),
    screening: () => ({ screening: "passed", screenedBy: adminRow.id, screenedAt: at("seleksi-administrasi", 1) }),
  });
  // The objecting agency's entry is the weakest by far: out after the first scored stage.
  const quality = new Map(entries.map((p, i) => [p.id, i === 0 ? 0.15 : 0.5 + 0.08 * i]));

  for (const j of judges) await db.insert(competitionJudges).values({ competitionId: c.id, userId: j.id }).onConflictDoNothing();
  const judgeRows = await db.select().from(users).where(inArray(users.id, judges.map((j) => j.id)));

  // Each judged stage: assign, score every pair, then the plenary follows the rule's proposal.
  await judgeStages(db, { admin, competitionId: c.id, config, judges: judgeRows, quality, rng, noise: 0.1, at, publicUrl });

  // A day ago: the agencies that took part are told, in the app and by mail.
  await announceProvisional(db, admin, c.id, { publicUrl, now: new Date(now.getTime() - DAY) });
  return c;
}
