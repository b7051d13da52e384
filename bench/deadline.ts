// The deadline: `LUMBUNG_BUILD_DIR=build-deadline npx tsx bench/deadline.ts [options]`.
//
// The issue's scenario on a real PostgreSQL server: 2,000 applicants autosaving a section every
// 10 s (jittered) for 5 minutes, and 3,000 heads of agency endorsing (submitting) in the last
// minute before registration closes. What must hold: zero errors, zero lost saves, every submit
// accepted with its own receipt number before the deadline, and a submit after it refused.
//
// It starts a throwaway cluster (scripts/pg-cluster.sh), migrates and loads the reference data,
// and creates one announced competition whose registration closes a few minutes after the load
// starts (to the second: the deadline is really enforced at the end), the agencies' people with
// sessions written the way login writes them (no argon2 for 4,000 people), one published
// innovation per proposal, drafts for the applicants and complete proposals awaiting
// endorsement for the submits (sections filled, evidence and attachment files present, the video
// link and the declaration set). Then it starts the built app as `npm start` does, in its own
// process, and drives it over HTTP as the browser does:
//
//   autosave  POST /kelola/proposal/:id/simpan-otomatis   code, body, version, _csrf
//             (what the page's script sends; the page reloads nothing after an autosave,
//             --revalidate adds the GET /kelola/proposal/:id.data a reload would make)
//   submit    POST /kelola/proposal/:id        _intent=endorse, _csrf (the form; 302 expected)
//             then GET of the page it redirects to (the receipt notice)
//
// Each applicant writes one section of its own proposal, one save in flight at a time, so the
// section's version only moves by its own saves: 1 + the saves acknowledged. At the end the
// database is checked against what each applicant was told (lost saves), and every accepted
// submit for its state, its receipt number (unique, no gaps) and its time (before the deadline).
//
// By default the submits fall in the last --submit-window seconds of the autosave phase (the
// applicants keep saving through the rush); --sequential puts them after it instead.
//
// Options: --applicants N (2000) --duration S (300) --interval S (10) --submits N (3000)
//   --submit-window S (60) --margin S (5: the last submit is scheduled this long before the
//   deadline) --agencies N (500, from the reference agencies; each takes at most its quota of
//   submits) --connections N (128 kept-alive sockets) --timeout S (30 per request)
//   --workers N (1: the app's server processes, LUMBUNG_WORKERS) --socket (the app connects to
//   PostgreSQL through its Unix socket instead of TCP)
//   --slow-ms N (100: statements logged by PostgreSQL as slow) --seed N --sequential
//   --revalidate --no-receipt (the head does not follow the redirect to the receipt page)
//   --cluster DIR (keep the cluster's directory; the database is made anew)
//   --profile DIR (the app writes a V8 CPU profile there when it stops).
// A short run: --applicants 200 --duration 30 --submits 300 --submit-window 20
//
// Only 127.0.0.1 is contacted. Every loop is bounded in iterations and in time, each request
// has a timeout, and a watchdog stops the whole run if it overruns its budget.
//
// Measured 2026-11-24 on the development machine (2 cores, Node 20, PostgreSQL 15; the app, the
// database and this load generator share the 2 cores), --socket, times in ms:
//   full default, --workers 2: all checks passed (3,000 of 3,000 accepted before the deadline,
//     60,008 saves, none lost, no error; autosave p95 26.2 before the rush and 989 during it,
//     endorse p95 840, receipt page p95 764; app 0.94 core and PostgreSQL 0.36 in the rush).
//     Run again, started on a busier machine: all checks passed again, but endorse p95 5,397
//     and autosave p95 5,529 during the rush (app 1.04, PostgreSQL 0.40).
//     Earlier the same day, with 12 statements an endorsement: passed twice (endorse p95 3,268
//     and 5,152) and failed once (320 submits reached the server after the deadline, refused as
//     closed), the machine saturated (app 1.2 cores, PostgreSQL 0.5). See docs/benchmarks.md.
//   submits alone at 50/s (--applicants 100 --duration 40 --submits 1500 --submit-window 30
//     --sequential, 1 process): endorse p95 498; about 15.4 ms of app CPU an endorsement with
//     its receipt page, an autosave 1.85–2.1.
import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import pg from "pg";
import { buildIfStale } from "../scripts/build-if-stale.mjs";
import { migrate, openPostgres } from "../app/db/client.server";
import { createCompetition } from "../app/db/factories.server";
import { seedReference } from "../app/modules/agencies/seed-reference.server";
import { hashToken, newToken } from "../app/modules/accounts/tokens.server";
import type { CompetitionConfig } from "../app/modules/competitions/config";
import { registrationStage, stageEnd } from "../app/modules/competitions/config-values";
import { createRng } from "../app/modules/demo/prng";
import { submitProblems } from "../app/modules/proposals/eligibility";
import { attachmentsFor, sectionsFor } from "../app/modules/proposals/form-shape";
import { argValue, hasFlag } from "./lib/args";
import { startCluster, withDatabase, type Cluster } from "./lib/cluster";
import { freePort, root } from "./lib/server";
import { ms, percentile, table } from "./lib/stats";

// --- Options ---------------------------------------------------------------------------------

function num(name: string, fallback: number, min: number, max: number): number {
  const v = Number(argValue(name, String(fallback)));
  if (!Number.isFinite(v) || v < min || v > max) throw new Error(`--${name} must be a number from ${min} to ${max}`);
  return v;
}
const APPLICANTS = Math.round(num("applicants", 2000, 1, 20_000));
const DURATION_S = num("duration", 300, 5, 3600);
const INTERVAL_S = num("interval", 10, 0.5, 600);
const SUBMITS = Math.round(num("submits", 3000, 0, 50_000));
const WINDOW_S = num("submit-window", 60, 2, 3600);
const MARGIN_S = num("margin", 5, 0, 600);
const AGENCIES = Math.round(num("agencies", 500, 1, 5000));
const CONNECTIONS = Math.round(num("connections", 128, 1, 4096));
const TIMEOUT_S = num("timeout", 30, 1, 300);
const SLOW_MS = Math.round(num("slow-ms", 100, 0, 60_000));
const SEED = Math.round(num("seed", 2026, 0, 2 ** 31 - 1));
const WORKERS = Math.round(num("workers", 1, 1, 64));
const SEQUENTIAL = hasFlag("sequential");
const SOCKET = hasFlag("socket");
const REVALIDATE = hasFlag("revalidate");
const NO_RECEIPT = hasFlag("no-receipt");
const keepDir = argValue("cluster");
const profileDir = argValue("profile");
if (MARGIN_S >= WINDOW_S) throw new Error("--margin must be shorter than --submit-window");
if (!SEQUENTIAL && WINDOW_S > DURATION_S) throw new Error("--submit-window must fit in --duration (or use --sequential)");

