// Start the built server: parse settings, open and migrate the database, load demo data on an
// empty database, print the demo logins, and listen.
import path from "node:path";
import { serve } from "@hono/node-server";

export async function runServer({ root, env: given = process.env, log = console.log }) {
  const started = performance.now();
  // Lumbung's own mode (demo data, required settings) comes from the settings as given. The
  // libraries always run their production builds: React's development build renders pages
  // several times slower. Set before the build (and so React) is loaded.
  const source = { ...given };
  process.env.NODE_ENV = "production";
  const buildDir = path.resolve(root, source.LUMBUNG_BUILD_DIR ?? "build");
  const build = await import(path.join(buildDir, "server/index.js"));
  const env = build.parseEnv(source);
  const database = await build.openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  await build.migrate(database);
  if (env.demo) {
    const result = await build.seedDemo(database.db);
    if (result.seeded) log(`Demo data loaded (${result.innovations} innovations).`);
  } else {
    await build.seedReference(database.db);
  }
  const app = build.createServerApp({ database, env, staticRoot: path.relative(process.cwd(), path.join(buildDir, "client")) });
  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host });
  await new Promise((resolve) => server.once("listening", resolve));
  const where = database.kind === "pglite" ? `embedded PGlite in ${env.dataDir}` : "PostgreSQL (DATABASE_URL)";
  log(`Lumbung is running at http://${env.host}:${env.port} on ${where} (ready in ${Math.round(performance.now() - started)} ms)`);
  if (env.demo) {
    const { DEMO_LOGINS, DEMO_PASSWORD } = build;
    log(`Demo logins (password: ${DEMO_PASSWORD}):`);
    for (const l of DEMO_LOGINS) log(`  ${l.role.padEnd(15)} ${l.email}`);
  }
  const stop = async () => {
    server.close();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return { server, database, env };
}
