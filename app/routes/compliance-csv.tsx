// /kepatuhan/unduh: the agencies that have not met "One Agency, One Innovation" in a year, as a
// CSV (or, with format=xlsx, Excel) download, with the same filters as the page.
import type { Route } from "./+types/compliance-csv";
import { requestInfo, services } from "~/lib/context.server";
import { translator } from "~/i18n";
import { parseWith } from "~/lib/forms";
import { queryToObject } from "~/modules/api/query";
import { ComplianceQuerySchema } from "~/modules/compliance/schemas";
import { exportNotMet } from "~/modules/compliance/export-not-met.server";
import { provinceKnown } from "~/modules/compliance/known-province.server";
import { FORMAT_KEYS, type FormatKey } from "~/modules/reports/tables";
import { EXPORT_FORMATS } from "~/modules/reports/export-formats.server";
import { slugify } from "~/modules/agencies/regions";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db } = services(context);
  const { locale } = requestInfo(context);
  const t = translator(locale);
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "csv";
  params.delete("format");
  const parsed = parseWith(ComplianceQuerySchema, queryToObject(params), t);
  const known = (FORMAT_KEYS as readonly string[]).includes(format);
  // A province code that names no province of the year would give an empty list, read as
  // "every agency there met the duty": refused like a malformed one.
  const unknownProvince = parsed.ok && !(await provinceKnown(db, parsed.data.year, parsed.data.province))
    ? { province: t("compliance.errors.provinceUnknown", { code: parsed.data.province ?? "", year: String(parsed.data.year) }) }
    : null;
  if (!parsed.ok || !known || unknownProvince) {
    // A download link with a bad filter: say which, in plain text, rather than a broken file.
    const errors = { ...(parsed.ok ? {} : parsed.errors), ...unknownProvince, ...(known ? {} : { format: t("compliance.errors.format") }) };
    const lines = Object.entries(errors).map(([field, message]) => `${field}: ${message}`);
    return new Response(`${t("errors.invalid")}\n${lines.join("\n")}\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const { year, type, province, q } = parsed.data;
  const { body, contentType } = await exportNotMet(db, { year, type, province, q }, locale, format as FormatKey);
  // Named in the reader's language, from the page's own title and column ("Belum memenuhi",
  // "Not met"), so the file says in a folder what it holds:
  // satu-instansi-satu-inovasi-2024-belum-memenuhi.csv, one-agency-one-innovation-2024-not-met.csv.
  const filename = `${slugify(t("compliance.title"))}-${year}-${slugify(t("compliance.col.notMet"))}.${EXPORT_FORMATS[format as FormatKey].extension}`;
  return new Response(body as BodyInit, {
    headers: {
      "content-type": contentType,
      "content-disposition": `attachment; filename="${filename}"`,
    },
  });
}
