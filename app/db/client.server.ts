import path from "node:path";
import { fileURLToPath } from "node:url";
import fs from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { installJobs } from "./jobs.server";

export type Schema = typeof schema;
// Both drivers give a PgDatabase; use cases only ever see this type.
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  /**
   * For the public's searches: its statements stop after PUBLIC_STATEMENT_TIMEOUT_MS (a public
   * search box is also a way to make the database work). On a server it is a pool of its own
   * whose connections carry the limit, so that no statement pays a transaction to set it; on
   * PGlite, which cannot stop a statement, it is `db`.
   */
  publicDb: Db;
  kind: "pglite" | "postgres";
  close: () => Promise<void>;
  /** Run raw SQL text (several statements allowed). */
  exec: (sql: string) => Promise<void>;
  /** One raw statement with values, or several without (for the job queue's own SQL). */
  query: (sql: string, values?: unknown[]) => Promise<{ rows: unknown[] }>;
  /**
   * Call `onNotice` for every notice (pg_notify) on `channel`, from any process's committed
   * transaction; resolves once listening, to a function that stops it.
   */
  listen: (channel: string, onNotice: () => void) => Promise<() => Promise<void>>;
};

type PgliteClient = InstanceType<typeof import("@electric-sql/pglite").PGlite>;
// PGlite takes values only for a single statement; pg-boss sends its setup as one text.
const pgliteQuery = (client: PgliteClient) => async (sql: string, values?: unknown[]) =>
  values?.length ? client.query(sql, values) : ((await client.exec(sql)).at(-1) ?? { rows: [] });

/** The project root: where package.json and drizzle/ are, from source or from the build. */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (fs.existsSync(path.join(dir, "drizzle", "meta", "_journal.json"))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export const migrationsFolder = () => path.join(projectRoot(), "drizzle");

export async function openPglite(dataDir: string | undefined): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { drizzle } = await import("drizzle-orm/pglite");
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const extensions = { pg_trgm, unaccent };
  const client = dataDir ? new PGlite(dataDir, { extensions }) : new PGlite({ extensions });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    publicDb: db,
    kind: "pglite",
    close: () => client.close(),
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: pgliteQuery(client),
    listen: (channel, onNotice) => client.listen(channel, onNotice),
  };
}

/** A PGlite database loaded from a dump made by dumpPglite (fast test database copies). */
export async function openPgliteFromDump(dump: Blob): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { unaccent } = await import("@electric-sql/pglite/contrib/unaccent");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = new PGlite({ loadDataDir: dump, extensions: { pg_trgm, unaccent } });
  await client.waitReady;
  const db = drizzle(client, { schema }) as unknown as Db;
  return {
    db,
    publicDb: db,
    kind: "pglite",
    close: () => client.close(),
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: pgliteQuery(client),
    listen: (channel, onNotice) => client.listen(channel, onNotice),
  };
}

/**
 * Settings of every connection to a PostgreSQL server:
 * - 64 MB of work memory per operation keeps the catalogue's combined index bitmaps exact; at
 *   the 4 MB default they go lossy at 1M innovations and a search rechecks ~100k rows
 *   (measured 1.2 s → 0.2 s, docs/benchmarks.md);
 * - no JIT compilation: the app's statements are short by design, and a misjudged estimate
 *   (a lateral range scan counted as a ninth of the table) once made the server spend 800 ms
 *   compiling a 10 ms statement. Debian's server has JIT on by default; PGlite has none.
 */
export const SESSION_OPTIONS = "-c work_mem=64MB -c jit=off";

/** How long a statement of the public's searches may run (see Database.publicDb). */
export const PUBLIC_STATEMENT_TIMEOUT_MS = 3_000;

// Handles whose every connection already stops statements after so many milliseconds.
const presetTimeouts = new WeakMap<object, number>();

/** The statement time limit every connection of this handle carries, if it carries one. */
export const presetStatementTimeout = (db: object): number | undefined => presetTimeouts.get(db);

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pg = (await import("pg")).default;
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new pg.Pool({ connectionString: url, max, options: SESSION_OPTIONS });
  const publicPool = new pg.Pool({
    connectionString: url,
    max,
    options: `${SESSION_OPTIONS} -c statement_timeout=${PUBLIC_STATEMENT_TIMEOUT_MS}`,
  });
  // An idle connection the server closes (a restart, an administrator's command, a dropped
  // database) is reported on the pool; unheard, that event would end the whole process. The
  // pool replaces the connection on the next query, so it is logged and nothing more.
  for (const p of [pool, publicPool]) p.on("error", (e) => console.error("PostgreSQL connection lost:", e.message));
  const db = drizzle(pool, { schema }) as unknown as Db;
  const publicDb = drizzle(publicPool, { schema }) as unknown as Db;
  presetTimeouts.set(publicDb, PUBLIC_STATEMENT_TIMEOUT_MS);
  return {
    db,
    publicDb,
    kind: "postgres",
    close: async () => {
      await Promise.all([pool.end(), publicPool.end()]);
    },
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: (sql, values) => pool.query(sql, values),
    listen: (channel, onNotice) => listenOnServer(pg, url, channel, onNotice),
  };
}

// How long a lost listening connection waits before it connects again.
const RELISTEN_MS = 2_000;

/**
 * LISTEN needs a connection of its own, held open (a pooled one goes back to the pool). When it
 * is lost (the server restarted), it is opened again, and `onNotice` called once: a notice sent
 * meanwhile was missed.
 */
async function listenOnServer(pg: typeof import("pg").default, url: string, channel: string, onNotice: () => void) {
  let client: InstanceType<typeof pg.Client> | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const reopen = () => {
    if (stopped) return;
    clearTimeout(retry);
    retry = setTimeout(() => {
      open().then(onNotice, (e: Error) => {
        console.error("PostgreSQL listening connection failed:", e.message);
        reopen();
      });
    }, RELISTEN_MS);
  };
  const open = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (n) => {
      if (n.channel === channel) onNotice();
    });
    // Only a connection that was listening is mourned here; one that failed to open is
    // reported by open()'s own rejection.
    const lost = (why: string) => {
      if (client !== c || stopped) return;
      console.error("PostgreSQL listening connection lost:", why);
      client = null;
      c.end().catch(() => {});
      reopen();
    };
    c.on("error", (e) => lost(e.message));
    c.on("end", () => lost("closed by the server"));
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (e) {
      c.end().catch(() => {});
      throw e;
    }
    if (stopped) await c.end();
    else client = c;
  };
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end();
  };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string; poolSize?: number }) {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts.poolSize) : openPglite(opts.dataDir);
}

/** Apply drizzle/ migrations; safe to run at every start. */
export async function migrate(database: Database): Promise<void> {
  const folder = migrationsFolder();
  if (database.kind === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(database.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import("drizzle-orm/node-postgres/migrator");
    await migrate(database.db as never, { migrationsFolder: folder });
  }
  // The job queue's tables, created or upgraded by pg-boss itself.
  await installJobs(database);
}
