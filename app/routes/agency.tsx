// /instansi/:slug: an agency's public portfolio, with its exhibition and print views.
import { Link } from "react-router";
import type { Route } from "./+types/agency";
import { requestInfo, services } from "~/lib/context.server";
import { notFound } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { getAgencyPortfolio } from "~/modules/catalogue/get-agency-portfolio.server";
import { dutyYearsText } from "~/modules/agencies/ui/duty-years";
import { formerNamesText } from "~/modules/agencies/ui/former-names";
import { jakartaYear } from "~/modules/compliance/year";
import { InnovationCardList } from "~/modules/catalogue/ui/innovation-card";
import { awardsOfAgency } from "~/modules/results/queries.server";
import { previewTags } from "~/lib/meta";

// The page lists the newest ones; the catalogue, filtered to the agency, has them all.
const LISTED = 100;

export const loader = page(async ({ params, context }: Route.LoaderArgs) => {
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const portfolio = await getAgencyPortfolio(db, params.slug, { limit: LISTED });
  if (!portfolio) throw notFound();
  const { agency } = portfolio;
  const photo = portfolio.innovations.find((c) => c.photoFileId !== null);
  return {
    portfolio,
    // Whether the agency has ended: its last year of the duty is over (the duty's year is
    // Jakarta's, see compliance/year.ts). Decided here, so the page says the same on the server
    // and in the browser.
    ended: agency.activeUntil !== null && agency.activeUntil < jakartaYear(new Date()),
    awards: await awardsOfAgency(db, agency.id),
    preview: {
      title: agency.name,
      description: t("catalogue.agency.description", { count: portfolio.total, name: agency.name }),
      url: `${env.publicUrl}/instansi/${agency.slug}`,
      image: photo ? `${env.publicUrl}/berkas/${photo.photoFileId}` : null,
      pageTitle: t("catalogue.agency.pageTitle", { name: agency.shortName ?? agency.name }),
    },
  };
});

export const meta: Route.MetaFunction = ({ loaderData }) => (loaderData ? previewTags(loaderData.preview, loaderData.preview.pageTitle) : [{ title: "Lumbung" }]);

export default function Agency({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const { agency, total, byStatus, byYear, innovations } = loaderData.portfolio;
  const n = (v: number) => formatNumber(locale, v);
  const search = (extra: string) => `/inovasi?agency=${agency.slug}${extra}`;
  const website = agency.website && /^https?:\/\//i.test(agency.website) ? agency.website : null;

  return (
    <>
      <h1>{agency.name}</h1>
      <dl className="facts">
        {agency.formerNames.length ? (
          <>
            <dt>{t("agencies.formerNames.label")}</dt>
            {formerNamesText(t, agency.formerNames).map((text) => <dd key={text}>{text}</dd>)}
          </>
        ) : null}
        <dt>{t("catalogue.agency.type")}</dt>
        <dd>{t(`agencyType.${agency.type}`)}</dd>
        {agency.regionName ? (
          <>
            <dt>{t("catalogue.agency.region")}</dt>
            <dd>
              {agency.provinceCode && agency.regionCode === agency.provinceCode ? (
                <Link to={`/wilayah/${agency.provinceCode}`}>{agency.regionName}</Link>
              ) : (
                <>
                  {agency.regionName}
                  {agency.provinceCode && agency.provinceName ? (
                    <>, <Link to={`/wilayah/${agency.provinceCode}`}>{agency.provinceName}</Link></>
                  ) : null}
                </>
              )}
            </dd>
          </>
        ) : null}
        {agency.activeFrom || agency.activeUntil ? (
          <>
            <dt>{t("catalogue.agency.dutyYears")}</dt>
            <dd>{dutyYearsText(t, agency)}</dd>
            {loaderData.ended ? <dd><strong>{t("agencies.years.ended", { until: String(agency.activeUntil) })}</strong></dd> : null}
          </>
        ) : null}
        {website ? (
          <>
            <dt>{t("catalogue.agency.website")}</dt>
            <dd><a href={website} rel="noopener noreferrer">{website}</a></dd>
          </>
        ) : null}
      </dl>

      <p className="figure-line"><strong>{t("catalogue.agency.count", { count: n(total) })}</strong></p>

      {loaderData.awards.length ? (
        <section aria-labelledby="awards-title">
          <h2 id="awards-title">{t("results.awardsTitle")}</h2>
          <ul>
            {loaderData.awards.map((a) => (
              <li key={`${a.slug}-${a.innovationSlug}`}>
                <Link to={`/kompetisi/${a.slug}/hasil`}>{t("results.awardBadge", { tier: a.tier, competition: a.competition })}</Link>: <Link to={`/inovasi/${a.innovationSlug}`}>{a.innovation}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {total > 0 ? (
        <>
          <nav aria-labelledby="views-title" className="agency-views">
            <h2 id="views-title" className="visually-hidden">{t("catalogue.agency.views")}</h2>
            <ul className="inline-list">
              <li><Link to={`/instansi/${agency.slug}/pameran`}>{t("catalogue.agency.exhibition")}</Link></li>
              <li><Link to={`/instansi/${agency.slug}/cetak`}>{t("catalogue.agency.print")}</Link></li>
              <li><Link to={search("")}>{t("catalogue.agency.showAll", { count: n(total) })}</Link></li>
            </ul>
          </nav>
          <div className="breakdowns">
            <section aria-labelledby="by-status-title">
              <h2 id="by-status-title">{t("catalogue.agency.byStatus")}</h2>
              <ul className="count-list">
                {byStatus.map((c) => (
                  <li key={c.value}>
                    <Link to={search(`&status=${c.value}`)}>{t(`innovation.status.${c.value}`)}</Link> <span>{n(c.count)}</span>
                  </li>
                ))}
              </ul>
            </section>
            {byYear.length ? (
              <section aria-labelledby="by-year-title">
                <h2 id="by-year-title">{t("catalogue.agency.byYear")}</h2>
                <ul className="count-list">
                  {byYear.map((c) => (
                    <li key={c.value}>
                      <Link to={search(`&year=${c.value}`)}>{c.value}</Link> <span>{n(c.count)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </div>
          <section aria-labelledby="innovations-title">
            <h2 id="innovations-title">{t("catalogue.agency.innovations")}</h2>
            <InnovationCardList cards={innovations} />
            {total > innovations.length ? (
              <p><Link to={search("")}>{t("catalogue.agency.showAll", { count: n(total) })}</Link></p>
            ) : null}
          </section>
        </>
      ) : (
        <p>{t("catalogue.agency.none")}</p>
      )}
    </>
  );
}
