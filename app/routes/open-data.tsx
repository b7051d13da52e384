// /data-terbuka: the open-data files, what each holds, column by column, and how to read them;
// when each file was last made (nightly snapshots, modules/open-data/snapshots.server.ts), and
// for the secretariat a button to make them again now.
import { Form, redirect } from "react-router";
import type { Route } from "./+types/open-data";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { assertCan, can } from "~/lib/policy";
import { invalid } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { instantVar } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { CsrfField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { pageTitle } from "~/lib/meta";
import { COLUMNS, DATASET_FILES, DATASETS, datasetSizes } from "~/modules/open-data/datasets.server";
import { latestSnapshots, requestSnapshots } from "~/modules/open-data/snapshots.server";
import { OPEN_DATA_LICENCE } from "~/modules/open-data/licence";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "opendata.title");

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const { db, env } = services(context);
  const snapshots = await latestSnapshots(db);
  // A file with a snapshot is described by it (what a download gets); the live counts, a scan of
  // the register each at national scale, only for a file that is still built at download time.
  const sizes = DATASETS.some((d) => !snapshots[d]) ? await datasetSizes(db) : null;
  return {
    site: env.publicUrl,
    canRefresh: can(requestInfo(context).actor, "openData.refresh").ok,
    refresh: refreshState(new URL(request.url), snapshots),
    datasets: DATASETS.map((d) => {
      const s = snapshots[d];
      return {
        key: d,
        file: DATASET_FILES[d],
        rows: s ? s.rows : sizes![d],
        columns: COLUMNS[d],
        snapshot: s ? { at: s.finishedAt.toISOString(), gzipBytes: s.gzipBytes, bytes: s.bytes } : null,
      };
    }),
  };
});

/**
 * After "refresh now", the notice follows the files: queued while any file is older than the
 * request, done once every one was made after it (a reload then says so, not "queued" again).
 */
function refreshState(url: URL, snapshots: Awaited<ReturnType<typeof latestSnapshots>>): "queued" | "done" | null {
  if (url.searchParams.get("pesan") !== "diperbarui") return null;
  const asked = Number(url.searchParams.get("pada"));
  if (!Number.isFinite(asked) || asked <= 0) return "queued";
  return DATASETS.every((d) => snapshots[d] && snapshots[d].startedAt.getTime() >= asked - 1000) ? "done" : "queued";
}

// The secretariat's "refresh now": the files are made by the background job, as at night (a
// request waiting minutes for a million rows would time out, and two presses must not make two
// servers' worth of work); the page says the job is queued.
export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "openData.refresh");
  const form = await request.formData();
  if (form.get("_intent") !== "refresh") throw invalid("errors.invalid");
  const { db, jobs, receivedAt } = services(context);
  await requestSnapshots(db, jobs, actor, receivedAt);
  return redirect(`/data-terbuka?pesan=diperbarui&pada=${receivedAt.getTime()}`);
});

/** A size as people read it: kilobytes under a megabyte, else megabytes to a tenth. */
function useSize() {
  const t = useT();
  return (bytes: number) =>
    bytes >= 1024 * 1024 ? t("opendata.size.mb", { n: Math.round((bytes / (1024 * 1024)) * 10) / 10 }) : t("opendata.size.kb", { n: Math.max(1, Math.round(bytes / 1024)) });
}

export default function OpenData({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const size = useSize();
  return (
    <>
      <h1>{t("opendata.title")}</h1>
      <p className="lead">{t("opendata.intro")}</p>
      <p>{t("opendata.snapshot.schedule")}</p>
      <p>
        {t("opendata.licence")} <a href={OPEN_DATA_LICENCE.url}>{OPEN_DATA_LICENCE.name}</a>. {t("opendata.attribution", { site: d.site })}
      </p>
      {d.canRefresh ? (
        <Form method="post" aria-labelledby="refresh-title">
          <CsrfField />
          <input type="hidden" name="_intent" value="refresh" />
          <h2 id="refresh-title">{t("opendata.refresh.title")}</h2>
          {d.refresh ? <p className="notice" role="status">{t(d.refresh === "done" ? "opendata.refresh.done" : "opendata.refresh.queued")}</p> : null}
          <p className="hint">{t("opendata.refresh.hint")}</p>
          <button type="submit" className="button secondary">{t("opendata.refresh.button")}</button>
        </Form>
      ) : null}
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
          <p className="hint">
            {ds.snapshot
              ? t("opendata.snapshot.made", { when: instantVar(ds.snapshot.at), size: size(ds.snapshot.gzipBytes), csvSize: size(ds.snapshot.bytes) })
              : t("opendata.snapshot.none")}
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
