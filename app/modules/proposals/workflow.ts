// A proposal's path inside its agency, as the programme runs it (PROGRAMME.md: "UPP → Admin
// Lokal → submitted", with the head of agency's endorsement before submission, since "without
// the leaders' commitment the best innovation is useless"):
//   draft ──send──▶ agency_review ──forward──▶ awaiting_endorsement ──endorse──▶ submitted
//     ▲               │  return                   │ return                        │ withdraw
//     └── returned ◀──┴───────────────────────────┘                  (before the deadline)
// Admin Lokal may forward its own drafts directly. Endorsement is submission: it takes the
// receipt number and the exact time, and only while registration is open.
import { isOwnKey } from "~/lib/own";
export const PROPOSAL_STATES = ["draft", "agency_review", "returned", "awaiting_endorsement", "submitted", "withdrawn"] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const PROPOSAL_TRANSITIONS = {
  send: { from: ["draft", "returned"], to: "agency_review" },
  forward: { from: ["draft", "returned", "agency_review"], to: "awaiting_endorsement" },
  return: { from: ["agency_review", "awaiting_endorsement"], to: "returned" },
  endorse: { from: ["awaiting_endorsement"], to: "submitted" },
  withdraw: { from: ["submitted"], to: "withdrawn" },
} as const satisfies Record<string, { from: readonly ProposalState[]; to: ProposalState }>;

export type ProposalTransition = keyof typeof PROPOSAL_TRANSITIONS;
export const isProposalTransition = (v: unknown): v is ProposalTransition => isOwnKey(PROPOSAL_TRANSITIONS, v);

export function canMove(from: ProposalState, t: ProposalTransition): boolean {
  return (PROPOSAL_TRANSITIONS[t].from as readonly ProposalState[]).includes(from);
}

/** States in which the text may still change (and by whom is the policy's business). */
export const EDITABLE: readonly ProposalState[] = ["draft", "returned", "agency_review"];
