// Typo tolerance. A query word that no published innovation's name, acronym or summary uses
// (the search_words vocabulary, kept by a trigger) is looked up among its trigram neighbours
// there; the nearest one, if close enough, widens the search: the corrected query is OR-ed with
// the visitor's own, so a rare but real word still finds what it finds, and "pengadun" also
// finds "pengaduan". The page says which words were used.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { rowsOf } from "./cards.server";
import type { SearchText } from "./search-sql.server";

// pg_trgm similarity at which a neighbour counts as the same word misspelt: 0.4 accepts one
// dropped, doubled or swapped letter in a 7+ letter Indonesian word ("pengadun" ~ "pengaduan"
// is 0.58) and rejects merely related words ("layanan" ~ "pelayanan" is 0.5, but those share
// a stem and are not treated as typos, below).
export const SIMILARITY = 0.4;
// Shorter words have too few trigrams to tell a typo from another word; the vocabulary holds
// only 4+ letter words for the same reason.
const MIN_WORD = 4;
const MAX_WORDS = 8;

/** The query's words that may be corrected: not negated (-kata), letters or digits, 4+ long. */
export function correctableWords(q: string): string[] {
  const words: string[] = [];
  for (const m of q.toLowerCase().matchAll(/(^|[^a-z0-9])(-?)([a-z0-9]+)/g)) {
    const [, , negated, word] = m;
    if (negated || word.length < MIN_WORD || !/[a-z]/.test(word)) continue;
    if (!words.includes(word)) words.push(word);
  }
  return words.slice(0, MAX_WORDS);
}

/**
 * The word with two neighbouring letters swapped, each way it can be: the commonest slip of a
 * fast typist ("sosail" for "sosial"). Trigrams barely see it (a swap in a short word changes
 * most of its trigrams: "sosail" ~ "sosial" is 0.27), so a known word among these counts as
 * the correction when no trigram neighbour is close enough.
 */
export function swappedLetters(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length - 1; i++) {
    if (word[i] === word[i + 1]) continue;
    const v = word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** The statement that checks the words: whether the query has any lexeme, and corrections. */
export function correctionSql(q: string, words: string[]) {
  const list = words.length ? sql.join(words.map((w) => sql`${w}`), sql`, `) : null;
  const swaps = words.flatMap((w) => swappedLetters(w).map((v) => [w, v] as const));
  const swapOf = `{${swaps.map(([w]) => w).join(",")}}`;
  const swapTo = `{${swaps.map(([, v]) => v).join(",")}}`;
  return sql`
    WITH unknown AS MATERIALIZED (
      SELECT t.w FROM unnest(${list ? sql`ARRAY[${list}]::text[]` : sql`'{}'::text[]`}) AS t(w)
      WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.word = t.w)
        -- A place's name is no typo even where no innovation names it yet ("balikpapan" is not
        -- "balik" misspelt): such a word finds what it finds, and nothing is widened.
        AND NOT EXISTS (SELECT 1 FROM regions r WHERE lower(r.name) ~ ('\\m' || t.w || '\\M'))
    )
    SELECT numnode(websearch_to_tsquery('indonesian', ${q}))::int AS nodes,
      (SELECT json_agg(json_build_object('word', u.w, 'correction', c.word))
         FROM unknown u
         CROSS JOIN LATERAL (
           SELECT coalesce(
             (
               -- % uses the trigram GIN index (at pg_trgm's default 0.3); the stricter bar is
               -- applied on the few candidates it returns.
               SELECT s.word FROM search_words s
               WHERE s.word % u.w AND similarity(s.word, u.w) >= ${SIMILARITY}
                 -- A neighbour with the same stem (pelayanan/layanan) is found by stemming already.
                 AND to_tsvector('indonesian', s.word) <> to_tsvector('indonesian', u.w)
               ORDER BY similarity(s.word, u.w) DESC, s.word
               LIMIT 1
             ),
             (
               -- Else two swapped letters (swappedLetters), looked up exactly.
               SELECT s.word FROM unnest(${swapOf}::text[], ${swapTo}::text[]) AS v(w, variant)
               JOIN search_words s ON s.word = v.variant
               WHERE v.w = u.w
               ORDER BY s.word
               LIMIT 1
             )
           ) AS word
         ) c
         WHERE c.word IS NOT NULL) AS corrections`;
}

type CorrectionRow = { nodes: number; corrections: { word: string; correction: string }[] | string | null };

export type CorrectedQuery = {
  /** What to search for; null when the query has no searchable word (then: browse). */
  text: SearchText | null;
  /** The visitor's query with corrected words, when there were any. */
  correctedQuery?: string;
};

export async function correctQuery(db: DbOrTx, q: string): Promise<CorrectedQuery> {
  if (!q.trim()) return { text: null };
  const words = correctableWords(q);
  const [row] = await rowsOf<CorrectionRow>(db, correctionSql(q, words));
  if (!row || Number(row.nodes) === 0) return { text: null };
  const raw = typeof row.corrections === "string" ? JSON.parse(row.corrections) : row.corrections;
  const corrections = (raw ?? []) as { word: string; correction: string }[];
  if (!corrections.length) return { text: { q } };
  let corrected = q;
  for (const { word, correction } of corrections) {
    corrected = corrected.replace(new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, "giu"), correction);
  }
  return { text: { q, corrected }, correctedQuery: corrected };
}
