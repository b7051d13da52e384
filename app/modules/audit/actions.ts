// Every action the app writes to the audit log, by the group the activity log filters on. The
// label of each is the message `audit.action.<code>`; actions.test.ts fails when code anywhere in
// app/ writes an action missing here, so no new action reaches the log without a sentence.
// Shared by the server (the filter's SQL) and the page (the select of groups).

export const AUDIT_GROUPS = ["accounts", "agencies", "innovations", "checkIns", "competitions", "judging", "results", "events", "system"] as const;
export type AuditGroup = (typeof AUDIT_GROUPS)[number];

export const AUDIT_ACTIONS = {
  // Signing in and accounts. A null actor here is the lockout itself, not a person.
  "session.start": "accounts",
  "session.endOthers": "accounts",
  "account.locked": "accounts",
  "device.locked": "accounts",
  "two-step.enable": "accounts",
  "two-step.disable": "accounts",
  "two-step.recovery-codes": "accounts",
  "two-step.reset": "accounts",
  "two-step.locked": "accounts",
  "password.change": "accounts",
  // password.${purpose}: the link's purpose, "reset" or "invite" (accounts/use-token.server.ts).
  "password.reset": "accounts",
  "password.invite": "accounts",
  "user.create": "accounts",
  "user.invite": "accounts",
  "user.deactivate": "accounts",
  "user.reactivate": "accounts",
  "user.rename": "accounts",
  "user.emailChange": "accounts",
  "user.emailChangeAsked": "accounts",
  "user.setUnit": "accounts",
  // Agencies and their units.
  "agency.create": "agencies",
  "agency.years": "agencies",
  "unit.add": "agencies",
  "unit.rename": "agencies",
  "unit.remove": "agencies",
  // The register; innovation.${transition} are the workflow's (innovations/workflow.ts).
  "innovation.create": "innovations",
  "innovation.update": "innovations",
  "innovation.file.add": "innovations",
  "innovation.file.remove": "innovations",
  "innovation.submit": "innovations",
  "innovation.return": "innovations",
  "innovation.publish": "innovations",
  "innovation.unpublish": "innovations",
  // The yearly duty to register one (compliance/remind-not-met.server.ts).
  "compliance.remind": "innovations",
  // Yearly check-ins.
  "innovation.checkIn": "checkIns",
  "checkIn.remind": "checkIns",
  "checkIn.autoRemind": "checkIns",
  // Competitions and proposals; proposal.${t} are the agency path's (proposals/workflow.ts).
  "competition.create": "competitions",
  "competition.update": "competitions",
  "competition.announce": "competitions",
  "competition.stage.close": "competitions",
  "competition.broadcast": "competitions",
  "invitation.add": "competitions",
  "invitation.withdraw": "competitions",
  "proposal.create": "competitions",
  "proposal.send": "competitions",
  "proposal.forward": "competitions",
  "proposal.return": "competitions",
  "proposal.endorse": "competitions",
  "proposal.withdraw": "competitions",
  "proposal.screen": "competitions",
  "similarity.start": "competitions",
  // Judging: judges, assignment (assignment.${op}: add, remove), conflicts (conflict.${state}:
  // confirmed, dismissed), reviews, the plenary, interviews and field verification.
  "judges.save": "judging",
  "assignment.run": "judging",
  "assignment.add": "judging",
  "assignment.remove": "judging",
  "conflict.declare": "judging",
  "conflict.confirmed": "judging",
  "conflict.dismissed": "judging",
  "review.submit": "judging",
  "review.reopen": "judging",
  "stage.decide": "judging",
  "presentation.schedule": "judging",
  "presentation.update": "judging",
  "presentation.notify": "judging",
  "presentation.confirm": "judging",
  "presentation.decline": "judging",
  "fieldVisit.date": "judging",
  "fieldReport.save": "judging",
  "fieldReport.submit": "judging",
  "fieldReport.reopen": "judging",
  // Results and objections (objection.${state}: upheld, rejected).
  "results.provisional": "results",
  "results.award": "results",
  "results.decree": "results",
  "results.publish": "results",
  "results.withdraw": "results",
  "objection.file": "results",
  "objection.upheld": "results",
  "objection.rejected": "results",
  // Events and site visits.
  "event.create": "events",
  "event.update": "events",
  "event.publish": "events",
  "event.cancel": "events",
  "event.register": "events",
  "event.withdraw": "events",
  "event.removeRegistration": "events",
  "event.attendance": "events",
  "visit.request": "events",
  "visit.accept": "events",
  "visit.decline": "events",
  "visit.cancel": "events",
  "visit.callOff": "events",
  "visit.reschedule": "events",
  "visit.outcome": "events",
  // Mail and open data.
  "outbox.retry": "system",
  "openData.refresh": "system",
} as const satisfies Record<string, AuditGroup>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditGroup = (v: unknown): v is AuditGroup => typeof v === "string" && (AUDIT_GROUPS as readonly string[]).includes(v);

export const isKnownAction = (action: string): action is AuditAction => Object.hasOwn(AUDIT_ACTIONS, action);

/** The actions of a group, for the filter's SQL. */
export const actionsOf = (group: AuditGroup): AuditAction[] =>
  (Object.keys(AUDIT_ACTIONS) as AuditAction[]).filter((a) => AUDIT_ACTIONS[a] === group);

// An action written by code newer than this list (or by an older version, since renamed) still
// reads as something: its group, guessed by its first word, and its code.
const GROUP_BY_PREFIX: Record<string, AuditGroup> = {
  session: "accounts",
  account: "accounts",
  device: "accounts",
  "two-step": "accounts",
  password: "accounts",
  user: "accounts",
  agency: "agencies",
  unit: "agencies",
  innovation: "innovations",
  checkIn: "checkIns",
  competition: "competitions",
  invitation: "competitions",
  proposal: "competitions",
  similarity: "competitions",
  judges: "judging",
  assignment: "judging",
  conflict: "judging",
  review: "judging",
  stage: "judging",
  presentation: "judging",
  fieldVisit: "judging",
  fieldReport: "judging",
  results: "results",
  objection: "results",
  event: "events",
  visit: "events",
  outbox: "system",
  openData: "system",
};

/** The group an action belongs to; null for one nobody can place. */
export function groupOf(action: string): AuditGroup | null {
  if (isKnownAction(action)) return AUDIT_ACTIONS[action];
  const prefix = action.split(".")[0];
  return Object.hasOwn(GROUP_BY_PREFIX, prefix) ? GROUP_BY_PREFIX[prefix] : null;
}

// The kinds of subject the log names, each with its label `audit.subject.<type>`.
export const SUBJECT_TYPES = ["user", "agency", "unit", "innovation", "proposal", "competition", "event", "visit", "checkInYear", "complianceYear", "setting", "openData", "outbox"] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const isSubjectType = (v: unknown): v is SubjectType => typeof v === "string" && (SUBJECT_TYPES as readonly string[]).includes(v);
