// GET /api/v1/innovations/:id: one published innovation by id or slug. Anything not published
// is a 404, exactly like an id that does not exist.
import type { Route } from "./+types/innovation";
import { services } from "~/lib/context.server";
import { notFound } from "~/lib/errors";
import { getPublishedInnovation } from "~/modules/catalogue/get-innovation.server";
import { baseUrl, ok, openData } from "~/modules/api/respond.server";
import { innovationDetailJson } from "~/modules/api/shapes";
import { checkInsOf } from "~/modules/check-ins/queries.server";

export const loader = openData(async ({ params, context }: Route.LoaderArgs) => {
  const { db } = services(context);
  const innovation = await getPublishedInnovation(db, params.id);
  if (!innovation) throw notFound();
  return ok(innovationDetailJson(baseUrl(context), innovation, await checkInsOf(db, innovation.id, { withNames: false })));
});
