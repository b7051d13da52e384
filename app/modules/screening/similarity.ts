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

/**
 * Function words dropped before shingling: the list of the screening brief (yang, dan, di, …)
 * plus four equally empty ones common in proposals (tersebut, bahwa, secara, para). Kept short on
 * purpose: words like "layanan" or "masyarakat" are frequent in the programme but are content,
 * and dropping them would let different sentences collapse into the same shingles.
 */
export const FUNCTION_WORDS: readonly string[] = [
  "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "dalam", "pada", "ini", "itu", "atau",
  "juga", "adalah", "sebagai", "oleh", "akan", "telah", "serta", "tidak", "agar", "bagi",
  "kepada", "karena", "tersebut", "bahwa", "secara", "para",
];

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
type Postings = { keys: Uint32Array; top: Uint32Array; starts: Uint32Array; docs: Uint32Array; pos: Uint32Array; sizes: Uint32Array };

export type SimilarityIndex = {
  readonly options: Readonly<Required<IndexOptions>>;
  /** The caller's documents, by reference: texts are re-read for exact scores and passages,
   * so the index holds no copy of them. */
  readonly docs: readonly SimilarityDoc[];
  readonly postings: Postings;
  readonly titles: ReadonlyMap<string, number[]>;
};

type FindSettings = Required<Omit<FindOptions, "stats">>;
const DEFAULT_INDEX: Required<IndexOptions> = { shingleSize: 5, window: 8, dropFunctionWords: true };
const DEFAULT_FIND: FindSettings = {
  threshold: 0.3,
  minPassageWords: 50,
  minSharedShingles: 8,
  maxPassages: 5,
  maxPostings: 1000,
  minRun: 3,
};

// --- Words ------------------------------------------------------------------------------------

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// Non-ASCII code units, classified once: a string of folded letters, "" for a combining mark or
// format character (a soft hyphen from a PDF) that is skipped inside a word, null for a separator.
const foldCache = new Map<number, string | null>();
function foldNonAscii(c: number): string | null {
  let f = foldCache.get(c);
  if (f !== undefined) return f;
  const ch = String.fromCharCode(c);
  if (/[\p{M}\p{Cf}]/u.test(ch)) f = "";
  else if (/[\p{L}\p{N}]/u.test(ch)) f = ch.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
  else f = null;
  foldCache.set(c, f);
  return f;
}

function fnv(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

// The function words' hashes in a small open-addressing table: a Set lookup would box each
// 32-bit hash. A content word whose hash equals one of these (a chance of 28 in 2^32) would be
// dropped like a function word, nothing worse.
const FUNCTION_TABLE = new Uint32Array(128);
for (const h of FUNCTION_WORDS.map(fnv)) {
  let i = h & 127;
  while (FUNCTION_TABLE[i] !== 0) i = (i + 1) & 127;
  FUNCTION_TABLE[i] = h;
}
function isFunctionWord(h: number): boolean {
  for (let i = h & 127; FUNCTION_TABLE[i] !== 0; i = (i + 1) & 127) if (FUNCTION_TABLE[i] === h) return true;
  return false;
}

// Scratch buffers reused by every scan (the engine is synchronous): allocating per text made
// the garbage collector, not the hashing, the cost of indexing a large register.
let wordBuf = new Uint32Array(1 << 14);
let startBuf = new Int32Array(1 << 14);
let endBuf = new Int32Array(1 << 14);
let ordinalBuf = new Int32Array(1 << 14);
let shingleBuf = new Uint32Array(1 << 14);
let setBuf = new Uint32Array(1 << 14);

type Words = {
  hashes: Uint32Array;
  /** Character range of each kept word, and its ordinal among all words (function words included). */
  starts: Int32Array;
  ends: Int32Array;
  ordinals: Int32Array;
};

/** The kept words' hashes, without a string per word; a view of wordBuf unless `keep` is set,
 * then with offsets, in arrays of its own. */
function scanWords(text: string, drop: boolean): Uint32Array;
function scanWords(text: string, drop: boolean, keep: true): Words;
function scanWords(text: string, drop: boolean, keep = false): Uint32Array | Words {
  const len = text.length;
  if (wordBuf.length < (len >> 1) + 1) {
    const cap = (len >> 1) + 1024;
    [wordBuf, startBuf, endBuf, ordinalBuf] = [new Uint32Array(cap), new Int32Array(cap), new Int32Array(cap), new Int32Array(cap)];
  }
  let n = 0;
  let ordinal = 0;
  let h = FNV_OFFSET;
  let start = -1;
  let last = 0;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? text.charCodeAt(i) : 32;
    let sep = false;
    if (c < 128) {
      const lower = c >= 65 && c <= 90 ? c + 32 : c;
      if ((lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57)) {
        if (start < 0) { start = i; h = FNV_OFFSET; }
        h = Math.imul(h ^ lower, FNV_PRIME);
        last = i + 1;
      } else sep = true;
    } else {
      const f = foldNonAscii(c);
      if (f === null) sep = true;
      else if (f.length > 0) {
        if (start < 0) { start = i; h = FNV_OFFSET; }
        for (let j = 0; j < f.length; j++) h = Math.imul(h ^ f.charCodeAt(j), FNV_PRIME);
        last = i + 1;
      }
    }
    if (sep && start >= 0) {
      const hash = h >>> 0;
      if (!drop || !isFunctionWord(hash)) {
        wordBuf[n] = hash;
        startBuf[n] = start;
        endBuf[n] = last;
        ordinalBuf[n++] = ordinal;
      }
      ordinal++;
      start = -1;
    }
  }
  if (!keep) return wordBuf.subarray(0, n);
  return { hashes: wordBuf.slice(0, n), starts: startBuf.slice(0, n), ends: endBuf.slice(0, n), ordinals: ordinalBuf.slice(0, n) };
}

