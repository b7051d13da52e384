// What the presentation pages read: a stage's schedule for the secretariat, one slot for the
// people who may see it, and a proposal's announced slots for its agency's page.
import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, assignments, competitions, presentationSlots, proposals, regions } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { can, type Actor } from "~/lib/policy";
import type { ZoneName } from "~/i18n";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { competitionById } from "~/modules/competitions/queries.server";
import { stageEntrants } from "~/modules/judging/stage-entrants.server";
import { agencyZone } from "./slots";
import { stageOfKind } from "./stage-of-kind";

export type SlotRow = typeof presentationSlots.$inferSelect;
type Competition = { id: number; config: CompetitionConfig };

export async function stageSlots(db: DbOrTx, competitionId: number, stageCode: string): Promise<SlotRow[]> {
  return db
    .select()
    .from(presentationSlots)
    .where(and(eq(presentationSlots.competitionId, competitionId), eq(presentationSlots.stageCode, stageCode)))
    .orderBy(asc(presentationSlots.startsAt), asc(presentationSlots.id));
}

/** Every entrant of a presentation stage with its slot (if any), in the order of the day. */
export async function presentationSchedule(db: DbOrTx, competition: Competition, stageCode: string) {
  const stage = stageOfKind(competition.config, stageCode, "presentation");
  const entrants = await stageEntrants(db, competition.id, competition.config, stageCode);
  const slots = await stageSlots(db, competition.id, stageCode);
  const byProposal = new Map(slots.map((s) => [s.proposalId, s]));
  const rows = entrants.map((e) => ({
    proposalId: e.id,
    title: e.title,
    receipt: e.receipt,
    agency: e.agency,
    agencyId: e.agencyId,
    zone: agencyZone(e.zone),
    slot: byProposal.get(e.id) ?? null,
  }));
  // Scheduled first, by time; those still without a slot after them.
  rows.sort((a, b) => (a.slot && b.slot ? a.slot.startsAt.getTime() - b.slot.startsAt.getTime() || a.slot.id - b.slot.id : a.slot ? -1 : b.slot ? 1 : a.proposalId - b.proposalId));
  return { stage, rows };
}

/** One slot for whoever may see it (404 for anyone else), with what its page shows. */
export async function slotForViewer(db: DbOrTx, actor: Actor, slotId: number) {
  const [row] = await db
    .select({
      slot: presentationSlots,
      title: proposals.title,
      receipt: proposals.receiptNumber,
      agencyId: proposals.agencyId,
      agency: agencies.name,
      zone: regions.timeZone,
    })
    .from(presentationSlots)
    .innerJoin(proposals, eq(proposals.id, presentationSlots.proposalId))
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .leftJoin(regions, eq(regions.code, agencies.regionCode))
    .where(eq(presentationSlots.id, slotId));
  if (!row) throw new AppError("not-found", "errors.notFound");
  let assignedJudge = false;
  if (actor.kind === "user" && (actor.role === "evaluator" || actor.role === "panelist")) {
    const [a] = await db
      .select({ judgeId: assignments.judgeId })
      .from(assignments)
      .where(
        and(
          eq(assignments.competitionId, row.slot.competitionId),
          eq(assignments.stageCode, row.slot.stageCode),
          eq(assignments.proposalId, row.slot.proposalId),
          eq(assignments.judgeId, actor.id),
        ),
      );
    assignedJudge = Boolean(a);
  }
  // Another agency's slot is not there at all, as far as its reader can tell.
  if (!can(actor, "presentation.view", { agencyId: row.agencyId, notified: row.slot.notifiedAt !== null, assignedJudge }).ok) {
    throw new AppError("not-found", "errors.notFound");
  }
  const competition = await competitionById(db, row.slot.competitionId);
  if (!competition) throw new AppError("not-found", "errors.notFound");
  const stage = competition.config.stages.find((s) => s.code === row.slot.stageCode);
  return {
    slot: row.slot,
    proposal: { id: row.slot.proposalId, title: row.title, receipt: row.receipt, agencyId: row.agencyId, agency: row.agency },
    agencyZone: agencyZone(row.zone as ZoneName | null),
    competition: { id: competition.id, slug: competition.slug, name: competition.name },
    stageName: stage?.name ?? row.slot.stageCode,
    mayAnswer: can(actor, "presentation.confirm", { agencyId: row.agencyId }).ok,
  };
}

/** A proposal's slots its agency has been told of, for the proposal page. */
export async function announcedSlots(db: DbOrTx, proposalId: number) {
  return db
    .select({ id: presentationSlots.id, stageCode: presentationSlots.stageCode, startsAt: presentationSlots.startsAt, attendance: presentationSlots.attendance, config: competitions.config })
    .from(presentationSlots)
    .innerJoin(competitions, eq(competitions.id, presentationSlots.competitionId))
    .where(and(eq(presentationSlots.proposalId, proposalId), isNotNull(presentationSlots.notifiedAt)))
    .orderBy(asc(presentationSlots.startsAt))
    .then((rows) => rows.map(({ config, ...r }) => ({ ...r, stageName: config.stages.find((s) => s.code === r.stageCode)?.name ?? r.stageCode })));
}
