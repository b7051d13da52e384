// Ministries (kementerian) and national agencies (lembaga) as a reference list kept in the repo.
// Names follow the 2024 cabinet's nomenclature; update this list when the cabinet changes.
//
// The years matter to "One Agency, One Innovation", judged year by year: a body formed in 2024
// (the October cabinet, Perpres 139/2024; Badan Gizi Nasional, Perpres 83/2024) owes its first
// innovation for 2025 (`activeFrom`), and
// the ministries it split or replaced are judged up to 2024 (`activeUntil`), so the figures of
// 2022 count the ministries of 2022. A ministry only renamed (Kominfo → Komdigi) keeps its row,
// with the names it bore before (`formerNames`, each with the last year it was borne: the year of
// the rename, counted under the old name like a new body's first months), so what is published
// about a past year names it as it was then (agencyNameIn).
//
// The renames kept here, each the same body under a new name, as the 2024 cabinet (Kabinet Merah
// Putih, sworn in 21 October 2024; its ministries set by Perpres 139/2024) named them:
// - Kementerian Komunikasi dan Informatika (Kominfo) → Kementerian Komunikasi dan Digital.
// - Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi (Kemendes PDTT) →
//   Kementerian Desa dan Pembangunan Daerah Tertinggal: transmigration went to a new ministry
//   (Kementerian Transmigrasi, a new row from 2025), the rest carried on as before, so the row
//   carries on too (its duty record, its innovations) under the narrower name.
// - Kementerian Investasi/BKPM → Kementerian Investasi dan Hilirisasi/BKPM; it had itself been the
//   Badan Koordinasi Penanaman Modal (a national agency) until raised to a ministry in April 2021,
//   keeping the agency under the same head: one body throughout, as the row already counted it.
// Not renames, and so new rows with `activeFrom` (above) and old ones with `activeUntil` (below):
// the ministries split in two or more (Kemenkumham, Kemendikbudristek, PUPR, LHK, Parekraf,
// KopUKM), and the agencies the cabinet replaced with ministries (BP2MI, BKKBN).
import type { FormerName } from "../name-in-year";

export type NationalAgency = {
  name: string;
  shortName: string;
  type: "kementerian" | "lembaga";
  activeFrom?: number;
  activeUntil?: number;
  formerNames?: FormerName[];
};

const CABINET_2024 = 2025;

