// `npm start`: build the app if the build is missing or older than the sources, then serve it
// on the embedded database (or DATABASE_URL), migrating and loading demo data first.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const buildEntry = path.join(root, "build/server/index.js");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = ["app", "server", "public"].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
const stale =
  !fs.existsSync(buildEntry) ||
  Math.max(...sources.map(newestMtime), fs.statSync(path.join(root, "package.json")).mtimeMs) >
    fs.statSync(buildEntry).mtimeMs;

if (stale) {
  console.log("Building Lumbung (first start, or the sources changed)…");
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/@react-router/dev/bin.js"), "build"], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const { runServer } = await import(path.join(root, "server/run.mjs"));
await runServer({ root });
