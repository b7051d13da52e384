// One published innovation, with everything the public may see. File bytes stay in the
// database (served by /berkas/:id); only their metadata comes here. An innovation that is not
// published does not exist for the public: null, never a hint that it is there.
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "~/db/client.server";
import { agencies, innovationFiles, innovations, regions, units, type Indicator } from "~/db/schema";
import type { AgencyType, InnovationOrigin, InnovationStatus } from "~/modules/innovations/vocab";
import type { AgencyRef } from "./types";

export type PublicFile = { id: number; kind: "photo" | "evidence"; filename: string; mime: string; size: number; caption: string | null };

export type PublicInnovation = {
  id: number;
  slug: string;
  name: string;
  acronym: string | null;
  summary: string;
  problem: string;
  targetGroup: string;
  novelty: string;
  implementation: string;
  results: string;
  indicators: Indicator[];
  benefits: string;
  resources: string;
  sustainability: string;
  sectors: string[];
  sdgs: number[];
  status: InnovationStatus;
  startedOn: string | null;
  startYear: number | null;
  origin: InnovationOrigin;
  originNote: string | null;
  /** The source of a replication, when it is itself published. */
  originInnovation: { id: number; slug: string; name: string } | null;
  videoUrl: string | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  agency: AgencyRef;
  unitName: string | null;
  regionCode: string | null;
  regionName: string | null;
  provinceCode: string | null;
  provinceName: string | null;
  photos: PublicFile[];
  evidence: PublicFile[];
  publishedAt: string | null;
  updatedAt: string;
};

const province = alias(regions, "province");
const source = alias(innovations, "source");

/** By slug, or by numeric id (the open API and old links use ids). */
export async function getPublishedInnovation(db: DbOrTx, slugOrId: string | number): Promise<PublicInnovation | null> {
  const key = String(slugOrId).trim();
  let where: SQL | undefined;
  if (/^\d{1,9}$/.test(key)) where = eq(innovations.id, Number(key));
  else if (/^[a-z0-9-]{1,200}$/.test(key)) where = eq(innovations.slug, key);
  else return null;

  const [row] = await db
    .select({
      i: innovations,
      agency: { id: agencies.id, slug: agencies.slug, name: agencies.name, shortName: agencies.shortName, type: agencies.type },
      unitName: units.name,
      regionName: regions.name,
      provinceName: province.name,
      source: { id: source.id, slug: source.slug, name: source.name, state: source.state },
    })
    .from(innovations)
    .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
    .leftJoin(units, eq(units.id, innovations.unitId))
    .leftJoin(regions, eq(regions.code, innovations.regionCode))
    .leftJoin(province, eq(province.code, innovations.provinceCode))
    .leftJoin(source, eq(source.id, innovations.originInnovationId))
    .where(and(where, eq(innovations.state, "published")));
  if (!row) return null;

  const files = await db
    .select({
      id: innovationFiles.id,
      kind: innovationFiles.kind,
      filename: innovationFiles.filename,
      mime: innovationFiles.mime,
      size: innovationFiles.size,
      caption: innovationFiles.caption,
    })
    .from(innovationFiles)
    .where(eq(innovationFiles.innovationId, row.i.id))
    .orderBy(asc(innovationFiles.id));

  const i = row.i;
  return {
    id: i.id,
    slug: i.slug,
    name: i.name,
    acronym: i.acronym,
    summary: i.summary,
    problem: i.problem,
    targetGroup: i.targetGroup,
    novelty: i.novelty,
    implementation: i.implementation,
    results: i.results,
    indicators: i.indicators ?? [],
    benefits: i.benefits,
    resources: i.resources,
    sustainability: i.sustainability,
    sectors: i.sectors,
    sdgs: i.sdgs.map(Number),
    status: i.status,
    startedOn: i.startedOn,
    startYear: i.startYear,
    origin: i.origin,
    originNote: i.originNote,
    originInnovation:
      row.source?.id && row.source.state === "published"
        ? { id: row.source.id, slug: row.source.slug, name: row.source.name }
        : null,
    videoUrl: i.videoUrl,
    contact: { name: i.contactName, email: i.contactEmail, phone: i.contactPhone },
    agency: { ...row.agency, type: row.agency.type as AgencyType },
    unitName: row.unitName,
    regionCode: i.regionCode,
    regionName: row.regionName,
    provinceCode: i.provinceCode,
    provinceName: row.provinceName,
    photos: files.filter((f) => f.kind === "photo"),
    evidence: files.filter((f) => f.kind === "evidence"),
    publishedAt: i.publishedAt ? i.publishedAt.toISOString() : null,
    updatedAt: i.updatedAt.toISOString(),
  };
}

/**
 * The published innovations that name this one as their source: where it has been replicated,
 * the evidence of "what works" other agencies look for (and the competition's adaptability
 * criterion asks about). Newest first; a long list is cut at `limit`, with the total.
 */
export async function replicationsOf(db: DbOrTx, innovationId: number, limit = 50) {
  const where = and(eq(innovations.originInnovationId, innovationId), eq(innovations.state, "published"));
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        slug: innovations.slug,
        name: innovations.name,
        acronym: innovations.acronym,
        agency: agencies.name,
        // How far the adopter has come: PROGRAMME.md asks for replication records "with progress",
        // and the adopter's own status (a pilot, running, stopped) and its start are that record.
        status: innovations.status,
        startedOn: innovations.startedOn,
      })
      .from(innovations)
      .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
      .where(where)
      .orderBy(desc(innovations.publishedAt), desc(innovations.id))
      .limit(limit),
    db.select({ total: sql<number>`count(*)::int` }).from(innovations).where(where),
  ]);
  return { rows, total };
}
