// Sitemaps (sitemaps.org 0.9), so that search engines find every public page: most people look
// for "inovasi pelayanan publik <daerah>" in a search engine, not in the catalogue's own box.
// One index (/sitemap.xml) names the files; each file holds at most 50,000 addresses, the
// protocol's limit: the public pages in one, the agencies in another, and the published
// innovations in files of 50,000 ids each (/sitemap/inovasi-<n>.xml holds ids
// (n-1)·50,000+1 … n·50,000), so a file's address stays the same as the register grows and each
// is read by one range of the primary key.
import { sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { rowsOf } from "./cards.server";

export const URLS_PER_FILE = 50_000;

// Crawlers come back daily at most: an hour's cache spares the database their repeats.
export const XML_HEADERS = { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600" };

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

type Entry = { path: string; lastmod?: string | null };

function urlset(base: string, entries: Entry[]): string {
  const urls = entries.map(
    (e) => `<url><loc>${xmlEscape(base + e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`;
}

const lastmodOf = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`);

/** The index: the pages' file, the agencies' file, and one file per 50,000 ids holding a published innovation. */
export async function sitemapIndex(db: DbOrTx, base: string): Promise<string> {
  // Which ranges hold a published innovation: one probe of the primary key per range. The files
  // carry each page's date; the index names them without one (sitemaps.org makes it optional),
  // as dating a range would read every published row (1.3 s at a million).
  const ranges = await rowsOf<{ n: number }>(
    db,
    sql`SELECT n::int AS n FROM generate_series(1, (SELECT ((coalesce(max(id), 0) + ${URLS_PER_FILE - 1}) / ${URLS_PER_FILE})::int FROM innovations)) AS n
        WHERE EXISTS (SELECT 1 FROM innovations i WHERE i.state = 'published' AND i.id BETWEEN (n - 1) * ${URLS_PER_FILE} + 1 AND n * ${URLS_PER_FILE})
        ORDER BY n`,
  );
  const files = ["halaman.xml", "instansi.xml", ...ranges.map((r) => `inovasi-${Number(r.n)}.xml`)];
  const items = files.map((f) => `<sitemap><loc>${xmlEscape(`${base}/sitemap/${f}`)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</sitemapindex>\n`;
}

/** One file of the index, or null when the name is none of them. */
export async function sitemapFile(db: DbOrTx, base: string, file: string): Promise<string | null> {
  if (file === "halaman.xml") return urlset(base, await publicPages(db));
  if (file === "instansi.xml") {
    // An agency's page changes with its own record and with each innovation it publishes (read
    // from the published rows' index by agency).
    const rows = await rowsOf<{ slug: string; lastmod: string }>(
      db,
      sql`SELECT slug, ${lastmodOf("greatest(a.updated_at, (SELECT max(i.published_at) FROM innovations i WHERE i.agency_id = a.id AND i.state = 'published'))")} AS lastmod
          FROM agencies a ORDER BY a.id`,
    );
    return urlset(base, rows.map((r) => ({ path: `/instansi/${r.slug}`, lastmod: r.lastmod })));
  }
  const m = /^inovasi-([1-9]\d{0,4})\.xml$/.exec(file);
  if (!m) return null;
  const n = Number(m[1]);
  // Ids are 32-bit integers: a range past the largest holds nothing (and would not bind).
  if (n * URLS_PER_FILE > 2_147_483_647) return null;
  const rows = await rowsOf<{ slug: string; lastmod: string }>(
    db,
    // An innovation's page changes with its record and with each yearly check-in shown on it.
    sql`SELECT i.slug, ${lastmodOf("greatest(i.updated_at, (SELECT max(c.recorded_at) FROM innovation_check_ins c WHERE c.innovation_id = i.id))")} AS lastmod
        FROM innovations i
        WHERE i.state = 'published' AND i.id BETWEEN ${(n - 1) * URLS_PER_FILE + 1} AND ${n * URLS_PER_FILE} ORDER BY i.id`,
  );
  // A range without published innovations is no file of the index.
  if (rows.length === 0) return null;
  return urlset(base, rows.map((r) => ({ path: `/inovasi/${r.slug}`, lastmod: r.lastmod })));
}

/** The site's public pages other than agencies and innovations: a few hundred at most. */
async function publicPages(db: DbOrTx): Promise<Entry[]> {
  const fixed = ["/", "/inovasi", "/instansi", "/kepatuhan", "/keberlanjutan", "/acara", "/kompetisi", "/data-terbuka"].map((path) => ({ path }));
  const provinces = await rowsOf<{ code: string }>(db, sql`SELECT code FROM regions WHERE level = 'province' ORDER BY code`);
  // Editions the public can see (a draft is the secretariat's alone); results only once final.
  const competitions = await rowsOf<{ slug: string; state: string }>(db, sql`SELECT slug, state::text AS state FROM competitions WHERE state <> 'draft' ORDER BY edition, id`);
  const events = await rowsOf<{ slug: string; lastmod: string }>(
    db,
    sql`SELECT slug, ${lastmodOf("updated_at")} AS lastmod FROM events WHERE published_at IS NOT NULL ORDER BY starts_at, id`,
  );
  return [
    ...fixed,
    ...provinces.map((p) => ({ path: `/wilayah/${p.code}` })),
    ...competitions.flatMap((c) => [{ path: `/kompetisi/${c.slug}` }, ...(c.state === "final" ? [{ path: `/kompetisi/${c.slug}/hasil` }] : [])]),
    ...events.map((e) => ({ path: `/acara/${e.slug}`, lastmod: e.lastmod })),
  ];
}
