// The secretariat sets (or clears) the day a team visits an entrant.
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { fieldVisits } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { stageEntrants } from "~/modules/judging/stage-entrants.server";
import { stageOfKind } from "./stage-of-kind";

type Competition = { id: number; config: CompetitionConfig };

export async function setVisitDate(db: Db, actor: Actor, competition: Competition, stageCode: string, proposalId: number, visitDate: string | null) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const stage = stageOfKind(competition.config, stageCode, "field_verification");
  return db.transaction(async (tx) => {
    const entrants = await stageEntrants(tx, competition.id, competition.config, stage.code);
    if (!entrants.some((e) => e.id === proposalId)) throw new AppError("not-found", "errors.notFound");
    const [before] = await tx
      .select({ visitDate: fieldVisits.visitDate })
      .from(fieldVisits)
      .where(and(eq(fieldVisits.competitionId, competition.id), eq(fieldVisits.stageCode, stage.code), eq(fieldVisits.proposalId, proposalId)));
    await tx
      .insert(fieldVisits)
      .values({ competitionId: competition.id, stageCode: stage.code, proposalId, visitDate })
      .onConflictDoUpdate({ target: [fieldVisits.competitionId, fieldVisits.stageCode, fieldVisits.proposalId], set: { visitDate, updatedAt: new Date() } });
    await recordAudit(tx, { actorUserId: actor.id, action: "fieldVisit.date", subjectType: "proposal", subjectId: proposalId, data: { stage: stage.code, before: before?.visitDate ?? null, after: visitDate } });
  });
}
