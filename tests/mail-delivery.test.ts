// Mail delivery through a real SMTP server (smtp-server, started here on a free port): what the
// server receives, what the outbox records, and how refusals, a server that is down, a wrong
// password, old mail and a process that died mid-send are handled.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { eq, inArray, sql } from "drizzle-orm";
import { createTestPostgres, openTestDatabase } from "./db";
import { pageText, testClient } from "./app";
import type { Database } from "../app/db/client.server";
import { createAgency, createTestUser } from "../app/db/factories.server";
import { outbox } from "../app/db/schema";
import { deliverOutbox, OUTBOX_CHANNEL } from "../app/modules/mail/deliver.server";
import { MAX_ATTEMPTS, RETRY_DELAYS_MINUTES } from "../app/modules/mail/delivery";
import { queueMail } from "../app/modules/mail/queue-mail.server";
import type { MailSettings } from "../app/lib/env.server";

const FROM = "Sekretariat KIPP <no-reply@kipp.uji.go.id>";

type Received = { from: string; to: string[]; raw: Buffer; parsed: ParsedMail };
type Server = { port: number; received: Received[]; close: () => Promise<void>; settings: (auth?: string) => MailSettings };

/**
 * A real SMTP server on 127.0.0.1. `refuse` may turn a recipient away (returning the server's
 * code and words), as a mail server does for an unknown mailbox or a full one.
 */
async function smtpServer(opts: { refuse?: (to: string) => { code: number; text: string } | null; password?: string } = {}): Promise<Server> {
  const received: Received[] = [];
  const config: SMTPServerOptions = {
    // Plain SMTP on the loopback: no certificate to trust in a test.
    disabledCommands: opts.password ? ["STARTTLS"] : ["STARTTLS", "AUTH"],
    allowInsecureAuth: true,
    authOptional: !opts.password,
    logger: false,
    onAuth(auth, _session, done) {
      if (auth.username === "lumbung" && auth.password === opts.password) done(null, { user: "lumbung" });
      else done(Object.assign(new Error("Authentication credentials invalid"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, done) {
      const no = opts.refuse?.(address.address);
      if (no) done(Object.assign(new Error(no.text), { responseCode: no.code }));
      else done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks);
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          parsed: await simpleParser(raw),
        });
        done();
      });
    },
  };
  const server = new SMTPServer(config);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    settings: (auth) => ({ smtpUrl: `smtp://${auth ? `${auth}@` : ""}127.0.0.1:${port}`, from: FROM }),
  };
}

/** A port nothing listens on: a mail server that is down. */
async function closedPort(): Promise<number> {
  const s = await smtpServer();
  await s.close();
  return s.port;
}

let database: Database;
let server: Server;
beforeAll(async () => {
  database = await openTestDatabase();
  server = await smtpServer({ refuse: (to) => (to.startsWith("tidak-ada") ? { code: 550, text: "5.1.1 Mailbox tidak dikenal" } : to.startsWith("penuh") ? { code: 452, text: "4.2.2 Kotak surat penuh" } : null) });
});
afterAll(async () => {
  await server?.close();
  await database?.close();
});
// Each test starts from an empty outbox and an empty mail server.
afterEach(async () => {
  await database.db.delete(outbox);
  server.received.length = 0;
});

const mail = (to: string, subject = "Undangan uji") => ({ to, subject, body: `Halo ${to},\n\nIni surat uji — dengan tanda baca “Indonesia”.\nhttps://lumbung.uji/undangan/abc`, kind: "test" });
const rows = () => database.db.select().from(outbox).orderBy(outbox.id);

