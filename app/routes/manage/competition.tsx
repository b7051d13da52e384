import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/competition";
import { TableScroll } from "~/components/table-scroll";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { appErrorFields, stripNul, versionOf } from "~/lib/forms";
import { CsrfField, ErrorSummary, TextArea } from "~/components/forms";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { announceCompetition, type CompetitionRow } from "~/modules/competitions/manage-competition.server";
import { closableStage, closeStageNow, StageTimingError } from "~/modules/competitions/close-stage.server";
import { SCORED_KINDS, stageAt, stageOverlaps } from "~/modules/competitions/config-values";
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
  const now = services(context).receivedAt;
  const closable = closableStage(row, now);
  return {
    competition: { id: row.id, slug: row.slug, name: row.name, edition: row.edition, theme: row.theme, state: row.state, version: row.version, config: row.config },
    current: stageAt(row.config, now)?.code ?? null,
    now: now.toISOString(),
    // The running stage the secretariat may end early, and the next one it may open with it.
    closable: closable
      ? {
          code: closable.stage.code,
          name: closable.stage.name,
          kind: closable.stage.kind,
          closesAt: closable.stage.closesAt,
          next: closable.next && closable.nextOpensLater ? { name: closable.next.name, opensAt: closable.next.opensAt } : null,
        }
      : null,
    // An edition stored before the overlap rule still shows; the page says what to correct.
    overlaps: stageOverlaps(row.config.stages),
    message: new URL(request.url).searchParams.get("pesan"),
  };
});

type CloseReply = { closing: true; errors?: Record<string, string>; values?: { reason: string; openNext: boolean } };

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const row = await load(context, params.slug);
  const form = await request.formData();
  if (form.get("_intent") === "closeStage") return closeStage(context, row, form);
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

/**
 * "Close this stage now": the first post shows the confirmation (what closes, what may open,
 * the reason), the second, with `confirm`, closes. Both are plain forms: no script needed.
 */
async function closeStage(context: Route.ActionArgs["context"], row: CompetitionRow, form: FormData) {
  const { locale, zone } = requestInfo(context);
  const { db, env, receivedAt } = services(context);
  const t = translator(locale, { zone });
  const values = { reason: stripNul(String(form.get("reason") ?? "")), openNext: form.get("openNext") === "1" };
  if (form.get("confirm") !== "yes") return data<CloseReply>({ closing: true, values });
  try {
    const done = await closeStageNow(
      db,
      requireUser(context),
      row.id,
      { stageCode: String(form.get("stage") ?? ""), version: versionOf(form.get("version")), ...values },
      { now: receivedAt, publicUrl: env.publicUrl },
    );
    return redirect(`/kelola/kompetisi/${row.slug}?pesan=${done.opened ? "ditutup-dibuka" : "ditutup"}`);
  } catch (e) {
    if (e instanceof StageTimingError) return data<CloseReply>({ closing: true, errors: { _form: t(e.reason, e.vars) }, values }, { status: e.status });
    if (e instanceof AppError && e.status < 500) return data<CloseReply>({ closing: true, errors: appErrorFields(e, t, { vars: { max: 2000 } }), values }, { status: e.status });
    throw e;
  }
}

const MESSAGES: Record<string, string> = {
  dibuat: "competitions.created",
  disimpan: "competitions.saved",
  diumumkan: "competitions.announced",
  ditutup: "competitions.closed",
  "ditutup-dibuka": "competitions.closedAndOpened",
};

