import { parse, serialize, type SerializeOptions } from "cookie";
import type { Env } from "./env.server";

export const readCookies = (request: Request) => parse(request.headers.get("cookie") ?? "");

export function setCookie(
  env: Env,
  name: string,
  value: string,
  opts: Partial<SerializeOptions> = {},
): string {
  return serialize(name, value, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env.publicUrl.startsWith("https://"),
    ...opts,
  });
}

export const clearCookie = (env: Env, name: string) => setCookie(env, name, "", { maxAge: 0 });
