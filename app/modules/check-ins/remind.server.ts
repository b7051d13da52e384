// The secretariat's reminder: every agency with innovations still to answer this year is told how
// many, in the app and by mail, addressed to its Admin Lokal (its unit operators when it has no
// Admin Lokal). PROGRAMME.md: when the national network finally asked, 429 of 2,355 award
// winners had stopped; asking is the secretariat's job. At most one reminder a week, so a double
// click or a second secretary does not flood 700 agencies.
import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { meta } from "~/db/schema";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { dueByAgency } from "./queries.server";
import { notify } from "~/modules/notifications/notify.server";
import { agencyContacts } from "~/modules/notifications/agency-contacts.server";

export const REMIND_EVERY_MS = 7 * 86_400_000;
const key = (year: number) => `check_in_reminder:${year}`;

/** When the year's last reminder went out, if one did, and whether Lumbung sent it by itself. */
export type Reminder = { at: string; agencies: number; unreachable: number; automatic?: boolean };

export async function lastReminder(db: Db, year: number): Promise<Reminder | null> {
  const [row] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, key(year)));
  const v = row?.value as Partial<Reminder> | undefined;
  return v?.at ? { at: v.at, agencies: Number(v.agencies ?? 0), unreachable: Number(v.unreachable ?? 0), automatic: v.automatic === true } : null;
}

export type ReminderResult = { sent: true; agencies: number; people: number } | { sent: false; lastAt: string };

export async function remindDueAgencies(db: Db, actor: Actor, year: number, opts: { now: Date; baseUrl: string }): Promise<ReminderResult> {
  assertCan(actor, "checkIn.remind");
  return sendReminder(db, { actorUserId: actor.kind === "user" ? actor.id : null, automatic: false }, year, { ...opts, minGapMs: REMIND_EVERY_MS });
}

/**
 * Send the year's reminder unless the last one is more recent than `minGapMs`. Called by the
 * secretariat's button (remindDueAgencies) and by the automatic reminder (auto-remind.server.ts).
 */
export async function sendReminder(
  db: Db,
  by: { actorUserId: number | null; automatic: boolean },
  year: number,
  opts: { now: Date; baseUrl: string; minGapMs: number },
): Promise<ReminderResult> {
  const last = await lastReminder(db, year);
  if (last && opts.now.getTime() - new Date(last.at).getTime() < opts.minGapMs) return { sent: false, lastAt: last.at };
  const due = await dueByAgency(db, year);
  const agencyIds = due.map((d) => d.agencyId);
  const contacts = await agencyContacts(db, agencyIds);
  const link = "/kelola/pemutakhiran?tampil=belum";
  const origin = opts.baseUrl.replace(/\/+$/, "");
  let told = 0;
  let agencies = 0;
  // Agencies with answers due but nobody in Lumbung to tell: counted, so the secretariat knows to
  // reach them another way.
  let unreachable = 0;
  await db.transaction(async (tx) => {
    for (const d of due) {
      const to = contacts.get(d.agencyId) ?? [];
      if (!to.length) {
        unreachable++;
        continue;
      }
      await notify(tx, to, { kind: "check-in-reminder", key: "mail.checkInDue", vars: { n: Number(d.n), year: String(year), link: `${origin}${link}` }, link });
      told += to.length;
      agencies++;
    }
    const value: Reminder = { at: opts.now.toISOString(), agencies, unreachable, automatic: by.automatic };
    await tx.insert(meta).values({ key: key(year), value }).onConflictDoUpdate({ target: meta.key, set: { value } });
    await recordAudit(tx, { actorUserId: by.actorUserId, action: "checkIn.remind", subjectType: "checkInYear", subjectId: year, data: { agencies, unreachable, people: told, automatic: by.automatic } });
  });
  return { sent: true, agencies, people: told };
}
