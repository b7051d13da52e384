import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies } from "~/db/schema";

/**
 * Two agencies have "the same name" when the words are the same, whatever the letter case and
 * spacing ("PT Pos Indonesia", "PT  POS Indonesia"): only such a name is refused as a duplicate.
 * Names that merely give the same address ("PT. Sinar Jaya" and "PT Sinar Jaya", two long names
 * alike in their first 80 characters, names in Japanese) are different agencies and get
 * different addresses (newAgencySlug).
 */
export const nameKey = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();

// The same key in SQL, so that a name is compared with the stored ones by one lower-casing.
// Units are compared by it too: a unit stored before names were collapsed may hold two spaces.
export const keySql = (v: SQL) => sql`lower(regexp_replace(btrim(${v}), '\\s+', ' ', 'g'))`;

/** Of the names given, those an agency already bears. */
export async function namesTaken(db: DbOrTx, names: string[]): Promise<Set<string>> {
  if (!names.length) return new Set();
  const given = sql.join(
    names.map((n) => sql`${n}::text`),
    sql`, `,
  );
  const rows = await db
    .select({ name: sql<string>`g.name` })
    .from(sql`unnest(array[${given}]) as g(name)`)
    .where(sql`exists (select 1 from ${agencies} a where ${keySql(sql`a.name`)} = ${keySql(sql`g.name`)})`);
  return new Set(rows.map((r) => r.name));
}
