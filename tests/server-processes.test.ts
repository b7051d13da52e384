// `npm start` with LUMBUNG_WORKERS: several server processes on one port (node:cluster), as
// a deployment runs it for the deadline rush. On PostgreSQL the workers serve, a worker that
// dies is replaced, and a stop ends them all; on the embedded database, which one process
// owns, the setting is refused with the reason.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestPostgres } from "./db";

const root = path.resolve(import.meta.dirname, "..");
const started: ChildProcess[] = [];
afterAll(() => {
  for (const c of started) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `npm start` with these settings; its output kept, and a wait for a line or for the exit. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, "scripts/start.mjs")], {
    cwd: root,
    env: { ...process.env, HOST: "127.0.0.1", LUMBUNG_DEMO: "0", NODE_ENV: "development", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.push(child);
  let output = "";
  child.stdout!.on("data", (d: Buffer) => (output += d.toString("utf8")));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const waitFor = async (pattern: RegExp, ms = 60_000) => {
    const until = Date.now() + ms;
    while (!pattern.test(output)) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
      if (Date.now() > until) throw new Error(`no ${pattern} within ${ms} ms:\n${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, waitFor, output: () => output };
}

/** The processes whose parent is `pid` (Linux /proc). */
function childrenOf(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        const stat = fs.readFileSync(`/proc/${n}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

const databaseUrl = process.env.DATABASE_URL;

describe("several server processes", () => {
  it(
    databaseUrl ? "serve one port on PostgreSQL, replace a worker that dies, and all stop together" : "are refused on the embedded database, with the reason",
    async () => {
      if (!databaseUrl) {
        const server = start({ LUMBUNG_WORKERS: "2", PORT: String(await freePort()) });
        expect(await server.exited).toBe(1);
        expect(server.output()).toContain("LUMBUNG_WORKERS above 1 needs DATABASE_URL");
        return;
      }
      const db = await createTestPostgres(databaseUrl);
      try {
        const port = await freePort();
        const server = start({ DATABASE_URL: db.url, LUMBUNG_WORKERS: "2", PORT: String(port) });
        await server.waitFor(/Lumbung is running at http:\/\/127\.0\.0\.1:\d+ on PostgreSQL \(DATABASE_URL\), 2 server processes/);
        const workers = childrenOf(server.child.pid!);
        expect(workers).toHaveLength(2);

        const pages = await Promise.all(Array.from({ length: 12 }, () => fetch(`http://127.0.0.1:${port}/masuk`)));
        expect(pages.map((r) => r.status)).toEqual(Array(12).fill(200));

        // A worker killed outright is replaced; the port keeps answering meanwhile.
        process.kill(workers[0], "SIGKILL");
        await server.waitFor(/A server process exited \(SIGKILL\); starting another\./);
        expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
        const until = Date.now() + 30_000;
        while (childrenOf(server.child.pid!).filter((p) => p !== workers[0]).length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
        const replaced = childrenOf(server.child.pid!);
        expect(replaced).toHaveLength(2);
        expect(replaced).not.toContain(workers[0]);

        server.child.kill("SIGTERM");
        expect(await server.exited).toBe(0);
        expect(replaced.filter((p) => fs.existsSync(`/proc/${p}`))).toEqual([]);
      } finally {
        await db.drop();
      }
    },
    120_000,
  );
});
