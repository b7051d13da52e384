import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// A throwaway PostgreSQL cluster through scripts/pg-cluster.sh (initdb on a free port, fsync off).
const script = path.resolve(import.meta.dirname, "../../scripts/pg-cluster.sh");

export type Cluster = { url: string; dir: string; stop: () => void };

/** Start a cluster in `dir` (a new temporary directory if none), reusing its data if present. */
export function startCluster(dir?: string): Cluster {
  const owned = !dir;
  const where = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "lumbung-bench-pg-"));
  const r = spawnSync("bash", [script, "start", where], { encoding: "utf8" });
  const url = /DATABASE_URL=(\S+)/.exec(r.stdout ?? "")?.[1];
  if (r.status !== 0 || !url) throw new Error(`could not start PostgreSQL: ${r.stderr || r.stdout}`);
  let stopped = false;
  return {
    url,
    dir: where,
    stop() {
      if (stopped) return;
      stopped = true;
      spawnSync("bash", [script, "stop", where], { stdio: "ignore" });
      if (owned) fs.rmSync(where, { recursive: true, force: true });
    },
  };
}

/** The same server, another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
