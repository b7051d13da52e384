// Where to go after signing in or changing a preference, taken from the request: only a path on
// this site, never an open redirect to another host. Browsers strip tabs and line breaks from a
// URL and read a backslash as a slash, so "/\t/evil.example" and "/\evil.example" lead away
// even though they start with one slash; a line break would also break the Location header.
const BASE = "http://lumbung.invalid";
const MAX_LENGTH = 2_000;

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.length > MAX_LENGTH) return fallback;
  // Control characters, spaces and backslashes have no place in a path this site links to.
  if (/[\u0000-\u0020\u007f\\]/.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  // "/a/..//evil.example" resolves to "//evil.example": check the path as it will be sent.
  if (url.origin !== BASE || to.startsWith("//") || url.pathname.startsWith("//")) return fallback;
  return url.pathname + url.search + url.hash;
}
