// Every queue of background work and the use case that works it.
import type { Db } from "~/db/client.server";
import type { QueueName, QueueSpec } from "~/db/jobs.server";
import { similarityJob } from "~/modules/screening/run-similarity.server";

export function lumbungQueues(db: Db): Record<QueueName, QueueSpec> {
  return { similarity: similarityJob(db) };
}
