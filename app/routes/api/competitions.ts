// GET /api/v1/competitions: announced editions, newest first.
import type { Route } from "./+types/competitions";
import { services } from "~/lib/context.server";
import { baseUrl, ok, openData } from "~/modules/api/respond.server";
import { competitionSummaryJson } from "~/modules/api/shapes";
import { announcedCompetitions } from "~/modules/competitions/queries.server";
import { toPublic } from "~/modules/competitions/public.server";

export const loader = openData(async ({ context }: Route.LoaderArgs) => {
  const base = baseUrl(context);
  const rows = await announcedCompetitions(services(context).db);
  return ok({ data: rows.map((r) => competitionSummaryJson(base, toPublic(r))) });
});
