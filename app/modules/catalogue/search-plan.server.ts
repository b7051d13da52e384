// How much of a search to do exactly. Counting and ranking cost grows with the rows matched
// (fetching a row ~1 µs, testing its words ~0.4 µs, ranking it 0.5–3 µs): a specific query
// ("mal pelayanan publik surabaya") matches a few hundred rows and is done exactly; a common
// word ("layanan") or an unfiltered browse matches most of a million rows, and an exact count
// or rank of those takes seconds on any PostgreSQL. Beyond the limits below the catalogue does
// what large search engines do:
// - facet counts (and the total, when that is large too) are estimated from a stratified
//   sample and marked as estimates ("sekitar 910.000");
// - relevance is ranked among the newest matches (a bounded walk; see chooseRelevanceWindow).
// The planner's row estimates (EXPLAIN: nothing is read) decide. They assume that ANDed words
// are independent, which the words of one query never are ("kesehatan ibu hamil": 412
// estimated, 42,808 found among a million), so for a query of plain words the estimates are
// raised towards those of its rarest word, which bounds the matches from above (see
// correlatedEstimates). Where they still err low the search is exact: slower, never wrong;
// where they err high, a window that comes back short is replaced by a full ranking. A statement that still runs
// away is stopped by the time limit (statement-timeout.server.ts).
//
// What no choice here can fix, because no index leads to the rows: filters without words that
// match few rows (their "newest" walk reads until it has a page), and phrases of common words
// (the GIN index cannot check word order, so every candidate's vector is read). A GIN index
// over the facet values (one text[] of "province:33", "sector:kesehatan", …) would give the
// first an index; the second must read each candidate's word positions, whatever the layout.
import type { SQL } from "drizzle-orm";
import { PUBLIC_STATEMENT_TIMEOUT_MS, type DbOrTx } from "~/db/client.server";
import { rowsOf } from "./cards.server";
import type { CatalogueQuery } from "./query";
import { estimateSql, facetFilters, facetRowsWhere, idSpanSql, indexedWhere, matchWhere, plainWords, queryWords, wordWhere, type RelevanceWindow, type SearchText } from "./search-sql.server";

export type PlanLimits = {
  /** Facets counted exactly when an index finds at most this many rows (estimated). */
  exactLimit: number;
  /** The total counted exactly when an index finds at most this many rows. */
  countLimit: number;
  /** Matches always ranked in full up to this estimate. */
  rankLimit: number;
  /** Otherwise, when cheaper, only this many of the newest matches are ranked… */
  relevanceWindow: number;
  /** …looked for among this many of the newest published rows. */
  relevanceScan: number;
  /** Rows of the facet set a sample aims to hold. */
  sampleTarget: number;
  /**
   * Rows a sample may read at most (it reads every row in its id ranges, matching or not);
   * fewer when the words must be tested on each.
   */
  sampleReadLimit: number;
  /** A search statement running longer is stopped (PostgreSQL statement_timeout). */
  timeoutMs: number;
};

// Measured on a 1M-row register (PostgreSQL 15, 2 cores), when the search vectors were still read
// through the TOAST table (5–10 µs a row; ~1.5 µs since drizzle/0019 keeps them in the row):
// reading a row costs ~1–2 µs and counting six facets ~2–3 µs per row. These keep each statement
// near 10–30 ms at a million rows. The window is where speed is bought with relevance: 200
// matches are 10 pages, walked in ~15 ms even when 1 row in 250 matches; 500 matches cost
// 45 ms for "kesehatan ibu hamil" (43,000 matches), the whole statement budget.
export const DEFAULT_LIMITS: PlanLimits = {
  exactLimit: 5_000,
  countLimit: 20_000,
  rankLimit: 1_000,
  relevanceWindow: 200,
  relevanceScan: 12_000,
  sampleTarget: 2_000,
  sampleReadLimit: 5_000,
  timeoutMs: PUBLIC_STATEMENT_TIMEOUT_MS,
};

