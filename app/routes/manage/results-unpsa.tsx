// /kelola/kompetisi/:slug/hasil/unpsa: the edition's award winners as UN Public Service Awards
// nominations (CSV), best tier first; ?tingkat=<tier code> keeps one tier. Secretariat only,
// from the provisional announcement on (the mapping: app/modules/results/unpsa.server.ts).
import type { Route } from "./+types/results-unpsa";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError, notFound } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { translator } from "~/i18n";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { exportUnpsaCsv } from "~/modules/results/unpsa.server";

export const loader = page(async ({ params, request, context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "competition.manage");
  const { db, env } = services(context);
  const { locale } = requestInfo(context);
  const edition = await competitionBySlug(db, params.slug);
  if (!edition) throw notFound();
  const tier = new URL(request.url).searchParams.get("tingkat")?.trim() || undefined;
  try {
    const { csv, filename } = await exportUnpsaCsv(db, actor, edition, { tier, locale, publicUrl: env.publicUrl });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        // Contact details of people: never kept by a shared cache.
        "cache-control": "private, no-store",
      },
    });
  } catch (e) {
    // A download link that cannot be served (too early, an unknown tier): say why in plain
    // text rather than hand over a broken file.
    if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) {
      return new Response(`${translator(locale)(e.reason)}\n`, { status: e.status, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    throw e;
  }
});
