// GET /api/v1/compliance?year=: "One Agency, One Innovation" figures for a year, overall, by
// agency type and by province.
import type { Route } from "./+types/compliance";
import { services } from "~/lib/context.server";
import { complianceFigures } from "~/modules/compliance/compliance-figures.server";
import { COMPLIANCE_ACCEPTED, ComplianceApiQuerySchema } from "~/modules/api/query-schemas";
import { baseUrl, ok, openData, parseQuery } from "~/modules/api/respond.server";
import { complianceJson } from "~/modules/api/shapes";

export const loader = openData(async ({ request, context }: Route.LoaderArgs) => {
  const { year } = parseQuery(ComplianceApiQuerySchema, request, COMPLIANCE_ACCEPTED);
  const figures = await complianceFigures(services(context).db, year);
  return ok(complianceJson(baseUrl(context), figures));
});
