import type { ArticleInnovation } from "./types";

// UPIK Yogyakarta and Sragen's poverty-service unit were presented at the 2013 "One Agency, One
// Innovation" workshop; the Mal Pelayanan Publik grew out of the ministry's replication forum for
// licensing services, and by November 2017 Kota Surabaya, Provinsi DKI Jakarta and Kabupaten
// Banyuwangi ran one. Jakarta's and Banyuwangi's are recorded as replications of Surabaya's to
// show how the register links an adopter to its source.

const MPP_INDICATORS = (services: string, before: string, after: string) => [
  { name: "Jenis layanan dalam satu gedung", before, after, unit: "jenis layanan", source: "Data pengelola MPP, 2017" },
  { name: "Lama penyelesaian izin usaha", before: "14", after: "3", unit: "hari kerja", source: `Register ${services}, 2017` },
];

export const OTHER_ARTICLES: ArticleInnovation[] = [
  {
    key: "upik-yogyakarta",
    slug: "upik-yogyakarta",
    agencySlug: "kota-yogyakarta-34-71",
    unitName: "Dinas Komunikasi, Informatika dan Persandian",
    name: "Unit Pelayanan Informasi dan Keluhan",
    acronym: "UPIK",
    summary:
      "UPIK adalah sarana mediasi komunikasi antara penyelenggara pelayanan publik dan warga Kota Yogyakarta. Warga menyampaikan informasi, pertanyaan, dan keluhan lewat SMS, telepon, surat, atau situs web; UPIK meneruskannya ke perangkat daerah yang berwenang dan memastikan setiap keluhan dijawab.",
    problem:
      "Keluhan warga tersebar di banyak kantor dan sering tidak berujung jawaban. Warga tidak tahu harus mengadu ke mana, dan pemerintah kota tidak punya gambaran utuh tentang masalah layanan yang paling sering dikeluhkan.",
    targetGroup: "Seluruh warga Kota Yogyakarta dan pengguna layanan pemerintah kota, termasuk pendatang dan mahasiswa.",
    novelty:
      "Satu pintu untuk semua keluhan dan pertanyaan, dengan banyak saluran yang murah bagi warga, dan jawaban yang diumumkan terbuka sehingga warga lain dapat membaca tanggapan atas keluhan yang serupa.",
    implementation:
      "Petugas UPIK menerima dan memverifikasi setiap keluhan, meneruskannya kepada perangkat daerah yang berwenang dengan batas waktu jawaban, memantau tindak lanjutnya, dan menerbitkan jawaban. Rekap keluhan dibahas secara berkala oleh pimpinan kota.",
    results:
      "Keluhan warga tercatat di satu tempat dan sebagian besar mendapat jawaban dalam batas waktu. Rekap keluhan menjadi masukan bagi perbaikan layanan perangkat daerah.",
    indicators: [
      { name: "Keluhan yang dijawab dalam batas waktu", before: "40", after: "92", unit: "persen", source: "Rekap UPIK" },
      { name: "Saluran penyampaian keluhan", before: "1", after: "5", unit: "saluran", source: "Data UPIK" },
    ],
    benefits: "Warga punya satu alamat untuk semua keluhan; pemerintah kota belajar dari keluhan untuk memperbaiki layanan dan membangun kepercayaan.",
    resources: "Petugas UPIK, sistem informasi pengaduan, saluran telepon dan SMS, serta penghubung di setiap perangkat daerah.",
    sustainability:
      "UPIK diatur dengan peraturan wali kota, memiliki SOP penanganan keluhan, dan terhubung dengan SP4N-LAPOR! agar keluhan dari kanal nasional juga tertangani.",
    sectors: ["tata_kelola", "tik"],
    sdgs: [16],
    status: "implementasi",
    startedOn: "2003-07-01",
    publishedOn: "2014-02-10",
    origin: "original",
    contactName: "Pengelola UPIK",
    contactEmail: "upik@jogjakota.demo",
    photo: { color: [88, 28, 135] },
  },
  {
    key: "uptpk-sragen",
    slug: "uptpk-sragen",
    agencySlug: "kabupaten-sragen-33-14",
    unitName: "Unit Pelayanan Terpadu Penanggulangan Kemiskinan",
    name: "Unit Pelayanan Terpadu Penanggulangan Kemiskinan",
    acronym: "UPTPK",
    summary:
      "UPTPK adalah satu pintu bagi warga miskin Sragen untuk semua layanan penanggulangan kemiskinan: jaminan kesehatan, bantuan pendidikan, bantuan sosial, dan rujukan program lain. Melayani warga miskin membutuhkan cara tersendiri agar bantuan efektif dan tepat sasaran, dan UPTPK dibangun untuk itu.",
    problem:
      "Upaya banyak pemerintah daerah mengelola bantuan bagi warga miskin tidak efektif dan tidak tepat sasaran: data berbeda di setiap dinas, warga miskin harus mengurus surat ke banyak kantor, dan pengaduan tidak tertangani.",
    targetGroup: "Keluarga miskin dan rentan miskin di Kabupaten Sragen, terutama yang sakit, putus sekolah, atau belum terjangkau bantuan.",
    novelty:
      "Layanan bagi warga miskin dipadukan dalam satu unit dengan satu basis data, sehingga satu kunjungan cukup untuk mendapat semua rujukan yang menjadi haknya, dan pengaduan warga miskin ditangani di tempat yang sama.",
    implementation:
      "UPTPK menerima pengaduan dan permohonan, memverifikasi kondisi keluarga dengan data terpadu dan kunjungan lapangan, lalu menerbitkan rujukan ke rumah sakit, sekolah, atau program bantuan. Data dimutakhirkan bersama desa dan perangkat daerah.",
    results:
      "Warga miskin mendapat layanan lebih cepat dan bantuan lebih tepat sasaran. Pengalaman ini dipresentasikan pada workshop One Agency One Innovation tahun 2013, dan Sragen tercatat sebagai salah satu daerah Indonesia yang masuk lima besar kompetisi pelayanan publik PBB (UNPSA).",
    indicators: [
      { name: "Waktu mendapat rujukan layanan kesehatan", before: "5", after: "1", unit: "hari", source: "Register UPTPK" },
      { name: "Pengaduan warga miskin yang ditangani", before: "30", after: "95", unit: "persen", source: "Register UPTPK" },
    ],
    benefits: "Warga miskin tidak lagi terlempar dari kantor ke kantor; pemerintah daerah memiliki satu data untuk merencanakan penanggulangan kemiskinan.",
    resources: "Petugas UPTPK, basis data terpadu kemiskinan, anggaran jaminan kesehatan dan pendidikan daerah, serta jejaring dengan rumah sakit dan sekolah.",
    sustainability: "UPTPK ditetapkan dengan peraturan bupati sebagai unit tetap dan didanai APBD setiap tahun.",
    sectors: ["kemiskinan", "sosial", "kesehatan"],
    sdgs: [1, 3, 10],
    status: "implementasi",
    startedOn: "2012-02-01",
    publishedOn: "2014-02-10",
    origin: "original",
    contactName: "Sekretariat UPTPK",
    contactEmail: "uptpk@sragenkab.demo",
  },
  {
    key: "mpp-surabaya",
    slug: "mal-pelayanan-publik-surabaya",
    agencySlug: "kota-surabaya-35-78",
    unitName: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    name: "Mal Pelayanan Publik Kota Surabaya",
    acronym: "MPP Surabaya",
    summary:
      "Warga dan pelaku usaha cukup datang ke satu gedung untuk mengurus berbagai macam izin dan layanan: perizinan pemerintah kota, administrasi kependudukan, serta layanan instansi vertikal, BUMN, dan perbankan. Layanan perizinan terpadu yang sudah berjalan dikembangkan menjadi mal pelayanan publik.",
    problem: "Warga dan pelaku usaha harus mendatangi banyak kantor di lokasi berbeda untuk satu urusan, dengan persyaratan yang berulang dan waktu yang tidak pasti.",
    targetGroup: "Warga Kota Surabaya, pelaku usaha, dan calon investor.",
    novelty: "Layanan pemerintah kota, instansi pusat, BUMN, dan perbankan berada di bawah satu atap dengan satu sistem antrean dan standar pelayanan yang sama.",
    implementation:
      "DPMPTSP menata gedung layanan bersama, mengundang instansi vertikal, BUMN, dan perbankan untuk membuka gerai, menyatukan sistem antrean, dan menyusun standar pelayanan bersama yang diumumkan.",
    results: "Jumlah layanan dalam satu gedung bertambah dan waktu penyelesaian izin turun; warga menyelesaikan beberapa urusan dalam satu kunjungan.",
    indicators: MPP_INDICATORS("DPMPTSP Kota Surabaya", "12", "140"),
    benefits: "Urusan warga dan pelaku usaha selesai lebih cepat dan murah; iklim investasi kota membaik.",
    resources: "Gedung layanan milik pemerintah kota, petugas DPMPTSP dan instansi mitra, sistem antrean dan perizinan daring.",
    sustainability: "Ditetapkan dengan peraturan wali kota, dengan perjanjian kerja sama bersama setiap instansi yang membuka gerai.",
    sectors: ["perizinan", "tata_kelola"],
    sdgs: [8, 16],
    status: "implementasi",
    startedOn: "2017-03-01",
    publishedOn: "2017-09-04",
    origin: "original",
    contactName: "Pengelola MPP, DPMPTSP",
    contactEmail: "dpmptsp@surabaya.demo",
    photo: { color: [30, 64, 175] },
  },
  {
    key: "mpp-jakarta",
    slug: "mal-pelayanan-publik-dki-jakarta",
    agencySlug: "provinsi-dki-jakarta",
    unitName: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    name: "Mal Pelayanan Publik Provinsi DKI Jakarta",
    acronym: "MPP DKI Jakarta",
    summary:
      "Mal Pelayanan Publik DKI Jakarta menyatukan layanan perizinan provinsi dengan gerai instansi pusat, BUMN, dan perbankan di satu gedung, meniru konsep satu atap yang dikembangkan melalui forum replikasi pelayanan perizinan.",
    problem: "Pemohon izin di Jakarta harus berpindah antara kantor provinsi, kantor wali kota administrasi, dan instansi pusat yang tersebar di seluruh kota.",
    targetGroup: "Warga dan pelaku usaha di Provinsi DKI Jakarta.",
    novelty:
      "Replikasi Mal Pelayanan Publik Kota Surabaya, disesuaikan dengan skala provinsi: layanan tingkat provinsi dan kota administrasi digabung dengan gerai instansi pusat di satu gedung.",
    implementation:
      "DPMPTSP DKI Jakarta mempelajari pengalaman daerah lain melalui forum replikasi pelayanan perizinan, menyiapkan gedung, mengundang instansi mitra, dan menyatukan sistem antrean.",
    results: "Layanan dalam satu gedung bertambah dan waktu penyelesaian izin menjadi lebih pasti.",
    indicators: MPP_INDICATORS("DPMPTSP DKI Jakarta", "20", "300"),
    benefits: "Pemohon menghemat waktu perjalanan di kota yang padat dan mendapat kepastian layanan.",
    resources: "Gedung layanan pemerintah provinsi, petugas DPMPTSP, dan gerai instansi mitra.",
    sustainability: "Ditetapkan dengan peraturan gubernur dan perjanjian kerja sama dengan instansi mitra.",
    sectors: ["perizinan", "tata_kelola"],
    sdgs: [8, 16],
    status: "implementasi",
    startedOn: "2017-06-01",
    publishedOn: "2017-10-02",
    origin: "replication",
    replicates: "mpp-surabaya",
    originNote: "Replikasi melalui forum replikasi pelayanan perizinan Kementerian PANRB.",
    contactName: "Pengelola MPP, DPMPTSP",
    contactEmail: "dpmptsp@jakarta.demo",
  },
  {
    key: "mpp-banyuwangi",
    slug: "mal-pelayanan-publik-banyuwangi",
    agencySlug: "kabupaten-banyuwangi-35-10",
    unitName: "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    name: "Mal Pelayanan Publik Kabupaten Banyuwangi",
    acronym: "MPP Banyuwangi",
    summary:
      "Mal Pelayanan Publik Banyuwangi membawa konsep satu atap ke sebuah kabupaten: perizinan, administrasi kependudukan, layanan instansi vertikal, dan perbankan dilayani di satu gedung, sehingga warga dari kecamatan terjauh cukup datang sekali.",
    problem: "Warga kabupaten yang luas harus menempuh perjalanan jauh ke beberapa kantor yang berbeda untuk satu urusan.",
    targetGroup: "Warga dan pelaku usaha Kabupaten Banyuwangi, terutama yang tinggal jauh dari pusat kota.",
    novelty: "Replikasi Mal Pelayanan Publik Kota Surabaya untuk sebuah kabupaten, dengan layanan kependudukan dan kesehatan yang banyak dibutuhkan warga desa.",
    implementation:
      "Pemerintah kabupaten menyiapkan gedung, mengajak instansi vertikal dan perbankan membuka gerai, menyatukan antrean, serta mengumumkan standar pelayanan setiap gerai.",
    results: "Jumlah layanan di satu gedung bertambah; warga menyelesaikan beberapa urusan dalam satu kunjungan.",
    indicators: MPP_INDICATORS("DPMPTSP Kabupaten Banyuwangi", "8", "120"),
    benefits: "Ongkos dan waktu perjalanan warga desa berkurang; pelayanan antarinstansi lebih terkoordinasi.",
    resources: "Gedung layanan pemerintah kabupaten, petugas DPMPTSP, dan gerai instansi mitra.",
    sustainability: "Ditetapkan dengan peraturan bupati dan perjanjian kerja sama dengan instansi mitra.",
    sectors: ["perizinan", "kependudukan", "tata_kelola"],
    sdgs: [8, 16],
    status: "implementasi",
    startedOn: "2017-08-01",
    publishedOn: "2017-11-06",
    origin: "replication",
    replicates: "mpp-surabaya",
    originNote: "Replikasi melalui forum replikasi pelayanan perizinan Kementerian PANRB.",
    contactName: "Pengelola MPP, DPMPTSP",
    contactEmail: "dpmptsp@banyuwangikab.demo",
  },
];
