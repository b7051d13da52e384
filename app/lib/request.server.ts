// The root middleware: who is asking (session), in which language and zone, and CSRF.
import type { MiddlewareFunction } from "react-router";
import { isLocale, isZoneName, type Locale, type ZoneName } from "~/i18n";
import { loadSession, needsRenewal, renewSession, SESSION_COOKIE, type LoadedSession } from "~/modules/accounts/session.server";
import { isSharedDemoLogin } from "~/modules/demo/demo-logins";
import { newToken } from "~/modules/accounts/tokens.server";
import { readCookies, setCookie } from "./cookies.server";
import { requestContext, servicesContext } from "./context.server";
import { AppError } from "./errors";
import { errorBody } from "./respond.server";
import { data, redirect } from "react-router";
import { ANONYMOUS } from "./policy";
import type { Db } from "~/db/client.server";
import type { Env } from "./env.server";
import { randomBytes, timingSafeEqual } from "node:crypto";
import { apiRefusal } from "~/modules/api/guard.server";

export const LOCALE_COOKIE = "lumbung_lang";
export const ZONE_COOKIE = "lumbung_tz";
export const CSRF_COOKIE = "lumbung_csrf";
const CSRF_COOKIE_SECONDS = 365 * 24 * 3600;

/**
 * A request refused before any loader runs. The error page then has no root data to take the
 * reader's language from, so the refusal carries it (useRoot reads it from the error).
 */
const refusal = (err: AppError, locale: Locale) => data({ ...errorBody(err, locale), locale }, { status: err.status });

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

// Bahasa Indonesia by default, whatever the browser's language (many phones here are set to
// English); English only when the person chose it, by the switch or in their account.
export function preferredLocale(cookie: string | undefined, userLocale: string | null): Locale {
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

// Where someone who owes two-step sign-in may still go in the work area: the account page,
// where it is set up (and its data, for a navigation made by the browser's script).
const TWO_STEP_SETUP = new Set(["/kelola/akun", "/kelola/akun.data"]);

/**
 * Whether the session's account must set up two-step sign-in before it works (its role is in
 * LUMBUNG_TWO_STEP_ROLES and it has none). The shared accounts of a public demo never owe it:
 * they cannot turn it on.
 */
export function owesTwoStep(session: LoadedSession | null, env: Env): boolean {
  return Boolean(session && !session.twoStep && env.twoStepRoles.includes(session.actor.role) && !isSharedDemoLogin(env.demo, session.actor.email));
}

/**
 * The CSRF token as a page carries it: XORed with a fresh random pad, the pad beside it, so
 * that the token's bytes differ in every response. Pages are compressed, and a page that
 * reflects what an attacker sends (a search) next to a secret that never changes would let
 * the compressed length reveal the secret a byte at a time (BREACH). Django and Rails do the
 * same.
 */
export function maskToken(token: string): string {
  const secret = Buffer.from(token, "utf8");
  const pad = randomBytes(secret.length);
  const masked = Buffer.alloc(secret.length);
  for (let i = 0; i < secret.length; i++) masked[i] = secret[i] ^ pad[i];
  return `${pad.toString("base64url")}.${masked.toString("base64url")}`;
}

/** Whether a sent token is the browser's own: masked by a page (maskToken), or as in the cookie. */
function isOwnToken(sent: string, token: string): boolean {
  const secret = Buffer.from(token, "utf8");
  const dot = sent.indexOf(".");
  let given: Buffer;
  if (dot < 0) given = Buffer.from(sent, "utf8");
  else {
    const pad = Buffer.from(sent.slice(0, dot), "base64url");
    given = Buffer.from(sent.slice(dot + 1), "base64url");
    if (pad.length !== given.length) return false;
    for (let i = 0; i < given.length; i++) given[i] ^= pad[i];
  }
  return given.length === secret.length && timingSafeEqual(given, secret);
}

/**
 * Whether a state-changing request is a cross-site forgery. Refused twice over: the Origin
 * must be ours, and the form must carry the token from our cookie (double submit).
 */
export function isForged(request: Request, env: Env, form: FormData, asker: { newCsrf: boolean; csrfToken: string }): boolean {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin && origin !== env.publicUrl) return true;
  const sent = request.headers.get("x-csrf-token") ?? form.get("_csrf");
  return asker.newCsrf || typeof sent !== "string" || sent.length > 200 || !isOwnToken(sent, asker.csrfToken);
}

