import type { Db } from "~/db/client.server";
import { translator, type Locale } from "~/i18n";
import { listAgenciesNotMet } from "./agencies-not-met.server";
import { toCsv } from "~/lib/csv";
import type { ComplianceFilters } from "./schemas";

/**
 * Every agency that has not met the duty in the year (within the filters), as CSV: the list a
 * ministry or a governor's office works through. Column headers follow the reader's language.
 */
export async function exportNotMetCsv(db: Db, filters: ComplianceFilters, locale: Locale) {
  const t = translator(locale);
  const rows = await listAgenciesNotMet(db, filters, { limit: null });
  const csv = toCsv(
    [
      t("compliance.csv.agency"),
      t("compliance.csv.type"),
      t("compliance.csv.province"),
      t("compliance.csv.regionCode"),
      t("compliance.csv.published"),
      t("compliance.csv.lastYear"),
    ],
    rows.map((r) => [
      r.name,
      t(`agencyType.${r.type}`),
      r.provinceName,
      r.regionCode,
      r.publishedInnovations,
      r.lastInnovationYear,
    ]),
  );
  return { csv, rows: rows.length, filename: `satu-instansi-satu-inovasi-${filters.year}-belum-memenuhi.csv` };
}
