import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { innovationHistory, innovations } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { loadInnovation } from "./load-innovation.server";
import { resolveInnovationInput, type InnovationColumns } from "./resolve-input.server";
import type { InnovationInput } from "./schemas";

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Save changes. The form carries the version it was opened at: if someone saved in between,
 * nothing is overwritten and the second person is told (optimistic concurrency).
 */
export async function updateInnovation(db: Db, actor: Actor, id: number, input: InnovationInput) {
  const current = await loadInnovation(db, id);
  assertCan(actor, "innovation.edit", current);
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  if (input.version !== undefined && input.version !== current.version) {
    throw new AppError("conflict", "innovations.errors.staleVersion");
  }
  const columns = await resolveInnovationInput(db, current.agencyId, input);
  // The province follows the region and the start year the start date: one change each, named
  // once in the history.
  const changed = (Object.keys(columns) as (keyof InnovationColumns)[]).filter(
    (k) => k !== "provinceCode" && k !== "startYear" && !same(columns[k], (current as Record<string, unknown>)[k]),
  );
  if (!changed.length) return { id, changed };

  return db.transaction(async (tx) => {
    const updated = await tx
      .update(innovations)
      .set({ ...columns, version: sql`${innovations.version} + 1`, updatedAt: new Date() })
      .where(and(eq(innovations.id, id), eq(innovations.version, current.version)))
      .returning({ id: innovations.id });
    if (!updated.length) throw new AppError("conflict", "innovations.errors.staleVersion");
    await tx.insert(innovationHistory).values({ innovationId: id, actorUserId: actor.id, action: "updated", changedFields: changed });
    await recordAudit(tx, { actorUserId: actor.id, action: "innovation.update", subjectType: "innovation", subjectId: id, data: { changed } });
    return { id, changed };
  });
}
