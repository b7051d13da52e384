import type { Indicator } from "~/db/schema";
import type { InnovationOrigin, InnovationStatus, Sector } from "~/modules/innovations/vocab";

// An innovation named in the source articles, written out by hand. The facts the articles give
// (who runs it, what it is called, what it is for) are kept; the rest is a plausible entry, and
// every indicator figure is marked as illustrative because these are real governments.
export type ArticleInnovation = {
  /** Stable key for cross-references (replications) and tests. */
  key: string;
  slug: string;
  agencySlug: string;
  unitName: string;
  name: string;
  acronym: string | null;
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
  status: InnovationStatus;
  startedOn: string;
  publishedOn: string;
  origin: InnovationOrigin;
  /** The key of the innovation this one replicates. */
  replicates?: string;
  originNote?: string;
  contactName: string;
  contactEmail: string;
  /** A generated banner photo: the acronym over the agency's name. */
  photo?: { color: readonly [number, number, number] };
  /**
   * A generated evidence PDF: a short evaluation report. `proves` names the indicators (by
   * position) it is linked to as their evidence, as an agency would link them in the form.
   */
  evidence?: { title: string; lines: string[]; proves?: number[] };
};
