// GET /api/v1/agencies/:id: one agency by id or slug, with its count of published innovations.
import type { Route } from "./+types/agency";
import { services } from "~/lib/context.server";
import { getAgency } from "~/modules/api/get-agency.server";
import { baseUrl, ok, openData } from "~/modules/api/respond.server";
import { agencyDetailJson } from "~/modules/api/shapes";

export const loader = openData(async ({ params, context }: Route.LoaderArgs) => {
  const row = await getAgency(services(context).db, params.id);
  return ok(agencyDetailJson(baseUrl(context), row));
});
