// Withdrawing a provisional announcement: the secretariat found an error in the results it
// announced (a wrong tier, a decision recorded on the wrong proposal). The edition goes back to
// "announced" as if the results had not been announced: no objection window, the plenaries open
// again for the correction, and a later announcement opens a fresh window (announceProvisional).
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "~/db/client.server";
import { competitions, objections } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { competitionById } from "~/modules/competitions/queries.server";
import { tellAgencies, userOf } from "./manage-results.server";

export const WithdrawSchema = z.object({
  reason: z.string({ error: "results.errors.withdrawReason" }).trim().min(1, { error: "results.errors.withdrawReason" }).max(2000, { error: "field.tooLong" }),
});

/**
 * Withdraw the provisional results, telling the agencies that were told of them why.
 *
 * Objections: an objection is pending, upheld or rejected, and there is no state for "closed
 * because the announcement was withdrawn" (adding one is a schema change). An answered objection
 * stays as it is, readable by its agency with its answer. A pending one would be left with no
 * answer and no window, so the withdrawal waits until every objection is answered.
 *
 * Awards stay as rows without certificates (those are issued only at publication); the next
 * announcement rewrites the tiers from the plenary decisions and keeps those set by hand. The
 * decree recorded, if any, was for the results withdrawn: it is cleared, to be recorded again
 * for the corrected results.
 */
export async function withdrawProvisional(db: Db, actor: Actor, competitionId: number, input: z.infer<typeof WithdrawSchema>, opts: { publicUrl: string; now: Date }) {
  assertCan(actor, "competition.manage");
  const user = userOf(actor);
  const parsed = WithdrawSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid", "results.errors.withdrawReason", { reason: "results.errors.withdrawReason" });
  const { reason } = parsed.data;
  return db.transaction(async (tx) => {
    // Locked first, as announceProvisional does: an objection or an answer in flight finishes
    // before this counts them.
    await tx.select({ id: competitions.id }).from(competitions).where(eq(competitions.id, competitionId)).for("update");
    const c = await competitionById(tx, competitionId);
    if (!c) throw new AppError("not-found", "errors.notFound");
    if (c.state !== "provisional") throw new AppError("conflict", "results.errors.wrongState");
    const [{ pending }] = await tx
      .select({ pending: sql<number>`count(*)::int` })
      .from(objections)
      .where(and(eq(objections.competitionId, c.id), eq(objections.state, "pending")));
    if (pending) throw new AppError("conflict", "results.errors.withdrawPending");
    await tx
      .update(competitions)
      .set({ state: "announced", provisionalAt: null, decreeNumber: null, decreeDate: null, version: c.version + 1, updatedAt: opts.now })
      .where(eq(competitions.id, c.id));
    const path = `/kelola/kompetisi/${c.slug}/keberatan`;
    await tellAgencies(tx, c.id, "results.withdrawn", { competition: c.name, reason, link: `${opts.publicUrl}${path}` }, path);
    await recordAudit(tx, {
      actorUserId: user.id,
      action: "results.withdraw",
      subjectType: "competition",
      subjectId: c.id,
      data: { reason, provisionalAt: c.provisionalAt?.toISOString() ?? null, decree: c.decreeNumber ? { number: c.decreeNumber, date: c.decreeDate } : null },
    });
  });
}
