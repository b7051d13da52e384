// The front page: the search box first (most visitors come to find something), the headline
// figures, the newest innovations, and the way to the "One Agency, One Innovation" figures.
import { Form, Link } from "react-router";
import type { Route } from "./+types/home";
import { requestInfo, services } from "~/lib/context.server";
import { formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { getCatalogueStats } from "~/modules/catalogue/get-catalogue-stats.server";
import { InnovationCardList } from "~/modules/catalogue/ui/innovation-card";
import { previewTags } from "~/lib/meta";

export async function loader({ context }: Route.LoaderArgs) {
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const stats = await getCatalogueStats(db);
  const title = t("catalogue.home.title");
  return { stats, title, preview: { title, description: t("catalogue.home.intro"), url: `${env.publicUrl}/` } };
}

export const meta: Route.MetaFunction = ({ loaderData }) => (loaderData ? previewTags(loaderData.preview, loaderData.title) : [{ title: "Lumbung" }]);

export default function Home({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const { stats } = loaderData;
  const n = (v: number) => formatNumber(locale, v);
  return (
    <>
      <h1>{t("app.tagline")}</h1>
      <p className="lead">{t("catalogue.home.intro")}</p>
      <Form method="get" action="/inovasi" role="search" className="home-search">
        <label htmlFor="home-q">{t("common.search")}</label>
        <p className="hint" id="home-q-hint">{t("catalogue.home.searchHint")}</p>
        <div className="search-row">
          <input id="home-q" name="q" type="search" maxLength={200} aria-describedby="home-q-hint" />
          <button type="submit" className="button">{t("common.search")}</button>
        </div>
      </Form>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="visually-hidden">{t("catalogue.home.figures")}</h2>
        <ul className="figures">
          <li>
            <strong>{stats.innovationsEstimated ? t("catalogue.home.about", { count: n(stats.innovations) }) : n(stats.innovations)}</strong>{" "}
            {t("catalogue.home.innovations")}
          </li>
          <li>
            <strong>{n(stats.agencies)}</strong> {t("catalogue.home.agencies")}
          </li>
          <li>
            <strong>{n(stats.provinces)}</strong> {t("catalogue.home.provinces")}
          </li>
        </ul>
      </section>

      <div className="home-columns">
        <section aria-labelledby="recent-title">
          <h2 id="recent-title">{t("catalogue.home.recent")}</h2>
          {stats.recent.length ? <InnovationCardList cards={stats.recent} /> : <p>{t("catalogue.home.none")}</p>}
          <p>
            <Link to="/inovasi">{t("catalogue.home.all")}</Link> · <Link to="/instansi">{t("catalogue.home.agenciesLink")}</Link>
          </p>
        </section>
        <section aria-labelledby="compliance-title" className="home-compliance">
          <h2 id="compliance-title">{t("catalogue.home.complianceTitle")}</h2>
          <p>{t("catalogue.home.complianceBody")}</p>
          <p>
            <Link to="/kepatuhan">{t("catalogue.home.complianceLink")}</Link>
          </p>
        </section>
      </div>
    </>
  );
}
