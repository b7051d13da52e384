// `npm start`: build if needed, then serve on the embedded database (or DATABASE_URL),
// migrating and loading demo data first.
import path from "node:path";
import { buildIfStale } from "./build-if-stale.mjs";

const root = path.resolve(import.meta.dirname, "..");
try {
  buildIfStale();
} catch (e) {
  console.error(String(e));
  process.exit(1);
}
const { runServer } = await import(path.join(root, "server/run.mjs"));
try {
  await runServer({ root });
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
