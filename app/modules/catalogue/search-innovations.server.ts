// The public catalogue's search: published innovations only, Indonesian stemming, typo
// tolerance, facets with counts, sorting and pagination.
//
// A search runs two rounds of statements (searchStatements lists them for the benchmark):
//   1. correction ∥ plan: typo candidates for unknown query words (only when there is a
//      query), beside the planner's row estimates and the id span (see search-plan.server.ts),
//      planned for the words as typed; only when a word was corrected (or the query has no
//      searchable word) is the plan made again, in a round of its own;
//   2. items ∥ facets (∥ an exact count when the facets are sampled but the index finds few
//      rows), each under the statement time limit (statement-timeout.server.ts).
//
// Scale, for 1,000,000 innovations (figures and trade-offs in search-plan.server.ts):
// - words go through the GIN index on search_vector; without words, "newest" walks the
//   published_at partial index and stops after one page;
// - the page of cards is chosen on narrow columns and only its rows are joined and read;
// - the total and six facets are one statement reading the rows once, exactly when an index
//   finds few, from a stratified sample otherwise (and then marked as estimates);
// - a query matching very many rows is ranked among its newest matches;
// - pages stop at the 10,000th result (MAX_RESULT_WINDOW), deep OFFSETs being a full sort.
import type { DbOrTx } from "~/db/client.server";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import { AGENCY_TYPES, INNOVATION_STATUSES, SECTORS } from "~/modules/innovations/vocab";
import { rowsOf, toCard, type CardRow } from "./cards.server";
import { withStatementTimeout } from "./statement-timeout.server";
import { correctionSql, correctQuery, correctableWords } from "./correct-query.server";
import { FACETS, maxPage, type CatalogueQuery, type Facet } from "./query";
import { DEFAULT_LIMITS, planSearch, planStatements, roundEstimate, type PlanLimits, type SearchPlan } from "./search-plan.server";
import { countSql, facetsSql, itemsSql, type RelevanceWindow, type SearchText } from "./search-sql.server";
import type { FacetCount, SearchResult } from "./types";

type FacetRow = { facet: Facet | "total"; value: string | null; count: number };

// Fixed vocabularies keep their own order (a checkbox does not jump around as counts change);
// provinces go by code (the ministry's west-to-east numbering) and years newest first.
const ORDER: Partial<Record<Facet, readonly string[]>> = {
  agencyType: AGENCY_TYPES,
  sector: SECTORS,
  status: INNOVATION_STATUSES,
  sdg: Array.from({ length: 17 }, (_, i) => String(i + 1)),
};

function sortFacet(facet: Facet, counts: FacetCount[]): FacetCount[] {
  const order = ORDER[facet];
  if (order) {
    const rank = (v: string) => (order.indexOf(v) === -1 ? order.length : order.indexOf(v));
    return counts.sort((a, b) => rank(a.value) - rank(b.value) || a.value.localeCompare(b.value));
  }
  if (facet === "year") return counts.sort((a, b) => Number(b.value) - Number(a.value));
  return counts.sort((a, b) => a.value.localeCompare(b.value));
}

export type SearchOptions = {
  limits?: Partial<PlanLimits>;
  /** Pin the relevance window instead of letting the plan choose (to reproduce a case). */
  window?: RelevanceWindow;
};

export async function searchInnovations(db: DbOrTx, query: CatalogueQuery, options: SearchOptions = {}): Promise<SearchResult> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { text, correctedQuery, plan } = await correctAndPlan(db, query, limits);
  if (options.window) plan.relevanceWindow = options.window;
  const guarded = <T>(statement: SQL, opts?: { avoidSeqScan?: boolean }) =>
    withStatementTimeout(db, limits.timeoutMs, (tx) => rowsOf<T>(tx, statement), opts);
  const [windowRows, facetRows, countRows] = await Promise.all([
    guarded<CardRow>(itemsSql(query, text, { window: plan.relevanceWindow })),
    // Exact facets of words read only the rows the index names (see withStatementTimeout).
    guarded<FacetRow>(facetsSql(query, text, { sampleRanges: plan.sample?.ranges }), { avoidSeqScan: Boolean(text) && !plan.sample }),
    plan.sample && plan.exactTotal ? guarded<{ count: number }>(countSql(query, text)) : null,
  ]);
  // A window short of a page: the matches were sparser among the newest rows than estimated
  // (or the page is deep). Rank them all instead.
  let itemRows = windowRows;
  if (plan.relevanceWindow && windowRows && windowRows.length < query.perPage) {
    plan.relevanceWindow = undefined;
    itemRows = await guarded<CardRow>(itemsSql(query, text));
  }
  return shapeResult(query, plan, { itemRows, facetRows, countRows }, correctedQuery);
}

/**
 * The query's correction and its plan, in one round when no word needs correcting (most
 * searches): the plan is made for the words as typed while they are checked.
 */
