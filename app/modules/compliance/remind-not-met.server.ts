// "One Agency, One Innovation" is a yearly duty: the secretariat reminds every agency that has
// not yet registered an innovation this year, in the app and by mail, through its Admin Lokal
// (its unit operators when it has none: agency-contacts.server.ts), as the check-in reminder does. Only the running year
// (a past year's duty can no longer be met), and at most once a week, so a double click or a
// second secretary does not flood hundreds of agencies. Agencies with nobody in Lumbung are
// counted, for the secretariat to reach another way (a letter, the province).
import { and, eq, not } from "drizzle-orm";
import type { Db, DbOrTx } from "~/db/client.server";
import { agencies, meta } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { notify } from "~/modules/notifications/notify.server";
import { agencyContacts } from "~/modules/notifications/agency-contacts.server";
import { dutyApplies, metDuty } from "./met-duty.server";
import { jakartaYear } from "./year";

export const REMIND_EVERY_MS = 7 * 86_400_000;
const key = (year: number) => `compliance_reminder:${year}`;

export type ComplianceReminder = { at: string; agencies: number; unreachable: number };

export async function lastComplianceReminder(db: Db, year: number): Promise<ComplianceReminder | null> {
  const [row] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, key(year)));
  const v = row?.value as Partial<ComplianceReminder> | undefined;
  return v?.at ? { at: v.at, agencies: Number(v.agencies ?? 0), unreachable: Number(v.unreachable ?? 0) } : null;
}

/** The agencies behind in the year, and how many of them have someone in Lumbung to tell. */
export async function reminderReach(db: DbOrTx, year: number): Promise<{ notMet: number; reachable: number }> {
  const ids = await notMetIds(db, year);
  return { notMet: ids.length, reachable: (await agencyContacts(db, ids)).size };
}

const notMetIds = async (db: DbOrTx, year: number) =>
  (await db.select({ id: agencies.id }).from(agencies).where(and(dutyApplies(year), not(metDuty(agencies.id, year))))).map((a) => a.id);

export type ComplianceReminderResult = { sent: true; agencies: number; unreachable: number; people: number } | { sent: false; lastAt: string };

export async function remindAgenciesNotMet(db: Db, actor: Actor, opts: { now: Date; baseUrl: string }): Promise<ComplianceReminderResult> {
  assertCan(actor, "compliance.remind");
  const year = jakartaYear(opts.now);
  return db.transaction(async (tx) => {
    // Read and written under one lock: two secretaries pressing at once send one reminder.
    await tx.insert(meta).values({ key: key(year), value: {} }).onConflictDoNothing();
    const [held] = await tx.select({ value: meta.value }).from(meta).where(eq(meta.key, key(year))).for("update");
    const last = held.value as Partial<ComplianceReminder>;
    if (last.at && opts.now.getTime() - new Date(last.at).getTime() < REMIND_EVERY_MS) return { sent: false, lastAt: last.at };

    const ids = await notMetIds(tx, year);
    const byAgency = await agencyContacts(tx, ids);
    const to = [...byAgency.values()].flat();
    if (!ids.length) throw new AppError("conflict", "compliance.remind.errors.allMet");
    const link = "/kelola/inovasi/baru";
    await notify(tx, to, { kind: "compliance-reminder", key: "mail.complianceDue", vars: { year: String(year), link: `${opts.baseUrl.replace(/\/+$/, "")}${link}` }, link });
    const value: ComplianceReminder = { at: opts.now.toISOString(), agencies: byAgency.size, unreachable: ids.length - byAgency.size };
    await tx.update(meta).set({ value }).where(eq(meta.key, key(year)));
    await recordAudit(tx, {
      actorUserId: actor.kind === "user" ? actor.id : null,
      action: "compliance.remind",
      subjectType: "complianceYear",
      subjectId: year,
      data: { agencies: value.agencies, unreachable: value.unreachable, people: to.length },
    });
    return { sent: true, agencies: value.agencies, unreachable: value.unreachable, people: to.length };
  });
}