// Relative costs, per row, of the two ways to rank (see chooseRelevanceWindow) and of testing a
// sampled row's words. Measured when the vectors were read through the TOAST table. Since they
// stay in their rows (drizzle/0019), fetching a row costs ~1.1 µs, testing its words ~0.4 µs and
// ranking a match 0.5–3 µs (more words, more): VECTOR now overprices the test, which keeps a
// sample of words to about a third of the rows the same time would now read.
const FETCH = 1.5;
const VECTOR = 5;

// Strata spread the sample over the whole id span, i.e. over every year of registrations,
// so that no period or bulk import dominates the estimate.
const STRATA = 128;

type Estimates = { matches: number; facetRows: number; candidates: number; tableRows: number };

export type SearchPlan = {
  estimates: Estimates;
  /** The words whose own estimates bounded the matches (plain words only). */
  words?: string[];
  relevanceWindow?: RelevanceWindow;
  /** Facet counts from a sample: read only ids in `ranges`, multiply by `scale`. */
  sample?: { ranges: [number, number][]; scale: number };
  /** Whether the total is counted exactly (else it is estimated from the sample). */
  exactTotal: boolean;
};

/**
 * Ranking every match reads every candidate the GIN index returns (the filters have no index)
 * and every match's search vector; the window walks the newest rows until it has its matches
 * or has read `relevanceScan` rows, and reads only those matches' vectors. Take the cheaper.
 * Not for phrases ("bank sampah"): the planner estimates them like their words ANDed, far too
 * many, and the window would come back short after testing the phrase on every row it read.
 */
export function chooseRelevanceWindow(
  e: { matches: number; candidates: number; tableRows: number },
  limits: Pick<PlanLimits, "rankLimit" | "relevanceWindow" | "relevanceScan">,
  phrase: boolean,
): RelevanceWindow | undefined {
  const size = limits.relevanceWindow;
  if (phrase || e.matches <= Math.max(limits.rankLimit, size)) return undefined;
  const selectivity = e.matches / Math.max(e.tableRows, e.matches, 1);
  const walk = Math.min(limits.relevanceScan, size / selectivity) * FETCH + size * VECTOR;
  const full = e.candidates * FETCH + e.matches * VECTOR;
  return walk < full ? { size, scan: limits.relevanceScan } : undefined;
}

type ExplainRow = { "QUERY PLAN": unknown };

/** The planner's row estimate from an EXPLAIN (FORMAT JSON) statement (no rows are read). */
async function planRows(db: DbOrTx, explain: SQL): Promise<number> {
  const [row] = await rowsOf<ExplainRow>(db, explain);
  const raw = row?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: { "Plan Rows": number } }[];
  return Number(plan?.[0]?.Plan?.["Plan Rows"] ?? 0);
}

/** The planner's row estimate for innovations `i` under a condition (no rows are read). */
export const estimateRows = (db: DbOrTx, where: SQL) => planRows(db, estimateSql(where));

/**
 * Rows holding every word of a query hold its rarest word too, so the rarest word's estimate
 * bounds the matches from above, and the independence assumption's product from below. The
 * words people type together go together ("ibu hamil" is a health topic), so take the bound:
 * scale every estimate by how far the product fell short of it. Erring high costs little
 * (a window walk that comes back short, or a sample where a count was affordable); erring low
 * ranks tens of thousands of rows in full.
 */
export function correlatedEstimates(e: Estimates, perWord: number[]): Estimates {
  if (perWord.length < 2) return e;
  const rarest = Math.min(...perWord);
  const factor = e.candidates > 0 && rarest > e.candidates ? rarest / e.candidates : 1;
  const cap = (n: number) => Math.min(n * factor, Math.max(e.tableRows, n));
  return { ...e, matches: cap(e.matches), facetRows: cap(e.facetRows), candidates: cap(e.candidates) };
}

/**
 * The statements a plan reads, all run at once: the planner's estimates of the matches, of
 * the rows the facets read and of the rows an index finds (with filters: the facets read more
 * than the matches, each facet ignoring its own filter, and the index finds more than either,
 * the filters having no index), the id span, and each plain word's own estimate.
 */
