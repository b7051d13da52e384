import { ilike, or, type SQL } from "drizzle-orm";
import { agencies } from "~/db/schema";

const escapeLike = (s: string) => s.replace(/[\\%_]/g, "\\$&");

/**
 * Agencies whose name or short name contains the text, case-insensitively ("banyumas" finds
 * "Pemerintah Kabupaten Banyumas"; "Kab. Banyumas" finds it by its short name). LIKE wildcards
 * typed by a visitor are taken literally. Shared by the compliance list and GET /api/v1/agencies
 * so the `q` parameter means the same in both.
 */
export function agencyNameMatches(q: string): SQL | undefined {
  const pattern = `%${escapeLike(q)}%`;
  return or(ilike(agencies.name, pattern), ilike(agencies.shortName, pattern));
}
