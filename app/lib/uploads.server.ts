// Uploads are judged by their bytes, never by their name or the browser's claim.
import { fileTypeFromBuffer } from "file-type";

export type CheckedFile = { filename: string; mime: string; bytes: Uint8Array };
export type FileProblem = { key: string; vars: Record<string, string | number> };

const MAX_NAME_LENGTH = 200;

/**
 * A file's name as it may be stored and shown: control characters dropped (PostgreSQL text
 * cannot hold NUL, and a line break or tab has no place in a name), as are the Unicode
 * direction controls, with which a name can show its extension reversed ("exe.jpg" for
 * "gpj.exe"); at most 200 characters, never
 * cutting a character in two. The name is the sender's claim, so nothing else relies on it.
 */
export function cleanFilename(name: string): string {
  const clean = name.replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, "");
  return Array.from(clean).slice(0, MAX_NAME_LENGTH).join("").trim() || "berkas";
}

/** A file whose real type is one of `accepted` and whose size is within `maxBytes`, or why not. */
export async function sniffFile(
  file: File,
  accepted: readonly string[],
  allowedLabel: string,
  maxBytes: number,
): Promise<{ ok: true; file: CheckedFile } | { ok: false; problem: FileProblem }> {
  const name = cleanFilename(file.name);
  if (file.size > maxBytes) return { ok: false, problem: { key: "innovations.errors.fileSize", vars: { name, max: Math.round(maxBytes / 1048576) } } };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !accepted.includes(type.mime)) return { ok: false, problem: { key: "innovations.errors.fileType", vars: { name, allowed: allowedLabel } } };
  return { ok: true, file: { filename: name, mime: type.mime, bytes } };
}

/**
 * A stored file as a download. Images open in the browser, everything else downloads; the bytes
 * never run as a page, even if a crafted file got through the checks.
 *
 * A public file (a published innovation's) may be shown by any site: the open API hands out its
 * address (links.photo) for exactly that, and a news page or a regional dashboard puts it in an
 * <img>. Cross-Origin-Resource-Policy says so; every other answer of this server, private files
 * included, stays same-origin (server/app.ts keeps a header a response sets itself).
 *
 * A public file turns private when its innovation is withdrawn, so it is cached briefly:
 * five minutes spares a reader paging through the catalogue's photos a request per card, and
 * bounds how long a browser or a proxy keeps showing a withdrawn entry's files. After that a
 * browser asks again with the ETag (the content's sha256), and gets a 304 without the bytes;
 * the route checks who may see the file before it answers, so a withdrawn file gets its 404.
 */
export function fileResponse(
  file: { data: Uint8Array; mime: string; filename: string; sha256: string },
  opts: { isPublic: boolean; request?: Request },
) {
  const etag = `"${file.sha256}"`;
  const caching = {
    "cache-control": opts.isPublic ? "public, max-age=300" : "private, no-store",
    etag,
    "cross-origin-resource-policy": opts.isPublic ? "cross-origin" : "same-origin",
  };
  if (opts.request && matchesEtag(opts.request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers: caching });
  }
  const inline = file.mime.startsWith("image/");
  return new Response(file.data as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": file.mime,
      "content-length": String(file.data.byteLength),
      "content-disposition": `${inline ? "inline" : "attachment"}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      ...caching,
      "content-security-policy": "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    },
  });
}

/** If-None-Match against an ETag: a list of tags or "*", compared weakly (RFC 9110, 13.1.2). */
function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  return header.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}
