import { sql } from "drizzle-orm";
import { getProvinces, getRegencies } from "idn-area-data";
import type { Db } from "~/db/client.server";
import { agencies, regions } from "~/db/schema";
import type { FormerName } from "./name-in-year";
import { NATIONAL_AGENCIES } from "./reference/national-agencies";
import { PAPUA_SPLIT, slugify, titleCase, zoneOfProvince } from "./regions";


/**
 * Load the reference data every installation needs, idempotently: the 38 provinces and 514
 * regencies/cities (idn-area-data, Ministry of Home Affairs codes), one regional-government
 * agency for each of those 552 regions, and the ministries and national agencies with the names
 * they bore before a rename.
 */
export async function seedReference(db: Db) {
  const provinces = await getProvinces();
  const regencies = await getRegencies();
  const provinceRows = provinces.map((p) => ({
    code: p.code,
    name: titleCase(p.name),
    level: "province" as const,
    provinceCode: p.code,
    timeZone: zoneOfProvince(p.code),
  }));
  const regencyRows = regencies.map((r) => ({
    code: r.code,
    name: titleCase(r.name),
    level: "regency" as const,
    provinceCode: r.province_code,
    timeZone: zoneOfProvince(r.province_code),
  }));
  const allRegions = [...provinceRows, ...regencyRows];
  for (let i = 0; i < allRegions.length; i += 500) {
    await db
      .insert(regions)
      .values(allRegions.slice(i, i + 500))
      .onConflictDoUpdate({ target: regions.code, set: { name: sql`excluded.name`, timeZone: sql`excluded.time_zone` } });
  }

  const govRows = [
    ...provinceRows.map((p) => ({
      name: `Pemerintah Provinsi ${p.name}`,
      shortName: `Prov. ${p.name}`,
      type: "provinsi" as const,
      regionCode: p.code,
      provinceCode: p.code,
      slug: slugify(`provinsi ${p.name}`),
      activeFrom: PAPUA_SPLIT.from[p.code] ? PAPUA_SPLIT.firstYear : null,
      activeUntil: null,
      formerNames: [] as FormerName[],
    })),
    ...regencyRows.map((r) => {
      const isCity = r.name.startsWith("Kota ");
      const bare = r.name.replace(/^(Kabupaten|Kota) /, "");
      return {
        name: `Pemerintah ${r.name}`,
        shortName: `${isCity ? "Kota" : "Kab."} ${bare}`,
        type: isCity ? ("kota" as const) : ("kabupaten" as const),
        regionCode: r.code,
        provinceCode: r.provinceCode,
        // Region codes keep slugs unique where names repeat across provinces.
        slug: slugify(`${r.name} ${r.code}`),
        // Regencies moved to the new Papuan provinces existed before them, under other codes.
        activeFrom: null,
        activeUntil: null,
        formerNames: [] as FormerName[],
      };
    }),
  ];
  const national = NATIONAL_AGENCIES.map((a) => ({
    name: a.name,
    shortName: a.shortName,
    type: a.type,
    regionCode: null,
    provinceCode: null,
    slug: slugify(a.shortName),
    activeFrom: a.activeFrom ?? null,
    activeUntil: a.activeUntil ?? null,
    formerNames: a.formerNames ?? [],
  }));
  const allAgencies = [...govRows, ...national];
  for (let i = 0; i < allAgencies.length; i += 500) {
    await db
      .insert(agencies)
      .values(allAgencies.slice(i, i + 500))
      // The years and former names are the reference list's to keep: corrected there, corrected
      // here. Except the years of an agency the national admin has set by hand: the admin's stand
      // (see setAgencyYears), while its former names still follow the list.
      .onConflictDoUpdate({
        target: agencies.slug,
        set: {
          activeFrom: sql`case when ${agencies.yearsSetAt} is null then excluded.active_from else ${agencies.activeFrom} end`,
          activeUntil: sql`case when ${agencies.yearsSetAt} is null then excluded.active_until else ${agencies.activeUntil} end`,
          formerNames: sql`excluded.former_names`,
        },
      });
  }
  return { regions: allRegions.length, agencies: allAgencies.length };
}
