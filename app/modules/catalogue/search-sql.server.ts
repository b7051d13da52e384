// The SQL of a catalogue search, apart from running it, so that the benchmark can run exactly
// what the app runs (see searchStatements in search-innovations.server.ts).
//
// Filters combine as facets usually do: values of one facet are OR-ed, facets are AND-ed, and
// each facet's counts apply every filter except its own (so ticking "Kesehatan" does not hide
// the other sectors' counts).
import { sql, type SQL } from "drizzle-orm";
import { cardColumns, cardJoins } from "./cards.server";
import { FACETS, type CatalogueQuery, type Facet } from "./query";

/** The words to search: the visitor's query and, when a typo was corrected, the corrected one. */
export type SearchText = { q: string; corrected?: string };

// The Indonesian stemmer ("pelayanan" and "layanan" share the lexeme "layan"); the trigger in
// drizzle/0002_search.sql builds innovations.search_vector with the same configuration.
const tsQuery = (text: SearchText): SQL =>
  text.corrected ? sql`(${wordsQuery(text.q)} || ${wordsQuery(text.corrected)})` : wordsQuery(text.q);

// A hyphenated compound as people type it: "e-KTP", "KTP-el", "layanan-publik". The parser keeps
// it whole and also splits it, and websearch_to_tsquery asks for all of those in sequence, so
// "e-KTP" missed every entry that says "KTP elektronik". A compound also matches its parts of
// three letters or more in any order (the prefixes "e-", "m-", the suffix "-el" dropped). A query
// written with quotes or "or" is taken exactly as typed: its writer chose how words combine.
const COMPOUND = /(?<![\p{L}\p{N}-])\p{L}[\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)+/gu;

export function wordsQuery(q: string): SQL {
  const compounds = /"|\bor\b/i.test(q) ? [] : (q.match(COMPOUND) ?? []);
  if (!compounds.length) return sql`websearch_to_tsquery('indonesian', ${q})`;
  const rest = q.replace(COMPOUND, " ").trim();
  const each = compounds.map((c) => {
    const parts = c.split("-").filter((p) => [...p].length >= 3).join(" ");
    return parts
      ? sql`(websearch_to_tsquery('indonesian', ${c}) || plainto_tsquery('indonesian', ${parts}))`
      : sql`websearch_to_tsquery('indonesian', ${c})`;
  });
  return sql`(${sql.join([...(rest ? [sql`websearch_to_tsquery('indonesian', ${rest})`] : []), ...each], sql` && `)})`;
}

