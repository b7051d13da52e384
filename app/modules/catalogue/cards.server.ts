// The card every catalogue list shows (search, home, agency, province, exhibition): one SQL
// select list and one mapping, so every list reads published innovations the same way.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import type { AgencyType, InnovationStatus } from "~/modules/innovations/vocab";
import type { InnovationCard } from "./types";

const SUMMARY_CHARS = 280;

/** Card columns, for a FROM that names innovations `i`, agencies `a` and province regions `r`. */
export const cardColumns = sql`
  i.id, i.slug, i.name, i.acronym, left(i.summary, ${sql.raw(String(SUMMARY_CHARS + 1))}) AS summary,
  i.status::text AS status, i.started_on::text AS started_on, i.start_year::int AS start_year,
  to_json(i.published_at) #>> '{}' AS published_at,
  a.id AS agency_id, a.slug AS agency_slug, a.name AS agency_name, a.short_name AS agency_short_name,
  a.type::text AS agency_type, i.province_code, r.name AS province_name,
  to_json(i.sectors) AS sectors, to_json(i.sdgs) AS sdgs,
  (SELECT f.id FROM innovation_files f
    WHERE f.innovation_id = i.id AND f.kind = 'photo' ORDER BY f.id LIMIT 1) AS photo_file_id`;

export const cardJoins = sql`
  JOIN agencies a ON a.id = i.agency_id
  LEFT JOIN regions r ON r.code = i.province_code`;

export type CardRow = {
  id: number;
  slug: string;
  name: string;
  acronym: string | null;
  summary: string;
  status: string;
  started_on: string | null;
  start_year: number | null;
  published_at: string | null;
  agency_id: number;
  agency_slug: string;
  agency_name: string;
  agency_short_name: string | null;
  agency_type: string;
  province_code: string | null;
  province_name: string | null;
  sectors: string[] | string;
  sdgs: number[] | string;
  photo_file_id: number | null;
};

/** Rows of a raw query, from either driver (both answer `{ rows }`). */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

/** Cut at a word boundary so a card never ends mid-word. */
export function shorten(text: string, max = SUMMARY_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}

export function toCard(row: CardRow): InnovationCard {
  return {
    id: Number(row.id),
    slug: row.slug,
    name: row.name,
    acronym: row.acronym,
    summary: shorten(row.summary ?? ""),
    status: row.status as InnovationStatus,
    startedOn: row.started_on,
    startYear: row.start_year === null ? null : Number(row.start_year),
    publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
    agency: {
      id: Number(row.agency_id),
      slug: row.agency_slug,
      name: row.agency_name,
      shortName: row.agency_short_name,
      type: row.agency_type as AgencyType,
    },
    provinceCode: row.province_code,
    provinceName: row.province_name,
    sectors: json(row.sectors) ?? [],
    sdgs: (json(row.sdgs) ?? []).map(Number),
    photoFileId: row.photo_file_id === null ? null : Number(row.photo_file_id),
  };
}

/**
 * Published innovations as cards, newest first, for a condition on `i` (agency, province).
 * Published rows always have published_at, so plain DESC lets the planner walk the
 * published-at partial index backwards (DESC NULLS LAST would mean sorting every row).
 */
export async function recentCards(db: DbOrTx, where: SQL, limit: number): Promise<InnovationCard[]> {
  const rows = await rowsOf<CardRow>(
    db,
    sql`SELECT ${cardColumns}
        FROM ${recentPublished(where, limit)}
        JOIN innovations i ON i.id = p.id ${cardJoins}
        ORDER BY p.published_at DESC, p.id DESC`,
  );
  return rows.map(toCard);
}

/**
 * The newest published innovations' ids for a condition on `i`, as a FROM item `p` (id,
 * published_at) to join the card's tables to: for a list that needs more than the card.
 */
export const recentPublished = (where: SQL, limit: number) =>
  sql`(SELECT i.id, i.published_at FROM innovations i
       WHERE i.state = 'published' AND ${where}
       ORDER BY i.published_at DESC, i.id DESC
       LIMIT ${limit}) p`;
