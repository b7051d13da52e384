import { defineMessages } from "~/i18n/define";

export const notificationMessages = defineMessages({
  id: {
    "notifications.title": "Notifikasi",
    "notifications.nav": "Notifikasi ({n})",
    "notifications.none": "Belum ada notifikasi.",
    "notifications.markRead": "Tandai semua sudah dibaca",
    "notifications.unread": "Baru",
    "notifications.open": "Buka",
    "mail.assignment.subject": "Penugasan penilaian: {stage}, {competition}",
    "mail.assignment.body": "Anda ditugaskan menilai {n} proposal pada tahap {stage} ({competition}), paling lambat {until}: {link}",
    "mail.reviewDue.subject": "Pengingat: {n} penilaian belum dikirim ({stage})",
    "mail.reviewDue.body": "Tahap {stage} ({competition}) ditutup {until}. {n} penilaian Anda belum dikirim: {link}",
  },
  en: {
    "notifications.title": "Notifications",
    "notifications.nav": "Notifications ({n})",
    "notifications.none": "No notifications yet.",
    "notifications.markRead": "Mark all as read",
    "notifications.unread": "New",
    "notifications.open": "Open",
    "mail.assignment.subject": "Review assignment: {stage}, {competition}",
    "mail.assignment.body": "You are assigned {n} proposals to review in the stage {stage} ({competition}), by {until}: {link}",
    "mail.reviewDue.subject": "Reminder: {n} reviews not submitted ({stage})",
    "mail.reviewDue.body": "The stage {stage} ({competition}) closes {until}. {n} of your reviews are not submitted yet: {link}",
  },
});
