// An end-to-end fixture, not demo data: an edition whose field-verification stage opened a day
// before the fixture runs, so that its team can file reports while the tests run, and its plenary
// reads each claimed indicator beside what the team verified. scripts/e2e.mjs runs it after the
// demo and the objection-window editions are loaded, before the server starts.
//
// The stages before it are taken as done: each entry went on from every one of them (decisions
// recorded as the plenary records them), so the stage's entrants are the entries. The team is
// set by hand, as the secretariat may, rather than by the automatic assignment: the journey needs
// these two logins on these entries, whatever the pool's loads.
import { and, eq, ne, notExists, notInArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, assignments, competitionJudges, competitions, innovations, proposals, stageDecisions, users } from "~/db/schema";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { shiftDays } from "~/modules/competitions/config-values";
import { preset } from "~/modules/competitions/presets";
import { createUser } from "~/modules/accounts/create-user.server";
import { DEMO_PASSWORD } from "./demo-logins";
import { FIELD_VERIFICATION_EDITION } from "./field-verification";
import { insertSubmittedEntries } from "./judge-edition.server";
import { demoLoginAgencies } from "./login-agencies.server";

const DAY = 86_400_000;

/** Build the edition unless it is there already; returns its slug, or null when it was. */
export async function seedFieldVerification(db: Db, now = new Date()): Promise<string | null> {
  const { slug, stage: stageCode, team, entries: count } = FIELD_VERIFICATION_EDITION;
  const [exists] = await db.select({ id: competitions.id }).from(competitions).where(eq(competitions.slug, slug));
  if (exists) return null;
  const [adminRow] = await db.select().from(users).where(eq(users.email, "admin@menpan.demo"));
  if (!adminRow) throw new Error("the field-verification fixture needs the demo (admin@menpan.demo)");

  // The preset's schedule moved so that the field-verification stage opened a day ago (it runs
  // a month); the plenary that decides on its reports comes after.
  const draft = preset("kipp-2023-umum", now.getUTCFullYear());
  const field = draft.config.stages.find((s) => s.code === stageCode)!;
  const config: CompetitionConfig = shiftDays(structuredClone(draft.config), Math.floor((now.getTime() - DAY - Date.parse(field.opensAt)) / DAY));
  const edition = new Date(Date.parse(config.stages[0].closesAt)).getUTCFullYear();
  const base = preset("kipp-2023-umum", edition);
  const [c] = await db
    .insert(competitions)
    .values({
      slug,
      edition,
      ...base,
      // Not "… Publik <year>": journeys find the demo's open call by those words.
      name: `Kompetisi Inovasi Pelayanan Publik (uji verifikasi lapangan ${edition})`,
      config,
      legalBasis: "Peraturan Menteri PANRB tentang Kompetisi Inovasi Pelayanan Publik (contoh)",
      state: "announced",
      announcedAt: new Date(Date.parse(config.stages[0].opensAt) - 14 * DAY),
    })
    .returning();

  // Entries whose innovations claim two indicators or more, from agencies none of the demo
  // logins belongs to and in no other edition, so that no other journey's lists change.
  const loginAgencies = await demoLoginAgencies(db);
  const rows = await db
    .select({ innovation: innovations })
    .from(innovations)
    .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
    .where(
      and(
        eq(innovations.state, "published"),
        sql`jsonb_array_length(${innovations.indicators}) >= 2`,
        loginAgencies.length ? notInArray(innovations.agencyId, loginAgencies) : undefined,
        ne(agencies.type, "bumd"),
        notExists(db.select({ id: proposals.id }).from(proposals).where(eq(proposals.innovationId, innovations.id))),
      ),
    )
    .orderBy(innovations.id)
    .limit(200);
  const seen = new Set<number>();
  const chosen = rows.filter((r) => !seen.has(r.innovation.agencyId) && seen.add(r.innovation.agencyId)).slice(0, count);
  if (chosen.length < count) throw new Error("the field-verification fixture found too few innovations with indicators");
  const at = (code: string, days: number) => new Date(Date.parse(config.stages.find((s) => s.code === code)!.opensAt) + days * DAY);
  const entries = await insertSubmittedEntries(db, {
    competitionId: c.id,
    config,
    entries: chosen.map((r) => r.innovation),
    receiptPrefix: "UJI-LAPANGAN",
    screening: () => ({ screening: "passed", screenedBy: adminRow.id, screenedAt: at("seleksi-administrasi", 1) }),
  });

  const before = config.stages.slice(config.stages.findIndex((s) => s.kind === "screening") + 1, config.stages.findIndex((s) => s.code === stageCode));
  for (const s of before) {
    await db.insert(stageDecisions).values(
      entries.map((p, i) => ({ competitionId: c.id, stageCode: s.code, proposalId: p.id, advances: true, proposed: true, rank: i + 1, decidedBy: adminRow.id, decidedAt: at(s.code, 20) })),
    );
  }

  const members = [
    await createUser(db, { email: team.panelist, name: "Ratna Panel Lapangan", role: "panelist", password: DEMO_PASSWORD }),
    await createUser(db, { email: team.evaluator, name: "Yusuf Evaluator Lapangan", role: "evaluator", password: DEMO_PASSWORD }),
  ];
  await db.insert(competitionJudges).values(members.map((m) => ({ competitionId: c.id, userId: m.id })));
  await db.insert(assignments).values(entries.flatMap((p) => members.map((m) => ({ competitionId: c.id, stageCode, proposalId: p.id, judgeId: m.id, source: "manual" }))));
  return slug;
}
