// GET /api/v1/sustainability?year=: the year's check-ins across the country: how many published
// innovations their agencies confirmed running, said had stopped, or have not answered, overall,
// by agency type and by province (the figures of /keberlanjutan).
import type { Route } from "./+types/sustainability";
import { services } from "~/lib/context.server";
import { sustainabilityFigures } from "~/modules/check-ins/queries.server";
import { COMPLIANCE_ACCEPTED, ComplianceApiQuerySchema } from "~/modules/api/query-schemas";
import { baseUrl, ok, openData, parseQuery } from "~/modules/api/respond.server";
import { sustainabilityJson } from "~/modules/api/shapes";

export const loader = openData(async ({ request, context }: Route.LoaderArgs) => {
  // The same year as the compliance figures: 2013 to this year in Jakarta, this year by default.
  const { year } = parseQuery(ComplianceApiQuerySchema, request, COMPLIANCE_ACCEPTED);
  return ok(sustainabilityJson(baseUrl(context), year, await sustainabilityFigures(services(context).db, year)));
});
