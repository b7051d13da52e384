// Every queue of background work and the use case that works it.
import type { Db } from "~/db/client.server";
import type { QueueName, QueueSpec } from "~/db/jobs.server";
import { similarityJob } from "~/modules/screening/run-similarity.server";
import { checkInReminderJob } from "~/modules/check-ins/auto-remind.server";

/** `publicUrl`: the address links in mail sent by background work point to. */
export function lumbungQueues(db: Db, opts: { publicUrl: string }): Record<QueueName, QueueSpec> {
  return { similarity: similarityJob(db), "check-in-reminder": checkInReminderJob(db, opts.publicUrl) };
}
