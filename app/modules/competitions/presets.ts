// Two ready-made configurations, so that the secretariat starts from a real edition rather than
// an empty form: the 2017 edition (its 4 categories and 4 criteria, as reported) and the 2023
// "umum" form (its 8 sections, weights and word limits). Where the sources are silent (word
// limits in 2017, rubric wording, how many go on at each stage, stage dates) the values are
// plausible defaults, marked below, for the secretariat to adjust. Dates are placed in the
// chosen edition's year, in WIB.
import { DEFAULT_CHECKLIST, type CompetitionConfig, type Criterion, type Section } from "./config";

export const PRESETS = ["kipp-2023-umum", "kipp-2017"] as const;
export type PresetId = (typeof PRESETS)[number];

export type CompetitionDraft = { name: string; theme: string; legalBasis: string; config: CompetitionConfig };

// [opens, closes) in WIB on the edition's calendar: month-day pairs.
const at = (year: number, md: string, time = "00:00:00") => `${year}-${md}T${time}+07:00`;
const until = (year: number, md: string) => at(year, md, "23:59:59");

/** Four bands on a 1–10 scale, each described for the criterion (wording: a default). */
function rubric(what: string) {
  return [
    { min: 1, max: 3, description: `Kurang: ${what} tidak jelas atau tidak didukung bukti.` },
    { min: 4, max: 6, description: `Cukup: ${what} ada, tetapi buktinya sebagian.` },
    { min: 7, max: 8, description: `Baik: ${what} jelas dan didukung bukti.` },
    { min: 9, max: 10, description: `Sangat baik: ${what} menonjol, terukur dan didukung bukti kuat.` },
  ];
}

// The guidance reads inside the rubric's sentences ("Sangat baik: regulasi, SOP, …"): only its
// first letter is lowered, so acronyms (SOP, SDGs, OPD) keep their capitals.
const lowerFirst = (s: string) => (/^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));

const criterion = (code: string, name: string, weight: number, what: string, section?: string): Criterion => ({
  code,
  name,
  description: what.charAt(0).toUpperCase() + what.slice(1) + ".",
  weight,
  scaleMin: 1,
  scaleMax: 10,
  ...(section ? { section } : {}),
  rubric: rubric(what),
});

// The 2023 "umum" form (PROGRAMME.md): section, weight in the score, word limit.
const SECTIONS_2023: Section[] = [
  { code: "ringkasan", title: "Ringkasan", weight: 0, wordLimit: 200, guidance: "Gambaran singkat inovasi: masalah, gagasan, hasil.", evidenceRequired: false, groups: [], prefill: ["summary"] },
  { code: "latar-belakang", title: "Latar belakang dan tujuan", weight: 10, wordLimit: 300, guidance: "Masalah yang dihadapi, kelompok sasaran, dan target yang terukur.", evidenceRequired: true, groups: [], prefill: ["problem", "targetGroup"] },
  { code: "kebaruan", title: "Kebaruan / nilai tambah", weight: 15, wordLimit: 200, guidance: "Apa yang baru dibanding cara sebelumnya atau di tempat lain.", evidenceRequired: false, groups: [], prefill: ["novelty"] },
  { code: "implementasi", title: "Implementasi", weight: 5, wordLimit: 200, guidance: "Langkah pelaksanaan dan siapa yang terlibat.", evidenceRequired: true, groups: [], prefill: ["implementation"] },
  { code: "signifikansi", title: "Signifikansi", weight: 30, wordLimit: 600, guidance: "Kondisi sebelum dan sesudah, cara pengukuran, dan laporan evaluasi.", evidenceRequired: true, groups: [], prefill: ["results"] },
  { code: "adaptabilitas", title: "Adaptabilitas", weight: 20, wordLimit: 300, guidance: "Siapa yang sudah mereplikasi (100 kata) dan potensi replikasi (200 kata).", evidenceRequired: true, groups: [], prefill: [] },
  { code: "sumber-daya", title: "Sumber daya", weight: 5, wordLimit: 200, guidance: "Keuangan, sumber daya manusia, metode, dan peralatan.", evidenceRequired: false, groups: [], prefill: ["resources"] },
  { code: "keberlanjutan", title: "Strategi keberlanjutan", weight: 15, wordLimit: 500, guidance: "Regulasi, SOP, anggaran, dan kolaborasi yang menjaga inovasi tetap berjalan.", evidenceRequired: true, groups: [], prefill: ["sustainability"] },
];

