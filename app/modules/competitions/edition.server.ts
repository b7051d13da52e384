// The edition a secretariat page works on: the person is signed in (401), is the secretariat
// (403) and the edition exists (404), checked in that order so nothing about an edition leaks
// to someone who may not manage it.
import type { RouterContextProvider } from "react-router";
import { requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { competitionBySlug } from "./queries.server";

export async function secretariatEdition(context: Readonly<RouterContextProvider>, slug: string) {
  const actor = requireUser(context);
  assertCan(actor, "competition.manage");
  const row = await competitionBySlug(services(context).db, slug);
  if (!row) throw new AppError("not-found", "errors.notFound");
  return { actor, row };
}
