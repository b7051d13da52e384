import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { innovations } from "~/db/schema";
import { notFound } from "~/lib/errors";

/** The stored innovation, or a 404. */
export async function loadInnovation(db: DbOrTx, id: number) {
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  const [row] = await db.select().from(innovations).where(eq(innovations.id, id));
  if (!row) throw notFound();
  return row;
}
