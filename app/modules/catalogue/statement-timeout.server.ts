// A public search box is also a way to make the database work: one crafted query (a phrase of
// common words the planner misjudges) can take seconds. Each search statement runs under a
// time limit and a stopped statement becomes a partial answer, never an error page.
// PGlite runs in-process and does not enforce statement_timeout; the guard matters on a
// PostgreSQL server, where the catalogue is public.
import { sql } from "drizzle-orm";
import { presetStatementTimeout, type Db, type DbOrTx, type Tx } from "~/db/client.server";

/** PostgreSQL's query_canceled (statement_timeout), as raised by either driver. */
export function isQueryCanceled(e: unknown): boolean {
  for (let err = e as { code?: unknown; cause?: unknown } | undefined, depth = 0; err && depth < 4; depth++) {
    if (err.code === "57014") return true;
    err = err.cause as typeof err;
  }
  return false;
}

/**
 * Run `work` so that its statements stop after `ms`; null when one was stopped. On a handle
 * whose connections carry that limit already (Database.publicDb) the work runs as it is;
 * otherwise in a transaction that sets it, three more round trips.
 * `avoidSeqScan`: the planner prices testing a row's words like any operator, blind to the
 * vector it must decompress first; when most of a small register matches it scans every
 * vector instead of reading the matches the index names (30 ms against 5 ms at 10,000 rows,
 * measured while the vectors were TOASTed).
 */
export async function withStatementTimeout<T>(
  db: DbOrTx,
  ms: number,
  work: (tx: DbOrTx) => Promise<T>,
  opts: { avoidSeqScan?: boolean } = {},
): Promise<T | null> {
  try {
    if (presetStatementTimeout(db) === ms && !opts.avoidSeqScan) return await work(db);
    return await (db as Db | Tx).transaction(async (tx) => {
      const timeout = String(Math.max(1, Math.round(ms)));
      await tx.execute(
        opts.avoidSeqScan
          ? sql`SELECT set_config('statement_timeout', ${timeout}, true), set_config('enable_seqscan', 'off', true)`
          : sql`SELECT set_config('statement_timeout', ${timeout}, true)`,
      );
      return work(tx);
    });
  } catch (e) {
    if (isQueryCanceled(e)) return null;
    throw e;
  }
}