export const requestMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const { db, env } = context.get(servicesContext);
  // The open API refuses in its own shape (JSON, English, open-data headers): a method other
  // than reading, before the forms' checks below would answer it as a page, and a NUL.
  const apiRefused = apiRefusal(request);
  if (apiRefused) return apiRefused;
  const asker = await whoAsks(db, request);
  const { cookies, session, newCsrf, csrfToken, locale } = asker;
  // PostgreSQL text cannot hold NUL; no real address contains one.
  if (/%00/.test(request.url)) throw refusal(new AppError("invalid", "errors.invalid"), locale);

  if (!SAFE.has(request.method)) {
    // Every state-changing request here is a form. A body that does not parse as one is the
    // sender's mistake (400), never a crash in the action that reads it.
    const form = await request.formData().catch(() => null);
    if (!form) throw refusal(new AppError("invalid", "errors.invalid"), locale);
    if (isForged(request, env, form, asker)) throw refusal(new AppError("forbidden", "errors.csrf"), locale);
    // The action reads the same form (every action reads its body as a form): parsed once, not
    // once here and again there from a copy of the body, which for a proposal's evidence files
    // (several files of up to MAX_UPLOAD_MB each) would hold every upload twice in memory.
    Object.defineProperty(request, "formData", { value: () => Promise.resolve(form) });
  }

  // Until it is set up, the work area leads to the account page; a form sent from a page opened
  // before is refused, and says why.
  const path = new URL(request.url).pathname;
  if (owesTwoStep(session, env) && (path === "/kelola" || path.startsWith("/kelola/") || path === "/kelola.data") && !TWO_STEP_SETUP.has(path)) {
    if (SAFE.has(request.method)) throw redirect("/kelola/akun?pesan=dua-langkah-wajib");
    throw refusal(new AppError("forbidden", "accounts.twoStep.errors.required"), locale);
  }

  const zoneCookie = cookies[ZONE_COOKIE];
  const zone: ZoneName = isZoneName(zoneCookie) ? zoneCookie : (session?.zone ?? "WIB");
  context.set(requestContext, {
    actor: session?.actor ?? ANONYMOUS,
    sessionIdHash: session?.idHash ?? null,
    locale,
    zone,
    csrfToken,
    agencyName: session?.agencyName ?? null,
    twoStep: session?.twoStep ?? false,
  });

  const response = await next();
  // A session in use is renewed (session.server.ts) on a page or a form's redirect, never on
  // a publicly cacheable answer, nor on one that ends or replaces it (signing out, signing in).
  const token = cookies[SESSION_COOKIE];
  const pageOrRedirect = (response.headers.get("content-type") ?? "").startsWith("text/html") || (response.status >= 300 && response.status < 400);
  const setsSession = response.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (session && token && pageOrRedirect && !setsSession && needsRenewal(session, env.sessionHours)) {
    const until = await renewSession(db, session, env.sessionHours);
    const maxAge = Math.max(0, Math.floor((until.getTime() - Date.now()) / 1000));
    response.headers.append("set-cookie", setCookie(env, SESSION_COOKIE, token, { maxAge }));
  }
  // Only pages carry forms; API answers and downloads are publicly cacheable and cookie-free.
  if (newCsrf && (response.headers.get("content-type") ?? "").startsWith("text/html")) {
    // Kept a year, not for the browser session: a form left open in a tab the browser restores
    // after a restart must still be accepted, and the token grants nothing by itself.
    response.headers.append("set-cookie", setCookie(env, CSRF_COOKIE, csrfToken, { maxAge: CSRF_COOKIE_SECONDS }));
  }
  return response;
};