// The provincial form's eleven categories (PROGRAMME.md); the national 2023 list was not reported.
const CATEGORIES_ELEVEN = [
  ["kesehatan", "Kesehatan"],
  ["ekonomi", "Pertumbuhan Ekonomi dan Kesempatan Kerja"],
  ["pangan", "Ketahanan Pangan"],
  ["inklusi-sosial", "Inklusi Sosial"],
  ["tata-kelola", "Tata Kelola Pemerintahan"],
  ["bencana", "Ketahanan Bencana"],
  ["pendidikan", "Pendidikan"],
  ["kemiskinan", "Pengentasan Kemiskinan"],
  ["pemberdayaan", "Pemberdayaan Masyarakat"],
  ["lingkungan", "Energi dan Lingkungan Hidup"],
  ["hukum", "Penegakan Hukum"],
].map(([code, name]) => ({ code, name, description: "" }));

function kipp2023(year: number): CompetitionDraft {
  // The desk evaluation and the panel score the weighted sections themselves.
  const sectionCriteria = SECTIONS_2023.filter((s) => s.weight > 0).map((s) =>
    criterion(s.code, s.title, s.weight, lowerFirst(s.guidance.replace(/\.$/, "")), s.code),
  );
  return {
    name: `Kompetisi Inovasi Pelayanan Publik ${year}`,
    theme: "Inovasi pelayanan publik yang berdampak dan berkelanjutan",
    legalBasis: "",
    config: {
      groups: [
        { code: "umum", name: "Kelompok Umum", kind: "umum", description: "Inovasi baru dari instansi mana pun." },
        { code: "replikasi", name: "Kelompok Replikasi", kind: "replikasi", description: "Replikasi dari inovasi Top 99 terdahulu; sebutkan inovasi sumbernya." },
        { code: "khusus", name: "Kelompok Khusus", kind: "khusus", description: "Pemenang terdahulu yang telah berjalan paling sedikit 5 tahun, atas undangan." },
      ],
      categories: CATEGORIES_ELEVEN,
      sections: SECTIONS_2023,
      attachments: [
        { code: "video", name: "Tautan video (paling lama 5 menit, 720p)", kind: "link", required: true, groups: [] },
        { code: "pernyataan-implementasi", name: "Surat pernyataan implementasi", kind: "file", required: true, groups: [] },
        { code: "pernyataan-inovator", name: "Surat pernyataan inovator (individu atau tim)", kind: "file", required: true, groups: [] },
        { code: "kesediaan-replikasi", name: "Surat kesediaan untuk direplikasi", kind: "file", required: true, groups: [] },
        { code: "pernyataan-replikasi", name: "Surat pernyataan replikasi", kind: "file", required: true, groups: ["replikasi"] },
        { code: "kebenaran-data", name: "Saya menyatakan data yang disampaikan benar", kind: "declaration", required: true, groups: [] },
      ],
      eligibility: {
        minMonthsOperating: 12,
        excludeTiers: ["top-45", "outstanding"],
        maxTimesInTier: { tier: "top-99", times: 2 },
        // As in 2021: at most 10 general and 5 replication proposals per agency.
        quotas: [
          { group: "umum", max: 10 },
          { group: "replikasi", max: 5 },
        ],
      },
      stages: [
        { code: "registrasi", name: "Pendaftaran proposal", kind: "registration", opensAt: at(year, "02-01"), closesAt: until(year, "04-30"), judges: "none", reviewersPerProposal: 0, criteria: [], advancement: { rule: "all", scope: "overall", minTypeShares: [] } },
        { code: "seleksi-administrasi", name: "Seleksi administrasi", kind: "screening", opensAt: at(year, "05-01"), closesAt: until(year, "05-31"), judges: "none", reviewersPerProposal: 0, criteria: [], advancement: { rule: "all", scope: "overall", minTypeShares: [] } },
        { code: "evaluasi", name: "Evaluasi proposal (Tim Evaluasi)", kind: "scoring", opensAt: at(year, "06-01"), closesAt: until(year, "06-30"), judges: "evaluator", reviewersPerProposal: 2, criteria: sectionCriteria, advancement: { rule: "top", n: 150, scope: "overall", minTypeShares: [] } },
        { code: "penilaian-tpi", name: "Penilaian Tim Panel Independen", kind: "scoring", opensAt: at(year, "07-01"), closesAt: until(year, "07-20"), judges: "panelist", reviewersPerProposal: 3, criteria: sectionCriteria, advancement: { rule: "top", n: 99, scope: "overall", minTypeShares: [] }, tier: "top-99" },
        {
          code: "presentasi", name: "Presentasi dan wawancara", kind: "presentation", opensAt: at(year, "07-21"), closesAt: until(year, "08-15"), judges: "panelist", reviewersPerProposal: 3,
          criteria: [
            criterion("paparan", "Kejelasan paparan", 20, "paparan pimpinan instansi tentang gagasan dan pelaksanaan"),
            criterion("dampak", "Bukti dampak", 40, "perubahan yang dialami penerima manfaat"),
            criterion("komitmen", "Komitmen pimpinan", 20, "dukungan pimpinan, anggaran, dan regulasi"),
            criterion("replikasi", "Keberlanjutan dan replikasi", 20, "rencana keberlanjutan dan kesiapan untuk direplikasi"),
          ],
          advancement: { rule: "top", n: 60, scope: "overall", minTypeShares: [] },
        },
        {
          code: "verifikasi-lapangan", name: "Verifikasi lapangan", kind: "field_verification", opensAt: at(year, "08-16"), closesAt: until(year, "09-15"), judges: "both", reviewersPerProposal: 2,
          criteria: [
            criterion("kesesuaian", "Kesesuaian dengan proposal", 50, "kesesuaian kondisi lapangan dengan isi proposal"),
            criterion("testimoni", "Dampak menurut warga", 50, "manfaat yang dirasakan warga menurut kesaksian mereka"),
          ],
          advancement: { rule: "all", scope: "overall", minTypeShares: [] },
        },
        { code: "keputusan", name: "Rapat pleno penetapan", kind: "decision", opensAt: at(year, "09-16"), closesAt: until(year, "09-30"), judges: "none", reviewersPerProposal: 0, criteria: [], advancement: { rule: "top", n: 45, scope: "overall", minTypeShares: [] }, tier: "top-45" },
      ],
      tiers: [
        { code: "outstanding", name: "Outstanding Achievement", rank: 1, count: 5, topTier: true },
        { code: "top-45", name: "Top 45", rank: 2, count: 45, topTier: true },
        { code: "top-99", name: "Top 99", rank: 3, count: 99, topTier: false },
      ],
      scoring: { aggregate: "mean", normalise: true, disagreementThreshold: 20, revealAfterSubmit: true },
      objectionDays: 5,
      checklist: DEFAULT_CHECKLIST,
    },
  };
}

