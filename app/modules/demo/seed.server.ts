import { eq, sql } from "drizzle-orm";
import { seedDemoVisits } from "./visits.server";
import { seedDemoEvents } from "./events.server";
import { seedDemoCheckIns } from "./check-ins.server";
import type { Db } from "~/db/client.server";
import { agencies, meta, users } from "~/db/schema";
import { seedReference } from "~/modules/agencies/seed-reference.server";
import { createUser } from "~/modules/accounts/create-user.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "./demo-logins";
import { seedDemoContent } from "./content.server";
import { seedDemoCompetitions, seedDemoInvitations } from "./competitions.server";
import { demoEvaluationEdition, seedDemoJudges, seedDemoJudging } from "./judging.server";
import { seedDemoFinished } from "./finished.server";

export { seedReference };

/** True once the demo data has been loaded into this database. */
export async function isDemoSeeded(db: Db) {
  const [row] = await db.select().from(meta).where(eq(meta.key, "demo_seeded"));
  return Boolean(row);
}

/**
 * Load the demo: reference data, units and innovations from the source articles plus a few
 * hundred generated ones, and one login per role. Runs once per database.
 */
export async function seedDemo(db: Db, opts: { generated?: number; publicUrl: string }) {
  await seedReference(db);
  if (await isDemoSeeded(db)) return { seeded: false };
  const content = await seedDemoContent(db, { generated: opts.generated ?? 300 });
  for (const login of DEMO_LOGINS) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, login.email));
    if (existing) continue;
    const agencySlug = content.loginAgencies[login.email];
    const [agency] = agencySlug ? await db.select().from(agencies).where(eq(agencies.slug, agencySlug)) : [];
    await createUser(db, {
      email: login.email,
      name: content.loginNames[login.email] ?? login.email,
      role: login.role,
      password: DEMO_PASSWORD,
      agencyId: agency?.id ?? null,
      unitId: content.loginUnits[login.email] ?? null,
    });
  }
  await seedDemoCheckIns(db, new Date());
  await seedDemoCompetitions(db);
  await seedDemoEvents(db, new Date());
  await seedDemoVisits(db, new Date());
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, "admin@menpan.demo"));
  if (admin) {
    // Last year's edition first, as time ran: this year's assignment then knows who judged what.
    const now = new Date();
    await seedDemoJudges(db);
    // Mail written on the way links to the site where the demo runs.
    await seedDemoFinished(db, demoEvaluationEdition(now) - 1, opts.publicUrl);
    await seedDemoJudging(db, admin.id, now, opts.publicUrl);
    await seedDemoInvitations(db, admin.id, now, opts.publicUrl);
  }
  await db.insert(meta).values({ key: "demo_seeded", value: { at: new Date().toISOString() } });
  // The catalogue's search plans from planner statistics, and PGlite never gathers them itself.
  await db.execute(sql`ANALYZE`);
  return { seeded: true, innovations: content.innovations };
}
