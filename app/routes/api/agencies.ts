// GET /api/v1/agencies: agencies by name, filtered by q, type and province, paginated.
import type { Route } from "./+types/agencies";
import { services } from "~/lib/context.server";
import { listAgencies } from "~/modules/catalogue/list-agencies.server";
import { AGENCIES_ACCEPTED, AgenciesQuerySchema } from "~/modules/api/query-schemas";
import { baseUrl, ok, openData, pageOf, parseQuery } from "~/modules/api/respond.server";
import { agencyJson } from "~/modules/api/shapes";

export const loader = openData(async ({ request, context }: Route.LoaderArgs) => {
  const query = parseQuery(AgenciesQuerySchema, request, AGENCIES_ACCEPTED);
  // The same directory as the /instansi page: same filters, same order, same counts.
  const { items, total } = await listAgencies(services(context).db, query);
  const base = baseUrl(context);
  return ok({ data: items.map((r) => agencyJson(base, r)), ...pageOf(context, request, { total, ...query }) });
});
