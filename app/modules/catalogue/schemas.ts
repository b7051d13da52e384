// The catalogue's query: one shape for the search page, the agency filter links and the open
// API. Pages parse leniently (a shared link with a stale or mistyped parameter still shows
// results); the API parses strictly and answers 400 naming the field.
import { z } from "zod";
import { fromDigits } from "~/lib/forms";
import { AGENCY_TYPES, INNOVATION_STATUSES, SECTORS } from "~/modules/innovations/vocab";
import { CATALOGUE_SORTS, DEFAULT_PER_PAGE, defaultSort, MAX_PER_PAGE, MAX_QUERY_LENGTH, MAX_RESULT_WINDOW, maxPage, type CatalogueQuery, type CatalogueSort } from "./query";

// More values than any facet has: a hand-made URL cannot make the SQL grow without bound.
// Exported with the other limits below for the OpenAPI document, which states them.
export const MAX_VALUES = 40;

export const MIN_YEAR = 1945;
export const MAX_YEAR = 2100;

export const PROVINCE_CODE_PATTERN = /^\d{2}$/;
export const AGENCY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const AGENCY_SLUG_MAX = 120;

const ProvinceCode = z.string().regex(PROVINCE_CODE_PATTERN);
const AgencySlug = z.string().regex(AGENCY_SLUG_PATTERN).max(AGENCY_SLUG_MAX);

/** Repeated or `key[]` parameters become arrays; the rest stay single strings. */
export function searchParamsToObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const name = key.endsWith("[]") ? key.slice(0, -2) : key;
    const all = params.getAll(key);
    const prev = out[name];
    const merged = prev === undefined ? all : [...(Array.isArray(prev) ? prev : [prev]), ...all];
    out[name] = key.endsWith("[]") || merged.length > 1 ? merged : merged[0];
  }
  return out;
}

const list = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v.filter((x) => x !== "") : [v]),
    z.array(item).max(MAX_VALUES),
  );

const intFrom = (min: number, max: number) => z.preprocess(fromDigits, z.number().int().min(min).max(max));

/** The strict shape (the API): any bad value is an error on its field. */
export const CatalogueQuerySchema = z
  .object({
    q: z.string().trim().max(MAX_QUERY_LENGTH).default(""),
    agencyType: list(z.enum(AGENCY_TYPES)),
    province: list(ProvinceCode),
    sector: list(z.enum(SECTORS)),
    sdg: list(intFrom(1, 17)),
    status: list(z.enum(INNOVATION_STATUSES)),
    year: list(intFrom(MIN_YEAR, MAX_YEAR)),
    agency: z.preprocess((v) => (v === "" ? undefined : v), AgencySlug.optional()),
    sort: z.preprocess((v) => (v === "" ? undefined : v), z.enum(CATALOGUE_SORTS).optional()),
    page: intFrom(1, MAX_RESULT_WINDOW).default(1),
    perPage: intFrom(1, MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
  })
  .superRefine((v, ctx) => {
    if (v.page > maxPage(v.perPage)) {
      ctx.addIssue({ code: "custom", path: ["page"], message: `pages beyond the first ${MAX_RESULT_WINDOW} results are not served` });
    }
  })
  .transform((v) => ({
    ...v,
    // No sort (or an empty one, as the search form sends the default) is the query's default;
    // relevance means nothing without words to rank by.
    sort: (v.sort && (v.q || v.sort !== "relevance") ? v.sort : defaultSort(v.q)) as CatalogueSort,
    agencyType: dedupe(v.agencyType),
    province: dedupe(v.province),
    sector: dedupe(v.sector),
    sdg: dedupe(v.sdg),
    status: dedupe(v.status),
    year: dedupe(v.year),
  }));

// The shape the pages' scripts know (query.ts) is exactly what the schema gives.
const sameShape: [CatalogueQuery, z.output<typeof CatalogueQuerySchema>] extends [z.output<typeof CatalogueQuerySchema>, CatalogueQuery] ? true : never = true;
void sameShape;
export type CatalogueQueryInput = z.input<typeof CatalogueQuerySchema>;

function dedupe<T>(values: T[]): T[] {
  return [...new Set(values)];
}

export type StrictParse =
  | { ok: true; data: CatalogueQuery }
  | { ok: false; fields: Record<string, string> };

/** For the API: a bad parameter is reported (field → reason), never silently changed. */
export function parseCatalogueQueryStrict(params: URLSearchParams): StrictParse {
  const parsed = CatalogueQuerySchema.safeParse(searchParamsToObject(params));
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "_query");
    if (!fields[field]) fields[field] = issue.message;
  }
  return { ok: false, fields };
}

