// The catalogue query's shape and its address, without the parsing (schemas.ts): what the
// search page's own script needs to build its links and filters, so the browser is not sent
// the validation library for them.
import type { AgencyType, InnovationStatus, Sector } from "~/modules/innovations/vocab";

export const CATALOGUE_SORTS = ["relevance", "newest", "name", "start"] as const;
export type CatalogueSort = (typeof CATALOGUE_SORTS)[number];

export const FACETS = ["agencyType", "province", "sector", "sdg", "status", "year"] as const;
export type Facet = (typeof FACETS)[number];

export const MAX_QUERY_LENGTH = 200;
export const MAX_PER_PAGE = 100;
export const DEFAULT_PER_PAGE = 20;
// Deep pages cost an OFFSET scan over every ranked match. Like search engines' "result
// window", results stop at the 10,000th; whole-register copies come from the open-data exports.
export const MAX_RESULT_WINDOW = 10_000;

/** A parsed search (schemas.ts checks that its schema gives exactly this). */
export type CatalogueQuery = {
  q: string;
  agencyType: AgencyType[];
  province: string[];
  sector: Sector[];
  sdg: number[];
  status: InnovationStatus[];
  year: number[];
  agency?: string;
  sort: CatalogueSort;
  page: number;
  perPage: number;
};

/** A facet's selected values, as the facet counts name them. */
export const selectedValues = (query: CatalogueQuery, facet: Facet): string[] => (query[facet] as (string | number)[]).map(String);

/** The last page inside the result window. */
export const maxPage = (perPage: number) => Math.floor((MAX_RESULT_WINDOW - 1) / perPage) + 1;

/**
 * The order a search gets when none is chosen: by relevance when there are words to rank by,
 * newest first otherwise. The search form sends this one as an empty `sort`, so that typing words
 * into a search that had none ranks them instead of keeping the old default.
 */
export const defaultSort = (q: string | undefined): CatalogueSort => (q ? "relevance" : "newest");

/** The query as URL parameters (defaults left out), for links that keep the search. */
export function catalogueQueryToParams(query: Partial<CatalogueQuery>): URLSearchParams {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  for (const key of FACETS) {
    for (const v of query[key] ?? []) p.append(key, String(v));
  }
  if (query.agency) p.set("agency", query.agency);
  if (query.sort && query.sort !== defaultSort(query.q)) p.set("sort", query.sort);
  if (query.perPage && query.perPage !== DEFAULT_PER_PAGE) p.set("perPage", String(query.perPage));
  if (query.page && query.page > 1) p.set("page", String(query.page));
  return p;
}

export const AGENCIES_PER_PAGE = 30;
