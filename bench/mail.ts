// Mail delivery: `npm run bench:mail [-- --mails 3000] [--pg]`.
//
// The heaviest mail Lumbung sends is one notice to every agency at once (a check-in reminder,
// an edition's call: about 3,000 addresses). This queues that many mails in one statement, as
// the use cases do, and times the delivery job handing them to a real SMTP server on this
// machine (smtp-server, accepting everything). Printed: mails per second through the whole
// path (claim, SMTP, record), beside the same number of messages sent straight through
// nodemailer with no database at all (the floor), and the outbox's claim alone.
//
// Database: an in-memory PGlite by default; --pg runs a throwaway PostgreSQL cluster
// (scripts/pg-cluster.sh). Only 127.0.0.1 is contacted.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { migrate, openPglite, openPostgres, type Database } from "../app/db/client.server";
import { deliverOutbox, mailTransport } from "../app/modules/mail/deliver.server";
import { queueMail } from "../app/modules/mail/queue-mail.server";
import { argValue, hasFlag } from "./lib/args";
import { startCluster } from "./lib/cluster";

const MAILS = Math.max(10, Number(argValue("mails", "3000")));
const BODY = `Yth. Admin Lokal,\n\n${"Mohon pastikan setiap inovasi yang sudah terbit masih berjalan. ".repeat(12)}\nhttps://lumbung.example.go.id/kelola/pemutakhiran\n`;

async function sink() {
  let received = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, _session, done) {
      stream.on("data", () => {});
      stream.on("end", () => {
        received++;
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, received: () => received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function main() {
  const cluster = hasFlag("pg") ? startCluster() : null;
  const database: Database = cluster ? await openPostgres(cluster.url, 4) : await openPglite(undefined);
  const smtp = await sink();
  const settings = { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: "Lumbung <no-reply@lumbung.example.go.id>" };
  try {
    await migrate(database);
    console.log(`${MAILS.toLocaleString("en")} mails, ${BODY.length} characters each, on ${cluster ? "PostgreSQL" : "PGlite"}`);

    // The floor: the same messages through nodemailer's pool, no database.
    const transport = mailTransport(settings);
    let t = performance.now();
    for (let i = 0; i < MAILS; i++) {
      await transport.sendMail({ from: settings.from, to: `admin${i}@instansi.example.go.id`, subject: "Pengingat pemutakhiran / Check-in reminder", text: BODY });
    }
    const floorSeconds = (performance.now() - t) / 1000;
    transport.close();

    t = performance.now();
    await queueMail(
      database.db,
      Array.from({ length: MAILS }, (_, i) => ({ to: `admin${i}@instansi.example.go.id`, subject: "Pengingat pemutakhiran / Check-in reminder", body: BODY, kind: "bench" })),
    );
    const queueMs = performance.now() - t;

    const before = smtp.received();
    t = performance.now();
    const report = await deliverOutbox(database.db, settings, { maxSeconds: 3600 });
    const deliverSeconds = (performance.now() - t) / 1000;
    if (report.sent !== MAILS || smtp.received() - before !== MAILS) throw new Error(`sent ${report.sent}, received ${smtp.received() - before}, expected ${MAILS}`);

    const rate = (n: number, s: number) => `${Math.round(n / s).toLocaleString("en")} mails/s`;
    console.log(`queue (one statement):        ${queueMs.toFixed(0)} ms`);
    console.log(`delivery job (outbox → SMTP): ${deliverSeconds.toFixed(1)} s, ${rate(MAILS, deliverSeconds)}`);
    console.log(`floor (nodemailer alone):     ${floorSeconds.toFixed(1)} s, ${rate(MAILS, floorSeconds)}`);
    console.log(`job / floor:                  ${(deliverSeconds / floorSeconds).toFixed(2)}×`);
  } finally {
    await smtp.close();
    await database.close();
    cluster?.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
