// The root middleware: who is asking (session), in which language and zone, and CSRF.
import type { MiddlewareFunction } from "react-router";
import { isLocale, isZoneName, type Locale, type ZoneName } from "~/i18n";
import { loadSession, SESSION_COOKIE } from "~/modules/accounts/session.server";
import { newToken } from "~/modules/accounts/tokens.server";
import { readCookies, setCookie } from "./cookies.server";
import { requestContext, servicesContext } from "./context.server";
import { AppError } from "./errors";
import { errorBody } from "./respond.server";
import { data } from "react-router";
import { ANONYMOUS } from "./policy";
import type { Db } from "~/db/client.server";
import type { Env } from "./env.server";

export const LOCALE_COOKIE = "lumbung_lang";
export const ZONE_COOKIE = "lumbung_tz";
export const CSRF_COOKIE = "lumbung_csrf";

const csrfFailure = () => data(errorBody(new AppError("forbidden", "errors.csrf"), "id"), { status: 403 });

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

// Bahasa Indonesia by default, whatever the browser's language (many phones here are set to
// English); English only when the person chose it, by the switch or in their account.
function preferredLocale(cookie: string | undefined, userLocale: string | null): Locale {
  if (isLocale(cookie)) return cookie;
  if (isLocale(userLocale)) return userLocale;
  return "id";
}

/** Who is asking: the session its cookie names, and the CSRF token of its browser (new if none). */
export async function whoAsks(db: Db, request: Request) {
  const cookies = readCookies(request);
  const session = await loadSession(db, cookies[SESSION_COOKIE]);
  const cookieCsrf = cookies[CSRF_COOKIE];
  const newCsrf = !cookieCsrf || cookieCsrf.length < 20;
  const csrfToken = newCsrf ? newToken() : cookieCsrf;
  const locale = preferredLocale(cookies[LOCALE_COOKIE], session?.locale ?? null);
  return { cookies, session, newCsrf, csrfToken, locale };
}

/**
 * Whether a state-changing request is a cross-site forgery. Refused twice over: the Origin
 * must be ours, and the form must carry the token from our cookie (double submit).
 */
export function isForged(request: Request, env: Env, form: FormData, asker: { newCsrf: boolean; csrfToken: string }): boolean {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && origin !== env.publicUrl) return true;
  const sent = request.headers.get("x-csrf-token") ?? form.get("_csrf");
  return asker.newCsrf || typeof sent !== "string" || sent !== asker.csrfToken;
}

export const requestMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const { db, env } = context.get(servicesContext);
  // PostgreSQL text cannot hold NUL; no real address contains one.
  if (/%00/.test(request.url)) throw data(errorBody(new AppError("invalid", "errors.invalid"), "id"), { status: 400 });
  const asker = await whoAsks(db, request);
  const { cookies, session, newCsrf, csrfToken } = asker;

  if (!SAFE.has(request.method)) {
    // Every state-changing request here is a form. A body that does not parse as one is the
    // sender's mistake (400), never a crash in the action that reads it.
    const form = await request.formData().catch(() => null);
    if (!form) throw data(errorBody(new AppError("invalid", "errors.invalid"), "id"), { status: 400 });
    if (isForged(request, env, form, asker)) throw csrfFailure();
    // The action reads the same form (every action reads its body as a form): parsed once, not
    // once here and again there from a copy of the body, which for a proposal's evidence files
    // (several files of up to MAX_UPLOAD_MB each) would hold every upload twice in memory.
    Object.defineProperty(request, "formData", { value: () => Promise.resolve(form) });
  }

  const zoneCookie = cookies[ZONE_COOKIE];
  const zone: ZoneName = isZoneName(zoneCookie) ? zoneCookie : (session?.zone ?? "WIB");
  context.set(requestContext, {
    actor: session?.actor ?? ANONYMOUS,
    sessionIdHash: session?.idHash ?? null,
    locale: asker.locale,
    zone,
    csrfToken,
    agencyName: session?.agencyName ?? null,
  });

  const response = await next();
  // Only pages carry forms; API answers and downloads are publicly cacheable and cookie-free.
  if (newCsrf && (response.headers.get("content-type") ?? "").startsWith("text/html")) {
    response.headers.append("set-cookie", setCookie(env, CSRF_COOKIE, csrfToken));
  }
  return response;
};
