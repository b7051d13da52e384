// Runs once per `npm test`: builds the app (route tests drive the real build) and the template
// database from the migrations plus reference data, which every test file then copies.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { buildIfStale } from "../scripts/build-if-stale.mjs";

export default async function setup() {
  buildIfStale({ quiet: true });
  const root = path.resolve(import.meta.dirname, "..");
  const r = spawnSync(process.execPath, ["--import", "tsx", "tests/make-template.ts"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (r.status !== 0) throw new Error("Could not build the template test database");
}
