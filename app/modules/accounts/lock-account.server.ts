import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { users } from "~/db/schema";
import { notFound } from "~/lib/errors";

/**
 * The account an admin switches off or on, locked for the rest of the transaction (two admins
 * acting at once take turns), with what the policy judges it by: its role and agency.
 */
export async function lockAccount(tx: DbOrTx, userId: number) {
  const [target] = await tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      agencyId: users.agencyId,
      unitId: users.unitId,
      disabledAt: users.disabledAt,
      hasPassword: sql<boolean>`${users.passwordHash} is not null`,
    })
    .from(users)
    .where(eq(users.id, userId))
    .for("update");
  if (!target) throw notFound();
  return target;
}
