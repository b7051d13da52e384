// The catalogue's public shapes, shared by the use cases, the pages and the open API. Only
// published data ever takes these shapes.
import type { AgencyType, InnovationStatus } from "~/modules/innovations/vocab";
import type { Facet } from "./query";

export type AgencyRef = {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  type: AgencyType;
};

export type InnovationCard = {
  id: number;
  slug: string;
  name: string;
  acronym: string | null;
  /** The summary, cut to card length. */
  summary: string;
  status: InnovationStatus;
  /** ISO date, "2019-03-01". */
  startedOn: string | null;
  startYear: number | null;
  /** ISO instant. */
  publishedAt: string | null;
  agency: AgencyRef;
  provinceCode: string | null;
  provinceName: string | null;
  sectors: string[];
  sdgs: number[];
  photoFileId: number | null;
};

export type FacetCount = { value: string; count: number };

export type SearchResult = {
  total: number;
  page: number;
  perPage: number;
  pages: number;
  items: InnovationCard[];
  facets: Record<Facet, FacetCount[]>;
  /**
   * Present when the matches were too many to count exactly at reasonable cost: which numbers
   * are estimates from a sample (rounded to two significant digits).
   */
  estimated?: { total: boolean; facets: boolean };
  /** A statement hit the time limit: some of the page (cards or counts) is missing. */
  incomplete?: true;
  /** The query with misspelt words replaced, when a correction widened the search. */
  correctedQuery?: string;
};
