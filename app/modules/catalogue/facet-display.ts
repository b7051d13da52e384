// Which facet values the search page shows. A broad search has values in every province, most
// sectors and SDGs and every year: about a hundred checkboxes, above the results on a phone.
// Like open-data portals (CKAN shows ten a facet), the page shows the values with the most
// matches and links to the whole list; the open API always answers with every value.
import { FACETS, type Facet } from "./query";
import type { FacetCount } from "./types";

/** Values a facet shows before "show all". */
export const FACET_SHOWN = 10;

export type ShownFacet = {
  /** In the facet's own order (provinces by code, years newest first), not by count. */
  values: FacetCount[];
  /** Values left out: shown after following the facet's "show all" link. */
  hidden: number;
  /** Every value is shown because the visitor asked for it, and there are more than the limit. */
  expanded: boolean;
};

/**
 * The `limit` values with the most matches (on a tie, the earlier in the facet's order), and
 * every selected value whatever its count: a ticked box left off the page would be dropped
 * from the search the next time the form is sent.
 */
export function shownFacet(values: FacetCount[], selected: readonly string[], expand: boolean, limit = FACET_SHOWN): ShownFacet {
  if (values.length <= limit) return { values, hidden: 0, expanded: false };
  if (expand) return { values, hidden: 0, expanded: true };
  const top = new Set(
    values
      .map((v, i) => ({ v, i }))
      .sort((a, b) => b.v.count - a.v.count || a.i - b.i)
      .slice(0, limit)
      .map(({ v }) => v.value),
  );
  const shown = values.filter((v) => top.has(v.value) || selected.includes(v.value));
  return { values: shown, hidden: values.length - shown.length, expanded: false };
}

/** The facets a page address asks to show in full (`expand=province`); anything else is ignored. */
export function expandedFacets(params: URLSearchParams): Facet[] {
  const asked = new Set(params.getAll("expand"));
  return FACETS.filter((f) => asked.has(f));
}
