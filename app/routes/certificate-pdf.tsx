// /sertifikat/:code/pdf: the award certificate as a printable PDF, for published editions only.
// The verification address printed on it (and in its QR code) is the public one from the
// settings, so a printed certificate leads back to this server wherever it is read.
import { redirect } from "react-router";
import type { Route } from "./+types/certificate-pdf";
import { requestInfo, services } from "~/lib/context.server";
import { translator } from "~/i18n";
import { readCertificateCode, verifiedCertificate } from "~/modules/results/certificate.server";
import { renderCertificatePdf } from "~/modules/results/certificate-pdf.server";

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, env } = services(context);
  const code = readCertificateCode(params.code);
  // A code typed in small letters or without its dashes is the same code, as on its page: sent
  // on to the one address (so a cache holds one copy).
  if (code && code !== params.code) return redirect(`/sertifikat/${code}/pdf`, 301);
  const cert = code ? await verifiedCertificate(db, code) : null;
  if (!cert) {
    // A download link has no page around it: say it in plain text, and point to the page that
    // explains (and lets the reader type the code again).
    const t = translator(requestInfo(context).locale);
    const body = `${t("certificate.notFound.title")}\n\n${t("certificate.notFound.advice")}\n${env.publicUrl}/sertifikat/periksa\n`;
    return new Response(body, { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "x-robots-tag": "noindex" } });
  }
  const pdf = await renderCertificatePdf(cert, { verifyUrl: `${env.publicUrl}/sertifikat/${cert.code}` });
  return new Response(pdf as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(pdf.byteLength),
      "content-disposition": `inline; filename="sertifikat-${cert.code}.pdf"`,
      // Names on the certificate follow later corrections of the register: cache briefly.
      "cache-control": "public, max-age=300",
      "x-robots-tag": "noindex",
    },
  });
}