/**
 * The words of a text, normalised the way the engine compares them: lower case, diacritics and
 * punctuation removed ("Pelayanan, Publik!" → "pelayanan publik"), single spaces; function words
 * dropped unless told otherwise. Hyphenated reduplication splits ("anak-anak" → "anak anak").
 */
export function normalise(text: string, opts: { dropFunctionWords?: boolean } = {}): string {
  const drop = opts.dropFunctionWords ?? true;
  const words: string[] = [];
  let word = "";
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    let f: string | null;
    if (c < 128) {
      const lower = c >= 65 && c <= 90 ? c + 32 : c;
      f = (lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57) ? String.fromCharCode(lower) : null;
    } else f = foldNonAscii(c);
    if (f !== null) word += f;
    else if (word) {
      if (!drop || !isFunctionWord(fnv(word))) words.push(word);
      word = "";
    }
  }
  return words.join(" ");
}

// --- Shingles and fingerprints ----------------------------------------------------------------

/** murmur3_32 over k consecutive word hashes (order matters); a view of shingleBuf. A text
 * shorter than one shingle is one shingle of all its words, so it can still match its copy. */
function shingleHashes(words: Uint32Array, k: number): Uint32Array {
  const n = words.length;
  if (n === 0) return shingleBuf.subarray(0, 0);
  const span = Math.min(k, n);
  const m = n - span + 1;
  if (shingleBuf.length < m) shingleBuf = new Uint32Array(m + 1024);
  for (let i = 0; i < m; i++) {
    let h = 0x9747b28c;
    for (let j = 0; j < span; j++) {
      let x = Math.imul(words[i + j], 0xcc9e2d51);
      x = (x << 15) | (x >>> 17);
      h ^= Math.imul(x, 0x1b873593);
      h = (h << 13) | (h >>> 19);
      h = (Math.imul(h, 5) + 0xe6546b64) | 0;
    }
    h ^= span;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    shingleBuf[i] = h >>> 0;
  }
  return shingleBuf.subarray(0, m);
}

const shinglesOf = (text: string, o: Required<IndexOptions>) => shingleHashes(scanWords(text, o.dropFunctionWords), o.shingleSize);

/** The distinct values, sorted; a view of setBuf. */
function sortedSet(values: Uint32Array): Uint32Array {
  if (setBuf.length < values.length) setBuf = new Uint32Array(values.length + 1024);
  const s = setBuf.subarray(0, values.length);
  s.set(values);
  s.sort();
  let n = 0;
  for (let i = 0; i < s.length; i++) if (n === 0 || s[i] !== s[n - 1]) s[n++] = s[i];
  return setBuf.subarray(0, n);
}

