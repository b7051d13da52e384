// Identical titles: a proposal that reuses a register entry's title (or another proposal's) over
// a text of its own shares no shingles with it, so the text comparison cannot see the duplicate;
// titles are compared on their own, whatever the bodies say.
import { normalise } from "./similarity-text";
import type { SimilarityDoc, SimilarityIndex, TitleMatch } from "./similarity-types";

/** Titles keep their function words: in a handful of words "dari" and "untuk" carry meaning. */
export const titleKey = (title: string) => normalise(title, { dropFunctionWords: false });

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
