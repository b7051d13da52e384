// The lumbung command line: `npm run lumbung -- <command> [options]`.
//   create-admin --email E --name N [--password P]   the first national admin (secretariat)
//   seed                                             load demo data (refused in production)
//   migrate                                          apply database migrations
//   send-test-mail --to EMAIL                        send one mail through SMTP_URL, print the answer
// It reads the same settings as the server (DATABASE_URL or LUMBUNG_DATA_DIR).
import { parseArgs } from "node:util";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { parseEnv } from "../app/lib/env.server";
import { migrate, openDatabase } from "../app/db/client.server";
import { createUser } from "../app/modules/accounts/create-user.server";
import { seedDemo, seedReference } from "../app/modules/demo/seed.server";
import { outbox } from "../app/db/schema";
import { bilingual, bilingualSubject, queueMail } from "../app/modules/mail/queue-mail.server";
import { deliverOutbox } from "../app/modules/mail/deliver.server";
import { desc, eq } from "drizzle-orm";

const USAGE = `Usage: npm run lumbung -- <command>
  create-admin --email EMAIL --name NAME [--password PASSWORD]
  seed
  migrate
  send-test-mail --to EMAIL`;

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
        const r = await seedDemo(database.db, { publicUrl: env.publicUrl });
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
      case "send-test-mail": {
        // To check the mail settings on a new server: the mail goes the whole way (the outbox,
        // then the mail server), and the server's answer is printed.
        const { values } = parseArgs({ args: rest, options: { to: { type: "string" } } });
        const to = z.email().safeParse(values.to);
        if (!to.success) {
          console.error("--to: an email address is needed");
          console.error(USAGE);
          return 2;
        }
        if (!env.mail) {
          console.error("SMTP_URL is not set: without a mail server, mail stays in the outbox.");
          return 1;
        }
        await queueMail(database.db, { to: to.data, subject: bilingualSubject("mail.test.subject"), body: bilingual("mail.test.body", { site: env.publicUrl }), kind: "test" });
        const report = await deliverOutbox(database.db, env.mail, { maxSeconds: 60 });
        const [mail] = await database.db.select().from(outbox).where(eq(outbox.toAddress, to.data)).orderBy(desc(outbox.id)).limit(1);
        const server = new URL(env.mail.smtpUrl).host;
        if (mail?.status === "sent") {
          const others = report.sent - 1;
          console.log(`Sent to ${to.data} through ${server} (${mail.messageId}).${others > 0 ? ` ${others} other waiting mail went too.` : ""}`);
          return 0;
        }
        console.error(`Not sent to ${to.data} through ${server}: ${mail?.lastError ?? "no answer"} (it is ${mail?.status ?? "missing"} in the outbox).`);
        return 1;
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
