// Every queue of background work and the use case that works it.
import type { Database, Db } from "~/db/client.server";
import type { Jobs, QueueName, QueueSpec } from "~/db/jobs.server";
import type { MailSettings } from "~/lib/env.server";
import { similarityJob } from "~/modules/screening/run-similarity.server";
import { checkInReminderJob } from "~/modules/check-ins/auto-remind.server";
import { openDataJob } from "~/modules/open-data/snapshots.server";
import { mailJob, OUTBOX_CHANNEL } from "~/modules/mail/deliver.server";

/**
 * `publicUrl`: the address links in mail sent by background work point to; `mail`: where mail
 * goes (null: it stays in the outbox).
 */
export function lumbungQueues(db: Db, opts: { publicUrl: string; mail: MailSettings | null }): Record<QueueName, QueueSpec> {
  return {
    similarity: similarityJob(db),
    "check-in-reminder": checkInReminderJob(db, opts.publicUrl),
    mail: mailJob(db, opts.mail),
    "open-data": openDataJob(db, opts.publicUrl),
  };
}

/**
 * Send new mail as soon as the transaction that wrote it commits: the outbox's notice (a
 * trigger, drizzle/0025) queues the mail job, and so does starting, for mail left waiting.
 * Without a mail server, mail stays in the outbox and nothing listens.
 */
export async function sendMailOnNotice(database: Database, jobs: Pick<Jobs, "send">, mail: MailSettings | null): Promise<() => Promise<void>> {
  if (!mail) return async () => {};
  const wake = () => {
    jobs.send("mail", {}).catch((e: Error) => console.error("Mail job not queued:", e.message));
  };
  const stop = await database.listen(OUTBOX_CHANNEL, wake);
  wake();
  return stop;
}
