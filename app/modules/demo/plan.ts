import type { AgencyType, InnovationOrigin, InnovationState, InnovationStatus } from "~/modules/innovations/vocab";
import { ARTICLE_INNOVATIONS } from "./articles";
import { pickThemeAndArchetype, THEMES } from "./generator/agency-fit";
import { ARCHETYPES } from "./generator/archetypes";
import { composeInnovation, type ComposedInnovation } from "./generator/compose";
import { FAMILY_NAMES, GIVEN_NAMES } from "./generator/words";
import type { Rng } from "./prng";
import { demoUnitFor, unitFor, type UnitSpec } from "./units";

// The plan of generated demo innovations: which agency and unit, what state, when, and the
// composed text. Pure (no database) so it is deterministic and cheap to test.

export type AgencyRef = {
  id: number;
  slug: string;
  type: AgencyType;
  name: string;
  shortName: string | null;
  provinceCode: string | null;
};

export type Source = { kind: "article"; key: string } | { kind: "generated"; index: number };

export type PlannedInnovation = ComposedInnovation & {
  agency: AgencyRef;
  unit: UnitSpec;
  themeId: string;
  state: InnovationState;
  status: InnovationStatus;
  startedOn: string;
  /** Also the creation date; published entries are published on it. */
  recordedOn: string;
  origin: InnovationOrigin;
  source?: Source;
  reviewComment?: string;
  contactName: string;
  contactEmail: string;
};

export const BANYUMAS = "kabupaten-banyumas-33-02";
// The demo's "today" for dates, fixed so that the data never changes with the clock.
const LAST_DAY = "2026-10-31";

// Work in progress for the demo Banyumas operator (DPU) and Admin Lokal to review.
const WORK_IN_PROGRESS: { state: InnovationState; theme: string; unit: string; partial?: boolean; comment?: string }[] = [
  { state: "submitted", theme: "infrastruktur", unit: "Dinas Pekerjaan Umum" },
  { state: "submitted", theme: "infrastruktur", unit: "Dinas Pekerjaan Umum" },
  { state: "submitted", theme: "kesehatan-ibu-anak", unit: "Puskesmas Sokaraja I" },
  {
    state: "returned",
    theme: "infrastruktur",
    unit: "Dinas Pekerjaan Umum",
    comment: "Indikator hasil belum menyebutkan sumber datanya. Lengkapi angka sebelum dan sesudah beserta sumbernya, lalu kirim kembali.",
  },
  {
    state: "returned",
    theme: "tik",
    unit: "Dinas Komunikasi dan Informatika",
    comment: "Ringkasan masih terlalu umum. Jelaskan apa yang berubah bagi warga, dan sebutkan SK atau SOP yang menjamin keberlanjutannya.",
  },
  { state: "draft", theme: "infrastruktur", unit: "Dinas Pekerjaan Umum", partial: true },
  { state: "draft", theme: "infrastruktur", unit: "Dinas Pekerjaan Umum" },
  { state: "draft", theme: "kependudukan", unit: "Dinas Kependudukan dan Pencatatan Sipil", partial: true },
];

// Named innovations that generated replications may draw on, by theme.
const ARTICLE_SOURCES: Record<string, string[]> = {
  perizinan: ["mpp-surabaya"],
  "tata-kelola": ["upik-yogyakarta", "klinik-konsultasi"],
  kemiskinan: ["uptpk-sragen"],
  kependudukan: ["ayam-kate-mas"],
  lingkungan: ["seribu-bank-sampah", "gemas-pesulan"],
  "kesehatan-ibu-anak": ["gemma-babs"],
};

const YEAR_WEIGHTS: [number, number][] = Array.from({ length: 13 }, (_, i) => [2014 + i, 3 + Math.min(i, 8)] as [number, number]);

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);

