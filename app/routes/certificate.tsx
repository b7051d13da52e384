// /sertifikat/:code: anyone holding an award certificate (a journalist, another agency, the
// UNPSA secretariat) checks here that it is genuine: the QR code on the paper leads here. A code
// that is not on record, or whose edition is not yet published, answers 404 with the
// explanation and a form to type the code again (a plain GET form: it works without JavaScript).
// /sertifikat/periksa is that form on its own; ?kode= from the form leads to the code's page.
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/certificate";
import { requestInfo, services } from "~/lib/context.server";
import { page } from "~/lib/respond.server";
import { formatDate, toZonedInput, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { ErrorSummary, TextField } from "~/components/forms";
import { readCertificateCode, verifiedCertificate } from "~/modules/results/certificate.server";

const CHECK = "periksa";
const dateOnly = (iso: string) => `${iso.slice(0, 10)}T12:00:00Z`;

type Missing = { kind: "check"; typed: string; error: string | null } | { kind: "malformed" | "unknown"; typed: string; error: null };

export const loader = page(async ({ params, request, context }: Route.LoaderArgs) => {
  const t = translator(requestInfo(context).locale);
  const typed = new URL(request.url).searchParams.get("kode");
  if (typed !== null) {
    const code = readCertificateCode(typed);
    // A well-formed code has one address (the one printed in the QR code); anything else is
    // shown here as typed, with the explanation.
    if (code) throw redirect(`/sertifikat/${code}`);
    if (!typed.trim()) return data({ title: t("certificate.check.title"), missing: { kind: "check", typed: "", error: t("certificate.check.empty") } as Missing, cert: null }, { status: 400 });
    return notFoundPage(t, "malformed", typed);
  }
  if (params.code === CHECK) return { title: t("certificate.check.title"), missing: { kind: "check", typed: "", error: null } as Missing, cert: null };
  const code = readCertificateCode(params.code);
  if (!code) return notFoundPage(t, "malformed", params.code);
  // Lower case or without hyphens: lead to the canonical address.
  if (code !== params.code) throw redirect(`/sertifikat/${code}`, 301);
  const cert = await verifiedCertificate(services(context).db, code);
  if (!cert) return notFoundPage(t, "unknown", code);
  const { publishedAt, ...rest } = cert;
  return {
    title: t("certificate.genuine.title"),
    missing: null,
    // The day the results were published, as it was in Jakarta (where the decree is signed).
    cert: { ...rest, publishedOn: publishedAt ? toZonedInput(publishedAt.toISOString(), "WIB").slice(0, 10) : null },
  };
});

function notFoundPage(t: ReturnType<typeof translator>, kind: "malformed" | "unknown", typed: string) {
  return data({ title: t("certificate.notFound.title"), missing: { kind, typed: typed.slice(0, 64), error: null } as Missing, cert: null }, { status: 404 });
}

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData ? `${loaderData.title} · Lumbung` : "Lumbung" },
  // One page per certificate is no content for search engines, and codes are not for crawling.
  { name: "robots", content: "noindex" },
];

/** The code form; under its own heading when it follows an explanation, bare on the check page. */
function CheckForm({ typed, error, heading }: { typed: string; error: string | null; heading: boolean }) {
  const t = useT();
  return (
    <Form method="get" action={`/sertifikat/${CHECK}`} role="search" aria-label={heading ? undefined : t("certificate.check.title")} aria-labelledby={heading ? "check-title" : undefined}>
      {heading ? <h2 id="check-title">{t("certificate.check.title")}</h2> : null}
      <TextField name="kode" label={t("certificate.check.label")} hint={t("certificate.check.hint")} error={error ?? undefined} defaultValue={typed} required maxLength={64} autoComplete="off" />
      <button type="submit" className="button">{t("certificate.check.submit")}</button>
    </Form>
  );
}

export default function CertificatePage({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const { cert, missing } = loaderData;

  if (!cert) {
    const m = missing!;
    if (m.kind === "check") {
      return (
        <>
          <h1>{t("certificate.check.title")}</h1>
          <p className="lead">{t("certificate.check.lead")}</p>
          <ErrorSummary errors={m.error ? { kode: m.error } : undefined} />
          <CheckForm typed={m.typed} error={m.error} heading={false} />
        </>
      );
    }
    return (
      <>
        <h1>{t("certificate.notFound.title")}</h1>
        <div className="notice notice-warning">
          <p>{m.kind === "malformed" ? t("certificate.malformed.body", { code: m.typed }) : t("certificate.notFound.body", { code: m.typed })}</p>
          <p>{t("certificate.notFound.advice")}</p>
        </div>
        <CheckForm typed={m.typed} error={null} heading />
      </>
    );
  }

  return (
    <article aria-labelledby="certificate-title">
      <h1 id="certificate-title">{t("certificate.genuine.title")}</h1>
      <div className="notice">
        <p>{t("certificate.genuine.lead", { code: cert.code, competition: cert.competition })}</p>
      </div>
      <p>{t("certificate.genuine.check")}</p>
      <dl className="facts">
        <dt>{t("certificate.field.code")}</dt>
        <dd><code>{cert.code}</code></dd>
        <dt>{t("certificate.field.innovation")}</dt>
        <dd>{cert.innovationSlug ? <Link to={`/inovasi/${cert.innovationSlug}`}>{cert.innovation}</Link> : cert.innovation}</dd>
        <dt>{t("certificate.field.agency")}</dt>
        <dd><Link to={`/instansi/${cert.agencySlug}`}>{cert.agency}</Link></dd>
        <dt>{t("certificate.field.tier")}</dt>
        <dd><strong>{cert.tier}</strong></dd>
        <dt>{t("certificate.field.category")}</dt>
        <dd>{cert.category}</dd>
        <dt>{t("certificate.field.competition")}</dt>
        <dd><Link to={`/kompetisi/${cert.slug}`}>{cert.competition}</Link></dd>
        <dt>{t("certificate.field.decree")}</dt>
        <dd>{cert.decreeNumber && cert.decreeDate ? t("certificate.decree", { number: cert.decreeNumber, date: formatDate(locale, dateOnly(cert.decreeDate)) }) : t("certificate.decreeMissing")}</dd>
        {cert.publishedOn ? (
          <>
            <dt>{t("certificate.field.published")}</dt>
            <dd>{formatDate(locale, dateOnly(cert.publishedOn))}</dd>
          </>
        ) : null}
      </dl>
      <p>
        {/* A download, not a page: a plain link, never the client router. */}
        <a href={`/sertifikat/${cert.code}/pdf`} className="button" type="application/pdf">{t("certificate.download")}</a>
      </p>
      <p>
        <Link to={`/kompetisi/${cert.slug}/hasil`}>{t("certificate.allResults", { competition: cert.competition })}</Link>
      </p>
      <p><Link to={`/sertifikat/${CHECK}`}>{t("certificate.check.again")}</Link></p>
    </article>
  );
}
