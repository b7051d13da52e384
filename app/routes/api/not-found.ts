// Any other address under /api: a JSON 404, never the HTML error page.
import { notFound } from "~/lib/errors";
import { openData } from "~/modules/api/respond.server";

export const loader = openData(async () => {
  throw notFound();
});
