// Start the built server: parse settings, open and migrate the database, load demo data on an
// empty database, print the demo logins, and listen.
//
// With LUMBUNG_WORKERS above 1 (PostgreSQL only), this process prepares the database once and
// then forks that many workers (node:cluster) that share the port, each with its own connection
// pool. Nothing lives in a worker's memory that another needs: sessions, login limits, locks and
// receipt numbers are all in the database. A worker that dies is replaced.
import cluster from "node:cluster";
import path from "node:path";
import { buildDirName } from "../scripts/build-dir.mjs";
import { serve } from "@hono/node-server";

// A worker that keeps dying is not replaced for ever: the fault is then in the code or the
// settings, and the operator must see the server stop.
const MAX_RESTARTS_PER_MINUTE = 5;

export async function runServer({ root, env: given = process.env, log = console.log }) {
  const started = performance.now();
  // Lumbung's own mode (demo data, required settings) comes from the settings as given. The
  // libraries always run their production builds: React's development build renders pages
  // several times slower. Set before the build (and so React) is loaded.
  const source = { ...given };
  process.env.NODE_ENV = "production";
  const buildDir = path.resolve(root, buildDirName(source.LUMBUNG_BUILD_DIR));
  const build = await import(path.join(buildDir, "server/index.js"));
  const env = build.parseEnv(source);
  const where = env.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${env.dataDir}`;

  if (cluster.isWorker) return serveHere({ build, buildDir, env });

  const database = await build.openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, poolSize: env.poolSize });
  await build.migrate(database);
  if (env.demo) {
    const result = await build.seedDemo(database.db, { publicUrl: env.publicUrl });
    if (result.seeded) log(`Demo data loaded (${result.innovations} innovations).`);
  } else {
    await build.seedReference(database.db);
  }
  // The background queues, created here once, before any server process works them.
  await build.createQueues(database, build.lumbungQueues(database.db, env));

  const ready = () => {
    const processes = env.workers > 1 ? `, ${env.workers} server processes` : "";
    log(`Lumbung is running at http://${env.host}:${env.port} on ${where}${processes} (ready in ${Math.round(performance.now() - started)} ms)`);
    // Where mail goes, by the server's host alone (its address may hold a password).
    log(env.mail ? `Mail goes out through ${new URL(env.mail.smtpUrl).host}.` : "Mail is kept in the outbox (/kelola/kotak-keluar): SMTP_URL is not set.");
    if (env.demo) {
      const { DEMO_LOGINS, DEMO_PASSWORD } = build;
      log(`Demo logins (password: ${DEMO_PASSWORD}):`);
      for (const l of DEMO_LOGINS) log(`  ${l.role.padEnd(15)} ${l.email}`);
    }
  };

  if (env.workers === 1) {
    const here = await serveHere({ build, buildDir, env, database });
    ready();
    return here;
  }

  await database.close();
  await forkWorkers(env.workers, source, log);
  ready();
  return { env };
}

/** Serve the app in this process (the only one, or a cluster worker). */
async function serveHere({ build, buildDir, env, database: given }) {
  const database = given ?? (await build.openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir, poolSize: env.poolSize }));
  // Every server process works the background queues (a job goes to one of them).
  const jobs = await build.startJobs(database, build.lumbungQueues(database.db, env));
  const stopMail = await build.sendMailOnNotice(database, jobs, env.mail);
  const app = build.createServerApp({ database, jobs, env, staticRoot: path.relative(process.cwd(), path.join(buildDir, "client")) });
  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host });
  await new Promise((resolve) => server.once("listening", resolve));
  const stop = async () => {
    server.close();
    await stopMail();
    await jobs.stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  return { server, database, jobs, env };
}

/** Fork the workers, wait until each listens, replace those that die, stop them all on a signal. */
function forkWorkers(count, source, log) {
  let stopping = false;
  const restarts = [];
  const fork = () => cluster.fork(source);
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    const timer = setTimeout(() => process.exit(0), 10_000);
    timer.unref();
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);

  return new Promise((resolve, reject) => {
    let listening = 0;
    let settled = false;
    cluster.on("listening", () => {
      listening++;
      if (!settled && listening === count) {
        settled = true;
        resolve();
      }
    });
    cluster.on("exit", (worker, code, signal) => {
      const alive = Object.keys(cluster.workers ?? {}).length;
      if (stopping) {
        if (alive === 0) process.exit(0);
        return;
      }
      if (!settled) {
        settled = true;
        reject(new Error(`a server process exited while starting (${signal ?? code})`));
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        log(`Server processes keep exiting (${restarts.length} in a minute); stopping.`);
        stop();
        process.exitCode = 1;
        return;
      }
      log(`A server process exited (${signal ?? code}); starting another.`);
      fork();
    });
    for (let i = 0; i < count; i++) fork();
  });
}