describe("delivering the outbox", () => {
  it("hands each waiting mail to the mail server once, with its sender, subject, text and machine-mail header, and records it as sent", async () => {
    await queueMail(database.db, [mail("ani@dinas.uji.go.id", "Undangan ke Lumbung / Invitation to Lumbung"), mail("budi@dinas.uji.go.id")]);
    const report = await deliverOutbox(database.db, server.settings());
    expect(report).toEqual({ sent: 2, failed: 0, retrying: 0, expired: 0 });
    expect(server.received.map((r) => r.to)).toEqual([["ani@dinas.uji.go.id"], ["budi@dinas.uji.go.id"]]);
    const first = server.received[0].parsed;
    expect(first.from?.text).toBe('"Sekretariat KIPP" <no-reply@kipp.uji.go.id>');
    expect(first.subject).toBe("Undangan ke Lumbung / Invitation to Lumbung");
    expect(first.text?.trim()).toBe(mail("ani@dinas.uji.go.id").body);
    expect(first.headers.get("auto-submitted")).toBe("auto-generated");
    const stored = await rows();
    expect(stored.map((r) => r.status)).toEqual(["sent", "sent"]);
    expect(stored[0].sentAt).toBeInstanceOf(Date);
    expect(stored[0].messageId).toBe(first.messageId ? `<${first.messageId.replace(/^<|>$/g, "")}>` : null);
    expect(stored[0].attempts).toBe(1);
    // Nothing is sent twice.
    expect(await deliverOutbox(database.db, server.settings())).toEqual({ sent: 0, failed: 0, retrying: 0, expired: 0 });
    expect(server.received).toHaveLength(2);
  });

  it("records a mailbox the server refuses for good as failed, in the server's words, and sends the rest", async () => {
    await queueMail(database.db, [mail("tidak-ada@dinas.uji.go.id"), mail("citra@dinas.uji.go.id")]);
    const report = await deliverOutbox(database.db, server.settings());
    expect(report).toMatchObject({ sent: 1, failed: 1 });
    const [refused, sent] = await rows();
    expect(refused.status).toBe("failed");
    expect(refused.lastError).toContain("550");
    expect(refused.lastError).toContain("Mailbox tidak dikenal");
    expect(refused.nextAttemptAt).toBeNull();
    expect(sent.status).toBe("sent");
    expect(server.received.map((r) => r.to[0])).toEqual(["citra@dinas.uji.go.id"]);
  });

  it("tries a mail turned away for now again after the first wait, and sends it once it is due", async () => {
    await queueMail(database.db, mail("penuh@dinas.uji.go.id"));
    expect(await deliverOutbox(database.db, server.settings())).toMatchObject({ sent: 0, retrying: 1 });
    const [waiting] = await rows();
    expect(waiting.status).toBe("pending");
    expect(waiting.attempts).toBe(1);
    // The mailbox's fault, not the server's: other mail getting through does not hurry it.
    expect(waiting.fault).toBeNull();
    expect(waiting.lastError).toContain("452");
    const waitMs = waiting.nextAttemptAt!.getTime() - Date.now();
    expect(waitMs).toBeGreaterThan((RETRY_DELAYS_MINUTES[0] - 0.5) * 60_000);
    expect(waitMs).toBeLessThan((RETRY_DELAYS_MINUTES[0] + 0.5) * 60_000);
    // Not yet due: the next run leaves it.
    expect(await deliverOutbox(database.db, server.settings())).toMatchObject({ sent: 0, retrying: 0 });
    // Due, and the mailbox has room again (a second server that accepts it).
    await database.db.update(outbox).set({ nextAttemptAt: sql`now() - interval '1 second'` });
    const accepting = await smtpServer();
    try {
      expect(await deliverOutbox(database.db, accepting.settings())).toMatchObject({ sent: 1 });
      expect(accepting.received.map((r) => r.to[0])).toEqual(["penuh@dinas.uji.go.id"]);
      expect((await rows())[0]).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    } finally {
      await accepting.close();
    }
  });

  it("gives up after the last attempt", async () => {
    await queueMail(database.db, mail("penuh@dinas.uji.go.id"));
    await database.db.update(outbox).set({ attempts: MAX_ATTEMPTS - 1 });
    expect(await deliverOutbox(database.db, server.settings())).toMatchObject({ failed: 1 });
    expect((await rows())[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, nextAttemptAt: null });
  });

  it("stops at a mail server that is down and leaves the other mails untried, to go out when it is back", async () => {
    await queueMail(database.db, [mail("dedi@dinas.uji.go.id"), mail("eka@dinas.uji.go.id"), mail("fajar@dinas.uji.go.id")]);
    const down = { smtpUrl: `smtp://127.0.0.1:${await closedPort()}`, from: FROM };
    expect(await deliverOutbox(database.db, down)).toEqual({ sent: 0, failed: 0, retrying: 1, expired: 0 });
    const [tried, ...rest] = await rows();
    expect(tried).toMatchObject({ status: "pending", attempts: 1, fault: "unreachable" });
    expect(tried.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
    expect(rest.map((r) => [r.status, r.attempts, r.lastError, r.claimedAt])).toEqual([
      ["pending", 0, null, null],
      ["pending", 0, null, null],
    ]);
    // Back up: the untried go at once, and the tried one with them rather than at its next
    // turn, as it waited for the server and not for itself.
    expect(tried.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await deliverOutbox(database.db, server.settings())).toMatchObject({ sent: 3 });
    expect(server.received.map((r) => r.to[0]).sort()).toEqual(["dedi@dinas.uji.go.id", "eka@dinas.uji.go.id", "fajar@dinas.uji.go.id"]);
    expect((await rows()).map((r) => [r.status, r.fault])).toEqual([
      ["sent", null],
      ["sent", null],
      ["sent", null],
    ]);
  });

  it("treats a refused password as the settings' fault, not the mail's: the mail waits for it to be mended", async () => {
    const guarded = await smtpServer({ password: "rahasia-benar" });
    try {
      await queueMail(database.db, [mail("gita@dinas.uji.go.id"), mail("hadi@dinas.uji.go.id")]);
      expect(await deliverOutbox(database.db, guarded.settings("lumbung:rahasia-salah"))).toMatchObject({ sent: 0, failed: 0, retrying: 1 });
      expect((await rows()).map((r) => r.status)).toEqual(["pending", "pending"]);
      expect((await rows())[0].lastError).toContain("535");
      expect((await rows())[0].fault).toBe("login");
      await database.db.update(outbox).set({ nextAttemptAt: null });
      expect(await deliverOutbox(database.db, guarded.settings("lumbung:rahasia-benar"))).toMatchObject({ sent: 2 });
      expect(guarded.received).toHaveLength(2);
    } finally {
      await guarded.close();
    }
  });

  it("does not send mail that waited more than three days, and takes again a mail a dead process left half-sent", async () => {
    await queueMail(database.db, [mail("lama@dinas.uji.go.id"), mail("tertahan@dinas.uji.go.id"), mail("baru-diambil@dinas.uji.go.id")]);
    const [old, stuck, taken] = await rows();
    await database.db.update(outbox).set({ createdAt: sql`now() - interval '73 hours'` }).where(eq(outbox.id, old.id));
    await database.db.update(outbox).set({ status: "sending", attempts: 1, claimedAt: sql`now() - interval '11 minutes'` }).where(eq(outbox.id, stuck.id));
    // Taken a moment ago by another process, which is sending it now.
    await database.db.update(outbox).set({ status: "sending", attempts: 1, claimedAt: sql`now()` }).where(eq(outbox.id, taken.id));
    expect(await deliverOutbox(database.db, server.settings())).toEqual({ sent: 1, failed: 0, retrying: 0, expired: 1 });
    expect(server.received.map((r) => r.to[0])).toEqual(["tertahan@dinas.uji.go.id"]);
    const after = await database.db.select().from(outbox).where(inArray(outbox.id, [old.id, stuck.id, taken.id])).orderBy(outbox.id);
    expect(after.map((r) => r.status)).toEqual(["expired", "sent", "sending"]);
  });

  it("sends each mail once when two runs work at the same time", async () => {
    await queueMail(
      database.db,
      Array.from({ length: 45 }, (_, i) => mail(`peserta${i}@dinas.uji.go.id`)),
    );
    const [a, b] = await Promise.all([deliverOutbox(database.db, server.settings()), deliverOutbox(database.db, server.settings())]);
    expect(a.sent + b.sent).toBe(45);
    const to = server.received.map((r) => r.to[0]);
    expect(new Set(to).size).toBe(45);
    expect(to).toHaveLength(45);
  });
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("the server sends mail as soon as it is written", () => {
  it("hears of new mail when the transaction that wrote it commits, and never of mail rolled back", async () => {
    let heard = 0;
    const stop = await database.listen(OUTBOX_CHANNEL, () => heard++);
    try {
      await database.db.transaction(async (tx) => {
        await queueMail(tx, mail("ani@dinas.uji.go.id"));
        await pause(300);
        expect(heard, "not before the commit").toBe(0);
      });
      const deadline = Date.now() + 5_000;
      while (heard === 0 && Date.now() < deadline) await pause(20);
      expect(heard).toBe(1);
      await expect(
        database.db.transaction(async (tx) => {
          await queueMail(tx, mail("budi@dinas.uji.go.id"));
          throw new Error("batal");
        }),
      ).rejects.toThrow("batal");
      await pause(500);
      expect(heard).toBe(1);
    } finally {
      await stop();
    }
  });

  it("mails a password reset link through the mail server within seconds, and the link works", async () => {
    const app = await openTestDatabase();
    try {
      const { client } = await testClient(app, { SMTP_URL: server.settings().smtpUrl, MAIL_FROM: FROM });
      const agency = await createAgency(app.db);
      const user = await createTestUser(app.db, { role: "agency_admin", agencyId: agency.id, email: "admin.reset@dinas.uji.go.id" });
      expect((await client.post("/lupa-sandi", { email: user.email })).status).toBeLessThan(400);
      // Woken by the outbox's notice, not the minute's schedule: bounded well below a minute.
      const deadline = Date.now() + 15_000;
      while (!server.received.some((r) => r.to.includes(user.email)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      const got = server.received.find((r) => r.to.includes(user.email));
      expect(got, "the reset mail reached the mail server").toBeDefined();
      const link = got!.parsed.text!.match(/https?:\/\/\S+\/atur-ulang-sandi\/[A-Za-z0-9_-]+/)?.[0];
      expect(link).toBeDefined();
      expect((await client.get(new URL(link!).pathname)).status).toBe(200);
      const [row] = await app.db.select().from(outbox).where(eq(outbox.toAddress, user.email));
      expect(row.status).toBe("sent");
    } finally {
      await app.close();
    }
  });
});

describe("invitations with a mail server", () => {
  it("mails the invitation and says so, keeping the link on the page for a mail that is lost", async () => {
    const app = await openTestDatabase();
    try {
      const { client } = await testClient(app, { SMTP_URL: server.settings().smtpUrl });
      const agency = await createAgency(app.db);
      const admin = await createTestUser(app.db, { role: "agency_admin", agencyId: agency.id });
      await client.login(admin.email, "kata-sandi-uji-123");
      const res = await client.post("/kelola/pengguna", { name: "Kepala Dinas Baru", email: "kepala.baru@dinas.uji.go.id", role: "agency_head" });
      expect(res.status).toBe(200);
      const text = await pageText(res);
      expect(text).toContain("Undangan untuk kepala.baru@dinas.uji.go.id masuk antrean email");
      expect(text).not.toContain("belum dikirim sungguhan");
      const link = text.match(/value="(https?:\/\/[^"]+\/undangan\/[A-Za-z0-9_-]+)"/)?.[1];
      expect(link).toBeDefined();
      const deadline = Date.now() + 15_000;
      while (!server.received.some((r) => r.to.includes("kepala.baru@dinas.uji.go.id")) && Date.now() < deadline) await pause(100);
      const got = server.received.find((r) => r.to.includes("kepala.baru@dinas.uji.go.id"));
      expect(got?.parsed.text).toContain(link!);
    } finally {
      await app.close();
    }
  });
});

describe("the outbox page", () => {
  it("shows each mail's fate, filters by it, and puts a refused mail back in line for the secretariat", async () => {
    const app = await openTestDatabase();
    let closeAfter: (() => Promise<void>) | undefined;
    try {
      // A mail server that asks for a password and knows no "tidak-ada" mailbox.
      const guarded = await smtpServer({ password: "rahasia", refuse: (to) => (to.startsWith("tidak-ada") ? { code: 550, text: "5.1.1 Mailbox tidak dikenal" } : null) });
      closeAfter = guarded.close;
      const { client, newClient } = await testClient(app, { SMTP_URL: guarded.settings("lumbung:rahasia").smtpUrl, MAIL_FROM: FROM });
      const admin = await createTestUser(app.db, { role: "national_admin" });
      await client.login(admin.email, "kata-sandi-uji-123");
      const [refused] = await app.db
        .insert(outbox)
        .values([
          { toAddress: "tidak-ada@dinas.uji.go.id", subject: "Surat yang ditolak", bodyText: "Isi.", kind: "test", status: "failed", attempts: 3, lastError: "550 5.1.1 Mailbox lama" },
          { toAddress: "ok@dinas.uji.go.id", subject: "Surat yang sampai", bodyText: "Isi.", kind: "test", status: "sent", attempts: 1, sentAt: new Date("2026-11-25T03:04:00Z") },
        ])
        .returning();
      const all = await pageText(await client.get("/kelola/kotak-keluar"));
      // The server by its host alone: never the password in its address.
      expect(all).toContain(`127.0.0.1:${guarded.port}`);
      expect(all).not.toContain("rahasia");
      expect(all).toContain("Jawaban server: “550 5.1.1 Mailbox lama”");
      expect(all).toContain("Diterima server surat 25 November 2026 pukul 10.04 WIB.");
      const failedOnly = await pageText(await client.get("/kelola/kotak-keluar?status=failed"));
      expect(failedOnly).toContain("Surat yang ditolak");
      expect(failedOnly).not.toContain("Surat yang sampai");

      const res = await client.post("/kelola/kotak-keluar", { mailId: String(refused.id), status: "failed" });
      expect(res.status).toBe(302);
      // Back to the whole list, where the mail is seen as it moves on.
      expect(res.headers.get("location")).toBe("/kelola/kotak-keluar?pesan=dikirim-ulang");
      // Sent again at once (not at the minute's schedule), and refused again, afresh.
      const deadline = Date.now() + 15_000;
      let again = (await app.db.select().from(outbox).where(eq(outbox.id, refused.id)))[0];
      while (again.status !== "failed" && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        again = (await app.db.select().from(outbox).where(eq(outbox.id, refused.id)))[0];
      }
      expect(again).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringContaining("Mailbox tidak dikenal") });

      // An Admin Lokal's outbox holds only mail to its agency's people: another mail is no mail.
      const agency = await createAgency(app.db);
      const local = await createTestUser(app.db, { role: "agency_admin", agencyId: agency.id });
      const other = newClient();
      await other.login(local.email, "kata-sandi-uji-123");
      expect((await other.post("/kelola/kotak-keluar", { mailId: String(refused.id) })).status).toBe(404);
      expect(await pageText(await other.get("/kelola/kotak-keluar"))).not.toContain("Surat yang ditolak");
    } finally {
      await app.close();
      await closeAfter?.();
    }
  });

  it("pages through a long outbox, fifty mails a page, newest first", async () => {
    const app = await openTestDatabase();
    try {
      const { client } = await testClient(app);
      const admin = await createTestUser(app.db, { role: "national_admin" });
      await client.login(admin.email, "kata-sandi-uji-123");
      await app.db.insert(outbox).values(Array.from({ length: 60 }, (_, i) => ({ toAddress: `orang${i}@dinas.uji.go.id`, subject: `Surat nomor ${i}.`, bodyText: "Isi.", kind: "test" })));
      const first = await pageText(await client.get("/kelola/kotak-keluar"));
      expect(first).toContain("Surat nomor 59.");
      expect(first).toContain("Surat nomor 10.");
      expect(first).not.toContain("Surat nomor 9.");
      expect(first).toContain("halaman=2");
      const second = await pageText(await client.get("/kelola/kotak-keluar?halaman=2"));
      expect(second).toContain("Surat nomor 9.");
      expect(second).toContain("Surat nomor 0.");
      expect(second).not.toContain("Surat nomor 10.");
    } finally {
      await app.close();
    }
  });

  it("says in plain words when the mail server cannot be reached, and sends a waiting mail at once on request", async () => {
    const app = await openTestDatabase();
    try {
      const port = await closedPort();
      const { client } = await testClient(app, { SMTP_URL: `smtp://127.0.0.1:${port}` });
      const admin = await createTestUser(app.db, { role: "national_admin" });
      await client.login(admin.email, "kata-sandi-uji-123");
      const [waiting] = await app.db
        .insert(outbox)
        .values({ toAddress: "ani@dinas.uji.go.id", subject: "Menunggu server", bodyText: "Isi.", kind: "test", attempts: 1, fault: "unreachable", lastError: "ESOCKET: connect ECONNREFUSED", lastAttemptAt: new Date("2026-11-25T03:00:00Z"), nextAttemptAt: sql`now() + interval '1 hour'` })
        .returning();
      const text = await pageText(await client.get("/kelola/kotak-keluar"));
      expect(text).toContain("Server surat tidak dapat dihubungi pada percobaan terakhir (25 November 2026 pukul 10.00 WIB). 1 email menunggu");
      expect(text).toContain("Server surat tidak dapat dihubungi; dicoba lagi");
      expect(text).toContain("Rincian teknis: ESOCKET: connect ECONNREFUSED");
      expect(text).not.toContain("Jawaban server");
      expect(text).toContain("Kirim sekarang");
      expect((await client.post("/kelola/kotak-keluar", { mailId: String(waiting.id) })).status).toBe(302);
      const [now] = await app.db.select().from(outbox).where(eq(outbox.id, waiting.id));
      // Due now, its count of attempts kept; or already tried again by the job (against the
      // server still down), which only a mail made due could be.
      expect(now.attempts === 1 ? now.nextAttemptAt!.getTime() <= Date.now() + 1_000 : now.attempts === 2).toBe(true);
    } finally {
      await app.close();
    }
  });

  it("says mail is kept here when no mail server is set, and offers no resend", async () => {
    const app = await openTestDatabase();
    try {
      const { client } = await testClient(app);
      const admin = await createTestUser(app.db, { role: "national_admin" });
      await client.login(admin.email, "kata-sandi-uji-123");
      await queueMail(app.db, mail("ani@dinas.uji.go.id", "Surat tanpa server"));
      const text = await pageText(await client.get("/kelola/kotak-keluar"));
      expect(text).toContain("Belum ada server surat (SMTP_URL)");
      expect(text).toContain("Tersimpan di sini saja: belum ada server surat.");
      expect(text).not.toContain("Kirim ulang");
    } finally {
      await app.close();
    }
  });
});

describe("the command line", () => {
  it("sends a test mail through the mail server and prints its answer, or says why not", async () => {
    const run = promisify(execFile);
    const root = path.resolve(import.meta.dirname, "..");
    // Its own database: a fresh embedded one, or a copy of the template on the server.
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "lumbung-cli-"));
    const server2 = process.env.DATABASE_URL ? await createTestPostgres(process.env.DATABASE_URL) : null;
    const { DATABASE_URL: _, SMTP_URL: __, MAIL_FROM: ___, ...inherited } = process.env;
    const dbEnv = server2 ? { DATABASE_URL: server2.url } : { LUMBUNG_DATA_DIR: dataDir };
    const cli = (args: string[], extra: Record<string, string>) =>
      run(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "cli/lumbung.ts", ...args], {
        cwd: root,
        env: { ...inherited, ...dbEnv, ...extra, NODE_ENV: "test" },
      }).then(
        (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
      );
    try {
      const sent = await cli(["send-test-mail", "--to", "uji.cli@dinas.uji.go.id"], { SMTP_URL: server.settings().smtpUrl, MAIL_FROM: FROM });
      expect(sent.out).toMatch(new RegExp(`^Sent to uji.cli@dinas.uji.go.id through 127.0.0.1:${server.port} \\(<.+>\\)\\.`));
      expect(sent.code).toBe(0);
      expect(server.received.find((r) => r.to.includes("uji.cli@dinas.uji.go.id"))?.parsed.subject).toBe("Surat uji dari Lumbung / Test mail from Lumbung");
      const refused = await cli(["send-test-mail", "--to", "tidak-ada@dinas.uji.go.id"], { SMTP_URL: server.settings().smtpUrl });
      expect(refused.code).toBe(1);
      expect(refused.err).toContain("Not sent to tidak-ada@dinas.uji.go.id");
      expect(refused.err).toContain("Mailbox tidak dikenal");
      const unset = await cli(["send-test-mail", "--to", "ani@dinas.uji.go.id"], {});
      expect(unset.code).toBe(1);
      expect(unset.err).toContain("SMTP_URL is not set");
    } finally {
      await server2?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
