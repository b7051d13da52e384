// /data-terbuka/:file: one open-data file (inovasi.csv, instansi.csv, …): its latest nightly
// snapshot when there is one (modules/open-data/snapshots.server.ts), else streamed as it is read.
//
// The file is bytes, not a page: answered by the middleware, before any loader runs (as stored
// files are, routes/file.tsx). A name that is no file falls through to the loader, whose 404 the
// root ErrorBoundary shows as the site's own page in the reader's language.
import type { Route } from "./+types/open-data-file";
import { services } from "~/lib/context.server";
import { notFound } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { datasetCsvStream, datasetOfFile } from "~/modules/open-data/datasets.server";
import { latestSnapshot, snapshotBody, snapshotCsvBody, type Snapshot } from "~/modules/open-data/snapshots.server";

export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, params, context }, next) => {
    const dataset = datasetOfFile(params.file);
    if (!dataset || (request.method !== "GET" && request.method !== "HEAD")) return next();
    const { db, env } = services(context);
    const headers = new Headers({
      "content-type": "text/csv; charset=utf-8",
      // Saved under the name the page shows and the address ends with.
      "content-disposition": `attachment; filename="${params.file}"`,
      // Anyone may fetch the files, from a page or a program on another site.
      "access-control-allow-origin": "*",
      // A file of the whole register changes by the hour, not the second: a cache (the
      // reader's, or a proxy in front of Lumbung) may keep it ten minutes.
      "cache-control": "public, max-age=600",
    });
    const snapshot = await latestSnapshot(db, dataset);
    if (!snapshot) return new Response(request.method === "HEAD" ? null : datasetCsvStream(db, dataset, env.publicUrl), { headers });
    return snapshotResponse(request, headers, snapshot, (gzip) => (gzip ? snapshotBody(db, snapshot) : snapshotCsvBody(db, snapshot)));
  },
];

/**
 * A snapshot as the answer. The stored bytes are gzip: a reader that takes gzip (every browser,
 * curl --compressed) gets them as they are, and its download costs the server a read of stored
 * parts; another gets them unpacked on the way, still streamed. Either way the answer already
 * says its encoding, so the server's compress middleware (server/app.ts), which leaves alone an
 * answer with a Content-Encoding, never packs it twice.
 *
 * The ETag is the CSV's own sha256 (with "-gzip" on the packed answer: RFC 9110 asks a strong
 * tag to differ between encodings): a program polling nightly with If-None-Match gets a 304 and
 * nothing else while the file has not changed, whichever tag it kept.
 */
function snapshotResponse(request: Request, headers: Headers, snapshot: Snapshot, body: (gzip: boolean) => ReadableStream<Uint8Array>): Response {
  headers.set("last-modified", snapshot.finishedAt.toUTCString());
  // Which body comes depends on Accept-Encoding: a shared cache must keep the two apart.
  headers.set("vary", "Accept-Encoding");
  const head = request.method === "HEAD";
  const gzip = acceptsGzip(request.headers.get("accept-encoding"));
  headers.set("etag", `"${snapshot.sha256}${gzip ? "-gzip" : ""}"`);
  if (notModified(request, snapshot)) return new Response(null, { status: 304, headers });
  if (gzip) {
    headers.set("content-encoding", "gzip");
    headers.set("content-length", String(snapshot.gzipBytes));
    return new Response(head ? null : body(true), { headers });
  }
  headers.set("content-length", String(snapshot.bytes));
  return new Response(head ? null : body(false), { headers });
}

/** If-None-Match (weak comparison, as RFC 9110 asks for GET), else If-Modified-Since. */
function notModified(request: Request, snapshot: Snapshot): boolean {
  const match = request.headers.get("if-none-match");
  if (match !== null) {
    return match.split(",").some((entry) => {
      const t = entry.trim();
      const tag = t.replace(/^W\//, "");
      return t === "*" || tag === `"${snapshot.sha256}"` || tag === `"${snapshot.sha256}-gzip"`;
    });
  }
  const since = Date.parse(request.headers.get("if-modified-since") ?? "");
  // Last-Modified is in whole seconds: compare at that precision.
  return !Number.isNaN(since) && Math.floor(snapshot.finishedAt.getTime() / 1000) * 1000 <= since;
}

/** Whether the reader takes gzip: named with a non-zero q, or "*" when gzip is not named. */
function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  let star: number | null = null;
  for (const entry of header.split(",")) {
    const [name, ...params] = entry.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    const weight = Number.isFinite(q) ? q : 0;
    if (name === "gzip" || name === "x-gzip") return weight > 0;
    if (name === "*") star = weight;
  }
  return star !== null && star > 0;
}

// Reached only for a name that is not one of the files.
export const loader = page(async () => {
  throw notFound();
});

export default function OpenDataFile() {
  return null;
}
