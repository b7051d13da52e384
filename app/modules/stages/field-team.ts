// The field-verification team and the report's state, pure.
import type { Stage } from "~/modules/competitions/config";
import { isStageOpen } from "~/modules/competitions/config-values";

export type TeamMember = { id: number; name: string; role: string };

/**
 * What a team lacks. PROGRAMME.md: a field verification is done by at least one member of the
 * independent panel (TPI) and one of the evaluation team (TE): the panel weighs the innovation,
 * the evaluator knows the proposal's scoring. A team short of either is flagged to the secretariat.
 */
export function teamGaps(team: TeamMember[]): { panelist: boolean; evaluator: boolean } {
  return { panelist: !team.some((m) => m.role === "panelist"), evaluator: !team.some((m) => m.role === "evaluator") };
}

export type ReportStatus = "none" | "draft" | "submitted";
export type ReportEditing = "open" | "reopened" | "submitted" | "closed" | "notOpen";

type VisitState = { submittedAt: Date | null; reopenedAt: Date | null } | null;

export const reportStatus = (visit: VisitState & { updatedBy?: number | null }): ReportStatus =>
  !visit ? "none" : visit.submittedAt ? "submitted" : visit.updatedBy ? "draft" : "none";

/**
 * Whether the team may write now. A submitted report is locked; one the secretariat reopened is
 * editable until submitted again, even after the close; otherwise the report is written while
 * the stage runs (to the second, as scores are), so the plenary decides on settled reports.
 */
export function reportEditing(visit: VisitState, stage: Pick<Stage, "opensAt" | "closesAt">, now: Date): ReportEditing {
  if (visit?.submittedAt) return "submitted";
  if (visit?.reopenedAt) return "reopened";
  if (isStageOpen(stage, now)) return "open";
  return now.getTime() < Date.parse(stage.opensAt) ? "notOpen" : "closed";
}