const inList = (values: (string | number)[]) => sql.join(values.map((v) => sql`${v}`), sql`, `);
const and = (parts: SQL[]) => (parts.length ? sql`(${sql.join(parts, sql` AND `)})` : sql`true`);
const or = (parts: SQL[]) => (parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`);

// `= ANY(ARRAY[…])` rather than `IN (…)` or `=`: PostgreSQL turns a single-value `=` into an
// equivalence class and re-adds it after every other condition, which puts the costly text
// match first. An array comparison keeps its place (and costs less per value in the planner).
const anyOf = (column: string, values: (string | number)[], type: string) =>
  sql`${sql.raw(column)} = ANY(ARRAY[${inList(values)}]::${sql.raw(type)}[])`;

/** One condition per active facet filter, on innovations `i`. */
export function facetFilters(query: CatalogueQuery): Partial<Record<Facet, SQL>> {
  const f: Partial<Record<Facet, SQL>> = {};
  if (query.agencyType.length) f.agencyType = anyOf("i.agency_type", query.agencyType, "agency_type");
  if (query.province.length) f.province = anyOf("i.province_code", query.province, "text");
  // && (overlap) is what the array columns' values mean as a filter: any of the ticked ones.
  if (query.sector.length) f.sector = sql`i.sectors && ARRAY[${inList(query.sector)}]::text[]`;
  if (query.sdg.length) f.sdg = sql`i.sdgs && ARRAY[${inList(query.sdg)}]::smallint[]`;
  if (query.status.length) f.status = anyOf("i.status", query.status, "innovation_status");
  if (query.year.length) f.year = anyOf("i.start_year", query.year, "smallint");
  return f;
}

// Conditions are written cheapest first: PostgreSQL keeps the written order among conditions
// of equal cost, and the text match, which must read and decompress the row's search vector,
// costs most. A row that fails a filter is then never read that far.
const published = sql`i.state = 'published'`;
const agencyIs = (query: CatalogueQuery) =>
  query.agency ? [sql`i.agency_id = (SELECT id FROM agencies WHERE slug = ${query.agency})`] : [];
const wordsMatch = (text: SearchText | null) => (text ? [sql`i.search_vector @@ ${tsQuery(text)}`] : []);
// The same test hidden from the GIN index (COALESCE is not indexable): for a sample, checking
// its few thousand rows one by one is cheaper than intersecting the posting lists of common
// words over the whole table, which the planner tends to underestimate.
const wordsMatchRowByRow = (text: SearchText | null) =>
  text ? [sql`coalesce(i.search_vector @@ ${tsQuery(text)}, false)`] : [];

/** Rows an index finds before any facet filter: the words (GIN) and the agency (btree). */
export function indexedWhere(query: CatalogueQuery, text: SearchText | null): SQL {
  return and([published, ...agencyIs(query), ...wordsMatch(text)]);
}

/** Rows matching the query and every filter: the result set. */
export function matchWhere(query: CatalogueQuery, text: SearchText | null): SQL {
  return and([published, ...agencyIs(query), ...Object.values(facetFilters(query)), ...wordsMatch(text)]);
}

/**
 * Rows some facet counts: those failing at most one filter (a row failing two counts nowhere).
 * Written as an OR of "all filters but one", which the planner estimates from column
 * statistics and can answer with bitmap indexes.
 */
export function facetRowsWhere(query: CatalogueQuery, text: SearchText | null, opts: { rowByRow?: boolean } = {}): SQL {
  const filters = facetFilters(query);
  const active = FACETS.filter((f) => filters[f]);
  const words = opts.rowByRow ? wordsMatchRowByRow(text) : wordsMatch(text);
  const allBut = active.map((skip) => and(active.filter((f) => f !== skip).map((f) => filters[f]!)));
  return and([published, ...agencyIs(query), ...(active.length >= 2 ? [or(allBut)] : []), ...words]);
}

/**
 * Whether a query is only words, all required ("kesehatan ibu hamil"): no phrase, no "or", no
 * excluded word, no typo correction. Only for these does the rarest word bound the matches.
 */
export function plainWords(text: SearchText | null): text is SearchText {
  if (!text || text.corrected) return false;
  const words = text.q.trim().split(/\s+/);
  return words.length >= 2 && !/["]/.test(text.q) && !words.some((w) => w.startsWith("-") || w.toLowerCase() === "or");
}

/**
 * A plain-words query's distinct words, as typed (at most 8: more bound nothing new). Bare
 * punctuation is no word: its query would be empty, which the planner estimates at one row.
 */
export function queryWords(text: SearchText): string[] {
  const words = text.q.trim().toLowerCase().split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  return [...new Set(words)].slice(0, 8);
}

/**
 * Published rows (of the agency, if any) holding one word. The planner folds
 * plainto_tsquery when it estimates, so this costs no lookup of the word's lexeme first.
 */
export function wordWhere(query: CatalogueQuery, word: string): SQL {
  return and([published, ...agencyIs(query), sql`i.search_vector @@ plainto_tsquery('indonesian', ${word})`]);
}

/** The planner's row estimate for a condition: cheap (no rows are read). */
export const estimateSql = (where: SQL) => sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM innovations i WHERE ${where}`;

/** The id span that sampled counts stratify over (two primary-key probes). */
export const idSpanSql = () => sql`SELECT min(id)::int AS lo, max(id)::int AS hi FROM innovations`;

export const countSql = (query: CatalogueQuery, text: SearchText | null) =>
  sql`SELECT count(*)::int AS count FROM innovations i WHERE ${matchWhere(query, text)}`;

type SortKey = { expr: SQL; dir: "ASC" | "DESC" | "DESC NULLS LAST" };

// Every order ends on the id so pages never overlap or skip when keys tie. Published rows
// always have published_at, so plain DESC matches a backward scan of its partial index.
function sortKeys(query: CatalogueQuery, text: SearchText | null, alias: string): SortKey[] {
  const c = (col: string) => sql.raw(`${alias}.${col}`);
  const newest: SortKey[] = [
    { expr: c("published_at"), dir: "DESC" },
    { expr: c("id"), dir: "DESC" },
  ];
  switch (query.sort) {
    case "relevance": {
      if (!text) return newest;
      // Cover density: weighted (name A, summary B, substance C, rest D), and query words
      // close together count more.
      const rank: SortKey = { expr: sql`ts_rank_cd(${c("search_vector")}, ${tsQuery(text)})`, dir: "DESC" };
      // Innovations are known by their acronyms ("HALO", "UPIK"): a search that is exactly one's
      // acronym or name puts it first, ahead of entries that only mention the word more often.
      // Only when every match is ranked (alias i); a relevance window reads a narrower row.
      const typed = text.q.trim().toLowerCase();
      const exact: SortKey = { expr: sql`(lower(${c("acronym")}) = ${typed} OR lower(${c("name")}) = ${typed})`, dir: "DESC NULLS LAST" };
      return alias === "i" ? [exact, rank, ...newest] : [rank, ...newest];
    }
    case "name":
      return [
        { expr: c("name"), dir: "ASC" },
        { expr: c("id"), dir: "ASC" },
      ];
    case "start":
      return [
        { expr: c("started_on"), dir: "DESC NULLS LAST" },
        { expr: c("id"), dir: "DESC" },
      ];
    default:
      return newest;
  }
}

const orderBy = (keys: SortKey[], expr: (k: SortKey, n: number) => SQL) =>
  sql.join(
    keys.map((k, n) => sql`${expr(k, n)} ${sql.raw(k.dir)}`),
    sql`, `,
  );

/** Rank only the newest `size` matches found among the newest `scan` published rows. */
export type RelevanceWindow = { size: number; scan: number };

/**
 * One page of cards. The page's ids are chosen on narrow columns first, so only its rows are
 * joined and have their summary read.
 *
 * `window`: for a query matching very many rows, ranking every match means reading every
 * match's search vector (the costly part of full-text search). Then only the newest
 * `window.size` matches are ranked, looked for among the newest `window.scan` published rows
 * (so the walk is bounded even when the matches turn out sparser than estimated: a LIMIT is a
 * wall no condition is pushed through). The caller decides from the planner's estimates, and
 * ranks in full when the window comes back short.
 */
export function itemsSql(query: CatalogueQuery, text: SearchText | null, opts: { window?: RelevanceWindow } = {}): SQL {
  const offset = (query.page - 1) * query.perPage;
  const win = opts.window && text !== null && query.sort === "relevance" ? opts.window : null;
  // The newest rows, exposing (as `i`) every column the filters and the words read.
  const newest = (w: RelevanceWindow) => sql`(
      SELECT i.id, i.search_vector, i.published_at, i.agency_type, i.province_code, i.sectors, i.sdgs, i.status, i.start_year
      FROM innovations i
      WHERE ${and([published, ...agencyIs(query)])}
      ORDER BY i.published_at DESC, i.id DESC
      LIMIT ${w.scan}) i`;
  const source = win
    ? sql`(SELECT i.id, i.search_vector, i.published_at FROM ${newest(win)}
           WHERE ${and([...Object.values(facetFilters(query)), ...wordsMatch(text)])}
           ORDER BY i.published_at DESC, i.id DESC LIMIT ${win.size}) w`
    : sql`innovations i WHERE ${matchWhere(query, text)}`;
  const alias = win ? "w" : "i";
  const keys = sortKeys(query, text, alias);
  const picked = sql.join(
    keys.map((k, n) => sql`${k.expr} AS ${sql.raw(`k${n}`)}`),
    sql`, `,
  );
  return sql`SELECT ${cardColumns}
    FROM (
      SELECT ${sql.raw(alias)}.id, ${picked}
      FROM ${source}
      ORDER BY ${orderBy(keys, (k) => k.expr)}
      LIMIT ${query.perPage} OFFSET ${offset}
    ) p
    JOIN innovations i ON i.id = p.id ${cardJoins}
    ORDER BY ${orderBy(keys, (_k, n) => sql.raw(`p.k${n}`))}`;
}

/** Integers as one array parameter, in PostgreSQL's array text form (read alike by both drivers). */
const intArray = (values: number[]) => `{${values.map((v) => Math.trunc(v)).join(",")}}`;

/**
 * How each facet's value is read from a row of `m`: arrays are unnested in the select list
 * (a ProjectSet, several times cheaper per row than a lateral unnest), and enums and numbers
 * are grouped as they are and cast to text per group, not per row.
 */
const FACET_VALUE: Record<Facet, { value: SQL; cast: SQL; notNull?: SQL }> = {
  agencyType: { value: sql`m.agency_type`, cast: sql`v::text` },
  province: { value: sql`m.province_code`, cast: sql`v`, notNull: sql`m.province_code IS NOT NULL` },
  sector: { value: sql`unnest(m.sectors)`, cast: sql`v` },
  sdg: { value: sql`unnest(m.sdgs)`, cast: sql`v::text` },
  status: { value: sql`m.status`, cast: sql`v::text` },
  year: { value: sql`m.start_year`, cast: sql`v::text`, notNull: sql`m.start_year IS NOT NULL` },
};

/**
 * The total and all facet counts in one statement: the rows some facet counts are read once
 * into a materialised set, each carrying one flag per active filter; each facet then counts
 * the rows that pass all the other filters.
 *
 * `sampleRanges`: for very many rows, read only those whose id falls in these ranges (a
 * stratified sample spread over the whole id span, i.e. over time, found through the primary
 * key, so the other rows are never read) and let the caller scale up. The ranges arrive as two
 * arrays joined laterally to a range scan each: one parameter each to plan, where 128 OR-ed
 * ranges took the planner 2–4 ms. The scan is fenced (OFFSET 0) so that no other condition is
 * pushed into it and leads it to another index, once per range.
 */
export function facetsSql(query: CatalogueQuery, text: SearchText | null, opts: { sampleRanges?: [number, number][] } = {}): SQL {
  const filters = facetFilters(query);
  const active = FACETS.filter((f) => filters[f]);
  const flag = (f: Facet) => sql.raw(`m.f_${f}`);
  const flags = active.map((f) => sql`${filters[f]} AS ${sql.raw(`f_${f}`)}`);
  const ranges = opts.sampleRanges;
  const source = ranges
    ? sql`unnest(${intArray(ranges.map(([lo]) => lo))}::int[], ${intArray(ranges.map(([, hi]) => hi))}::int[]) AS r(lo, hi)
        CROSS JOIN LATERAL (SELECT * FROM innovations i WHERE i.id BETWEEN r.lo AND r.hi OFFSET 0) i`
    : sql`innovations i`;
  const othersPass = (except: Facet | null) => and(active.filter((f) => f !== except).map(flag));
  const branches = FACETS.map((facet) => {
    const v = FACET_VALUE[facet];
    const where = [othersPass(facet), ...(v.notNull ? [v.notNull] : [])];
    return sql`SELECT ${facet}::text, ${v.cast}, c FROM (SELECT ${v.value} AS v, count(*)::int AS c FROM m WHERE ${and(where)} GROUP BY 1) ${sql.raw(`g_${facet}`)}`;
  });
  return sql`WITH m AS MATERIALIZED (
      SELECT i.agency_type, i.province_code, i.sectors, i.sdgs, i.status, i.start_year
        ${flags.length ? sql`, ${sql.join(flags, sql`, `)}` : sql``}
      FROM ${source}
      WHERE ${facetRowsWhere(query, text, { rowByRow: Boolean(ranges) })}
    )
    SELECT 'total'::text AS facet, NULL::text AS value, count(*)::int AS count FROM m WHERE ${othersPass(null)}
    UNION ALL ${sql.join(branches, sql` UNION ALL `)}`;
}
