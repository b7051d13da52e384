import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies } from "~/db/schema";
import { slugify } from "./regions";

// The longest address (/instansi/<slug>) an agency gets, as slugify has always cut them.
export const SLUG_MAX = 80;

/**
 * The address of a new BUMN/BUMD: its short name and name in Latin letters ("PT PLN",
 * "PT Perusahaan Listrik Negara" → "pt-pln-pt-perusahaan-listrik-negara"), unique among all agencies.
 *
 * Different names can give the same words: a name cut at SLUG_MAX characters (two BUMD alike up
 * to the regency), punctuation or accents apart ("PT. Sinar", "PT Sinar"), or no letter that
 * can be written in Latin at all ("東京電力株式会社", which gives only its type, "bumn"). Such an
 * address ends in six hex digits taken from the full text, so different names get different
 * addresses whatever order they are added in; should even those be taken, a number follows.
 *
 * Made once, when the agency is added, and stored: the address is in links people have shared,
 * so it never follows a later change of name.
 */
export async function newAgencySlug(db: DbOrTx, agency: { name: string; shortName?: string | null; type: string }): Promise<string> {
  const text = agency.shortName ? `${agency.shortName} ${agency.name}` : agency.name;
  const words = slugify(text, Infinity);
  if (words && words.length <= SLUG_MAX && !(await isTaken(db, words))) return words;
  const suffix = createHash("sha256").update(text.normalize("NFC")).digest("hex").slice(0, 6);
  for (let n = 1; ; n++) {
    const tail = n === 1 ? `-${suffix}` : `-${suffix}-${n}`;
    const slug = `${cutAtWord(words || slugify(agency.type), SLUG_MAX - tail.length)}${tail}`;
    if (!(await isTaken(db, slug))) return slug;
  }
}

const isTaken = async (db: DbOrTx, slug: string) => (await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.slug, slug)).limit(1)).length > 0;

/** The slug cut to at most `max` characters, at a hyphen where there is one. */
function cutAtWord(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const at = slug.lastIndexOf("-", max);
  return at > 0 ? slug.slice(0, at) : slug.slice(0, max);
}
