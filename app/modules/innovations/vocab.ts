// The register's fixed vocabularies. Labels live in the message catalogs under the same names.
export const INNOVATION_STATUSES = ["inisiatif", "uji_coba", "implementasi", "berhenti"] as const;
export type InnovationStatus = (typeof INNOVATION_STATUSES)[number];

export const INNOVATION_STATES = ["draft", "submitted", "returned", "published"] as const;
export type InnovationState = (typeof INNOVATION_STATES)[number];

export const INNOVATION_ORIGINS = ["original", "replication", "leadership_project"] as const;
export type InnovationOrigin = (typeof INNOVATION_ORIGINS)[number];

// Sectors follow the themes the programme's categories have used (2017–2023 forms and the
// provincial form's eleven categories), so that later competitions can map onto them.
export const SECTORS = [
  "kesehatan",
  "pendidikan",
  "ekonomi",
  "pangan",
  "sosial",
  "tata_kelola",
  "kebencanaan",
  "kemiskinan",
  "pemberdayaan",
  "lingkungan",
  "hukum",
  "perizinan",
  "kependudukan",
  "infrastruktur",
  "tik",
] as const;
export type Sector = (typeof SECTORS)[number];

export const SDGS = Array.from({ length: 17 }, (_, i) => i + 1);

export const AGENCY_TYPES = ["kementerian", "lembaga", "provinsi", "kabupaten", "kota", "bumn", "bumd"] as const;
export type AgencyType = (typeof AGENCY_TYPES)[number];

/** The register's long text fields, in the order of the form (a proposal's sections prefill from them). */
export const INNOVATION_TEXT_FIELDS = ["summary", "problem", "targetGroup", "novelty", "implementation", "results", "benefits", "resources", "sustainability"] as const;
export type InnovationTextField = (typeof INNOVATION_TEXT_FIELDS)[number];

// The cells an indicator row cannot do without: what it measures, and its values before and
// after (unit and source help, but a comparison stands without them). The schema refuses a row
// missing one; the form marks the empty ones.
export const INDICATOR_REQUIRED = ["name", "before", "after"] as const;
