// The similarity index: every document's winnowed fingerprints in one inverted index of flat
// arrays, so that a new proposal finds the few texts sharing a stretch with it without comparing
// it to all 30,000 (see the method in similarity.ts).
import { shinglesOf, winnow } from "./similarity-text";
import { titleKey } from "./similarity-titles";
import type { IndexOptions, Postings, SimilarityDoc, SimilarityIndex } from "./similarity-types";

const DEFAULT_INDEX: Required<IndexOptions> = { shingleSize: 5, window: 8, dropFunctionWords: true };

// --- Postings ---------------------------------------------------------------------------------

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
export function buildPostings(sequences: Iterable<Uint32Array>): Postings {
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
export function lookup(p: Postings, fp: number): number {
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
