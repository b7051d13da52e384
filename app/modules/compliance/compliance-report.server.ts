import type { Db } from "~/db/client.server";
import { complianceFigures, type ComplianceFigures } from "./compliance-figures.server";
import { countAgenciesFiltered, countAgenciesNotMet, listAgenciesNotMet, type NotMetAgency } from "./agencies-not-met.server";
import type { ComplianceFilters } from "./schemas";

export const NOT_MET_PER_PAGE = 50;

export type ComplianceReport = ComplianceFigures & {
  notMet: {
    rows: NotMetAgency[];
    total: number;
    page: number;
    perPage: number;
    pages: number;
    /**
     * When none is listed (total 0): how many agencies the filters name, all of which met the
     * duty. Zero means the filters name no agency, which the page must not present as
     * everyone having met it. Null when some are listed.
     */
    filtered: number | null;
  };
};

/**
 * "One Agency, One Innovation" for a year: the figures (overall, per type, per province) and one
 * page of the agencies that have not met the duty, filtered by type, province and name.
 */
export async function complianceReport(
  db: Db,
  query: Partial<Omit<ComplianceFilters, "year">> & { year: number; page?: number; perPage?: number },
): Promise<ComplianceReport> {
  const perPage = query.perPage ?? NOT_MET_PER_PAGE;
  const page = Math.max(1, query.page ?? 1);
  const filters: ComplianceFilters = { year: query.year, type: query.type, province: query.province, q: query.q };
  const [figures, total, rows] = await Promise.all([
    complianceFigures(db, query.year),
    countAgenciesNotMet(db, filters),
    listAgenciesNotMet(db, filters, { limit: perPage, offset: (page - 1) * perPage }),
  ]);
  // Counted only for an empty list, the rare case, so a listed page costs no extra query.
  const filtered = total === 0 ? await countAgenciesFiltered(db, filters) : null;
  return { ...figures, notMet: { rows, total, page, perPage, pages: Math.max(1, Math.ceil(total / perPage)), filtered } };
}
