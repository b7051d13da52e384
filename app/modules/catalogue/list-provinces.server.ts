// The 38 provinces by code, for filter labels and choices.
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { regions } from "~/db/schema";

export type ProvinceOption = { code: string; name: string };

export async function listProvinces(db: DbOrTx): Promise<ProvinceOption[]> {
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(eq(regions.level, "province"))
    .orderBy(asc(regions.code));
}
