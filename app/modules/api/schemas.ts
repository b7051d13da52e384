// The open API's response shapes, as Zod schemas. They are the one source of both the OpenAPI
// document (z.toJSONSchema, see openapi.server.ts) and the handlers' types (z.infer), so the
// document cannot drift from what the endpoints return; tests/api.test.ts validates every real
// response against the document.
import { z } from "zod";
import { ERROR_STATUS } from "~/lib/errors";
import { AGENCY_TYPES, INNOVATION_ORIGINS, INNOVATION_STATUSES, SDGS, SECTORS } from "~/modules/innovations/vocab";

/** Schemas with an id become named components of the OpenAPI document. */
export const apiRegistry = z.registry<{ id: string }>();

const named = <T extends z.ZodType>(id: string, schema: T): T => {
  apiRegistry.add(schema, { id });
  return schema;
};

const count = z.number().int().min(0);
const url = z.url();

// --- Envelope ------------------------------------------------------------------------------

/**
 * Codes the API's own boundary answers with before any use case runs, beside the typed errors
 * the use cases throw (ERROR_STATUS): no use case ever refuses a method, only the open API,
 * which only reads (see guard.server.ts).
 */
export const API_ERROR_STATUS = { "method-not-allowed": 405 } as const;

type ApiErrorCode = keyof typeof ERROR_STATUS | keyof typeof API_ERROR_STATUS;
const API_ERROR_CODES = [...Object.keys(ERROR_STATUS), ...Object.keys(API_ERROR_STATUS)] as [ApiErrorCode, ...ApiErrorCode[]];

export const ErrorSchema = named(
  "Error",
  z
    .object({
      error: z.object({
        code: z.enum(API_ERROR_CODES).meta({
          description: "One of a small fixed set of codes; the HTTP status follows from it.",
        }),
        reason: z.string().meta({ description: "A stable key for the precise reason, e.g. errors.invalid." }),
        message: z.string().meta({ description: "The reason in English, for people." }),
        fields: z
          .record(z.string(), z.string())
          .optional()
          .meta({ description: "For invalid requests: each offending parameter and what is wrong with it." }),
      }),
    })
    .meta({ description: "Every error has this shape, with a 4xx status." }),
);

export const PageMetaSchema = named(
  "PageMeta",
  z.object({
    total: count.meta({ description: "Items matching the request, on all pages." }),
    page: z.number().int().min(1),
    perPage: z.number().int().min(1),
    pages: z.number().int().min(1).meta({ description: "Number of pages (at least 1, even when there are no items)." }),
  }),
);

export const PageLinksSchema = named(
  "PageLinks",
  z.object({
    self: url,
    next: url.nullable().meta({ description: "The next page, or null on the last page." }),
    prev: url.nullable().meta({ description: "The previous page, or null on the first page." }),
  }),
);

const paginated = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), meta: PageMetaSchema, links: PageLinksSchema });

// --- Regions -------------------------------------------------------------------------------

export const RegionSchema = named(
  "Region",
  z.object({
    code: z.string().meta({ description: "Ministry of Home Affairs code: \"33\" (province) or \"33.02\" (regency/city).", examples: ["33.02"] }),
    name: z.string(),
    level: z.enum(["province", "regency"]).meta({ description: "province, or regency (a regency or a city)." }),
    provinceCode: z.string(),
    timeZone: z.enum(["WIB", "WITA", "WIT"]).meta({ description: "WIB = UTC+7, WITA = UTC+8, WIT = UTC+9." }),
  }),
);
export const RegionListSchema = named("RegionList", paginated(RegionSchema));

// --- Agencies ------------------------------------------------------------------------------

const agencyCore = {
  id: z.number().int().min(1),
  slug: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  type: z.enum(AGENCY_TYPES),
  provinceCode: z.string().nullable().meta({ description: "For regional governments and BUMD; null for national agencies and BUMN." }),
  provinceName: z.string().nullable(),
  publishedInnovations: count.meta({ description: "Published innovations in the register, all years." }),
};

export const AgencySchema = named(
  "Agency",
  z.object({ ...agencyCore, links: z.object({ self: url, html: url }) }),
);
export const AgencyListSchema = named("AgencyList", paginated(AgencySchema));

