import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies } from "~/db/schema";
import { isRowId } from "~/modules/innovations/load-innovation.server";

/** An agency's id and name, for the secretariat's view of its check-ins; null when none. */
export async function getAgencyName(db: DbOrTx, id: number): Promise<{ id: number; name: string } | null> {
  if (!isRowId(id)) return null;
  const [row] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, id));
  return row ?? null;
}
