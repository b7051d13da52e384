// `npm run test:e2e`: start the real app the way `npm start` does (build if stale, migrate, load
// the demo data) on a fresh temporary PGlite data directory and a free port, wait until it serves,
// run Playwright against it, then stop it and remove the data. Arguments go to `playwright test`
// (e.g. `npm run test:e2e -- --project=no-js e2e/catalogue.spec.ts`).
//
// The demo is loaded here, through the build, before the server starts, and the end-to-end
// fixtures on top of it (what some journeys need and the demo has not: editions in their
// objection window, one at its field verification); the server then finds the demo loaded and
// only migrates.
//
// Mail goes out as it does on a real server: through SMTP, to a mail server started here
// (smtp-server) that keeps each message as a file in a folder (E2E_MAIL_DIR), where the journeys
// read what a person would find in their mailbox. It refuses every address that starts with
// "tidak-ada" (550), as a mail server refuses an unknown mailbox.
//
// Settings: LUMBUNG_BUILD_DIR (default "build"), E2E_PORT (default: a free port),
// E2E_KEEP_DATA=1 keeps the data directory and the server log for a look afterwards.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { SMTPServer } from "smtp-server";
import { buildEntry, buildIfStale } from "./build-if-stale.mjs";

const root = path.resolve(import.meta.dirname, "..");
const HOST = "127.0.0.1";
const STARTUP_TIMEOUT_MS = 180_000;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(url, child, logFile) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before serving:\n${tail(logFile)}`);
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not serve ${url} within ${STARTUP_TIMEOUT_MS / 1000} s:\n${tail(logFile)}`);
}

function tail(file, lines = 40) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

/** Load the demo and the end-to-end fixtures into the (empty) data directory, as `npm start` would the demo. */
async function loadData(dataDir, publicUrl) {
  const build = await import(pathToFileURL(buildEntry).href);
  const database = await build.openDatabase({ dataDir });
  try {
    await build.migrate(database);
    await build.seedDemo(database.db, { publicUrl });
    await build.seedObjectionWindow(database.db, publicUrl);
    await build.seedFieldVerification(database.db);
  } finally {
    await database.close();
  }
}

/** The mail server: each message accepted becomes a file `<n>.eml` in `dir`. */
async function startMailServer(dir) {
  let n = 0;
  const smtp = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, done) {
      if (address.address.startsWith("tidak-ada")) done(Object.assign(new Error("5.1.1 Mailbox tidak dikenal"), { responseCode: 550 }));
      else done();
    },
    onData(stream, _session, done) {
      const chunks = [];
      stream.on("data", (c) => chunks.push(c));
      stream.on("end", () => {
        // Written whole under a temporary name, then renamed: a reader never sees half a mail.
        const file = path.join(dir, `${String(++n).padStart(5, "0")}.eml`);
        fs.writeFileSync(`${file}.part`, Buffer.concat(chunks));
        fs.renameSync(`${file}.part`, file);
        done();
      });
    },
  });
  await new Promise((resolve) => smtp.listen(0, HOST, resolve));
  return { port: smtp.server.address().port, close: () => new Promise((resolve) => smtp.close(resolve)) };
}

function stopServer(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lumbung-e2e-"));
const dataDir = path.join(tmp, "data");
const logFile = path.join(tmp, "server.log");
const mailDir = path.join(tmp, "mail");
let server;
let mail;
let code = 1;

const cleanup = async () => {
  if (server) await stopServer(server);
  if (mail) await mail.close();
  if (process.env.E2E_KEEP_DATA === "1") console.log(`e2e: data and server log kept in ${tmp}`);
  else fs.rmSync(tmp, { recursive: true, force: true });
};
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.once(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

try {
  // Build first, in the foreground, so a build failure is reported as such (and the start-up
  // wait below only measures opening the database and listening).
  const started = performance.now();
  if (buildIfStale({ quiet: true })) console.log(`e2e: built the app in ${Math.round(performance.now() - started)} ms`);
  const port = process.env.E2E_PORT ? Number(process.env.E2E_PORT) : await freePort();
  const baseURL = `http://${HOST}:${port}`;
  const loading = performance.now();
  await loadData(dataDir, baseURL);
  console.log(`e2e: demo data and fixtures loaded in ${Math.round(performance.now() - loading)} ms`);

  fs.mkdirSync(mailDir);
  mail = await startMailServer(mailDir);
  const env = {
    ...process.env,
    NODE_ENV: "development",
    HOST,
    PORT: String(port),
    LUMBUNG_DATA_DIR: dataDir,
    LUMBUNG_DEMO: "1",
    PUBLIC_URL: baseURL,
    SMTP_URL: `smtp://${HOST}:${mail.port}`,
    MAIL_FROM: "Lumbung (uji) <no-reply@lumbung.uji>",
  };
  delete env.DATABASE_URL; // the end-to-end tests always run on a fresh embedded database
  const log = fs.openSync(logFile, "a");
  server = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env,
    stdio: ["ignore", log, log],
  });
  const booting = performance.now();
  await waitUntilServing(`${baseURL}/`, server, logFile);
  console.log(`e2e: Lumbung serving at ${baseURL} on a fresh PGlite database (ready in ${Math.round(performance.now() - booting)} ms)`);

  const cli = path.join(root, "node_modules/@playwright/test/cli.js");
  const pw = spawn(process.execPath, [cli, "test", ...process.argv.slice(2)], {
    cwd: root,
    env: { ...process.env, E2E_BASE_URL: baseURL, E2E_MAIL_DIR: mailDir },
    stdio: "inherit",
  });
  code = await new Promise((resolve) => pw.on("exit", (c, sig) => resolve(c ?? (sig ? 1 : 0))));
  if (code !== 0 && process.env.CI) console.log(`e2e: last lines of the server log:\n${tail(logFile, 30)}`);
} catch (e) {
  console.error(`e2e: ${e instanceof Error ? e.message : e}`);
  code = 1;
} finally {
  await cleanup();
}
process.exit(code);
