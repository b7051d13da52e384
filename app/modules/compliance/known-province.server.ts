// A province filter of the right form can still name no province of the year: a hand-edited
// "province=99", or one of the Papuan provinces of 2022 asked for an earlier year (their
// agencies are counted under the province they came from). Kept, it would empty the list of
// agencies that have not met the duty, which reads as every agency of the province having met
// it. The page drops it and says so; the download refuses it, as any other bad filter.
import type { DbOrTx } from "~/db/client.server";
import type { Translate } from "~/i18n";
import type { FieldErrors } from "~/lib/forms";
import { listProvinces } from "~/modules/catalogue/list-provinces.server";
import { provinceExisted } from "./met-duty.server";

/** Whether the province filter names a province of the year (no filter: it does not matter). */
export async function provinceKnown(db: DbOrTx, year: number, code: string | undefined): Promise<boolean> {
  if (!code) return true;
  // The provinces are read once per database (listProvinces caches them).
  return (await listProvinces(db)).some((p) => p.code === code && provinceExisted(code, year));
}

/** For the page: the query without a province the year did not have, and the note saying so. */
export async function dropUnknownProvince<Q extends { year: number; province?: string }>(
  db: DbOrTx,
  query: Q,
  t: Translate,
): Promise<{ query: Q; errors: FieldErrors }> {
  if (await provinceKnown(db, query.year, query.province)) return { query, errors: {} };
  return {
    query: { ...query, province: undefined },
    errors: { province: t("compliance.errors.provinceDropped", { code: query.province ?? "", year: String(query.year) }) },
  };
}
