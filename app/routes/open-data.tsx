// /data-terbuka: the open-data files, what each holds, column by column, and how to read them.
import type { Route } from "./+types/open-data";
import { services } from "~/lib/context.server";
import { useT } from "~/lib/use-i18n";
import { TableScroll } from "~/components/table-scroll";
import { pageTitle } from "~/lib/meta";
import { COLUMNS, DATASET_FILES, DATASETS, datasetSizes } from "~/modules/open-data/datasets.server";
import { OPEN_DATA_LICENCE } from "~/modules/open-data/licence";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "opendata.title");

export async function loader({ context }: Route.LoaderArgs) {
  const { db, env } = services(context);
  const sizes = await datasetSizes(db);
  return {
    site: env.publicUrl,
    datasets: DATASETS.map((d) => ({ key: d, file: DATASET_FILES[d], rows: sizes[d], columns: COLUMNS[d] })),
  };
}

export default function OpenData({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("opendata.title")}</h1>
      <p className="lead">{t("opendata.intro")}</p>
      <p>
        {t("opendata.licence")} <a href={OPEN_DATA_LICENCE.url}>{OPEN_DATA_LICENCE.name}</a>. {t("opendata.attribution", { site: d.site })}
      </p>
      {d.datasets.map((ds) => (
        <section key={ds.key} className="dataset" aria-labelledby={`ds-${ds.key}`}>
          <h2 id={`ds-${ds.key}`}>{t(`opendata.dataset.${ds.key}`)}</h2>
          <p>{t(`opendata.dataset.${ds.key}.about`)}</p>
          <p>
            <a className="button" href={`/data-terbuka/${ds.file}`} download>
              {t("opendata.download", { file: ds.file })}
            </a>{" "}
            <span className="hint">{t("opendata.rows", { n: ds.rows })} · CSV</span>
          </p>
          <details>
            <summary>{t("opendata.fields", { file: ds.file })}</summary>
            <TableScroll labelledBy={`ds-${ds.key}`}>
              <table>
                <thead>
                  <tr><th scope="col">{t("opendata.col.field")}</th><th scope="col">{t("opendata.col.meaning")}</th></tr>
                </thead>
                <tbody>
                  {ds.columns.map((c) => (
                    <tr key={c}><td><code>{c}</code></td><td>{t(`opendata.field.${c}`)}</td></tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </details>
        </section>
      ))}
      <section aria-labelledby="format-title">
        <h2 id="format-title">{t("opendata.format.title")}</h2>
        <ul>
          <li>{t("opendata.format.csv")}</li>
          <li>{t("opendata.format.lists")}</li>
          <li>{t("opendata.format.codes")}</li>
          <li>{t("opendata.format.formula")}</li>
          <li>{t("opendata.format.privacy")}</li>
        </ul>
        <p>
          {t("opendata.api")} <a href="/api/v1/openapi.json">{t("opendata.apiLink")}</a>.
        </p>
      </section>
    </>
  );
}
