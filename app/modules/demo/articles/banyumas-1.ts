import type { ArticleInnovation } from "./types";

// Kabupaten Banyumas showed 92 of its units' innovations at a festival on the Alun-alun
// Purwokerto in November 2017; the article names these, with the unit that runs each.
const AGENCY = "kabupaten-banyumas-33-02";

export const BANYUMAS_1: ArticleInnovation[] = [
  {
    key: "gemas-pesulan",
    slug: "gemas-pesulan-banyumas",
    agencySlug: AGENCY,
    unitName: "Dinas Pekerjaan Umum",
    name: "Gerakan Masyarakat Peduli Sungai",
    acronym: "Gemas Pesulan",
    summary:
      "Gemas Pesulan mengajak warga bantaran sungai, pelajar, komunitas, dan dunia usaha merawat sungai bersama Dinas Pekerjaan Umum. Kerja bakti bersih sungai terjadwal, pemantauan titik sampah, dan laporan cepat bila saluran tersumbat membuat air kembali mengalir lancar saat musim hujan.",
    problem:
      "Banyak sungai dan saluran di Banyumas tersumbat sampah rumah tangga dan endapan lumpur. Pembersihan hanya mengandalkan petugas DPU yang jumlahnya terbatas, sehingga genangan dan banjir lokal berulang di permukiman bantaran sungai setiap musim hujan, dan saluran irigasi sawah ikut terganggu.",
    targetGroup:
      "Warga yang tinggal di bantaran sungai dan kawasan rawan genangan, kelompok pemuda dan pelajar, serta petani pengguna saluran irigasi.",
    novelty:
      "Perawatan sungai tidak lagi menjadi pekerjaan dinas semata, tetapi gerakan warga: setiap ruas sungai punya kelompok peduli sungai, jadwal kerja bakti bulanan, dan jalur laporan langsung ke DPU bila ada kerusakan yang tidak bisa ditangani sendiri.",
    implementation:
      "DPU memetakan ruas sungai prioritas bersama pemerintah desa, membentuk kelompok peduli sungai di setiap ruas, dan meminjamkan peralatan kerja bakti. Kerja bakti dilakukan bergiliran setiap bulan. Laporan saluran tersumbat dikirim lewat pesan singkat ke petugas pengamat sungai dan ditindaklanjuti dengan alat berat bila perlu.",
    results:
      "Titik sumbatan sampah di ruas prioritas berkurang dan genangan setelah hujan lebat lebih cepat surut. Kelompok peduli sungai tumbuh di banyak desa, dan bersih sungai menjadi agenda rutin warga, bukan lagi kegiatan seremonial.",
    indicators: [
      { name: "Titik sumbatan sampah di ruas sungai prioritas", before: "48", after: "12", unit: "titik", source: "Rekap pemantauan DPU, 2017" },
      { name: "Kelompok peduli sungai yang aktif", before: "3", after: "41", unit: "kelompok", source: "Data DPU, 2017" },
      { name: "Lama genangan setelah hujan lebat", before: "6", after: "2", unit: "jam", source: "Catatan petugas pengamat sungai, 2017" },
    ],
    benefits:
      "Risiko banjir lokal turun, saluran irigasi lancar untuk sawah, dan warga ikut menjaga sungai sebagai ruang bersama. Pekerjaan ringan ditangani warga, sehingga anggaran pemeliharaan DPU dapat dipusatkan pada perbaikan besar.",
    resources:
      "Anggaran pemeliharaan sungai DPU untuk peralatan dan sewa alat berat, petugas pengamat sungai di setiap wilayah, relawan kelompok peduli sungai, serta dukungan dana desa untuk konsumsi kerja bakti.",
    sustainability:
      "Gerakan ini didukung surat edaran bupati tentang kerja bakti sungai, SOP penanganan laporan sumbatan di DPU, dan kerja sama dengan pemerintah desa serta komunitas pecinta sungai. Kelompok peduli sungai dicatat dalam keputusan kepala desa.",
    sectors: ["lingkungan", "infrastruktur", "pemberdayaan"],
    sdgs: [6, 11, 13],
    status: "implementasi",
    startedOn: "2016-03-01",
    publishedOn: "2017-11-20",
    origin: "original",
    contactName: "Sekretariat Gemas Pesulan, DPU",
    contactEmail: "dpu@banyumaskab.demo",
    photo: { color: [22, 101, 138] },
    evidence: {
      title: "Laporan Evaluasi Gemas Pesulan 2017",
      lines: [
        "Dinas Pekerjaan Umum Kabupaten Banyumas",
        "Ringkasan evaluasi pelaksanaan Gerakan Masyarakat Peduli Sungai.",
        "Titik sumbatan di ruas prioritas: 48 menjadi 12 titik.",
        "Kelompok peduli sungai aktif: 3 menjadi 41 kelompok.",
        "Dokumen demo Lumbung: angka ilustrasi.",
      ],
      // The report gives the first two indicators' figures; the third has no document.
      proves: [0, 1],
    },
  },
  {
    key: "roadshow-by-molin",
    slug: "roadshow-by-molin-banyumas",
    agencySlug: AGENCY,
    unitName: "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak",
    name: "Roadshow by Molin: Posyandu Remaja",
    acronym: "Roadshow by Molin",
    summary:
      "Tim DPPKBP3A berkeliling ke sekolah dan desa untuk membentuk serta mendampingi Posyandu Remaja. Remaja mendapat pemeriksaan kesehatan sederhana, informasi kesehatan reproduksi, pencegahan perkawinan usia anak, dan konseling dari teman sebaya yang sudah dilatih.",
    problem:
      "Remaja jarang datang ke layanan kesehatan, dan informasi kesehatan reproduksi yang mereka terima sering keliru. Perkawinan usia anak dan anemia pada remaja putri masih ditemui, sementara posyandu selama ini lebih banyak melayani balita dan ibu hamil.",
    targetGroup: "Remaja usia 10–24 tahun, terutama pelajar SMP dan SMA serta remaja putus sekolah di desa.",
    novelty:
      "Layanan datang ke tempat remaja berkumpul dengan cara yang mereka sukai: roadshow dengan musik, permainan, dan kader sebaya. Posyandu Remaja yang terbentuk dikelola remaja sendiri dengan pendampingan bidan desa dan penyuluh KB.",
    implementation:
      "Roadshow dijadwalkan bergiliran di sekolah dan desa. Setiap kunjungan diisi pemeriksaan tinggi badan, berat badan, tekanan darah, dan kadar hemoglobin, lalu kelas interaktif. Desa yang dikunjungi didampingi membentuk Posyandu Remaja dengan kader sebaya yang dilatih DPPKBP3A dan puskesmas.",
    results:
      "Posyandu Remaja terbentuk di banyak desa dan kelurahan dan berjalan setiap bulan. Remaja putri yang anemia lebih cepat ditemukan dan mendapat tablet tambah darah, dan permohonan dispensasi perkawinan usia anak mulai turun.",
    indicators: [
      { name: "Posyandu Remaja yang aktif", before: "5", after: "64", unit: "posyandu", source: "Laporan DPPKBP3A, 2017" },
      { name: "Remaja putri yang diperiksa kadar hemoglobinnya", before: "12", after: "58", unit: "persen", source: "Laporan puskesmas, 2017" },
    ],
    benefits:
      "Remaja mendapat tempat bertanya yang aman dan dipercaya. Masalah kesehatan remaja terdeteksi lebih awal, dan remaja belajar mengelola kegiatan untuk teman-temannya sendiri.",
    resources:
      "Anggaran program kesehatan reproduksi remaja DPPKBP3A, penyuluh KB, bidan desa, kader sebaya, dan peralatan pemeriksaan sederhana dari puskesmas.",
    sustainability:
      "Posyandu Remaja ditetapkan dengan keputusan kepala desa dan didanai dari dana desa. Pelatihan kader sebaya diadakan setiap tahun bersama puskesmas dan sekolah.",
    sectors: ["kesehatan", "sosial", "pemberdayaan"],
    sdgs: [3, 5],
    status: "implementasi",
    startedOn: "2017-02-01",
    publishedOn: "2017-11-20",
    origin: "original",
    contactName: "Bidang Keluarga Berencana, DPPKBP3A",
    contactEmail: "dppkbp3a@banyumaskab.demo",
    evidence: {
      title: "Rekap Posyandu Remaja Banyumas 2017",
      lines: [
        "DPPKBP3A Kabupaten Banyumas",
        "Rekap Posyandu Remaja yang aktif per kecamatan.",
        "Posyandu Remaja aktif: 5 menjadi 64 posyandu.",
        "Dokumen demo Lumbung: angka ilustrasi.",
      ],
      proves: [0],
    },
  },
  {
    key: "gemma-babs",
    slug: "gemma-babs-banyumas",
    agencySlug: AGENCY,
    unitName: "Dinas Kesehatan",
    name: "Gerakan Masyarakat Banyumas Stop Buang Air Besar Sembarangan",
    acronym: "Gemma BABS",
    summary:
      "Gemma BABS menggerakkan warga, desa, dan puskesmas untuk menghentikan kebiasaan buang air besar sembarangan. Pemicuan oleh sanitarian, arisan jamban, dan gotong royong membangun jamban sehat membuat desa demi desa dinyatakan bebas buang air besar sembarangan (ODF).",
    problem:
      "Masih banyak keluarga yang buang air besar di sungai, kolam, atau kebun karena belum memiliki jamban sehat. Kebiasaan ini mencemari sumber air dan menjadi penyebab diare serta stunting pada anak.",
    targetGroup: "Keluarga yang belum memiliki akses jamban sehat, terutama di desa-desa dengan sungai dan kolam yang dipakai sehari-hari.",
    novelty:
      "Pendekatan Sanitasi Total Berbasis Masyarakat dijadikan gerakan seluruh kabupaten: pemicuan rasa malu dan jijik oleh sanitarian, lalu warga sendiri yang membangun jamban dengan arisan dan gotong royong, bukan menunggu bantuan. Desa yang lulus verifikasi ODF diumumkan secara terbuka.",
    implementation:
      "Sanitarian puskesmas memicu warga di setiap desa, memetakan keluarga tanpa jamban, dan mendampingi pembentukan arisan jamban. Pemerintah desa mengalokasikan dana desa untuk keluarga miskin. Tim kabupaten memverifikasi desa yang mengajukan status ODF.",
    results:
      "Jumlah desa dan kelurahan yang dinyatakan ODF terus bertambah, dan akses jamban sehat keluarga meningkat. Kasus diare pada balita di desa ODF menurun.",
    indicators: [
      { name: "Desa/kelurahan yang dinyatakan ODF", before: "38", after: "210", unit: "desa/kelurahan", source: "Data STBM Dinas Kesehatan, 2017" },
      { name: "Keluarga dengan akses jamban sehat", before: "71", after: "93", unit: "persen", source: "Data STBM Dinas Kesehatan, 2017" },
    ],
    benefits:
      "Lingkungan dan sumber air lebih bersih, penyakit berbasis lingkungan berkurang, dan warga bangga desanya bebas buang air besar sembarangan.",
    resources: "Sanitarian di setiap puskesmas, anggaran promosi kesehatan Dinas Kesehatan, dana desa, dan swadaya warga melalui arisan jamban.",
    sustainability:
      "Didukung peraturan bupati tentang Sanitasi Total Berbasis Masyarakat, SOP verifikasi ODF, dan pemantauan rutin oleh puskesmas agar desa tidak kembali ke kebiasaan lama.",
    sectors: ["kesehatan", "lingkungan"],
    sdgs: [3, 6],
    status: "implementasi",
    startedOn: "2015-08-01",
    publishedOn: "2017-11-20",
    origin: "original",
    contactName: "Seksi Kesehatan Lingkungan, Dinas Kesehatan",
    contactEmail: "dinkes@banyumaskab.demo",
    photo: { color: [21, 128, 61] },
  },
  {
    key: "krpl",
    slug: "krpl-kwt-banyumas",
    agencySlug: AGENCY,
    unitName: "Dinas Pertanian dan Ketahanan Pangan",
    name: "Pelayanan Teknologi Kawasan Rumah Pangan Lestari di Kelompok Wanita Tani",
    acronym: "KRPL",
    summary:
      "Penyuluh pertanian mendampingi kelompok wanita tani memanfaatkan pekarangan untuk sayuran, buah, ikan, dan ternak kecil dengan teknologi sederhana: kebun bibit desa, vertikultur, dan pupuk organik. Pekarangan menjadi sumber pangan bergizi dan tambahan penghasilan keluarga.",
    problem:
      "Pekarangan rumah di desa banyak yang dibiarkan kosong, sementara keluarga membeli sayur setiap hari. Kelompok wanita tani belum mendapat pendampingan teknologi yang sesuai dengan lahan sempit.",
    targetGroup: "Kelompok wanita tani dan keluarga di desa, terutama keluarga dengan balita dan keluarga rawan pangan.",
    novelty:
      "Penyuluhan tidak lagi hanya untuk lahan sawah, tetapi untuk pekarangan: setiap kelompok memiliki kebun bibit desa yang menjadi sumber bibit bagi anggotanya, dan penyuluh datang dengan paket teknologi yang cocok untuk lahan sempit.",
    implementation:
      "Dinas memilih kelompok wanita tani di setiap kecamatan, membangun kebun bibit desa, lalu melatih anggota menanam dengan polibag dan vertikultur, membuat pupuk organik, dan memelihara ikan dalam ember. Hasil panen dicatat kelompok dan dijual bersama.",
    results: "Pekarangan anggota kelompok ditanami dan menghasilkan sayuran sepanjang tahun; belanja sayur keluarga berkurang dan kelompok mendapat pemasukan dari penjualan bibit.",
    indicators: [
      { name: "Kelompok wanita tani yang menerapkan KRPL", before: "4", after: "35", unit: "kelompok", source: "Laporan penyuluh pertanian, 2017" },
      { name: "Belanja sayur keluarga anggota", before: "300.000", after: "120.000", unit: "rupiah per bulan", source: "Survei kelompok, 2017" },
    ],
    benefits: "Gizi keluarga membaik, pengeluaran rumah tangga berkurang, dan perempuan desa memperoleh penghasilan tambahan.",
    resources: "Penyuluh pertanian lapangan, anggaran ketahanan pangan dinas, bibit dan sarana produksi awal, serta swadaya kelompok.",
    sustainability: "Kebun bibit desa dikelola kelompok secara mandiri dan menjual bibit kepada warga, sehingga kegiatan berlanjut setelah bantuan awal selesai.",
    sectors: ["pangan", "pemberdayaan"],
    sdgs: [2, 5],
    status: "implementasi",
    startedOn: "2016-05-01",
    publishedOn: "2017-11-21",
    origin: "original",
    contactName: "Bidang Ketahanan Pangan",
    contactEmail: "dinpertan@banyumaskab.demo",
  },
  {
    key: "gendis-mamas",
    slug: "gendis-mamas-banyumas",
    agencySlug: AGENCY,
    unitName: "Dinas Pendidikan",
    name: "Gerakan Nasional Pendidikan Inklusif Masyarakat Banyumas",
    acronym: "Gendis Mamas",
    summary:
      "Gendis Mamas membuka sekolah reguler bagi anak berkebutuhan khusus. Dinas Pendidikan menunjuk sekolah penyelenggara pendidikan inklusif di setiap kecamatan, melatih guru pembimbing khusus, dan melakukan asesmen agar setiap anak belajar di sekolah terdekat dari rumahnya.",
    problem:
      "Anak berkebutuhan khusus harus bersekolah di sekolah luar biasa yang jauh dari rumah, atau tidak bersekolah sama sekali. Sekolah reguler belum siap menerima mereka karena guru belum terlatih dan orang tua takut anaknya dirundung.",
    targetGroup: "Anak berkebutuhan khusus usia sekolah dan orang tuanya, guru, serta kepala sekolah di sekolah reguler.",
    novelty:
      "Pendidikan inklusif dijalankan sebagai gerakan masyarakat, tidak hanya program sekolah: kepala desa, komite sekolah, dan organisasi penyandang disabilitas ikut mendata anak yang belum sekolah dan meyakinkan orang tuanya.",
    implementation:
      "Dinas menetapkan sekolah inklusif di setiap kecamatan, melatih guru pembimbing khusus bersama perguruan tinggi, dan membentuk tim asesmen. Anak yang ditemukan belum sekolah diasesmen lalu didampingi masuk ke sekolah terdekat.",
    results: "Jumlah sekolah inklusif dan anak berkebutuhan khusus yang bersekolah di sekolah reguler meningkat; guru pembimbing khusus tersedia di setiap kecamatan.",
    indicators: [
      { name: "Sekolah penyelenggara pendidikan inklusif", before: "12", after: "87", unit: "sekolah", source: "Data Dinas Pendidikan, 2017" },
      { name: "Anak berkebutuhan khusus di sekolah reguler", before: "210", after: "1.140", unit: "anak", source: "Dapodik, 2017" },
    ],
    benefits: "Anak berkebutuhan khusus belajar dekat rumah bersama teman sebayanya; sekolah dan masyarakat belajar menerima perbedaan.",
    resources: "Anggaran Dinas Pendidikan untuk pelatihan guru, guru pembimbing khusus, dukungan perguruan tinggi, dan organisasi penyandang disabilitas.",
    sustainability: "Didukung peraturan bupati tentang pendidikan inklusif, penetapan sekolah inklusif setiap tahun, dan pelatihan berkala guru pembimbing khusus.",
    sectors: ["pendidikan", "sosial"],
    sdgs: [4, 10],
    status: "implementasi",
    startedOn: "2016-07-18",
    publishedOn: "2017-11-21",
    origin: "original",
    contactName: "Bidang Pendidikan Dasar",
    contactEmail: "dindik@banyumaskab.demo",
  },
  {
    key: "mitra-kurir-langit",
    slug: "mitra-kurir-langit-banyumas",
    agencySlug: AGENCY,
    unitName: "Dinas Sosial, Pemberdayaan Masyarakat dan Desa",
    name: "Mitra Kurir Langit",
    acronym: "Mitra Kurir Langit",
    summary:
      "Mitra Kurir Langit adalah jaringan relawan mitra dinas sosial di desa yang mengantarkan layanan sosial kepada warga yang tidak mampu datang ke kantor: lansia, penyandang disabilitas, dan keluarga miskin. Relawan menjemput berkas permohonan, membantu kelengkapannya, dan mengantarkan kembali hasilnya.",
    problem:
      "Warga paling rentan justru paling sulit mengakses layanan sosial. Mereka harus datang ke kantor dinas di Purwokerto dengan biaya dan tenaga yang tidak mereka miliki, sehingga banyak yang tidak pernah mengurus haknya.",
    targetGroup: "Lansia, penyandang disabilitas, dan keluarga miskin yang tinggal jauh dari kantor dinas sosial.",
    novelty: "Relawan desa menjadi kurir layanan sosial: berkas dan hasil layanan yang berpindah, bukan warga rentan yang harus bepergian.",
    implementation:
      "Dinas merekrut relawan dari pekerja sosial masyarakat dan karang taruna di setiap desa, melatih mereka tentang persyaratan layanan sosial, dan membuat jadwal penjemputan berkas ke kantor dinas setiap pekan.",
    results: "Permohonan layanan sosial dari desa-desa terjauh meningkat, dan waktu yang dibutuhkan warga untuk mendapat hasil layanan lebih singkat.",
    indicators: [
      { name: "Permohonan layanan sosial yang diantar relawan", before: "0", after: "1.350", unit: "permohonan per tahun", source: "Register Dinas Sosial, 2017" },
      { name: "Relawan mitra yang aktif", before: "0", after: "180", unit: "orang", source: "Data Dinas Sosial, 2017" },
    ],
    benefits: "Warga rentan memperoleh haknya tanpa biaya perjalanan; dinas mendapat informasi lapangan yang lebih baik tentang warga yang membutuhkan.",
    resources: "Relawan pekerja sosial masyarakat, insentif transportasi dari anggaran dinas, dan formulir layanan yang disederhanakan.",
    sustainability: "Relawan ditetapkan dengan keputusan kepala dinas dan mendapat pelatihan penyegaran setiap tahun; desa ikut mendukung melalui dana desa.",
    sectors: ["sosial", "kemiskinan"],
    sdgs: [1, 10],
    status: "implementasi",
    startedOn: "2017-01-09",
    publishedOn: "2017-11-21",
    origin: "original",
    contactName: "Bidang Rehabilitasi Sosial",
    contactEmail: "dinsos@banyumaskab.demo",
  },
];
