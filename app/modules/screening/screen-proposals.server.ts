// The secretariat's administrative screening: a checklist per proposal and a decision, pass or
// fail with a reason the applicant reads, for one proposal or many at once. Only submitted
// proposals are screened; every decision is recorded, audited and mailed to the agency.
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { competitions, proposalHistory, proposals, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { notify } from "~/modules/notifications/notify.server";

export type ScreeningDecision = { result: "passed" | "failed" | "pending"; reason?: string; checklist?: Record<string, boolean> };

export async function screenProposals(db: Db, actor: Actor, competitionId: number, ids: number[], decision: ScreeningDecision, opts: { publicUrl: string }) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  if (decision.result === "failed" && !decision.reason) throw new AppError("invalid", "screening.errors.reasonRequired", { reason: "screening.errors.reasonRequired" });
  if (!ids.length) throw new AppError("invalid", "screening.errors.noneChosen", { ids: "screening.errors.noneChosen" });
  return db.transaction(async (tx) => {
    const [competition] = await tx.select().from(competitions).where(eq(competitions.id, competitionId));
    if (!competition) throw new AppError("not-found", "errors.notFound");
    const rows = await tx.select().from(proposals).where(and(eq(proposals.competitionId, competitionId), inArray(proposals.id, ids))).for("update");
    if (rows.length !== new Set(ids).size || rows.some((r) => r.state !== "submitted")) throw new AppError("conflict", "screening.errors.notSubmitted");
    const now = new Date();
    for (const p of rows) {
      await tx
        .update(proposals)
        .set({
          screening: decision.result,
          screeningReason: decision.result === "failed" ? decision.reason : null,
          ...(decision.checklist ? { screeningChecklist: decision.checklist } : {}),
          screenedBy: actor.id,
          screenedAt: now,
          updatedAt: now,
        })
        .where(eq(proposals.id, p.id));
      await tx.insert(proposalHistory).values({ proposalId: p.id, actorUserId: actor.id, action: `screen_${decision.result}`, comment: decision.reason ?? null, at: now });
      if (decision.result === "pending") continue;
      // The agency hears of the result: its Admin Lokal and the proposal's author.
      const people = await tx.select({ email: users.email, id: users.id, role: users.role }).from(users).where(eq(users.agencyId, p.agencyId));
      const to = people.filter((u) => u.role === "agency_admin" || u.id === p.createdBy);
      const vars = { title: p.title, competition: competition.name, reason: decision.reason ?? "", link: `${opts.publicUrl}/kelola/proposal/${p.id}` };
      await notify(tx, to, { kind: `screening-${decision.result}`, key: `mail.screening.${decision.result}`, vars, link: `/kelola/proposal/${p.id}` });
    }
    await recordAudit(tx, { actorUserId: actor.id, action: "proposal.screen", subjectType: "competition", subjectId: competitionId, data: { ids, result: decision.result } });
    return rows.length;
  });
}
