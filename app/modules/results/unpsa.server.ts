// The edition's award winners as UN Public Service Awards nominations: one CSV row per award,
// best tier first, one column per question of the UNPSA nomination form, filled from the
// innovation's register entry. Indonesia's best go on to the UNPSA (PROGRAMME.md: Sragen and
// Aceh Singkil won in 2015); the secretariat picks the nominees from this file, translates the
// answers (the form takes the six UN languages, not Indonesian) and types them into the UN's
// online form, which has no import.
//
// The form's questions (as published in the calls for nominations 2014–2025): the nominated
// institution, its type and level of government, the country, the UNPSA category, the
// initiative's title and start (at least two years of implementation with documented impact),
// the SDGs it serves, the problem it addressed, the solution and what is innovative, how it was
// implemented and with what resources, results and impact with evidence, sustainability and
// transferability, partners, and a contact person. The mapping from the register:
//
//   institution, type, level   ← agency name, agency type, type → national/provincial/local
//   country                    ← "Indonesia"
//   region, website            ← agency's regency/city and province, agency website
//   UNPSA category             ← left empty: the UN renames its categories every year, and the
//                                choice is the secretariat's (the KIPP category sits beside it)
//   title, start               ← innovation name (with acronym), started on
//   SDGs                       ← innovation SDGs
//   description                ← summary
//   problem, beneficiaries     ← problem, target group
//   how is it innovative       ← novelty
//   implementation, resources  ← implementation, resources
//   results and impact         ← results; benefits; the indicators before → after (evidence),
//                                three columns
//   sustainability             ← sustainability (regulation, SOP, budget, collaboration)
//   transferability            ← the agencies whose published innovations replicate this one
//   partners                   ← left empty: the register has no such field (partners are
//                                usually named in the sustainability answer)
//   contact                    ← innovation contact name, email, phone
//
// Only from the provisional announcement on: before it there are no results to nominate from.
import { and, asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "~/db/client.server";
import { agencies, awards, innovations, proposals, regions } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { translator, type Locale, type Translate } from "~/i18n";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { toCsv, type Cell } from "~/lib/csv";

type Edition = { id: number; slug: string; state: string; config: CompetitionConfig };

const province = alias(regions, "province");
const region = alias(regions, "region");

async function awardedEntries(db: DbOrTx, competitionId: number, tier: string | undefined) {
  return db
    .select({
      tierCode: awards.tierCode,
      certificateCode: awards.certificateCode,
      categoryCode: proposals.categoryCode,
      innovationId: innovations.id,
      name: innovations.name,
      acronym: innovations.acronym,
      slug: innovations.slug,
      state: innovations.state,
      summary: innovations.summary,
      problem: innovations.problem,
      targetGroup: innovations.targetGroup,
      novelty: innovations.novelty,
      implementation: innovations.implementation,
      results: innovations.results,
      indicators: innovations.indicators,
      benefits: innovations.benefits,
      resources: innovations.resources,
      sustainability: innovations.sustainability,
      sdgs: innovations.sdgs,
      startedOn: innovations.startedOn,
      videoUrl: innovations.videoUrl,
      contactName: innovations.contactName,
      contactEmail: innovations.contactEmail,
      contactPhone: innovations.contactPhone,
      agency: agencies.name,
      agencyType: agencies.type,
      website: agencies.website,
      regionCode: agencies.regionCode,
      provinceCode: agencies.provinceCode,
      regionName: region.name,
      provinceName: province.name,
    })
    .from(awards)
    .innerJoin(proposals, eq(proposals.id, awards.proposalId))
    .innerJoin(innovations, eq(innovations.id, awards.innovationId))
    .innerJoin(agencies, eq(agencies.id, awards.agencyId))
    .leftJoin(region, eq(region.code, agencies.regionCode))
    .leftJoin(province, eq(province.code, agencies.provinceCode))
    .where(and(eq(awards.competitionId, competitionId), tier ? eq(awards.tierCode, tier) : undefined))
    .orderBy(asc(proposals.categoryCode), asc(innovations.name), asc(awards.id));
}

type Entry = Awaited<ReturnType<typeof awardedEntries>>[number] & { replicatedBy: string[] };

/** The agencies whose published innovations name each of these as the one they replicate. */
async function replicators(db: DbOrTx, ids: number[]) {
  const by = new Map<number, string[]>();
  if (!ids.length) return by;
  const rows = await db
    .selectDistinct({ source: innovations.originInnovationId, agency: agencies.name })
    .from(innovations)
    .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
    .where(and(inArray(innovations.originInnovationId, ids), eq(innovations.origin, "replication"), eq(innovations.state, "published")))
    .orderBy(asc(agencies.name));
  for (const r of rows) if (r.source !== null) by.set(r.source, [...(by.get(r.source) ?? []), r.agency]);
  return by;
}

// UNPSA asks for the level of government; BUMN belong to the national level, BUMD to the
// region that owns them.
const LEVEL: Record<string, string> = {
  kementerian: "national",
  lembaga: "national",
  bumn: "national",
  provinsi: "provincial",
  kabupaten: "local",
  kota: "local",
  bumd: "local",
};

// One registry of columns in the form's order: a header key and how a row fills it.
function columns(t: Translate, ctx: { config: CompetitionConfig; publicUrl: string }): { key: string; value: (e: Entry) => Cell }[] {
  const tierName = new Map(ctx.config.tiers.map((x) => [x.code, x.name]));
  const categoryName = new Map(ctx.config.categories.map((x) => [x.code, x.name]));
  const indicator = (i: Entry["indicators"][number]) =>
    [t("certificate.unpsa.indicator", { name: i.name, before: i.before, after: i.after, unit: i.unit ?? "" }).trim(), i.source ? t("certificate.unpsa.indicatorSource", { source: i.source }) : ""].filter(Boolean).join(" ");
  return [
    { key: "tier", value: (e) => tierName.get(e.tierCode) ?? e.tierCode },
    { key: "certificate", value: (e) => e.certificateCode },
    { key: "institution", value: (e) => e.agency },
    { key: "institutionType", value: (e) => t(`agencyType.${e.agencyType}`) },
    { key: "level", value: (e) => t(`certificate.unpsa.level.${LEVEL[e.agencyType] ?? "local"}`) },
    { key: "country", value: () => t("certificate.unpsa.country") },
    { key: "location", value: (e) => [e.regionName, e.regionCode !== e.provinceCode ? e.provinceName : null].filter(Boolean).join(", ") },
    { key: "website", value: (e) => e.website },
    { key: "unpsaCategory", value: () => "" },
    { key: "kippCategory", value: (e) => categoryName.get(e.categoryCode) ?? e.categoryCode },
    { key: "title", value: (e) => (e.acronym ? `${e.name} (${e.acronym})` : e.name) },
    { key: "startDate", value: (e) => e.startedOn },
    { key: "sdgs", value: (e) => e.sdgs.map((g) => t(`sdg.${g}`)).join("; ") },
    { key: "summary", value: (e) => e.summary },
    { key: "problem", value: (e) => e.problem },
    { key: "beneficiaries", value: (e) => e.targetGroup },
    { key: "innovation", value: (e) => e.novelty },
    { key: "implementation", value: (e) => e.implementation },
    { key: "resources", value: (e) => e.resources },
    { key: "impact", value: (e) => e.results },
    { key: "benefits", value: (e) => e.benefits },
    { key: "evidence", value: (e) => e.indicators.map(indicator).join("\n") },
    { key: "sustainability", value: (e) => e.sustainability },
    { key: "transfer", value: (e) => e.replicatedBy.join("; ") },
    { key: "partners", value: () => "" },
    { key: "video", value: (e) => e.videoUrl },
    { key: "page", value: (e) => (e.state === "published" ? `${ctx.publicUrl}/inovasi/${e.slug}` : "") },
    { key: "contactName", value: (e) => e.contactName },
    { key: "contactEmail", value: (e) => e.contactEmail },
    { key: "contactPhone", value: (e) => e.contactPhone },
  ];
}

/** The CSV of the edition's award winners (of one tier, if given), best tier first. */
export async function exportUnpsaCsv(db: DbOrTx, actor: Actor, edition: Edition, opts: { tier?: string; locale: Locale; publicUrl: string }) {
  assertCan(actor, "competition.manage");
  if (edition.state !== "provisional" && edition.state !== "final") throw new AppError("conflict", "certificate.unpsa.notYet");
  if (opts.tier !== undefined && !edition.config.tiers.some((x) => x.code === opts.tier)) throw new AppError("invalid", "certificate.unpsa.unknownTier", { tingkat: "certificate.unpsa.unknownTier" });
  const rows = await awardedEntries(db, edition.id, opts.tier);
  const replicated = await replicators(db, [...new Set(rows.map((r) => r.innovationId))]);
  const rank = new Map(edition.config.tiers.map((x) => [x.code, x.rank]));
  // Stable sort: within a tier, the query's order (category, then name) stays.
  const entries: Entry[] = rows
    .map((r) => ({ ...r, replicatedBy: replicated.get(r.innovationId) ?? [] }))
    .sort((a, b) => (rank.get(a.tierCode) ?? 99) - (rank.get(b.tierCode) ?? 99));
  const t = translator(opts.locale);
  const cols = columns(t, { config: edition.config, publicUrl: opts.publicUrl });
  // Long answers keep their paragraphs: the cells are quoted, and spreadsheets show the breaks.
  const csv = toCsv(
    cols.map((c) => t(`certificate.unpsa.col.${c.key}`)),
    entries.map((e) => cols.map((c) => c.value(e))),
  );
  return { csv, filename: `unpsa-${edition.slug}${opts.tier ? `-${opts.tier}` : ""}.csv`, count: entries.length };
}
