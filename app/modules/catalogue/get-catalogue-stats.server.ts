// The home page's headline figures and newest innovations.
//
// Counting a million published rows takes ~50 ms even from an index, on every visit to the
// busiest page. Above EXACT_COUNT_LIMIT the planner's estimate (kept by ANALYZE; exact enough
// for a headline) is shown instead, rounded and marked as approximate. Agencies and provinces
// are counted through the agencies (a few thousand index probes), never by scanning innovations.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { recentCards, rowsOf } from "./cards.server";
import { estimateRows, roundEstimate } from "./search-plan.server";
import type { InnovationCard } from "./types";

export const EXACT_COUNT_LIMIT = 50_000;

export type CatalogueStats = {
  innovations: number;
  innovationsEstimated: boolean;
  agencies: number;
  provinces: number;
  recent: InnovationCard[];
};

export async function getCatalogueStats(db: DbOrTx, opts: { recent?: number } = {}): Promise<CatalogueStats> {
  const published = sql`i.state = 'published'`;
  const [estimate, [counts], recent] = await Promise.all([
    estimateRows(db, published),
    rowsOf<{ agencies: number; provinces: number }>(
      db,
      sql`SELECT count(*)::int AS agencies, count(DISTINCT a.province_code)::int AS provinces
          FROM agencies a
          WHERE EXISTS (SELECT 1 FROM innovations i WHERE i.agency_id = a.id AND i.state = 'published')`,
    ),
    recentCards(db, sql`true`, opts.recent ?? 6),
  ]);
  let innovations = estimate;
  let innovationsEstimated = true;
  if (estimate <= EXACT_COUNT_LIMIT) {
    const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM innovations i WHERE ${published}`);
    innovations = Number(row?.n ?? 0);
    innovationsEstimated = false;
  } else {
    innovations = roundEstimate(estimate);
  }
  return {
    innovations,
    innovationsEstimated,
    agencies: Number(counts?.agencies ?? 0),
    provinces: Number(counts?.provinces ?? 0),
    recent,
  };
}
