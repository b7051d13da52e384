// What the field-verification pages read: every entrant with its team and report for the
// secretariat, one report for its team (and the secretariat), and a report's photos.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, assignments, fieldVisitPhotos, fieldVisits, innovationFiles, innovations, proposals, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { can, type Actor } from "~/lib/policy";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { stageEntrants } from "~/modules/judging/stage-entrants.server";
import { teamGaps, type TeamMember } from "./field-team";
import { claimOfCheck, claimsOf, type Claim } from "./indicator-checks";
import { stageOfKind } from "./stage-of-kind";

type Competition = { id: number; config: CompetitionConfig };
export type VisitRow = typeof fieldVisits.$inferSelect;

/** The stage's teams: proposal id → the judges assigned to it, with their roles. */
export async function stageTeams(db: DbOrTx, competitionId: number, stageCode: string, proposalId?: number): Promise<Map<number, TeamMember[]>> {
  const rows = await db
    .select({ proposalId: assignments.proposalId, id: users.id, name: users.name, role: users.role })
    .from(assignments)
    .innerJoin(users, eq(users.id, assignments.judgeId))
    .where(and(eq(assignments.competitionId, competitionId), eq(assignments.stageCode, stageCode), proposalId === undefined ? undefined : eq(assignments.proposalId, proposalId)))
    .orderBy(asc(assignments.proposalId), asc(users.role), asc(users.name));
  const teams = new Map<number, TeamMember[]>();
  for (const r of rows) teams.set(r.proposalId, [...(teams.get(r.proposalId) ?? []), { id: r.id, name: r.name, role: r.role }]);
  return teams;
}

/** The secretariat's overview: each entrant, its team and what it lacks, its visit and report. */
export async function fieldVisitsView(db: DbOrTx, competition: Competition, stageCode: string) {
  const stage = stageOfKind(competition.config, stageCode, "field_verification");
  const entrants = await stageEntrants(db, competition.id, competition.config, stage.code);
  const teams = await stageTeams(db, competition.id, stage.code);
  const visits = await db
    .select({
      proposalId: fieldVisits.proposalId,
      visitDate: fieldVisits.visitDate,
      submittedAt: fieldVisits.submittedAt,
      reopenedAt: fieldVisits.reopenedAt,
      verified: fieldVisits.verified,
      updatedBy: fieldVisits.updatedBy,
      indicatorChecks: fieldVisits.indicatorChecks,
    })
    .from(fieldVisits)
    .where(and(eq(fieldVisits.competitionId, competition.id), eq(fieldVisits.stageCode, stage.code)));
  const visitOf = new Map(visits.map((v) => [v.proposalId, v]));
  return {
    stage,
    rows: entrants.map((e) => {
      const team = teams.get(e.id) ?? [];
      return { proposalId: e.id, title: e.title, receipt: e.receipt, agency: e.agency, team, gaps: teamGaps(team), visit: visitOf.get(e.id) ?? null };
    }),
  };
}

/**
 * One report for whoever may read it: the team (the judges assigned to the proposal in this
 * field-verification stage) and the secretariat; anyone else is told it is not there (404).
 */
export async function fieldReportView(db: DbOrTx, actor: Actor, competition: Competition, stageCode: string, proposalId: number) {
  const stage = stageOfKind(competition.config, stageCode, "field_verification");
  const teams = await stageTeams(db, competition.id, stage.code, proposalId);
  const team = teams.get(proposalId) ?? [];
  const member = actor.kind === "user" && team.some((m) => m.id === actor.id);
  if (!can(actor, "fieldReport.view", { member }).ok) throw new AppError("not-found", "errors.notFound");
  const [proposal] = await db
    .select({ id: proposals.id, title: proposals.title, receipt: proposals.receiptNumber, agency: agencies.name, competitionId: proposals.competitionId, innovationId: proposals.innovationId })
    .from(proposals)
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .where(eq(proposals.id, proposalId));
  if (!proposal || proposal.competitionId !== competition.id) throw new AppError("not-found", "errors.notFound");
  const [visit] = await db
    .select()
    .from(fieldVisits)
    .where(and(eq(fieldVisits.competitionId, competition.id), eq(fieldVisits.stageCode, stage.code), eq(fieldVisits.proposalId, proposalId)));
  const photos = visit
    ? await db
        .select({ id: fieldVisitPhotos.id, filename: fieldVisitPhotos.filename, size: fieldVisitPhotos.size })
        .from(fieldVisitPhotos)
        .where(eq(fieldVisitPhotos.visitId, visit.id))
        .orderBy(asc(fieldVisitPhotos.id))
    : [];
  const names = new Map(team.map((m) => [m.id, m.name]));
  let submittedByName: string | null = null;
  if (visit?.submittedBy) {
    submittedByName = names.get(visit.submittedBy) ?? (await db.select({ name: users.name }).from(users).where(eq(users.id, visit.submittedBy)))[0]?.name ?? null;
  }
  // What the innovation claims: as the report stored it once written (a later edit of the
  // register must not re-map a check), else as the register says now.
  const claims: Claim[] = visit?.indicatorChecks.length ? visit.indicatorChecks.map(claimOfCheck) : await registerClaims(db, proposal.innovationId);
  return { stage, proposal, team, gaps: teamGaps(team), member, visit: visit ?? null, photos, submittedByName, claims };
}

/** The register's indicators of an innovation as claims, each evidence file named. */
export async function registerClaims(db: DbOrTx, innovationId: number): Promise<Claim[]> {
  const [row] = await db.select({ indicators: innovations.indicators }).from(innovations).where(eq(innovations.id, innovationId));
  const indicators = row?.indicators ?? [];
  const ids = [...new Set(indicators.flatMap((r) => (r.evidenceFileId === undefined ? [] : [r.evidenceFileId])))];
  const files = ids.length
    ? await db
        .select({ id: innovationFiles.id, filename: innovationFiles.filename })
        .from(innovationFiles)
        .where(and(eq(innovationFiles.innovationId, innovationId), eq(innovationFiles.kind, "evidence"), inArray(innovationFiles.id, ids)))
    : [];
  return claimsOf(indicators, new Map(files.map((f) => [f.id, f.filename])));
}

/** The submitted reports' indicator checks of a field-verification stage: proposal id → checks. */
export async function submittedIndicatorChecks(db: DbOrTx, competitionId: number, stageCode: string) {
  const rows = await db
    .select({ proposalId: fieldVisits.proposalId, checks: fieldVisits.indicatorChecks, verified: fieldVisits.verified, submittedAt: fieldVisits.submittedAt })
    .from(fieldVisits)
    .where(and(eq(fieldVisits.competitionId, competitionId), eq(fieldVisits.stageCode, stageCode)));
  return new Map(rows.filter((r) => r.submittedAt !== null).map((r) => [r.proposalId, { checks: r.checks, verified: r.verified }]));
}

/** A report photo's bytes, for those who may read the report. */
export async function fieldPhoto(db: DbOrTx, actor: Actor, competition: Competition, stageCode: string, proposalId: number, photoId: number) {
  const view = await fieldReportView(db, actor, competition, stageCode, proposalId);
  if (!view.visit) throw new AppError("not-found", "errors.notFound");
  const [photo] = await db
    .select()
    .from(fieldVisitPhotos)
    .where(and(eq(fieldVisitPhotos.id, photoId), eq(fieldVisitPhotos.visitId, view.visit.id)));
  if (!photo) throw new AppError("not-found", "errors.notFound");
  return photo;
}
