// The plenary sheet: a scored (or decision) stage's ranking as the plenary page computes it
// (judging/plenary.server.ts, stageRanking), with the rule's proposal and the decision taken,
// flattened into a table to print for the meeting or to keep as a spreadsheet.
import type { DbOrTx } from "~/db/client.server";
import type { Translate } from "~/i18n";
import type { CompetitionConfig, Stage } from "~/modules/competitions/config";
import { SCORED_KINDS } from "~/modules/competitions/config-values";
import { stageRanking } from "~/modules/judging/plenary.server";
import type { ScoreBasis, ShareKey } from "~/modules/judging/rank";
import { reportFilename, type ReportTable } from "./tables";

type Competition = { id: number; slug: string; name: string; config: CompetitionConfig };

/**
 * The stages a plenary sheet exists for: scored stages, and decision stages that have a scored
 * stage before them to rank by (the same rule as plenaryStage).
 */
export function plenaryStages(config: CompetitionConfig): Stage[] {
  return config.stages.filter(
    (s, i) => SCORED_KINDS.includes(s.kind) || (s.kind === "decision" && config.stages.slice(0, i).some((b) => SCORED_KINDS.includes(b.kind))),
  );
}

// Two decimals, as the plenary page shows them; a spreadsheet gets the number, not text.
const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);

export async function plenarySheet(db: DbOrTx, competition: Competition, stageCode: string, basis: ScoreBasis, t: Translate) {
  const r = await stageRanking(db, competition, stageCode, basis);
  const normalise = competition.config.scoring.normalise;
  const categoryName = new Map(competition.config.categories.map((c) => [c.code, c.name]));
  const groupName = new Map(competition.config.groups.map((g) => [g.code, g.name]));
  const shareLabel = (s: ShareKey | undefined) => (s === undefined ? "" : s === "east" ? t("reports.east") : t(`agencyType.${s}`));
  const columns = [
    { header: t("reports.col.rank"), numeric: true },
    { header: t("reports.col.receipt"), numeric: false },
    { header: t("reports.col.title"), numeric: false },
    { header: t("reports.col.agency"), numeric: false },
    { header: t("reports.col.agencyType"), numeric: false },
    { header: t("reports.col.category"), numeric: false },
    { header: t("reports.col.group"), numeric: false },
    { header: t("reports.col.reviews"), numeric: true },
    { header: t("reports.col.score"), numeric: true },
    ...(normalise ? [{ header: t("reports.col.normalised"), numeric: true }] : []),
    { header: t("reports.col.min"), numeric: true },
    { header: t("reports.col.max"), numeric: true },
    { header: t("reports.col.disagreement"), numeric: false },
    { header: t("reports.col.proposed"), numeric: false },
    { header: t("reports.col.decision"), numeric: false },
    { header: t("reports.col.reason"), numeric: false },
  ];
  const rows = r.rows.map(({ entrant: e, ranked: k, proposed: p, decision: d }) => [
    k.rank,
    e.receipt,
    e.title,
    e.agency,
    t(`agencyType.${e.agencyType}`),
    categoryName.get(e.categoryCode) ?? e.categoryCode,
    groupName.get(e.groupCode) ?? e.groupCode,
    k.reviews.length,
    round(k.score),
    ...(normalise ? [round(k.normalisedScore)] : []),
    round(k.minReview),
    round(k.maxReview),
    // Judges cannot disagree about a proposal nobody has scored yet.
    k.reviews.length ? (k.disagreement ? t("reports.yes") : t("reports.no")) : null,
    t(`${p.advance ? "reports.proposed" : "reports.stays"}.${p.reason}`, { share: shareLabel(p.share) }),
    d ? (d.advances ? t("reports.advance") : t("reports.stay")) : null,
    d?.reason || null,
  ]);
  const table: ReportTable = {
    key: "plenary",
    title: t("reports.table.plenary", { stage: r.stage.name }),
    caption: t("reports.caption.plenary", { stage: r.stage.name, name: competition.name }),
    columns,
    rows,
    rowHeader: 2,
    total: null,
    filename: reportFilename(competition.slug, "plenary", r.stage.code),
  };
  return { table, stage: r.stage, scoredBy: r.scoredBy.code === r.stage.code ? null : r.scoredBy, basis: r.basis };
}
