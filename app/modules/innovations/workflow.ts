// The register's review workflow in one place. A unit operator drafts; Admin Lokal (the agency's
// organisation bureau) checks its units' work before anything is public: it returns an entry
// with comments or publishes it. A published entry can be withdrawn back to draft.
import type { InnovationState } from "./vocab";

export const TRANSITIONS = {
  submit: { from: ["draft", "returned"], to: "submitted" },
  return: { from: ["submitted"], to: "returned" },
  // Admin Lokal may publish its own drafts directly: the review is its own.
  publish: { from: ["draft", "returned", "submitted"], to: "published" },
  unpublish: { from: ["published"], to: "draft" },
} as const satisfies Record<string, { from: readonly InnovationState[]; to: InnovationState }>;

export type Transition = keyof typeof TRANSITIONS;

export function canTransition(from: InnovationState, t: Transition): boolean {
  return (TRANSITIONS[t].from as readonly InnovationState[]).includes(from);
}
