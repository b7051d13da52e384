// GET /api/v1/competitions/:slug: an announced edition's public call.
import type { Route } from "./+types/competition";
import { services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { ANONYMOUS } from "~/lib/policy";
import { baseUrl, ok, openData } from "~/modules/api/respond.server";
import { competitionDetailJson } from "~/modules/api/shapes";
import { toPublic, visibleCompetition } from "~/modules/competitions/public.server";

export const loader = openData(async ({ context, params }: Route.LoaderArgs) => {
  // The open API answers as the public does, whoever is signed in: drafts are not open data.
  const row = await visibleCompetition(services(context).db, ANONYMOUS, params.slug);
  if (!row) throw new AppError("not-found", "errors.notFound");
  return ok(competitionDetailJson(baseUrl(context), toPublic(row)));
});