async function correctAndPlan(db: DbOrTx, query: CatalogueQuery, limits: PlanLimits) {
  const typed = typedText(query);
  const [corrected, planned] = await Promise.all([correctQuery(db, query.q), planSearch(db, query, typed, limits)]);
  const plan = sameText(corrected.text, typed) ? planned : await planSearch(db, query, corrected.text, limits);
  return { ...corrected, plan };
}

/** The words as the visitor typed them, before any correction. */
const typedText = (query: CatalogueQuery): SearchText | null => (query.q.trim() ? { q: query.q } : null);
const sameText = (a: SearchText | null, b: SearchText | null) => a?.q === b?.q && a?.corrected === b?.corrected;

type Rows = { itemRows: CardRow[] | null; facetRows: FacetRow[] | null; countRows: { count: number }[] | null };

/** Rows to the result; a statement stopped by the time limit left null and the result says so. */
export function shapeResult(query: CatalogueQuery, plan: SearchPlan, rows: Rows, correctedQuery?: string): SearchResult {
  const { itemRows, facetRows, countRows } = rows;
  const scale = plan.sample?.scale ?? 1;
  const scaled = (n: number) => (plan.sample ? roundEstimate(n * scale) : n);
  // Without its own count, the total is the planner's estimate.
  let total = facetRows ? 0 : roundEstimate(plan.estimates.matches);
  let totalEstimated = facetRows ? Boolean(plan.sample) : true;
  const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetCount[]])) as Record<Facet, FacetCount[]>;
  for (const row of facetRows ?? []) {
    if (row.facet === "total") total = scaled(Number(row.count));
    else if (row.value !== null) facets[row.facet].push({ value: String(row.value), count: scaled(Number(row.count)) });
  }
  if (countRows) {
    total = Number(countRows[0]?.count ?? 0);
    totalEstimated = false;
  }
  // Values the visitor ticked stay listed (with 0) so they can be unticked.
  for (const facet of FACETS) {
    for (const value of (query[facet] as (string | number)[]).map(String)) {
      if (!facets[facet].some((c) => c.value === value)) facets[facet].push({ value, count: 0 });
    }
    sortFacet(facet, facets[facet]);
  }

  const lastPage = plan.relevanceWindow ? Math.ceil(plan.relevanceWindow.size / query.perPage) : maxPage(query.perPage);
  const facetsEstimated = Boolean(plan.sample) || !facetRows;
  return {
    total,
    page: query.page,
    perPage: query.perPage,
    pages: Math.min(Math.ceil(total / query.perPage), lastPage),
    items: (itemRows ?? []).map(toCard),
    facets,
    ...(totalEstimated || facetsEstimated ? { estimated: { total: totalEstimated, facets: facetsEstimated } } : {}),
    ...(itemRows && facetRows && (countRows || !(plan.sample && plan.exactTotal)) ? {} : { incomplete: true as const }),
    ...(correctedQuery ? { correctedQuery } : {}),
  };
}

/** `avoidSeqScan`: the app runs it with enable_seqscan off (see withStatementTimeout). */
type Statement = { sql: string; params: unknown[]; avoidSeqScan?: boolean };

/**
 * The statements searchInnovations runs for a query, round by round, as SQL text and
 * parameters for a raw driver, with the plan that chose them. The benchmark times these
 * directly to print the database's own time beside the HTTP time (statements of one round run
 * concurrently in the app). Running it performs rounds 1 and 2 itself (they decide round 3).
 */
export async function searchStatements(
  db: DbOrTx,
  query: CatalogueQuery,
  limits: PlanLimits = DEFAULT_LIMITS,
): Promise<{ rounds: Statement[][]; plan: SearchPlan; text: SearchText | null }> {
  const dialect = new PgDialect();
  const q = (s: SQL): Statement => dialect.sqlToQuery(s);
  const { text, plan } = await correctAndPlan(db, query, limits);
  const estimates = (t: SearchText | null) => {
    const s = planStatements(query, t);
    return [s.matches, s.facetRows, s.candidates, s.span, ...s.words.map((w) => w.estimate)].filter((x) => x !== null).map(q);
  };
  const typed = typedText(query);
  const rounds: Statement[][] = [[...(typed ? [q(correctionSql(query.q, correctableWords(query.q)))] : []), ...estimates(typed)]];
  if (!sameText(text, typed)) rounds.push(estimates(text));
  const last = [
    q(itemsSql(query, text, { window: plan.relevanceWindow })),
    { ...q(facetsSql(query, text, { sampleRanges: plan.sample?.ranges })), avoidSeqScan: Boolean(text) && !plan.sample },
  ];
  if (plan.sample && plan.exactTotal) last.push(q(countSql(query, text)));
  rounds.push(last);
  return { rounds, plan, text };
}