/** Robust winnowing: the rightmost minimum of each window, recorded when it changes, in text order. */
function winnow(sh: Uint32Array, w: number): Uint32Array {
  const m = sh.length;
  if (m === 0) return new Uint32Array(0);
  const out: number[] = [];
  let minPos = -1;
  for (let start = 0; start + Math.min(w, m) <= m; start++) {
    const end = start + Math.min(w, m) - 1;
    if (minPos < start) {
      minPos = start;
      for (let j = start + 1; j <= end; j++) if (sh[j] <= sh[minPos]) minPos = j;
      out.push(sh[minPos]);
    } else if (sh[end] <= sh[minPos]) {
      minPos = end;
      out.push(sh[minPos]);
    }
  }
  return Uint32Array.from(out);
}

// A fingerprint is packed with its position into one float64 (53-bit mantissa) to sort; in a
// text of more than 2^21 fingerprints (some 9 million words) later positions are clamped.
const POS_LIMIT = 2 ** 21;

/** A document's distinct fingerprints, sorted, each with its first position in text order. */
function distinctWithPositions(seq: Uint32Array): { fps: Uint32Array; pos: Uint32Array } {
  const packed = new Float64Array(seq.length);
  for (let t = 0; t < seq.length; t++) packed[t] = seq[t] * POS_LIMIT + Math.min(t, POS_LIMIT - 1);
  packed.sort();
  const fps = new Uint32Array(seq.length);
  const pos = new Uint32Array(seq.length);
  let n = 0;
  for (let i = 0; i < packed.length; i++) {
    const fp = Math.floor(packed[i] / POS_LIMIT);
    if (n > 0 && fps[n - 1] === fp) continue; // sorted: the first kept is the earliest
    fps[n] = fp;
    pos[n++] = packed[i] - fp * POS_LIMIT;
  }
  return { fps: fps.slice(0, n), pos: pos.slice(0, n) };
}

/** Inverted index as flat arrays: a two-pass LSD radix sort on the 32-bit fingerprint, stable,
 * so each fingerprint's documents stay in ascending order. */
function buildPostings(sequences: Iterable<Uint32Array>): Postings {
  const perDoc: { fps: Uint32Array; pos: Uint32Array }[] = [];
  let n = 0;
  for (const seq of sequences) {
    const d = distinctWithPositions(seq);
    perDoc.push(d);
    n += d.fps.length;
  }
  let [keys, docs, pos] = [new Uint32Array(n), new Uint32Array(n), new Uint32Array(n)];
  let [keys2, docs2, pos2] = [new Uint32Array(n), new Uint32Array(n), new Uint32Array(n)];
  let i = 0;
  perDoc.forEach((d, doc) => {
    keys.set(d.fps, i);
    pos.set(d.pos, i);
    docs.fill(doc, i, i + d.fps.length);
    i += d.fps.length;
  });
  const sizes = Uint32Array.from(perDoc, (d) => d.fps.length);
  perDoc.length = 0;
  for (const shift of [0, 16]) {
    const at = new Uint32Array(65537);
    for (let j = 0; j < n; j++) at[((keys[j] >>> shift) & 0xffff) + 1]++;
    for (let b = 0; b < 65536; b++) at[b + 1] += at[b];
    for (let j = 0; j < n; j++) {
      const dst = at[(keys[j] >>> shift) & 0xffff]++;
      keys2[dst] = keys[j];
      docs2[dst] = docs[j];
      pos2[dst] = pos[j];
    }
    [keys, keys2, docs, docs2, pos, pos2] = [keys2, keys, docs2, docs, pos2, pos];
  }
  const starts = docs2; // the spare buffers hold the distinct keys and where they start
  let k = 0;
  for (let j = 0; j < n; j++) {
    if (k === 0 || keys2[k - 1] !== keys[j]) { keys2[k] = keys[j]; starts[k++] = j; }
  }
  const keyList = keys2.slice(0, k);
  const top = new Uint32Array(65537);
  for (let h = 0, j = 0; h <= 65536; h++) {
    while (j < k && keyList[j] >>> 16 < h) j++;
    top[h] = j;
  }
  const startList = new Uint32Array(k + 1);
  startList.set(starts.subarray(0, k));
  startList[k] = n;
  return { keys: keyList, top, starts: startList, docs, pos, sizes };
}

/** The fingerprint's number among the keys, or -1. */
function lookup(p: Postings, fp: number): number {
  let lo = p.top[fp >>> 16];
  let hi = p.top[(fp >>> 16) + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const key = p.keys[mid];
    if (key < fp) lo = mid + 1;
    else if (key > fp) hi = mid - 1;
    else return mid;
  }
  return -1;
}

