import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { regions } from "~/db/schema";

export type RegionRow = typeof regions.$inferSelect;

/** Provinces and regencies/cities by code, filtered by province and level. */
export async function listRegions(
  db: Db,
  opts: { province?: string; level?: "province" | "regency"; page: number; perPage: number },
): Promise<{ rows: RegionRow[]; total: number }> {
  const where: (SQL | undefined)[] = [];
  if (opts.province) where.push(eq(regions.provinceCode, opts.province));
  if (opts.level) where.push(eq(regions.level, opts.level));
  const cond = and(...where);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(regions)
      .where(cond)
      .orderBy(regions.code)
      .limit(opts.perPage)
      .offset((opts.page - 1) * opts.perPage),
    db.select({ total: sql<number>`count(*)::int` }).from(regions).where(cond),
  ]);
  return { rows, total };
}