const PREFILL_2017: Record<string, Section["prefill"]> = {
  kebaruan: ["novelty"],
  produktivitas: ["implementation", "results"],
  manfaat: ["benefits"],
  keberlanjutan: ["sustainability", "resources"],
};

// 2017: four categories and four criteria (article 004; PROGRAMME.md). One form for all (groups
// came in 2020); its word limits and equal weights are defaults, not reported.
function kipp2017(year: number): CompetitionDraft {
  const four = [
    ["kebaruan", "Kebaruan", "pendekatan baru yang unik, atau modifikasi dari inovasi yang telah berhasil"],
    ["produktivitas", "Produktivitas", "bukti hasil implementasi"],
    ["manfaat", "Manfaat", "perubahan dibanding kondisi sebelum inovasi dan daya ungkit bagi kualitas pelayanan"],
    ["keberlanjutan", "Keberlanjutan", "dukungan program, anggaran, organisasi, dan hukum yang menjaga inovasi tetap berjalan"],
  ] as const;
  const sections: Section[] = [
    { code: "ringkasan", title: "Ringkasan", weight: 0, wordLimit: 300, guidance: "Gambaran singkat inovasi.", evidenceRequired: false, groups: [], prefill: ["summary"] },
    ...four.map(([code, title, what]) => ({ code, title, weight: 25, wordLimit: 500, guidance: `Uraikan ${what}.`, evidenceRequired: true, groups: [], prefill: PREFILL_2017[code] })),
  ];
  const criteria = four.map(([code, name, what]) => criterion(code, name, 25, what, code));
  return {
    name: `Kompetisi Inovasi Pelayanan Publik ${year}`,
    theme: "Inovasi pelayanan publik untuk mendukung Tujuan Pembangunan Berkelanjutan",
    legalBasis: "",
    config: {
      groups: [{ code: "umum", name: "Umum", kind: "umum", description: "" }],
      categories: [
        { code: "tata-kelola", name: "Tata Kelola Pemerintahan", description: "Partisipasi, akuntabilitas, transparansi, efektivitas dan efisiensi penyelenggaraan pemerintahan." },
        { code: "tik", name: "Penggunaan Teknologi Informasi dan Komunikasi", description: "TIK dalam penyelenggaraan pelayanan publik." },
        { code: "kesejahteraan-sosial", name: "Perbaikan Kesejahteraan Sosial", description: "Penyelesaian permasalahan sosial." },
        { code: "pelayanan-langsung", name: "Pelayanan Langsung kepada Masyarakat", description: "" },
      ],
      sections,
      attachments: [
        { code: "video", name: "Tautan video", kind: "link", required: true, groups: [] },
        { code: "kebenaran-data", name: "Saya menyatakan data yang disampaikan benar", kind: "declaration", required: true, groups: [] },
      ],
      eligibility: { minMonthsOperating: 12, excludeTiers: ["top-40"], quotas: [] },
      stages: [
        { code: "registrasi", name: "Pendaftaran proposal", kind: "registration", opensAt: at(year, "01-15"), closesAt: until(year, "03-31"), judges: "none", reviewersPerProposal: 0, criteria: [], advancement: { rule: "all", scope: "overall", minTypeShares: [] } },
        { code: "seleksi-administrasi", name: "Seleksi administrasi", kind: "screening", opensAt: at(year, "04-01"), closesAt: until(year, "04-20"), judges: "none", reviewersPerProposal: 0, criteria: [], advancement: { rule: "all", scope: "overall", minTypeShares: [] } },
        { code: "evaluasi", name: "Evaluasi proposal (Tim Evaluasi)", kind: "scoring", opensAt: at(year, "04-21"), closesAt: until(year, "05-20"), judges: "evaluator", reviewersPerProposal: 2, criteria, advancement: { rule: "top", n: 150, scope: "overall", minTypeShares: [] } },
        { code: "penilaian-tpi", name: "Penilaian Tim Panel Independen", kind: "scoring", opensAt: at(year, "05-21"), closesAt: until(year, "06-10"), judges: "panelist", reviewersPerProposal: 3, criteria, advancement: { rule: "top", n: 99, scope: "overall", minTypeShares: [] }, tier: "top-99" },
        { code: "presentasi", name: "Presentasi dan wawancara", kind: "presentation", opensAt: at(year, "06-11"), closesAt: until(year, "07-10"), judges: "panelist", reviewersPerProposal: 3, criteria, advancement: { rule: "all", scope: "overall", minTypeShares: [] } },
        { code: "verifikasi-lapangan", name: "Verifikasi lapangan", kind: "field_verification", opensAt: at(year, "07-11"), closesAt: until(year, "08-10"), judges: "both", reviewersPerProposal: 2, criteria, advancement: { rule: "all", scope: "overall", minTypeShares: [] } },
        { code: "keputusan", name: "Rapat pleno penetapan", kind: "decision", opensAt: at(year, "08-11"), closesAt: until(year, "08-31"), judges: "none", reviewersPerProposal: 0, criteria: [], advancement: { rule: "top", n: 40, scope: "overall", minTypeShares: [] }, tier: "top-40" },
      ],
      tiers: [
        { code: "top-40", name: "Top 40", rank: 1, count: 40, topTier: true },
        { code: "top-99", name: "Top 99", rank: 2, count: 99, topTier: false },
      ],
      scoring: { aggregate: "mean", normalise: false, disagreementThreshold: 20, revealAfterSubmit: true },
      objectionDays: 5,
      checklist: DEFAULT_CHECKLIST,
    },
  };
}

export function preset(id: PresetId, edition: number): CompetitionDraft {
  return id === "kipp-2017" ? kipp2017(edition) : kipp2023(edition);
}
