import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { AgencyYearsInput } from "./schemas";

const SET_YEARS_ACTION = "agency.years";

/**
 * Set or clear an existing agency's first and last year of "One Agency, One Innovation" (the
 * years dutyApplies counts it in): a ministry merged or dissolved, an enterprise wound up, a
 * year typed wrong. A blank year clears it: from before the programme, or still in being.
 *
 * Regional governments, ministries and national agencies get their years from the reference
 * data (seedReference, run at every start). Once the admin has changed an agency's years, the
 * admin's years stand and the reference list no longer overwrites them: the admin acts on a
 * decree the list in the code may not know of yet, and a restart must not quietly undo it
 * (agencies.years_set_at records it; the audit row, who and what). To return to the reference
 * years, enter them again.
 *
 * A save that changes nothing writes nothing (and so pins nothing).
 */
export async function setAgencyYears(db: Db, actor: Actor, agencyId: number, years: AgencyYearsInput) {
  assertCan(actor, "agency.setYears");
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: agencies.id, name: agencies.name, activeFrom: agencies.activeFrom, activeUntil: agencies.activeUntil })
      .from(agencies)
      .where(eq(agencies.id, agencyId))
      .for("update");
    if (!before) throw new AppError("not-found", "errors.notFound");
    const after = { activeFrom: years.activeFrom ?? null, activeUntil: years.activeUntil ?? null };
    if (before.activeFrom === after.activeFrom && before.activeUntil === after.activeUntil) return { ...before, changed: false };
    const now = new Date();
    await tx.update(agencies).set({ ...after, yearsSetAt: now, updatedAt: now }).where(eq(agencies.id, agencyId));
    await recordAudit(tx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: SET_YEARS_ACTION,
      subjectType: "agency",
      subjectId: agencyId,
      data: { before: { activeFrom: before.activeFrom, activeUntil: before.activeUntil }, after },
    });
    return { ...before, ...after, changed: true };
  });
}
