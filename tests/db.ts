// Test databases: a copy of the template built once in global-setup. PGlite loads the saved
// data directory; PostgreSQL clones the template database. Never a mocked database.
import fs from "node:fs";
import path from "node:path";
import { openPgliteFromDump, openPostgres, type Database } from "../app/db/client.server";
import { buildDirName } from "../scripts/build-dir.mjs";

export const TEMPLATE_DB = `lumbung_test_template_${buildDirName().replace(/[^a-z0-9_]/gi, "_")}`;
export const templateDumpPath = path.resolve(
  import.meta.dirname,
  "../.cache",
  `${buildDirName()}-test-template.tar`,
);

export function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let counter = 0;

/** A new PostgreSQL database cloned from the template, for a test that needs its address. */
export async function createTestPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lumbung_test_${process.pid}_${Date.now() % 100000}_${counter++}`;
  const admin = await openPostgres(url, 1);
  await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.close();
  return {
    url: withDatabase(url, name),
    drop: async () => {
      const a = await openPostgres(url, 1);
      await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.close();
    },
  };
}

export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const buf = fs.readFileSync(templateDumpPath);
    return openPgliteFromDump(new Blob([buf]));
  }
  const created = await createTestPostgres(url);
  const db = await openPostgres(created.url, 4);
  return {
    ...db,
    close: async () => {
      await db.close();
      await created.drop();
    },
  };
}
