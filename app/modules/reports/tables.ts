// The report's tables in one shape, read by the page and by every export format: the page and
// the files show the same columns and rows because they are built once, here, in the reader's
// language. Pure: no database, no clock.
import type { Translate } from "~/i18n";
import type { CompetitionReport } from "./competition-report.server";

export const COUNT_TABLES = ["stage", "category", "group", "agencyType", "province"] as const;
export type CountTable = (typeof COUNT_TABLES)[number];
export const TABLES = [...COUNT_TABLES, "plenary"] as const;
export type TableKey = (typeof TABLES)[number];

/** The download formats (their writers: export-formats.server.ts), here so that pages can list them. */
export const FORMAT_KEYS = ["csv", "xlsx"] as const;
export type FormatKey = (typeof FORMAT_KEYS)[number];

export type Cell = string | number | null;

export type ReportTable = {
  key: TableKey;
  /** The section heading and the spreadsheet's sheet name. */
  title: string;
  caption: string;
  columns: { header: string; numeric: boolean }[];
  rows: Cell[][];
  /** The column whose cell names the row (a `th scope="row"` on the page). */
  rowHeader: number;
  /** Sums under the numeric columns: shown on the page, left out of the files so that a
   *  spreadsheet's own sums and pivots are not thrown off by a row that is not data. */
  total: Cell[] | null;
  /** The download's name without its extension: ASCII, no spaces. */
  filename: string;
};

// Files are named in Indonesian, like the app's paths, whatever the reader's language.
const FILE_PART: Record<TableKey, string> = {
  stage: "tahap",
  category: "kategori",
  group: "kelompok",
  agencyType: "jenis-instansi",
  province: "provinsi",
  plenary: "pleno",
};

/** A safe file name part: the slug and stage codes are already [a-z0-9-], this keeps it so. */
export const filePart = (s: string) => s.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "x";

export function reportFilename(slug: string, key: TableKey, stageCode?: string) {
  return ["laporan", filePart(slug), FILE_PART[key], ...(stageCode ? [filePart(stageCode)] : [])].join("-");
}

const sumColumns = (rows: Cell[][], from: number, label: string): Cell[] => {
  const width = rows[0]?.length ?? 0;
  return Array.from({ length: width }, (_, i) =>
    i < from ? (i === 0 ? label : null) : rows.reduce((a, r) => a + (typeof r[i] === "number" ? (r[i] as number) : 0), 0),
  );
};

export function countTable(report: CompetitionReport, key: CountTable, t: Translate, edition: { slug: string; name: string }): ReportTable {
  const base = {
    key,
    title: t(`reports.table.${key}`),
    caption: t(`reports.caption.${key}`, { name: edition.name }),
    rowHeader: 0,
    filename: reportFilename(edition.slug, key),
  };
  const tallyColumns = [
    { header: t("reports.col.submitted"), numeric: true },
    { header: t("reports.col.passed"), numeric: true },
  ];
  const tallyTable = (header: string, rows: Cell[][]): ReportTable => ({
    ...base,
    columns: [{ header, numeric: false }, ...tallyColumns],
    rows,
    total: sumColumns(rows, 1, t("reports.total")),
  });
  switch (key) {
    case "stage":
      // No total: the same proposal is counted again in every stage it reaches.
      return {
        ...base,
        columns: [
          { header: t("reports.col.stage"), numeric: false },
          { header: t("reports.col.kind"), numeric: false },
          { header: t("reports.col.entrants"), numeric: true },
          { header: t("reports.col.wentOn"), numeric: true },
          { header: t("reports.col.stopped"), numeric: true },
          { header: t("reports.col.open"), numeric: true },
        ],
        rows: report.stages.map((s) => [s.name, t(`competitions.stageKind.${s.kind}`), s.entrants, s.wentOn, s.stopped, s.open]),
        total: null,
      };
    case "category":
      return tallyTable(
        t("reports.col.category"),
        report.byCategory.map((r) => [r.name ?? t("reports.unknownCode", { code: r.key }), r.submitted, r.passed]),
      );
    case "group":
      return tallyTable(
        t("reports.col.group"),
        report.byGroup.map((r) => [r.name ?? t("reports.unknownCode", { code: r.key }), r.submitted, r.passed]),
      );
    case "agencyType":
      return tallyTable(
        t("reports.col.agencyType"),
        report.byAgencyType.map((r) => [t(`agencyType.${r.key}`), r.submitted, r.passed]),
      );
    case "province":
      return tallyTable(
        t("reports.col.province"),
        report.byProvince.map((r) => [r.key === null ? t("reports.national") : (r.name ?? r.key), r.submitted, r.passed]),
      );
  }
}
