import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, units, users } from "~/db/schema";
import type { Actor } from "~/lib/policy";

/** The people an admin manages: everyone for the secretariat, its own agency's for Admin Lokal. */
export async function listUsers(db: DbOrTx, actor: Extract<Actor, { kind: "user" }>, limit = 500) {
  return db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      agencyName: agencies.shortName,
      unitName: units.name,
      active: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .leftJoin(units, eq(units.id, users.unitId))
    .where(actor.role === "national_admin" ? undefined : eq(users.agencyId, actor.agencyId ?? -1))
    .orderBy(users.name)
    .limit(limit);
}
