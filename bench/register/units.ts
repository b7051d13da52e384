import type { AgencyType } from "../../app/modules/innovations/vocab";
import type { Rng } from "../../app/modules/demo/prng";
import { VILLAGE_PREFIXES, VILLAGE_SUFFIXES } from "../../app/modules/demo/generator/words";

// 100,000 service units spread over every agency the way a national register would have them:
// a regency has its OPD plus dozens of health centres, schools, districts and villages; a
// ministry has regional offices and technical units; an enterprise has branches.

export type BenchAgency = {
  id: number;
  type: AgencyType;
  name: string;
  shortName: string | null;
  provinceCode: string | null;
};
export type UnitRow = { id: number; agencyId: number; name: string; kind: string };

const OPD = [
  "Sekretariat Daerah", "Inspektorat", "Badan Perencanaan Pembangunan Daerah", "Dinas Pendidikan", "Dinas Kesehatan",
  "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Perumahan dan Kawasan Permukiman", "Satuan Polisi Pamong Praja",
  "Dinas Sosial", "Dinas Tenaga Kerja", "Dinas Lingkungan Hidup", "Dinas Kependudukan dan Pencatatan Sipil",
  "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Perhubungan", "Dinas Komunikasi dan Informatika",
  "Dinas Koperasi, Usaha Kecil dan Menengah", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
  "Dinas Pertanian dan Ketahanan Pangan", "Dinas Perikanan", "Dinas Pariwisata", "Badan Penanggulangan Bencana Daerah",
  "Badan Pengelolaan Keuangan dan Aset Daerah", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
  "Rumah Sakit Umum Daerah", "Dinas Perpustakaan dan Kearsipan",
];

// Units per agency, relative: a province or ministry is large, an enterprise small.
const WEIGHT: Record<AgencyType, number> = { kabupaten: 150, kota: 120, provinsi: 170, kementerian: 400, lembaga: 200, bumn: 60, bumd: 20 };

const village = (rng: Rng) => `${rng.pick(VILLAGE_PREFIXES)}${rng.pick(VILLAGE_SUFFIXES)}`;

function unitName(rng: Rng, a: BenchAgency, regencyNames: string[]): { name: string; kind: string } {
  switch (a.type) {
    case "kabupaten":
    case "kota":
    case "provinsi": {
      const kind = rng.weighted<string>(a.type === "provinsi"
        ? [["SMA Negeri", 5], ["SMK Negeri", 3], ["UPTD", 3], ["Rumah Sakit", 1]]
        : [["SD Negeri", 30], ["SMP Negeri", 10], ["Puskesmas", 10], ["Kecamatan", 6], ["Desa", 25], ["Kelurahan", 8], ["UPTD", 5]]);
      if (kind.endsWith("Negeri")) return { name: `${kind} ${rng.int(1, 12)} ${village(rng)}`, kind: "Sekolah" };
      if (kind === "UPTD") return { name: `UPTD ${rng.pick(["Samsat", "Pasar", "Puskesmas Pembantu", "Balai Latihan Kerja", "Pengelolaan Sampah"])} ${village(rng)}`, kind };
      return { name: `${kind} ${village(rng)}`, kind };
    }
    case "kementerian":
    case "lembaga":
      return rng.chance(0.7)
        ? { name: `Kantor ${a.shortName ?? a.name} ${rng.pick(regencyNames)}`, kind: "Kantor vertikal" }
        : { name: `Balai ${rng.pick(["Layanan", "Pelatihan", "Pengujian", "Besar"])} ${village(rng)}`, kind: "Unit pelaksana teknis" };
    default:
      return { name: `Kantor Cabang ${rng.pick(regencyNames)} ${village(rng)}`, kind: "Kantor cabang" };
  }
}

/** `total` units over the agencies, each agency's names unique, ids 1..total. */
export function generateUnits(rng: Rng, agencies: BenchAgency[], regencyNames: string[], total: number) {
  const weights = agencies.map((a) => WEIGHT[a.type]);
  const sum = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((w / sum) * total)));
  // Hand the rounding remainder out one by one so the total is exact.
  for (let i = 0, left = total - counts.reduce((s, c) => s + c, 0); left > 0; i = (i + 1) % counts.length, left--) counts[i]++;

  const rows: UnitRow[] = [];
  const byAgency = new Map<number, number[]>();
  agencies.forEach((a, ai) => {
    const names = new Set<string>();
    const ids: number[] = [];
    const add = (name: string, kind: string) => {
      let n = name;
      for (let k = 2; names.has(n.toLowerCase()); k++) n = `${name} ${k}`;
      names.add(n.toLowerCase());
      const id = rows.length + 1;
      rows.push({ id, agencyId: a.id, name: n, kind });
      ids.push(id);
    };
    const regional = a.type === "kabupaten" || a.type === "kota" || a.type === "provinsi";
    for (const opd of regional ? OPD.slice(0, counts[ai]) : []) add(opd, "OPD");
    while (ids.length < counts[ai]) {
      const u = unitName(rng, a, regencyNames);
      add(u.name, u.kind);
    }
    byAgency.set(a.id, ids);
  });
  return { rows, byAgency };
}
