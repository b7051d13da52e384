// The plan of one catalogue search, statement by statement, as the app runs it:
//   tsx bench/explain-search.ts postgres://USER@127.0.0.1:PORT/DB "q=kesehatan ibu hamil"
// Prints the planner's estimates and the choices made from them (relevance window, sample),
// then EXPLAIN (ANALYZE, BUFFERS) of the last round's statements after two warm-up runs.
import pg from "pg";
import { openPostgres, SESSION_OPTIONS } from "../app/db/client.server";

const [url, search = ""] = process.argv.slice(2);
if (!url) throw new Error("usage: tsx bench/explain-search.ts DATABASE_URL QUERY_STRING");
const mod = await import("../app/modules/catalogue/search-innovations.server");
const schemas = await import("../app/modules/catalogue/schemas");
const database = await openPostgres(url);
const query = schemas.parseCatalogueQuery(new URLSearchParams(search));
const { rounds, plan } = await mod.searchStatements(database.db, query);
console.log({ estimates: plan.estimates, words: plan.words, window: plan.relevanceWindow, sampleScale: plan.sample?.scale, exactTotal: plan.exactTotal });
const client = new pg.Client({ connectionString: url, options: SESSION_OPTIONS }); // as the app's pool
await client.connect();
for (const s of rounds.at(-1) ?? []) {
  for (let i = 0; i < 2; i++) await client.query(s.sql, s.params);
  const r = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, s.params);
  console.log(r.rows.map((x: Record<string, string>) => x["QUERY PLAN"]).join("\n"), "\n");
}
await client.end();
await database.close();
