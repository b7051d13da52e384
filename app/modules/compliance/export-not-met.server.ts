import type { Db } from "~/db/client.server";
import { translator, type Locale } from "~/i18n";
import { EXPORT_FORMATS } from "~/modules/reports/export-formats.server";
import type { FormatKey } from "~/modules/reports/tables";
import { listAgenciesNotMet } from "./agencies-not-met.server";
import type { ComplianceFilters } from "./schemas";

/**
 * Every agency that has not met the duty in the year (within the filters), as CSV or XLSX: the
 * list a ministry or a governor's office works through. Column headers follow the reader's
 * language. XLSX is there because a spreadsheet set to Indonesian expects ";" between CSV
 * fields and opens a comma-separated file as one column.
 */
export async function exportNotMet(db: Db, filters: ComplianceFilters, locale: Locale, format: FormatKey) {
  const t = translator(locale);
  const rows = await listAgenciesNotMet(db, filters, { limit: null });
  const numeric = (header: string) => ({ header, numeric: true });
  const text = (header: string) => ({ header, numeric: false });
  const table = {
    // The sheet's name: Excel keeps 31 characters of it.
    title: t("compliance.sheet", { year: filters.year }),
    columns: [
      text(t("compliance.csv.agency")),
      text(t("compliance.csv.type")),
      text(t("compliance.csv.province")),
      text(t("compliance.csv.regionCode")),
      numeric(t("compliance.csv.published")),
      numeric(t("compliance.csv.lastYear")),
    ],
    rows: rows.map((r) => [r.name, t(`agencyType.${r.type}`), r.provinceName, r.regionCode, r.publishedInnovations, r.lastInnovationYear]),
  };
  const f = EXPORT_FORMATS[format];
  // The route names the file, in the reader's language.
  return { body: await f.write(table), contentType: f.contentType, rows: rows.length };
}
