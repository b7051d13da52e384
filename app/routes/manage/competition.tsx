import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/competition";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField } from "~/components/forms";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { announceCompetition } from "~/modules/competitions/manage-competition.server";
import { SCORED_KINDS, stageAt } from "~/modules/competitions/config-values";
import { SETUP_PARTS } from "~/modules/competitions/part-forms";
import { isOwnKey } from "~/lib/own";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.competition.name} · Lumbung` : "Lumbung" }];

async function load(context: Route.LoaderArgs["context"], slug: string) {
  assertCan(requireUser(context), "competition.manage");
  const row = await competitionBySlug(services(context).db, slug);
  if (!row) throw new AppError("not-found", "errors.notFound");
  return row;
}

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const row = await load(context, params.slug);
  const now = new Date();
  return {
    competition: { id: row.id, slug: row.slug, name: row.name, edition: row.edition, theme: row.theme, state: row.state, version: row.version, config: row.config },
    current: stageAt(row.config, now)?.code ?? null,
    message: new URL(request.url).searchParams.get("pesan"),
  };
});

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const row = await load(context, params.slug);
  const form = await request.formData();
  if (form.get("_intent") !== "announce") throw new AppError("invalid", "errors.invalid");
  try {
    await announceCompetition(services(context).db, requireUser(context), row.id, Number(form.get("version")));
  } catch (e) {
    // An incomplete setup or a stale page: say what is wrong here, beside the button.
    if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) {
      const t = translator(requestInfo(context).locale);
      const problems = [t(e.reason), ...Object.entries(e.fields ?? {}).map(([path, key]) => `${path}: ${t(key)}`)];
      return data({ problems }, { status: e.status });
    }
    throw e;
  }
  return redirect(`/kelola/kompetisi/${row.slug}?pesan=diumumkan`);
});

const MESSAGES: Record<string, string> = { dibuat: "competitions.created", disimpan: "competitions.saved", diumumkan: "competitions.announced" };

export default function ManageCompetition({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const { competition: c, current, message } = loaderData;
  const config = c.config;
  const counts: Record<string, number> = {
    kelompok: config.groups.length,
    kategori: config.categories.length,
    formulir: config.sections.length,
    lampiran: config.attachments.length,
    tahap: config.stages.length,
    predikat: config.tiers.length,
  };
  return (
    <>
      <p className="muted"><Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link></p>
      <h1>{c.name}</h1>
      <p>
        <span className={`badge badge-${c.state}`}>{t(`competitions.state.${c.state}`)}</span>
        {c.state !== "draft" ? <> · <Link to={`/kompetisi/${c.slug}`}>{t("competitions.viewPublic")}</Link></> : null}
      </p>
      {message && isOwnKey(MESSAGES, message) ? <p className="notice" role="status">{t(MESSAGES[message], { name: c.name })}</p> : null}

      <h2>{t("competitions.setup")}</h2>
      <ul className="part-list">
        {SETUP_PARTS.map((p) => (
          <li key={p}>
            <Link to={`/kelola/kompetisi/${c.slug}/atur/${p}`}>{t(`competitions.part.${p}`)}</Link>
            {counts[p] !== undefined ? <span className="muted"> ({counts[p]})</span> : null}
          </li>
        ))}
      </ul>

      {/* The edition's work areas in the order the year runs, all plain links (pages); buttons
          are kept for what acts (announcing). */}
      {c.state !== "draft" || config.groups.some((g) => g.kind === "khusus") ? (
        <>
          <h2>{t("competitions.registrationWork")}</h2>
          <ul className="part-list">
            {config.groups.some((g) => g.kind === "khusus") ? <li><Link to={`/kelola/kompetisi/${c.slug}/undangan`}>{t("invitations.link")}</Link></li> : null}
            {c.state !== "draft" ? <li><Link to={`/kelola/kompetisi/${c.slug}/seleksi`}>{t("screening.title")}</Link></li> : null}
          </ul>
        </>
      ) : null}

      <h2>{t("judgingAdmin.link.title")}</h2>
      <ul className="part-list">
        <li><Link to={`/kelola/kompetisi/${c.slug}/juri`}>{t("judgingAdmin.link.judges")}</Link></li>
        <li><Link to={`/kelola/kompetisi/${c.slug}/konflik`}>{t("judgingAdmin.link.conflicts")}</Link></li>
      </ul>

      <h2>{t("competitions.schedule")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("competitions.field.name")}</th>
            <th scope="col">{t("competitions.field.opensAt")}</th>
            <th scope="col">{t("competitions.field.closesAt")}</th>
            <th scope="col">{t("competitions.criteria")}</th>
            <th scope="col">{t("judgingAdmin.link.title")}</th>
          </tr>
        </thead>
        <tbody>
          {config.stages.map((s, i) => (
            <tr key={s.code}>
              <td>
                {s.name} <span className="muted">({t(`competitions.stageKind.${s.kind}`)})</span>
                {current === s.code ? <> <span className="badge">{t("competitions.open")}</span></> : null}
              </td>
              <td>{formatInstant(locale, s.opensAt, zone)}</td>
              <td>{formatInstant(locale, s.closesAt, zone)}</td>
              <td>
                {SCORED_KINDS.includes(s.kind) ? (
                  <Link to={`/kelola/kompetisi/${c.slug}/tahap/${i}`}>{t("competitions.criteriaLink", { count: s.criteria.length })}</Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                {/* Judged stages have an assignment; scored and decision stages end in a plenary. */}
                {SCORED_KINDS.includes(s.kind) && s.judges !== "none" ? (
                  <Link to={`/kelola/kompetisi/${c.slug}/tahap/${s.code}/penugasan`}>{t("judgingAdmin.link.assignment")}<span className="visually-hidden"> {s.name}</span></Link>
                ) : null}
                {SCORED_KINDS.includes(s.kind) && s.judges !== "none" ? " · " : null}
                {s.kind === "presentation" ? (
                  <>
                    <Link to={`/kelola/kompetisi/${c.slug}/tahap/${s.code}/jadwal`}>{t("stages.link.schedule")}<span className="visually-hidden"> {s.name}</span></Link>
                    {" · "}
                  </>
                ) : null}
                {s.kind === "field_verification" ? (
                  <>
                    <Link to={`/kelola/kompetisi/${c.slug}/tahap/${s.code}/verifikasi`}>{t("stages.link.visits")}<span className="visually-hidden"> {s.name}</span></Link>
                    {" · "}
                  </>
                ) : null}
                {SCORED_KINDS.includes(s.kind) || s.kind === "decision" ? (
                  <Link to={`/kelola/kompetisi/${c.slug}/tahap/${s.code}/pleno`}>{t("judgingAdmin.link.plenary")}<span className="visually-hidden"> {s.name}</span></Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("competitions.resultsWork")}</h2>
      <ul className="part-list">
        <li><Link to={`/kelola/kompetisi/${c.slug}/hasil`}>{t("results.title")}</Link></li>
        <li><Link to={`/kelola/kompetisi/${c.slug}/laporan`}>{t("reports.link")}</Link></li>
      </ul>

      {c.state === "draft" ? (
        <Form method="post" className="narrow">
          {actionData?.problems ? (
            <div className="error-summary" role="alert">
              <ul>
                {actionData.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <CsrfField />
          <input type="hidden" name="version" value={c.version} />
          <p className="hint">{t("competitions.announceHint")}</p>
          <button type="submit" name="_intent" value="announce" className="button">{t("competitions.announce")}</button>
        </Form>
      ) : null}
    </>
  );
}
