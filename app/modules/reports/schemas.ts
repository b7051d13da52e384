// The download link's parameters: ?tabel=…&format=…[&tahap=…][&dasar=normal]. A link is typed by
// hand or kept in a bookmark, so a bad value is answered with what the good ones are.
import { z } from "zod";
import type { Translate } from "~/i18n";
import type { CompetitionConfig } from "~/modules/competitions/config";
import type { ScoreBasis } from "~/modules/judging/rank";
import { plenaryStages } from "./plenary-sheet.server";
import { FORMAT_KEYS, TABLES, type FormatKey, type TableKey } from "./tables";

export const ReportDownloadSchema = z.object({
  tabel: z.enum(TABLES, { error: "reports.errors.table" }),
  format: z.enum(FORMAT_KEYS, { error: "reports.errors.format" }),
  tahap: z.string().max(100).optional(),
  dasar: z.literal("normal", { error: "reports.errors.basis" }).optional(),
});

export type ReportDownload = { table: TableKey; format: FormatKey; stage: string | null; basis: ScoreBasis };

/**
 * The parameters checked against the edition: the plenary table needs one of its plenary stages.
 * The normalised basis is honoured only where the edition computes it, as on the plenary page.
 */
export function parseReportDownload(
  query: Record<string, unknown>,
  config: CompetitionConfig,
  t: Translate,
): { ok: true; data: ReportDownload } | { ok: false; errors: string[] } {
  const parsed = ReportDownloadSchema.safeParse(query);
  if (!parsed.success) {
    const seen = new Set<string>();
    const errors: string[] = [];
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "_");
      if (seen.has(field)) continue;
      seen.add(field);
      const key = `reports.errors.${field === "tabel" ? "table" : field === "format" ? "format" : field === "dasar" ? "basis" : "stage"}`;
      errors.push(t(key, { values: field === "tabel" ? TABLES.join(", ") : field === "tahap" ? stageList(config) : "" }));
    }
    return { ok: false, errors };
  }
  const { tabel, format, tahap, dasar } = parsed.data;
  let stage: string | null = null;
  if (tabel === "plenary") {
    if (!tahap || !plenaryStages(config).some((s) => s.code === tahap)) return { ok: false, errors: [t("reports.errors.stage", { values: stageList(config) })] };
    stage = tahap;
  }
  const basis: ScoreBasis = config.scoring.normalise && dasar === "normal" ? "normalised" : "raw";
  return { ok: true, data: { table: tabel, format, stage, basis } };
}

const stageList = (config: CompetitionConfig) => plenaryStages(config).map((s) => s.code).join(", ") || "—";
