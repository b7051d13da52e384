import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "~/db/client.server";
import { agencies, innovations, regions } from "~/db/schema";
import { notFound } from "~/lib/errors";

// Row ids are PostgreSQL integers: a longer number can only be a slug (or nothing).
const MAX_ID = 2_147_483_647;

export type AgencyDetailRow = Pick<
  typeof agencies.$inferSelect,
  "id" | "slug" | "name" | "shortName" | "type" | "regionCode" | "provinceCode" | "website" | "formerNames"
> & {
  regionName: string | null;
  provinceName: string | null;
  publishedInnovations: number;
};

/** One agency by id or slug, with its region names and its count of published innovations. */
export async function getAgency(db: Db, idOrSlug: string): Promise<AgencyDetailRow> {
  const n = /^\d{1,10}$/.test(idOrSlug) ? Number(idOrSlug) : NaN;
  const key = n >= 1 && n <= MAX_ID ? eq(agencies.id, n) : eq(agencies.slug, idOrSlug);
  const region = alias(regions, "region");
  const province = alias(regions, "province");
  const [row] = await db
    .select({
      id: agencies.id,
      slug: agencies.slug,
      name: agencies.name,
      shortName: agencies.shortName,
      type: agencies.type,
      regionCode: agencies.regionCode,
      provinceCode: agencies.provinceCode,
      website: agencies.website,
      formerNames: agencies.formerNames,
      regionName: region.name,
      provinceName: province.name,
      // Published only: drafts and entries under review are not public.
      publishedInnovations: sql<number>`(select count(*)::int from ${innovations} where ${and(
        eq(innovations.agencyId, agencies.id),
        sql`${innovations.state} = 'published'`,
      )})`,
    })
    .from(agencies)
    .leftJoin(region, eq(region.code, agencies.regionCode))
    .leftJoin(province, eq(province.code, agencies.provinceCode))
    .where(key)
    .limit(1);
  if (!row) throw notFound();
  return row;
}
