import { createContext, type RouterContextProvider } from "react-router";
import type { Db } from "~/db/client.server";
import type { Jobs } from "~/db/jobs.server";
import type { Env } from "./env.server";
import type { Actor } from "./policy";
import type { Locale, ZoneName } from "~/i18n";
import { AppError } from "./errors";

/** What the server hands every request: set once per request in server/app.ts. */
export type Services = {
  db: Db;
  /** For the public's searches: statements stop after a time limit (Database.publicDb). */
  publicDb: Db;
  jobs: Pick<Jobs, "send">;
  env: Env;
  nonce: string;
  clientIp: string;
  receivedAt: Date;
};
export const servicesContext = createContext<Services>();

/** Who is asking, in which language and zone: set by the root middleware. */
export type RequestInfo = {
  actor: Actor;
  sessionIdHash: string | null;
  locale: Locale;
  zone: ZoneName;
  csrfToken: string;
  agencyName: string | null;
  /** Whether the signed-in account has two-step sign-in on (false for a visitor). */
  twoStep: boolean;
};
export const requestContext = createContext<RequestInfo>();

export const services = (ctx: Readonly<RouterContextProvider>) => ctx.get(servicesContext);
export const requestInfo = (ctx: Readonly<RouterContextProvider>) => ctx.get(requestContext);

export function requireUser(ctx: Readonly<RouterContextProvider>) {
  const { actor } = ctx.get(requestContext);
  if (actor.kind !== "user") throw new AppError("unauthenticated", "errors.unauthenticated");
  return actor;
}
