import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "~/db/client.server";
import { innovationFiles, innovationHistory, innovations, type Indicator } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { sniffFile, type FileProblem } from "~/lib/uploads.server";
import { assertCan, type Actor } from "~/lib/policy";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { isRowId, loadInnovation } from "./load-innovation.server";
import { MAX_FILES } from "./file-limits";

// A photo must really be JPEG/PNG/WebP, evidence PDF or one of those images (by its bytes).
export const ACCEPTED = {
  photo: ["image/jpeg", "image/png", "image/webp"],
  evidence: ["application/pdf", "image/jpeg", "image/png", "image/webp"],
} as const;
export type FileKind = keyof typeof ACCEPTED;
/** The form's file fields and what each accepts. */
export const FILE_FIELDS = ["photos", "evidence"] as const;
export const acceptFor = (field: string) =>
  field === "photos" ? { types: ACCEPTED.photo, label: "JPEG, PNG, WebP" } : { types: ACCEPTED.evidence, label: "PDF, JPEG, PNG, WebP" };

export type Upload = { kind: FileKind; file: File };

/** What an entry already holds of each kind: how many files, and their contents' hashes. */
export type StoredFiles = Record<FileKind, { count: number; hashes: Set<string> }>;

export const NO_FILES = (): StoredFiles => ({ photo: { count: 0, hashes: new Set() }, evidence: { count: 0, hashes: new Set() } });