export const AgencyDetailSchema = named(
  "AgencyDetail",
  z.object({
    data: z.object({
      ...agencyCore,
      regionCode: z.string().nullable().meta({ description: "Ministry of Home Affairs code of the region it governs or sits in." }),
      regionName: z.string().nullable(),
      website: z.string().nullable(),
      formerNames: z
        .array(z.object({ name: z.string(), shortName: z.string().nullable(), until: z.number().int().meta({ description: "The last year it bore this name (the year of the rename)." }) }))
        .meta({ description: "The names it bore before a rename, the most recent first: what documents of those years call it." }),
      links: z.object({ self: url, html: url, innovations: url.meta({ description: "Its published innovations, through the search." }) }),
    }),
  }),
);

// --- Compliance ----------------------------------------------------------------------------

const tally = {
  agencies: count,
  met: count.meta({ description: "Agencies with at least one published innovation started or published in the year." }),
  notMet: count,
  rate: z.number().min(0).max(1).nullable().meta({ description: "met / agencies; null when there are no agencies to count." }),
};

export const ComplianceSchema = named(
  "Compliance",
  z.object({
    data: z.object({
      year: z.number().int(),
      rule: z.string().meta({ description: "How the duty is counted, in words." }),
      overall: z.object(tally),
      byType: z.array(z.object({ type: z.enum(AGENCY_TYPES), ...tally })),
      byProvince: z.array(
        z
          .object({ code: z.string(), name: z.string(), ...tally })
          .meta({ description: "Agencies located in the province: its government, regencies, cities and BUMD." }),
      ).meta({ description: "The provinces of that year: before 2023, the four Papuan provinces formed in 2022 are not listed and their regencies count under Papua and Papua Barat." }),
    }),
    links: z.object({
      self: url,
      html: url,
      csv: url.meta({ description: "The agencies that have not met the duty, as CSV." }),
    }),
  }),
);

const standingTally = {
  running: count.meta({ description: "Confirmed still running by their agency in the year's check-in." }),
  stopped: count.meta({ description: "Said to have stopped, in the year's check-in." }),
  due: count.meta({ description: "Published before the year and not answered yet." }),
  new: count.meta({ description: "Published during the year: not asked about." }),
  stoppedEarlier: count.meta({ description: "Had stopped before the year: not asked again." }),
};

export const SustainabilitySchema = named(
  "Sustainability",
  z.object({
    data: z.object({
      year: z.number().int(),
      overall: z.object(standingTally),
      byType: z.array(z.object({ type: z.enum(AGENCY_TYPES), ...standingTally })),
      byProvince: z.array(z.object({ code: z.string(), name: z.string(), ...standingTally })).meta({ description: "Innovations of agencies located in the province; ministries, national agencies and BUMN sit in none, so the provinces add up to less than the overall figures." }),
    }),
    links: z.object({ self: url, html: url }),
  }),
);

// --- Innovations ----------------------------------------------------------------------------

const AgencyRefSchema = named(
  "AgencyRef",
  z.object({ id: z.number().int().min(1), slug: z.string(), name: z.string(), shortName: z.string().nullable(), type: z.enum(AGENCY_TYPES) }),
);

const innovationCore = {
  id: z.number().int().min(1),
  slug: z.string(),
  name: z.string(),
  acronym: z.string().nullable().meta({ description: "The short name people know it by, e.g. \"Gemas Pesulan\"." }),
  status: z.enum(INNOVATION_STATUSES).meta({ description: "inisiatif (initiative), uji_coba (pilot), implementasi (implemented), berhenti (stopped)." }),
  startedOn: z.iso.date().nullable(),
  startYear: z.number().int().nullable(),
  publishedAt: z.iso.datetime({ offset: true }).nullable(),
  agency: AgencyRefSchema,
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  sectors: z.array(z.enum(SECTORS)),
  sdgs: z.array(z.number().int().min(1).max(SDGS.length)),
};

export const InnovationSummarySchema = named(
  "InnovationSummary",
  z.object({
    ...innovationCore,
    summary: z.string().meta({ description: "The summary, shortened at a word boundary for lists." }),
    links: z.object({ self: url, html: url, photo: url.nullable().meta({ description: "Its first photo, or null." }) }),
  }),
);

export const FacetCountSchema = named("FacetCount", z.object({ value: z.string(), count: count }));

