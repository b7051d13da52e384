import type { Route } from "./+types/file";
import { requestInfo, services } from "~/lib/context.server";
import { fileForDownload } from "~/modules/innovations/files.server";
import { notFound } from "~/lib/errors";
import { idOf } from "~/lib/forms";
import { can } from "~/lib/policy";
import { errorBody, json, page } from "~/lib/respond.server";
import { fileResponse } from "~/lib/uploads.server";

// A stored photo or evidence file. Files of published innovations are public; others only for
// the people who may see the entry. A refusal looks like a 404 so drafts do not leak existence.
//
// The file is bytes, not a page: answered by the middleware, before any loader runs (as a field
// report's photos are). A refusal a person opens as a page (a withdrawn innovation's photo, an
// old bookmark) falls through to the loader, whose 404 the root ErrorBoundary shows as the
// site's own page in the reader's language; an <img>, a script or any other client that does
// not ask for HTML gets the JSON error.
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, params, context }, next) => {
    if (request.method !== "GET" && request.method !== "HEAD") return next();
    const { db } = services(context);
    const { actor, locale } = requestInfo(context);
    const row = await fileForDownload(db, idOf(params.id) ?? 0);
    // Files of published innovations may be cached by anyone, and shown by any site.
    if (row && can(actor, "innovation.view", row).ok) return fileResponse(row, { isPublic: row.state === "published", request });
    if ((request.headers.get("accept") ?? "").includes("text/html")) return next();
    return json(errorBody(notFound(), locale), 404);
  },
];

// Reached only when the middleware refused the file to a reader asking for a page.
export const loader = page(async () => {
  throw notFound();
});

export default function StoredFile() {
  return null;
}
