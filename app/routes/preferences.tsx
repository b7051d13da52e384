import { redirect } from "react-router";
import type { Route } from "./+types/preferences";
import { services } from "~/lib/context.server";
import { setCookie } from "~/lib/cookies.server";
import { LOCALE_COOKIE, ZONE_COOKIE } from "~/lib/request.server";
import { isLocale, isZoneName } from "~/i18n";
import { safeRedirect } from "~/lib/safe-redirect";

const YEAR = 365 * 24 * 3600;

// Language and time-zone choice: a plain form post, so it works without JavaScript.
export async function action({ request, context }: Route.ActionArgs) {
  const { env } = services(context);
  const form = await request.formData();
  const headers = new Headers();
  const lang = form.get("lang");
  const zone = form.get("zone");
  if (isLocale(lang)) headers.append("set-cookie", setCookie(env, LOCALE_COOKIE, lang, { maxAge: YEAR, httpOnly: false }));
  if (isZoneName(zone)) headers.append("set-cookie", setCookie(env, ZONE_COOKIE, zone, { maxAge: YEAR, httpOnly: false }));
  return redirect(safeRedirect(form.get("redirectTo")), { headers });
}

export function loader() {
  return redirect("/");
}

// Never shown (the loader redirects, the action too), but it makes this a page route: a switch
// the middleware refuses (a form whose CSRF cookie is gone) then gets the error page in the
// reader's language, not the refusal's JSON.
export default function Preferences() {
  return null;
}
