// The search's agency filter, as the API takes it: the agency's slug, as the catalogue's links
// carry it, or its numeric id, as every API answer gives it (data[].agency.id, /agencies/{id}).
import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies } from "~/db/schema";
import type { CatalogueQuery } from "~/modules/catalogue/query";

// Row ids are PostgreSQL integers: a longer number can only be a slug (or nothing).
const MAX_ID = 2_147_483_647;

/**
 * The query with a numeric agency turned into that agency's slug, which the search filters on.
 * Digits are read as an id first, as /api/v1/agencies/{id} reads them; an id that names no
 * agency is kept as given and, like an unknown slug, finds nothing.
 */
export async function agencyFilterBySlug(db: DbOrTx, query: CatalogueQuery): Promise<CatalogueQuery> {
  const n = query.agency && /^\d{1,10}$/.test(query.agency) ? Number(query.agency) : NaN;
  if (!(n >= 1 && n <= MAX_ID)) return query;
  const [row] = await db.select({ slug: agencies.slug }).from(agencies).where(eq(agencies.id, n)).limit(1);
  return row ? { ...query, agency: row.slug } : query;
}
