import { defineMessages } from "~/i18n/define";

// Shared judging words and the use cases' errors. Pages keep their own catalogs beside this one
// (judging/admin-messages.ts for the secretariat's pages, judging/review-messages.ts for judges').
export const judgingMessages = defineMessages({
  "judging.errors.notJudge": "Pengguna ini bukan evaluator atau panelis edisi ini.",
  "judging.errors.region": "Kode wilayah tidak dikenal.",
  "judging.errors.reasonRequired": "Tuliskan alasannya.",
  "judging.errors.noJudges": "Belum ada juri dari kelompok juri tahap ini di edisi ini.",
  "judging.errors.resultsAnnounced": "Hasil edisi ini sudah diumumkan: penugasan, keputusan pleno, dan penilaian tidak dapat diubah lagi.",
  "judging.errors.noEntrants": "Belum ada proposal di tahap ini.",
  "judging.errors.notEntrant": "Proposal ini tidak ikut tahap ini.",
  "judging.errors.conflicted": "Juri ini memiliki konflik kepentingan dengan proposal ini.",
  "judging.errors.reviewSubmitted": "Penilaian juri ini sudah dikirim; buka kembali penilaiannya lebih dulu.",
  "judging.errors.locked": "Penilaian sudah dikirim dan terkunci.",
  "judging.errors.notOpen": "Tahap ini belum dibuka untuk penilaian.",
  "judging.errors.closed": "Tahap ini sudah ditutup; nilai tidak dapat diubah lagi.",
  "judging.errors.stale": "Penilaian ini baru saja diubah di tempat lain. Muat ulang halaman.",
  "judging.errors.scoreRequired": "Isi nilai untuk kriteria ini.",
  "judging.errors.scoreRange": "Nilai harus di dalam skala kriteria.",
  "judging.errors.justificationRequired": "Tuliskan alasan nilai ini.",
  "judging.errors.tooLong": "Teks terlalu panjang (paling banyak 3.000 karakter).",
  "judging.errors.overrideReason": "Keputusan berbeda dari usulan aturan: tuliskan alasannya.",
  "judging.errors.stageNotOpen": "Tahap ini belum dibuka: pleno memutus setelah penilaian tahapnya berjalan. Ubah tanggal tahap di pengaturan kompetisi bila tahap perlu dibuka lebih awal.",
  "judging.errors.scoringOpen": "Penilaian tahap ini belum selesai: masih ada juri yang belum mengirim penilaiannya dan tahap belum ditutup. Putuskan setelah semua penilaian terkirim atau tahap ditutup, atau centang bahwa pleno memutuskan tanpa menunggunya.",
  "judging.errors.noneChosen": "Tidak ada keputusan yang dikirim.",
  "judging.conflict.family": "Hubungan keluarga",
  "judging.conflict.work": "Hubungan kerja",
  "judging.conflict.financial": "Kepentingan keuangan",
  "judging.conflict.mentoring": "Pernah membina atau mendampingi",
  "judging.conflict.other": "Lainnya",
  "judging.conflictReason.own-agency": "instansi sendiri",
  "judging.conflictReason.same-province": "provinsi sendiri",
  "judging.conflictReason.earlier-involvement": "pernah menilai inovasi ini",
  "judging.conflictReason.declared": "konflik yang dinyatakan",
  "judging.role.evaluator": "Evaluator",
  "judging.role.panelist": "Panelis",
});

