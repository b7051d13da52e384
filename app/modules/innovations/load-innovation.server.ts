import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { innovations } from "~/db/schema";
import { notFound } from "~/lib/errors";
import { idOf } from "~/lib/forms";

/**
 * Whether a number can name a row: what idOf accepts from a form or address. Anything larger
 * names no row, and PostgreSQL would refuse it as an integer with an error (a 500) rather than
 * find nothing, so callers answer "not found" without asking.
 */
export const isRowId = (n: number) => Number.isInteger(n) && n > 0 && idOf(String(n)) !== null;

/** The stored innovation, or a 404. */
export async function loadInnovation(db: DbOrTx, id: number) {
  if (!isRowId(id)) throw notFound();
  const [row] = await db.select().from(innovations).where(eq(innovations.id, id));
  if (!row) throw notFound();
  return row;
}
