// Background work: pg-boss, a job queue kept in the database itself (schema "pgboss"), so it
// runs the same on both database modes and a job outlives the process that was running it: a
// server stopped mid-job hands it to the next one when the job's time runs out.
//
// pg-boss is held at 10.x: 11 and later need Node 22, and Lumbung runs on Node 20.
import PgBoss from "pg-boss";
import type { Database } from "./client.server";

export type QueueName = "similarity" | "check-in-reminder" | "mail" | "open-data";
export type JobHandler = (data: Record<string, unknown>) => Promise<void>;
/**
 * How each queue's jobs run: a handler, and how long one may take before it counts as lost; a
 * queue with a `cron` also gets a job at those times (in WIB), from whichever server process
 * keeps time first.
 */
export type QueueSpec = {
  handle: JobHandler;
  expireInSeconds: number;
  retryLimit: number;
  cron?: string;
  /**
   * "stately": at most one job waiting and one running. For a job that works through whatever is
   * due, however many times it is asked for: asking again while one waits adds nothing.
   */
  policy?: "standard" | "stately";
};

// pg-boss's own queue, through which timed jobs are sent (its timekeeper creates it on start).
const SEND_IT_QUEUE = "__pgboss__send-it";

export type Jobs = {
  /** Queue a job; it runs in whichever server process picks it up first. */
  send: (queue: QueueName, data: Record<string, unknown>) => Promise<void>;
  stop: () => Promise<void>;
};

function bossFor(database: Database, opts: { supervise: boolean }) {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.query(text, values) },
    schema: "pgboss",
    // Maintenance (expiring lost jobs, archiving done ones) and timekeeping (sending the
    // scheduled jobs) where workers run; any number of processes may keep time, as pg-boss lets
    // one of them send each scheduled job.
    schedule: opts.supervise,
    supervise: opts.supervise,
    migrate: true,
  });
  boss.on("error", (e: Error) => console.error("Background job error:", e.message));
  return boss;
}

/** Create or upgrade the queue's tables (at start-up, with the migrations). */
export async function installJobs(database: Database) {
  const boss = bossFor(database, { supervise: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

/**
 * Create (or keep) every queue, with its settings. Run once, by the process that migrates,
 * before any server process starts: a queue is a partition of pg-boss's job table, and two
 * processes creating it while a third polls that table deadlock.
 */
export async function createQueues(database: Database, queues: Record<QueueName, QueueSpec>) {
  const boss = bossFor(database, { supervise: false });
  await boss.start();
  // Created here too, so that the server processes' timekeepers find it there and none of them
  // creates a partition while others poll (the deadlock above).
  await boss.createQueue(SEND_IT_QUEUE);
  for (const [name, spec] of Object.entries(queues) as [QueueName, QueueSpec][]) {
    await boss.createQueue(name, { name, policy: spec.policy ?? "standard", expireInSeconds: spec.expireInSeconds, retryLimit: spec.retryLimit, retryDelay: 5 });
    // The programme keeps Jakarta's time (WIB): "09:00" is nine in the morning there.
    if (spec.cron) await boss.schedule(name, spec.cron, {}, { tz: "Asia/Jakarta" });
    else await boss.unschedule(name);
  }
  await boss.stop({ graceful: false, wait: true });
}

/**
 * Start the queue (created by createQueues): `queues` are worked here (polled every
 * `pollSeconds`); without them this process only sends.
 */
export async function startJobs(database: Database, queues: Partial<Record<QueueName, QueueSpec>>, opts: { pollSeconds?: number } = {}): Promise<Jobs> {
  const working = Object.keys(queues).length > 0;
  const boss = bossFor(database, { supervise: working });
  await boss.start();
  for (const [name, spec] of Object.entries(queues) as [QueueName, QueueSpec][]) {
    await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: opts.pollSeconds ?? 2, batchSize: 1 }, async ([job]) => spec.handle(job.data));
  }
  let stopped = false;
  return {
    async send(queue, data) {
      await boss.send(queue, data);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      // A job cut short here is picked up again by another process once it expires.
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
