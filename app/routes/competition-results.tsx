// /kompetisi/:slug/hasil: an edition's published results: the decree, counts by tier and
// category, and every award winner by tier, linked to the innovation, the agency and the
// certificate's verification page. Nothing before publication (404).
import { Link } from "react-router";
import type { Route } from "./+types/competition-results";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { previewTags } from "~/lib/meta";
import { formatDate, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { publishedResults } from "~/modules/results/public.server";

export const meta: Route.MetaFunction = ({ data }) => (data ? previewTags(data.preview, data.title) : []);

export const loader = page(async ({ context, params }: Route.LoaderArgs) => {
  const { db, env } = services(context);
  const { locale } = requestInfo(context);
  const results = await publishedResults(db, params.slug);
  if (!results) throw new AppError("not-found", "results.notPublished");
  const t = translator(locale);
  const heading = t("results.publicTitle", { name: results.name });
  const decree = results.decree.number && results.decree.date ? t("results.publicIntro", { number: results.decree.number, date: formatDate(locale, results.decree.date) }) : "";
  return {
    results,
    title: `${heading} · ${t("app.name")}`,
    preview: { title: heading, description: decree || t("competitions.publicIntro"), url: `${env.publicUrl}/kompetisi/${results.slug}/hasil` },
  };
});

export default function CompetitionResults({ loaderData: { results: r } }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  return (
    <>
      <p className="muted">
        <Link to="/kompetisi">{t("competitions.publicTitle")}</Link> › <Link to={`/kompetisi/${r.slug}`}>{r.name}</Link>
      </p>
      <h1>{t("results.publicTitle", { name: r.name })}</h1>
      {r.decree.number ? <p>{t("results.publicIntro", { number: r.decree.number, date: formatDate(locale, r.decree.date) })}</p> : null}
      <p>{t("results.counts", { awards: r.awards.length, proposals: r.submitted })}</p>
      <table>
        <caption>{t("results.byCategory")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("results.col.category")}</th>
            <th scope="col">{t("results.awards")}</th>
          </tr>
        </thead>
        <tbody>
          {r.categories.map((c) => (
            <tr key={c.code}>
              <th scope="row">{c.name}</th>
              <td>{c.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.tiers
        .filter((tier) => tier.count)
        .map((tier) => (
          <section key={tier.code}>
            <h2>{tier.name} ({tier.count})</h2>
            <ul className="card-list">
              {r.awards
                .filter((a) => a.tier === tier.code)
                .map((a) => (
                  <li key={a.certificate ?? `${a.agency.slug}-${a.innovation.name}`}>
                    <strong>{a.innovation.slug ? <Link to={`/inovasi/${a.innovation.slug}`}>{a.innovation.name}</Link> : a.innovation.name}</strong>
                    <div>
                      <Link to={`/instansi/${a.agency.slug}`}>{a.agency.name}</Link> · {a.categoryName}
                      {a.certificate ? <> · <Link to={`/sertifikat/${a.certificate}`}>{t("results.verify")}</Link></> : null}
                    </div>
                  </li>
                ))}
            </ul>
          </section>
        ))}
    </>
  );
}