function dateIn(rng: Rng, year: number): string {
  const lastMonth = year === 2026 ? 9 : 12;
  return `${year}-${String(rng.int(1, lastMonth)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
}

function statusFor(rng: Rng, year: number): InnovationStatus {
  if (year >= 2026) return rng.weighted([["inisiatif", 2], ["uji_coba", 3], ["implementasi", 1]]);
  if (year === 2025) return rng.weighted([["uji_coba", 2], ["implementasi", 5]]);
  // About one in eight older innovations has stopped: the programme found 429 of 2,355 Top 99
  // innovations no longer running when it finally asked.
  return rng.weighted([["implementasi", 7], ["berhenti", 1]]);
}

const label = (a: AgencyRef) => a.shortName ?? a.name;

export function planGeneratedInnovations(
  rng: Rng,
  agencies: AgencyRef[],
  provinceNames: Map<string, string>,
  count: number,
): PlannedInnovation[] {
  const byType = new Map<AgencyType, AgencyRef[]>();
  for (const a of [...agencies].sort((x, y) => x.slug.localeCompare(y.slug))) {
    byType.set(a.type, [...(byType.get(a.type) ?? []), a]);
  }
  const banyumas = agencies.find((a) => a.slug === BANYUMAS);
  const out: PlannedInnovation[] = [];
  const publishedByTheme = new Map<string, number[]>();
  // Banyumas showed 92 innovations at its festival: give it a visible share of the rest too.
  const banyumasPublished = Math.round(count * 0.08);

  for (let i = 0; i < count; i++) {
    const wip = banyumas && i < WORK_IN_PROGRESS.length ? WORK_IN_PROGRESS[i] : undefined;
    let agency: AgencyRef;
    if (wip || (banyumas && i < WORK_IN_PROGRESS.length + banyumasPublished)) agency = banyumas!;
    else {
      const type = rng.weighted<AgencyType>([["kabupaten", 45], ["kota", 15], ["provinsi", 10], ["kementerian", 12], ["lembaga", 8], ["bumn", 5], ["bumd", 5]]);
      agency = rng.pick(byType.get(type) ?? byType.get("kabupaten")!);
    }
    const { theme, archetype } = wip
      ? { theme: THEMES.find((t) => t.id === wip.theme)!, archetype: rng.pick(ARCHETYPES) }
      : pickThemeAndArchetype(rng, agency.type, agency.shortName);
    const unit =
      (wip && { name: wip.unit, kind: wip.unit.startsWith("Puskesmas") ? "Puskesmas" : "OPD" }) ||
      demoUnitFor(rng, agency.slug, theme.id) ||
      unitFor(rng, agency, theme, archetype.id, provinceNames.get(agency.provinceCode ?? "") ?? "DKI Jakarta");
    const year = wip ? rng.pick([2025, 2026]) : rng.weighted(YEAR_WEIGHTS);
    const startedOn = dateIn(rng, year);
    const status = wip ? rng.pick<InnovationStatus>(["inisiatif", "uji_coba"]) : statusFor(rng, year);
    const state: InnovationState = wip?.state ?? "published";

    let origin: InnovationOrigin = "original";
    let source: Source | undefined;
    let sourceLabel: { name: string; agencyLabel: string } | undefined;
    const roll = rng.next();
    if (!wip && roll < 0.12) {
      // A replication starts after its source, at another agency.
      const earlier = (publishedByTheme.get(theme.id) ?? []).filter(
        (j) => out[j].agency.id !== agency.id && out[j].startedOn < startedOn,
      );
      const articles = ARTICLE_INNOVATIONS.filter(
        (a) => (ARTICLE_SOURCES[theme.id] ?? []).includes(a.key) && a.agencySlug !== agency.slug && a.startedOn < startedOn,
      );
      if (articles.length && (rng.chance(0.4) || !earlier.length)) {
        const article = rng.pick(articles);
        const owner = agencies.find((a) => a.slug === article.agencySlug);
        source = { kind: "article", key: article.key };
        sourceLabel = { name: article.acronym ?? article.name, agencyLabel: owner ? label(owner) : article.agencySlug };
      } else if (earlier.length) {
        const j = rng.pick(earlier);
        source = { kind: "generated", index: j };
        sourceLabel = { name: out[j].acronym, agencyLabel: label(out[j].agency) };
      }
      if (source) origin = "replication";
    } else if (!wip && roll < 0.22) origin = "leadership_project";

    const composed = composeInnovation(rng, {
      theme,
      archetype,
      agencyType: agency.type,
      agencyLabel: label(agency),
      unitName: unit.name,
      startYear: year,
      status,
      replicationOf: sourceLabel,
      leadership: origin === "leadership_project",
    });
    if (wip?.partial) {
      Object.assign(composed, { results: "", indicators: [], benefits: "", resources: "", sustainability: "" });
    }
    const recordedOn = minDate(addDays(startedOn, rng.int(20, 400)), LAST_DAY);
    const given = rng.pick(GIVEN_NAMES);
    out.push({
      ...composed,
      agency,
      unit,
      themeId: theme.id,
      state,
      status,
      startedOn,
      recordedOn,
      origin,
      source,
      reviewComment: wip?.comment,
      contactName: `${given} ${rng.pick(FAMILY_NAMES)}`,
      contactEmail: `${given.toLowerCase()}.inovasi@${label(agency).toLowerCase().replace(/[^a-z0-9]+/g, "")}.demo`,
    });
    if (state === "published") publishedByTheme.set(theme.id, [...(publishedByTheme.get(theme.id) ?? []), i]);
  }
  return out;
}
