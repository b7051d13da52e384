import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client.server";
import { innovationHistory, innovations } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { canTransition, TRANSITIONS, type Transition } from "./workflow";
import type { InnovationState } from "./vocab";

const HISTORY_ACTION: Record<Transition, string> = {
  submit: "submitted",
  return: "returned",
  publish: "published",
  unpublish: "unpublished",
};

/**
 * Move an innovation along the workflow, with its history and audit rows in one transaction.
 * The state is re-checked in the UPDATE itself, so two reviewers acting at once cannot both win.
 */
export async function applyTransition(
  db: Db,
  opts: {
    id: number;
    from: InnovationState;
    transition: Transition;
    actorId: number;
    comment?: string;
    after?: (tx: Tx) => Promise<void>;
  },
) {
  if (!canTransition(opts.from, opts.transition)) throw new AppError("conflict", "innovations.errors.wrongState");
  const to = TRANSITIONS[opts.transition].to;
  return db.transaction(async (tx) => {
    const set: Partial<typeof innovations.$inferInsert> = { state: to, updatedAt: new Date() };
    if (opts.transition === "return") set.reviewComment = opts.comment ?? null;
    if (opts.transition === "publish") {
      set.reviewComment = null;
      set.publishedAt = new Date();
    }
    if (opts.transition === "unpublish") set.publishedAt = null;
    const rows = await tx
      .update(innovations)
      .set({ ...set, version: sql`${innovations.version} + 1` })
      .where(and(eq(innovations.id, opts.id), eq(innovations.state, opts.from)))
      .returning({ id: innovations.id });
    if (!rows.length) throw new AppError("conflict", "innovations.errors.wrongState");
    await tx.insert(innovationHistory).values({
      innovationId: opts.id,
      actorUserId: opts.actorId,
      action: HISTORY_ACTION[opts.transition],
      comment: opts.comment ?? null,
    });
    await recordAudit(tx, {
      actorUserId: opts.actorId,
      action: `innovation.${opts.transition}`,
      subjectType: "innovation",
      subjectId: opts.id,
      data: { from: opts.from, to },
    });
    await opts.after?.(tx);
    return { state: to };
  });
}
