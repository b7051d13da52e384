// What the open API refuses before anything else runs: the root middleware asks here first, so
// that these refusals come in the API's own shape (JSON Error, English, open-data headers)
// rather than as the pages' answers. Without it a POST went through the forms' body and CSRF
// checks (a 400 or 403 with an Indonesian page message) and, past them, reached React Router's
// own 405 text; a NUL in the address got the pages' Indonesian 400 without the open-data
// headers.
import { invalid } from "~/lib/errors";
import { errorBody, json } from "~/lib/respond.server";
import { translator } from "~/i18n";
import { OPEN_DATA_HEADERS } from "./respond.server";
import { API_ERROR_STATUS, type ApiError } from "./schemas";

/** The methods the open API answers: it only reads (OPTIONS is a browser's CORS preflight). */
export const API_METHODS = ["GET", "HEAD", "OPTIONS"] as const;


export const isApiPath = (pathname: string) => pathname === "/api" || pathname.startsWith("/api/");

/** The API's answer to a request it refuses outright, or null to let the request through. */
export function apiRefusal(request: Request): Response | null {
  if (!isApiPath(new URL(request.url).pathname)) return null;
  if (!(API_METHODS as readonly string[]).includes(request.method)) {
    const reason = "errors.methodNotAllowed";
    const body: ApiError = { error: { code: "method-not-allowed", reason, message: translator("en")(reason) } };
    return json(body, API_ERROR_STATUS["method-not-allowed"], { ...OPEN_DATA_HEADERS, allow: API_METHODS.join(", ") });
  }
  // PostgreSQL text cannot hold NUL; no real address contains one.
  if (/%00/.test(request.url)) return json(errorBody(invalid("errors.invalid"), "en"), 400, { ...OPEN_DATA_HEADERS });
  return null;
}
