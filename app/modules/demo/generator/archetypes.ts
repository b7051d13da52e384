import type { Archetype } from "./types";

// How an innovation works. These are the recurring shapes of Indonesian public-service
// innovations seen in KIPP entries: jemput bola (the service goes to the people), an app,
// a community movement, a one-stop desk, a partnership, village cadres, a complaints channel,
// and data on a map. names[i] and acronyms[i] go together.
export const ARCHETYPES: Archetype[] = [
  {
    id: "keliling",
    names: ["Layanan {O} Keliling", "Jemput Bola {O} bagi {T}", "{O} Keliling Desa"],
    acronyms: ["{S} Keliling", "Jempol {S}", "Pelangi {S}"],
    kind: "layanan jemput bola",
    summaries: [
      "Petugas {unit} mendatangi {target} di desa dan kelurahan dengan jadwal tetap, sehingga {obj} tidak lagi menunggu warga datang ke kantor.",
      "Mobil layanan {unit} singgah di balai desa, sekolah, dan pasar sesuai jadwal, membawa {obj} ke dekat rumah warga.",
    ],
    novelty: [
      "Layanan yang biasanya hanya ada di kantor dibawa langsung ke tengah warga dengan mobil layanan dan perangkat portabel, lengkap dengan jadwal kunjungan yang diumumkan di desa.",
      "Pendekatan jemput bola: petugas yang mendatangi warga, bukan sebaliknya. Warga cukup membawa berkas ke balai desa pada hari kunjungan.",
    ],
    implementation: [
      "{unit} menyusun jadwal kunjungan bersama camat dan kepala desa, menyiapkan mobil layanan dan perangkat portabel, lalu melatih petugas. Jadwal diumumkan melalui pengeras suara masjid, grup WhatsApp desa, dan papan pengumuman. Setiap kunjungan dicatat dan dievaluasi setiap bulan.",
      "Uji coba dimulai di {n} desa terjauh selama tiga bulan, kemudian diperluas ke seluruh kecamatan. Petugas bergiliran turun ke lapangan dua hari dalam sepekan, sementara layanan kantor tetap buka.",
    ],
  },
  {
    id: "daring",
    names: ["Sistem Informasi {O}", "Aplikasi {O} Daring", "Layanan {O} Berbasis Aplikasi"],
    acronyms: ["Si{S}", "e-{S}", "{S} Online"],
    kind: "layanan berbasis aplikasi",
    summaries: [
      "Warga mengajukan {obj} lewat aplikasi ponsel dan situs web, mengunggah berkas, lalu memantau prosesnya dari rumah, sementara petugas {unit} bekerja dengan satu data.",
      "Seluruh proses {obj} kini berjalan daring, dengan pemberitahuan WhatsApp di setiap tahap sampai layanan selesai.",
    ],
    novelty: [
      "Seluruh proses {obj} dapat dilakukan dari ponsel, termasuk pemberitahuan di setiap tahap, sehingga warga tahu pasti kapan layanannya selesai.",
      "Aplikasi dibangun sendiri oleh tim {unit} dan terhubung dengan data kependudukan, sehingga warga tidak perlu lagi menyerahkan fotokopi berkas.",
    ],
    implementation: [
      "Tim {unit} memetakan alur layanan, memangkas persyaratan yang tidak perlu, lalu membangun aplikasi secara bertahap. Petugas dilatih, warga yang belum terbiasa dengan ponsel dibantu di pojok layanan, dan aplikasi diperbaiki berdasarkan masukan pengguna.",
      "Aplikasi diuji coba di {n} kecamatan, lalu diluncurkan untuk seluruh wilayah. Layanan tatap muka tetap dibuka bagi warga yang membutuhkan pendampingan.",
    ],
  },
  {
    id: "gerakan",
    names: ["Gerakan Bersama {O}", "Gerakan Masyarakat Sadar {O}", "Gerakan {O} Berbasis Desa"],
    acronyms: ["Gerbang {S}", "Gema {S}", "Geber {S}"],
    kind: "gerakan bersama masyarakat",
    summaries: [
      "Gerakan ini melibatkan {partner}, tokoh masyarakat, dan warga di setiap desa dalam {obj}. {unit} menjadi penggerak dan penyedia data, masyarakat menjadi pelakunya.",
      "Setiap desa menetapkan target {obj} sendiri, memasang papan capaian di balai desa, dan saling berlomba menjadi yang terbaik.",
    ],
    novelty: [
      "Masalah yang selama ini dianggap urusan dinas diubah menjadi gerakan warga dengan target bersama, papan capaian di setiap desa, dan penghargaan bagi desa terbaik.",
      "Menggabungkan pemicuan berbasis masyarakat dengan dukungan data dari {unit}, sehingga warga sendiri yang menemukan dan menyelesaikan masalahnya.",
    ],
    implementation: [
      "Gerakan diluncurkan dengan deklarasi bersama di tingkat daerah, lalu diturunkan ke kecamatan dan desa. Setiap desa membentuk tim penggerak, menetapkan target, dan melaporkan capaian setiap bulan dalam rapat koordinasi.",
      "Sosialisasi dilakukan di {n} desa melalui forum warga, pengajian, dan kegiatan PKK. Tim penggerak desa didampingi petugas {unit} sampai target tercapai.",
    ],
  },
  {
    id: "terpadu",
    names: ["Layanan Terpadu {O}", "Pojok {O} Satu Pintu", "Layanan {O} Satu Hari Selesai"],
    acronyms: ["Paten {S}", "Pojok {S}", "Sehari {S}"],
    kind: "layanan terpadu satu pintu",
    summaries: [
      "Layanan ini menyatukan {obj} dalam satu tempat dan satu alur kerja. Berkas cukup diserahkan sekali, diproses bersama oleh petugas beberapa perangkat daerah, dan hasilnya dapat diambil atau dikirim ke rumah.",
      "Warga tidak lagi berpindah dari kantor ke kantor: {obj} selesai di satu loket dengan waktu layanan yang diumumkan.",
    ],
    novelty: [
      "Proses yang sebelumnya berpindah-pindah meja dan kantor disatukan dalam satu loket dengan standar waktu yang diumumkan.",
      "Tim teknis lintas perangkat daerah bekerja di satu ruangan dan memutuskan bersama dalam satu pertemuan mingguan.",
    ],
    implementation: [
      "Perangkat daerah terkait menyepakati alur kerja bersama. Petugas dari beberapa dinas ditempatkan di satu lokasi, berkas dipindai sekali, dan keputusan diambil dalam rapat tim teknis setiap pekan.",
      "{unit} menyederhanakan persyaratan, menyusun standar pelayanan bersama perangkat daerah terkait, dan membuka loket terpadu yang melayani {n} jenis permohonan.",
    ],
  },
  {
    id: "kemitraan",
    names: ["Kemitraan {O} bersama {P}", "Sahabat {O}", "Kolaborasi {O} dengan {P}"],
    acronyms: ["Mitra {S}", "Sahabat {S}", "Kolak {S}"],
    kind: "kemitraan layanan",
    summaries: [
      "{unit} bermitra dengan {partner} untuk {obj}. Setiap pihak membawa sumber dayanya sendiri sehingga layanan menjangkau lebih banyak {target} tanpa menambah pegawai.",
      "Jaringan {partner} yang sudah ada di tengah masyarakat dimanfaatkan sebagai perpanjangan tangan {unit} untuk {obj}.",
    ],
    novelty: [
      "Kemitraan formal dengan {partner} yang dituangkan dalam perjanjian kerja sama, bukan kegiatan sesaat.",
      "Memanfaatkan jaringan {partner} yang sudah dipercaya warga sebagai perpanjangan tangan layanan pemerintah.",
    ],
    implementation: [
      "{unit} dan {partner} menandatangani perjanjian kerja sama, membagi peran, lalu melatih petugas kedua pihak. Pelaksanaan dipantau dalam rapat bersama setiap tiga bulan.",
      "Kerja sama dimulai di {n} kecamatan percontohan. Setelah evaluasi enam bulan, mitra dan wilayah layanan ditambah.",
    ],
  },
  {
    id: "kader",
    names: ["Kader {O} di Setiap Desa", "Duta {O} Desa", "Pendamping {O} Berbasis Warga"],
    acronyms: ["Kader {S}", "Duta {S}", "Pandu {S}"],
    kind: "jaringan kader desa",
    summaries: [
      "Kader terlatih di setiap desa menjadi penghubung antara {target} dan petugas {unit}: mendata, mengingatkan jadwal, dan mendampingi warga dalam {obj}.",
      "Warga setempat dilatih menjadi kader {obj}, sehingga layanan hadir setiap hari di desa, bukan hanya ketika petugas datang.",
    ],
    novelty: [
      "Warga setempat dilatih menjadi kader sehingga layanan hadir setiap hari di desa, bukan hanya saat petugas datang.",
      "Kader mendapat pelatihan, buku saku, dan grup komunikasi langsung dengan petugas {unit}.",
    ],
    implementation: [
      "{unit} merekrut dan melatih kader dari setiap desa, membekali mereka dengan buku saku dan formulir sederhana, serta membuat grup komunikasi dengan petugas. Kader melapor setiap pekan dan mendapat insentif dari dana desa.",
      "Pelatihan kader diadakan bertahap untuk {n} desa. Kader terbaik setiap tahun menjadi pelatih bagi kader baru.",
    ],
  },
  {
    id: "aduan",
    names: ["Respons Cepat {O}", "Tanggap Cepat {O}", "Pusat Panggilan {O}"],
    acronyms: ["Respon {S}", "Tanggap {S}", "Halo {S}"],
    kind: "kanal aduan dan respons cepat",
    summaries: [
      "Warga menyampaikan aduan tentang {obj} lewat telepon, WhatsApp, dan media sosial. Setiap aduan dicatat, diteruskan ke petugas yang berwenang, dan dilaporkan kembali kepada pelapor sampai selesai.",
      "Satu nomor pengaduan untuk {obj}, dengan batas waktu tanggapan yang diumumkan dan dapat dipantau publik.",
    ],
    novelty: [
      "Satu nomor pengaduan untuk semua keluhan, dengan batas waktu tanggapan yang diumumkan dan dapat dipantau publik.",
      "Pengaduan tidak berhenti di meja penerima: setiap aduan punya penanggung jawab dan batas waktu, dan pelapor mendapat kabar sampai aduan selesai.",
    ],
    implementation: [
      "Aduan diterima petugas piket, dicatat dalam aplikasi, diteruskan ke unit yang berwenang paling lama dalam satu hari kerja, lalu dipantau sampai selesai. Rekap pengaduan dibahas pimpinan setiap bulan.",
      "{unit} menyiapkan {n} petugas piket bergiliran, menetapkan batas waktu tanggapan, dan menghubungkan kanal pengaduan dengan SP4N-LAPOR!.",
    ],
  },
  {
    id: "data",
    names: ["Peta Digital {O}", "Dasbor Data {O}", "Pemetaan {O} Berbasis Desa"],
    acronyms: ["Peta {S}", "Dasbor {S}", "Sipeta {S}"],
    kind: "peta dan dasbor data",
    summaries: [
      "Data {obj} dipetakan dalam peta digital dan dasbor yang diperbarui setiap hari. Pimpinan dan petugas {unit} melihat di mana masalah paling besar dan mengarahkan sumber daya ke sana.",
      "Data {obj} yang sebelumnya tersebar di buku register kini disatukan dan dipetakan sampai tingkat desa.",
    ],
    novelty: [
      "Data yang sebelumnya tersebar di buku register dan lembar kerja disatukan dan dipetakan sampai tingkat desa.",
      "Keputusan pimpinan didasarkan pada peta sebaran masalah yang diperbarui setiap hari, bukan laporan bulanan.",
    ],
    implementation: [
      "Petugas memasukkan data dari lapangan melalui formulir ponsel; data divalidasi, dipetakan, dan ditampilkan di dasbor yang dapat dibuka pimpinan dan perangkat daerah. Peta dibahas dalam rapat koordinasi bulanan untuk menentukan prioritas.",
      "Pemetaan dimulai dengan pendataan ulang di {n} desa, lalu diperbarui oleh operator desa yang telah dilatih {unit}.",
    ],
  },
];
