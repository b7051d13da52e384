// The similarity engine's data: the documents it compares, its options, what it reports and the
// index it builds. In a file of their own so that the engine's parts (words, index, passages,
// titles) share one definition of each without importing one another.

export type SimilarityDoc = { id: string; title: string; text: string };

export type IndexOptions = {
  /** Content words per shingle. */
  shingleSize?: number;
  /** Winnowing window, in shingles. Smaller finds shorter passages with a larger index. */
  window?: number;
  /** Drop FUNCTION_WORDS before shingling. */
  dropFunctionWords?: boolean;
};

export type FindOptions = {
  /** Flag when containment (the share of the shorter text found in the other) reaches this. */
  threshold?: number;
  /** Also flag, whatever the percentage, when one shared passage has this many words (function
   * words included) in the new document: a section pasted from a long text. */
  minPassageWords?: number;
  /** Pairs sharing fewer shingles are never flagged: a few stock phrases are not a copy. */
  minSharedShingles?: number;
  /** Passages returned per pair, longest first. */
  maxPassages?: number;
  /** Fingerprints held by more documents than this are boilerplate (a regulation's title, a form
   * heading) and make no candidates; they still count in the exact score. */
  maxPostings?: number;
  /** Fingerprints of the new text found consecutively, in the same order, in another that make
   * it a candidate. 3 finds every shared stretch of 3 × window shingles (about 28 content
   * words, 45 of running text) and some shorter ones. */
  minRun?: number;
  /** Filled in when given, for benchmarks and logs. */
  stats?: FindStats;
};

export type FindStats = {
  /** Pairs scored exactly. */
  candidates: number;
  /** Of those, pairs aligned into passages (possibly flagged). */
  aligned: number;
  /** Fingerprint look-ups skipped as boilerplate. */
  boilerplateSkips: number;
};

export type Span = { start: number; end: number; text: string };
/** A shared passage: character ranges in both texts; words in A's range, function words included. */
export type Passage = { a: Span; b: Span; words: number };

export type SimilarPair = {
  /** The new document. */
  a: string;
  /** The other: an indexed document, or a later document of the same batch. */
  b: string;
  bInBatch: boolean;
  /** Containment as a percentage with one decimal: the figure shown to the screening team. */
  similarity: number;
  /** |A∩B| / min(|A|, |B|) over shingle sets: 1 when the shorter text is wholly in the other,
   * so a short innovation copied into a long proposal scores 100%, where Jaccard would not. */
  containment: number;
  /** |A∩B| / |A∪B|: near 1 only for near-identical texts of similar length. */
  jaccard: number;
  /** Share of A's shingles found in B, and of B's in A. */
  aInB: number;
  bInA: number;
  sharedShingles: number;
  flaggedBy: "containment" | "passage";
  passages: Passage[];
};

export type TitleMatch = { title: string; ids: string[] };

/** Sorted distinct fingerprints, with `top[h]` the first key whose top 16 bits are h or more (a
 * look-up then searches a hundred keys, not millions); where each key's postings start in `docs`
 * and `pos` (the document, and the fingerprint's first position in it); each document's number
 * of distinct fingerprints. */
export type Postings = { keys: Uint32Array; top: Uint32Array; starts: Uint32Array; docs: Uint32Array; pos: Uint32Array; sizes: Uint32Array };

export type SimilarityIndex = {
  readonly options: Readonly<Required<IndexOptions>>;
  /** The caller's documents, by reference: texts are re-read for exact scores and passages,
   * so the index holds no copy of them. */
  readonly docs: readonly SimilarityDoc[];
  readonly postings: Postings;
  readonly titles: ReadonlyMap<string, number[]>;
};

export type FindSettings = Required<Omit<FindOptions, "stats">>;
