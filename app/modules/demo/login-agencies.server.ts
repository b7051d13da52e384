import { inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { users } from "~/db/schema";
import { DEMO_LOGINS } from "./demo-logins";

/**
 * The agencies of the given demo logins (by default, of every one): the demo's editions and the
 * end-to-end fixtures enter other agencies' innovations, so that what a visitor (or a journey)
 * does with a demo login is not crowded or blocked by entries made on its agency's behalf.
 */
export async function demoLoginAgencies(db: DbOrTx, emails: readonly string[] = DEMO_LOGINS.map((l) => l.email)): Promise<number[]> {
  const rows = await db.select({ id: users.agencyId }).from(users).where(inArray(users.email, [...emails]));
  return rows.flatMap((u) => (u.id ? [u.id] : []));
}
