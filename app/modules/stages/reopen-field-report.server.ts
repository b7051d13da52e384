// The secretariat reopens a submitted field report (a correction, a missing testimony), with
// a reason in the audit log; the team edits it and submits it again, even after the close.
import { and, eq, isNotNull } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { fieldVisits } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { stageOfKind } from "./stage-of-kind";

type Competition = { id: number; config: CompetitionConfig };

export async function reopenFieldReport(db: Db, actor: Actor, competition: Competition, stageCode: string, proposalId: number, reason: string, now: Date) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const stage = stageOfKind(competition.config, stageCode, "field_verification");
  const why = reason.trim();
  if (!why) throw new AppError("invalid", "stages.errors.reopenReason", { reopenReason: "stages.errors.reopenReason" });
  return db.transaction(async (tx) => {
    const [visit] = await tx
      .update(fieldVisits)
      .set({ submittedAt: null, submittedBy: null, reopenedAt: now, updatedAt: now })
      .where(and(eq(fieldVisits.competitionId, competition.id), eq(fieldVisits.stageCode, stage.code), eq(fieldVisits.proposalId, proposalId), isNotNull(fieldVisits.submittedAt)))
      .returning({ id: fieldVisits.id, verified: fieldVisits.verified });
    if (!visit) throw new AppError("conflict", "stages.errors.notSubmitted");
    await recordAudit(tx, { actorUserId: actor.id, action: "fieldReport.reopen", subjectType: "proposal", subjectId: proposalId, data: { stage: stage.code, reason: why, verified: visit.verified } });
  });
}
