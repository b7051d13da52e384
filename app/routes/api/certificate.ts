// GET /api/v1/certificates/:code: whether a certificate is genuine (404 when it is not known).
import type { Route } from "./+types/certificate";
import { services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { baseUrl, ok, openData } from "~/modules/api/respond.server";
import type { CertificateJson } from "~/modules/api/schemas";
import { readCertificateCode } from "~/modules/results/certificate.server";
import { certificateByCode } from "~/modules/results/queries.server";

export const loader = openData(async ({ context, params }: Route.LoaderArgs) => {
  // Read as the page reads it: small letters, spaces or no dashes are the same code.
  const code = readCertificateCode(params.code);
  const c = code ? await certificateByCode(services(context).db, code) : null;
  if (!c || !c.code) throw new AppError("not-found", "certificate.notFound.title");
  const base = baseUrl(context);
  const body: CertificateJson = {
    data: {
      code: c.code,
      genuine: true,
      tier: c.tier,
      category: c.category,
      competition: { slug: c.slug, edition: c.edition, name: c.competition },
      decree: { number: c.decreeNumber, date: c.decreeDate },
      innovation: { name: c.innovation },
      agency: { name: c.agency },
      links: { self: `${base}/api/v1/certificates/${c.code}`, html: `${base}/sertifikat/${c.code}`, pdf: `${base}/sertifikat/${c.code}/pdf` },
    },
  };
  return ok(body);
});
