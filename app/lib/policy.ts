// Every authorization rule in one place. can() answers allowed or a reason; assertCan() turns a
// refusal into a 403. Routes and use cases call these; nothing else decides who may do what.
import { AppError } from "./errors";

export type Role =
  | "national_admin"
  | "agency_admin"
  | "unit_operator"
  | "agency_head"
  | "evaluator"
  | "panelist";

export type Actor =
  | { kind: "anonymous" }
  | {
      kind: "user";
      id: number;
      name: string;
      email: string;
      role: Role;
      agencyId: number | null;
      unitId: number | null;
    };

export const ANONYMOUS: Actor = { kind: "anonymous" };

type InnovationSubject = { agencyId: number; state: "draft" | "submitted" | "returned" | "published" };
// Writing an entry also depends on its unit: an operator placed in a unit (a UPP) works on that
// unit's entries.
type InnovationWorkSubject = InnovationSubject & { unitId: number | null };
type AgencySubject = { agencyId: number };
type AccountSubject = { id: number; role: Role; agencyId: number | null };
type ProposalSubject = { agencyId: number; state: "draft" | "agency_review" | "returned" | "awaiting_endorsement" | "submitted" | "withdrawn" };
// A proposal is written by its unit (the UPP), as its innovation is (operatorCovers).
type ProposalWorkSubject = ProposalSubject & { unitId: number | null };

export type Decision = { ok: true } | { ok: false; reason: string };
const allow: Decision = { ok: true };
const deny = (reason = "errors.forbidden"): Decision => ({ ok: false, reason });

const isUser = (a: Actor): a is Extract<Actor, { kind: "user" }> => a.kind === "user";
// PROGRAMME.md: each Unit Pelayanan Publik has its own account, so an operator placed in a unit
// answers for that unit's entries, not the whole agency's (a health-centre operator does not
// rewrite the public-works office's innovation). One in no unit (an agency without units, or not
// placed yet) works for the whole agency, as before units existed.
const operatorCovers = (a: Extract<Actor, { kind: "user" }>, s: { unitId: number | null }) => a.unitId === null || a.unitId === s.unitId;

/** The unit an operator is placed in, whose entries and proposals alone it writes; else null. */
export const placedUnit = (a: Actor): number | null => (isUser(a) && a.role === "unit_operator" ? a.unitId : null);
const isNational = (a: Actor) => isUser(a) && a.role === "national_admin";
const inAgency = (a: Actor, agencyId: number) => isUser(a) && a.agencyId === agencyId;
// The agency's own people: Admin Lokal, its unit operators and its head.
const agencyStaff = (a: Actor, agencyId: number) =>
  inAgency(a, agencyId) &&
  isUser(a) &&
  (a.role === "agency_admin" || a.role === "unit_operator" || a.role === "agency_head");

/** Roles an inviter may hand out: Admin Lokal manages its own agency's people only. */
export function invitableRoles(actor: Actor): Role[] {
  if (isNational(actor))
    return ["national_admin", "agency_admin", "unit_operator", "agency_head", "evaluator", "panelist"];
  if (isUser(actor) && actor.role === "agency_admin") return ["agency_admin", "unit_operator", "agency_head"];
  return [];
}

// The roles that belong to an agency, which its Admin Lokal manages; judges and the secretariat
// belong to none.
export const AGENCY_ROLES: readonly Role[] = ["agency_admin", "unit_operator", "agency_head"];

// Deactivating or reactivating an account. No one switches off their own account (an admin
// could lock the last secretariat account out by a slip, and an ended own session is the
// answer). Admin Lokal manages only its own agency's people, in the roles it may invite: never
// the secretariat, judges or another agency's staff.
function manageAccount(a: Actor, s: AccountSubject): Decision {
  if (!isUser(a)) return deny("errors.unauthenticated");
  if (a.id === s.id) return deny("accounts.errors.notSelf");
  if (isNational(a)) return allow;
  if (a.role === "agency_admin" && s.agencyId !== null && inAgency(a, s.agencyId) && AGENCY_ROLES.includes(s.role)) return allow;
  return deny();
}

