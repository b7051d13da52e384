// /instansi/:slug: an agency's public portfolio, with its exhibition and print views.
// ?unit=ID narrows the list to one of its units (the page's own links, listed by count).
import { Link } from "react-router";
import type { Route } from "./+types/agency";
import { requestInfo, services } from "~/lib/context.server";
import { notFound } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { CONTENT_LANG, formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { getAgencyPortfolio } from "~/modules/catalogue/get-agency-portfolio.server";
import { parseAgencyPageQuery } from "~/modules/catalogue/schemas";
import { dutyYearsText } from "~/modules/agencies/ui/duty-years";
import { formerNamesText } from "~/modules/agencies/ui/former-names";
import { jakartaYear } from "~/modules/compliance/year";
import { InnovationCardList } from "~/modules/catalogue/ui/innovation-card";
import { awardsOfAgency } from "~/modules/results/queries.server";
import { previewTags } from "~/lib/meta";

// The page lists the newest ones; the catalogue, filtered to the agency, has them all.
const LISTED = 100;

export const loader = page(async ({ params, request, context }: Route.LoaderArgs) => {
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const query = parseAgencyPageQuery(new URL(request.url).searchParams);
  if (!query) throw notFound();
  // A unit that is not this agency's is a 404, as an unknown agency is: showing the whole list
  // at an address that names a unit would pretend the narrowing worked.
  const portfolio = await getAgencyPortfolio(db, params.slug, { limit: LISTED, unitId: query.unitId });
  if (!portfolio) throw notFound();
  const { agency, unit } = portfolio;
  const name = agency.shortName ?? agency.name;
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
      pageTitle: unit ? t("catalogue.agency.unitPageTitle", { unit: unit.name, name }) : t("catalogue.agency.pageTitle", { name }),
    },
  };
});

export const meta: Route.MetaFunction = ({ loaderData }) => (loaderData ? previewTags(loaderData.preview, loaderData.preview.pageTitle) : [{ title: "Lumbung" }]);

export default function Agency({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const { agency, total, byStatus, byYear, units, unitsWithout, withoutUnit, unit, innovations } = loaderData.portfolio;
  const n = (v: number) => formatNumber(locale, v);
  const search = (extra: string) => `/inovasi?agency=${agency.slug}${extra}`;
  // Straight to the list the link changes (without JavaScript the page loads at its top).
  const ofUnit = (id: number | null) => `/instansi/${agency.slug}${id === null ? "" : `?unit=${id}`}#innovations-title`;
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
            {units.length ? (
              <section aria-labelledby="by-unit-title">
                <h2 id="by-unit-title">{t("catalogue.agency.byUnit")}</h2>
                <ul className="count-list">
                  <li>
                    <Link to={ofUnit(null)} aria-current={unit ? undefined : "page"}>{t("catalogue.agency.allUnits")}</Link> <span>{n(total)}</span>
                  </li>
                  {units.map((u) => (
                    <li key={u.id}>
                      <Link to={ofUnit(u.id)} aria-current={unit?.id === u.id ? "page" : undefined} lang={CONTENT_LANG}>{u.name}</Link> <span>{n(u.count)}</span>
                    </li>
                  ))}
                </ul>
                {unitsWithout ? <p className="muted count-note">{t("catalogue.agency.unitsWithout", { count: n(unitsWithout) })}</p> : null}
                {withoutUnit ? <p className="muted count-note">{t("catalogue.agency.withoutUnit", { count: n(withoutUnit) })}</p> : null}
              </section>
            ) : null}
          </div>
          {unit ? (
            <section aria-labelledby="innovations-title">
              <h2 id="innovations-title">
                {t("catalogue.agency.unitInnovations")} <span lang={CONTENT_LANG}>{unit.name}</span>
              </h2>
              <p>
                <strong>{t("catalogue.agency.count", { count: n(unit.count) })}</strong> · <Link to={ofUnit(null)}>{t("catalogue.agency.backToAll", { count: n(total) })}</Link>
              </p>
              {innovations.length ? <InnovationCardList cards={innovations} /> : <p>{t("catalogue.agency.unitNone")}</p>}
              {unit.count > innovations.length ? (
                <p>{t("catalogue.agency.unitTruncated", { shown: n(innovations.length), total: n(unit.count) })}</p>
              ) : null}
            </section>
          ) : (
            <section aria-labelledby="innovations-title">
              <h2 id="innovations-title">{t("catalogue.agency.innovations")}</h2>
              <InnovationCardList cards={innovations} />
              {total > innovations.length ? (
                <p><Link to={search("")}>{t("catalogue.agency.showAll", { count: n(total) })}</Link></p>
              ) : null}
            </section>
          )}
        </>
      ) : (
        <p>{t("catalogue.agency.none")}</p>
      )}
    </>
  );
}
