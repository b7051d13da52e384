// GET /api/v1/regions: provinces and regencies/cities with their official codes.
import type { Route } from "./+types/regions";
import { services } from "~/lib/context.server";
import { listRegions } from "~/modules/api/list-regions.server";
import { REGIONS_ACCEPTED, RegionsQuerySchema } from "~/modules/api/query-schemas";
import { ok, openData, pageOf, parseQuery } from "~/modules/api/respond.server";
import { regionJson } from "~/modules/api/shapes";

export const loader = openData(async ({ request, context }: Route.LoaderArgs) => {
  const query = parseQuery(RegionsQuerySchema, request, REGIONS_ACCEPTED);
  const { rows, total } = await listRegions(services(context).db, query);
  return ok({ data: rows.map(regionJson), ...pageOf(context, request, { total, ...query }) });
});
