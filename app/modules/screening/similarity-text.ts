// Words, shingles and fingerprints: how a text becomes what the similarity engine compares.
// Kept together because the normalisation shown to users (`normalise`) and the hashed scan the
// engine runs (`scanWords`) must fold words identically, and because the scratch buffers below
// are shared by every scan.
import type { IndexOptions } from "./similarity-types";

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

export type Words = {
  hashes: Uint32Array;
  /** Character range of each kept word, and its ordinal among all words (function words included). */
  starts: Int32Array;
  ends: Int32Array;
  ordinals: Int32Array;
};

/** The kept words' hashes, without a string per word; a view of wordBuf unless `keep` is set,
 * then with offsets, in arrays of its own. */
export function scanWords(text: string, drop: boolean): Uint32Array;
export function scanWords(text: string, drop: boolean, keep: true): Words;
export function scanWords(text: string, drop: boolean, keep = false): Uint32Array | Words {
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
export function shingleHashes(words: Uint32Array, k: number): Uint32Array {
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

export const shinglesOf = (text: string, o: Required<IndexOptions>) => shingleHashes(scanWords(text, o.dropFunctionWords), o.shingleSize);

/** The distinct values, sorted; a view of setBuf. */
export function sortedSet(values: Uint32Array): Uint32Array {
  if (setBuf.length < values.length) setBuf = new Uint32Array(values.length + 1024);
  const s = setBuf.subarray(0, values.length);
  s.set(values);
  s.sort();
  let n = 0;
  for (let i = 0; i < s.length; i++) if (n === 0 || s[i] !== s[n - 1]) s[n++] = s[i];
  return setBuf.subarray(0, n);
}

/** Robust winnowing: the rightmost minimum of each window, recorded when it changes, in text order. */
export function winnow(sh: Uint32Array, w: number): Uint32Array {
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
