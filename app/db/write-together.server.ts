import { sql, type SQLWrapper } from "drizzle-orm";
import type { DbOrTx } from "./client.server";

/**
 * Several writes of one transaction sent as one statement, each a data-modifying WITH clause,
 * so they cost one round trip instead of one each: a step that records its history, its audit
 * row and its notices would otherwise make the database wait on the app four times, and at a
 * deadline thousands of such steps come in a minute. PostgreSQL runs every clause to completion
 * whether or not the statement reads it. They all see the snapshot the statement starts with,
 * so none may depend on what another writes: for independent inserts, not read-then-write.
 */
export async function writeTogether(tx: DbOrTx, writes: readonly SQLWrapper[]): Promise<void> {
  if (writes.length === 0) return;
  if (writes.length === 1) {
    await tx.execute(writes[0].getSQL());
    return;
  }
  const clauses = writes.map((w, i) => sql`${sql.identifier(`w${i}`)} AS (${w.getSQL()})`);
  await tx.execute(sql`WITH ${sql.join(clauses, sql`, `)} SELECT 1`);
}
