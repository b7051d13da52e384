// What the results show, and to whom. Published (final) results are public: the edition's page,
// awards on innovation and agency pages, certificates, the open API. Provisional results are
// shown only to the secretariat and to the agencies that took part (to object); nothing of a
// draft or announced edition's ranking ever leaves the work area.
import { and, asc, desc, eq, ne, sql, type Column } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, awards, competitions, innovations, objections, proposals, reviews, users } from "~/db/schema";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { SCORED_KINDS } from "~/modules/competitions/config-values";
import { weightedTotal } from "~/modules/judging/rank";
import { agencyNameIn, type FormerName } from "~/modules/agencies/name-in-year";

const awardColumns = {
  id: awards.id,
  proposalId: awards.proposalId,
  tierCode: awards.tierCode,
  source: awards.source,
  certificateCode: awards.certificateCode,
  title: proposals.title,
  receipt: proposals.receiptNumber,
  categoryCode: proposals.categoryCode,
  groupCode: proposals.groupCode,
  innovation: innovations.name,
  innovationSlug: innovations.slug,
  innovationState: innovations.state,
  agency: agencies.name,
  agencyShortName: agencies.shortName,
  agencyFormerNames: agencies.formerNames,
  agencySlug: agencies.slug,
  agencyType: agencies.type,
};

// An award is a record of its edition's year: the agency is named as it was then (a 2019 award
// went to Kominfo, though the row is Komdigi's now). The edition number is that year.
function namedInEdition<T extends { agency: string; agencyShortName: string | null; agencyFormerNames: FormerName[] }>(row: T, edition: number) {
  const { agencyFormerNames, ...rest } = row;
  const then = agencyNameIn({ name: row.agency, shortName: row.agencyShortName, formerNames: agencyFormerNames }, edition);
  return { ...rest, agency: then.name, agencyShortName: then.shortName };
}

/**
 * The awards of an edition, best tier first, each agency under its name of the edition's year
 * (the caller decides whether they may be seen).
 */
export async function editionAwards(db: DbOrTx, competition: { id: number; edition: number; config: CompetitionConfig }) {
  const found = await db
    .select(awardColumns)
    .from(awards)
    .innerJoin(proposals, eq(proposals.id, awards.proposalId))
    .innerJoin(innovations, eq(innovations.id, awards.innovationId))
    .innerJoin(agencies, eq(agencies.id, awards.agencyId))
    .where(eq(awards.competitionId, competition.id))
    .orderBy(asc(proposals.categoryCode), asc(innovations.name), asc(awards.id));
  const rows = found.map((r) => namedInEdition(r, competition.edition));
  const rank = new Map(competition.config.tiers.map((t) => [t.code, t.rank]));
  return rows.sort((a, b) => (rank.get(a.tierCode) ?? 99) - (rank.get(b.tierCode) ?? 99));
}

export type AwardBadge = { competition: string; slug: string; edition: number; tier: string; category: string };

function badges(rows: { competition: string; slug: string; edition: number; tierCode: string; categoryCode: string; config: CompetitionConfig }[]): AwardBadge[] {
  return rows.map((r) => ({
    competition: r.competition,
    slug: r.slug,
    edition: r.edition,
    tier: r.config.tiers.find((t) => t.code === r.tierCode)?.name ?? r.tierCode,
    category: r.config.categories.find((c) => c.code === r.categoryCode)?.name ?? r.categoryCode,
  }));
}

const badgeColumns = {
  competition: competitions.name,
  slug: competitions.slug,
  edition: competitions.edition,
  tierCode: awards.tierCode,
  categoryCode: proposals.categoryCode,
  config: competitions.config,
};

/** An innovation's awards in published editions, newest first. */
export async function awardsOfInnovation(db: DbOrTx, innovationId: number) {
  const rows = await db
    .select(badgeColumns)
    .from(awards)
    .innerJoin(competitions, eq(competitions.id, awards.competitionId))
    .innerJoin(proposals, eq(proposals.id, awards.proposalId))
    .where(and(eq(awards.innovationId, innovationId), eq(competitions.state, "final")))
    .orderBy(desc(competitions.edition));
  return badges(rows);
}

/** An agency's awards in published editions, newest first, with the innovation's name. */
export async function awardsOfAgency(db: DbOrTx, agencyId: number) {
  const rows = await db
    .select({ ...badgeColumns, innovation: innovations.name, innovationSlug: innovations.slug })
    .from(awards)
    .innerJoin(competitions, eq(competitions.id, awards.competitionId))
    .innerJoin(proposals, eq(proposals.id, awards.proposalId))
    .innerJoin(innovations, eq(innovations.id, awards.innovationId))
    .where(and(eq(awards.agencyId, agencyId), eq(competitions.state, "final")))
    .orderBy(desc(competitions.edition), asc(innovations.name));
  return badges(rows).map((b, i) => ({ ...b, innovation: rows[i].innovation, innovationSlug: rows[i].innovationSlug }));
}

