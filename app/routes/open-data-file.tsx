// /data-terbuka/:file: one open-data file (inovasi.csv, instansi.csv, …), streamed as it is read.
//
// The file is bytes, not a page: answered by the middleware, before any loader runs (as stored
// files are, routes/file.tsx). A name that is no file falls through to the loader, whose 404 the
// root ErrorBoundary shows as the site's own page in the reader's language.
import type { Route } from "./+types/open-data-file";
import { services } from "~/lib/context.server";
import { notFound } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { datasetCsvStream, datasetOfFile } from "~/modules/open-data/datasets.server";

export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, params, context }, next) => {
    const dataset = datasetOfFile(params.file);
    if (!dataset || (request.method !== "GET" && request.method !== "HEAD")) return next();
    const { db, env } = services(context);
    return new Response(request.method === "HEAD" ? null : datasetCsvStream(db, dataset, env.publicUrl), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        // Saved under the name the page shows and the address ends with.
        "content-disposition": `attachment; filename="${params.file}"`,
        // Anyone may fetch the files, from a page or a program on another site.
        "access-control-allow-origin": "*",
        // A file of the whole register changes by the hour, not the second: a cache (the
        // reader's, or a proxy in front of Lumbung) may keep it ten minutes.
        "cache-control": "public, max-age=600",
      },
    });
  },
];

// Reached only for a name that is not one of the files.
export const loader = page(async () => {
  throw notFound();
});

export default function OpenDataFile() {
  return null;
}
