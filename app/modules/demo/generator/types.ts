import type { Sector } from "~/modules/innovations/vocab";

// The building blocks of generated innovations. A theme is what an innovation is about (a
// sector's services, people, problems and measures); an archetype is how it works (door-to-door,
// an app, a community movement...). Crossing the two gives names like "Layanan Akta Kelahiran
// Keliling" with text that reads as one entry, not as random words.

export type IndicatorTemplate = {
  name: string;
  unit: string;
  before: readonly [number, number];
  after: readonly [number, number];
  source: string;
};

export type ServiceObject = {
  /** A noun phrase that fits "Layanan …", "Sistem Informasi …": "akta kelahiran". */
  label: string;
  /** The word an acronym is built on: "Akta" → "Jempol Akta", "SiAkta". */
  stem: string;
  /** Indexes of the theme's target, problem, goal and main indicator that belong to this
   * object, so that an entry about akta kelahiran talks about babies' birth certificates, not
   * about dead voters. */
  fit: readonly [target: number, problem: number, goal: number, indicator: number];
};

export type Theme = {
  id: string;
  /** The first is the main sector. */
  sectors: readonly Sector[];
  sdgs: readonly number[];
  /** The regional-government unit (OPD) that would run it. */
  unit: string;
  objects: readonly ServiceObject[];
  targets: readonly string[];
  /** Clauses that follow "Sebelumnya, …". */
  problems: readonly string[];
  /** Clauses that follow "tujuannya …". */
  goals: readonly string[];
  indicators: readonly IndicatorTemplate[];
  benefits: readonly string[];
  partners: readonly string[];
};

export type Archetype = {
  id: string;
  /** {O} the object in title case, {T} the target group in title case, {P} a partner. */
  names: readonly string[];
  /** {S} the object's stem. */
  acronyms: readonly string[];
  /** What it is, after "… adalah": "layanan jemput bola". */
  kind: string;
  /** Sentences; {obj} {target} {partner} {unit} {wilayah} {desa} are filled in. */
  summaries: readonly string[];
  novelty: readonly string[];
  implementation: readonly string[];
};