export function planStatements(query: CatalogueQuery, text: SearchText | null) {
  const filtered = Object.keys(facetFilters(query)).length > 0;
  const words = plainWords(text) ? queryWords(text) : [];
  return {
    matches: estimateSql(matchWhere(query, text)),
    facetRows: filtered ? estimateSql(facetRowsWhere(query, text)) : null,
    candidates: filtered ? estimateSql(indexedWhere(query, text)) : null,
    span: idSpanSql(),
    words: words.map((w) => ({ word: w, estimate: estimateSql(wordWhere(query, w)) })),
  };
}

/** An estimate shown with two significant digits: 912,345 → 910,000. Never 0 if seen. */
export function roundEstimate(n: number): number {
  if (n <= 0) return 0;
  if (n < 100) return Math.max(1, Math.round(n));
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/**
 * Ranges covering `fraction` of [lo, hi], one in each of STRATA equal strata, and the
 * scale-up. Each range sits at a different offset in its stratum (a fixed low-discrepancy
 * sequence, so the same search samples the same rows and its numbers do not jitter): data
 * loaded in a repeating pattern cannot line up with the sample and vanish from it.
 */
export function sampleRanges(lo: number, hi: number, fraction: number) {
  const span = hi - lo + 1;
  const strata = Math.min(STRATA, span);
  const ranges: [number, number][] = [];
  let covered = 0;
  for (let k = 0; k < strata; k++) {
    const start = lo + Math.floor((k * span) / strata);
    const end = lo + Math.floor(((k + 1) * span) / strata) - 1;
    const size = end - start + 1;
    const take = Math.min(size, Math.max(1, Math.round(size * fraction)));
    const offset = Math.floor(((k * 0.6180339887) % 1) * (size - take + 1));
    ranges.push([start + offset, start + offset + take - 1]);
    covered += take;
  }
  return { ranges, scale: span / covered };
}

export async function planSearch(
  db: DbOrTx,
  query: CatalogueQuery,
  text: SearchText | null,
  limits: PlanLimits,
): Promise<SearchPlan> {
  const statements = planStatements(query, text);
  const estimate = (explain: SQL | null) => (explain ? planRows(db, explain) : null);
  const [matches, facetRows, candidates, span, wordRows] = await Promise.all([
    planRows(db, statements.matches),
    estimate(statements.facetRows),
    estimate(statements.candidates),
    rowsOf<{ lo: number | null; hi: number | null }>(db, statements.span),
    Promise.all(statements.words.map((w) => planRows(db, w.estimate))),
  ]);
  const lo = span[0]?.lo === null || span[0]?.lo === undefined ? null : Number(span[0].lo);
  const hi = span[0]?.hi === null || span[0]?.hi === undefined ? null : Number(span[0].hi);
  const estimates = correlatedEstimates(
    {
      matches,
      facetRows: facetRows ?? matches,
      candidates: candidates ?? matches,
      tableRows: lo === null || hi === null ? 0 : hi - lo + 1,
    },
    wordRows,
  );
  const words = statements.words.map((w) => w.word);
  const plan: SearchPlan = { estimates, exactTotal: true, ...(words.length ? { words } : {}) };
  if (text && query.sort === "relevance") {
    plan.relevanceWindow = chooseRelevanceWindow(estimates, limits, query.q.includes('"'));
  }

  // Only the words (GIN) and the agency (btree) lead to rows through an index; the facet
  // columns have none, so counting "few" rows found by them alone still reads the table.
  const indexed = text !== null || Boolean(query.agency);
  const small = estimates.tableRows <= limits.exactLimit;
  if (small || (indexed && estimates.candidates <= limits.exactLimit) || lo === null || hi === null) return plan;
  // A sampled row costs more when its search vector must be read to test the words.
  const readLimit = text ? (limits.sampleReadLimit * FETCH) / (FETCH + VECTOR) : limits.sampleReadLimit;
  const fraction = Math.min(limits.sampleTarget / Math.max(estimates.facetRows, 1), readLimit / estimates.tableRows);
  // Sampling half the table or more saves little: count it all.
  if (fraction >= 0.5) return plan;
  plan.sample = sampleRanges(lo, hi, fraction);
  plan.exactTotal = indexed && estimates.candidates <= limits.countLimit;
  return plan;
}
