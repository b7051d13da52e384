// Database rows → the API's JSON shapes (schemas.ts). Links are absolute, from the public base
// address, so a consumer can follow them as they are.
import type { ComplianceFigures } from "~/modules/compliance/compliance-figures.server";
import { translator } from "~/i18n";
import type { AgencyDetailRow } from "./get-agency.server";
import type { AgencyListItem } from "~/modules/catalogue/list-agencies.server";
import type { RegionRow } from "./list-regions.server";
import type { InnovationCard, SearchResult } from "~/modules/catalogue/types";
import type { PublicFile, PublicInnovation } from "~/modules/catalogue/get-innovation.server";
import type { AgencyType, Sector } from "~/modules/innovations/vocab";
import type { PublicCompetition } from "~/modules/competitions/public.server";
import type { Agency, AgencyDetail, CompetitionDetailJson, CompetitionSummaryJson, Compliance, InnovationDetail, InnovationSearch, InnovationSummary, PageLinks, PageMeta, Region, Sustainability } from "./schemas";
import type { CheckIn, sustainabilityFigures } from "~/modules/check-ins/queries.server";
import { formerNamesNewestFirst } from "~/modules/agencies/name-in-year";

export const agencyJson = (base: string, r: AgencyListItem): Agency => ({
  id: r.id,
  slug: r.slug,
  name: r.name,
  shortName: r.shortName,
  type: r.type,
  provinceCode: r.provinceCode,
  provinceName: r.provinceName,
  publishedInnovations: r.innovationCount,
  links: { self: `${base}/api/v1/agencies/${r.id}`, html: `${base}/instansi/${r.slug}` },
});

export const agencyDetailJson = (base: string, r: AgencyDetailRow): AgencyDetail => ({
  data: {
    id: r.id,
    slug: r.slug,
    name: r.name,
    shortName: r.shortName,
    type: r.type,
    regionCode: r.regionCode,
    provinceCode: r.provinceCode,
    website: r.website,
    formerNames: formerNamesNewestFirst(r.formerNames),
    regionName: r.regionName,
    provinceName: r.provinceName,
    publishedInnovations: r.publishedInnovations,
    links: {
      self: `${base}/api/v1/agencies/${r.id}`,
      html: `${base}/instansi/${r.slug}`,
      innovations: `${base}/api/v1/innovations?agency=${encodeURIComponent(r.slug)}`,
    },
  },
});

export const regionJson = (r: RegionRow): Region => ({
  code: r.code,
  name: r.name,
  level: r.level,
  provinceCode: r.provinceCode,
  timeZone: r.timeZone,
});

export const sustainabilityJson = (base: string, year: number, f: Awaited<ReturnType<typeof sustainabilityFigures>>): Sustainability => ({
  data: {
    year,
    overall: f.national,
    byType: f.types.map((r) => ({ type: r.type as AgencyType, ...r.tally })),
    byProvince: f.provinces.map((r) => ({ code: r.code, name: r.name, ...r.tally })),
  },
  links: { self: `${base}/api/v1/sustainability?year=${year}`, html: `${base}/keberlanjutan?tahun=${year}` },
});

export const complianceJson = (base: string, f: ComplianceFigures): Compliance => ({
  data: {
    year: f.year,
    rule: translator("en")("compliance.rule", { year: String(f.year) }),
    overall: f.overall,
    byType: f.byType,
    byProvince: f.byProvince,
  },
  links: {
    self: `${base}/api/v1/compliance?year=${f.year}`,
    html: `${base}/kepatuhan?year=${f.year}`,
    csv: `${base}/kepatuhan/unduh?year=${f.year}`,
  },
});

const innovationLinks = (base: string, i: { id: number; slug: string }) => ({
  self: `${base}/api/v1/innovations/${i.id}`,
  html: `${base}/inovasi/${i.slug}`,
});

const fileUrl = (base: string, id: number) => `${base}/berkas/${id}`;

export const innovationSummaryJson = (base: string, c: InnovationCard): InnovationSummary => ({
  id: c.id,
  slug: c.slug,
  name: c.name,
  acronym: c.acronym,
  summary: c.summary,
  status: c.status,
  startedOn: c.startedOn,
  startYear: c.startYear,
  publishedAt: c.publishedAt,
  agency: c.agency,
  provinceCode: c.provinceCode,
  provinceName: c.provinceName,
  sectors: c.sectors as Sector[],
  sdgs: c.sdgs,
  links: { ...innovationLinks(base, c), photo: c.photoFileId === null ? null : fileUrl(base, c.photoFileId) },
});

