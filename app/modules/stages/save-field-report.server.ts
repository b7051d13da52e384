// The team's field-verification report: saved as a draft as often as needed, submitted once by
// any member (the team reports together), then locked. Photos are checked by their bytes.
import { createHash } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { fieldVisitPhotos, fieldVisits, type IndicatorCheck } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { sniffFile, type CheckedFile, type FileProblem } from "~/lib/uploads.server";
import { recordAudit } from "~/modules/audit/record-audit.server";
import type { CompetitionConfig } from "~/modules/competitions/config";
import { MAX_PHOTOS, PHOTO_ACCEPT } from "./checklist";
import { reportEditing } from "./field-team";
import { fieldReportView } from "./field-visit-queries.server";
import type { Claim } from "./indicator-checks";
import type { FieldReportInput } from "./schemas";

type Competition = { id: number; config: CompetitionConfig };

export type SaveReportOptions = {
  submit: boolean;
  /** New photos as sent (empty file inputs already left out). */
  photos: File[];
  removePhotoIds: number[];
  maxBytes: number;
  /** The request's arrival: the stage's close is judged then. */
  now: Date;
};

/**
 * Save the report. Refused photos are returned as problems and nothing is stored (all or
 * nothing: a report never holds half of what was sent). A locked report, or a closed stage
 * without a reopening, is refused.
 */
export async function saveFieldReport(
  db: Db,
  actor: Actor,
  competition: Competition,
  stageCode: string,
  proposalId: number,
  input: FieldReportInput,
  opts: SaveReportOptions,
): Promise<{ problems: Record<string, FileProblem> }> {
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  const view = await fieldReportView(db, actor, competition, stageCode, proposalId);
  assertCan(actor, "fieldReport.write", { member: view.member });
  const editing = reportEditing(view.visit, view.stage, opts.now);
  if (editing === "submitted") throw new AppError("conflict", "stages.errors.reportLocked");
  if (editing === "closed") throw new AppError("deadline-passed", "stages.errors.stageClosed");
  if (editing === "notOpen") throw new AppError("deadline-passed", "stages.errors.stageNotOpen");

  const removing = new Set(opts.removePhotoIds.filter((id) => view.photos.some((p) => p.id === id)));
  const problems: Record<string, FileProblem> = {};
  if (view.photos.length - removing.size + opts.photos.length > MAX_PHOTOS) {
    return { problems: { photos: { key: "stages.errors.tooManyPhotos", vars: { max: MAX_PHOTOS } } } };
  }
  const checked: CheckedFile[] = [];
  for (const f of opts.photos) {
    const r = await sniffFile(f, PHOTO_ACCEPT.types, PHOTO_ACCEPT.label, opts.maxBytes);
    if (r.ok) checked.push(r.file);
    else if (!problems.photos) problems.photos = r.problem;
  }
  if (Object.keys(problems).length) return { problems };
  const indicatorChecks = checksAgainst(view.claims, input.indicators, opts.submit);

  await db.transaction(async (tx) => {
    const content = {
      checklist: input.checklist,
      notes: input.notes,
      testimonies: input.testimonies,
      indicatorChecks,
      verified: input.verified,
      reason: input.reason,
      updatedBy: actor.id,
      updatedAt: opts.now,
      ...(opts.submit ? { submittedAt: opts.now, submittedBy: actor.id, reopenedAt: null } : {}),
    };
    // Two members may send at once: only a report not yet submitted is written (the second
    // sender is told it is locked, and nothing of theirs is stored).
    const [visit] = await tx
      .insert(fieldVisits)
      .values({ competitionId: competition.id, stageCode: view.stage.code, proposalId, ...content })
      .onConflictDoUpdate({ target: [fieldVisits.competitionId, fieldVisits.stageCode, fieldVisits.proposalId], set: content, setWhere: isNull(fieldVisits.submittedAt) })
      .returning({ id: fieldVisits.id });
    if (!visit) throw new AppError("conflict", "stages.errors.reportLocked");
    if (removing.size) await tx.delete(fieldVisitPhotos).where(and(eq(fieldVisitPhotos.visitId, visit.id), inArray(fieldVisitPhotos.id, [...removing])));
    if (checked.length) {
      await tx.insert(fieldVisitPhotos).values(
        checked.map((f) => ({
          visitId: visit.id,
          filename: f.filename,
          mime: f.mime,
          size: f.bytes.length,
          sha256: createHash("sha256").update(f.bytes).digest("hex"),
          data: f.bytes,
          createdBy: actor.id,
        })),
      );
    }
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(fieldVisitPhotos).where(eq(fieldVisitPhotos.visitId, visit.id));
    if (n > MAX_PHOTOS) throw new AppError("invalid", "stages.errors.tooManyPhotos", { photos: "stages.errors.tooManyPhotos" });
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: opts.submit ? "fieldReport.submit" : "fieldReport.save",
      subjectType: "proposal",
      subjectId: proposalId,
      data: {
        stage: view.stage.code,
        verified: input.verified,
        checked: Object.entries(input.checklist).filter(([, v]) => v).map(([k]) => k),
        testimonies: input.testimonies.length,
        indicators: indicatorChecks.map((c) => c.finding),
        photosAdded: checked.length,
        photosRemoved: removing.size,
      },
    });
  });
  return { problems: {} };
}

/**
 * The checks as stored: one per claim, by its position and name, the claim copied as it was.
 * A row written against another claim (the register changed between the form's loading and
 * the first save) is refused rather than filed under the wrong indicator; a row left blank is
 * an unanswered check. A submission answers every claim (the schema refused it otherwise).
 */
function checksAgainst(claims: Claim[], rows: FieldReportInput["indicators"], submit: boolean): IndicatorCheck[] {
  return claims.map((claim, position) => {
    const row = rows[position];
    if (row && row.name && row.name !== claim.name) throw new AppError("conflict", "stages.errors.claimsChanged");
    if (submit && !row?.finding) throw new AppError("conflict", "stages.errors.claimsChanged");
    const { name, ...claimed } = claim;
    return { position, name, claimed, observed: row?.observed ?? "", finding: row?.finding ?? null, note: row?.note ?? "" };
  });
}