// --- Public API -------------------------------------------------------------------------------

/** Titles keep their function words: in a handful of words "dari" and "untuk" carry meaning. */
const titleKey = (title: string) => normalise(title, { dropFunctionWords: false });

export function buildIndex(docs: readonly SimilarityDoc[], options: IndexOptions = {}): SimilarityIndex {
  const o = { ...DEFAULT_INDEX, ...options };
  if (!(o.shingleSize >= 1 && o.window >= 1)) throw new RangeError("shingleSize and window must be at least 1");
  const titles = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const key = titleKey(d.title);
    if (key) titles.set(key, [...(titles.get(key) ?? []), i]);
  });
  const fingerprints = function* () {
    for (const d of docs) yield winnow(shinglesOf(d.text, o), o.window);
  };
  return { options: o, docs, postings: buildPostings(fingerprints()), titles };
}

/** A new document, analysed once; its words with offsets are kept once it reaches alignment. */
type Prepared = { doc: SimilarityDoc; shingles: Uint32Array; set: Uint32Array; words?: Words };

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

/**
 * Groups of documents whose titles are identical after normalisation, whatever their bodies.
 * With an index, each group holds the given documents and the indexed ones sharing their title
 * (only groups with at least one given document); ids are in input order, then index order.
 */
export function identicalTitles(docs: readonly SimilarityDoc[], index?: SimilarityIndex): TitleMatch[] {
  const groups = new Map<string, string[]>();
  for (const d of docs) {
    const key = titleKey(d.title);
    if (key) groups.set(key, [...(groups.get(key) ?? []), d.id]);
  }
  const out: TitleMatch[] = [];
  for (const [title, ids] of groups) {
    const all = [...ids, ...(index?.titles.get(title) ?? []).map((n) => index!.docs[n].id)];
    const unique = [...new Set(all)];
    if (unique.length > 1) out.push({ title, ids: unique });
  }
  return out;
}

// --- Scoring and passages ---------------------------------------------------------------------

const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);

function intersectionSize(x: Uint32Array, y: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < x.length && j < y.length) {
    if (x[i] < y[j]) i++;
    else if (x[i] > y[j]) j++;
    else { n++; i++; j++; }
  }
  return n;
}

