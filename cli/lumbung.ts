// The lumbung command line: `npm run lumbung -- <command> [options]`.
//   create-admin --email E --name N [--password P]   the first national admin (secretariat)
//   seed                                             load demo data (refused in production)
//   migrate                                          apply database migrations
// It reads the same settings as the server (DATABASE_URL or LUMBUNG_DATA_DIR).
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { parseEnv } from "../app/lib/env.server";
import { migrate, openDatabase } from "../app/db/client.server";
import { createUser } from "../app/modules/accounts/create-user.server";
import { seedDemo, seedReference } from "../app/modules/demo/seed.server";

const USAGE = `Usage: npm run lumbung -- <command>
  create-admin --email EMAIL --name NAME [--password PASSWORD]
  seed
  migrate`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === "help" || command === "--help") {
    console.log(USAGE);
    return 0;
  }
  const env = parseEnv();
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  try {
    await migrate(database);
    switch (command) {
      case "migrate":
        console.log("Migrations applied.");
        return 0;
      case "seed": {
        if (env.nodeEnv === "production") {
          console.error("Refusing to load demo data with NODE_ENV=production.");
          return 1;
        }
        const r = await seedDemo(database.db);
        console.log(r.seeded ? `Demo data loaded (${r.innovations} innovations).` : "Demo data was already loaded.");
        return 0;
      }
      case "create-admin": {
        const { values } = parseArgs({ args: rest, options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
        const input = z
          .object({ email: z.email(), name: z.string().min(2).max(120), password: z.string().min(10).max(200).optional() })
          .safeParse(values);
        if (!input.success) {
          for (const i of input.error.issues) console.error(`--${i.path.join(".")}: ${i.message}`);
          console.error(USAGE);
          return 2;
        }
        await seedReference(database.db);
        const password = input.data.password ?? randomBytes(12).toString("base64url");
        const user = await createUser(database.db, { email: input.data.email, name: input.data.name, role: "national_admin", password });
        console.log(`National admin created: ${user.email}`);
        if (!input.data.password) console.log(`Password: ${password}  (change it after the first login)`);
        return 0;
      }
      default:
        console.error(`Unknown command: ${command}\n${USAGE}`);
        return 2;
    }
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
