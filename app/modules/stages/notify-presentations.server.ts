// Telling the agencies their presentation slot: a mail to each agency's Admin Lokal and head
// (the head is expected to present, PROGRAMME.md), with the time in the agency's own zone.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { agencies, notifications, presentationSlots, proposals, regions, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { formatInstant, LOCALES, translator, type Locale, type ZoneName } from "~/i18n";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { bilingualSubject, queueMail } from "~/modules/mail/queue-mail.server";
import { agencyZone, answerDeadline } from "./slots";
import { stageOfKind } from "./stage-of-kind";

type Competition = { id: number; name: string; config: CompetitionConfig };

/** Mail text in both languages, each with its own date format (one instant, the agency's zone). */
function bilingualWith(key: string, vars: (locale: Locale) => Record<string, string | number>) {
  return LOCALES.map((l) => translator(l)(key, vars(l))).join("\n\n---\n\n");
}

/**
 * Mail every slot of the stage the agency has not been told of (new, or changed since), and
 * mark it notified. The agency's Admin Lokal and head are told (they answer for attendance);
 * an agency with neither has its unit operators told instead, who see the slot and pass it on,
 * rather than learning of the interview too late. A slot whose agency has no active account at
 * all is left unmarked and reported, so it goes out once someone holds one.
 */
export async function notifyPresentations(db: Db, actor: Actor, competition: Competition, stageCode: string, baseUrl: string, now: Date) {
  assertCan(actor, "competition.manage");
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const stage = stageOfKind(competition.config, stageCode, "presentation");
  return db.transaction(async (tx) => {
    const slots = await tx
      .select({ slot: presentationSlots, title: proposals.title, agencyId: proposals.agencyId, agency: agencies.name, zone: regions.timeZone })
      .from(presentationSlots)
      .innerJoin(proposals, eq(proposals.id, presentationSlots.proposalId))
      .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
      .leftJoin(regions, eq(regions.code, agencies.regionCode))
      .where(and(eq(presentationSlots.competitionId, competition.id), eq(presentationSlots.stageCode, stage.code), isNull(presentationSlots.notifiedAt)));
    if (!slots.length) return { notified: 0, mails: 0, withoutRecipients: [] as string[] };
    const agencyIds = [...new Set(slots.map((s) => s.agencyId))];
    const people = await tx
      .select({ id: users.id, agencyId: users.agencyId, role: users.role, name: users.name, email: users.email })
      .from(users)
      .where(and(inArray(users.agencyId, agencyIds), inArray(users.role, ["agency_admin", "agency_head", "unit_operator"]), isNull(users.disabledAt)));
    const origin = baseUrl.replace(/\/+$/, "");
    let mails = 0;
    const done: number[] = [];
    const withoutRecipients: string[] = [];
    for (const s of slots) {
      const staff = people.filter((p) => p.agencyId === s.agencyId);
      const leaders = staff.filter((p) => p.role !== "unit_operator");
      const to = leaders.length ? leaders : staff;
      if (!to.length) {
        withoutRecipients.push(s.agency);
        continue;
      }
      const zone: ZoneName = agencyZone(s.zone);
      for (const person of to) {
        await queueMail(tx, {
          to: person.email,
          kind: "presentation-slot",
          subject: bilingualSubject("mail.presentation.subject", { title: s.title }),
          body: bilingualWith("mail.presentation.body", (l) => ({
            name: person.name,
            title: s.title,
            agency: s.agency,
            competition: competition.name,
            stage: stage.name,
            when: formatInstant(l, s.slot.startsAt, zone),
            minutes: s.slot.minutes,
            where: translator(l)(s.slot.mode === "online" ? "mail.presentation.online" : "mail.presentation.room", { location: s.slot.location }),
            deadline: formatInstant(l, answerDeadline(s.slot.startsAt), zone),
            link: `${origin}/kelola/presentasi/${s.slot.id}`,
          })),
        });
        mails++;
      }
      // The in-app notice beside the mail (the mail itself is written per language, above).
      await tx.insert(notifications).values(to.map((person) => ({ userId: person.id, kind: "presentation-slot", messageKey: "mail.presentation.subject", vars: { title: s.title }, link: `/kelola/presentasi/${s.slot.id}` })));
      done.push(s.slot.id);
    }
    if (done.length) await tx.update(presentationSlots).set({ notifiedAt: now }).where(inArray(presentationSlots.id, done));
    await recordAudit(tx, { actorUserId: actor.id, action: "presentation.notify", subjectType: "competition", subjectId: competition.id, data: { stage: stage.code, slots: done, mails, withoutRecipients } });
    return { notified: done.length, mails, withoutRecipients };
  });
}
