import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { units, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { agencyHasUnits } from "~/modules/agencies/queries.server";
import { lockAccount } from "./lock-account.server";

/**
 * Place a unit operator in one of its agency's units, or in none (`null`). Operators move
 * between OPDs, and one the secretariat invited arrives without a unit, since the invitation form
 * cannot list an agency's units before the agency is chosen. The unit must be the operator's own
 * agency's: a unit elsewhere is refused as a field error, not silently taken. "No unit" is only
 * for an agency without units: in one with units an unplaced operator would work on every unit's
 * entries (operatorCovers in app/lib/policy.ts), which is what inviting into a unit prevents.
 */
export async function setUserUnit(db: Db, actor: Actor, userId: number, unitId: number | null) {
  return db.transaction(async (tx) => {
    const target = await lockAccount(tx, userId);
    assertCan(actor, "user.setUnit", target);
    if (unitId === null && target.agencyId !== null && (await agencyHasUnits(tx, target.agencyId))) {
      throw new AppError("invalid", "accounts.errors.unitRequired", { unitId: "accounts.errors.unitRequired" });
    }
    if (unitId !== null) {
      const [unit] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.id, unitId), eq(units.agencyId, target.agencyId ?? -1)));
      if (!unit) throw new AppError("invalid", "accounts.errors.unitNotInAgency", { unitId: "accounts.errors.unitNotInAgency" });
    }
    if (target.unitId === unitId) return { name: target.name, changed: false };
    await tx.update(users).set({ unitId }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "user.setUnit",
      subjectType: "user",
      subjectId: userId,
      data: { from: target.unitId, to: unitId },
    });
    return { name: target.name, changed: true };
  });
}
