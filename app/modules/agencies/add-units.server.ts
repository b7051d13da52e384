import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { units } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { keySql, nameKey } from "./same-name.server";
import type { UnitInput } from "./schemas";

/** Add units to an agency in one transaction: all of them or, on any clash, none. */
export async function addUnits(db: Db, actor: Actor, agencyId: number, rows: UnitInput[]) {
  assertCan(actor, "agency.manage", { agencyId });
  const actorId = actor.kind === "user" ? actor.id : null;
  return db.transaction(async (tx) => {
    const ids: number[] = [];
    for (const r of rows) {
      const [clash] = await tx
        .select({ id: units.id })
        .from(units)
        .where(and(eq(units.agencyId, agencyId), eq(keySql(sql`${units.name}`), nameKey(r.name))));
      if (clash) throw new AppError("conflict", "agencies.errors.unitExists", { name: r.name });
      const [u] = await tx.insert(units).values({ agencyId, name: r.name, kind: r.kind ?? null }).returning({ id: units.id });
      ids.push(u.id);
    }
    await recordAudit(tx, { actorUserId: actorId, action: "unit.add", subjectType: "agency", subjectId: agencyId, data: { count: rows.length } });
    return ids;
  });
}
