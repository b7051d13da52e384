// The national-scale register for benchmarks, on a real PostgreSQL server: every real agency,
// hundreds of BUMN/BUMD, 100,000 units and N innovations with Indonesian-like text, bulk-loaded
// with COPY. Deterministic (seeded PRNG): the same N gives the same database.
//
//   tsx bench/generate.ts --url postgres://user@127.0.0.1:5432/postgres --innovations 100000
//
// How a million rows load in minutes on two cores: the search-vector trigger stays on (so the
// vectors are exactly the app's, and its cost is to_tsvector's, which any method pays), while
// the per-row search_words trigger and every secondary index are off during COPY. The words are
// then collected in one set-based statement from the trigger's own expression, the indexes are
// rebuilt from their saved definitions two at a time, and the tables analysed. A check at the
// end compares the collected words with what the trigger produces for a sample.
import { pathToFileURL } from "node:url";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { migrate, openPostgres } from "../app/db/client.server";
import { seedReference } from "../app/modules/agencies/seed-reference.server";
import { createRng } from "../app/modules/demo/prng";
import { argValue, parseSizes } from "./lib/args";
import { withDatabase } from "./lib/cluster";
import { benchEnterprises } from "./register/enterprises";
import { INNOVATION_COLUMNS, ROWS_PER_CHUNK, copyField, innovationCopyChunks, type RegisterAgency } from "./register/innovations";
import { generateUnits } from "./register/units";

// Bump when the generated data or its storage changes, so a kept cluster regenerates instead
// of reusing (4: search vectors, sectors and SDGs kept in their rows, drizzle/0019).
const GENERATOR_VERSION = 4;

export type GenerateOptions = {
  /** Any database on the server; the register gets its own database next to it. */
  serverUrl: string;
  database: string;
  innovations: number;
  units?: number;
  seed?: number;
  log?: (line: string) => void;
};

export type GenerateResult = { url: string; reused: boolean; seconds: Record<string, number> };

// The same words the innovations_search_words trigger collects (drizzle/0002_search.sql).
const SEARCH_WORDS_SQL = `
  INSERT INTO search_words (word)
  SELECT DISTINCT w FROM innovations i,
    regexp_split_to_table(lower(coalesce(i.name, '') || ' ' || coalesce(i.acronym, '') || ' ' || coalesce(i.summary, '')), '[^a-z0-9]+') AS w
  WHERE i.state = 'published' AND length(w) >= 4
  ON CONFLICT (word) DO NOTHING`;

async function query(client: pg.Client, text: string, params: unknown[] = []) {
  return (await client.query(text, params)).rows;
}

async function copyInto(client: pg.Client, table: string, columns: readonly string[], chunks: Iterable<string>) {
  await pipeline(Readable.from(chunks), client.query(copyFrom(`COPY ${table} (${columns.join(", ")}) FROM STDIN`)));
}

