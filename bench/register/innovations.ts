import type { AgencyType, InnovationStatus } from "../../app/modules/innovations/vocab";
import { createRng, type Rng } from "../../app/modules/demo/prng";
import { pickThemeAndArchetype } from "../../app/modules/demo/generator/agency-fit";
import { composeInnovation } from "../../app/modules/demo/generator/compose";
import { VILLAGE_PREFIXES, VILLAGE_SUFFIXES } from "../../app/modules/demo/generator/words";
import { unitFor } from "../../app/modules/demo/units";
import type { BenchAgency } from "./units";

// The innovations of the benchmark register as COPY text, streamed in chunks so that a million
// rows never sit in memory. Rows come in registration order (ids rise with time, as in a real
// register), with the demo's composer writing the text.

export const INNOVATION_COLUMNS = [
  "id", "slug", "name", "acronym", "summary", "problem", "target_group", "novelty", "implementation", "results",
  "indicators", "benefits", "resources", "sustainability", "sectors", "sdgs", "status", "started_on", "agency_id",
  "unit_id", "region_code", "origin", "origin_innovation_id", "origin_note", "contact_name", "state", "published_at",
  "agency_type", "province_code", "start_year", "created_at", "updated_at",
] as const;

export type RegisterAgency = BenchAgency & { regionCode: string | null; label: string; provinceName: string; units: number[] };

/** COPY text format: backslash escapes for the delimiter, newlines and backslash; \N is NULL. */
export function copyField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "\\N";
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : s;
}

const SYLLABLES = ["si", "pe", "ka", "ma", "la", "ta", "ba", "ra", "nu", "ge", "mas", "jo", "lan", "sa", "ri", "tu", "ku", "da", "pa", "ya", "wi", "na", "ga", "ban", "dan", "ter", "pan", "sem", "bu", "ko"];

function coin(rng: Rng): string {
  let w = "";
  for (let n = rng.int(2, 3); n > 0; n--) w += rng.pick(SYLLABLES);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

const FIRST_DAY = Date.UTC(2014, 0, 1);
const LAST_DAY = Date.UTC(2026, 9, 31);
const DAY = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

function statusFor(r: () => number, year: number): InnovationStatus {
  const x = r();
  if (year >= 2026) return x < 0.35 ? "inisiatif" : x < 0.85 ? "uji_coba" : "implementasi";
  if (year >= 2025) return x < 0.3 ? "uji_coba" : "implementasi";
  return x < 0.15 ? "berhenti" : "implementasi";
}

export const ROWS_PER_CHUNK = 2000;

/**
 * COPY text for ids from..to (inclusive) of a register of `count`. Each chunk of ids draws from
 * its own seeded stream, so the rows are the same however the range is split across parallel
 * COPY connections.
 */
export function* innovationCopyChunks(agencies: RegisterAgency[], count: number, seed: number, from = 1, to = count): Generator<string> {
  let rng = createRng(seed);
  // Java and Sumatra produce about three quarters of reported innovations (PROGRAMME.md).
  const byType = new Map<AgencyType, [RegisterAgency, number][]>();
  for (const a of agencies) {
    const west = a.provinceCode !== null && Number(a.provinceCode) < 40;
    byType.set(a.type, [...(byType.get(a.type) ?? []), [a, west ? 3 : 1]]);
  }
  const typeWeights: [AgencyType, number][] = [["kabupaten", 45], ["kota", 15], ["provinsi", 10], ["kementerian", 12], ["lembaga", 8], ["bumn", 5], ["bumd", 5]];
  let chunk: string[] = [];
  for (let id = from; id <= to; id++) {
    if ((id - 1) % ROWS_PER_CHUNK === 0 || id === from) rng = createRng(seed + Math.floor((id - 1) / ROWS_PER_CHUNK) * 7919);
    const agency = rng.weighted(byType.get(rng.weighted(typeWeights)) ?? byType.get("kabupaten")!);
    const { theme, archetype } = pickThemeAndArchetype(rng, agency.type, agency.shortName);
    const recorded = FIRST_DAY + Math.floor(((id - 1) / count) * (LAST_DAY - FIRST_DAY)) + rng.int(0, 3) * DAY;
    const started = Math.max(Date.UTC(2010, 0, 1), recorded - rng.int(0, 700) * DAY);
    const startYear = new Date(started).getUTCFullYear();
    const status = statusFor(rng.next, startYear);
    const roll = rng.next();
    const origin = id > 100 && roll < 0.1 ? "replication" : roll < 0.18 ? "leadership_project" : "original";
    const source = origin === "replication" ? rng.int(1, id - 1) : null;
    const c = composeInnovation(rng, {
      theme,
      archetype,
      agencyType: agency.type,
      agencyLabel: agency.label,
      unitName: unitFor(rng, agency, theme, archetype.id, agency.provinceName).name,
      startYear,
      status,
      leadership: origin === "leadership_project",
    });
    // Coined acronyms ("Sipanjul", "Gemaku") and a place name per entry give the vocabulary the
    // long tail of a real register, which typo correction and the GIN index must cope with.
    const place = `${rng.pick(VILLAGE_PREFIXES)}${rng.pick(VILLAGE_SUFFIXES)}`;
    if (rng.chance(0.4)) {
      const coined = coin(rng);
      for (const k of ["summary", "problem", "sustainability"] as const) c[k] = c[k].split(c.acronym).join(coined);
      c.acronym = coined;
    }
    c.summary += ` Percontohan pertama di Desa ${place}.`;
    const state = rng.next() < 0.97 ? "published" : rng.pick(["draft", "submitted", "returned"]);
    const at = new Date(recorded + 2 * 3_600_000).toISOString();
    const fields = [
      id, `${c.acronym.toLowerCase().replace(/[^a-z0-9]+/g, "-")}-${id.toString(36)}`, c.name, c.acronym, c.summary, c.problem,
      c.targetGroup, c.novelty, c.implementation, c.results,
      JSON.stringify(c.indicators), c.benefits, c.resources, c.sustainability, `{${c.sectors.join(",")}}`, `{${c.sdgs.join(",")}}`,
      status, isoDay(started), agency.id, agency.units.length ? rng.pick(agency.units) : null, agency.regionCode, origin, source,
      c.originNote, `Tim Inovasi ${agency.label}`, state, state === "published" ? at : null, agency.type, agency.provinceCode,
      startYear, at, at,
    ];
    chunk.push(fields.map(copyField).join("\t"));
    if (chunk.length === ROWS_PER_CHUNK) {
      yield chunk.join("\n") + "\n";
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join("\n") + "\n";
}
