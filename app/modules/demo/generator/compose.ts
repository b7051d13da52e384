import type { Indicator } from "~/db/schema";
import type { AgencyType, InnovationStatus, Sector } from "~/modules/innovations/vocab";
import type { Rng } from "../prng";
import { fundingOf, regulationOf } from "./agency-fit";
import { capitalise, fill, formatNumber, titleCase } from "./text";
import type { Archetype, IndicatorTemplate, Theme } from "./types";

// Composes one innovation's text from a theme and an archetype. Pure and deterministic given the
// PRNG, so the demo seed and the benchmark generator share it.

export type ComposeContext = {
  theme: Theme;
  archetype: Archetype;
  agencyType: AgencyType;
  /** "Kab. Sikka", "Kemenkes", "PT Pos Indonesia". */
  agencyLabel: string;
  unitName: string;
  startYear: number;
  status: InnovationStatus;
  /** Set when the innovation replicates another one. */
  replicationOf?: { name: string; agencyLabel: string };
  /** Set when it began as a leadership-training change project. */
  leadership?: boolean;
};

export type ComposedInnovation = {
  name: string;
  acronym: string;
  summary: string;
  problem: string;
  targetGroup: string;
  novelty: string;
  implementation: string;
  results: string;
  indicators: Indicator[];
  benefits: string;
  resources: string;
  sustainability: string;
  sectors: Sector[];
  sdgs: number[];
  originNote: string | null;
};

const EQUIPMENT: Record<string, string> = {
  keliling: "satu mobil layanan dengan perangkat portabel",
  daring: "server dan aplikasi yang dikembangkan tim internal",
  gerakan: "dukungan dana desa untuk kegiatan warga",
  terpadu: "ruang layanan bersama dan pemindai berkas",
  kemitraan: "sumber daya mitra sesuai perjanjian kerja sama",
  kader: "buku saku dan insentif kader",
  aduan: "nomor layanan pengaduan dan aplikasi pencatatan",
  data: "dasbor data dan ponsel petugas lapangan",
};

function acronymOf(pattern: string, stem: string): string {
  // "Si{S}" with a two-word stem reads badly ("SiDana Desa"): write "Si Dana Desa".
  const glued = stem.includes(" ") ? pattern.replace(/(\w)\{S\}/, "$1 {S}") : pattern;
  return fill(glued, { S: stem });
}

/** "Bumdes…" stays, "Cakupan…" → "cakupan…": only a capital that merely starts a sentence. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

// Shares, rates and durations read naturally with one decimal; counts of things are whole.
const DECIMAL_UNITS = /^(persen|jam|indeks|ton)|per /;

function value(rng: Rng, [lo, hi]: readonly [number, number], unit: string): number {
  if (DECIMAL_UNITS.test(unit)) return Math.round((lo + rng.next() * (hi - lo)) * 10) / 10;
  return rng.int(lo, hi);
}

/** Rupiah in the way budgets are written: "Rp350 juta", "Rp1,2 miliar". */
function rupiahMillions(millions: number): string {
  if (millions < 1000) return `Rp${formatNumber(millions)} juta`;
  return `Rp${formatNumber(Math.round(millions / 100) / 10)} miliar`;
}

function indicatorOf(rng: Rng, t: IndicatorTemplate, year: number): Indicator {
  return {
    name: t.name,
    before: formatNumber(value(rng, t.before, t.unit)),
    after: formatNumber(value(rng, t.after, t.unit)),
    unit: t.unit,
    source: `${t.source}, ${year}`,
  };
}

function leadershipNote(rng: Rng, year: number): string {
  // Diklatpim Tingkat III/IV became PKA/PKP (Pelatihan Kepemimpinan Administrator/Pengawas) in 2019.
  const cohort = rng.int(1, 12);
  if (year < 2019) return `Proyek perubahan Diklatpim Tingkat ${rng.pick(["III", "IV"])} angkatan ${cohort} tahun ${year}.`;
  return `Proyek perubahan Pelatihan Kepemimpinan ${rng.pick(["Administrator", "Pengawas"])} angkatan ${cohort} tahun ${year}.`;
}

