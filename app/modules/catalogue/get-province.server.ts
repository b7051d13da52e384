// A province's page: the province, its regional governments (the provincial government first,
// then regencies and cities), the other agencies located there (BUMD and the like), each with
// its number of published innovations, and its newest innovations.
//
// Innovations are reached through the province's agencies (innovations_agency_idx): an
// innovation's province is its agency's (denormalised on innovations for the facets), and
// there is no index on innovations.province_code, so a province with few innovations would
// otherwise mean walking the whole published index.
import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { regions } from "~/db/schema";
import type { ZoneName } from "~/i18n";
import type { AgencyType } from "~/modules/innovations/vocab";
import { recentCards, rowsOf } from "./cards.server";
import type { InnovationCard } from "./types";

export type ProvinceAgency = {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  type: AgencyType;
  regionCode: string | null;
  innovationCount: number;
};

export type ProvincePage = {
  province: { code: string; name: string; timeZone: ZoneName };
  governments: ProvinceAgency[];
  others: ProvinceAgency[];
  /** Published innovations of all the province's agencies. */
  total: number;
  recent: InnovationCard[];
};

const REGIONAL_GOVERNMENT: AgencyType[] = ["provinsi", "kabupaten", "kota"];

type Row = {
  id: number;
  slug: string;
  name: string;
  short_name: string | null;
  type: string;
  region_code: string | null;
  innovation_count: number;
};

export async function getProvince(db: DbOrTx, code: string, opts: { recent?: number } = {}): Promise<ProvincePage | null> {
  if (!/^\d{2}$/.test(code)) return null;
  const [province] = await db
    .select({ code: regions.code, name: regions.name, timeZone: regions.timeZone })
    .from(regions)
    .where(and(eq(regions.code, code), eq(regions.level, "province")));
  if (!province) return null;

  const [rows, recent] = await Promise.all([
    rowsOf<Row>(
      db,
      sql`SELECT a.id, a.slug, a.name, a.short_name, a.type::text AS type, a.region_code,
            (SELECT count(*)::int FROM innovations i WHERE i.agency_id = a.id AND i.state = 'published') AS innovation_count
          FROM agencies a
          WHERE a.province_code = ${code}
          ORDER BY (a.type = 'provinsi') DESC, a.name, a.id`,
    ),
    recentCards(db, sql`i.agency_id IN (SELECT id FROM agencies WHERE province_code = ${code})`, opts.recent ?? 12),
  ]);
  const all = rows.map((r) => ({
    id: Number(r.id),
    slug: r.slug,
    name: r.name,
    shortName: r.short_name,
    type: r.type as AgencyType,
    regionCode: r.region_code,
    innovationCount: Number(r.innovation_count),
  }));
  return {
    province,
    governments: all.filter((a) => REGIONAL_GOVERNMENT.includes(a.type)),
    others: all.filter((a) => !REGIONAL_GOVERNMENT.includes(a.type)),
    total: all.reduce((n, a) => n + a.innovationCount, 0),
    recent,
  };
}