async function connect(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

export async function generateRegister(opts: GenerateOptions): Promise<GenerateResult> {
  const log = opts.log ?? console.log;
  const unitsTotal = opts.units ?? 100_000;
  const seed = opts.seed ?? 20131009;
  const url = withDatabase(opts.serverUrl, opts.database);
  const want = { version: GENERATOR_VERSION, innovations: opts.innovations, units: unitsTotal, seed };
  const seconds: Record<string, number> = {};
  let t = performance.now();
  const phase = (name: string) => {
    seconds[name] = Math.round(performance.now() - t) / 1000;
    log(`  ${name}: ${seconds[name].toFixed(1)} s`);
    t = performance.now();
  };

  const admin = await connect(opts.serverUrl);
  try {
    const exists = (await query(admin, "SELECT 1 FROM pg_database WHERE datname = $1", [opts.database])).length > 0;
    if (exists) {
      const c = await connect(url);
      const rows = await query(c, "SELECT value FROM meta WHERE key = 'bench_register'").catch(() => []);
      await c.end();
      // Compare field by field: jsonb does not keep the key order it was given.
      const have = rows[0]?.value as Record<string, unknown> | undefined;
      if (have && Object.entries(want).every(([k, v]) => have[k] === v)) return { url, reused: true, seconds };
      await query(admin, `DROP DATABASE ${opts.database} WITH (FORCE)`);
    }
    await query(admin, `CREATE DATABASE ${opts.database}`);
  } finally {
    await admin.end();
  }

  // The schema exactly as the app makes it: its migrations and reference data.
  const app = await openPostgres(url, 2);
  await migrate(app);
  await seedReference(app.db);
  await app.close();
  phase("schema and reference data");

  const rng = createRng(seed);
  const c = await connect(url);
  const c2 = await connect(url);
  try {
    for (const s of [c, c2]) await s.query("SET maintenance_work_mem = '512MB'; SET synchronous_commit = off");
    const regencies = await query(c, "SELECT code, name, province_code AS \"provinceCode\" FROM regions WHERE level = 'regency' ORDER BY code");
    const provinceNames = new Map((await query(c, "SELECT code, name FROM regions WHERE level = 'province'")).map((r) => [r.code, r.name]));
    const enterprises = benchEnterprises(rng, regencies, 120, 300);
    await copyInto(c, "agencies", ["name", "short_name", "slug", "type", "region_code", "province_code"], [
      enterprises.map((e) => [e.name, e.shortName, e.slug, e.type, e.regionCode, e.provinceCode].map(copyField).join("\t")).join("\n") + "\n",
    ]);
    const agencies = await query(c, "SELECT id, type, name, short_name AS \"shortName\", region_code AS \"regionCode\", province_code AS \"provinceCode\" FROM agencies ORDER BY id");

    const { rows: unitRows, byAgency } = generateUnits(rng, agencies, regencies.map((r) => r.name), unitsTotal);
    const unitChunks = function* () {
      for (let i = 0; i < unitRows.length; i += 5000) {
        yield unitRows.slice(i, i + 5000).map((u) => [u.id, u.agencyId, u.name, u.kind].map(copyField).join("\t")).join("\n") + "\n";
      }
    };
    await copyInto(c, "units", ["id", "agency_id", "name", "kind"], unitChunks());
    await query(c, "SELECT setval(pg_get_serial_sequence('units', 'id'), (SELECT max(id) FROM units))");
    phase(`${unitRows.length} units and ${enterprises.length} BUMN/BUMD`);

    const indexes = await query(c, `SELECT indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND tablename = 'innovations' AND indexname <> 'innovations_pkey'`);
    for (const ix of indexes) await query(c, `DROP INDEX ${ix.indexname}`);
    await query(c, "ALTER TABLE innovations DISABLE TRIGGER innovations_search_words_trg");
    // COPY's per-row foreign-key checks stay on: the register must be valid, and they are cheap.
    const registerAgencies: RegisterAgency[] = agencies.map((a) => ({
      ...a,
      label: a.shortName ?? a.name,
      provinceName: provinceNames.get(a.provinceCode ?? "") ?? "DKI Jakarta",
      units: byAgency.get(a.id) ?? [],
    }));
    // Two COPY streams over halves of the id range (chunk-aligned, so the rows are the same as
    // one stream's): to_tsvector is ~0.2 ms a row and would otherwise keep one core busy alone.
    const half = Math.ceil(opts.innovations / 2 / ROWS_PER_CHUNK) * ROWS_PER_CHUNK;
    const ranges = [[1, Math.min(half, opts.innovations)], [half + 1, opts.innovations]].filter(([a, b]) => a <= b);
    await Promise.all(ranges.map(([a, b], i) =>
      copyInto([c, c2][i], "innovations", INNOVATION_COLUMNS, innovationCopyChunks(registerAgencies, opts.innovations, seed, a, b)),
    ));
    await query(c, "SELECT setval(pg_get_serial_sequence('innovations', 'id'), (SELECT max(id) FROM innovations))");
    phase(`COPY ${opts.innovations} innovations (search vectors by the app's trigger)`);

    // Two connections build the indexes side by side: a GIN index is one core's work.
    const queue = [...indexes];
    await Promise.all([c, c2].map(async (s) => {
      for (let ix = queue.shift(); ix; ix = queue.shift()) await query(s, ix.indexdef);
    }));
    phase(`${indexes.length} indexes rebuilt`);

    await query(c, "ALTER TABLE innovations ENABLE TRIGGER innovations_search_words_trg");
    await query(c, SEARCH_WORDS_SQL);
    await query(c, "VACUUM ANALYZE innovations");
    await query(c, "VACUUM ANALYZE units, agencies, search_words, regions");
    phase("search words, vacuum and analyze");

    await checkSearchWords(c);
    await query(c, "INSERT INTO meta (key, value) VALUES ('bench_register', $1)", [JSON.stringify(want)]);
  } finally {
    await c.end();
    await c2.end();
  }
  return { url, reused: false, seconds };
}

/** The set-based words equal what the trigger collects, checked on a sample and rolled back. */
export async function checkSearchWords(c: pg.Client) {
  await c.query("BEGIN");
  try {
    // Fixed ids, not a subquery: a LIMIT without ORDER BY may pick other rows the second time.
    const ids = (await query(c, "SELECT id FROM innovations WHERE state = 'published' AND id % 997 = 1 ORDER BY id LIMIT 200")).map((r) => Number(r.id));
    const sample = ids.join(",") || "0";
    const expected = await query(c, `SELECT DISTINCT w FROM innovations i,
      regexp_split_to_table(lower(coalesce(i.name, '') || ' ' || coalesce(i.acronym, '') || ' ' || coalesce(i.summary, '')), '[^a-z0-9]+') AS w
      WHERE i.id IN (${sample}) AND length(w) >= 4`);
    await query(c, "DELETE FROM search_words");
    await query(c, `UPDATE innovations SET state = state WHERE id IN (${sample})`);
    const fromTrigger = new Set((await query(c, "SELECT word FROM search_words")).map((r) => r.word));
    const same = fromTrigger.size === expected.length && expected.every((r) => fromTrigger.has(r.w));
    if (!same) throw new Error(`search_words differ from the trigger's: ${fromTrigger.size} vs ${expected.length} words`);
  } finally {
    await c.query("ROLLBACK");
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const serverUrl = argValue("url") ?? process.env.DATABASE_URL;
  if (!serverUrl) {
    console.error("usage: tsx bench/generate.ts --url postgres://… [--innovations 10000] [--database name]");
    process.exit(2);
  }
  const [n] = parseSizes(argValue("innovations", "10000")!);
  const database = argValue("database", `lumbung_bench_${n}`)!;
  const t0 = performance.now();
  const r = await generateRegister({ serverUrl, database, innovations: n });
  console.log(`${r.reused ? "Reused" : "Generated"} ${n} innovations in ${database} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
