import type { AgencyType } from "~/modules/innovations/vocab";
import type { Rng } from "./prng";
import type { Theme } from "./generator/types";

// Units (OPD, hospitals, health centres, district offices) of the agencies the source articles
// name. Names follow each government's own nomenclature as closely as public sources allow;
// the Banyumas list includes all 27 kecamatan.

export type UnitSpec = { name: string; kind: string };

const opd = (...names: string[]): UnitSpec[] => names.map((name) => ({ name, kind: "OPD" }));
const of = (kind: string, ...names: string[]): UnitSpec[] => names.map((name) => ({ name, kind }));

const BANYUMAS_KECAMATAN = [
  "Ajibarang", "Banyumas", "Baturraden", "Cilongok", "Gumelar", "Jatilawang", "Kalibagor", "Karanglewas",
  "Kebasen", "Kedungbanteng", "Kembaran", "Kemranjen", "Lumbir", "Patikraja", "Pekuncen", "Purwojati",
  "Purwokerto Barat", "Purwokerto Selatan", "Purwokerto Timur", "Purwokerto Utara", "Rawalo", "Sokaraja",
  "Somagede", "Sumbang", "Sumpiuh", "Tambak", "Wangon",
];

export const DEMO_UNITS: Record<string, UnitSpec[]> = {
  "kabupaten-banyumas-33-02": [
    ...of("Bagian Sekretariat Daerah", "Bagian Organisasi Sekretariat Daerah", "Bagian Perekonomian Sekretariat Daerah"),
    ...opd(
      "Inspektorat",
      "Badan Perencanaan Pembangunan dan Penelitian Pengembangan Daerah",
      "Dinas Pekerjaan Umum",
      "Dinas Kesehatan",
      "Dinas Pendidikan",
      "Dinas Perumahan dan Kawasan Permukiman",
      "Dinas Lingkungan Hidup",
      "Dinas Sosial, Pemberdayaan Masyarakat dan Desa",
      "Dinas Pengendalian Penduduk, Keluarga Berencana, Pemberdayaan Perempuan dan Perlindungan Anak",
      "Satuan Polisi Pamong Praja",
      "Dinas Kependudukan dan Pencatatan Sipil",
      "Dinas Komunikasi dan Informatika",
      "Dinas Pertanian dan Ketahanan Pangan",
      "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
      "Badan Penanggulangan Bencana Daerah",
      "Dinas Perhubungan",
      "Dinas Tenaga Kerja, Koperasi dan Usaha Kecil Menengah",
    ),
    ...of("Rumah sakit", "RSUD Banyumas", "RSUD Ajibarang"),
    ...of("Puskesmas", "Puskesmas Purwokerto Selatan", "Puskesmas Sokaraja I", "Puskesmas Ajibarang I", "Puskesmas Cilongok I", "Puskesmas Wangon I", "Puskesmas Baturraden I"),
    ...of("Kecamatan", ...BANYUMAS_KECAMATAN.map((k) => `Kecamatan ${k}`)),
  ],
  "kota-yogyakarta-34-71": [
    ...of("Bagian Sekretariat Daerah", "Bagian Organisasi Sekretariat Daerah"),
    ...opd(
      "Dinas Komunikasi, Informatika dan Persandian",
      "Dinas Kesehatan",
      "Dinas Pendidikan, Pemuda dan Olahraga",
      "Dinas Penanaman Modal dan Perizinan",
      "Dinas Kependudukan dan Pencatatan Sipil",
      "Dinas Lingkungan Hidup",
    ),
    ...of("Rumah sakit", "RSUD Kota Yogyakarta"),
    ...of("Puskesmas", "Puskesmas Jetis", "Puskesmas Gondokusuman I"),
    ...of("Kemantren", "Kemantren Gondokusuman", "Kemantren Kotagede"),
  ],
  "kabupaten-sragen-33-14": [
    ...of("Unit pelaksana", "Unit Pelayanan Terpadu Penanggulangan Kemiskinan"),
    ...of("Bagian Sekretariat Daerah", "Bagian Organisasi Sekretariat Daerah"),
    ...opd("Dinas Kesehatan", "Dinas Pendidikan dan Kebudayaan", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Sosial"),
    ...of("Rumah sakit", "RSUD dr. Soehadi Prijonegoro"),
  ],
  "kota-surabaya-35-78": [
    ...of("Bagian Sekretariat Daerah", "Bagian Organisasi Sekretariat Daerah"),
    ...opd(
      "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
      "Dinas Kependudukan dan Pencatatan Sipil",
      "Dinas Kesehatan",
      "Dinas Pendidikan",
      "Dinas Komunikasi dan Informatika",
      "Dinas Lingkungan Hidup",
    ),
    ...of("Puskesmas", "Puskesmas Ketabang", "Puskesmas Tanjungsari"),
    ...of("Kecamatan", "Kecamatan Tegalsari", "Kecamatan Rungkut"),
  ],
  "provinsi-dki-jakarta": [
    ...of("Biro Sekretariat Daerah", "Biro Organisasi dan Reformasi Birokrasi"),
    ...opd(
      "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
      "Dinas Kesehatan",
      "Dinas Pendidikan",
      "Dinas Komunikasi, Informatika dan Statistik",
      "Badan Penanggulangan Bencana Daerah",
      "Dinas Lingkungan Hidup",
      "Dinas Sosial",
      "Satuan Polisi Pamong Praja",
    ),
  ],
  "kabupaten-banyuwangi-35-10": [
    ...of("Bagian Sekretariat Daerah", "Bagian Organisasi Sekretariat Daerah"),
    ...opd(
      "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
      "Dinas Kesehatan",
      "Dinas Pendidikan",
      "Dinas Kependudukan dan Pencatatan Sipil",
      "Dinas Komunikasi, Informatika dan Persandian",
      "Dinas Pariwisata",
    ),
    ...of("Rumah sakit", "RSUD Blambangan"),
  ],
};

// Units of national agencies by how the innovation works; agencies with vertical offices also
// run innovations from a provincial office (Kantor Wilayah).
const NATIONAL_UNIT_BY_ARCHETYPE: Record<string, string> = {
  daring: "Pusat Data dan Informasi",
  terpadu: "Unit Layanan Terpadu",
  kemitraan: "Biro Perencanaan dan Kerja Sama",
  aduan: "Biro Hubungan Masyarakat",
  data: "Pusat Data dan Informasi",
};
const HAS_REGIONAL_OFFICES = new Set(["Kemenkum", "Kemenag", "ATR-BPN", "BPS", "Kemenimipas", "Kemenkeu", "BPOM", "BMKG"]);

/** The unit a generated innovation belongs to, by agency type, theme and archetype. */
export function unitFor(
  rng: Rng,
  agency: { type: AgencyType; shortName: string | null },
  theme: Theme,
  archetypeId: string,
  provinceName: string,
): UnitSpec {
  if (agency.type === "kementerian" || agency.type === "lembaga") {
    if (HAS_REGIONAL_OFFICES.has(agency.shortName ?? "") && rng.chance(0.5)) {
      return { name: `Kantor Wilayah Provinsi ${provinceName}`, kind: "Kantor wilayah" };
    }
    return { name: NATIONAL_UNIT_BY_ARCHETYPE[archetypeId] ?? "Sekretariat Jenderal", kind: "Unit kerja" };
  }
  if (agency.type === "bumn" || agency.type === "bumd") {
    return rng.pick([
      { name: "Unit Layanan Pelanggan", kind: "Unit kerja" },
      { name: "Divisi Teknologi Informasi", kind: "Unit kerja" },
      { name: "Divisi Operasional", kind: "Unit kerja" },
    ]);
  }
  // Provinces run hospitals and education too, but not puskesmas; regencies and cities run all.
  if (theme.id === "kesehatan-layanan" && agency.type !== "provinsi" && rng.chance(0.4)) {
    return { name: "Puskesmas Induk", kind: "Puskesmas" };
  }
  return { name: theme.unit, kind: theme.unit.startsWith("Rumah Sakit") ? "Rumah sakit" : "OPD" };
}

// Where a theme's innovations live among a demo agency's own units (name prefixes, first match
// wins), so generated Banyumas entries land in its real OPD list rather than a made-up unit.
const THEME_UNIT_PREFIXES: Record<string, string[]> = {
  "kesehatan-ibu-anak": ["Puskesmas", "Dinas Kesehatan"],
  "kesehatan-layanan": ["RSUD", "Puskesmas", "Dinas Kesehatan"],
  pendidikan: ["Dinas Pendidikan"],
  kependudukan: ["Dinas Kependudukan"],
  perizinan: ["Dinas Penanaman Modal"],
  sosial: ["Dinas Sosial", "Dinas Pengendalian Penduduk"],
  kemiskinan: ["Unit Pelayanan Terpadu Penanggulangan Kemiskinan", "Badan Perencanaan", "Dinas Sosial"],
  pangan: ["Dinas Pertanian"],
  pemberdayaan: ["Kecamatan", "Kemantren", "Dinas Sosial, Pemberdayaan"],
  ekonomi: ["Dinas Tenaga Kerja", "Dinas Penanaman Modal"],
  lingkungan: ["Dinas Lingkungan Hidup"],
  kebencanaan: ["Badan Penanggulangan Bencana"],
  hukum: ["Satuan Polisi Pamong Praja"],
  "tata-kelola": ["Kecamatan", "Inspektorat", "Bagian Organisasi", "Biro Organisasi"],
  infrastruktur: ["Dinas Pekerjaan Umum"],
  tik: ["Dinas Komunikasi"],
};

/** One of a demo agency's own units that fits the theme, if it has one. */
export function demoUnitFor(rng: Rng, agencySlug: string, themeId: string): UnitSpec | undefined {
  const units = DEMO_UNITS[agencySlug];
  if (!units) return undefined;
  for (const prefix of THEME_UNIT_PREFIXES[themeId] ?? []) {
    const matches = units.filter((u) => u.name.startsWith(prefix));
    if (matches.length) return rng.pick(matches);
  }
  return undefined;
}
