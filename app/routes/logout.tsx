import { redirect } from "react-router";
import type { Route } from "./+types/logout";
import { services } from "~/lib/context.server";
import { clearCookie, readCookies } from "~/lib/cookies.server";
import { endSession, SESSION_COOKIE } from "~/modules/accounts/session.server";

export async function action({ request, context }: Route.ActionArgs) {
  const { db, env } = services(context);
  await endSession(db, readCookies(request)[SESSION_COOKIE]);
  return redirect("/", { headers: { "set-cookie": clearCookie(env, SESSION_COOKIE) } });
}

export function loader() {
  return redirect("/");
}
