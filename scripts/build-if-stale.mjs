// Build the app when build/ is missing or older than the sources. Shared by `npm start` and
// the test setup so neither serves a stale build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildDirName } from "./build-dir.mjs";

const root = path.resolve(import.meta.dirname, "..");
export const buildDir = path.resolve(root, buildDirName());
export const buildEntry = path.join(buildDir, "server/index.js");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

export function buildIfStale({ quiet = false } = {}) {
  const inputs = ["app", "server", "public", "drizzle"].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
  const configFiles = ["package.json", "vite.config.ts", "react-router.config.ts"].map((f) => path.join(root, f));
  const newest = Math.max(...inputs.map(newestMtime), ...configFiles.map((f) => fs.statSync(f).mtimeMs));
  if (fs.existsSync(buildEntry) && fs.statSync(buildEntry).mtimeMs >= newest) return false;
  if (!quiet) console.log("Building Lumbung (first start, or the sources changed)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/@react-router/dev/bin.js"), "build"], {
    cwd: root,
    stdio: ["ignore", quiet ? "ignore" : "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) throw new Error("The build failed");
  return true;
}
