import type { Route } from "./+types/file";
import { requestInfo, services } from "~/lib/context.server";
import { fileForDownload } from "~/modules/innovations/files.server";
import { notFound } from "~/lib/errors";
import { idOf } from "~/lib/forms";
import { can } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { fileResponse } from "~/lib/uploads.server";

// A stored photo or evidence file. Files of published innovations are public; others only for
// the people who may see the entry. A refusal looks like a 404 so drafts do not leak existence.
export const loader = page(async ({ params, context }: Route.LoaderArgs) => {
  const { db } = services(context);
  const { actor } = requestInfo(context);
  const row = await fileForDownload(db, idOf(params.id) ?? 0);
  if (!row || !can(actor, "innovation.view", row).ok) throw notFound();
  // Files of published innovations may be cached by anyone.
  return fileResponse(row, { isPublic: row.state === "published" });
});
