// Page throughput for anonymous visitors: `npm run bench:pages`.
//
// On the demo data in embedded PGlite (a fresh data directory): starts the app once to load the
// demo (timing it), starts it again on the existing data and times `npm start` until its first
// page answers 200, then runs autocannon (10 connections, 10 s each) against the home page, a
// catalogue search and an innovation page, beside a bare node:http hello-world measured in the
// same run. The ratio to the bare server is the figure to track. The app runs as `npm start`
// runs it, then again with NODE_ENV=production.
//
// Options: --duration S (default 10), --connections N (default 10), --postgres (the same demo
// data on a throwaway PostgreSQL cluster instead of PGlite, to tell database from rendering).
// Only 127.0.0.1 is contacted; each autocannon run stops after its duration.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { argValue, hasFlag } from "./lib/args";
import { startCluster, type Cluster } from "./lib/cluster";
import { freePort, get, startApp, type RunningApp } from "./lib/server";
import { ms, table } from "./lib/stats";

const duration = Number(argValue("duration", "10"));
const connections = Number(argValue("connections", "10"));
const onPostgres = hasFlag("postgres");
const store = onPostgres ? "PostgreSQL" : "PGlite";

const PAGES = [
  ["home", "/"],
  ["catalogue search", "/inovasi?q=pengaduan"],
  ["innovation page", "/inovasi/gemas-pesulan-banyumas"],
] as const;

type Load = { rps: number; p99: number; non2xx: number; errors: number };

async function load(url: string): Promise<Load> {
  const r = await autocannon({ url, connections, duration });
  return { rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

/** A bare node:http server in its own process, as the app is. */
async function startBare(): Promise<{ base: string; stop: () => void }> {
  const port = await freePort();
  const code = `require("node:http").createServer((q, s) => { s.setHeader("content-type", "text/plain"); s.end("hello"); }).listen(${port}, "127.0.0.1", () => console.log("up"));`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve) => child.stdout!.once("data", () => resolve()));
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill("SIGTERM") };
}

async function pagesOf(app: RunningApp, label: string, bareRps: number, rows: string[][]) {
  for (const [name, p] of PAGES) {
    const check = await get(`${app.base}${p}`);
    const r = await load(`${app.base}${p}`);
    rows.push([
      `${name} (${label})`,
      p,
      check.status === 200 ? r.rps.toFixed(0) : `HTTP ${check.status}`,
      ms(r.p99),
      `${((r.rps / bareRps) * 100).toFixed(1)}%`,
      String(r.non2xx + r.errors),
    ]);
    console.log(`  ${name} (${label}): ${r.rps.toFixed(0)} req/s, p99 ${r.p99} ms`);
  }
}

buildIfStale();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lumbung-bench-pages-"));
const rows: string[][] = [];
let cluster: Cluster | undefined;
try {
  if (onPostgres) cluster = startCluster();
  const env: Record<string, string> = cluster ? { DATABASE_URL: cluster.url } : { LUMBUNG_DATA_DIR: dataDir };
  console.log("First start on an empty data directory (migrations and demo data)…");
  const first = await startApp(env);
  await first.stop();
  console.log(`  ready in ${first.readyMs} ms; first page after ${first.firstPageMs} ms`);

  const app = await startApp(env);
  console.log(`Start on existing data: first page after ${app.firstPageMs} ms (ready in ${app.readyMs} ms)`);

  const bare = await startBare();
  const b = await load(`${bare.base}/`);
  bare.stop();
  rows.push(["bare node:http hello-world", "/", b.rps.toFixed(0), ms(b.p99), "100%", String(b.non2xx + b.errors)]);
  console.log(`  bare node:http: ${b.rps.toFixed(0)} req/s, p99 ${b.p99} ms`);

  try {
    await pagesOf(app, "npm start", b.rps, rows);
  } finally {
    await app.stop();
  }
  const prod = await startApp({ ...env, NODE_ENV: "production" });
  try {
    await pagesOf(prod, "production", b.rps, rows);
  } finally {
    await prod.stop();
  }

  console.log(`\nAnonymous page load, demo data on ${store}, autocannon ${connections} connections × ${duration} s\n`);
  console.log(table(["target", "path", "req/s", "p99 ms", "vs bare", "non-2xx"], rows));
  console.log(`\nnpm start on an empty ${store} database: ready in ${first.readyMs} ms (demo data loaded), first page after ${first.firstPageMs} ms`);
  console.log(`npm start on existing data (${store}): first page after ${app.firstPageMs} ms`);
} finally {
  cluster?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exit(0);