/**
 * For pages: unknown values are dropped and numbers clamped, so an old or edited link still
 * shows a result page instead of an error.
 */
export function parseCatalogueQuery(params: URLSearchParams): CatalogueQuery {
  const raw = searchParamsToObject(params);
  const shape = CatalogueQuerySchema.in.shape;
  const clean: Record<string, unknown> = {};
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

  const q = first(raw.q);
  clean.q = typeof q === "string" ? q.trim().slice(0, MAX_QUERY_LENGTH) : "";

  for (const key of ["agencyType", "province", "sector", "sdg", "status", "year"] as const) {
    const values = raw[key] === undefined ? [] : Array.isArray(raw[key]) ? raw[key] : [raw[key]];
    const item = shape[key];
    clean[key] = values
      .filter((v) => item.safeParse([v]).success)
      .slice(0, MAX_VALUES);
  }
  for (const key of ["agency", "sort"] as const) {
    const v = first(raw[key]);
    if (shape[key].safeParse(v).success) clean[key] = v;
  }
  clean.perPage = clampInt(first(raw.perPage), 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
  clean.page = clampInt(first(raw.page), 1, maxPage(clean.perPage as number), 1);

  // Every field is valid by now; parsing once more gives the output shape (defaults, sort).
  return CatalogueQuerySchema.parse(clean);
}


function clampInt(v: unknown, min: number, max: number, fallback: number): number {
  const n = typeof v === "string" && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isFinite(n)) return fallback;
  return Math.min(max, Math.max(min, n));
}

// --- The agency directory (/instansi) ----------------------------------------------------

export const AgencyListQuerySchema = z.object({
  q: z.string().trim().max(100).default(""),
  type: z.preprocess((v) => (v === "" ? undefined : v), z.enum(AGENCY_TYPES).optional()),
  province: z.preprocess((v) => (v === "" ? undefined : v), ProvinceCode.optional()),
  page: intFrom(1, 1000).default(1),
});
export type AgencyListQuery = z.output<typeof AgencyListQuerySchema>;

/** Lenient, as for the catalogue: a bad value is dropped, never an error page. */
export function parseAgencyListQuery(params: URLSearchParams): AgencyListQuery {
  const shape = AgencyListQuerySchema.shape;
  const get = (k: string) => params.get(k) ?? undefined;
  const q = get("q");
  return {
    q: typeof q === "string" ? q.trim().slice(0, 100) : "",
    type: shape.type.safeParse(get("type")).data,
    province: shape.province.safeParse(get("province")).data,
    page: clampInt(get("page"), 1, 1000, 1),
  };
}

// --- An agency's page (/instansi/:slug?unit=ID) -------------------------------------------

// PostgreSQL's integer: a larger id cannot name a row.
const MAX_ID = 2_147_483_647;

export const AgencyPageQuerySchema = z.object({
  unit: z.preprocess((v) => (v === "" || v === null ? undefined : fromDigits(v)), z.number().int().min(1).max(MAX_ID).optional()),
});

/**
 * The unit the page is narrowed to, or null for the whole agency. Strict, unlike the search
 * pages: the page makes these links itself (nobody types them), so a value that is no unit id
 * is a broken address, answered like an unknown agency (`false`: the route's 404).
 */
export function parseAgencyPageQuery(params: URLSearchParams): { unitId: number | null } | false {
  const parsed = AgencyPageQuerySchema.safeParse({ unit: params.get("unit") });
  return parsed.success ? { unitId: parsed.data.unit ?? null } : false;
}
