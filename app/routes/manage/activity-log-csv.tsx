// /kelola/log/unduh: the activity log under the page's filters as a CSV (the newest CSV_MAX
// rows), for the same readers as the page and within the same scope.
import type { Route } from "./+types/activity-log-csv";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { page } from "~/lib/respond.server";
import { translator } from "~/i18n";
import { parseAuditQuery } from "~/modules/audit/query";
import { auditCsvStream } from "~/modules/audit/export-audit.server";
import { readableScope } from "~/modules/audit/list-audit.server";

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const scope = readableScope(requireUser(context));
  const { db } = services(context);
  const { locale, zone } = requestInfo(context);
  const t = translator(locale, { zone });
  const { query, errors } = parseAuditQuery(new URL(request.url).searchParams, zone);
  if (Object.keys(errors).length) {
    // A download link with a wrong date: said in plain text, rather than a file of other rows.
    const lines = Object.entries(errors).map(([field, key]) => `${field}: ${t(key)}`);
    return new Response(`${t("errors.invalid")}\n${lines.join("\n")}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  return new Response(auditCsvStream(db, scope, query, { locale, zone }), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${t("audit.csv.filename")}.csv"`,
      // Who did what is not for a shared cache.
      "cache-control": "private, no-store",
    },
  });
});