export async function storedFilesOf(db: Db, id: number): Promise<StoredFiles> {
  const rows = await db.select({ kind: innovationFiles.kind, sha256: innovationFiles.sha256 }).from(innovationFiles).where(eq(innovationFiles.innovationId, id));
  const stored = NO_FILES();
  for (const r of rows) {
    stored[r.kind].count += 1;
    stored[r.kind].hashes.add(r.sha256);
  }
  return stored;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Non-empty file inputs of a form, by kind. */
export function uploadsFromForm(form: FormData): Upload[] {
  const out: Upload[] = [];
  for (const kind of ["photo", "evidence"] as const) {
    for (const v of form.getAll(kind === "photo" ? "photos" : "evidence")) {
      if (typeof v !== "string" && v.size > 0) out.push({ kind, file: v });
    }
  }
  return out;
}

/**
 * Check every upload before storing any: all or nothing. Each field lists every file it
 * refused, so a person choosing several learns about all of them in one try.
 */
export async function checkUploads(uploads: Upload[], maxBytes: number, stored: StoredFiles = NO_FILES()) {
  const checked: { kind: FileKind; filename: string; mime: string; bytes: Uint8Array; sha256: string }[] = [];
  const errors: Record<string, FileProblem[]> = {};
  const seen = { photo: new Set(stored.photo.hashes), evidence: new Set(stored.evidence.hashes) };
  for (const u of uploads) {
    const field = u.kind === "photo" ? "photos" : "evidence";
    const accept = acceptFor(field);
    const r = await sniffFile(u.file, accept.types, accept.label, maxBytes);
    if (!r.ok) {
      (errors[field] ??= []).push(r.problem);
      continue;
    }
    // The same file chosen again (or already attached) is stored once, not listed twice.
    const hash = sha256(r.file.bytes);
    if (seen[u.kind].has(hash)) continue;
    seen[u.kind].add(hash);
    checked.push({ kind: u.kind, ...r.file, sha256: hash });
  }
  for (const kind of ["photo", "evidence"] as const) {
    const field = kind === "photo" ? "photos" : "evidence";
    const adding = checked.filter((c) => c.kind === kind).length;
    if (stored[kind].count + adding > MAX_FILES[kind]) {
      (errors[field] ??= []).push({ key: "innovations.errors.tooManyFiles", vars: { max: MAX_FILES[kind], stored: stored[kind].count } });
    }
  }
  return { checked, errors };
}

export async function addInnovationFiles(
  db: Db,
  actor: Actor,
  id: number,
  files: { kind: FileKind; filename: string; mime: string; bytes: Uint8Array; sha256: string }[],
) {
  if (!files.length) return;
  const current = await loadInnovation(db, id);
  assertCan(actor, "innovation.edit", current);
  const actorId = actor.kind === "user" ? actor.id : null;
  await db.transaction(async (tx) => {
    for (const f of files) {
      await tx.insert(innovationFiles).values({
        innovationId: id,
        kind: f.kind,
        filename: f.filename,
        mime: f.mime,
        size: f.bytes.byteLength,
        sha256: f.sha256,
        data: f.bytes,
      });
    }
    await tx.insert(innovationHistory).values({
      innovationId: id,
      actorUserId: actorId,
      action: "fileAdded",
      changedFields: files.map((f) => f.filename),
    });
    await recordAudit(tx, { actorUserId: actorId, action: "innovation.file.add", subjectType: "innovation", subjectId: id, data: { files: files.map((f) => f.filename) } });
  });
}

/** Remove a file; says how many indicators named it as their evidence (now without one). */
export async function removeInnovationFile(db: Db, actor: Actor, id: number, fileId: number): Promise<{ unlinked: number }> {
  const current = await loadInnovation(db, id);
  if (!isRowId(fileId)) throw new AppError("not-found", "errors.notFound");
  assertCan(actor, "innovation.edit", current);
  const actorId = actor.kind === "user" ? actor.id : null;
  return db.transaction(async (tx) => {
    const removed = await tx
      .delete(innovationFiles)
      .where(and(eq(innovationFiles.id, fileId), eq(innovationFiles.innovationId, id)))
      .returning({ filename: innovationFiles.filename });
    if (!removed.length) throw new AppError("not-found", "errors.notFound");
    const unlinked = await clearEvidenceReferences(tx, id, fileId);
    await tx.insert(innovationHistory).values({ innovationId: id, actorUserId: actorId, action: "fileRemoved", changedFields: [removed[0].filename] });
    await recordAudit(tx, { actorUserId: actorId, action: "innovation.file.remove", subjectType: "innovation", subjectId: id, data: { fileId, ...(unlinked ? { unlinkedIndicators: unlinked } : {}) } });
    return { unlinked };
  });
}

/**
 * An indicator whose proof was the removed file no longer claims one: the link would lead
 * nowhere, and a claim must not look proven by a document that is gone. The row is locked and
 * the version moves on when a row changes, so a form opened before the removal that still
 * names the file is refused as stale rather than writing the old link back.
 */
async function clearEvidenceReferences(tx: Tx, id: number, fileId: number): Promise<number> {
  const [row] = await tx.select({ indicators: innovations.indicators }).from(innovations).where(eq(innovations.id, id)).for("update");
  const rows: Indicator[] = row?.indicators ?? [];
  const unlinked = rows.filter((r) => r.evidenceFileId === fileId).length;
  if (!unlinked) return 0;
  const cleared = rows.map((r) => {
    if (r.evidenceFileId !== fileId) return r;
    const { evidenceFileId: _gone, ...rest } = r;
    return rest;
  });
  await tx
    .update(innovations)
    .set({ indicators: cleared, version: sql`${innovations.version} + 1`, updatedAt: new Date() })
    .where(eq(innovations.id, id));
  return unlinked;
}

export async function listInnovationFiles(db: Db, id: number) {
  return db
    .select({ id: innovationFiles.id, kind: innovationFiles.kind, filename: innovationFiles.filename, mime: innovationFiles.mime, size: innovationFiles.size })
    .from(innovationFiles)
    .where(eq(innovationFiles.innovationId, id))
    .orderBy(innovationFiles.id);
}

/** A stored file with what deciding who may read it needs: its entry's agency and state. */
export async function fileForDownload(db: Db, fileId: number) {
  if (!isRowId(fileId)) return null;
  const [row] = await db
    .select({
      data: innovationFiles.data,
      mime: innovationFiles.mime,
      filename: innovationFiles.filename,
      sha256: innovationFiles.sha256,
      agencyId: innovations.agencyId,
      state: innovations.state,
    })
    .from(innovationFiles)
    .innerJoin(innovations, eq(innovations.id, innovationFiles.innovationId))
    .where(eq(innovationFiles.id, fileId));
  return row ?? null;
}
