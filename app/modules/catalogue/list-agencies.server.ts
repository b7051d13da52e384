// The public directory of agencies, with each one's number of published innovations. A few
// thousand agencies at most (552 regional governments, the ministries and agencies, BUMN and
// BUMD), so filtering is plain SQL; the count is per listed agency, through the
// (agency_id, state) index.
import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencyNameMatches } from "~/modules/agencies/name-matches.server";
import type { AgencyType } from "~/modules/innovations/vocab";
import { rowsOf } from "./cards.server";
import { AGENCIES_PER_PAGE } from "./query";
import type { AgencyListQuery } from "./schemas";

export type AgencyListItem = {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  type: AgencyType;
  provinceCode: string | null;
  provinceName: string | null;
  innovationCount: number;
};

export type AgencyList = { total: number; page: number; perPage: number; pages: number; items: AgencyListItem[] };

type Row = {
  id: number;
  slug: string;
  name: string;
  short_name: string | null;
  type: string;
  province_code: string | null;
  province_name: string | null;
  innovation_count: number;
  total: number;
};

export async function listAgencies(db: DbOrTx, query: Partial<AgencyListQuery> & { perPage?: number }): Promise<AgencyList> {
  const perPage = Math.min(Math.max(query.perPage ?? AGENCIES_PER_PAGE, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  const where: SQL[] = [sql`true`];
  if (query.q) where.push(agencyNameMatches(query.q, { name: sql`a.name`, shortName: sql`a.short_name`, formerNames: sql`a.former_names` }));
  if (query.type) where.push(sql`a.type = ${query.type}`);
  if (query.province) where.push(sql`a.province_code = ${query.province}`);
  const rows = await rowsOf<Row>(
    db,
    sql`SELECT a.id, a.slug, a.name, a.short_name, a.type::text AS type, a.province_code, r.name AS province_name,
          (SELECT count(*)::int FROM innovations i WHERE i.agency_id = a.id AND i.state = 'published') AS innovation_count,
          count(*) OVER ()::int AS total
        FROM agencies a LEFT JOIN regions r ON r.code = a.province_code
        WHERE ${sql.join(where, sql` AND `)}
        ORDER BY a.name, a.id
        LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
  );
  // Past the last page the window count is gone with the rows: count separately then.
  const total = rows.length
    ? Number(rows[0].total)
    : Number(
        (await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM agencies a WHERE ${sql.join(where, sql` AND `)}`))[0]?.n ?? 0,
      );
  return {
    total,
    page,
    perPage,
    pages: Math.ceil(total / perPage),
    items: rows.map((r) => ({
      id: Number(r.id),
      slug: r.slug,
      name: r.name,
      shortName: r.short_name,
      type: r.type as AgencyType,
      provinceCode: r.province_code,
      provinceName: r.province_name,
      innovationCount: Number(r.innovation_count),
    })),
  };
}
