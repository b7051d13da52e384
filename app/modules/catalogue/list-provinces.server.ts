// The 38 provinces by code, for filter labels and choices.
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { regions } from "~/db/schema";

export type ProvinceOption = { code: string; name: string };

// The provinces are reference data loaded at start (seedReference) and never edited at run
// time, and every catalogue page labels its filters with them: read once per database.
const cache = new WeakMap<object, Promise<ProvinceOption[]>>();

export function listProvinces(db: DbOrTx): Promise<ProvinceOption[]> {
  let list = cache.get(db);
  if (!list) {
    list = db
      .select({ code: regions.code, name: regions.name })
      .from(regions)
      .where(eq(regions.level, "province"))
      .orderBy(asc(regions.code))
      .then((rows) => (rows.length ? rows : (cache.delete(db), rows)));
    list.catch(() => cache.delete(db));
    cache.set(db, list);
  }
  return list;
}
