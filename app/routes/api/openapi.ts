// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the open API.
import type { Route } from "./+types/openapi";
import { openApiDocument } from "~/modules/api/openapi.server";
import { baseUrl, ok, openData } from "~/modules/api/respond.server";

export const loader = openData(async ({ context }: Route.LoaderArgs) => ok(openApiDocument(baseUrl(context))));
