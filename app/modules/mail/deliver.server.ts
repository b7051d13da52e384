// Delivering the outbox: every mail Lumbung writes is first a row of the outbox table, written in
// the same transaction as the change it tells of (an invitation, a returned proposal), so a mail
// is never sent for a change rolled back and never lost for one committed. This module hands the
// waiting rows to the mail server (SMTP_URL) and records what the server answered.
//
// It runs as the "mail" job (app/jobs.server.ts): woken at once by the notice a new mail sends
// (drizzle/0025: a trigger on the outbox), and every minute for mail whose retry has come due.
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import { and, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import { outbox } from "~/db/schema";
import type { QueueSpec } from "~/db/jobs.server";
import type { MailSettings } from "~/lib/env.server";
import { MAX_AGE_HOURS, MAX_ATTEMPTS, RETRY_DELAYS_MINUTES } from "./delivery";

/** The notice channel the outbox's trigger sends on (drizzle/0025). */
export const OUTBOX_CHANNEL = "lumbung_outbox";

// A process that took a mail and died before recording the server's answer leaves it 'sending';
// after this long it is taken again (a mail server answers within its own timeouts, well below).
const CLAIM_MINUTES = 10;

// Mails taken at a time: a short claim, so that another process (or the next run) can take the
// rest while these go out.
const BATCH = 20;

type Claimed = { id: number; toAddress: string; subject: string; bodyText: string; kind: string; attempts: number };

export type DeliveryReport = { sent: number; failed: number; retrying: number; expired: number };

/** A connection pool to the mail server, for one run (closed at its end). */
export function mailTransport(settings: MailSettings) {
  return nodemailer.createTransport({
    url: settings.smtpUrl,
    pool: true,
    maxConnections: 2,
    // A mail server that does not answer must not hold the run: the mail is retried later.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  } as SMTPTransport.Options);
}

type SmtpError = Error & { code?: string; responseCode?: number; response?: string };

// Refused for good: the server said no (5xx) to this mail's sender, recipient or content. Not a
// refused login (EAUTH) nor a lost connection: those are the server's or the settings' fault,
// and every waiting mail would share it; such mail waits until the fault is mended.
const isPermanent = (e: SmtpError) => (e.responseCode ?? 0) >= 500 && (e.code === "EENVELOPE" || e.code === "EMESSAGE");

// The fault lies with the connection or the server, not with this mail: stop the run and let the
// rest wait, rather than knock on a closed door once per mail.
const isServerFault = (e: SmtpError) => !isPermanent(e) && (e.code === undefined || !["EENVELOPE", "EMESSAGE"].includes(e.code));

/** Which fault of the server's, for the outbox to say it in words a secretariat understands. */
const faultOf = (e: SmtpError): "unreachable" | "login" | null => (!isServerFault(e) ? null : e.code === "EAUTH" || e.responseCode === 535 ? "login" : "unreachable");

/** What the outbox shows of a failure: the server's own words where it gave any. */
const describe = (e: SmtpError) => (e.response ?? `${e.code ? `${e.code}: ` : ""}${e.message}`).slice(0, 500);

/** Mark as expired the mails that waited past MAX_AGE_HOURS, unsent. */
async function expireStale(db: Db): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: "expired", claimedAt: null })
    .where(
      and(
        eq(outbox.status, "pending"),
        // Counted from when it was written, or last put back in line by hand (retryMail).
        lt(sql`coalesce(${outbox.nextAttemptAt}, ${outbox.createdAt})`, sql`now() - make_interval(hours => ${MAX_AGE_HOURS})`),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/** Take up to BATCH mails that are due, so that no other process sends them too. */
async function claim(db: Db): Promise<Claimed[]> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        inArray(outbox.status, ["pending", "sending"]),
        or(
          and(eq(outbox.status, "pending"), or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, sql`now()`))),
          and(eq(outbox.status, "sending"), lt(outbox.claimedAt, sql`now() - make_interval(mins => ${CLAIM_MINUTES})`)),
        ),
      ),
    )
    .orderBy(outbox.id)
    .limit(BATCH)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(outbox)
    .set({ status: "sending", claimedAt: sql`now()`, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning({
      id: outbox.id,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      bodyText: outbox.bodyText,
      kind: outbox.kind,
      attempts: outbox.attempts,
    });
  // In the order they were written (RETURNING keeps none).
  return claimed.sort((a, b) => a.id - b.id);
}

/** Mail that waited for the server (not refused for itself) is due at once. */
async function dueNowAfterOutage(db: Db) {
  await db
    .update(outbox)
    .set({ nextAttemptAt: sql`now()` })
    .where(and(eq(outbox.status, "pending"), isNotNull(outbox.fault), gt(outbox.nextAttemptAt, sql`now()`)));
}

/** Give claimed mails back untried (the run stopped before them). */
async function release(db: Db, ids: number[]) {
  if (!ids.length) return;
  await db
    .update(outbox)
    .set({ status: "pending", claimedAt: null, attempts: sql`${outbox.attempts} - 1` })
    .where(and(inArray(outbox.id, ids), eq(outbox.status, "sending")));
}

async function recordFailure(db: Db, mail: Claimed, error: SmtpError): Promise<"failed" | "retrying"> {
  const final = isPermanent(error) || mail.attempts >= MAX_ATTEMPTS;
  const delay = RETRY_DELAYS_MINUTES[Math.min(mail.attempts, RETRY_DELAYS_MINUTES.length) - 1];
  await db
    .update(outbox)
    .set({
      status: final ? "failed" : "pending",
      claimedAt: null,
      lastError: describe(error),
      fault: faultOf(error),
      lastAttemptAt: sql`now()`,
      nextAttemptAt: final ? null : sql`now() + make_interval(mins => ${delay})`,
    })
    .where(eq(outbox.id, mail.id));
  return final ? "failed" : "retrying";
}

/**
 * Send what is due, batch by batch, until nothing is or `maxSeconds` have passed. Safe to run in
 * several processes at once: each mail is taken by one (FOR UPDATE SKIP LOCKED).
 */
export async function deliverOutbox(db: Db, settings: MailSettings, opts: { maxSeconds?: number } = {}): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, failed: 0, retrying: 0, expired: await expireStale(db) };
  const until = Date.now() + (opts.maxSeconds ?? 240) * 1000;
  const transport = mailTransport(settings);
  try {
    while (Date.now() < until) {
      const batch = await claim(db);
      if (!batch.length) break;
      for (const [i, mail] of batch.entries()) {
        try {
          const info = await transport.sendMail({
            from: settings.from,
            to: mail.toAddress,
            subject: mail.subject,
            text: mail.bodyText,
            // Machine-written mail (RFC 3834): out-of-office replies are not sent back to it.
            headers: { "Auto-Submitted": "auto-generated", "X-Lumbung-Kind": mail.kind },
          });
          await db
            .update(outbox)
            .set({ status: "sent", sentAt: sql`now()`, lastAttemptAt: sql`now()`, claimedAt: null, lastError: null, fault: null, nextAttemptAt: null, messageId: info.messageId })
            .where(eq(outbox.id, mail.id));
          // The server is back: mail that waited for it goes now, not at its next turn (a reset
          // link waiting an hour behind an outage that is over would be of little use).
          if (report.sent++ === 0) await dueNowAfterOutage(db);
        } catch (e) {
          const error = e as SmtpError;
          report[await recordFailure(db, mail, error)]++;
          if (isServerFault(error)) {
            await release(db, batch.slice(i + 1).map((m) => m.id));
            return report;
          }
        }
      }
    }
    return report;
  } finally {
    transport.close();
  }
}