/** A certificate by its code, only once its edition's results are published. */
export async function certificateByCode(db: DbOrTx, code: string) {
  const [row] = await db
    .select({
      code: awards.certificateCode,
      tierCode: awards.tierCode,
      competition: competitions.name,
      slug: competitions.slug,
      edition: competitions.edition,
      decreeNumber: competitions.decreeNumber,
      decreeDate: competitions.decreeDate,
      publishedAt: competitions.resultsPublishedAt,
      config: competitions.config,
      categoryCode: proposals.categoryCode,
      innovation: innovations.name,
      innovationSlug: innovations.slug,
      agency: agencies.name,
      agencyShortName: agencies.shortName,
      agencyFormerNames: agencies.formerNames,
      agencySlug: agencies.slug,
    })
    .from(awards)
    .innerJoin(competitions, eq(competitions.id, awards.competitionId))
    .innerJoin(proposals, eq(proposals.id, awards.proposalId))
    .innerJoin(innovations, eq(innovations.id, awards.innovationId))
    .innerJoin(agencies, eq(agencies.id, awards.agencyId))
    .where(and(eq(awards.certificateCode, code), eq(competitions.state, "final")));
  if (!row) return null;
  // The certificate names the agency as it was in the edition's year, as the decree did.
  const { config, tierCode, categoryCode, ...rest } = namedInEdition(row, row.edition);
  return {
    ...rest,
    tier: config.tiers.find((t) => t.code === tierCode)?.name ?? tierCode,
    category: config.categories.find((c) => c.code === categoryCode)?.name ?? categoryCode,
  };
}

export function editionObjections(db: DbOrTx, competitionId: number, agencyId?: number) {
  const where = agencyId === undefined ? eq(objections.competitionId, competitionId) : and(eq(objections.competitionId, competitionId), eq(objections.agencyId, agencyId));
  return db
    .select({
      id: objections.id,
      agency: agencies.name,
      proposalId: objections.proposalId,
      title: proposals.title,
      receipt: proposals.receiptNumber,
      reason: objections.reason,
      state: objections.state,
      response: objections.response,
      createdAt: objections.createdAt,
      decidedAt: objections.decidedAt,
      author: users.name,
    })
    .from(objections)
    .innerJoin(agencies, eq(agencies.id, objections.agencyId))
    .leftJoin(proposals, eq(proposals.id, objections.proposalId))
    .leftJoin(users, eq(users.id, objections.createdBy))
    .where(where)
    .orderBy(sql`${objections.state} = 'pending' desc`, asc(objections.createdAt), asc(objections.id));
}

// A review stored before its criteria were changed may not fit them any more: no total then.
function totalOf(scores: Record<string, number>, criteria: CompetitionConfig["stages"][number]["criteria"]) {
  try {
    return Math.round(weightedTotal(scores, criteria) * 100) / 100;
  } catch {
    return null;
  }
}

/**
 * The applicant's feedback: for every scored stage the proposal took part in, each criterion's
 * scores from anonymous judges ("Juri 1", "Juri 2": their order of submission) and their
 * justifications and comments. Only submitted reviews.
 */
export async function feedbackFor(db: DbOrTx, competition: { id: number; config: CompetitionConfig }, proposalId: number) {
  const rows = await db
    .select({ stageCode: reviews.stageCode, scores: reviews.scores, justifications: reviews.justifications, comment: reviews.comment })
    .from(reviews)
    .where(and(eq(reviews.competitionId, competition.id), eq(reviews.proposalId, proposalId), eq(reviews.state, "submitted")))
    .orderBy(asc(reviews.submittedAt), asc(reviews.id));
  return competition.config.stages
    .filter((s) => SCORED_KINDS.includes(s.kind) && rows.some((r) => r.stageCode === s.code))
    .map((s) => {
      const mine = rows.filter((r) => r.stageCode === s.code);
      return {
        stage: s.name,
        criteria: s.criteria.map((c) => ({ code: c.code, name: c.name, scaleMin: c.scaleMin, scaleMax: c.scaleMax, weight: c.weight })),
        judges: mine.map((r, i) => ({ label: i + 1, scores: r.scores, justifications: r.justifications, comment: r.comment, total: totalOf(r.scores, s.criteria) })),
      };
    });
}

/**
 * The tiers an innovation earned in other editions' published results, one entry per award
 * (the eligibility rules count them: excluded tiers, at most N times in a tier). As a query of
 * one row, not yet run, so that a statement about a proposal can carry it as a value with its
 * columns as the arguments (the endorsement reads it with the proposal, one round trip).
 */
export function earlierTiersQuery(db: DbOrTx, innovationId: number | Column, competitionId: number | Column) {
  return db
    .select({ tiers: sql<string[]>`coalesce(array_agg(${awards.tierCode} ORDER BY ${awards.id}), '{}')` })
    .from(awards)
    .innerJoin(competitions, eq(competitions.id, awards.competitionId))
    .where(and(eq(awards.innovationId, innovationId), eq(competitions.state, "final"), ne(awards.competitionId, competitionId)));
}

export async function earlierTiersOf(db: DbOrTx, innovationId: number, competitionId: number): Promise<string[]> {
  const [row] = await earlierTiersQuery(db, innovationId, competitionId);
  return row.tiers;
}
