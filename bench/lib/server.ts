import { spawn, type ChildProcess } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";

// The app under test runs as `npm start` does (scripts/start.mjs), in its own process, so the
// load generator never shares an event loop with it.
export const root = path.resolve(import.meta.dirname, "../..");

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export type RunningApp = { base: string; readyMs: number; firstPageMs: number; stop: () => Promise<void> };

/** Start `node scripts/start.mjs` with the given settings; resolve once it serves its first 200. */
export async function startApp(env: Record<string, string>, timeoutMs = 300_000): Promise<RunningApp> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), PUBLIC_URL: base, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  let readyMs = NaN;
  child.stdout!.on("data", (d) => {
    output += d;
    const m = /ready in (\d+) ms/.exec(output);
    if (m) readyMs = Number(m[1]);
  });
  child.stderr!.on("data", (d) => (output += d));
  const stop = () => stopChild(child);
  try {
    await waitFor200(`${base}/`, child, timeoutMs, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { base, readyMs, firstPageMs: Math.round(performance.now() - started), stop };
}

async function waitFor200(url: string, child: ChildProcess, timeoutMs: number, output: () => string) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited (${child.exitCode}):\n${output()}`);
    const status = await get(url).then((r) => r.status, () => 0);
    if (status === 200) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the app did not serve ${url} within ${timeoutMs / 1000} s:\n${output()}`);
}

async function stopChild(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One GET over a kept-alive connection, timed until the last byte of the body. */
export function get(url: string): Promise<{ status: number; ms: number; body: string }> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const req = http.get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - t, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on("error", reject);
  });
}
