// The OpenAPI 3.1 document of the open API, served at /api/v1/openapi.json. Response schemas
// and most parameters are generated from the same Zod schemas the endpoints use (schemas.ts,
// query-schemas.ts), so the document describes what the code does. tests/api.test.ts checks
// every endpoint's real responses against it.
import { z } from "zod";
import { AGENCY_TYPES, INNOVATION_STATUSES, SECTORS } from "~/modules/innovations/vocab";
import { jakartaYear } from "~/modules/compliance/year";
import {
  CATALOGUE_SORTS,
  DEFAULT_PER_PAGE,
  MAX_PER_PAGE,
  MAX_QUERY_LENGTH,
  MAX_RESULT_WINDOW,
  maxPage,
} from "~/modules/catalogue/query";
import {
  AGENCY_SLUG_MAX,
  AGENCY_SLUG_PATTERN,
  MAX_VALUES,
  MAX_YEAR,
  MIN_YEAR,
  PROVINCE_CODE_PATTERN,
} from "~/modules/catalogue/schemas";
import { API_METHODS } from "./guard.server";
import { AgenciesQuerySchema, ComplianceApiQuerySchema, RegionsQuerySchema } from "./query-schemas";
import { apiRegistry } from "./schemas";

type JsonSchema = Record<string, unknown>;
type Parameter = { name: string; in: "query" | "path"; required: boolean; description?: string; schema: JsonSchema; style?: string; explode?: boolean };

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** A Zod schema as a JSON Schema fragment to embed in the document (no $schema, no $id). */
function embed(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

/**
 * Query parameters from a Zod object schema: names, descriptions and constraints as coded.
 * `amend` corrects a parameter's schema where the code checks more than generation can see (a
 * bound checked by a refinement at parse time).
 */
function queryParameters(schema: z.ZodObject, amend: Record<string, (s: JsonSchema) => JsonSchema> = {}): Parameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...fieldSchema } = embed(field as z.ZodType, "input");
    const amended = amend[name] ? amend[name](fieldSchema) : fieldSchema;
    return { name, in: "query", required: false, description: description as string | undefined, schema: amended };
  });
}

/**
 * The compliance year: its last year is the current one in Jakarta, checked when a request is
 * parsed (the server outlives a new year), so generation sees only an integer's range. The
 * document states the bound of the year it is built in (openApiDocument builds it anew when the
 * Jakarta year turns), and no `default`: client generators write a default into every request,
 * which would pin a client to the year its code was generated in; left out, the server's own
 * default (the current year, as the description says) applies.
 */
const complianceYear = (now: Date) => ({ default: _default, ...rest }: JsonSchema): JsonSchema => ({ ...rest, maximum: jakartaYear(now) });

const idParameter = (what: string): Parameter => ({
  name: "id",
  in: "path",
  required: true,
  description: `The ${what}'s numeric id or its slug (the last part of its page's address).`,
  schema: { type: "string", minLength: 1, maxLength: 200 },
});

// The catalogue's parameters (app/modules/catalogue/schemas.ts). Its schema reads repeated
// parameters into lists through preprocessing, which JSON Schema cannot express, so they are
// described here from the same vocabularies and limits.
const list = (name: string, items: JsonSchema, description: string): Parameter => ({
  name,
  in: "query",
  required: false,
  description: `${description} Repeat the parameter for several values (any of them matches).`,
  schema: { type: "array", items, maxItems: MAX_VALUES },
  style: "form",
  explode: true,
});

const catalogueParameters = (): Parameter[] => [
  {
    name: "q",
    in: "query",
    required: false,
    description: "Words to search for, in Bahasa Indonesia (stemmed, typo-tolerant).",
    schema: { type: "string", maxLength: MAX_QUERY_LENGTH },
  },
  list("agencyType", { type: "string", enum: [...AGENCY_TYPES] }, "Agency type."),
  list("province", { type: "string", pattern: PROVINCE_CODE_PATTERN.source }, "Province code."),
  list("sector", { type: "string", enum: [...SECTORS] }, "Sector."),
  list("sdg", { type: "integer", minimum: 1, maximum: 17 }, "Sustainable Development Goal, 1 to 17."),
  list("status", { type: "string", enum: [...INNOVATION_STATUSES] }, "Implementation status."),
  list("year", { type: "integer", minimum: MIN_YEAR, maximum: MAX_YEAR }, "Start year."),
  {
    name: "agency",
    in: "query",
    required: false,
    description: "The owning agency: its slug (the last part of its page's address, e.g. kabupaten-banyumas-33-02) or its numeric id (data[].agency.id, /api/v1/agencies/{id}). Digits are read as an id. An agency that does not exist matches nothing.",
    schema: { type: "string", pattern: AGENCY_SLUG_PATTERN.source, maxLength: AGENCY_SLUG_MAX },
  },
  {
    name: "sort",
    in: "query",
    required: false,
    description: "Order of results. Default: relevance when q is given, otherwise newest.",
    schema: { type: "string", enum: [...CATALOGUE_SORTS] },
  },
  {
    name: "page",
    in: "query",
    required: false,
    // The last page depends on perPage, which JSON Schema cannot relate: the maximum is the
    // furthest any perPage reaches (perPage=1), the description gives the rule.
    description: `Page number, from 1. Results stop at the ${MAX_RESULT_WINDOW.toLocaleString("en")}th, so the last page is ${MAX_RESULT_WINDOW.toLocaleString("en")} ÷ perPage rounded up: ${maxPage(DEFAULT_PER_PAGE)} at the default ${DEFAULT_PER_PAGE} per page, ${MAX_RESULT_WINDOW.toLocaleString("en")} at perPage=1. A later page answers 400; narrow the search (q or a filter) to reach later results.`,
    schema: { type: "integer", minimum: 1, maximum: MAX_RESULT_WINDOW, default: 1 },
  },
  {
    name: "perPage",
    in: "query",
    required: false,
    description: `Items per page, 1 to ${MAX_PER_PAGE}.`,
    schema: { type: "integer", minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE },
  },
];

