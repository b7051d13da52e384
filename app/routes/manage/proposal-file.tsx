import type { Route } from "./+types/proposal-file";
import { requireUser, services } from "~/lib/context.server";
import { notFound } from "~/lib/errors";
import { idOf } from "~/lib/forms";
import { page } from "~/lib/respond.server";
import { fileResponse } from "~/lib/uploads.server";
import { fileForAssignedJudge } from "~/modules/judging/review-queries.server";
import { proposalFileForDownload } from "~/modules/proposals/files.server";

// A proposal's evidence or attachment: never public, only for those who may see the proposal,
// and for the judges assigned to it (they score the evidence, not only the text).
export const loader = page(async ({ params, context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const id = idOf(params.id);
  const fileId = idOf(params.fileId);
  if (!id || !fileId) throw notFound();
  const { db } = services(context);
  const file = (await fileForAssignedJudge(db, actor, id, fileId)) ?? (await proposalFileForDownload(db, actor, id, fileId));
  return fileResponse(file, { isPublic: false });
});