/**
 * Put a failed or expired mail back in line, to be tried afresh; or send one waiting for its next
 * turn now (its count of attempts kept).
 */
export async function retryMail(db: DbOrTx, id: number): Promise<boolean> {
  const again = await db
    .update(outbox)
    .set({ status: "pending", attempts: 0, nextAttemptAt: sql`now()`, claimedAt: null, lastError: null, fault: null })
    .where(and(eq(outbox.id, id), inArray(outbox.status, ["failed", "expired"])))
    .returning({ id: outbox.id });
  if (again.length) return true;
  const now = await db
    .update(outbox)
    .set({ nextAttemptAt: sql`now()` })
    .where(and(eq(outbox.id, id), eq(outbox.status, "pending"), gt(outbox.attempts, 0)))
    .returning({ id: outbox.id });
  return now.length > 0;
}

/**
 * The "mail" queue: a job sends whatever is due. One waits and one runs at most ("stately"), so
 * a burst of notices adds no work; the minute's schedule picks up retries that came due.
 */
export function mailJob(db: Db, settings: MailSettings | null): QueueSpec {
  return {
    policy: "stately",
    cron: settings ? "* * * * *" : undefined,
    expireInSeconds: 300,
    // The next minute's run takes up whatever a failed one left.
    retryLimit: 0,
    handle: async () => {
      if (!settings) return;
      const report = await deliverOutbox(db, settings, { maxSeconds: 240 });
      // What needs a person's eye, in the server's log too: the outbox says the same per mail.
      if (report.failed || report.expired || report.retrying) {
        console.error(`Mail: ${report.failed} refused, ${report.retrying} turned away for now, ${report.expired} too old to send (see /kelola/kotak-keluar)`);
      }
    },
  };
}
