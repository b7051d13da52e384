import type { Env } from "~/lib/env.server";
import { setCookie } from "~/lib/cookies.server";
import { DEVICE_COOKIE, DEVICE_DAYS, deviceCookieValue, type DeviceToken } from "./device.server";
import { SESSION_COOKIE } from "./session.server";

/**
 * The cookies a finished sign-in sets (by password alone, or after its second step): the new
 * session, and this browser's device for the account beside the others it holds. Only a sign-in
 * sets the device cookie; signing out leaves it, as it is no session.
 */
export function signInCookies(env: Env, done: { token: string; deviceToken: string }, held: DeviceToken[]): Headers {
  const headers = new Headers();
  headers.append("set-cookie", setCookie(env, SESSION_COOKIE, done.token, { maxAge: env.sessionHours * 3600 }));
  headers.append("set-cookie", setCookie(env, DEVICE_COOKIE, deviceCookieValue(held, done.deviceToken), { maxAge: DEVICE_DAYS * 86_400 }));
  return headers;
}
