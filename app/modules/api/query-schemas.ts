// The open API's query parameters. Filters shared with the compliance page come from its schema,
// so a parameter means the same in the page's address and in the API.
//
// Beside each schema, what each parameter accepts in plain words: a refused parameter is
// answered "The perPage parameter must be a whole number from 1 to 100." (parseQuery), never
// with the validation library's wording ("Too small: expected number to be >=1") or a regular
// expression. The words are the API's, in English like the rest of it (and its OpenAPI
// document), so they live here rather than in the pages' message catalogs.
import { z } from "zod";
import { fromDigits } from "~/lib/forms";
import {
  agencyTypeParam,
  ComplianceYearSchema,
  MAX_NAME_SEARCH,
  MAX_PAGE,
  nameSearchParam,
  pageParam,
  provinceParam,
} from "~/modules/compliance/schemas";
import { FIRST_YEAR, jakartaYear } from "~/modules/compliance/year";
import { AGENCY_TYPES, INNOVATION_STATUSES, SECTORS } from "~/modules/innovations/vocab";
import { CATALOGUE_SORTS, DEFAULT_PER_PAGE, MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, maxPage } from "~/modules/catalogue/query";
import { MAX_VALUES, MAX_YEAR, MIN_YEAR, type CatalogueQueryInput } from "~/modules/catalogue/schemas";

/**
 * What a parameter accepts, finishing "The <name> parameter must be …"; a function when it
 * depends on the other parameters given (the raw query, before parsing).
 */
export type Accepted = string | ((raw: Record<string, unknown>) => string);
/** One phrase for every parameter of a query: a new parameter without one does not compile. */
export type AcceptedOf<Input> = { [K in keyof Input & string]-?: Accepted };

const number = (min: number, max: number) => `a whole number from ${min} to ${max.toLocaleString("en")}`;
const oneOf = (values: readonly string[]) => `one of ${values.join(", ")}`;
const text = (max: number) => `text of at most ${max} characters`;
const PROVINCE = "a province code of two digits, such as 33 for Jawa Tengah";
// Facets take several values, each its own parameter (?sector=a&sector=b).
const several = (one: string) => `${one}; repeat the parameter for several values, at most ${MAX_VALUES}`;

const perPageParam = (max: number, fallback: number) =>
  z.preprocess(fromDigits, z.number().int().min(1).max(max).default(fallback)).meta({ description: `Items per page, 1 to ${max}. Default ${fallback}.` });

const AGENCIES_MAX_PER_PAGE = 100;
const REGIONS_MAX_PER_PAGE = 1000;

export const AgenciesQuerySchema = z.object({
  q: nameSearchParam,
  type: agencyTypeParam,
  province: provinceParam.meta({
    description: "Province code (two digits): the agencies located in it (its government, regencies, cities and BUMD).",
  }),
  page: pageParam,
  perPage: perPageParam(AGENCIES_MAX_PER_PAGE, 20),
});

// All 552 regions fit in one page of the largest size.
export const RegionsQuerySchema = z.object({
  province: provinceParam.meta({ description: "Province code (two digits): the province and its regencies and cities." }),
  level: z.enum(["province", "regency"]).optional().meta({ description: "province, or regency (regencies and cities)." }),
  page: pageParam,
  perPage: perPageParam(REGIONS_MAX_PER_PAGE, 100),
});

export const AGENCIES_ACCEPTED: AcceptedOf<z.input<typeof AgenciesQuerySchema>> = {
  q: text(MAX_NAME_SEARCH),
  type: oneOf(AGENCY_TYPES),
  province: PROVINCE,
  page: number(1, MAX_PAGE),
  perPage: number(1, AGENCIES_MAX_PER_PAGE),
};

export const REGIONS_ACCEPTED: AcceptedOf<z.input<typeof RegionsQuerySchema>> = {
  province: PROVINCE,
  level: oneOf(["province", "regency"]),
  page: number(1, MAX_PAGE),
  perPage: number(1, REGIONS_MAX_PER_PAGE),
};

export const ComplianceApiQuerySchema = ComplianceYearSchema;

export const COMPLIANCE_ACCEPTED: AcceptedOf<z.input<typeof ComplianceApiQuerySchema>> = {
  // The current year is read when a request is refused: the server outlives a new year.
  year: () => `a year from ${FIRST_YEAR} to ${jakartaYear(new Date())}`,
};

/** The per-page size a search asked for, when valid, for the page parameter's message. */
function perPageOf(raw: Record<string, unknown>): number {
  const v = raw.perPage;
  const n = typeof v === "string" && /^\s*\d{1,4}\s*$/.test(v) ? Number(v) : NaN;
  return n >= 1 && n <= MAX_PER_PAGE ? n : DEFAULT_PER_PAGE;
}

// The catalogue's search (app/modules/catalogue/schemas.ts), as the API reads it.
export const INNOVATIONS_ACCEPTED: AcceptedOf<CatalogueQueryInput> = {
  q: text(MAX_QUERY_LENGTH),
  agencyType: several(oneOf(AGENCY_TYPES)),
  province: several(PROVINCE),
  sector: several(oneOf(SECTORS)),
  sdg: several(`a Sustainable Development Goal's number, ${number(1, 17)}`),
  status: several(oneOf(INNOVATION_STATUSES)),
  year: several(`a start year, ${number(MIN_YEAR, MAX_YEAR)}`),
  agency: "an agency's slug (the last part of its page's address, such as kabupaten-banyumas-33-02) or its numeric id",
  sort: oneOf(CATALOGUE_SORTS),
  // Results stop at the 10,000th (the result window): the last page depends on perPage.
  page: (raw) => {
    const perPage = perPageOf(raw);
    return `${number(1, maxPage(perPage))} at ${perPage} results per page. Results stop at the ${MAX_RESULT_WINDOW.toLocaleString("en")}th: to reach later ones, narrow the search with q or a filter (agencyType, province, sector, sdg, status, year or agency)`;
  },
  perPage: number(1, MAX_PER_PAGE),
};
