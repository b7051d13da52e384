// Where an innovation is carried out, which need not be where its agency sits: a province runs
// a service in one of its regencies, a ministry pilots one in a city. The region is chosen among
// those the agency answers for, and the innovation's province (the catalogue's facet) follows it.
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, regions } from "~/db/schema";

type Agency = Pick<typeof agencies.$inferSelect, "type" | "regionCode" | "provinceCode">;

// National bodies work anywhere; a province (or its enterprise) in itself and its regencies and
// cities; a regency or city (or its enterprise) only in itself.
function scopeOf(agency: Agency) {
  if (agency.type === "kementerian" || agency.type === "lembaga" || agency.type === "bumn") return "national" as const;
  if (agency.regionCode && agency.regionCode === agency.provinceCode) return "province" as const;
  return "own" as const;
}

export type RegionOption = { code: string; name: string; level: "province" | "regency" };

/**
 * The regions an agency's innovation may be placed in, each province before its regencies;
 * every region when the agency is not known yet (the secretariat picks it in the same form).
 */
export async function regionOptions(db: DbOrTx, agencyId: number | null): Promise<RegionOption[]> {
  const [agency] = agencyId ? await db.select().from(agencies).where(eq(agencies.id, agencyId)) : [];
  if (agencyId && !agency) return [];
  const scope = agency ? scopeOf(agency) : "national";
  if (scope !== "national" && !agency?.regionCode) return [];
  const where =
    scope === "national" ? undefined : scope === "province" ? eq(regions.provinceCode, agency!.provinceCode!) : eq(regions.code, agency!.regionCode!);
  const rows = await db
    .select({ code: regions.code, name: regions.name, level: regions.level, provinceCode: regions.provinceCode })
    .from(regions)
    .where(where)
    .orderBy(asc(regions.provinceCode), asc(regions.level), asc(regions.code));
  const province = new Map(rows.filter((r) => r.level === "province").map((r) => [r.code, r.name]));
  // A regency is named with its province: there are several Kabupaten Bandung-like names.
  return rows.map((r) => ({ code: r.code, level: r.level, name: r.level === "regency" && province.has(r.provinceCode) ? `${r.name} (${province.get(r.provinceCode)})` : r.name }));
}

/** The region's code and province, if the agency may place an innovation there; else null. */
export async function allowedRegion(db: DbOrTx, agency: Agency, code: string) {
  const [region] = await db.select({ code: regions.code, provinceCode: regions.provinceCode }).from(regions).where(eq(regions.code, code));
  if (!region) return null;
  const scope = scopeOf(agency);
  if (scope === "national") return region;
  if (scope === "province") return region.provinceCode === agency.provinceCode ? region : null;
  return region.code === agency.regionCode ? region : null;
}


/** The agency's own region: where a new innovation is placed unless another is chosen. */
export async function homeRegion(db: DbOrTx, agencyId: number | null) {
  if (!agencyId) return null;
  const [row] = await db.select({ regionCode: agencies.regionCode }).from(agencies).where(eq(agencies.id, agencyId));
  return row?.regionCode ?? null;
}