const openDataHeaders = {
  "Access-Control-Allow-Origin": { $ref: "#/components/headers/AccessControlAllowOrigin" },
  "Cache-Control": { $ref: "#/components/headers/CacheControl" },
};

const success = (description: string, schemaId: string) => ({
  description,
  headers: openDataHeaders,
  content: { "application/json": { schema: ref(schemaId) } },
});

const errors = (...statuses: (400 | 404)[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { $ref: `#/components/responses/${s === 400 ? "BadRequest" : "NotFound"}` }]));

function operation(o: { id: string; summary: string; description?: string; parameters: Parameter[]; ok: ReturnType<typeof success>; errors: (400 | 404)[] }) {
  return {
    get: {
      operationId: o.id,
      summary: o.summary,
      ...(o.description ? { description: o.description } : {}),
      parameters: o.parameters,
      // Every operation may answer 400: an address holding a NUL character is refused whole,
      // before its parameters are read (guard.server.ts).
      responses: { "200": o.ok, ...errors(...new Set([400, ...o.errors] as const)) },
    },
  };
}

function build(base: string, now: Date) {
  const generated = z.toJSONSchema(apiRegistry, { uri: (id) => `#/components/schemas/${id}`, io: "output" }) as {
    schemas: Record<string, JsonSchema>;
  };
  const schemas = Object.fromEntries(
    Object.entries(generated.schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, rest]),
  );
  return {
    openapi: "3.1.0",
    info: {
      title: "Lumbung open API",
      version: "1.0.0",
      description:
        `Read-only open data of the public-service innovation register: published innovations (search with facets, and each one's yearly check-ins), agencies, regions, the yearly "One Agency, One Innovation" (Satu Instansi Satu Inovasi) figures, the yearly check-in figures (are innovations still running?), the competitions' public calls and published results, and certificate verification. Only published data is served. Every response may be read cross-origin and cached for a minute. Errors share one JSON shape with a 4xx status. The API only reads: any method but ${API_METHODS.join(", ")} is answered 405 (components.responses.MethodNotAllowed).`,
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: base }],
    paths: {
      "/api/v1/innovations": operation({
        id: "searchInnovations",
        summary: "Search published innovations",
        description: "The catalogue's search: full text in Bahasa Indonesia with facets and their counts.",
        parameters: catalogueParameters(),
        ok: success("A page of matching innovations, with facet counts.", "InnovationSearch"),
        errors: [400],
      }),
      "/api/v1/innovations/{id}": operation({
        id: "getInnovation",
        summary: "One published innovation",
        parameters: [idParameter("innovation")],
        ok: success("The innovation.", "InnovationDetail"),
        errors: [404],
      }),
      "/api/v1/agencies": operation({
        id: "listAgencies",
        summary: "List agencies",
        description: "Ministries, national agencies, regional governments and state- and region-owned enterprises, by name.",
        parameters: queryParameters(AgenciesQuerySchema),
        ok: success("A page of agencies.", "AgencyList"),
        errors: [400],
      }),
      "/api/v1/agencies/{id}": operation({
        id: "getAgency",
        summary: "One agency",
        parameters: [idParameter("agency")],
        ok: success("The agency, with its count of published innovations.", "AgencyDetail"),
        errors: [404],
      }),
      "/api/v1/regions": operation({
        id: "listRegions",
        summary: "List regions",
        description: "Provinces and regencies/cities with their Ministry of Home Affairs codes and time zones.",
        parameters: queryParameters(RegionsQuerySchema),
        ok: success("A page of regions, by code.", "RegionList"),
        errors: [400],
      }),
      "/api/v1/compliance": operation({
        id: "getCompliance",
        summary: "One Agency, One Innovation figures for a year",
        description:
          "How many agencies have at least one published innovation that started or was published in the year (Jakarta calendar): overall, by agency type and by province. The list of agencies that have not met the duty is the CSV at links.csv.",
        parameters: queryParameters(ComplianceApiQuerySchema, { year: complianceYear(now) }),
        ok: success("The figures.", "Compliance"),
        errors: [400],
      }),
      "/api/v1/sustainability": operation({
        id: "getSustainability",
        summary: "Yearly check-ins: are innovations still running?",
        description:
          "For a year (Jakarta calendar), how many published innovations their agencies confirmed still running in the yearly check-in, said had stopped, or have not answered, overall, by agency type and by province. Each innovation's own answers are in its checkIns. The figures follow the answers within five minutes.",
        parameters: queryParameters(ComplianceApiQuerySchema, { year: complianceYear(now) }),
        ok: success("The figures.", "Sustainability"),
        errors: [400],
      }),
      "/api/v1/competitions": operation({
        id: "listCompetitions",
        summary: "List competitions",
        description: "Announced editions of the yearly competition, newest first, with their state, current stage and proposal deadline. Drafts are never listed.",
        parameters: [],
        ok: success("Every announced edition.", "CompetitionList"),
        errors: [],
      }),
      "/api/v1/competitions/{slug}": operation({
        id: "getCompetition",
        summary: "One competition's call",
        description: "An announced edition's public call: groups, categories, the proposal form's sections, the stages with their instants and criteria, and the award tiers. Never proposals, scores or unpublished rankings.",
        parameters: [{ name: "slug", in: "path", required: true, description: "The edition's short address, e.g. kipp-2026.", schema: { type: "string", minLength: 1, maxLength: 60 } }],
        ok: success("The edition.", "CompetitionDetail"),
        errors: [404],
      }),
      "/api/v1/competitions/{slug}/results": operation({
        id: "getCompetitionResults",
        summary: "One competition's published results",
        description: "An edition's results once published by decree: every award winner with its tier, category, group, innovation and agency, and the certificate's code. Before publication (provisional results, rankings, scores) the answer is 404.",
        parameters: [{ name: "slug", in: "path", required: true, description: "The edition's short address, e.g. kipp-2026.", schema: { type: "string", minLength: 1, maxLength: 60 } }],
        ok: success("The published results.", "CompetitionResults"),
        errors: [404],
      }),
      "/api/v1/certificates/{code}": operation({
        id: "verifyCertificate",
        summary: "Verify a certificate",
        description: "Whether a certificate code is genuine: the award it stands for, in a published edition. An unknown, mistyped or unpublished code answers 404.",
        parameters: [{ name: "code", in: "path", required: true, description: "The code printed on the certificate, e.g. ABCD-EFGH-JK23.", schema: { type: "string", minLength: 1, maxLength: 40 } }],
        ok: success("The certificate.", "Certificate"),
        errors: [404],
      }),
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          responses: {
            "200": {
              description: "The OpenAPI 3.1 document.",
              headers: openDataHeaders,
              content: { "application/json": { schema: { type: "object" } } },
            },
          },
        },
      },
    },
    components: {
      schemas,
      responses: {
        BadRequest: {
          description: "A parameter is invalid (error.fields names each one and says what is wrong), or the address holds a NUL character (%00), which no real address contains (then without error.fields).",
          headers: openDataHeaders,
          content: { "application/json": { schema: ref("Error") } },
        },
        NotFound: {
          description: "No such item (or it is not published), or no such endpoint.",
          headers: openDataHeaders,
          content: { "application/json": { schema: ref("Error") } },
        },
        // Not an operation's response: the answer to any other method, on every path.
        MethodNotAllowed: {
          description: `Any method but ${API_METHODS.join(", ")}, on any path: the API only reads. error.code is method-not-allowed; the Allow header lists the methods answered.`,
          headers: { ...openDataHeaders, Allow: { $ref: "#/components/headers/Allow" } },
          content: { "application/json": { schema: ref("Error") } },
        },
      },
      headers: {
        AccessControlAllowOrigin: { description: "Open data: readable from any origin.", schema: { type: "string", const: "*" } },
        CacheControl: { description: "Responses may be cached for 60 seconds.", schema: { type: "string" } },
        Allow: { description: "The methods the API answers.", schema: { type: "string", const: API_METHODS.join(", ") } },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof build>;

// Built once per base address and year: the compliance year's last value is the current year.
let cached: { key: string; doc: OpenApiDocument } | null = null;

export function openApiDocument(base: string, now: Date = new Date()): OpenApiDocument {
  const key = `${base}|${jakartaYear(now)}`;
  if (cached?.key !== key) cached = { key, doc: build(base, now) };
  return cached.doc;
}
