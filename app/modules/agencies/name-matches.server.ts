import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { agencies } from "~/db/schema";
import { ownEntry } from "~/lib/own";

/** A LIKE pattern that matches the text literally (% and _ typed by a visitor are not wildcards). */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

type NameColumns = { name: AnyColumn | SQL; shortName: AnyColumn | SQL; formerNames: AnyColumn | SQL };

// Words people put before a regional government's name that its registered name spells out:
// "Pemkab Banyumas" is "Pemerintah Kabupaten Banyumas" (whose short name is "Kab. Banyumas").
const GOVERNMENT_PREFIXES: Record<string, string> = { pemkab: "kab", pemkot: "kota", pemprov: "prov" };
const MAX_WORDS = 8;

/** The words of an agency search: split at spaces and punctuation, prefixes spelt out. */
export function agencySearchWords(q: string): string[] {
  const words = q.toLowerCase().split(/[\s.,;:()/-]+/u).filter(Boolean);
  return [...new Set(words.map((w) => ownEntry(GOVERNMENT_PREFIXES, w) ?? w))].slice(0, MAX_WORDS);
}

/**
 * Agencies whose names hold every word of the text, in any order, case-insensitively, each in
 * the name or short name, current or former ("banyumas" and "kab banyumas" find "Pemerintah
 * Kabupaten Banyumas", "Pemkab Banyumas" too; "kominfo" finds Komdigi: people and old documents
 * still use the name a ministry had before a cabinet renamed it). One rule for every agency
 * search: the public directory and GET /api/v1/agencies, the compliance list, the secretariat's
 * list. `columns` names them for a query that aliases the table.
 */
export function agencyNameMatches(q: string, columns: NameColumns = agencies): SQL {
  const words = agencySearchWords(q);
  if (!words.length) return sql`true`;
  const { name, shortName, formerNames } = columns;
  // The trigram index on agencies.name serves the name tests; short and former names are few.
  const one = (w: string) => {
    const p = containsPattern(w);
    return sql`(${name} ILIKE ${p} OR ${shortName} ILIKE ${p}
      OR exists (select 1 from jsonb_array_elements(${formerNames}) f where f->>'name' ILIKE ${p} OR f->>'shortName' ILIKE ${p}))`;
  };
  return sql.join(words.map(one), sql` AND `);
}

/**
 * The name the agency bore in the year, in SQL, for ordering a past year's list by the names it
 * shows: the same rule as `agencyNameIn` (name-in-year.ts), which the list then applies to each
 * row. Of the former names still borne that year, the one given up first; else the current one.
 */
export function agencyNameInSql(year: number, columns: Pick<NameColumns, "name" | "formerNames"> = agencies): SQL<string> {
  return sql<string>`coalesce((select f->>'name' from jsonb_array_elements(${columns.formerNames}) f
    where (f->>'until')::int >= ${year} order by (f->>'until')::int limit 1), ${columns.name})`;
}
