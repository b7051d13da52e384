// /instansi/:slug/cetak: the portfolio as a clean printable document (an agency hands it out
// at site visits and exhibitions). Each innovation carries its address, since paper has no links.
import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { Route } from "./+types/agency-print";
import { requestInfo, services } from "~/lib/context.server";
import { notFound } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { CONTENT_LANG, formatDate, formatNumber, toZonedInput, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { getAgencyPortfolio } from "~/modules/catalogue/get-agency-portfolio.server";
import { withAcronym } from "~/modules/catalogue/ui/labels";

const PRINTED = 300;

export const loader = page(async ({ params, context }: Route.LoaderArgs) => {
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const portfolio = await getAgencyPortfolio(db, params.slug, { limit: PRINTED });
  if (!portfolio) throw notFound();
  return {
    portfolio,
    publicUrl: env.publicUrl,
    generatedAt: new Date().toISOString(),
    title: t("catalogue.print.pageTitle", { name: portfolio.agency.shortName ?? portfolio.agency.name }),
  };
});

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.title ?? "Lumbung" },
  // A second copy of the portfolio page: keep search engines on the first.
  { name: "robots", content: "noindex" },
];

/** window.print() needs JavaScript: the button appears only where it works. */
function PrintButton() {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("catalogue.print.print")}
    </button>
  );
}

export default function AgencyPrint({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const { portfolio, publicUrl, generatedAt } = loaderData;
  // The day it is where the reader is. formatDate formats in UTC, where before 07:00 WIB it is
  // still yesterday: it is given the zone's calendar day (at noon, so no zone can shift it).
  const printedOn = formatDate(locale, `${toZonedInput(generatedAt, zone).slice(0, 10)}T12:00:00Z`);
  const { agency, total, byStatus, innovations } = portfolio;
  const agencyUrl = `${publicUrl}/instansi/${agency.slug}`;
  const n = (v: number) => formatNumber(locale, v);

  return (
    <div className="print-page">
      <p className="no-print print-actions">
        <Link to={`/instansi/${agency.slug}`}>{t("catalogue.print.back")}</Link> <PrintButton />
      </p>
      <header className="print-header">
        <p className="print-kicker">{t("catalogue.print.title")}</p>
        <h1>{agency.name}</h1>
        <p>
          {t(`agencyType.${agency.type}`)}
          {agency.regionName ? ` · ${agency.regionName}` : null}
          {agency.provinceName && agency.regionCode !== agency.provinceCode ? `, ${agency.provinceName}` : null}
        </p>
        <p>
          <strong>{t("catalogue.agency.count", { count: n(total) })}</strong>
          {byStatus.length ? ": " : null}
          {byStatus.map((c) => `${t(`innovation.status.${c.value}`)} ${n(c.count)}`).join(", ")}
        </p>
        <p className="muted">{t("catalogue.print.printedFrom", { url: agencyUrl, date: printedOn })}</p>
        {total > innovations.length ? (
          <p>{t("catalogue.print.truncated", { shown: n(innovations.length), total: n(total), url: `${publicUrl}/inovasi?agency=${agency.slug}` })}</p>
        ) : null}
      </header>

      {innovations.length === 0 ? <p>{t("catalogue.agency.none")}</p> : null}
      {innovations.map((c, k) => (
        <article key={c.id} className="print-item" aria-labelledby={`item-${c.id}`}>
          <h2 id={`item-${c.id}`}>
            <span className="print-number">{k + 1}.</span> <span lang={CONTENT_LANG}>{withAcronym(c.name, c.acronym)}</span>
          </h2>
          <p className="print-meta">
            {t(`innovation.status.${c.status}`)}
            {c.startYear ? ` · ${t("catalogue.card.startedIn", { year: String(c.startYear) })}` : null}
            {c.sectors.length ? ` · ${c.sectors.map((s) => t(`sector.${s}`)).join(", ")}` : null}
          </p>
          <p lang={CONTENT_LANG}>{c.summary}</p>
          <p className="print-url">
            {t("catalogue.print.link")}: {`${publicUrl}/inovasi/${c.slug}`}
          </p>
        </article>
      ))}
    </div>
  );
}
