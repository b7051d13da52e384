// The search page's filters checked against what exists. parseCatalogueQuery drops a value of
// the wrong form; an agency slug or a province code of the right form can still name nothing
// (a stale link, an agency merged away, a hand-edited "province=99"). Such a value is dropped
// the same way: kept, it would empty the results under an "active filter" that no checkbox
// carries and no chip can name, leaving the reader nothing to untick.
import type { DbOrTx } from "~/db/client.server";
import { getAgencyProfile, type AgencyProfile } from "./get-agency-portfolio.server";
import { listProvinces, type ProvinceOption } from "./list-provinces.server";
import type { CatalogueQuery } from "./query";

export type ResolvedSearch = {
  /** The query without the values that name nothing. */
  query: CatalogueQuery;
  /** The agency filtered on, when it exists. */
  agency: AgencyProfile | null;
  /** Every province (the page labels its filters with them). */
  provinces: ProvinceOption[];
};

export async function resolveSearchFilters(db: DbOrTx, query: CatalogueQuery): Promise<ResolvedSearch> {
  // The provinces are read once per database (listProvinces caches them), so checking codes
  // costs nothing; the agency is one lookup by its unique slug, made only when filtered on.
  const [provinces, agency] = await Promise.all([listProvinces(db), query.agency ? getAgencyProfile(db, query.agency) : null]);
  const known = new Set(provinces.map((p) => p.code));
  return {
    query: { ...query, province: query.province.filter((code) => known.has(code)), agency: agency ? query.agency : undefined },
    agency,
    provinces,
  };
}
