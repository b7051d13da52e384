import { type RouteConfig, index, route } from "@react-router/dev/routes";

// Every route of the app. Public paths are in Bahasa Indonesia (they are shared on WhatsApp and
// printed on posters); the API is in English. tests/authorization.test.ts checks each against
// every role.
export default [
  index("routes/home.tsx"),

  // The public catalogue.
  route("inovasi", "routes/catalogue.tsx"),
  route("inovasi/:slug", "routes/innovation.tsx"),
  route("instansi", "routes/agencies.tsx"),
  route("instansi/:slug", "routes/agency.tsx"),
  route("instansi/:slug/pameran", "routes/agency-exhibition.tsx"),
  route("instansi/:slug/cetak", "routes/agency-print.tsx"),
  route("wilayah/:code", "routes/province.tsx"),
  route("berkas/:id", "routes/file.tsx"),

  // Events: coaching clinics, replication forums, workshops.
  route("acara", "routes/events.tsx"),
  route("acara/:slug", "routes/event.tsx"),

  // One Agency, One Innovation.
  route("kepatuhan", "routes/compliance.tsx"),
  route("kepatuhan/unduh", "routes/compliance-csv.tsx"),
  route("keberlanjutan", "routes/sustainability.tsx"),
  route("data-terbuka", "routes/open-data.tsx"),
  route("data-terbuka/:file", "routes/open-data-file.tsx"),
  route("robots.txt", "routes/robots.ts"),
  route("sitemap.xml", "routes/sitemap-index.ts"),
  route("sitemap/:file", "routes/sitemap.ts"),

  // The competition.
  route("kompetisi", "routes/competitions.tsx"),
  route("kompetisi/:slug", "routes/competition.tsx"),
  route("kompetisi/:slug/hasil", "routes/competition-results.tsx"),
  route("sertifikat/:code", "routes/certificate.tsx"),
  route("sertifikat/:code/pdf", "routes/certificate-pdf.tsx"),

  // Accounts.
  route("preferensi", "routes/preferences.tsx"),
  route("masuk", "routes/login.tsx"),
  route("masuk/kode", "routes/login-code.tsx"),
  route("keluar", "routes/logout.tsx"),
  route("lupa-sandi", "routes/forgot-password.tsx"),
  route("atur-ulang-sandi/:token", "routes/reset-password.tsx"),
  route("undangan/:token", "routes/accept-invitation.tsx"),
  route("ganti-email/:token", "routes/confirm-email.tsx"),

  // Work area for signed-in people.
  route("kelola", "routes/manage/layout.tsx", [
    index("routes/manage/dashboard.tsx"),
    route("inovasi", "routes/manage/innovations.tsx"),
    route("inovasi/baru", "routes/manage/innovation-new.tsx"),
    route("inovasi/:id", "routes/manage/innovation-edit.tsx"),
    route("inovasi/:id/riwayat", "routes/manage/innovation-history.tsx"),
    route("inovasi/:id/pemutakhiran", "routes/manage/innovation-check-in.tsx"),
    route("pemutakhiran", "routes/manage/check-ins.tsx"),
    route("kunjungan", "routes/manage/visits.tsx"),
    route("kunjungan/baru", "routes/manage/visit-new.tsx"),
    route("kunjungan/:id", "routes/manage/visit.tsx"),
    route("acara", "routes/manage/events.tsx"),
    route("acara/:slug", "routes/manage/event.tsx"),
    route("unit", "routes/manage/units.tsx"),
    route("unit/contoh-unit.csv", "routes/manage/units-sample.tsx"),
    route("pengguna", "routes/manage/users.tsx"),
    route("instansi", "routes/manage/agencies.tsx"),
    route("kotak-keluar", "routes/manage/outbox.tsx"),
    route("log", "routes/manage/activity-log.tsx"),
    route("log/unduh", "routes/manage/activity-log-csv.tsx"),
    route("akun", "routes/manage/account.tsx"),
    route("proposal", "routes/manage/proposals.tsx"),
    route("proposal/:id", "routes/manage/proposal.tsx"),
    route("proposal/:id/tanda-terima", "routes/manage/proposal-receipt.tsx"),
    route("proposal/:id/berkas/:fileId", "routes/manage/proposal-file.tsx"),
    route("kompetisi", "routes/manage/competitions.tsx"),
    route("kompetisi/:slug", "routes/manage/competition.tsx"),
    route("kompetisi/:slug/atur/:part", "routes/manage/competition-part.tsx"),
    route("kompetisi/:slug/tahap/:stage", "routes/manage/competition-criteria.tsx"),
    route("kompetisi/:slug/seleksi", "routes/manage/screening.tsx"),
    route("kompetisi/:slug/seleksi/:id", "routes/manage/screening-proposal.tsx"),
    route("kompetisi/:slug/undangan", "routes/manage/invitations.tsx"),
    route("kompetisi/:slug/pesan", "routes/manage/broadcast.tsx"),
    route("kompetisi/:slug/juri", "routes/manage/judges.tsx"),
    route("kompetisi/:slug/konflik", "routes/manage/conflicts.tsx"),
    route("kompetisi/:slug/tahap/:stage/penugasan", "routes/manage/assignment.tsx"),
    route("kompetisi/:slug/tahap/:stage/pleno", "routes/manage/plenary.tsx"),
    route("kompetisi/:slug/laporan", "routes/manage/competition-report.tsx"),
    route("kompetisi/:slug/laporan/unduh", "routes/manage/competition-report-download.tsx"),
    route("kompetisi/:slug/hasil", "routes/manage/results.tsx"),
    route("kompetisi/:slug/hasil/unpsa", "routes/manage/results-unpsa.tsx"),
    route("kompetisi/:slug/keberatan", "routes/manage/objections.tsx"),
    route("kompetisi/:slug/tahap/:stage/jadwal", "routes/manage/presentation-schedule.tsx"),
    route("kompetisi/:slug/tahap/:stage/verifikasi", "routes/manage/field-visits.tsx"),
    route("presentasi/:id", "routes/manage/presentation-slot.tsx"),
    route("verifikasi/:slug/:stage/:id", "routes/manage/field-report.tsx"),
    route("notifikasi", "routes/manage/notifications.tsx"),
    route("pesan/:id", "routes/manage/broadcast-view.tsx"),
    route("penilaian", "routes/manage/reviews.tsx"),
    route("penilaian/:slug/:stage/:id", "routes/manage/review.tsx"),
  ]),

  // The open, read-only API.
  route("api/v1/openapi.json", "routes/api/openapi.ts"),
  route("api/v1/innovations", "routes/api/innovations.ts"),
  route("api/v1/innovations/:id", "routes/api/innovation.ts"),
  route("api/v1/agencies", "routes/api/agencies.ts"),
  route("api/v1/agencies/:id", "routes/api/agency.ts"),
  route("api/v1/regions", "routes/api/regions.ts"),
  route("api/v1/compliance", "routes/api/compliance.ts"),
  route("api/v1/sustainability", "routes/api/sustainability.ts"),
  route("api/v1/competitions", "routes/api/competitions.ts"),
  route("api/v1/competitions/:slug", "routes/api/competition.ts"),
  route("api/v1/competitions/:slug/results", "routes/api/competition-results.ts"),
  route("api/v1/certificates/:code", "routes/api/certificate.ts"),
  route("api/*", "routes/api/not-found.ts"),

  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