/**
 * Which rows of the activity log an actor reads: "all" for the secretariat; for an Admin Lokal,
 * its agency's, that is rows whose actor is one of its people (users.agency_id) and rows about
 * one of its people's accounts (a lockout, which has no actor; a sign-in; an invitation the
 * secretariat sent them). Nothing of other agencies: their people, innovations and proposals
 * are theirs. Everyone else: null (no log). The query turns this into SQL
 * (modules/audit/list-audit.server.ts), so a page never holds rows it may not show.
 */
export function auditLogScope(a: Actor): "all" | { agencyId: number } | null {
  if (isNational(a)) return "all";
  if (isUser(a) && a.role === "agency_admin" && a.agencyId !== null) return { agencyId: a.agencyId };
  return null;
}

const rules = {
  "manage.enter": (a: Actor) => (isUser(a) ? allow : deny("errors.unauthenticated")),
  "user.deactivate": manageAccount,
  "user.reactivate": manageAccount,
  // Turning off someone's two-step sign-in (a lost phone and lost recovery codes): whoever may
  // switch the account off may do this; it ends the person's sessions and they are told.
  "user.resetTwoStep": manageAccount,
  // Only an operator works in a unit; whoever manages the account places it.
  "user.setUnit": (a: Actor, s: AccountSubject) => (s.role === "unit_operator" ? manageAccount(a, s) : deny("accounts.errors.notOperator")),
  "outbox.view": (a: Actor) =>
    isUser(a) && (a.role === "national_admin" || a.role === "agency_admin") ? allow : deny(),
  // Whoever reads a mail may put it back in line (within the same outbox: list-outbox.server.ts).
  "outbox.retry": (a: Actor) =>
    isUser(a) && (a.role === "national_admin" || a.role === "agency_admin") ? allow : deny(),
  // The activity log: the secretariat answers for the whole system; an Admin Lokal answers for
  // its agency's people (auditLogScope says which rows). Nobody else reads who did what.
  "auditLog.view": (a: Actor) => (auditLogScope(a) ? allow : deny()),
  "agency.create": (a: Actor) => (isNational(a) ? allow : deny()),
  // The years an agency owes its innovation (a merger, a dissolution, a wound-up enterprise):
  // the secretariat's, as the list of agencies is.
  "agency.setYears": (a: Actor) => (isNational(a) ? allow : deny()),
  "agency.import": (a: Actor) => (isNational(a) ? allow : deny()),
  "agency.manage": (a: Actor, s: AgencySubject) =>
    isNational(a) || (isUser(a) && a.role === "agency_admin" && inAgency(a, s.agencyId)) ? allow : deny(),
  "innovation.create": (a: Actor, s: AgencySubject) =>
    isNational(a) ||
    (isUser(a) && (a.role === "agency_admin" || a.role === "unit_operator") && inAgency(a, s.agencyId))
      ? allow
      : deny(),
  // The work-area view of an entry, whatever its state: its own agency's people and the secretariat.
  "innovation.manage": (a: Actor, s: InnovationSubject) => (isNational(a) || agencyStaff(a, s.agencyId) ? allow : deny()),
  "innovation.view": (a: Actor, s: InnovationSubject) =>
    s.state === "published" || isNational(a) || agencyStaff(a, s.agencyId) ? allow : deny(),
  // Operators edit while the entry is theirs to work on; Admin Lokal also corrects published
  // entries (the register is a living record).
  "innovation.edit": (a: Actor, s: InnovationWorkSubject) => {
    if (isNational(a)) return allow;
    if (!isUser(a) || !inAgency(a, s.agencyId)) return deny();
    if (a.role === "agency_admin") return allow;
    if (a.role === "unit_operator") {
      if (!operatorCovers(a, s)) return deny("innovations.errors.otherUnit");
      return s.state === "draft" || s.state === "returned" ? allow : deny("innovations.errors.locked");
    }
    return deny();
  },
  "innovation.submit": (a: Actor, s: InnovationWorkSubject) => {
    if (!isUser(a) || !inAgency(a, s.agencyId)) return deny();
    if (a.role !== "unit_operator" && a.role !== "agency_admin") return deny();
    if (a.role === "unit_operator" && !operatorCovers(a, s)) return deny("innovations.errors.otherUnit");
    return s.state === "draft" || s.state === "returned" ? allow : deny("innovations.errors.wrongState");
  },
  // The yearly check-in ("still running?") of a published innovation: its agency answers for it,
  // Admin Lokal or the operator of its unit (operatorCovers); the head reads, the secretariat
  // follows the answers but does not give them for the agency.
  "innovation.checkIn": (a: Actor, s: InnovationWorkSubject) => {
    if (!isUser(a) || !inAgency(a, s.agencyId)) return deny();
    if (a.role !== "agency_admin" && a.role !== "unit_operator") return deny();
    if (a.role === "unit_operator" && !operatorCovers(a, s)) return deny("innovations.errors.otherUnit");
    return s.state === "published" ? allow : deny("checkins.errors.notPublished");
  },
  // Reminding every agency of what is due is the secretariat's (see check-ins/remind.server.ts).
  "checkIn.remind": (a: Actor) => (isNational(a) ? allow : deny()),
  // Reminding the agencies behind on "One Agency, One Innovation" is the secretariat's, as the
  // check-in reminder is.
  "compliance.remind": (a: Actor) => (isNational(a) ? allow : deny()),
  // Rebuilding the open-data files out of the nightly turn is the secretariat's: the work is that
  // of the whole register (minutes at national scale), not something any visitor may start.
  "openData.refresh": (a: Actor) => (isNational(a) ? allow : deny()),
  // The year's check-ins: an agency's own people see their agency's, the secretariat every agency's.
  "checkIn.overview": (a: Actor) => (isNational(a) || (isUser(a) && a.agencyId !== null && AGENCY_ROLES.includes(a.role)) ? allow : deny()),
  // Events (coaching clinics, replication forums, workshops): the secretariat runs them; an
  // agency's own people register its participants, for a regional batch only when the agency's
  // province is in it.
  "event.manage": (a: Actor) => (isNational(a) ? allow : deny()),
  "event.register": (a: Actor, s: { agencyId: number; provinceCodes: readonly string[]; province: string | null }) => {
    if (!agencyStaff(a, s.agencyId)) return deny("events.errors.agencyOnly");
    if (s.provinceCodes.length && (s.province === null || !s.provinceCodes.includes(s.province))) return deny("events.errors.notInBatch");
    return allow;
  },
  // Site visits (studi tiru): another agency's people ask; the host's people answer; the asking
  // agency may withdraw while it waits; both sides and the secretariat read.
  "visit.request": (a: Actor, s: { hostAgencyId: number }) => {
    if (!isUser(a) || a.agencyId === null || !agencyStaff(a, a.agencyId)) return deny("visits.errors.agencyOnly");
    return a.agencyId === s.hostAgencyId ? deny("visits.errors.ownAgency") : allow;
  },
  "visit.list": (a: Actor) => (isNational(a) || (isUser(a) && a.agencyId !== null && AGENCY_ROLES.includes(a.role)) ? allow : deny()),
  "visit.view": (a: Actor, s: { hostAgencyId: number; visitorAgencyId: number }) =>
    isNational(a) || agencyStaff(a, s.hostAgencyId) || agencyStaff(a, s.visitorAgencyId) ? allow : deny("errors.notFound"),
  // Receiving visitors is the service's daily work, not a commitment of the agency: any of the
  // host's people may answer (many agencies have only their unit operators in Lumbung).
  "visit.answer": (a: Actor, s: { hostAgencyId: number }) => (agencyStaff(a, s.hostAgencyId) ? allow : deny()),
  "visit.cancel": (a: Actor, s: { visitorAgencyId: number }) => (agencyStaff(a, s.visitorAgencyId) ? allow : deny()),
  // An accepted visit: the host may move its date; either side may call it off before the day
  // (with a reason, told to the other); only the asking agency says afterwards whether it was held.
  "visit.reschedule": (a: Actor, s: { hostAgencyId: number }) => (agencyStaff(a, s.hostAgencyId) ? allow : deny()),
  "visit.callOff": (a: Actor, s: { hostAgencyId: number; visitorAgencyId: number }) =>
    agencyStaff(a, s.hostAgencyId) || agencyStaff(a, s.visitorAgencyId) ? allow : deny(),
  "visit.recordOutcome": (a: Actor, s: { visitorAgencyId: number }) => (agencyStaff(a, s.visitorAgencyId) ? allow : deny()),
  // Admin Lokal checks its units' entries before anything is public.
  "innovation.review": (a: Actor, s: InnovationSubject) => {
    if (!(isNational(a) || (isUser(a) && a.role === "agency_admin" && inAgency(a, s.agencyId)))) return deny();
    return s.state === "published" ? deny("innovations.errors.wrongState") : allow;
  },
  // The secretariat alone sets up and runs the competition.
  "competition.manage": (a: Actor) => (isNational(a) ? allow : deny()),
  // An edition is public from its announcement; a draft is the secretariat's alone.
  "competition.view": (a: Actor, s: { state: "draft" | "announced" | "provisional" | "final" }) =>
    s.state !== "draft" || isNational(a) ? allow : deny("errors.notFound"),
  // Proposals: the agency's own people work on them; the secretariat reads them.
  "proposal.create": (a: Actor, s: AgencySubject) =>
    isUser(a) && (a.role === "agency_admin" || a.role === "unit_operator") && inAgency(a, s.agencyId) ? allow : deny(),
  "proposal.view": (a: Actor, s: ProposalSubject) => (isNational(a) || agencyStaff(a, s.agencyId) ? allow : deny("errors.notFound")),
  // Operators write while the draft is theirs; Admin Lokal also corrects while checking it.
  "proposal.edit": (a: Actor, s: ProposalWorkSubject) => {
    if (!isUser(a) || !inAgency(a, s.agencyId)) return deny();
    if (a.role === "agency_admin") return s.state === "draft" || s.state === "returned" || s.state === "agency_review" ? allow : deny("proposals.errors.locked");
    if (a.role === "unit_operator") {
      if (!operatorCovers(a, s)) return deny("proposals.errors.otherUnit");
      return s.state === "draft" || s.state === "returned" ? allow : deny("proposals.errors.locked");
    }
    return deny();
  },
  "proposal.send": (a: Actor, s: ProposalWorkSubject) => {
    if (!isUser(a) || !inAgency(a, s.agencyId)) return deny();
    if (a.role === "agency_admin") return allow;
    if (a.role === "unit_operator") return operatorCovers(a, s) ? allow : deny("proposals.errors.otherUnit");
    return deny();
  },
  // Admin Lokal checks, corrects and forwards to the head, or returns with comments.
  "proposal.review": (a: Actor, s: ProposalSubject) =>
    isUser(a) && a.role === "agency_admin" && inAgency(a, s.agencyId) ? allow : deny(),
  // The head of agency's endorsement is the submission; the head may also send it back.
  "proposal.endorse": (a: Actor, s: ProposalSubject) =>
    isUser(a) && a.role === "agency_head" && inAgency(a, s.agencyId) ? allow : deny(),
  "proposal.withdraw": (a: Actor, s: ProposalSubject) =>
    isUser(a) && (a.role === "agency_admin" || a.role === "agency_head") && inAgency(a, s.agencyId) ? allow : deny(),
  // Judges: evaluators and panelists score what they are assigned, and nothing else.
  "review.enter": (a: Actor) => (isUser(a) && (a.role === "evaluator" || a.role === "panelist") ? allow : deny()),
  "review.write": (a: Actor, s: { judgeId: number }) =>
    isUser(a) && (a.role === "evaluator" || a.role === "panelist") && a.id === s.judgeId ? allow : deny("errors.notFound"),
  // Provisional results: the secretariat, and the people of an agency that took part (the use
  // case checks the participation); only Admin Lokal and the head speak for the agency.
  "results.viewProvisional": (a: Actor, s: { tookPart: boolean }) => (isNational(a) || (isUser(a) && a.agencyId !== null && s.tookPart && (a.role === "agency_admin" || a.role === "agency_head" || a.role === "unit_operator")) ? allow : deny("errors.notFound")),
  "results.object": (a: Actor, s: { tookPart: boolean }) => (isUser(a) && a.agencyId !== null && s.tookPart && (a.role === "agency_admin" || a.role === "agency_head") ? allow : deny()),
  // Presentation slots: the secretariat sees every slot; the agency's people see theirs once the
  // agency has been told of it (a schedule still being arranged is not theirs to act on); the
  // panelists assigned to the proposal see it to join. Only Admin Lokal and the head answer for
  // the agency's attendance (the head is expected to present).
  "presentation.view": (a: Actor, s: { agencyId: number; notified: boolean; assignedJudge: boolean }) =>
    isNational(a) || (agencyStaff(a, s.agencyId) && s.notified) || (isUser(a) && (a.role === "evaluator" || a.role === "panelist") && s.assignedJudge) ? allow : deny("errors.notFound"),
  "presentation.confirm": (a: Actor, s: AgencySubject) =>
    isUser(a) && (a.role === "agency_admin" || a.role === "agency_head") && inAgency(a, s.agencyId) ? allow : deny(),
  // A field-verification report: the visiting team (the judges assigned to the proposal in that
  // stage) writes it; the secretariat reads it (and may reopen it, as competition.manage).
  "fieldReport.view": (a: Actor, s: { member: boolean }) =>
    isNational(a) || (isUser(a) && (a.role === "evaluator" || a.role === "panelist") && s.member) ? allow : deny("errors.notFound"),
  "fieldReport.write": (a: Actor, s: { member: boolean }) =>
    isUser(a) && (a.role === "evaluator" || a.role === "panelist") && s.member ? allow : deny(),
  "innovation.unpublish": (a: Actor, s: InnovationSubject) =>
    (isNational(a) || (isUser(a) && a.role === "agency_admin" && inAgency(a, s.agencyId))) &&
    s.state === "published"
      ? allow
      : deny(),
} as const;

export type Action = keyof typeof rules;
type SubjectOf<A extends Action> = Parameters<(typeof rules)[A]>[1];

export function can<A extends Action>(actor: Actor, action: A, ...subject: SubjectOf<A> extends undefined ? [] : [SubjectOf<A>]): Decision {
  // An action name can come from a request: only the table's own rules answer, anything else is no.
  if (!Object.hasOwn(rules, action)) return deny();
  const rule = rules[action] as (a: Actor, s?: unknown) => Decision;
  return rule(actor, subject[0]);
}

export function assertCan<A extends Action>(actor: Actor, action: A, ...subject: SubjectOf<A> extends undefined ? [] : [SubjectOf<A>]): void {
  const d = can(actor, action, ...subject);
  if (!d.ok) {
    // A rule that hides what exists ("not found" as its reason) answers as if it did not exist:
    // a 403 would tell the outsider it is there.
    if (actor.kind !== "anonymous" && d.reason === "errors.notFound") throw new AppError("not-found", d.reason);
    throw new AppError(actor.kind === "anonymous" ? "unauthenticated" : "forbidden", d.reason);
  }
}
