// Moving a proposal along its path (workflow.ts), with the checks of each step: who may, from
// which state, and for the endorsement (which is the submission) everything submitProblems
// asks, the deadline to the second included (judged at the request's arrival). The receipt
// number and the exact time are taken in the same transaction; every step is recorded and the people of the next step are told.
import { and, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { competitions, innovations, proposalFiles, proposalHistory, proposals, proposalSections, users } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, can, type Actor } from "~/lib/policy";
import { auditInsert } from "~/modules/audit/record-audit.server";
import { writeTogether } from "~/db/write-together.server";
import { isStageOpen, registrationStage } from "~/modules/competitions/config-values";
import { noticeInserts, type Recipient } from "~/modules/notifications/notify.server";
import { submitProblems, type Problem } from "./eligibility";
import { earlierTiersQuery } from "~/modules/results/queries.server";
import { mayEnterGroup } from "~/modules/competitions/invitations.server";
import { canMove, PROPOSAL_TRANSITIONS, type ProposalTransition } from "./workflow";
import type { Role } from "~/lib/policy";
import { instantVar, type MessageVars } from "~/i18n";

export class SubmitRefused extends Error {
  constructor(readonly problems: Problem[]) {
    super("submit refused");
  }
}

type Notice = { roles: Role[]; key: string; kind: string; alsoCreator?: boolean };

// Who hears of each step: the people who act next, and for a return or a receipt the author.
const NOTICES: Record<ProposalTransition, Notice> = {
  send: { roles: ["agency_admin"], key: "mail.proposalSent", kind: "proposal-sent" },
  forward: { roles: ["agency_head"], key: "mail.proposalEndorsement", kind: "proposal-endorsement" },
  return: { roles: [], key: "mail.proposalReturned", kind: "proposal-returned", alsoCreator: true },
  endorse: { roles: ["agency_admin"], key: "mail.proposalReceipt", kind: "proposal-receipt", alsoCreator: true },
  withdraw: { roles: ["agency_admin", "agency_head"], key: "mail.proposalWithdrawn", kind: "proposal-withdrawn" },
};

/**
 * Who hears of step `t`: the people the notice names, as a value of the statement that reads the
 * proposal (a JSON list), so the step does not ask for them in a round trip of its own.
 */
function recipientsOf(t: ProposalTransition) {
  const n = NOTICES[t];
  const byRole = n.roles.length ? and(eq(users.agencyId, proposals.agencyId), inArray(users.role, n.roles)) : undefined;
  const creator = n.alsoCreator ? eq(users.id, proposals.createdBy) : undefined;
  const who = byRole && creator ? or(byRole, creator) : (byRole ?? creator ?? sql`false`);
  return sql<Recipient[]>`(SELECT coalesce(json_agg(json_build_object('id', ${users.id}, 'email', ${users.email})), '[]') FROM ${users} WHERE ${who})`;
}

function authorise(actor: Actor, t: ProposalTransition, p: { agencyId: number; unitId: number | null; state: (typeof proposals.$inferSelect)["state"] }) {
  const subject = { agencyId: p.agencyId, unitId: p.unitId, state: p.state };
  if (t === "send") return assertCan(actor, "proposal.send", subject);
  if (t === "forward") return assertCan(actor, "proposal.review", subject);
  if (t === "endorse" || t === "withdraw") return assertCan(actor, t === "endorse" ? "proposal.endorse" : "proposal.withdraw", subject);
  // A return comes from whoever holds the proposal: Admin Lokal while checking, the head (or
  // Admin Lokal, taking it back) while it awaits endorsement.
  if (p.state === "awaiting_endorsement" && can(actor, "proposal.endorse", subject).ok) return;
  // The head's return arriving after the proposal moved on (a double click, a second tab): the
  // head could return it a moment ago, so the answer is "it has moved", not "not allowed".
  if (!can(actor, "proposal.review", subject).ok && can(actor, "proposal.endorse", { ...subject, state: "awaiting_endorsement" }).ok) {
    throw new AppError("conflict", "proposals.errors.wrongState");
  }
  assertCan(actor, "proposal.review", subject);
}

