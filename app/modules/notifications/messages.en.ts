// The English side of messages.ts: the same keys, checked by type.
import type { Translation } from "~/i18n/define";
import type { notificationMessages } from "./messages";

export const notificationMessagesEn: Translation<typeof notificationMessages> = {
  "notifications.title": "Notifications",
  "notifications.nav": "Notifications ({n})",
  "notifications.none": "No notifications yet.",
  "notifications.markRead": "Mark all as read",
  "notifications.unread": "New",
  "notifications.open": "Open",
  "mail.assignment.subject": "Review assignment: {stage}, {competition}",
  "mail.assignment.body": "You are assigned {n, plural, one {# proposal} other {# proposals}} to review in the stage {stage} ({competition}), by {until}: {link}",
  "mail.reviewDue.subject": "Reminder: {n, plural, one {# review} other {# reviews}} not submitted ({stage})",
  "mail.reviewDue.body": "The stage {stage} ({competition}) closes {until}. {n} of your reviews are not submitted yet: {link}",
};