export const InnovationSearchSchema = named(
  "InnovationSearch",
  z.object({
    data: z.array(InnovationSummarySchema),
    meta: PageMetaSchema.extend({
      correctedQuery: z
        .string()
        .optional()
        .meta({ description: "When misspelt words were corrected to widen the search: the query searched for." }),
      estimated: z
        .object({ total: z.boolean(), facets: z.boolean() })
        .optional()
        .meta({ description: "Present when there were too many matches to count exactly: which counts are estimates from a sample." }),
    }),
    links: PageLinksSchema,
    facets: z
      .object({
        agencyType: z.array(FacetCountSchema),
        province: z.array(FacetCountSchema),
        sector: z.array(FacetCountSchema),
        sdg: z.array(FacetCountSchema),
        status: z.array(FacetCountSchema),
        year: z.array(FacetCountSchema),
      })
      .meta({ description: "For each facet, the values found among the matches, with their counts." }),
  }),
);

const IndicatorSchema = z.object({
  name: z.string(),
  before: z.string(),
  after: z.string(),
  unit: z.string(),
  source: z.string(),
  evidenceFileId: z.number().int().min(1).optional().meta({ description: "The evidence document (one of `evidence`, by its id) that proves this indicator, when the agency named one." }),
});

const FileSchema = named(
  "File",
  z
    .object({ id: z.number().int().min(1), filename: z.string(), mime: z.string(), size: count, caption: z.string().nullable(), url: url })
    .meta({ description: "A photo or evidence document: its description and address (the bytes are served there, not in the API)." }),
);

const CheckInSchema = named(
  "CheckIn",
  z
    .object({
      year: z.number().int().min(2013),
      outcome: z.enum(["running", "stopped"]),
      note: z.string().meta({ description: "What the agency says happened that year (or why it stopped)." }),
      stoppedOn: z.iso.date().nullable(),
      evidenceUrl: z.string().nullable().meta({ description: "A web page the agency gives as evidence." }),
      evidenceFile: url.nullable().meta({ description: "The evidence document's address, when one was uploaded." }),
      recordedAt: z.iso.datetime({ offset: true }),
    })
    .meta({ description: "A yearly sustainability check-in: the agency's answer to \"is it still running?\", with its evidence." }),
);

export const InnovationDetailSchema = named(
  "InnovationDetail",
  z.object({
    data: z.object({
      ...innovationCore,
      summary: z.string(),
      problem: z.string(),
      targetGroup: z.string(),
      novelty: z.string(),
      implementation: z.string(),
      results: z.string(),
      indicators: z.array(IndicatorSchema).meta({ description: "Measured results: before and after, with unit and data source." }),
      benefits: z.string(),
      resources: z.string(),
      sustainability: z.string(),
      origin: z.enum(INNOVATION_ORIGINS).meta({ description: "original, replication (of another innovation), or leadership_project (a leadership-training change project)." }),
      originNote: z.string().nullable(),
      originInnovation: z
        .object({ id: z.number().int().min(1), slug: z.string(), name: z.string(), links: z.object({ self: url, html: url }) })
        .nullable()
        .meta({ description: "The innovation this one replicates, when that one is published." }),
      unitName: z.string().nullable().meta({ description: "The service unit that runs it." }),
      regionCode: z.string().nullable(),
      regionName: z.string().nullable(),
      videoUrl: z.string().nullable(),
      photos: z.array(FileSchema),
      evidence: z.array(FileSchema),
      checkIns: z.array(CheckInSchema).meta({ description: "Its yearly check-ins, newest year first." }),
      updatedAt: z.iso.datetime({ offset: true }),
      links: z.object({ self: url, html: url }),
    }),
  }),
);

export type ApiError = z.infer<typeof ErrorSchema>;
export type Region = z.infer<typeof RegionSchema>;
export type Agency = z.infer<typeof AgencySchema>;
export type AgencyDetail = z.infer<typeof AgencyDetailSchema>;
export type Compliance = z.infer<typeof ComplianceSchema>;
export type Sustainability = z.infer<typeof SustainabilitySchema>;
export type InnovationSummary = z.infer<typeof InnovationSummarySchema>;
export type InnovationSearch = z.infer<typeof InnovationSearchSchema>;
export type InnovationDetail = z.infer<typeof InnovationDetailSchema>;
export type PageMeta = z.infer<typeof PageMetaSchema>;
export type PageLinks = z.infer<typeof PageLinksSchema>;