export const innovationSearchJson = (
  base: string,
  r: SearchResult,
  page: { meta: PageMeta; links: PageLinks },
): InnovationSearch => ({
  data: r.items.map((c) => innovationSummaryJson(base, c)),
  meta: {
    ...page.meta,
    ...(r.correctedQuery ? { correctedQuery: r.correctedQuery } : {}),
    ...(r.estimated ? { estimated: r.estimated } : {}),
  },
  links: page.links,
  facets: r.facets,
});

const fileJson = (base: string, f: PublicFile) => ({
  id: f.id,
  filename: f.filename,
  mime: f.mime,
  size: f.size,
  caption: f.caption,
  url: fileUrl(base, f.id),
});

// The contact person's name, email and phone are left out on purpose: they are personal data,
// shown to a reader on the innovation's page (links.html) but not handed out in bulk.
export const innovationDetailJson = (base: string, i: PublicInnovation, checkIns: readonly CheckIn[]): InnovationDetail => ({
  data: {
    id: i.id,
    slug: i.slug,
    name: i.name,
    acronym: i.acronym,
    status: i.status,
    startedOn: i.startedOn,
    startYear: i.startYear,
    publishedAt: i.publishedAt,
    agency: i.agency,
    provinceCode: i.provinceCode,
    provinceName: i.provinceName,
    sectors: i.sectors as Sector[],
    sdgs: i.sdgs,
    summary: i.summary,
    problem: i.problem,
    targetGroup: i.targetGroup,
    novelty: i.novelty,
    implementation: i.implementation,
    results: i.results,
    indicators: i.indicators,
    benefits: i.benefits,
    resources: i.resources,
    sustainability: i.sustainability,
    origin: i.origin,
    originNote: i.originNote,
    originInnovation: i.originInnovation ? { ...i.originInnovation, links: innovationLinks(base, i.originInnovation) } : null,
    unitName: i.unitName,
    regionCode: i.regionCode,
    regionName: i.regionName,
    videoUrl: i.videoUrl,
    photos: i.photos.map((f) => fileJson(base, f)),
    evidence: i.evidence.map((f) => fileJson(base, f)),
    // Who answered is left out, as on the page: the agency answers.
    checkIns: checkIns.map((c) => ({
      year: c.year,
      outcome: c.outcome,
      note: c.note,
      stoppedOn: c.stoppedOn,
      evidenceUrl: c.evidenceUrl,
      evidenceFile: c.evidenceFile ? fileUrl(base, c.evidenceFile.id) : null,
      recordedAt: c.recordedAt,
    })),
    updatedAt: i.updatedAt,
    links: innovationLinks(base, i),
  },
});

// --- Competitions: the public call only (see competitions/public.server.ts) ------------------

export function competitionSummaryJson(base: string, c: PublicCompetition): CompetitionSummaryJson {
  return {
    slug: c.slug,
    edition: c.edition,
    name: c.name,
    theme: c.theme,
    state: c.state,
    currentStage: c.currentStage,
    deadline: c.deadline,
    links: { self: `${base}/api/v1/competitions/${c.slug}`, html: `${base}/kompetisi/${c.slug}` },
  };
}

export function competitionDetailJson(base: string, c: PublicCompetition): { data: CompetitionDetailJson["data"] } {
  const { config } = c;
  return {
    data: {
      ...competitionSummaryJson(base, c),
      legalBasis: c.legalBasis,
      groups: config.groups.map(({ code, name, kind, description }) => ({ code, name, kind, description })),
      categories: config.categories.map(({ code, name, description }) => ({ code, name, description })),
      sections: config.sections.map(({ code, title, guidance, wordLimit, weight, evidenceRequired, groups }) => ({ code, title, guidance, wordLimit, weight, evidenceRequired, groups })),
      stages: config.stages.map((s) => ({
        code: s.code,
        name: s.name,
        kind: s.kind,
        opensAt: s.opensAt,
        closesAt: s.closesAt,
        criteria: s.criteria.map(({ code, name, description, weight, scaleMin, scaleMax }) => ({ code, name, description, weight, scaleMin, scaleMax })),
      })),
      tiers: config.tiers.map(({ code, name, rank }) => ({ code, name, rank })),
    },
  };
}
