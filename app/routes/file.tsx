import type { Route } from "./+types/file";
import { requestInfo, services } from "~/lib/context.server";
import { fileForDownload } from "~/modules/innovations/files.server";
import { notFound } from "~/lib/errors";
import { can } from "~/lib/policy";
import { page } from "~/lib/respond.server";

// A stored photo or evidence file. Files of published innovations are public; others only for
// the people who may see the entry. A refusal looks like a 404 so drafts do not leak existence.
export const loader = page(async ({ params, context }: Route.LoaderArgs) => {
  const { db } = services(context);
  const { actor } = requestInfo(context);
  const row = await fileForDownload(db, Number(params.id));
  if (!row || !can(actor, "innovation.view", row).ok) throw notFound();
  const isPublic = row.state === "published";
  const inline = row.mime.startsWith("image/");
  return new Response(row.data as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": row.mime,
      "content-length": String(row.data.byteLength),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(row.filename)}`,
      "cache-control": isPublic ? "public, max-age=3600" : "private, no-store",
      etag: `"${row.sha256}"`,
      // Served bytes never run as a page, even if a crafted file got through.
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
});
