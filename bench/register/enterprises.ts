import type { Rng } from "../../app/modules/demo/prng";
import { slugify } from "../../app/modules/agencies/regions";

// State- and region-owned enterprises for the benchmark register (they are not reference data):
// hundreds of each, as the programme has them.

const FIRST = ["Karya", "Sarana", "Bumi", "Tirta", "Angkasa", "Prima", "Wahana", "Citra", "Graha", "Bina"];
const SECOND = ["Logistik", "Energi", "Infrastruktur", "Pangan", "Farmasi", "Telekomunikasi", "Transportasi", "Perkebunan", "Asuransi", "Konstruksi", "Pelabuhan", "Pariwisata"];
const BUMD_KINDS = ["Perumda Air Minum", "Perumda Pasar", "PT BPR", "Perumda Aneka Usaha", "PT Jamkrida"];

type Regency = { code: string; name: string; provinceCode: string };

export function benchEnterprises(rng: Rng, regencies: Regency[], bumn: number, bumd: number) {
  const rows: { name: string; shortName: string; slug: string; type: "bumn" | "bumd"; regionCode: string | null; provinceCode: string | null }[] = [];
  const taken = new Set<string>();
  for (let i = 0; rows.length < bumn && i < bumn * 10; i++) {
    const short = `PT ${rng.pick(FIRST)} ${rng.pick(SECOND)} Nusantara`;
    if (taken.has(short)) continue;
    taken.add(short);
    rows.push({ name: `${short} (Persero)`, shortName: short, slug: slugify(short), type: "bumn", regionCode: null, provinceCode: null });
  }
  for (const r of rng.sample(regencies, bumd)) {
    const bare = r.name.replace(/^(Kabupaten|Kota) /, "");
    const name = `${rng.pick(BUMD_KINDS)} ${bare}`;
    if (taken.has(name)) continue;
    taken.add(name);
    rows.push({ name, shortName: name, slug: slugify(`${name} ${r.code}`), type: "bumd", regionCode: r.code, provinceCode: r.provinceCode });
  }
  return rows;
}
