import { slugify } from "~/modules/agencies/regions";

// An innovation's address goes on posters, banners and WhatsApp messages, so it is read and
// typed by people: words only, no random letters. Its parts are cut at a word, never mid-word.
const NAME_MAX = 60;
const AGENCY_MAX = 30;

/** The slug cut to at most `max` characters at a word boundary (a word longer than that is cut). */
function clip(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1).lastIndexOf("-");
  return (cut > 0 ? slug.slice(0, cut) : slug.slice(0, max)).replace(/-+$/, "");
}

/**
 * The readable base of a new innovation's address: its acronym and name (the acronym is what
 * people know it by; the name says what it is) and the agency's short name, which tells apart
 * the many agencies running an innovation of the same name: "sipejar-sistem-pelayanan-jalan-rusak-kab-banyumas".
 * A number is added only when the address is taken (create-innovation.server.ts).
 */
export function innovationSlugBase(name: string, acronym: string | null | undefined, agencyName: string): string {
  const nameSlug = slugify(name, 200);
  const acronymSlug = acronym ? slugify(acronym, 200) : "";
  // A name that already starts with its acronym ("UPIK Yogyakarta", acronym "UPIK") says it once.
  const withAcronym = acronymSlug && nameSlug !== acronymSlug && !nameSlug.startsWith(`${acronymSlug}-`) ? `${acronymSlug}-${nameSlug}` : nameSlug || acronymSlug;
  const own = clip(withAcronym, NAME_MAX);
  const agency = clip(slugify(agencyName, 200), AGENCY_MAX);
  // A name that ends with the agency's own ("Mal Pelayanan Publik Kab Banyumas") says it once too.
  const parts = agency && own !== agency && !own.endsWith(`-${agency}`) ? [own, agency] : [own];
  return parts.filter(Boolean).join("-") || "inovasi";
}