export const NATIONAL_AGENCIES: NationalAgency[] = [
  { name: "Kementerian Sekretariat Negara", shortName: "Kemensetneg", type: "kementerian" },
  { name: "Kementerian Dalam Negeri", shortName: "Kemendagri", type: "kementerian" },
  { name: "Kementerian Luar Negeri", shortName: "Kemlu", type: "kementerian" },
  { name: "Kementerian Pertahanan", shortName: "Kemhan", type: "kementerian" },
  { name: "Kementerian Agama", shortName: "Kemenag", type: "kementerian" },
  { name: "Kementerian Hukum", shortName: "Kemenkum", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Hak Asasi Manusia", shortName: "KemenHAM", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Imigrasi dan Pemasyarakatan", shortName: "Kemenimipas", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Keuangan", shortName: "Kemenkeu", type: "kementerian" },
  { name: "Kementerian Pendidikan Dasar dan Menengah", shortName: "Kemendikdasmen", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Pendidikan Tinggi, Sains, dan Teknologi", shortName: "Kemdiktisaintek", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Kebudayaan", shortName: "Kemenbud", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Kesehatan", shortName: "Kemenkes", type: "kementerian" },
  { name: "Kementerian Sosial", shortName: "Kemensos", type: "kementerian" },
  { name: "Kementerian Ketenagakerjaan", shortName: "Kemnaker", type: "kementerian" },
  { name: "Kementerian Perlindungan Pekerja Migran Indonesia", shortName: "KP2MI", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Perindustrian", shortName: "Kemenperin", type: "kementerian" },
  { name: "Kementerian Perdagangan", shortName: "Kemendag", type: "kementerian" },
  { name: "Kementerian Energi dan Sumber Daya Mineral", shortName: "KESDM", type: "kementerian" },
  { name: "Kementerian Pekerjaan Umum", shortName: "Kementerian PU", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Perumahan dan Kawasan Permukiman", shortName: "KemenPKP", type: "kementerian", activeFrom: CABINET_2024 },
  {
    name: "Kementerian Desa dan Pembangunan Daerah Tertinggal",
    shortName: "Kemendes PDT",
    type: "kementerian",
    formerNames: [{ name: "Kementerian Desa, Pembangunan Daerah Tertinggal, dan Transmigrasi", shortName: "Kemendes PDTT", until: 2024 }],
  },
  { name: "Kementerian Transmigrasi", shortName: "Kementrans", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Perhubungan", shortName: "Kemenhub", type: "kementerian" },
  {
    name: "Kementerian Komunikasi dan Digital",
    shortName: "Komdigi",
    type: "kementerian",
    formerNames: [{ name: "Kementerian Komunikasi dan Informatika", shortName: "Kominfo", until: 2024 }],
  },
  { name: "Kementerian Pertanian", shortName: "Kementan", type: "kementerian" },
  { name: "Kementerian Kehutanan", shortName: "Kemenhut", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Kelautan dan Perikanan", shortName: "KKP", type: "kementerian" },
  { name: "Kementerian Agraria dan Tata Ruang/Badan Pertanahan Nasional", shortName: "ATR-BPN", type: "kementerian" },
  { name: "Kementerian Perencanaan Pembangunan Nasional/Bappenas", shortName: "Bappenas", type: "kementerian" },
  { name: "Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", shortName: "Kementerian PANRB", type: "kementerian" },
  { name: "Kementerian Badan Usaha Milik Negara", shortName: "Kementerian BUMN", type: "kementerian" },
  {
    name: "Kementerian Investasi dan Hilirisasi/BKPM",
    shortName: "BKPM",
    type: "kementerian",
    formerNames: [
      { name: "Kementerian Investasi/Badan Koordinasi Penanaman Modal", shortName: "Kementerian Investasi/BKPM", until: 2024 },
      { name: "Badan Koordinasi Penanaman Modal", shortName: "BKPM", until: 2021 },
    ],
  },
  { name: "Kementerian Koperasi", shortName: "Kemenkop", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Usaha Mikro, Kecil, dan Menengah", shortName: "Kementerian UMKM", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Pariwisata", shortName: "Kemenpar", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Ekonomi Kreatif", shortName: "Kemenekraf", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Pemberdayaan Perempuan dan Perlindungan Anak", shortName: "KemenPPPA", type: "kementerian" },
  { name: "Kementerian Kependudukan dan Pembangunan Keluarga/BKKBN", shortName: "Kemendukbangga", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Kementerian Pemuda dan Olahraga", shortName: "Kemenpora", type: "kementerian" },
  { name: "Kementerian Lingkungan Hidup", shortName: "KLH", type: "kementerian", activeFrom: CABINET_2024 },
  { name: "Lembaga Administrasi Negara", shortName: "LAN", type: "lembaga" },
  { name: "Badan Kepegawaian Negara", shortName: "BKN", type: "lembaga" },
  { name: "Badan Pusat Statistik", shortName: "BPS", type: "lembaga" },
  { name: "Badan Riset dan Inovasi Nasional", shortName: "BRIN", type: "lembaga" },
  { name: "Badan Pengawas Obat dan Makanan", shortName: "BPOM", type: "lembaga" },
  { name: "Badan Nasional Penanggulangan Bencana", shortName: "BNPB", type: "lembaga" },
  { name: "Badan Meteorologi, Klimatologi, dan Geofisika", shortName: "BMKG", type: "lembaga" },
  { name: "Badan Pengawasan Keuangan dan Pembangunan", shortName: "BPKP", type: "lembaga" },
  { name: "Badan Narkotika Nasional", shortName: "BNN", type: "lembaga" },
  { name: "Badan Siber dan Sandi Negara", shortName: "BSSN", type: "lembaga" },
  { name: "Badan Informasi Geospasial", shortName: "BIG", type: "lembaga" },
  { name: "Badan Standardisasi Nasional", shortName: "BSN", type: "lembaga" },
  { name: "Badan Nasional Pencarian dan Pertolongan", shortName: "Basarnas", type: "lembaga" },
  // Formed by Perpres 66/2021 (July 2021): its first full year is 2022.
  { name: "Badan Pangan Nasional", shortName: "Bapanas", type: "lembaga", activeFrom: 2022 },
  { name: "Badan Gizi Nasional", shortName: "BGN", type: "lembaga", activeFrom: CABINET_2024 },
  { name: "Badan Penyelenggara Jaminan Sosial Kesehatan", shortName: "BPJS Kesehatan", type: "lembaga" },
  { name: "Badan Penyelenggara Jaminan Sosial Ketenagakerjaan", shortName: "BPJS Ketenagakerjaan", type: "lembaga" },
  { name: "Perpustakaan Nasional Republik Indonesia", shortName: "Perpusnas", type: "lembaga" },
  { name: "Arsip Nasional Republik Indonesia", shortName: "ANRI", type: "lembaga" },
  { name: "Kepolisian Negara Republik Indonesia", shortName: "Polri", type: "lembaga" },
  { name: "Kejaksaan Republik Indonesia", shortName: "Kejaksaan RI", type: "lembaga" },
  { name: "Ombudsman Republik Indonesia", shortName: "Ombudsman RI", type: "lembaga" },
  // The ministries and agencies the 2024 cabinet split or replaced, judged until then.
  { name: "Kementerian Hukum dan Hak Asasi Manusia", shortName: "Kemenkumham", type: "kementerian", activeUntil: 2024 },
  { name: "Kementerian Pendidikan, Kebudayaan, Riset, dan Teknologi", shortName: "Kemendikbudristek", type: "kementerian", activeUntil: 2024 },
  { name: "Kementerian Pekerjaan Umum dan Perumahan Rakyat", shortName: "Kementerian PUPR", type: "kementerian", activeUntil: 2024 },
  { name: "Kementerian Lingkungan Hidup dan Kehutanan", shortName: "KLHK", type: "kementerian", activeUntil: 2024 },
  { name: "Kementerian Pariwisata dan Ekonomi Kreatif/Baparekraf", shortName: "Kemenparekraf", type: "kementerian", activeUntil: 2024 },
  { name: "Kementerian Koperasi dan Usaha Kecil dan Menengah", shortName: "KemenKopUKM", type: "kementerian", activeUntil: 2024 },
  { name: "Badan Pelindungan Pekerja Migran Indonesia", shortName: "BP2MI", type: "lembaga", activeUntil: 2024 },
  { name: "Badan Kependudukan dan Keluarga Berencana Nasional", shortName: "BKKBN", type: "lembaga", activeUntil: 2024 },
];
