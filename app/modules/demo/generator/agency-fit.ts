import type { AgencyType } from "~/modules/innovations/vocab";
import type { Rng } from "../prng";
import { ARCHETYPES } from "./archetypes";
import { COMMUNITY_THEMES } from "./themes-community";
import { SERVICE_THEMES } from "./themes-services";
import type { Archetype, Theme } from "./types";

// Which themes and archetypes fit which agency: a ministry of health registers health
// innovations, not village river clean-ups, and a ministry does not run a door-to-door service
// in villages. Regional governments cover every theme.

export const THEMES: Theme[] = [...SERVICE_THEMES, ...COMMUNITY_THEMES];
const byId = new Map(THEMES.map((t) => [t.id, t]));
const themes = (...ids: string[]) => ids.map((id) => byId.get(id)!).filter(Boolean);

// National agencies by their short name (app/modules/agencies/reference/national-agencies.ts).
const NATIONAL_THEMES: Record<string, string[]> = {
  Kemenkes: ["kesehatan-ibu-anak", "kesehatan-layanan"],
  BPOM: ["kesehatan-layanan"],
  "BPJS Kesehatan": ["kesehatan-layanan", "kemiskinan"],
  BGN: ["kesehatan-ibu-anak", "pangan"],
  Kemendikdasmen: ["pendidikan"],
  Kemdiktisaintek: ["pendidikan", "tik"],
  Perpusnas: ["pendidikan"],
  Kemenag: ["pendidikan", "tata-kelola"],
  Kemendagri: ["kependudukan", "tata-kelola"],
  BKPM: ["perizinan"],
  Kemendag: ["ekonomi", "perizinan"],
  Kemenperin: ["perizinan", "ekonomi"],
  "Kementerian UMKM": ["ekonomi", "pemberdayaan"],
  Kemenkop: ["ekonomi"],
  Kemenpar: ["pemberdayaan"],
  Kemenekraf: ["pemberdayaan", "ekonomi"],
  Kemensos: ["sosial", "kemiskinan"],
  KemenPPPA: ["sosial"],
  Kemendukbangga: ["kesehatan-ibu-anak", "sosial"],
  Kemnaker: ["ekonomi"],
  KP2MI: ["ekonomi", "hukum"],
  "BPJS Ketenagakerjaan": ["ekonomi"],
  Kementan: ["pangan"],
  Bapanas: ["pangan"],
  KKP: ["pangan", "lingkungan"],
  KLH: ["lingkungan"],
  Kemenhut: ["lingkungan", "kebencanaan"],
  KESDM: ["lingkungan", "infrastruktur"],
  BNPB: ["kebencanaan"],
  BMKG: ["kebencanaan", "tik"],
  Basarnas: ["kebencanaan"],
  Kemenkum: ["hukum", "perizinan"],
  KemenHAM: ["hukum", "sosial"],
  "Kejaksaan RI": ["hukum"],
  Polri: ["hukum", "tik"],
  BNN: ["hukum"],
  Kemenimipas: ["hukum", "kependudukan"],
  "Ombudsman RI": ["tata-kelola"],
  "Kementerian PU": ["infrastruktur"],
  KemenPKP: ["infrastruktur", "kemiskinan"],
  Kemenhub: ["infrastruktur", "tik"],
  "Kemendes PDT": ["pemberdayaan", "infrastruktur"],
  Kementrans: ["pemberdayaan"],
  Komdigi: ["tik"],
  BSSN: ["tik"],
  BIG: ["tik"],
  BPS: ["tik", "tata-kelola"],
  "ATR-BPN": ["perizinan", "tata-kelola"],
};

// Archetypes a ministry, national agency or enterprise can run without village cadres.
const NATIONAL_ARCHETYPES = ["daring", "terpadu", "kemitraan", "aduan", "data"];

export function themesFor(type: AgencyType, shortName: string | null): Theme[] {
  if (type === "kementerian" || type === "lembaga") {
    const ids = NATIONAL_THEMES[shortName ?? ""];
    return ids ? themes(...ids) : themes("tata-kelola", "tik");
  }
  if (type === "bumn" || type === "bumd") return themes("infrastruktur", "ekonomi", "tik", "lingkungan");
  return THEMES;
}

export function archetypesFor(type: AgencyType): Archetype[] {
  if (type === "kabupaten" || type === "kota" || type === "provinsi") return ARCHETYPES;
  return ARCHETYPES.filter((a) => NATIONAL_ARCHETYPES.includes(a.id));
}

export function pickThemeAndArchetype(rng: Rng, type: AgencyType, shortName: string | null, only?: string[]) {
  const pool = only ? THEMES.filter((t) => only.includes(t.id)) : themesFor(type, shortName);
  return { theme: rng.pick(pool), archetype: rng.pick(archetypesFor(type)) };
}

/** What a regulation that keeps an innovation running is called at this kind of agency. */
export function regulationOf(type: AgencyType): string {
  switch (type) {
    case "kabupaten":
      return "Peraturan Bupati";
    case "kota":
      return "Peraturan Wali Kota";
    case "provinsi":
      return "Peraturan Gubernur";
    case "kementerian":
      return "Peraturan Menteri";
    case "lembaga":
      return "Peraturan Kepala Lembaga";
    default:
      return "Keputusan Direksi";
  }
}

export function fundingOf(type: AgencyType): string {
  if (type === "kementerian" || type === "lembaga") return "APBN";
  if (type === "bumn" || type === "bumd") return "anggaran perusahaan";
  return "APBD";
}
