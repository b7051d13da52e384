// The automatic reminder: the secretariat chooses once, for every year, from which month and how
// often Lumbung reminds the agencies that still have check-ins to answer, instead of pressing the
// button every week until December. A job runs every morning (09:00 WIB, a working hour
// across the three zones) and sends the reminder when it is due; a reminder sent by hand counts
// as the last one, so the two never pile up on an agency.
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import type { QueueSpec } from "~/db/jobs.server";
import { meta } from "~/db/schema";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { jakartaMonth, jakartaYear } from "~/modules/compliance/year";
import { dueByAgency } from "./queries.server";
import { sendReminder, type ReminderResult } from "./remind.server";
import { AUTO_REMINDER_OFF, AutoReminderSchema, type AutoReminder } from "./auto-remind";

const KEY = "check_in_auto_reminder";
export async function readAutoReminder(db: Db): Promise<AutoReminder> {
  const [row] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, KEY));
  const parsed = AutoReminderSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : AUTO_REMINDER_OFF;
}

export async function saveAutoReminder(db: Db, actor: Actor, settings: AutoReminder): Promise<void> {
  assertCan(actor, "checkIn.remind");
  const value = AutoReminderSchema.parse(settings);
  await db.transaction(async (tx) => {
    await tx.insert(meta).values({ key: KEY, value }).onConflictDoUpdate({ target: meta.key, set: { value } });
    await recordAudit(tx, { actorUserId: actor.kind === "user" ? actor.id : null, action: "checkIn.autoRemind", subjectType: "setting", subjectId: 0, data: value });
  });
}

// The job runs once a day at about the same time; a gap a few hours short of whole weeks keeps a
// reminder sent at 09:00:05 one week from being put off a day by one sent at 09:00:03.
const SLACK_MS = 6 * 3_600_000;

export type AutoRunResult = { sent: false; why: "off" | "season" | "recent" | "none-due" } | (ReminderResult & { sent: true });

/** What the morning job does: send the year's reminder when the settings say it is due. */
export async function runAutoReminder(db: Db, opts: { now: Date; baseUrl: string }): Promise<AutoRunResult> {
  const settings = await readAutoReminder(db);
  if (!settings.enabled) return { sent: false, why: "off" };
  if (jakartaMonth(opts.now) < settings.fromMonth) return { sent: false, why: "season" };
  const year = jakartaYear(opts.now);
  // Nothing to answer (every agency has answered, or none has innovations to check): no
  // reminder, and none recorded, so the page does not report a reminder to nobody.
  if ((await dueByAgency(db, year)).length === 0) return { sent: false, why: "none-due" };
  const result = await sendReminder(db, { actorUserId: null, automatic: true }, year, {
    ...opts,
    minGapMs: settings.everyWeeks * 7 * 86_400_000 - SLACK_MS,
  });
  return result.sent ? result : { sent: false, why: "recent" };
}

/** The queue of the morning job, scheduled by cron in WIB (see jobs.server.ts). */
export function checkInReminderJob(db: Db, baseUrl: string): QueueSpec {
  return {
    expireInSeconds: 15 * 60,
    retryLimit: 2,
    cron: "0 9 * * *",
    async handle() {
      await runAutoReminder(db, { now: new Date(), baseUrl });
    },
  };
}