function has(set: Uint32Array, v: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (set[mid] < v) lo = mid + 1;
    else if (set[mid] > v) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Words of the longest stretch of A that a passage could cover: A's shingles found anywhere in
 * B, merged as passages are merged. Alignment only adds constraints, so this bounds it. */
function passageBound(a: Prepared, setB: Uint32Array, span: number, maxGap: number): number {
  const w = a.words!;
  let best = 0;
  let from = -1;
  let to = -1;
  for (let i = 0; i <= a.shingles.length; i++) {
    const end = i === a.shingles.length;
    if (!end && !has(setB, a.shingles[i])) continue;
    if (from >= 0 && (end || i - to > maxGap)) {
      best = Math.max(best, w.ordinals[to - 1] - w.ordinals[from] + 1);
      from = -1;
    }
    if (end) break;
    if (from < 0) from = i;
    to = i + span;
  }
  return best;
}

function score(
  a: Prepared, docB: SimilarityDoc, setB: Uint32Array, bInBatch: boolean,
  o: Required<IndexOptions>, f: FindSettings, stats: FindStats,
): SimilarPair | null {
  const shared = intersectionSize(a.set, setB);
  if (shared < f.minSharedShingles) return null;
  const containment = shared / Math.min(a.set.length, setB.length);
  a.words ??= scanWords(a.doc.text, o.dropFunctionWords, true);
  const span = Math.min(o.shingleSize, a.words.hashes.length);
  if (containment < f.threshold && passageBound(a, setB, span, 2 * o.shingleSize) < f.minPassageWords) return null;
  const sizeB = setB.length; // setB may be a scratch view: read it before aligning
  stats.aligned++;
  const passages = alignPassages(a, docB.text, o);
  let flaggedBy: SimilarPair["flaggedBy"];
  if (containment >= f.threshold) flaggedBy = "containment";
  else if ((passages[0]?.words ?? 0) >= f.minPassageWords) flaggedBy = "passage";
  else return null;
  return {
    a: a.doc.id,
    b: docB.id,
    bInBatch,
    similarity: Math.round(containment * 1000) / 10,
    containment,
    jaccard: shared / (a.set.length + sizeB - shared),
    aInB: shared / a.set.length,
    bInA: shared / sizeB,
    sharedShingles: shared,
    flaggedBy,
    passages: passages.slice(0, f.maxPassages),
  };
}

type Run = { a: number; b: number; len: number };

/**
 * Shared passages of A and B, longest first. Maximal runs of equal shingles on one diagonal
 * are tiled greedily, longest first, so that no shingle serves two passages (Wise's greedy
 * string tiling); tiles in order in both texts and at most 2 × shingleSize words apart are then
 * merged, so an edited copy reads as one passage, not as a run between every edit. An edit
 * within the last shingleSize - 1 words of a passage hides them.
 */
function alignPassages(a: Prepared, textB: string, o: Required<IndexOptions>): Passage[] {
  const wa = a.words!;
  const wb = scanWords(textB, o.dropFunctionWords, true);
  const sa = a.shingles;
  const sb = shingleHashes(wb.hashes, o.shingleSize).slice();
  // B's shingle positions by hash, in a chained table: a Map would box every 32-bit key.
  const bits = Math.max(4, 32 - Math.clz32(sb.length * 2));
  const head = new Int32Array(1 << bits).fill(-1);
  const next = new Int32Array(sb.length);
  for (let j = sb.length - 1; j >= 0; j--) {
    const slot = Math.imul(sb[j], 0x9e3779b1) >>> (32 - bits);
    next[j] = head[slot];
    head[slot] = j;
  }
  const runs: Run[] = [];
  for (let i = 0; i < sa.length; i++) {
    let seen = 0;
    for (let j = head[Math.imul(sa[i], 0x9e3779b1) >>> (32 - bits)]; j >= 0 && seen < 16; j = next[j]) {
      if (sb[j] !== sa[i]) continue;
      seen++; // a phrase repeated more often adds nothing
      if (i > 0 && j > 0 && sa[i - 1] === sb[j - 1]) continue; // inside a run already counted
      let len = 1;
      while (i + len < sa.length && j + len < sb.length && sa[i + len] === sb[j + len]) len++;
      runs.push({ a: i, b: j, len });
    }
  }
  runs.sort((x, y) => y.len - x.len || x.a - y.a || x.b - y.b);
  const usedA = new Uint8Array(sa.length);
  const usedB = new Uint8Array(sb.length);
  const tiles: Run[] = [];
  for (const r of runs) {
    let free = true;
    for (let t = 0; t < r.len && free; t++) free = !usedA[r.a + t] && !usedB[r.b + t];
    if (!free) continue;
    usedA.fill(1, r.a, r.a + r.len);
    usedB.fill(1, r.b, r.b + r.len);
    tiles.push(r);
  }
  tiles.sort((x, y) => x.a - y.a);

  // In word coordinates, [a0, a1) and [b0, b1): a run of len shingles covers len + span - 1 words.
  const spanA = Math.min(o.shingleSize, wa.hashes.length);
  const spanB = Math.min(o.shingleSize, wb.hashes.length);
  const maxGap = 2 * o.shingleSize;
  const merged: { a0: number; a1: number; b0: number; b1: number }[] = [];
  for (const t of tiles) {
    const cur = { a0: t.a, a1: t.a + t.len + spanA - 1, b0: t.b, b1: t.b + t.len + spanB - 1 };
    const last = merged[merged.length - 1];
    const gapA = last ? cur.a0 - last.a1 : Infinity;
    const gapB = last ? cur.b0 - last.b1 : Infinity;
    // Shingle-disjoint tiles may still share up to span - 1 words, hence the negative bound.
    if (last && gapA >= 1 - spanA && gapA <= maxGap && gapB >= 1 - spanB && gapB <= maxGap) {
      last.a1 = Math.max(last.a1, cur.a1);
      last.b1 = Math.max(last.b1, cur.b1);
    } else merged.push(cur);
  }
  const range = (w: Words, text: string, w0: number, w1: number): Span => {
    const start = w.starts[w0];
    const end = w.ends[w1 - 1];
    return { start, end, text: text.slice(start, end) };
  };
  return merged
    .map((m) => ({ a: range(wa, a.doc.text, m.a0, m.a1), b: range(wb, textB, m.b0, m.b1), words: wa.ordinals[m.a1 - 1] - wa.ordinals[m.a0] + 1 }))
    .sort((x, y) => y.words - x.words || x.a.start - y.a.start);
}
