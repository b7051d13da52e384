import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/screening";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { appErrorFields, idOf } from "~/lib/forms";
import { formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, TextArea } from "~/components/forms";
import { screeningList } from "~/modules/screening/queries.server";
import { startSimilarityRun } from "~/modules/screening/run-similarity.server";
import { screenProposals } from "~/modules/screening/screen-proposals.server";
import { secretariatEdition } from "~/modules/competitions/edition.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.name} · Lumbung` : "Lumbung" }];

const RESULTS = ["pending", "passed", "failed"] as const;
type Result = (typeof RESULTS)[number];
const isResult = (v: unknown): v is Result => RESULTS.includes(v as Result);

const load = secretariatEdition;

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { row } = await load(context, params.slug);
  const sp = new URL(request.url).searchParams;
  const result = sp.get("hasil");
  const flaggedOnly = sp.get("mirip") === "1";
  const { run, list } = await screeningList(services(context).db, row.id, { result: isResult(result) ? result : undefined, flaggedOnly });
  return {
    slug: row.slug,
    name: row.name,
    filter: { result: isResult(result) ? result : "", flaggedOnly },
    run: run ? { state: run.state, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null, proposals: run.proposals, comparedWith: run.comparedWith, flagged: run.flagged, error: run.error } : null,
    list,
    message: sp.get("pesan"),
    count: sp.get("n"),
  };
});

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row } = await load(context, params.slug);
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const intent = form.get("_intent");
  try {
    if (intent === "similarity") {
      await startSimilarityRun(db, services(context).jobs, actor, row.id);
      return redirect(`/kelola/kompetisi/${row.slug}/seleksi?pesan=mulai`);
    }
    if (intent !== "passed" && intent !== "failed" && intent !== "pending") throw new AppError("invalid", "errors.invalid");
    const ids = form.getAll("ids[]").flatMap((v) => idOf(v) ?? []);
    const reason = String(form.get("reason") ?? "").replace(/\u0000/g, "").trim().slice(0, 3000);
    const n = await screenProposals(db, actor, row.id, ids, { result: intent, reason: reason || undefined }, { publicUrl: env.publicUrl });
    return redirect(`/kelola/kompetisi/${row.slug}/seleksi?pesan=selesai&n=${n}`);
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      return data({ errors: appErrorFields(e, t) }, { status: e.status });
    }
    throw e;
  }
});

export default function Screening({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const d = loaderData;
  const errors = (actionData as { errors?: Record<string, string> } | undefined)?.errors;
  const when = (iso: string | null) => (iso ? formatInstant(locale, iso, zone) : "");
  return (
    <>
      <p className="muted">
        <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link>
      </p>
      <h1>{t("screening.title")}</h1>
      <p>{t("screening.intro")}</p>
      {d.message === "selesai" ? <p className="notice" role="status">{t("screening.done", { n: Number(d.count ?? 0) })}</p> : null}
      {/* Only while it runs: reloaded after the end, the address still says it was started. */}
      {d.message === "mulai" && d.run?.state === "running" ? <p className="notice" role="status">{t("screening.started")}</p> : null}
      <ErrorSummary errors={errors} />

      <h2>{t("screening.similarity")}</h2>
      <p className="hint">{t("screening.similarityIntro")}</p>
      <p>
        {!d.run
          ? t("screening.run.never")
          : d.run.state === "running"
            ? t("screening.run.running", { at: when(d.run.startedAt) })
            : d.run.state === "failed"
              ? t("screening.run.failed", { error: d.run.error ?? "" })
              : t("screening.run.done", { at: when(d.run.finishedAt), proposals: d.run.proposals, compared: d.run.comparedWith, flagged: d.run.flagged })}
      </p>
      <Form method="post">
        <CsrfField />
        <button type="submit" name="_intent" value="similarity" className="button secondary" disabled={d.run?.state === "running"}>{t("screening.runStart")}</button>
      </Form>

      <h2>{t("proposals.title")}</h2>
      <Form method="get" className="inline-form filters">
        <label htmlFor="hasil">{t("screening.col.result")}</label>{" "}
        <select id="hasil" name="hasil" defaultValue={d.filter.result}>
          <option value="">{t("screening.filter.all")}</option>
          {RESULTS.map((r) => (
            <option key={r} value={r}>{t(`screening.result.${r}`)}</option>
          ))}
        </select>{" "}
        <label className="checkbox">
          <input type="checkbox" name="mirip" value="1" defaultChecked={d.filter.flaggedOnly} /> {t("screening.flaggedOnly")}
        </label>{" "}
        <button type="submit" className="link-button">{t("common.filter")}</button>
      </Form>
      {d.list.length ? (
        <Form method="post">
          <CsrfField />
          <table>
            <thead>
              <tr>
                <th scope="col">{t("screening.col.select")}</th>
                <th scope="col">{t("proposals.col.receipt")}</th>
                <th scope="col">{t("proposals.col.title")}</th>
                <th scope="col">{t("proposals.col.agency")}</th>
                <th scope="col">{t("screening.col.similarity")}</th>
                <th scope="col">{t("screening.col.result")}</th>
              </tr>
            </thead>
            <tbody>
              {d.list.map((p) => (
                <tr key={p.id}>
                  <td>
                    <input type="checkbox" name="ids[]" value={p.id} id={`pilih-${p.id}`} aria-label={`${t("screening.col.select")}: ${p.title}`} />
                  </td>
                  <td>{p.receipt}</td>
                  <td><Link to={`/kelola/kompetisi/${d.slug}/seleksi/${p.id}`}>{p.title}</Link></td>
                  <td>{p.agency}</td>
                  <td>
                    {p.best ? t("screening.matchPercent", { n: p.best }) : "—"}
                    {p.titles ? <> · {t("screening.sameTitle", { n: p.titles })}</> : null}
                  </td>
                  <td>
                    {t(`screening.result.${p.screening}`)}
                    {p.reason ? <div className="hint">{p.reason}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset className="row-fieldset">
            <legend>{t("screening.bulk")}</legend>
            <TextArea name="reason" label={t("screening.reason")} optionalNote={t("screening.reasonNote")} rows={2} error={errors?.reason} />
            <button type="submit" name="_intent" value="passed" className="button">{t("screening.pass")}</button>{" "}
            <button type="submit" name="_intent" value="failed" className="button warning">{t("screening.fail")}</button>{" "}
            <button type="submit" name="_intent" value="pending" className="button secondary">{t("screening.reset")}</button>
          </fieldset>
        </Form>
      ) : (
        <p>{t("screening.none")}</p>
      )}
    </>
  );
}
