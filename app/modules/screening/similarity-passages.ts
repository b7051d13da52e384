// Scoring a candidate pair exactly and aligning its shared shingles into passages: the figures
// and the character ranges the screening team reads, found only for the few pairs the index
// proposes, since alignment is the costly step.
import { scanWords, shingleHashes, type Words } from "./similarity-text";
import type { FindSettings, FindStats, IndexOptions, Passage, SimilarityDoc, SimilarPair, Span } from "./similarity-types";

/** A new document, analysed once; its words with offsets are kept once it reaches alignment. */
export type Prepared = { doc: SimilarityDoc; shingles: Uint32Array; set: Uint32Array; words?: Words };

// --- Scoring and passages ---------------------------------------------------------------------

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

export function score(
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