export default function ManageCompetition({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const { competition: c, current, message, closable, overlaps } = loaderData;
  const reply = actionData && "closing" in actionData ? (actionData as CloseReply) : undefined;
  const problems = actionData && "problems" in actionData ? actionData.problems : undefined;
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

      <h2 id="schedule-title">{t("competitions.schedule")}</h2>
      {overlaps.length ? (
        <div className="notice notice-warning">
          <p>{t("competitions.overlapWarning")}</p>
          <ul>
            {overlaps.map((o) => (
              <li key={o.index}>{t("competitions.overlapItem", { stage: o.stage, previous: o.previous, closesAt: formatInstant(locale, o.previousClosesAt, zone) })}</li>
            ))}
          </ul>
          <p><Link to={`/kelola/kompetisi/${c.slug}/atur/tahap`}>{t("competitions.part.tahap")}</Link></p>
        </div>
      ) : null}
      <TableScroll labelledBy="schedule-title">
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
      </TableScroll>
      {closable ? <CloseStage slug={c.slug} version={c.version} stage={closable} now={loaderData.now} reply={reply} /> : null}

      <h2>{t("competitions.resultsWork")}</h2>
      <ul className="part-list">
        <li><Link to={`/kelola/kompetisi/${c.slug}/hasil`}>{t("results.title")}</Link></li>
        <li><Link to={`/kelola/kompetisi/${c.slug}/laporan`}>{t("reports.link")}</Link></li>
        <li><Link to={`/kelola/kompetisi/${c.slug}/pesan`}>{t("competitions.broadcast.link")}</Link></li>
      </ul>

      {c.state === "draft" ? (
        <Form method="post" className="narrow">
          {problems ? (
            <div className="error-summary" role="alert">
              <ul>
                {problems.map((p) => (
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

type Closable = { code: string; name: string; kind: string; closesAt: string; next: { name: string; opensAt: string } | null };

/** The running stage's "close now" button, and after it the confirmation form. */
function CloseStage({ slug, version, stage, now, reply }: { slug: string; version: number; stage: Closable; now: string; reply?: CloseReply }) {
  const t = useT();
  const { locale, zone } = useRoot();
  const at = (iso: string) => formatInstant(locale, iso, zone);
  const registration = stage.kind === "registration";
  if (!reply) {
    return (
      <Form method="post" action={`/kelola/kompetisi/${slug}#tutup-tahap`}>
        <CsrfField />
        <input type="hidden" name="stage" value={stage.code} />
        <button type="submit" name="_intent" value="closeStage" className="button secondary">
          {t("competitions.close.button")}<span className="visually-hidden">: {stage.name}</span>
        </button>
      </Form>
    );
  }
  return (
    <section id="tutup-tahap" aria-labelledby="tutup-tahap-title" className="card">
      <h3 id="tutup-tahap-title">{t("competitions.close.title", { stage: stage.name })}</h3>
      <ErrorSummary errors={reply.errors} labels={{ reason: t("competitions.close.reason") }} />
      <p>{t("competitions.close.intro", { closesAt: at(stage.closesAt), now: at(now) })}</p>
      {registration ? <p className="notice notice-warning">{t("competitions.close.registration")}</p> : null}
      <Form method="post" className="narrow">
        <CsrfField />
        <input type="hidden" name="stage" value={stage.code} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="confirm" value="yes" />
        {stage.next ? (
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" name="openNext" value="1" defaultChecked={reply.values?.openNext} aria-describedby="open-next-hint" />{" "}
              {t("competitions.close.openNext", { stage: stage.next.name })}
            </label>
            <p className="hint" id="open-next-hint">{t("competitions.close.openNextHint", { opensAt: at(stage.next.opensAt) })}</p>
          </div>
        ) : null}
        <TextArea
          name="reason"
          label={t("competitions.close.reason")}
          hint={t("competitions.close.reasonHint")}
          required={registration}
          rows={3}
          maxLength={2000}
          defaultValue={reply.values?.reason}
          error={reply.errors?.reason}
        />
        <button type="submit" name="_intent" value="closeStage" className="button warning">{t("competitions.close.confirm")}</button>{" "}
        <Link to={`/kelola/kompetisi/${slug}`}>{t("competitions.close.cancel")}</Link>
      </Form>
    </section>
  );
}
