// GET /api/v1/innovations: the catalogue's search (published innovations only), with the same
// parameters and facets as the /inovasi page.
import type { Route } from "./+types/innovations";
import { services } from "~/lib/context.server";
import { CatalogueQuerySchema } from "~/modules/catalogue/schemas";
import { searchInnovations } from "~/modules/catalogue/search-innovations.server";
import { INNOVATIONS_ACCEPTED } from "~/modules/api/query-schemas";
import { agencyFilterBySlug } from "~/modules/api/agency-filter.server";
import { baseUrl, ok, openData, pageOf, parseQuery } from "~/modules/api/respond.server";
import { innovationSearchJson } from "~/modules/api/shapes";

export const loader = openData(async ({ request, context }: Route.LoaderArgs) => {
  // Strict, unlike the page: a bad parameter is a 400 naming it, never silently dropped.
  const parsed = parseQuery(CatalogueQuerySchema, request, INNOVATIONS_ACCEPTED);
  const { publicDb } = services(context);
  const query = await agencyFilterBySlug(publicDb, parsed);
  const result = await searchInnovations(publicDb, query);
  const page = pageOf(context, request, { total: result.total, page: query.page, perPage: query.perPage, pages: result.pages });
  return ok(innovationSearchJson(baseUrl(context), result, page));
});
