// The special group ("khusus") is by invitation: earlier winners whose innovation has kept
// running for years come back there, invited by the secretariat. This module lists the
// candidates (innovations awarded in earlier published editions, with their years in
// operation), records and withdraws invitations, tells the invited agency, and answers whether
// an innovation may enter a group.
import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db, DbOrTx } from "~/db/client.server";
import { agencies, awards, competitions, groupInvitations, innovations, proposals, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { idField } from "~/lib/forms";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { notify } from "~/modules/notifications/notify.server";
import { dutyApplies } from "~/modules/compliance/met-duty.server";
import { monthsBetween } from "~/modules/proposals/eligibility";
import type { CompetitionConfig } from "./config";
import { registrationStage, stageEnd } from "./config-values";

type Edition = { id: number; slug: string; name: string; state: string; edition: number; config: CompetitionConfig };

/** The groups of an edition that are entered by invitation. */
export const invitedGroups = (config: CompetitionConfig) => config.groups.filter((g) => g.kind === "khusus");

/** May this innovation enter this group? Open groups take anyone; invited ones only the invited. */
export async function mayEnterGroup(db: DbOrTx, config: CompetitionConfig, competitionId: number, groupCode: string, innovationId: number) {
  const group = config.groups.find((g) => g.code === groupCode);
  if (group?.kind !== "khusus") return true;
  const [row] = await db
    .select({ id: groupInvitations.id })
    .from(groupInvitations)
    .where(and(eq(groupInvitations.competitionId, competitionId), eq(groupInvitations.groupCode, groupCode), eq(groupInvitations.innovationId, innovationId)));
  return Boolean(row);
}

export type Candidate = {
  innovationId: number;
  name: string;
  acronym: string | null;
  agency: string;
  agencyId: number;
  startedOn: string | null;
  /** Whole years in operation at the registration deadline; null when the start is unknown. */
  years: number | null;
  awards: { edition: string; tier: string }[];
};

/**
 * Earlier winners: published innovations awarded in another edition's published results, with
 * at least `minYears` in operation at this edition's registration deadline (0: all of them).
 */
export async function invitationCandidates(db: DbOrTx, edition: Edition, minYears: number, now: Date): Promise<Candidate[]> {
  const rows = await db
    .select({
      innovationId: innovations.id,
      name: innovations.name,
      acronym: innovations.acronym,
      agency: agencies.name,
      agencyId: agencies.id,
      startedOn: innovations.startedOn,
      // The tier's name as that edition called it.
      awards: sql<{ edition: string; tier: string }[]>`json_agg(json_build_object(
        'edition', ${competitions.name},
        'tier', coalesce((SELECT t->>'name' FROM jsonb_array_elements(${competitions.config}->'tiers') AS t WHERE t->>'code' = ${awards.tierCode}), ${awards.tierCode})
      ) ORDER BY ${competitions.edition}, ${competitions.id})`,
    })
    .from(awards)
    .innerJoin(competitions, and(eq(competitions.id, awards.competitionId), eq(competitions.state, "final"), ne(competitions.id, edition.id)))
    .innerJoin(innovations, and(eq(innovations.id, awards.innovationId), eq(innovations.state, "published")))
    // An agency that has ended (merged, split, dissolved) enters nothing.
    .innerJoin(agencies, and(eq(agencies.id, innovations.agencyId), dutyApplies(edition.edition)))
    .groupBy(innovations.id, agencies.id)
    .orderBy(asc(innovations.startedOn), asc(innovations.id));
  const registration = registrationStage(edition.config);
  const at = registration ? new Date(Date.parse(registration.closesAt)) : now;
  return rows
    .map((r) => ({ ...r, years: r.startedOn ? Math.floor(monthsBetween(r.startedOn, at) / 12) : null }))
    .filter((r) => minYears === 0 || (r.years !== null && r.years >= minYears));
}

/** The invitations of an edition, with the state of the proposal each invited innovation entered. */
export async function editionInvitations(db: DbOrTx, competitionId: number) {
  return db
    .select({
      id: groupInvitations.id,
      groupCode: groupInvitations.groupCode,
      innovationId: innovations.id,
      innovation: innovations.name,
      agency: agencies.name,
      invitedAt: groupInvitations.createdAt,
      proposalState: sql<string | null>`(SELECT ${proposals.state} FROM ${proposals} WHERE ${proposals.competitionId} = ${groupInvitations.competitionId} AND ${proposals.innovationId} = ${groupInvitations.innovationId} AND ${proposals.state} <> 'withdrawn' LIMIT 1)`,
    })
    .from(groupInvitations)
    .innerJoin(innovations, eq(innovations.id, groupInvitations.innovationId))
    .innerJoin(agencies, eq(agencies.id, innovations.agencyId))
    .where(eq(groupInvitations.competitionId, competitionId))
    .orderBy(asc(agencies.name), asc(innovations.name));
}

/** An agency's invited innovations in an edition, for its proposals page. */
export async function agencyInvitations(db: DbOrTx, competitionId: number, agencyId: number) {
  return db
    .select({ groupCode: groupInvitations.groupCode, innovationId: innovations.id, innovation: innovations.name })
    .from(groupInvitations)
    .innerJoin(innovations, eq(innovations.id, groupInvitations.innovationId))
    .where(and(eq(groupInvitations.competitionId, competitionId), eq(innovations.agencyId, agencyId)))
    .orderBy(asc(innovations.name));
}

export const InviteSchema = z.object({
  groupCode: z.string().trim().min(1, { error: "field.required" }).max(60),
  innovationIds: z.array(idField).min(1, { error: "invitations.errors.noneChosen" }).max(500),
});

/** Whether invitations may still be sent: before the edition's registration has closed. */
export function openForInvitations(edition: Pick<Edition, "state" | "config">, now: Date) {
  // Invitations are for entering: once registration has closed they would invite to nothing.
  const registration = registrationStage(edition.config);
  if (edition.state !== "draft" && edition.state !== "announced") return false;
  return !registration || now.getTime() < stageEnd(registration);
}

/** Invite innovations to a group entered by invitation, and tell each agency's admins and head. */
export async function inviteToGroup(db: Db, actor: Actor, edition: Edition, input: z.infer<typeof InviteSchema>, opts: { publicUrl: string; now: Date }) {
  assertCan(actor, "competition.manage");
  const group = invitedGroups(edition.config).find((g) => g.code === input.groupCode);
  if (!group) throw new AppError("invalid", "invitations.errors.group", { groupCode: "invitations.errors.group" });
  if (!openForInvitations(edition, opts.now)) throw new AppError("conflict", "invitations.errors.closed");
  return db.transaction(async (tx) => {
    const found = await tx
      .select({ id: innovations.id, name: innovations.name, agencyId: innovations.agencyId })
      .from(innovations)
      .where(and(inArray(innovations.id, input.innovationIds), eq(innovations.state, "published")));
    if (found.length !== new Set(input.innovationIds).size) throw new AppError("invalid", "invitations.errors.innovation", { innovationIds: "invitations.errors.innovation" });
    const added = await tx
      .insert(groupInvitations)
      .values(found.map((i) => ({ competitionId: edition.id, groupCode: group.code, innovationId: i.id, invitedBy: actor.kind === "user" ? actor.id : null })))
      .onConflictDoNothing()
      .returning({ innovationId: groupInvitations.innovationId });
    if (!added.length) return { invited: 0, untold: 0 };
    const invited = found.filter((i) => added.some((a) => a.innovationId === i.id));
    await recordAudit(tx, { actorUserId: actor.kind === "user" ? actor.id : null, action: "invitation.add", subjectType: "competition", subjectId: edition.id, data: { group: group.code, innovations: invited.map((i) => i.id) } });
    const people = await tx
      .select({ id: users.id, email: users.email, agencyId: users.agencyId })
      .from(users)
      .where(and(inArray(users.agencyId, invited.map((i) => i.agencyId)), inArray(users.role, ["agency_admin", "agency_head"]), isNull(users.disabledAt)));
    const path = `/kelola/proposal?kompetisi=${edition.slug}`;
    let untold = 0;
    for (const i of invited) {
      const theirs = people.filter((p) => p.agencyId === i.agencyId);
      if (!theirs.length) untold++;
      await notify(tx, theirs, {
        kind: "group-invitation",
        key: "mail.groupInvitation",
        vars: { competition: edition.name, group: group.name, innovation: i.name, link: `${opts.publicUrl}${path}` },
        link: path,
      });
    }
    // An agency may have nobody in Lumbung yet: the secretariat must then tell it another way.
    return { invited: invited.length, untold };
  });
}

/** Withdraw an invitation, unless the innovation has already been submitted in that group. */
export async function withdrawInvitation(db: Db, actor: Actor, edition: Edition, invitationId: number) {
  assertCan(actor, "competition.manage");
  await db.transaction(async (tx) => {
    const [inv] = await tx.select().from(groupInvitations).where(and(eq(groupInvitations.id, invitationId), eq(groupInvitations.competitionId, edition.id))).for("update");
    if (!inv) throw new AppError("not-found", "errors.notFound");
    const [entered] = await tx
      .select({ id: proposals.id })
      .from(proposals)
      .where(and(eq(proposals.competitionId, edition.id), eq(proposals.innovationId, inv.innovationId), eq(proposals.groupCode, inv.groupCode), eq(proposals.state, "submitted")));
    if (entered) throw new AppError("conflict", "invitations.errors.entered");
    await tx.delete(groupInvitations).where(eq(groupInvitations.id, inv.id));
    await recordAudit(tx, { actorUserId: actor.kind === "user" ? actor.id : null, action: "invitation.withdraw", subjectType: "competition", subjectId: edition.id, data: { group: inv.groupCode, innovation: inv.innovationId } });
  });
}