const DB_NAME = "lumbung_deadline";
const GROUP = "umum";
// The whole run's budget: setup, the load, the checks. The watchdog ends the run past it.
const BUDGET_MS = (600 + DURATION_S + WINDOW_S + 2 * TIMEOUT_S) * 1000;
// Messages the checks look for (app/modules/proposals/messages.ts, Indonesian, the default).
const CLOSED_TEXT = "Pendaftaran kompetisi ini tidak sedang dibuka.";
// A 1×1 PNG: the evidence and attachment files (their content is checked only at upload).
const PNG_1PX = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");

const log = (line: string) => console.log(line);
const seconds = (msValue: number) => (msValue / 1000).toFixed(1);
const sleep = (msValue: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, msValue)));
const sleepUntil = (epochMs: number) => sleep(epochMs - Date.now());

// --- Text an applicant types ----------------------------------------------------------------

const WORDS = (
  "layanan masyarakat warga desa kelurahan puskesmas posyandu sekolah pasar sampah air bersih jalan " +
  "pengaduan antrean daring aplikasi petugas kader ibu hamil balita lansia petani nelayan koperasi " +
  "data terpadu pelaporan cepat gratis keliling jemput bola kolaborasi swasta anggaran dampak " +
  "penurunan waktu biaya sebelum sesudah indikator capaian target berkelanjutan replikasi kabupaten " +
  "kecamatan dinas bidang kesehatan pendidikan perizinan kependudukan sosial lingkungan digital"
).split(" ");

/** Deterministic prose of about `words` words, different for every (who, n). */
function prose(who: number, n: number, words: number): string {
  const rng = createRng((who * 7919 + n * 104_729 + SEED) >>> 0);
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rng.pick(WORDS));
  return out.join(" ");
}

/** What applicant `i` has written by its save number `k` (within the section's word limit). */
function draftText(i: number, k: number, wordLimit: number): string {
  const words = Math.min(wordLimit - 12, 40 + ((k * 7) % 90));
  return `Perbaikan ke-${k} oleh pelamar ${i}. ${prose(i, k, Math.max(5, words))}.`;
}

// --- HTTP: kept-alive sockets, bounded, every request timed out -----------------------------

// An idle socket is closed after 4 s, before the server's 5-s keep-alive does: a request sent on a
// socket the server is closing at that instant fails with ECONNRESET (a browser retries it).
const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS, maxFreeSockets: CONNECTIONS, timeout: 4000 });

type Reply = { status: number; ms: number; body: string; location?: string; error?: string };

/** One request, timed from the call until the last byte. Never rejects: failures are replies. */
function send(method: "GET" | "POST", url: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  const t = performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Omit<Reply, "ms">) => {
      if (done) return;
      done = true;
      resolve({ ...r, ms: performance.now() - t });
    };
    const req = http.request(url, { method, agent, headers: body === undefined ? headers : { ...headers, "content-length": String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), location: res.headers.location }));
      res.on("error", (e) => finish({ status: 0, body: "", error: e.message }));
    });
    req.setTimeout(TIMEOUT_S * 1000, () => req.destroy(new Error("timeout")));
    req.on("error", (e: NodeJS.ErrnoException) => finish({ status: 0, body: "", error: e.message === "timeout" ? "timeout" : (e.code ?? e.message) }));
    req.end(body);
  });
}

type Person = { userId: number; token: string; csrf: string };
const cookieOf = (p: Person) => `lumbung_session=${p.token}; lumbung_csrf=${p.csrf}`;
const FORM = "application/x-www-form-urlencoded";

function postForm(base: string, url: string, p: Person, fields: Record<string, string>) {
  const body = new URLSearchParams({ _csrf: p.csrf, ...fields }).toString();
  return send("POST", `${base}${url}`, { cookie: cookieOf(p), origin: base, "content-type": FORM }, body);
}
const getAs = (base: string, url: string, p: Person) => send("GET", `${base}${url}`, { cookie: cookieOf(p) });

// --- Figures ---------------------------------------------------------------------------------

class Series {
  samples: number[] = [];
  errors = 0;
  timeouts = 0;
  byOutcome = new Map<string, number>();
  examples: string[] = [];
  constructor(readonly name: string) {}
  ok(msValue: number) {
    this.samples.push(msValue);
  }
  fail(r: Reply, what: string) {
    if (r.error === "timeout") this.timeouts++;
    else this.errors++;
    const key = r.error ?? `HTTP ${r.status}`;
    this.byOutcome.set(key, (this.byOutcome.get(key) ?? 0) + 1);
    if (this.examples.length < 4) this.examples.push(`${what}: ${key} ${r.body.replace(/\s+/g, " ").slice(0, 300)}`);
  }
  get requests() {
    return this.samples.length + this.errors + this.timeouts;
  }
  row(seconds: number): string[] {
    const all = this.samples;
    return [
      this.name,
      this.requests.toLocaleString("en"),
      String(this.errors),
      String(this.timeouts),
      ms(percentile(all, 50)),
      ms(percentile(all, 95)),
      ms(percentile(all, 99)),
      ms(all.length ? all.reduce((a, b) => Math.max(a, b), 0) : NaN),
      seconds > 0 ? (this.requests / seconds).toFixed(1) : "–",
    ];
  }
}

// --- Processes' CPU time (Linux /proc), for where the time went -----------------------------

const TICKS = 100; // USER_HZ on Linux

