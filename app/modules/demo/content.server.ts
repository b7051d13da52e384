import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, innovations, units } from "~/db/schema";
import { ARTICLE_INNOVATIONS } from "./articles";
import { insertDemoContent } from "./insert-content.server";
import { DEMO_PEOPLE } from "./people";

/**
 * The demo's units and innovations: those named in the source articles, written out by hand,
 * plus `generated` more composed from templates with a seeded PRNG (identical on every run).
 * All of it is written in one transaction, and skipped when it is already there, so a seed that
 * failed half-way (say, while creating the logins) can simply run again.
 */
export async function seedDemoContent(db: Db, opts: { generated: number }) {
  const [present] = await db.select({ id: innovations.id }).from(innovations).where(eq(innovations.slug, ARTICLE_INNOVATIONS[0].slug));
  const inserted = present ? 0 : await db.transaction((tx) => insertDemoContent(tx, opts.generated));

  const loginAgencies: Record<string, string> = {};
  const loginNames: Record<string, string> = {};
  const loginUnits: Record<string, number> = {};
  for (const [email, person] of Object.entries(DEMO_PEOPLE)) {
    loginNames[email] = person.name;
    if (person.agencySlug) loginAgencies[email] = person.agencySlug;
    if (person.agencySlug && person.unitName) {
      const [unit] = await db
        .select({ id: units.id })
        .from(units)
        .innerJoin(agencies, eq(agencies.id, units.agencyId))
        .where(and(eq(agencies.slug, person.agencySlug), sql`lower(${units.name}) = lower(${person.unitName})`));
      if (unit) loginUnits[email] = unit.id;
    }
  }
  return { innovations: inserted, loginAgencies, loginNames, loginUnits };
}
