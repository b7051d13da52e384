// An edition's published results, as the public page and the open API show them. Only a final
// edition has any: provisional results, rankings and scores never leave the work area.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { proposals } from "~/db/schema";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { editionAwards } from "./queries.server";

export async function publishedResults(db: DbOrTx, slug: string) {
  const c = await competitionBySlug(db, slug);
  if (!c || c.state !== "final") return null;
  const [{ submitted }] = await db.select({ submitted: sql<number>`count(*)::int` }).from(proposals).where(and(eq(proposals.competitionId, c.id), eq(proposals.state, "submitted")));
  const categoryName = new Map(c.config.categories.map((x) => [x.code, x.name]));
  const groupName = new Map(c.config.groups.map((x) => [x.code, x.name]));
  const awards = (await editionAwards(db, c)).map((a) => ({
    tier: a.tierCode,
    category: a.categoryCode,
    categoryName: categoryName.get(a.categoryCode) ?? a.categoryCode,
    group: a.groupCode,
    groupName: groupName.get(a.groupCode) ?? a.groupCode,
    innovation: { name: a.innovation, slug: a.innovationState === "published" ? a.innovationSlug : null },
    agency: { name: a.agency, slug: a.agencySlug, type: a.agencyType },
    certificate: a.certificateCode,
  }));
  const tiers = [...c.config.tiers].sort((x, y) => x.rank - y.rank).map((t) => ({ code: t.code, name: t.name, rank: t.rank, count: awards.filter((a) => a.tier === t.code).length }));
  const categories = c.config.categories.map((x) => ({ code: x.code, name: x.name, count: awards.filter((a) => a.category === x.code).length }));
  return {
    slug: c.slug,
    edition: c.edition,
    name: c.name,
    decree: { number: c.decreeNumber, date: c.decreeDate },
    publishedAt: c.resultsPublishedAt?.toISOString() ?? null,
    submitted,
    tiers,
    categories,
    awards,
  };
}
