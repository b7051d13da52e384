// Which facet values the search page shows. A broad search has values in every province, most
// sectors and SDGs and every year: about a hundred checkboxes, most of the page's markup and a
// long scroll on a phone.
// Like open-data portals (CKAN shows ten a facet), the page shows the values with the most
// matches and links to the whole list; the open API always answers with every value.
import { FACETS, type Facet } from "./query";
import type { FacetCount } from "./types";

/** Values a facet shows before "show all". */
export const FACET_SHOWN = 10;

export type ShownFacet = {
  /**
   * A whole list in the facet's own order (provinces by code, years newest first); a short list
   * by matches, most first, so that what it leaves out is plainly the smaller values.
   */
  values: FacetCount[];
  /** Values left out: shown after following the facet's "show all" link. */
  hidden: number;
  /** Every value is shown because the visitor asked for it, and there are more than the limit. */
  expanded: boolean;
};

/**
 * The `limit` values with the most matches (on a tie, the earlier in the facet's order), then
 * every selected value left out, whatever its count: a ticked box missing from the page would
 * be dropped from the search the next time the form is sent.
 */
export function shownFacet(values: FacetCount[], selected: readonly string[], expand: boolean, limit = FACET_SHOWN): ShownFacet {
  if (values.length <= limit) return { values, hidden: 0, expanded: false };
  if (expand) return { values, hidden: 0, expanded: true };
  // Array.prototype.sort is stable: equal counts keep the facet's order.
  const byCount = [...values].sort((a, b) => b.count - a.count);
  const shown = [...byCount.slice(0, limit), ...byCount.slice(limit).filter((v) => selected.includes(v.value))];
  return { values: shown, hidden: values.length - shown.length, expanded: false };
}

/** The facets a page address asks to show in full (`expand=province`); anything else is ignored. */
export function expandedFacets(params: URLSearchParams): Facet[] {
  const asked = new Set(params.getAll("expand"));
  return FACETS.filter((f) => asked.has(f));
}