export function composeInnovation(rng: Rng, ctx: ComposeContext): ComposedInnovation {
  const { theme, archetype } = ctx;
  const object = rng.pick(theme.objects);
  const [ti, pi, gi, ii] = object.fit;
  const target = theme.targets[ti];
  const partner = rng.pick(theme.partners);
  const p1 = theme.problems[pi];
  // The second problem is another of the sector's, as a proposal's background usually has.
  const p2 = rng.pick(theme.problems.filter((p) => p !== p1));
  const goal = theme.goals[gi];
  const national = ctx.agencyType === "kementerian" || ctx.agencyType === "lembaga" || ctx.agencyType === "bumn";
  const unit = `${ctx.unitName} ${ctx.agencyLabel}`;
  const vars = {
    O: titleCase(object.label),
    T: titleCase(target),
    P: titleCase(partner),
    obj: object.label,
    target,
    partner,
    unit,
    wilayah: national ? "seluruh Indonesia" : ctx.agencyLabel,
    n: rng.int(3, 25),
  };
  // Names and acronyms are paired by position ("Jemput Bola …" ↔ "Jempol …").
  const variant = rng.int(0, archetype.names.length - 1);
  // An object's label may repeat the archetype's last word ("Kanal Pengaduan Pengaduan …").
  const name = fill(archetype.names[variant], vars).replace(/\b(\p{L}+)(\s+\1\b)+/giu, "$1");
  const acronym = acronymOf(archetype.acronyms[variant], object.stem);
  const measuredIn = Math.min(ctx.startYear + rng.int(1, 3), 2026);
  const i1 = indicatorOf(rng, theme.indicators[ii], measuredIn);
  const i2 = indicatorOf(rng, rng.pick(theme.indicators.filter((_, k) => k !== ii)), measuredIn);
  const [b1, b2] = rng.sample(theme.benefits, 2);
  const reach = formatNumber(rng.int(3, 400) * 25);

  const summary = `${acronym} adalah ${archetype.kind} ${unit}. ${fill(rng.pick(archetype.summaries), vars)} Tujuannya ${goal}.`;
  const problem = rng.chance(0.5)
    ? `Sebelum ada ${acronym}, ${p1}. Selain itu, ${p2}. Akibatnya, ${target} tidak mendapat layanan yang semestinya.`
    : `${capitalise(p1)}. ${capitalise(p2)}. Keluhan ini berulang kali muncul dalam survei kepuasan dan forum konsultasi publik.`;
  const targetGroup = national
    ? `${capitalise(target)} di seluruh Indonesia.`
    : rng.chance(0.5)
      ? `${capitalise(target)} di ${ctx.agencyLabel}, terutama yang tinggal jauh dari pusat layanan.`
      : `${capitalise(target)}; tahap awal difokuskan pada ${vars.n} desa dan kelurahan dengan capaian terendah.`;
  const replicated = ctx.replicationOf
    ? `Mereplikasi ${ctx.replicationOf.name} dari ${ctx.replicationOf.agencyLabel}, disesuaikan dengan kondisi ${vars.wilayah}. `
    : "";
  const novelty = replicated + fill(rng.pick(archetype.novelty), vars);
  const implementation = fill(rng.pick(archetype.implementation), vars);
  const results =
    ctx.status === "inisiatif"
      ? `Inovasi ini masih tahap persiapan. Data awal dikumpulkan untuk mengukur ${lowerFirst(i1.name)} sebelum layanan berjalan penuh.`
      : `Sejak ${ctx.startYear}, ${lowerFirst(i1.name)} berubah dari ${i1.before} menjadi ${i1.after} ${i1.unit}, dan ${lowerFirst(i2.name)} dari ${i2.before} menjadi ${i2.after} ${i2.unit}. Sekitar ${reach} warga telah memanfaatkan layanan ini.` +
        (ctx.status === "berhenti" ? " Layanan berhenti setelah anggarannya tidak lagi dialokasikan dan petugas intinya dimutasi." : "");
  const benefits = `${b1} ${b2 ?? ""} Bagi ${ctx.unitName}, pekerjaan menjadi lebih tertib dan terukur.`.replace(/\s+/g, " ");
  const resources = `${capitalise(fundingOf(ctx.agencyType))} sekitar ${rupiahMillions(rng.int(2, 60) * 25)} per tahun, ${rng.int(3, 30)} petugas ${ctx.unitName}, ${EQUIPMENT[archetype.id] ?? "peralatan kantor yang ada"}, serta dukungan ${partner}.`;
  const sustainability = `${acronym} dikuatkan dengan ${regulationOf(ctx.agencyType)} tentang ${vars.O}, standar operasional prosedur, dan anggaran rutin dalam rencana kerja ${ctx.unitName}. ${rng.pick([
    `Kerja sama dengan ${partner} diperbarui setiap dua tahun.`,
    "Petugas baru dilatih setiap tahun agar layanan tidak bergantung pada satu orang.",
    "Capaiannya dilaporkan dalam rapat evaluasi kinerja setiap triwulan.",
  ])}`;

  return {
    name,
    acronym,
    summary,
    problem,
    targetGroup,
    novelty,
    implementation,
    results,
    indicators: ctx.status === "inisiatif" ? [{ ...i1, after: "belum diukur" }] : [i1, i2],
    benefits,
    resources,
    sustainability,
    sectors: [...theme.sectors],
    sdgs: [...theme.sdgs],
    originNote: ctx.leadership ? leadershipNote(rng, ctx.startYear) : null,
  };
}