// --- Competitions --------------------------------------------------------------------------

const instant = z.string().meta({ description: "An instant, ISO 8601 with its offset (e.g. 2026-04-30T23:59:59+07:00)." });

const competitionCore = {
  slug: z.string(),
  edition: z.number().int(),
  name: z.string(),
  theme: z.string(),
  state: z.enum(["announced", "provisional", "final"]).meta({
    description: "announced: the call is public and stages run by their dates; provisional: results announced, objections open; final: results fixed by decree.",
  }),
  currentStage: z.string().nullable().meta({ description: "Code of the stage running now, if any." }),
  deadline: instant.nullable().meta({ description: "The proposal deadline: proposals are accepted up to the end of this second." }),
};

export const CompetitionSummarySchema = named(
  "CompetitionSummary",
  z.object({ ...competitionCore, links: z.object({ self: url, html: url }) }),
);

export const CompetitionListSchema = named("CompetitionList", z.object({ data: z.array(CompetitionSummarySchema) }));

export const CompetitionDetailSchema = named(
  "CompetitionDetail",
  z.object({
    data: z.object({
      ...competitionCore,
      legalBasis: z.string(),
      groups: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(["umum", "replikasi", "khusus"]), description: z.string() })),
      categories: z.array(z.object({ code: z.string(), name: z.string(), description: z.string() })),
      sections: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          guidance: z.string(),
          wordLimit: count,
          weight: z.number().meta({ description: "Percent of the proposal's score." }),
          evidenceRequired: z.boolean(),
          groups: z.array(z.string()).meta({ description: "Groups whose form has the section; empty: all." }),
        }),
      ),
      stages: z.array(
        z.object({
          code: z.string(),
          name: z.string(),
          kind: z.enum(["registration", "screening", "scoring", "presentation", "field_verification", "decision"]),
          opensAt: instant,
          closesAt: instant,
          criteria: z.array(z.object({ code: z.string(), name: z.string(), description: z.string(), weight: z.number(), scaleMin: z.number(), scaleMax: z.number() })),
        }),
      ),
      tiers: z.array(z.object({ code: z.string(), name: z.string(), rank: z.number().int() })),
      links: z.object({ self: url, html: url }),
    }),
  }),
);

export const CompetitionResultsSchema = named(
  "CompetitionResults",
  z.object({
    data: z.object({
      slug: z.string(),
      edition: z.number().int(),
      name: z.string(),
      decree: z.object({ number: z.string().nullable(), date: z.string().nullable().meta({ description: "YYYY-MM-DD" }) }),
      publishedAt: instant.nullable(),
      submitted: count.meta({ description: "Proposals submitted to the edition." }),
      tiers: z.array(z.object({ code: z.string(), name: z.string(), rank: z.number().int(), count })),
      awards: z.array(
        z.object({
          tier: z.string().meta({ description: "Tier code (see tiers)." }),
          category: z.object({ code: z.string(), name: z.string() }),
          group: z.object({ code: z.string(), name: z.string() }),
          innovation: z.object({ name: z.string(), links: z.object({ html: url.nullable() }) }),
          agency: z.object({ name: z.string(), type: z.string(), links: z.object({ html: url }) }),
          certificate: z.object({ code: z.string(), links: z.object({ self: url, html: url, pdf: url }) }).nullable(),
        }),
      ),
      links: z.object({ self: url, html: url }),
    }),
  }),
);

export const CertificateSchema = named(
  "Certificate",
  z.object({
    data: z.object({
      code: z.string(),
      genuine: z.literal(true).meta({ description: "Always true: an unknown or unpublished code answers 404." }),
      tier: z.string(),
      category: z.string(),
      competition: z.object({ slug: z.string(), edition: z.number().int(), name: z.string() }),
      decree: z.object({ number: z.string().nullable(), date: z.string().nullable() }),
      innovation: z.object({ name: z.string() }),
      agency: z.object({ name: z.string() }),
      links: z.object({ self: url, html: url, pdf: url }),
    }),
  }),
);

export type CompetitionResultsJson = z.infer<typeof CompetitionResultsSchema>;
export type CertificateJson = z.infer<typeof CertificateSchema>;
export type CompetitionSummaryJson = z.infer<typeof CompetitionSummarySchema>;
export type CompetitionDetailJson = z.infer<typeof CompetitionDetailSchema>;
