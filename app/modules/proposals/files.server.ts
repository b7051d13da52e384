// Evidence per section and file attachments, checked by their bytes (PDF or image) and size.
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { proposalFiles, proposals } from "~/db/schema";
import { AppError } from "~/lib/errors";
import { assertCan, type Actor } from "~/lib/policy";
import { sniffFile, type FileProblem } from "~/lib/uploads.server";

/** What a proposal's evidence may be, judged by its bytes. */
export const PROPOSAL_EVIDENCE = { types: ["application/pdf", "image/jpeg", "image/png", "image/webp"], label: "PDF, JPEG, PNG, WebP" } as const;

async function editable(db: Db, actor: Actor, id: number) {
  const [p] = await db.select({ agencyId: proposals.agencyId, unitId: proposals.unitId, state: proposals.state }).from(proposals).where(eq(proposals.id, id));
  if (!p) throw new AppError("not-found", "errors.notFound");
  assertCan(actor, "proposal.edit", p);
}

/** Store uploads for slots, all or nothing; the problems name each refused file. */
export async function addProposalFiles(
  db: Db,
  actor: Actor,
  id: number,
  uploads: { slot: string; file: File }[],
  maxBytes: number,
): Promise<Record<string, FileProblem>> {
  await editable(db, actor, id);
  const problems: Record<string, FileProblem> = {};
  const checked: { slot: string; filename: string; mime: string; bytes: Uint8Array }[] = [];
  for (const u of uploads) {
    const r = await sniffFile(u.file, PROPOSAL_EVIDENCE.types, PROPOSAL_EVIDENCE.label, maxBytes);
    if (r.ok) checked.push({ slot: u.slot, ...r.file });
    else problems[`file.${u.slot}`] = r.problem;
  }
  if (Object.keys(problems).length || !checked.length) return problems;
  await db.insert(proposalFiles).values(
    checked.map((f) => ({
      proposalId: id,
      slot: f.slot,
      filename: f.filename,
      mime: f.mime,
      size: f.bytes.length,
      sha256: createHash("sha256").update(f.bytes).digest("hex"),
      data: f.bytes,
      createdBy: actor.kind === "user" ? actor.id : null,
    })),
  );
  return {};
}

export async function removeProposalFile(db: Db, actor: Actor, id: number, fileId: number) {
  await editable(db, actor, id);
  await db.delete(proposalFiles).where(and(eq(proposalFiles.id, fileId), eq(proposalFiles.proposalId, id)));
}

/** A file with its bytes, for download by those who may see the proposal. */
export async function proposalFileForDownload(db: Db, actor: Actor, id: number, fileId: number) {
  const [row] = await db
    .select({ file: proposalFiles, agencyId: proposals.agencyId, state: proposals.state })
    .from(proposalFiles)
    .innerJoin(proposals, eq(proposals.id, proposalFiles.proposalId))
    .where(and(eq(proposalFiles.id, fileId), eq(proposalFiles.proposalId, id)));
  if (!row) throw new AppError("not-found", "errors.notFound");
  assertCan(actor, "proposal.view", { agencyId: row.agencyId, state: row.state });
  return row.file;
}