export async function moveProposal(
  db: Db,
  actor: Actor,
  id: number,
  t: ProposalTransition,
  opts: { comment?: string; publicUrl: string; now?: Date },
) {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  if (t === "return" && !opts.comment) throw new AppError("invalid", "proposals.errors.commentRequired", { comment: "proposals.errors.commentRequired" });
  return db.transaction(async (tx) => {
    // The proposal (locked), its edition, its innovation, what an endorsement checks of its own
    // content (the sections' text, the file slots filled) and of its innovation's past awards,
    // and who is to be told, in one round trip: at the deadline thousands of endorsements come
    // in a minute, and each statement is a trip. Only the columns used: building the statement
    // costs by the column.
    //
    // The same statement takes the agency's turn in the edition (an advisory lock held to the
    // end of the transaction): one agency's steps in one edition take turns, so two submissions
    // cannot both fill the last place of a quota (nor a withdrawal cross a submission); other
    // agencies never wait for them. What is read under the turn (the quota's count) is read by
    // a later statement, whose snapshot sees every step that finished before the turn came.
    const [row] = await tx
      .select({
        p: {
          id: proposals.id,
          competitionId: proposals.competitionId,
          innovationId: proposals.innovationId,
          agencyId: proposals.agencyId,
          unitId: proposals.unitId,
          groupCode: proposals.groupCode,
          categoryCode: proposals.categoryCode,
          title: proposals.title,
          state: proposals.state,
          sourceInnovationIds: proposals.sourceInnovationIds,
          links: proposals.links,
          declarations: proposals.declarations,
        },
        competition: { slug: competitions.slug, name: competitions.name, config: competitions.config },
        innovation: { startedOn: innovations.startedOn, state: innovations.state, agencyType: innovations.agencyType },
        sections: sql<Record<string, string>>`(SELECT coalesce(json_object_agg(s.section_code, s.body), '{}') FROM ${proposalSections} s WHERE s.proposal_id = ${proposals.id})`,
        slots: sql<string[]>`(SELECT coalesce(array_agg(f.slot), '{}') FROM ${proposalFiles} f WHERE f.proposal_id = ${proposals.id})`,
        earlierTiers: sql<string[]>`(${earlierTiersQuery(tx, proposals.innovationId, proposals.competitionId)})`,
        recipients: recipientsOf(t),
        turn: sql`pg_advisory_xact_lock(${proposals.competitionId}, ${proposals.agencyId})`,
      })
      .from(proposals)
      .innerJoin(competitions, eq(competitions.id, proposals.competitionId))
      .innerJoin(innovations, eq(innovations.id, proposals.innovationId))
      .where(eq(proposals.id, id))
      .for("update", { of: proposals });
    if (!row) throw new AppError("not-found", "errors.notFound");
    const { p, competition, innovation } = row;
    // Another agency's proposal is not there at all, as far as its reader can tell.
    if (!can(actor, "proposal.view", { agencyId: p.agencyId, state: p.state }).ok) throw new AppError("not-found", "errors.notFound");
    authorise(actor, t, p);
    if (!canMove(p.state, t)) throw new AppError("conflict", "proposals.errors.wrongState");
    // The deadline is judged at the instant the request arrived (given by the route), so a
    // submission sent in time is not refused for waiting behind the rush.
    const now = opts.now ?? new Date();
    const set: Partial<typeof proposals.$inferInsert> = { state: PROPOSAL_TRANSITIONS[t].to, updatedAt: now };
    let receipt: SQL | undefined;
    if (t === "return") set.reviewComment = opts.comment;
    if (t === "withdraw") {
      const registration = registrationStage(competition.config);
      if (!registration || !isStageOpen(registration, now)) throw new AppError("conflict", "proposals.errors.withdrawClosed");
      set.withdrawnAt = now;
    }
    if (t === "endorse") {
      const [counts, invited] = await Promise.all([
        tx
          .select({ group: proposals.groupCode, n: sql<number>`count(*)::int` })
          .from(proposals)
          .where(and(eq(proposals.competitionId, p.competitionId), eq(proposals.agencyId, p.agencyId), eq(proposals.state, "submitted"), ne(proposals.id, id)))
          .groupBy(proposals.groupCode),
        mayEnterGroup(tx, competition.config, p.competitionId, p.groupCode, p.innovationId),
      ]);
      const problems = submitProblems({
        config: competition.config,
        now,
        groupCode: p.groupCode,
        categoryCode: p.categoryCode,
        sections: row.sections,
        filledSlots: new Set(row.slots),
        links: p.links,
        declarations: p.declarations,
        sourceInnovationIds: p.sourceInnovationIds,
        innovation: { startedOn: innovation.startedOn, state: innovation.state },
        agencyType: innovation.agencyType,
        submittedByGroup: Object.fromEntries(counts.map((c) => [c.group, Number(c.n)])),
        earlierTiers: row.earlierTiers,
        invited,
      });
      if (problems.length) throw new SubmitRefused(problems);
      // The number comes from a sequence (no edition-wide lock), written by the update itself:
      // EDITION-00042, five digits at least.
      receipt = sql`(SELECT ${`${competition.slug.toUpperCase()}-`} || CASE WHEN n < 100000 THEN lpad(n::text, 5, '0') ELSE n::text END FROM nextval('proposal_receipt_seq') AS n)`;
      set.submittedAt = now;
      set.endorsedBy = actor.id;
    }
    const [updated] = await tx
      .update(proposals)
      .set({ ...set, ...(receipt ? { receiptNumber: receipt } : {}), version: sql`${proposals.version} + 1` })
      .where(eq(proposals.id, id))
      .returning({ id: proposals.id, state: proposals.state, receiptNumber: proposals.receiptNumber, submittedAt: proposals.submittedAt });
    const vars: MessageVars = {
      title: p.title,
      competition: competition.name,
      actor: actor.name,
      comment: opts.comment ?? "",
      receipt: updated.receiptNumber ?? "",
      at: instantVar(now, "WIB"),
      link: `${opts.publicUrl}/kelola/proposal/${id}`,
    };
    const notice = NOTICES[t];
    await writeTogether(tx, [
      tx.insert(proposalHistory).values({ proposalId: id, actorUserId: actor.id, action: t, comment: opts.comment ?? null, at: now }),
      auditInsert(tx, { actorUserId: actor.id, action: `proposal.${t}`, subjectType: "proposal", subjectId: id, data: { from: p.state, to: updated.state } }),
      ...noticeInserts(tx, row.recipients, { kind: notice.kind, key: notice.key, vars, link: `/kelola/proposal/${id}` }),
    ]);
    return updated;
  });
}
