import { defineMessages } from "~/i18n/define";

export const notificationMessages = defineMessages({
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
});

