// /kelola/kompetisi/:slug/laporan/unduh?tabel=…&format=csv|xlsx[&tahap=…]: one table of the
// edition's reports as a file, for the secretariat. A bad parameter gets a 400 in plain text
// naming the good values, never a broken file or a 500.
import type { Route } from "./+types/competition-report-download";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { translator } from "~/i18n";
import { queryToObject } from "~/modules/api/query";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { exportReportTable } from "~/modules/reports/export-report-table.server";
import { parseReportDownload } from "~/modules/reports/schemas";

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "competition.manage");
  const { db } = services(context);
  const { locale } = requestInfo(context);
  const t = translator(locale);
  const row = await competitionBySlug(db, params.slug);
  if (!row) throw new AppError("not-found", "errors.notFound");
  const parsed = parseReportDownload(queryToObject(new URL(request.url).searchParams), row.config, t);
  if (!parsed.ok) {
    return new Response(`${t("errors.invalid")}\n${parsed.errors.join("\n")}\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const file = await exportReportTable(db, row, parsed.data, locale);
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      // The name is ASCII by construction (tables.ts), so no RFC 5987 form is needed.
      "content-disposition": `attachment; filename="${file.filename}"`,
      // Figures of an edition in progress and names of proposals: not for shared caches.
      "cache-control": "private, no-store",
    },
  });
});
