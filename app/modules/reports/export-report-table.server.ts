import type { DbOrTx } from "~/db/client.server";
import { translator, type Locale } from "~/i18n";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { competitionReport } from "./competition-report.server";
import { EXPORT_FORMATS } from "./export-formats.server";
import { plenarySheet } from "./plenary-sheet.server";
import type { ReportDownload } from "./schemas";
import { countTable } from "./tables";

type Competition = { id: number; slug: string; name: string; config: CompetitionConfig };

/**
 * One report table as a file, with its headers in the reader's language. The caller has
 * checked who asks (competition.manage) and the parameters (parseReportDownload).
 */
export async function exportReportTable(db: DbOrTx, competition: Competition, request: ReportDownload, locale: Locale) {
  const t = translator(locale);
  const table =
    request.table === "plenary"
      ? (await plenarySheet(db, competition, request.stage!, request.basis, t)).table
      : countTable(await competitionReport(db, competition), request.table, t, competition);
  const format = EXPORT_FORMATS[request.format];
  return {
    body: await format.write(table),
    contentType: format.contentType,
    filename: `${table.filename}.${format.extension}`,
    rows: table.rows.length,
  };
}
