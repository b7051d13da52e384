// Recording a yearly check-in: the agency says whether its published innovation still runs.
// The answer is public on the innovation's page, and moves the innovation's status: a stopped
// one becomes "berhenti" (it leaves the running innovations in the catalogue's status facet), one
// stopped earlier and running again goes back to "implementasi".
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { innovationCheckIns, innovationFiles, innovationHistory, innovations } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { jakartaYear } from "~/modules/compliance/year";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { loadInnovation } from "~/modules/innovations/load-innovation.server";
import { checkUploads, NO_FILES, storedFilesOf } from "~/modules/innovations/files.server";
import { MAX_FILES } from "~/modules/innovations/file-limits";
import type { FileProblem } from "~/lib/uploads.server";
import type { CheckInInput } from "./schemas";

export type CheckInResult = { year: number; statusChanged: boolean } | { problems: Record<string, FileProblem> };

/**
 * Record this year's check-in of innovation `id` (the year is Jakarta's, as the duty's is). A
 * second answer in the same year replaces the first. Evidence is a file (PDF or image, checked
 * by its bytes, kept with the innovation's evidence), a web address, or both; a "running" answer
 * needs one of them or an earlier file of the same year's answer.
 */
export async function recordCheckIn(
  db: Db,
  actor: Actor,
  id: number,
  input: CheckInInput,
  opts: { file?: File | null; maxBytes: number; now: Date },
): Promise<CheckInResult> {
  const innovation = await loadInnovation(db, id);
  assertCan(actor, "innovation.checkIn", innovation);
  const year = jakartaYear(opts.now);
  const outcome = input.outcome!;
  if (outcome === "stopped" && innovation.startedOn && input.stoppedOn && input.stoppedOn < innovation.startedOn) {
    throw new AppError("invalid", "checkins.errors.stoppedBeforeStart", { stoppedOn: "checkins.errors.stoppedBeforeStart" });
  }

  const actorId = actor.kind === "user" ? actor.id : null;
  const [earlier] = await db
    .select({ evidenceFileId: innovationCheckIns.evidenceFileId, outcome: innovationCheckIns.outcome })
    .from(innovationCheckIns)
    .where(and(eq(innovationCheckIns.innovationId, id), eq(innovationCheckIns.year, year)));

  // The file is checked (content, size, the entry's limit) before anything is written. The same
  // bytes already among the entry's evidence are not stored twice: the answer points at them.
  // The year's earlier file stays only under the same answer: a report that it ran is no
  // evidence that it stopped.
  let fileId: number | null = earlier && earlier.outcome === outcome ? earlier.evidenceFileId : null;
  let upload: Awaited<ReturnType<typeof checkUploads>>["checked"][number] | null = null;
  if (opts.file && opts.file.size > 0) {
    const stored = await storedFilesOf(db, id);
    const r = await checkUploads([{ kind: "evidence", file: opts.file }], opts.maxBytes, NO_FILES());
    const problem = r.errors.evidence?.[0];
    if (problem) return { problems: { evidenceFile: problem } };
    const candidate = r.checked[0]!;
    const [same] = stored.evidence.hashes.has(candidate.sha256)
      ? await db
          .select({ id: innovationFiles.id })
          .from(innovationFiles)
          .where(and(eq(innovationFiles.innovationId, id), eq(innovationFiles.kind, "evidence"), eq(innovationFiles.sha256, candidate.sha256)))
          .limit(1)
      : [];
    if (same) fileId = same.id;
    else if (stored.evidence.count >= MAX_FILES.evidence) {
      return { problems: { evidenceFile: { key: "innovations.errors.tooManyFiles", vars: { max: MAX_FILES.evidence, stored: stored.evidence.count } } } };
    } else upload = candidate;
  }

  // "Still running" is a claim: it stands on a document, a photo or a page to check it against.
  if (outcome === "running" && !upload && fileId === null && !input.evidenceUrl) {
    throw new AppError("invalid", "checkins.errors.evidenceRequired", { evidenceFile: "checkins.errors.evidenceRequired" });
  }

  return db.transaction(async (tx) => {
    if (upload) {
      [{ id: fileId }] = await tx
        .insert(innovationFiles)
        .values({ innovationId: id, kind: "evidence", filename: upload.filename, mime: upload.mime, size: upload.bytes.byteLength, sha256: upload.sha256, data: upload.bytes })
        .returning({ id: innovationFiles.id });
    }
    const values = {
      outcome,
      note: input.note!,
      evidenceUrl: input.evidenceUrl ?? null,
      evidenceFileId: fileId,
      stoppedOn: outcome === "stopped" ? (input.stoppedOn ?? null) : null,
      recordedBy: actorId,
      recordedAt: opts.now,
    };
    await tx
      .insert(innovationCheckIns)
      .values({ innovationId: id, year, ...values })
      .onConflictDoUpdate({ target: [innovationCheckIns.innovationId, innovationCheckIns.year], set: values });

    const status = outcome === "stopped" ? "berhenti" : innovation.status === "berhenti" ? "implementasi" : innovation.status;
    const statusChanged = status !== innovation.status;
    if (statusChanged) {
      await tx
        .update(innovations)
        .set({ status, version: sql`${innovations.version} + 1`, updatedAt: opts.now })
        .where(eq(innovations.id, id));
    }
    await tx.insert(innovationHistory).values({
      innovationId: id,
      actorUserId: actorId,
      action: outcome === "stopped" ? "checkedInStopped" : "checkedIn",
      changedFields: statusChanged ? ["status"] : [],
      comment: input.note!,
      at: opts.now,
    });
    await recordAudit(tx, { actorUserId: actorId, action: "innovation.checkIn", subjectType: "innovation", subjectId: id, data: { year, outcome, statusChanged } });
    return { year, statusChanged };
  });
}
