// /kepatuhan/unduh: the agencies that have not met "One Agency, One Innovation" in a year, as a
// CSV download, with the same filters as the page.
import type { Route } from "./+types/compliance-csv";
import { requestInfo, services } from "~/lib/context.server";
import { translator } from "~/i18n";
import { parseWith } from "~/lib/forms";
import { queryToObject } from "~/modules/api/query";
import { ComplianceQuerySchema } from "~/modules/compliance/schemas";
import { exportNotMetCsv } from "~/modules/compliance/export-not-met-csv.server";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = services(context);
  const { locale } = requestInfo(context);
  const t = translator(locale);
  const parsed = parseWith(ComplianceQuerySchema, queryToObject(new URL(request.url).searchParams), t);
  if (!parsed.ok) {
    // A download link with a bad filter: say which, in plain text, rather than a broken file.
    const lines = Object.entries(parsed.errors).map(([field, message]) => `${field}: ${message}`);
    return new Response(`${t("errors.invalid")}\n${lines.join("\n")}\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const { year, type, province, q } = parsed.data;
  const { csv, filename } = await exportNotMetCsv(db, { year, type, province, q }, locale);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}