function procTable(): Map<number, { ppid: number; cpu: number }> {
  const out = new Map<number, { ppid: number; cpu: number }>();
  let names: string[] = [];
  try {
    names = fs.readdirSync("/proc").filter((n) => /^\d+$/.test(n));
  } catch {
    return out;
  }
  for (const n of names.slice(0, 100_000)) {
    try {
      const s = fs.readFileSync(`/proc/${n}/stat`, "utf8");
      const rest = s.slice(s.lastIndexOf(")") + 2).split(" ");
      out.set(Number(n), { ppid: Number(rest[1]), cpu: (Number(rest[11]) + Number(rest[12])) / TICKS });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/** CPU seconds of a process and all its descendants (those alive now). */
function treeCpu(pid: number | undefined): number {
  if (!pid) return NaN;
  const procs = procTable();
  const children = new Map<number, number[]>();
  for (const [p, { ppid }] of procs) children.set(ppid, [...(children.get(ppid) ?? []), p]);
  let total = 0;
  const stack = [pid];
  for (let guard = 0; stack.length && guard < 10_000; guard++) {
    const p = stack.pop()!;
    total += procs.get(p)?.cpu ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

function postmasterPid(dir: string): number | undefined {
  try {
    return Number(fs.readFileSync(path.join(dir, "postmaster.pid"), "utf8").split("\n")[0]) || undefined;
  } catch {
    return undefined;
  }
}

// --- The app, as `npm start` runs it, with its output kept (errors, stack traces) -----------

type App = { base: string; pid: number | undefined; output: () => string; stop: () => Promise<void> };

async function startApp(env: Record<string, string>): Promise<App> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const profile = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), PUBLIC_URL: base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (d: Buffer) => {
    // Bounded: the first 2 MB are plenty to read the errors.
    if (output.length < 2_000_000) output += d.toString("utf8");
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const until = Date.now() + 300_000;
  for (let i = 0; i < 6000 && Date.now() < until; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output}`);
    const r = await send("GET", `${base}/`, {});
    if (r.status === 200) return { base, pid: child.pid, output: () => output, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(`the app did not answer within 300 s:\n${output}`);
}

// --- The data --------------------------------------------------------------------------------

type Applicant = { i: number; proposalId: number; section: string; wordLimit: number; initial: string; person: Person };
type Submit = { j: number; proposalId: number; head: Person };

async function insertRows(c: pg.PoolClient, sqlText: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  return (await c.query(sqlText, params)).rows;
}

/** Everything the run needs, in one transaction per kind of row. */
async function createData(url: string, config: CompetitionConfig, competitionId: number, closesAt: number) {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const c = await pool.connect();
  try {
    await c.query("SET synchronous_commit = off");
    const agencies = (await c.query("SELECT id, type, province_code, region_code FROM agencies ORDER BY id LIMIT $1", [AGENCIES])).rows as {
      id: number;
      type: string;
      province_code: string | null;
      region_code: string | null;
    }[];
    if (agencies.length < AGENCIES) throw new Error(`only ${agencies.length} reference agencies: use --agencies ${agencies.length} or fewer`);
    const quota = config.eligibility.quotas.find((q) => (!q.group || q.group === GROUP) && !q.agencyType)?.max ?? Infinity;
    // The submits go round the agencies; the late probe goes to the agency with the fewest.
    if (Math.ceil((SUBMITS + 1) / AGENCIES) > quota) {
      throw new Error(`${SUBMITS} submits over ${AGENCIES} agencies exceed the quota of ${quota} per agency: raise --agencies`);
    }

    // People: one operator per applicant, and per agency its admin (who is told of each receipt)
    // and its head (who endorses). Sessions are written as startSession writes them.
    const tag = Date.now().toString(36);
    const people: { email: string; name: string; role: string; agency: number }[] = [];
    for (let i = 0; i < APPLICANTS + 1; i++) people.push({ email: `operator${i}.${tag}@tenggat.uji`, name: `Operator ${i}`, role: "unit_operator", agency: agencies[i % AGENCIES].id });
    for (let a = 0; a < AGENCIES; a++) {
      people.push({ email: `admin${a}.${tag}@tenggat.uji`, name: `Admin Lokal ${a}`, role: "agency_admin", agency: agencies[a].id });
      people.push({ email: `kepala${a}.${tag}@tenggat.uji`, name: `Kepala ${a}`, role: "agency_head", agency: agencies[a].id });
    }
    await c.query("BEGIN");
    const userRows = await insertRows(
      c,
      "INSERT INTO users (email, name, role, agency_id) SELECT * FROM unnest($1::text[], $2::text[], $3::role[], $4::int[]) RETURNING id, email",
      [people.map((p) => p.email), people.map((p) => p.name), people.map((p) => p.role), people.map((p) => p.agency)],
    );
    const idByEmail = new Map(userRows.map((r) => [String(r.email), Number(r.id)]));
    const person = (email: string): Person => ({ userId: idByEmail.get(email)!, token: newToken(), csrf: newToken() });
    const operators = Array.from({ length: APPLICANTS + 1 }, (_, i) => person(people[i].email));
    const heads = Array.from({ length: AGENCIES }, (_, a) => person(`kepala${a}.${tag}@tenggat.uji`));
    const withSessions = [...operators, ...heads];
    await c.query("INSERT INTO sessions (id_hash, user_id, expires_at) SELECT h, u, now() + interval '12 hours' FROM unnest($1::text[], $2::int[]) AS t(h, u)", [
      withSessions.map((p) => hashToken(p.token)),
      withSessions.map((p) => p.userId),
    ]);
    await c.query("COMMIT");

    // One published innovation per proposal: the applicants' drafts, the submits, the late
    // probe and the preflight's draft. Started in 2020: old enough for the eligibility rule.
    type Plan = { kind: "draft" | "ready"; agencyIndex: number; createdBy: number | null };
    const plans: Plan[] = [];
    for (let i = 0; i < APPLICANTS; i++) plans.push({ kind: "draft", agencyIndex: i % AGENCIES, createdBy: operators[i].userId });
    const firstOperator = (a: number) => (a < APPLICANTS ? operators[a].userId : null);
    for (let j = 0; j < SUBMITS; j++) plans.push({ kind: "ready", agencyIndex: j % AGENCIES, createdBy: firstOperator(j % AGENCIES) });
    const probeAgency = SUBMITS % AGENCIES;
    plans.push({ kind: "ready", agencyIndex: probeAgency, createdBy: firstOperator(probeAgency) }); // the late probe
    plans.push({ kind: "draft", agencyIndex: APPLICANTS % AGENCIES, createdBy: operators[APPLICANTS].userId }); // the preflight

    const sections = sectionsFor(config, GROUP);
    const attachments = attachmentsFor(config, GROUP);
    const fileSlots = [...sections.filter((s) => s.evidenceRequired).map((s) => s.code), ...attachments.filter((a) => a.kind === "file" && a.required).map((a) => a.code)];
    const links = Object.fromEntries(attachments.filter((a) => a.kind === "link").map((a) => [a.code, "https://video.example.id/tenggat"]));
    const declarations = attachments.filter((a) => a.kind === "declaration").map((a) => a.code);
    const categories = config.categories.map((x) => x.code);
    const sha = createHash("sha256").update(PNG_1PX).digest("hex");

    const proposalIds: number[] = [];
    const CHUNK = 1000;
    for (let from = 0; from < plans.length; from += CHUNK) {
      const chunk = plans.slice(from, from + CHUNK);
      const k = chunk.map((_, x) => from + x);
      await c.query("BEGIN");
      const inn = await insertRows(
        c,
        `INSERT INTO innovations (slug, name, summary, problem, novelty, implementation, results, status, state, published_at,
           agency_id, agency_type, province_code, region_code, started_on, start_year, sectors)
         SELECT 'tenggat-' || $1::text || '-' || k, 'Inovasi Tenggat ' || k, s, s, s, s, s, 'implementasi', 'published', now(),
           a, t::agency_type, p, r, '2020-03-01', 2020, ARRAY['kesehatan']
         FROM unnest($2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[]) AS x(k, s, a, t, p, r)
         RETURNING id, slug`,
        [
          tag,
          k,
          k.map((n) => prose(n, 0, 30)),
          chunk.map((p) => agencies[p.agencyIndex].id),
          chunk.map((p) => agencies[p.agencyIndex].type),
          chunk.map((p) => agencies[p.agencyIndex].province_code),
          chunk.map((p) => agencies[p.agencyIndex].region_code),
        ],
      );
      const innBySlug = new Map(inn.map((r) => [String(r.slug), Number(r.id)]));
      const innIds = k.map((n) => innBySlug.get(`tenggat-${tag}-${n}`)!);
      const rows = await insertRows(
        c,
        `INSERT INTO proposals (competition_id, innovation_id, agency_id, group_code, category_code, title, state, links, declarations, created_by)
         SELECT $1::int, i, a, $2::text, cat, 'Proposal Tenggat ' || i, st::proposal_state, $3::jsonb, $4::text[], cb
         FROM unnest($5::int[], $6::int[], $7::text[], $8::text[], $9::int[]) AS x(i, a, cat, st, cb)
         RETURNING id, innovation_id`,
        [
          competitionId,
          GROUP,
          JSON.stringify(links),
          declarations,
          innIds,
          chunk.map((p) => agencies[p.agencyIndex].id),
          k.map((n) => categories[n % categories.length]),
          chunk.map((p) => (p.kind === "draft" ? "draft" : "awaiting_endorsement")),
          chunk.map((p) => p.createdBy),
        ],
      );
      const byInnovation = new Map(rows.map((r) => [Number(r.innovation_id), Number(r.id)]));
      const ids = innIds.map((id) => byInnovation.get(id)!);
      proposalIds.push(...ids);
      // Every section filled (the applicants' own section included: it is being revised).
      const secRows = ids.flatMap((id, x) => sections.map((s) => ({ id, code: s.code, body: prose(k[x], s.code.length, Math.min(60, s.wordLimit - 10)), by: chunk[x].createdBy })));
      await c.query(
        "INSERT INTO proposal_sections (proposal_id, section_code, body, updated_by) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[])",
        [secRows.map((r) => r.id), secRows.map((r) => r.code), secRows.map((r) => r.body), secRows.map((r) => r.by)],
      );
      const fileRows = ids.flatMap((id) => fileSlots.map((slot) => ({ id, slot })));
      await c.query(
        `INSERT INTO proposal_files (proposal_id, slot, filename, mime, size, sha256, data)
         SELECT id, slot, slot || '.png', 'image/png', $3::int, $4::text, $5::bytea FROM unnest($1::int[], $2::text[]) AS x(id, slot)`,
        [fileRows.map((r) => r.id), fileRows.map((r) => r.slot), PNG_1PX.length, sha, PNG_1PX],
      );
      const hist = ids.flatMap((id, x) => (chunk[x].kind === "draft" ? [[id, "create"]] : [[id, "create"], [id, "send"], [id, "forward"]]));
      await c.query("INSERT INTO proposal_history (proposal_id, action, at) SELECT id, act, now() FROM unnest($1::int[], $2::text[]) AS x(id, act)", [
        hist.map((h) => h[0]),
        hist.map((h) => h[1]),
      ]);
      await c.query("COMMIT");
    }
    await c.query("ANALYZE");

    const applicants: Applicant[] = Array.from({ length: APPLICANTS }, (_, i) => {
      const s = sections[i % sections.length];
      return { i, proposalId: proposalIds[i], section: s.code, wordLimit: s.wordLimit, initial: "", person: operators[i] };
    });
    const bodies = await c.query("SELECT proposal_id, section_code, body FROM proposal_sections WHERE proposal_id = ANY($1)", [applicants.map((a) => a.proposalId)]);
    const initial = new Map(bodies.rows.map((r) => [`${r.proposal_id}/${r.section_code}`, String(r.body)]));
    for (const a of applicants) a.initial = initial.get(`${a.proposalId}/${a.section}`) ?? "";
    const submits: Submit[] = Array.from({ length: SUBMITS }, (_, j) => ({ j, proposalId: proposalIds[APPLICANTS + j], head: heads[j % AGENCIES] }));
    const probe: Submit = { j: SUBMITS, proposalId: proposalIds[APPLICANTS + SUBMITS], head: heads[probeAgency] };
    const preflight = { proposalId: proposalIds[APPLICANTS + SUBMITS + 1], person: operators[APPLICANTS], section: sections[0] };

    // What the endorsement will check, run here on the same facts: fail now, not at the deadline.
    const problems = submitProblems({
      config,
      now: new Date(closesAt - 60_000),
      groupCode: GROUP,
      categoryCode: categories[0],
      sections: Object.fromEntries(sections.map((s) => [s.code, prose(0, s.code.length, Math.min(60, s.wordLimit - 10))])),
      filledSlots: new Set(fileSlots),
      links,
      declarations,
      sourceInnovationIds: [],
      innovation: { startedOn: "2020-03-01", state: "published" },
      agencyType: agencies[0].type,
      submittedByGroup: { [GROUP]: Math.ceil(SUBMITS / AGENCIES) - 1 },
      earlierTiers: [],
      invited: false,
    });
    if (problems.length) throw new Error(`the prepared proposals would be refused: ${JSON.stringify(problems)}`);
    return { applicants, submits, probe, preflight, people: withSessions.length, proposals: plans.length, files: plans.length * fileSlots.length };
  } catch (e) {
    await c.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    c.release();
    await pool.end();
  }
}

/** The registration stage closing at `closesAt` (a whole second; open until its end). */
function withClosing(config: CompetitionConfig, closesAt: number): CompetitionConfig {
  const next = structuredClone(config);
  const reg = registrationStage(next)!;
  // Written in WIB, as the app writes instants in a configuration.
  reg.closesAt = `${new Date(closesAt + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
  if (Date.parse(reg.opensAt) > Date.now()) reg.opensAt = `${new Date(Date.now() - 86_400_000 + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
  return next;
}

// --- The PostgreSQL server's log: slow statements, lock waits, errors -----------------------

function readLog(file: string, from: number): string {
  try {
    const fd = fs.openSync(file, "r");
    try {
      const size = fs.fstatSync(fd).size;
      const length = Math.min(size - from, 64 * 1024 * 1024);
      if (length <= 0) return "";
      const buf = Buffer.alloc(length);
      fs.readSync(fd, buf, 0, length, from);
      return buf.toString("utf8");
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return "";
  }
}

function summariseLog(text: string) {
  const slow = new Map<string, { n: number; max: number; total: number }>();
  let lockWaits = 0;
  const lockKinds = new Map<string, number>();
  const errors = new Map<string, number>();
  const lines = text.split("\n");
  for (let i = 0; i < lines.length && i < 2_000_000; i++) {
    const line = lines[i];
    const d = /duration: ([\d.]+) ms\s+(?:statement|execute [^:]*|parse [^:]*|bind [^:]*):\s*(.*)$/.exec(line);
    if (d) {
      const key = d[2].replace(/\$\d+/g, "$").replace(/\s+/g, " ").slice(0, 160);
      const e = slow.get(key) ?? { n: 0, max: 0, total: 0 };
      e.n++;
      e.max = Math.max(e.max, Number(d[1]));
      e.total += Number(d[1]);
      slow.set(key, e);
      continue;
    }
    const w = /still waiting for (\w+) on (\w+)/.exec(line);
    if (w) {
      lockWaits++;
      lockKinds.set(`${w[1]} on ${w[2]}`, (lockKinds.get(`${w[1]} on ${w[2]}`) ?? 0) + 1);
      continue;
    }
    const er = /(ERROR|FATAL|PANIC):\s+(.*)$/.exec(line);
    if (er) errors.set(`${er[1]}: ${er[2].slice(0, 160)}`, (errors.get(`${er[1]}: ${er[2].slice(0, 160)}`) ?? 0) + 1);
  }
  return { slow, lockWaits, lockKinds, errors };
}

// --- The run ---------------------------------------------------------------------------------

const loadStart = os.loadavg();
let cluster: Cluster | undefined;
let app: App | undefined;
const cleanup = async () => {
  await app?.stop().catch(() => undefined);
  cluster?.stop();
};
const watchdog = setTimeout(() => {
  console.error(`\nThe run overran its budget of ${BUDGET_MS / 1000} s: stopping.`);
  void cleanup().finally(() => process.exit(2));
}, BUDGET_MS);
process.once("SIGINT", () => {
  void cleanup().finally(() => process.exit(130));
});

let failed = false;
try {
  buildIfStale();
  const t0 = performance.now();
  cluster = startCluster(keepDir);
  const url = withDatabase(cluster.url, DB_NAME);
  {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
    // Evidence for the report: statements slower than --slow-ms and lock waits over 1 s.
    await admin.query(`ALTER DATABASE ${DB_NAME} SET log_min_duration_statement = ${SLOW_MS}`);
    await admin.query(`ALTER DATABASE ${DB_NAME} SET log_lock_waits = on`);
    await admin.end();
  }
  const database = await openPostgres(url, 2);
  await migrate(database);
  await seedReference(database.db);
  const created = await createCompetition(database.db, { slug: "kipp-tenggat", state: "announced", registrationClosesInDays: 1 });
  await database.close();
  log(`Cluster, schema and reference data: ${seconds(performance.now() - t0)} s`);

  // The load starts once the data is in and the app answers; the deadline is set then. Until
  // then the registration closes in a day (the data must be created while it is open).
  const t1 = performance.now();
  const provisionalClose = Date.now() + 86_400_000;
  const data = await createData(url, withClosing(created.config, provisionalClose), created.id, provisionalClose);
  log(
    `Data: ${data.people.toLocaleString("en")} people with sessions, ${data.proposals.toLocaleString("en")} proposals and innovations, ` +
      `${data.files.toLocaleString("en")} files: ${seconds(performance.now() - t1)} s`,
  );

  // --socket: the app reaches PostgreSQL through its Unix socket (scripts/pg-cluster.sh puts it in
  // /tmp), as an app on the database's own machine would; TCP over loopback otherwise.
  const appUrl = SOCKET ? `${url}?host=${encodeURIComponent("/tmp")}` : url;
  app = await startApp({ DATABASE_URL: appUrl, NODE_ENV: "production", LUMBUNG_DEMO: "0", LUMBUNG_WORKERS: String(WORKERS) });
  const base = app.base;
  log(`App started at ${base} (${WORKERS} server process${WORKERS === 1 ? "" : "es"})`);

  // Preflight: the protocol works as the browser's (a save, a stale save refused, the reload).
  {
    const { proposalId, person, section } = data.preflight;
    const page = `/kelola/proposal/${proposalId}`;
    for (let i = 0; i < 20; i++) await getAs(base, page, person); // warm-up
    const first = await postForm(base, `${page}/simpan-otomatis`, person, { code: section.code, body: "Uji awal penyimpanan.", version: "1" });
    const stale = await postForm(base, `${page}/simpan-otomatis`, person, { code: section.code, body: "Uji awal yang usang.", version: "1" });
    const reload = await getAs(base, `${page}.data`, person);
    if (first.status !== 200 || !first.body.includes("saved") || stale.status !== 409 || reload.status !== 200) {
      throw new Error(`preflight failed: save ${first.status} ${first.body.slice(0, 200)} · stale ${stale.status} · reload ${reload.status}\n${app.output().slice(-3000)}`);
    }
  }

  // The timeline. E is the end of the deadline's last second (stageEnd): submits at or after it
  // are refused; the registration's closesAt is the second before it.
  const T0 = Date.now() + 2000;
  const autosaveEnd = T0 + DURATION_S * 1000;
  const E = Math.ceil((SEQUENTIAL ? autosaveEnd + WINDOW_S * 1000 : autosaveEnd) / 1000) * 1000;
  const windowStart = E - WINDOW_S * 1000;
  const windowEnd = E - MARGIN_S * 1000;
  {
    const config = withClosing(created.config, E - 1000);
    if (stageEnd(registrationStage(config)!) !== E) throw new Error("the deadline was not written to the second");
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query("UPDATE competitions SET config = $1::jsonb WHERE id = $2", [JSON.stringify(config), created.id]);
    await c.end();
  }
  const deadlineText = new Date(E).toISOString();
  log(
    `Load: ${APPLICANTS} applicants saving every ~${INTERVAL_S} s for ${DURATION_S} s; ${SUBMITS} submits in ` +
      `[deadline − ${WINDOW_S} s, deadline − ${MARGIN_S} s]${SEQUENTIAL ? " after the autosave phase" : " (the last part of the autosave phase)"}; ` +
      `deadline ${deadlineText} (in ${seconds(E - Date.now())} s); ${CONNECTIONS} sockets; revalidation ${REVALIDATE ? "on" : "off"}; the app reaches PostgreSQL by ${SOCKET ? "Unix socket" : "TCP"}`,
  );

  const series = {
    saveCalm: new Series("autosave POST (before the submit window)"),
    saveRush: new Series("autosave POST (during the submit window)"),
    reload: new Series("revalidation GET .data"),
    endorse: new Series("endorse POST"),
    receipt: new Series("receipt page GET (after the redirect)"),
  };
  let conflicts = 0;
  let resyncs = 0;
  let inFlight = 0;
  const loadAtT0 = os.loadavg();
  let loadMax = loadAtT0[0];
  const appCpu0 = treeCpu(app.pid);
  const pgPid = postmasterPid(cluster.dir);
  const pgCpu0 = treeCpu(pgPid);
  const selfCpu0 = process.cpuUsage();
  const cpuFrom = Date.now();
  const pgLog = path.join(cluster.dir, "server.log");
  const logFrom = fs.existsSync(pgLog) ? fs.statSync(pgLog).size : 0;
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  // The same figures at the submit window's start, to split the calm phase from the rush.
  let atWindow: { at: number; app: number; pg: number } | undefined;
  const windowTimer = setTimeout(() => (atWindow = { at: Date.now(), app: treeCpu(app!.pid), pg: treeCpu(pgPid) }), Math.max(0, windowStart - Date.now()));

  // The database's view, once a second: busy connections and those waiting on a lock.
  const monitor = new pg.Client({ connectionString: url });
  await monitor.connect();
  let pgActiveMax = 0;
  let pgLockWaitMax = 0;
  let monitoring = true;
  const monitorLoop = (async () => {
    let lastPrint = Date.now();
    const stopAt = E + (TIMEOUT_S + 30) * 1000;
    for (let i = 0; monitoring && i < 7200 && Date.now() < stopAt; i++) {
      await sleep(1000);
      loadMax = Math.max(loadMax, os.loadavg()[0]);
      const r = await monitor
        .query(
          `SELECT count(*) FILTER (WHERE state = 'active')::int AS active, count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS waiting
           FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [DB_NAME],
        )
        .catch(() => null);
      if (r) {
        pgActiveMax = Math.max(pgActiveMax, r.rows[0].active);
        pgLockWaitMax = Math.max(pgLockWaitMax, r.rows[0].waiting);
      }
      if (Date.now() - lastPrint >= 15_000) {
        lastPrint = Date.now();
        const saves = [series.saveCalm, series.saveRush];
        const recent = saves.flatMap((s) => s.samples.slice(-2000));
        log(
          `  t=${seconds(Date.now() - T0)} s  saves ${saves.reduce((a, s) => a + s.requests, 0)} (errors ${saves.reduce((a, s) => a + s.errors + s.timeouts, 0)}, ` +
            `recent p95 ${ms(percentile(recent, 95))} ms)  submits ${series.endorse.requests}/${SUBMITS} (errors ${series.endorse.errors + series.endorse.timeouts})  ` +
            `in flight ${inFlight}  load ${os.loadavg()[0].toFixed(2)}`,
        );
      }
    }
  })();

  // An applicant: its own proposal and section, one save in flight, every ~INTERVAL s.
  type Outcome = { acked: number; lastAcked: string; uncertain: string[]; version: number; tries: number };
  const outcomes: Outcome[] = data.applicants.map((a) => ({ acked: 0, lastAcked: a.initial, uncertain: [], version: 1, tries: 0 }));
  const maxSaves = Math.ceil((DURATION_S / INTERVAL_S) * 2) + 2;
  const checker = new pg.Pool({ connectionString: url, max: 2 });
  async function applicant(a: Applicant) {
    const o = outcomes[a.i];
    const rng = createRng((SEED * 31 + a.i) >>> 0);
    const page = `/kelola/proposal/${a.proposalId}`;
    let at = T0 + rng.next() * INTERVAL_S * 1000;
    for (let k = 1; k <= maxSaves && at < autosaveEnd; k++) {
      await sleepUntil(at);
      const body = draftText(a.i, k, a.wordLimit);
      const sentAt = Date.now();
      const s = !SEQUENTIAL && sentAt >= windowStart && sentAt < E ? series.saveRush : series.saveCalm;
      o.tries++;
      inFlight++;
      const r = await postForm(base, `${page}/simpan-otomatis`, a.person, { code: a.section, body, version: String(o.version) });
      inFlight--;
      if (r.status === 200 && r.body.includes("saved") && r.body.includes(a.section)) {
        s.ok(r.ms);
        o.acked++;
        o.version++;
        o.lastAcked = body;
        o.uncertain = [];
        if (REVALIDATE) {
          inFlight++;
          const g = await getAs(base, `${page}.data`, a.person);
          inFlight--;
          if (g.status === 200) series.reload.ok(g.ms);
          else series.reload.fail(g, `proposal ${a.proposalId}`);
        }
      } else {
        if (r.status === 409) conflicts++;
        s.fail(r, `proposal ${a.proposalId}`);
        // The outcome is unknown (a timeout may still land): what the page would show after a
        // reload is read back, and the text sent may or may not be the one kept.
        o.uncertain.push(body);
        resyncs++;
        const row = await checker
          .query("SELECT version FROM proposal_sections WHERE proposal_id = $1 AND section_code = $2", [a.proposalId, a.section])
          .catch(() => null);
        if (row?.rows[0]) o.version = Number(row.rows[0].version);
      }
      at += INTERVAL_S * 1000 * (0.8 + 0.4 * rng.next());
      if (Date.now() > at) at = Date.now(); // a slow reply delays the next save, as in the browser
    }
  }

  // A head of agency submitting (endorsing) one proposal at its moment in the window.
  const rngSubmits = createRng(SEED ^ 0x5eed);
  const submitAt = data.submits.map(() => windowStart + rngSubmits.next() * (windowEnd - windowStart));
  const accepted = new Map<number, number>(); // proposal → reply time (epoch ms)
  const refused: string[] = [];
  async function submit(s: Submit, at: number) {
    await sleepUntil(at);
    inFlight++;
    const r = await postForm(base, `/kelola/proposal/${s.proposalId}`, s.head, { _intent: "endorse" });
    inFlight--;
    if (r.status === 302 && r.location?.includes("pesan=endorse")) {
      series.endorse.ok(r.ms);
      accepted.set(s.proposalId, Date.now());
      if (NO_RECEIPT) return;
      inFlight++;
      const g = await getAs(base, r.location, s.head);
      inFlight--;
      if (g.status === 200) series.receipt.ok(g.ms);
      else series.receipt.fail(g, `proposal ${s.proposalId}`);
    } else {
      series.endorse.fail(r, `proposal ${s.proposalId}`);
      if (r.status === 422) refused.push(r.body.includes(CLOSED_TEXT) ? "closed" : "other problem");
    }
  }

  // One submit just after the deadline: it must be refused, as closed.
  let probe: Reply | undefined;
  async function lateProbe() {
    await sleepUntil(E + 500);
    probe = await postForm(base, `/kelola/proposal/${data.probe.proposalId}`, data.probe.head, { _intent: "endorse" });
  }

  const everything = Promise.all([...data.applicants.map(applicant), ...data.submits.map((s, x) => submit(s, submitAt[x])), lateProbe()]);
  const bound = E + (2 * TIMEOUT_S + 30) * 1000 - Date.now();
  const finished = await Promise.race([everything.then(() => true), sleep(bound).then(() => false)]);
  const loadEndedAt = Date.now();
  monitoring = false;
  await monitorLoop;
  await monitor.end();
  loopDelay.disable();
  const wall = (loadEndedAt - cpuFrom) / 1000;
  clearTimeout(windowTimer);
  const appCpuEnd = treeCpu(app.pid);
  const pgCpuEnd = treeCpu(pgPid);
  const appCores = (appCpuEnd - appCpu0) / wall;
  const pgCores = (pgCpuEnd - pgCpu0) / wall;
  const phases = atWindow
    ? (() => {
        const calm = (atWindow.at - cpuFrom) / 1000;
        const rush = (loadEndedAt - atWindow.at) / 1000;
        const f = (x: number, t: number) => (t > 0 ? (x / t).toFixed(2) : "–");
        return `${f(atWindow.app - appCpu0, calm)} / ${f(atWindow.pg - pgCpu0, calm)} · ${f(appCpuEnd - atWindow.app, rush)} / ${f(pgCpuEnd - atWindow.pg, rush)}`;
      })()
    : "–";
  const self = process.cpuUsage(selfCpu0);
  const selfCores = (self.user + self.system) / 1e6 / wall;
  const loadEnd = os.loadavg();
  if (!finished) log("Some requests were still unanswered when the run's bound passed.");

  // --- Checks in the database ---
  const db = checker;
  const sec = await db.query("SELECT proposal_id, section_code, body, version FROM proposal_sections WHERE proposal_id = ANY($1)", [data.applicants.map((a) => a.proposalId)]);
  const stored = new Map(sec.rows.map((r) => [`${r.proposal_id}/${r.section_code}`, { body: String(r.body), version: Number(r.version) }]));
  let lostSaves = 0;
  let versionMismatch = 0;
  let ambiguous = 0;
  let ackedSaves = 0;
  let tries = 0;
  const lostExamples: string[] = [];
  for (const a of data.applicants) {
    const o = outcomes[a.i];
    ackedSaves += o.acked;
    tries += o.tries;
    const s = stored.get(`${a.proposalId}/${a.section}`);
    const okBody = s && (s.body === o.lastAcked || o.uncertain.includes(s.body));
    if (!okBody) {
      lostSaves++;
      if (lostExamples.length < 3) lostExamples.push(`proposal ${a.proposalId}: stored "${s?.body.slice(0, 60)}…" ≠ last acknowledged "${o.lastAcked.slice(0, 60)}…"`);
    }
    if (o.uncertain.length) ambiguous++;
    else if (!s || s.version !== 1 + o.acked) versionMismatch++;
  }
  const editedSection = new Map(data.applicants.map((a) => [a.proposalId, a.section]));
  const strayWrites = sec.rows.filter((r) => editedSection.get(Number(r.proposal_id)) !== r.section_code && Number(r.version) !== 1).length;

  const sub = await db.query("SELECT id, state, receipt_number, submitted_at FROM proposals WHERE id = ANY($1)", [data.submits.map((s) => s.proposalId)]);
  let submittedInDb = 0;
  let lateAccepted = 0;
  let acceptedNotSubmitted = 0;
  let submittedWithoutReply = 0;
  let latestBeforeDeadline = -Infinity;
  for (const r of sub.rows) {
    const isSubmitted = r.state === "submitted";
    if (isSubmitted) {
      submittedInDb++;
      const at = (r.submitted_at as Date).getTime();
      if (at >= E) lateAccepted++;
      latestBeforeDeadline = Math.max(latestBeforeDeadline, at);
      if (!accepted.has(Number(r.id))) submittedWithoutReply++;
    } else if (accepted.has(Number(r.id))) acceptedNotSubmitted++;
  }
  const rc = await db.query(
    `SELECT count(receipt_number)::int AS n, count(DISTINCT receipt_number)::int AS distinct_n,
            coalesce(max(substring(receipt_number from '(\\d+)$')::int), 0) AS top
     FROM proposals WHERE competition_id = $1`,
    [created.id],
  );
  const receipts = rc.rows[0] as { n: number; distinct_n: number; top: number };
  const duplicates = receipts.n - receipts.distinct_n;
  const gaps = receipts.top - receipts.distinct_n;
  const probeRow = await db.query("SELECT state FROM proposals WHERE id = $1", [data.probe.proposalId]);
  const probeRefused = probe?.status === 422 && probe.body.includes(CLOSED_TEXT) && probeRow.rows[0]?.state === "awaiting_endorsement";
  const mails = await db.query("SELECT count(*)::int AS n FROM outbox WHERE kind = 'proposal-receipt'");
  await checker.end();

  await app.stop();
  const appOutput = app.output();
  app = undefined;
  const pgSummary = summariseLog(readLog(pgLog, logFrom));

  // --- The report ---
  const saveSeconds = SEQUENTIAL ? DURATION_S : DURATION_S - WINDOW_S;
  const rushSeconds = SEQUENTIAL ? 0 : WINDOW_S;
  const submitSeconds = WINDOW_S - MARGIN_S;
  const allSaves = [...series.saveCalm.samples, ...series.saveRush.samples];
  console.log(
    `\nThe deadline: ${APPLICANTS.toLocaleString("en")} applicants autosaving every ~${INTERVAL_S} s for ${DURATION_S} s, ` +
      `${SUBMITS.toLocaleString("en")} submits over ${submitSeconds} s ending ${MARGIN_S} s before the deadline` +
      `${SEQUENTIAL ? ", after the autosaves" : ", during the autosaves' last " + WINDOW_S + " s"} (PostgreSQL, ${CONNECTIONS} sockets; times in ms)\n`,
  );
  console.log(
    table(
      ["requests", "count", "errors", "timeouts", "p50", "p95", "p99", "max", "req/s"],
      [
        series.saveCalm.row(saveSeconds),
        ...(SEQUENTIAL ? [] : [series.saveRush.row(rushSeconds)]),
        ...(REVALIDATE ? [series.reload.row(DURATION_S)] : []),
        series.endorse.row(submitSeconds),
        series.receipt.row(submitSeconds),
      ],
    ),
  );
  const check = (ok: boolean) => (ok ? "ok" : "FAILED");
  const rows: string[][] = [
    ["autosaves sent / acknowledged", `${tries.toLocaleString("en")} / ${ackedSaves.toLocaleString("en")}`, "all", check(tries === ackedSaves)],
    [
      "autosaves per second achieved / offered",
      `${(tries / DURATION_S).toFixed(0)} / ${(APPLICANTS / INTERVAL_S).toFixed(0)}`,
      "",
      // Each applicant waits for its reply (and the reload) before the next save, as the page does.
      tries / DURATION_S >= 0.9 * (APPLICANTS / INTERVAL_S) ? "" : "fell behind",
    ],
    ["autosave p50 / p95 / p99 (all)", `${ms(percentile(allSaves, 50))} / ${ms(percentile(allSaves, 95))} / ${ms(percentile(allSaves, 99))}`, "", ""],
    ["conflicts (409) on own section", String(conflicts), "0", check(conflicts === 0)],
    ["lost saves (stored ≠ last acknowledged)", String(lostSaves), "0", check(lostSaves === 0)],
    ["version ≠ 1 + saves acknowledged", String(versionMismatch), "0", check(versionMismatch === 0)],
    ["applicants with an unanswered save", String(ambiguous), "0", check(ambiguous === 0)],
    ["writes to sections nobody edited", String(strayWrites), "0", check(strayWrites === 0)],
    ["submits accepted (302)", `${accepted.size} / ${SUBMITS}`, String(SUBMITS), check(accepted.size === SUBMITS)],
    ["submits refused (422)", refused.length ? `${refused.length} (${[...new Set(refused)].join(", ")})` : "0", "0", check(refused.length === 0)],
    ["submitted in the database", String(submittedInDb), String(SUBMITS), check(submittedInDb === SUBMITS)],
    ["accepted but not submitted", String(acceptedNotSubmitted), "0", check(acceptedNotSubmitted === 0)],
    ["submitted without a 302 reply", String(submittedWithoutReply), "0", check(submittedWithoutReply === 0)],
    ["duplicate receipt numbers", String(duplicates), "0", check(duplicates === 0)],
    ["gaps in receipt numbers", String(gaps), "0", check(gaps === 0)],
    ["submitted at or after the deadline", String(lateAccepted), "0", check(lateAccepted === 0)],
    ["last submission before the deadline", Number.isFinite(latestBeforeDeadline) ? `${seconds(E - latestBeforeDeadline)} s` : "–", `≥ 0`, ""],
    ["submit 0.5 s after the deadline", probe ? `HTTP ${probe.status}${probe.body.includes(CLOSED_TEXT) ? " (closed)" : ""}` : "not sent", "422 (closed)", check(probeRefused)],
    ["receipt emails queued", String(mails.rows[0].n), "", ""],
  ];
  console.log(`\n${table(["check", "measured", "expected", ""], rows)}`);
  failed = rows.some((r) => r[3] === "FAILED") || series.reload.errors + series.reload.timeouts + series.receipt.errors + series.receipt.timeouts > 0;

  console.log(
    `\n${table(
      ["machine", "value"],
      [
        ["cores", String(os.cpus().length)],
        ["load average (1 min) before setup / at start / max / at end", `${loadStart[0].toFixed(2)} / ${loadAtT0[0].toFixed(2)} / ${loadMax.toFixed(2)} / ${loadEnd[0].toFixed(2)}`],
        ["CPU cores used during the load: app / PostgreSQL / load generator", `${appCores.toFixed(2)} / ${pgCores.toFixed(2)} / ${selfCores.toFixed(2)}`],
        ["app / PostgreSQL cores before the submit window · from it to the end", phases],
        ["load generator event-loop delay p99 / max (ms)", `${ms(loopDelay.percentile(99) / 1e6)} / ${ms(loopDelay.max / 1e6)}`],
        ["PostgreSQL busy connections max / waiting on a lock max", `${pgActiveMax} / ${pgLockWaitMax}`],
        [`PostgreSQL statements ≥ ${SLOW_MS} ms / lock waits ≥ 1 s`, `${[...pgSummary.slow.values()].reduce((a, s) => a + s.n, 0)} / ${pgSummary.lockWaits}`],
      ],
    )}`,
  );

  const examples = Object.values(series).flatMap((s) => s.examples.map((e) => `  ${s.name}: ${e}`));
  if (examples.length) console.log(`\nFailed requests (first of each kind):\n${examples.slice(0, 12).join("\n")}`);
  for (const s of Object.values(series)) {
    if (s.byOutcome.size) console.log(`  ${s.name}: ${[...s.byOutcome].map(([k, n]) => `${k} × ${n}`).join(", ")}`);
  }
  if (lostExamples.length) console.log(`\nLost saves:\n  ${lostExamples.join("\n  ")}`);
  if (pgSummary.slow.size) {
    const top = [...pgSummary.slow].sort((a, b) => b[1].total - a[1].total).slice(0, 6);
    console.log(`\nSlowest statements in PostgreSQL's log (≥ ${SLOW_MS} ms; by total time):`);
    for (const [q, s] of top) console.log(`  ${s.n} × max ${ms(s.max)} ms  ${q}`);
  }
  if (pgSummary.lockWaits) console.log(`Lock waits ≥ 1 s: ${[...pgSummary.lockKinds].map(([k, n]) => `${k} × ${n}`).join(", ")}`);
  if (pgSummary.errors.size) console.log(`PostgreSQL errors: ${[...pgSummary.errors].slice(0, 6).map(([k, n]) => `${k} × ${n}`).join("; ")}`);
  const appErrors = appOutput.split("\n").filter((l) => /error|exception|unhandled|ECONN|timeout/i.test(l));
  if (appErrors.length) console.log(`\nThe app's log (${appErrors.length} error lines; first 15):\n  ${appErrors.slice(0, 15).join("\n  ")}`);
  if (profileDir) console.log(`\nThe app's CPU profile is in ${path.resolve(profileDir)}`);
  console.log(failed ? "\nRESULT: FAILED (see the checks above)" : "\nRESULT: all checks passed");
} catch (e) {
  failed = true;
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
process.exit(failed ? 1 : 0);
