// Builds the template test database: migrations plus reference data. Run by global-setup in a
// child process (PGlite's extensions do not load inside Vitest's global-setup module runner).
import fs from "node:fs";
import path from "node:path";
import { migrate, openPglite, openPostgres } from "../app/db/client.server";
import { seedReference } from "../app/modules/agencies/seed-reference.server";
import { TEMPLATE_DB, templateDumpPath, withDatabase } from "./db";

const url = process.env.DATABASE_URL;
if (url) {
  const admin = await openPostgres(url, 1);
  await admin.exec(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.exec(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.close();
  const tpl = await openPostgres(withDatabase(url, TEMPLATE_DB), 1);
  await migrate(tpl);
  await seedReference(tpl.db);
  await tpl.close();
} else {
  const db = await openPglite(undefined);
  await migrate(db);
  await seedReference(db.db);
  const client = (db.db as unknown as { $client: { dumpDataDir: (c: "none") => Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir("none");
  fs.mkdirSync(path.dirname(templateDumpPath), { recursive: true });
  fs.writeFileSync(templateDumpPath, Buffer.from(await dump.arrayBuffer()));
  await db.close();
}
