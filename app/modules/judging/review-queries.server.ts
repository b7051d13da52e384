// What the judges' pages read: their worklist, a proposal as a judge sees it, and the files an
// assigned judge may download. Everything here starts from an assignment: a judge sees a
// proposal because the secretariat gave it to them, and only while it is theirs (a declared
// conflict withdraws the pair, and with it the access).
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { agencies, assignments, competitions, proposalFiles, proposals, proposalSections } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { can, type Actor } from "~/lib/policy";
import { myAssignments } from "./reviews.server";

export type WorklistState = "none" | "draft" | "submitted";

/**
 * The judge's assignments grouped by edition (newest first) and stage (in the edition's
 * order), each with the proposal's title, receipt and category and the review's state.
 */
export async function reviewWorklist(db: DbOrTx, actor: Actor) {
  const rows = await myAssignments(db, actor);
  if (!rows.length) return [];
  const proposalIds = [...new Set(rows.map((r) => r.proposalId))];
  const competitionIds = [...new Set(rows.map((r) => r.competitionId))];
  const [props, comps] = await Promise.all([
    db
      .select({ id: proposals.id, title: proposals.title, receipt: proposals.receiptNumber, categoryCode: proposals.categoryCode })
      .from(proposals)
      .where(inArray(proposals.id, proposalIds)),
    db.select({ id: competitions.id, config: competitions.config }).from(competitions).where(inArray(competitions.id, competitionIds)),
  ]);
  const proposalById = new Map(props.map((p) => [p.id, p]));
  const configById = new Map(comps.map((c) => [c.id, c.config]));

  type Item = { proposalId: number; title: string; receipt: string | null; category: string; state: WorklistState };
  type StageGroup = { code: string; name: string; kind: string; opensAt: string; closesAt: string; order: number; items: Item[] };
  type EditionGroup = { slug: string; name: string; edition: number; stages: StageGroup[] };
  const editions = new Map<number, EditionGroup>();
  for (const r of rows) {
    const config = configById.get(r.competitionId);
    const p = proposalById.get(r.proposalId);
    if (!config || !p) continue;
    let edition = editions.get(r.competitionId);
    if (!edition) editions.set(r.competitionId, (edition = { slug: r.slug, name: r.competition, edition: r.edition, stages: [] }));
    let stage = edition.stages.find((s) => s.code === r.stageCode);
    if (!stage) {
      const order = config.stages.findIndex((s) => s.code === r.stageCode);
      const conf = config.stages[order];
      // A stage code in use cannot leave the configuration; the fallback only keeps the list whole.
      stage = { code: r.stageCode, name: conf?.name ?? r.stageCode, kind: conf?.kind ?? "scoring", opensAt: conf?.opensAt ?? "", closesAt: conf?.closesAt ?? "", order, items: [] };
      edition.stages.push(stage);
    }
    stage.items.push({
      proposalId: p.id,
      title: p.title,
      receipt: p.receipt,
      category: config.categories.find((c) => c.code === p.categoryCode)?.name ?? p.categoryCode,
      state: r.reviewState ?? "none",
    });
  }
  return [...editions.values()]
    .sort((a, b) => b.edition - a.edition || a.name.localeCompare(b.name))
    .map((e) => ({ ...e, stages: e.stages.sort((a, b) => a.order - b.order).map(({ order: _order, ...s }) => s) }));
}

/**
 * A proposal as its judge reads it: the text, the links and the files' names, never its
 * history or who wrote it (the agency is named; its people are not).
 */
export async function proposalForReview(db: DbOrTx, competitionId: number, proposalId: number) {
  const [row] = await db
    .select({
      id: proposals.id,
      title: proposals.title,
      receipt: proposals.receiptNumber,
      groupCode: proposals.groupCode,
      categoryCode: proposals.categoryCode,
      links: proposals.links,
      agency: agencies.name,
    })
    .from(proposals)
    .innerJoin(agencies, eq(agencies.id, proposals.agencyId))
    .where(and(eq(proposals.id, proposalId), eq(proposals.competitionId, competitionId)));
  if (!row) throw new AppError("not-found", "errors.notFound");
  const [sections, files] = await Promise.all([
    db.select({ code: proposalSections.sectionCode, body: proposalSections.body }).from(proposalSections).where(eq(proposalSections.proposalId, proposalId)),
    db
      .select({ id: proposalFiles.id, slot: proposalFiles.slot, filename: proposalFiles.filename, size: proposalFiles.size })
      .from(proposalFiles)
      .where(eq(proposalFiles.proposalId, proposalId))
      .orderBy(asc(proposalFiles.id)),
  ]);
  return { ...row, sections, files };
}

/**
 * A proposal's file for a judge assigned to the proposal in any stage; null for anyone else
 * (who then goes through the usual rule for those who may see the proposal).
 */
export async function fileForAssignedJudge(db: DbOrTx, actor: Actor, proposalId: number, fileId: number) {
  if (actor.kind !== "user" || !can(actor, "review.enter").ok) return null;
  const [row] = await db
    .select({ file: proposalFiles })
    .from(proposalFiles)
    .innerJoin(assignments, and(eq(assignments.proposalId, proposalFiles.proposalId), eq(assignments.judgeId, actor.id)))
    .where(and(eq(proposalFiles.id, fileId), eq(proposalFiles.proposalId, proposalId)))
    .limit(1);
  return row?.file ?? null;
}
