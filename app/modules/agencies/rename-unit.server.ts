import { and, eq, ne, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { units } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { keySql, nameKey } from "./same-name.server";
import type { UnitInput } from "./schemas";

/**
 * Correct a unit's name or kind (a typing error, an office renamed by a regional regulation).
 * The unit keeps its id, so its operators and the innovations it runs stay with it. A unit of
 * another agency is "not found", as if it did not exist; a name another unit of the agency
 * already bears is refused, as when adding.
 */
export async function renameUnit(db: Db, actor: Actor, agencyId: number, unitId: number, input: UnitInput) {
  assertCan(actor, "agency.manage", { agencyId });
  return db.transaction(async (tx) => {
    const [unit] = await tx.select().from(units).where(and(eq(units.id, unitId), eq(units.agencyId, agencyId))).for("update");
    if (!unit) throw new AppError("not-found", "errors.notFound");
    const [clash] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.agencyId, agencyId), ne(units.id, unitId), eq(keySql(sql`${units.name}`), nameKey(input.name))));
    if (clash) throw new AppError("conflict", "agencies.errors.unitExists", { name: "agencies.errors.unitExists" });
    await tx.update(units).set({ name: input.name, kind: input.kind ?? null }).where(eq(units.id, unitId));
    await recordAudit(tx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "unit.rename",
      subjectType: "unit",
      subjectId: unitId,
      data: { from: { name: unit.name, kind: unit.kind }, to: { name: input.name, kind: input.kind ?? null } },
    });
  });
}
