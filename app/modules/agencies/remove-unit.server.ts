import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { units } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { unitUseCounts } from "./queries.server";

/**
 * Remove a unit added by mistake (a duplicate, a typo imported from CSV). Only an unused one:
 * a unit that runs an innovation, has an operator or entered the competition is part of the
 * record (the register keeps who did what), so the answer names what still uses it and the
 * admin moves those first or renames the unit instead. A unit of another agency is "not found".
 */
export async function removeUnit(db: Db, actor: Actor, agencyId: number, unitId: number) {
  assertCan(actor, "agency.manage", { agencyId });
  return db.transaction(async (tx) => {
    const [unit] = await tx.select().from(units).where(and(eq(units.id, unitId), eq(units.agencyId, agencyId))).for("update");
    if (!unit) throw new AppError("not-found", "errors.notFound");
    const [uses] = await tx.select(unitUseCounts(unitId)).from(units).where(eq(units.id, unitId));
    if (uses.innovations || uses.operators || uses.proposals) return { removed: false as const, name: unit.name, uses };
    await tx.delete(units).where(eq(units.id, unitId));
    await recordAudit(tx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "unit.remove",
      subjectType: "unit",
      subjectId: unitId,
      data: { agencyId, name: unit.name, kind: unit.kind },
    });
    return { removed: true as const, name: unit.name };
  });
}
