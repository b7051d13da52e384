// GET /api/v1/competitions/:slug/results: an edition's published results (404 before publication).
import type { Route } from "./+types/competition-results";
import { services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { baseUrl, ok, openData } from "~/modules/api/respond.server";
import type { CompetitionResultsJson } from "~/modules/api/schemas";
import { publishedResults } from "~/modules/results/public.server";

export const loader = openData(async ({ context, params }: Route.LoaderArgs) => {
  const r = await publishedResults(services(context).db, params.slug);
  if (!r) throw new AppError("not-found", "errors.notFound");
  const base = baseUrl(context);
  const body: CompetitionResultsJson = {
    data: {
      slug: r.slug,
      edition: r.edition,
      name: r.name,
      decree: r.decree,
      publishedAt: r.publishedAt,
      submitted: r.submitted,
      tiers: r.tiers,
      awards: r.awards.map((a) => ({
        tier: a.tier,
        category: { code: a.category, name: a.categoryName },
        group: { code: a.group, name: a.groupName },
        innovation: { name: a.innovation.name, links: { html: a.innovation.slug ? `${base}/inovasi/${a.innovation.slug}` : null } },
        agency: { name: a.agency.name, type: a.agency.type, links: { html: `${base}/instansi/${a.agency.slug}` } },
        certificate: a.certificate
          ? { code: a.certificate, links: { self: `${base}/api/v1/certificates/${a.certificate}`, html: `${base}/sertifikat/${a.certificate}`, pdf: `${base}/sertifikat/${a.certificate}/pdf` } }
          : null,
      })),
      links: { self: `${base}/api/v1/competitions/${r.slug}/results`, html: `${base}/kompetisi/${r.slug}/hasil` },
    },
  };
  return ok(body);
});
