// One row of the activity log as the page and the CSV show it: what happened as a sentence, the
// subject it concerns, and a few safe details. Shared by the page's component and the CSV, so
// both read the same.
import type { MessageVar, Translate } from "~/i18n";
import { groupOf, isKnownAction } from "./actions";

/** A detail's message and its values; a value `{ t: key }` is itself a message (a role's name). */
export type DetailPart = { key: string; vars?: Record<string, MessageVar | { t: string }> };

export type SubjectView = {
  type: string;
  id: string;
  /** What the subject is called (an innovation's name, an account's name and email), if known. */
  name: string | null;
  /** Its page, where one exists that the reader may open. */
  href: string | null;
};

export type AuditRowView = {
  id: number;
  at: Date | string;
  action: string;
  actor: { id: number; name: string; email: string; agencyName: string | null } | null;
  subject: SubjectView;
  details: DetailPart[];
};

/** What happened, in a sentence; an action without one of its own reads as its group and code. */
export function actionText(t: Translate, action: string): string {
  if (isKnownAction(action)) return t(`audit.action.${action}`);
  return t("audit.action.unknown", { group: t(`audit.group.${groupOf(action) ?? "other"}`), code: action });
}

const SUBJECT_LABELS = new Set(["user", "agency", "unit", "innovation", "proposal", "competition", "event", "visit", "checkInYear", "complianceYear", "setting", "openData", "outbox"]);

export function subjectText(t: Translate, s: SubjectView): string {
  const type = SUBJECT_LABELS.has(s.type) ? t(`audit.subject.${s.type}`) : s.type;
  if (s.name) return t("audit.subject.named", { type, name: s.name });
  // A setting, the open-data files: one of its kind, without a number worth showing.
  if (s.id === "0") return type;
  if (s.type === "checkInYear" || s.type === "complianceYear") return t("audit.subject.named", { type, name: s.id });
  return t("audit.subject.numbered", { type, id: s.id });
}

export function detailText(t: Translate, details: DetailPart[]): string {
  return details
    .map((d) => {
      const vars = Object.fromEntries(
        Object.entries(d.vars ?? {}).map(([k, v]) => [k, typeof v === "object" && v !== null && "t" in v ? t(v.t) : v]),
      ) as Record<string, MessageVar>;
      return t(d.key, vars);
    })
    .join(" · ");
}
