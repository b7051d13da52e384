// Text similarity for the competition's administrative screening: every proposal is compared
// with every register innovation (this year and earlier) and with the other proposals of its
// batch, to flag copy-paste and duplicate entries, a known problem of the programme. Pure and
// dependency-free: documents in, flagged pairs out, the same output for the same input.
//
// How it works, and why:
// - Words are normalised (lower case, diacritics and punctuation gone) and a short list of
//   Indonesian function words is dropped: copy-editors add or remove "yang", "dan" to disguise a
//   copy, and a 5-word shingle of content words spans about 8 words of running text, so stock
//   phrases of the programme's prose match by chance less often.
// - A text is the set of its 5-word shingles, hashed to 32-bit ints (FNV-1a per word, then
//   murmur3 mixing over the five words).
// - Candidates come from winnowing (Schleimer, Wilkerson, Aiken 2003, the method of MOSS): the
//   minimum hash of every window of 8 shingles is a fingerprint, so a stretch shared by two texts
//   gives both the same fingerprints. An inverted index from fingerprint to (document, position)
//   finds, for each proposal, only the texts where a run of its fingerprints recurs in order, so
//   the 5,000 × 30,000 pairs are never enumerated.
//   MinHash with LSH banding was considered and not used: it finds pairs by whole-text Jaccard,
//   and a proposal that pasted one 250-word section of a 1,500-word innovation into its own
//   2,000 words has a Jaccard near 0.07, which banding for a 0.3–0.5 threshold misses with
//   near certainty (bench/similarity.ts prints the figure); lowering the band threshold that
//   far floods the candidates with texts on the same theme.
// - Candidates are scored exactly on their shingle sets, and the shared shingles are aligned
//   into passages, given as character ranges in both texts.
//
// The parts: similarity-text.ts (words, shingles, winnowing), similarity-index.ts (the inverted
// index), similarity-passages.ts (exact scores and passages), similarity-titles.ts (identical
// titles); the types in similarity-types.ts. This file is the entry point and runs the search.
import { buildPostings, lookup } from "./similarity-index";
import { score, type Prepared } from "./similarity-passages";
import { shinglesOf, sortedSet, winnow } from "./similarity-text";
import type { FindOptions, FindSettings, FindStats, Postings, SimilarityDoc, SimilarityIndex, SimilarPair } from "./similarity-types";

export { buildIndex } from "./similarity-index";
export { FUNCTION_WORDS, normalise } from "./similarity-text";
export { identicalTitles } from "./similarity-titles";
export type {
  FindOptions, FindStats, IndexOptions, Passage, SimilarityDoc, SimilarityIndex, SimilarPair, Span, TitleMatch,
} from "./similarity-types";

const DEFAULT_FIND: FindSettings = {
  threshold: 0.3,
  minPassageWords: 50,
  minSharedShingles: 8,
  maxPassages: 5,
  maxPostings: 1000,
  minRun: 3,
};

/**
 * Every pair (new document, indexed document) and (new, later new document) that looks copied,
 * most similar first. A pair is flagged when it shares at least minSharedShingles shingles and
 * either its containment reaches the threshold or one shared passage is minPassageWords long.
 * Pairs of documents with the same id are skipped, and a new document that the index holds too
 * (a proposal already in the register) is compared once, as a new document.
 */
export function findSimilar(index: SimilarityIndex, newDocs: readonly SimilarityDoc[], options: FindOptions = {}): SimilarPair[] {
  const { stats: given, ...rest } = options;
  const f: FindSettings = { ...DEFAULT_FIND, ...rest };
  const stats: FindStats = given ?? { candidates: 0, aligned: 0, boilerplateSkips: 0 };
  if (!(f.threshold > 0 && f.threshold <= 1)) throw new RangeError("threshold must be in (0, 1]");
  const o = index.options;
  const batch: Prepared[] = [];
  const batchFps: Uint32Array[] = [];
  for (const doc of newDocs) {
    const shingles = shinglesOf(doc.text, o).slice();
    batch.push({ doc, shingles, set: sortedSet(shingles).slice() });
    batchFps.push(winnow(shingles, o.window));
  }
  const batchPostings = buildPostings(batchFps);
  const most = Math.max(index.docs.length, newDocs.length);
  const state = {
    count: new Uint32Array(most), run: new Uint32Array(most), best: new Uint32Array(most),
    lastA: new Int32Array(most), lastB: new Int32Array(most),
  };

  // Candidates of A among p's documents after `after`. Texts on one theme share stock phrases,
  // scattered; a copy shares a stretch. So a document is a candidate when a run of A's
  // fingerprints, consecutive in A, is found in it in the same order and as close together
  // (windows wholly inside a shared stretch choose the same fingerprints in both texts), or when
  // it holds enough of A's fingerprints to reach the containment threshold, with a margin of
  // one half for sampling. Stock phrases of A found all over B make no run.
  const candidatesOf = (p: Postings, seq: Uint32Array, sizeA: number, after: number): number[] => {
    const { count, run, best, lastA, lastB } = state;
    const touched: number[] = [];
    let posA = 0;
    for (let t = 0; t < seq.length; t++) {
      const k = lookup(p, seq[t]);
      const from = k < 0 ? 0 : p.starts[k];
      const to = k < 0 ? 0 : p.starts[k + 1];
      // Boilerplate neither counts nor breaks a run (in B it may leave a gap of one).
      if (to - from > f.maxPostings) { stats.boilerplateSkips++; continue; }
      posA++;
      for (let j = from; j < to; j++) {
        const d = p.docs[j];
        if (d <= after) continue;
        if (count[d] === 0) { touched.push(d); lastA[d] = -2; run[d] = 0; best[d] = 0; }
        const step = p.pos[j] - lastB[d];
        run[d] = lastA[d] === posA - 1 && step >= 1 && step <= 2 ? run[d] + 1 : 1;
        lastA[d] = posA;
        lastB[d] = p.pos[j];
        count[d]++;
        if (run[d] > best[d]) best[d] = run[d];
      }
    }
    const out = touched.filter((d) => best[d] >= f.minRun || count[d] >= Math.max(f.minRun, 0.5 * f.threshold * Math.min(sizeA, p.sizes[d])));
    for (const d of touched) count[d] = 0;
    return out.sort((x, y) => x - y);
  };

  const pairs: SimilarPair[] = [];
  const batchIds = new Set(newDocs.map((d) => d.id));
  batch.forEach((a, i) => {
    const consider = (docB: SimilarityDoc, setB: Uint32Array, bInBatch: boolean) => {
      if (docB.id === a.doc.id) return;
      stats.candidates++;
      const pair = score(a, docB, setB, bInBatch, o, f, stats);
      if (pair) pairs.push(pair);
    };
    for (const d of candidatesOf(index.postings, batchFps[i], batchPostings.sizes[i], -1)) {
      // A batch document the index holds too is compared as a batch document, once.
      if (!batchIds.has(index.docs[d].id)) consider(index.docs[d], sortedSet(shinglesOf(index.docs[d].text, o)), false);
    }
    for (const j of candidatesOf(batchPostings, batchFps[i], batchPostings.sizes[i], i)) consider(newDocs[j], batch[j].set, true);
  });
  return pairs.sort((x, y) => y.containment - x.containment || cmp(x.a, y.a) || cmp(x.b, y.b));
}

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
