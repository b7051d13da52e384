// The field-verification report of one proposal: written by its visiting team (the judges
// assigned to it in the stage), read by the secretariat, who may reopen a submitted one. A
// checklist, notes, residents' testimonies, photos and the decision, verified or not (with the
// reason). `?foto=ID` answers with one of the report's photos (the thumbnails' source).
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/field-report";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan, can } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, parseWith, stripNul } from "~/lib/forms";
import { fileResponse } from "~/lib/uploads.server";
import { formatDate, formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, fieldId, TextArea, TextField } from "~/components/forms";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { BLANK_TESTIMONY_ROWS, FIELD_CHECKLIST, MAX_NOTES, MAX_PHOTOS, MAX_TESTIMONIES, MAX_TESTIMONY, PHOTO_ACCEPT } from "~/modules/stages/checklist";
import { reportEditing } from "~/modules/stages/field-team";
import { fieldPhoto, fieldReportView } from "~/modules/stages/field-visit-queries.server";
import { reopenFieldReport } from "~/modules/stages/reopen-field-report.server";
import { saveFieldReport } from "~/modules/stages/save-field-report.server";
import { fieldReportSchema, indicatorRows, testimonyRows } from "~/modules/stages/schemas";
import { IndicatorCheckFields, indicatorFieldLabels, type IndicatorTyped } from "~/modules/stages/ui/indicator-check-fields";
import { RadioGroup } from "~/modules/stages/ui/radio-group";
import { ReadOnlyReport } from "~/modules/stages/ui/read-only-report";
import type { Testimony } from "~/db/schema";
import { restoreHeld, type HeldFile } from "~/modules/uploads/held.server";
import { HeldFiles } from "~/modules/uploads/ui/held-files";
import { isOwnKey } from "~/lib/own";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.proposal.title} · Lumbung` : "Lumbung" }];

async function context$(context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const actor = requireUser(context);
  const { db } = services(context);
  const proposalId = idOf(params.id);
  const competition = proposalId ? await competitionBySlug(db, params.slug) : null;
  if (!proposalId || !competition) throw new AppError("not-found", "errors.notFound");
  return { actor, db, proposalId, competition: { id: competition.id, slug: competition.slug, name: competition.name, config: competition.config } };
}

// A photo is bytes, not a page: answered before the page's loader runs, for the same readers.
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, context, params }, next) => {
    const foto = request.method === "GET" ? new URL(request.url).searchParams.get("foto") : null;
    if (!foto) return next();
    try {
      const photoId = idOf(foto);
      if (!photoId) throw new AppError("not-found", "errors.notFound");
      const { actor, db, proposalId, competition } = await context$(context, params);
      const photo = await fieldPhoto(db, actor, competition, params.stage, proposalId, photoId);
      return fileResponse(photo, { isPublic: false });
    } catch (e) {
      if (e instanceof AppError) return new Response(`${translator(requestInfo(context).locale)(e.reason)}\n`, { status: e.status, headers: { "content-type": "text/plain; charset=utf-8" } });
      throw e;
    }
  },
];

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { actor, db, proposalId, competition } = await context$(context, params);
  const { receivedAt, env } = services(context);
  const view = await fieldReportView(db, actor, competition, params.stage, proposalId);
  const v = view.visit;
  const editing = reportEditing(v, view.stage, receivedAt);
  const secretariat = can(actor, "competition.manage").ok;
  const testimonies: Testimony[] = v?.testimonies ?? [];
  return {
    slug: competition.slug,
    competition: competition.name,
    stage: { code: view.stage.code, name: view.stage.name, opensAt: view.stage.opensAt, closesAt: view.stage.closesAt },
    proposal: { id: view.proposal.id, title: view.proposal.title, receipt: view.proposal.receipt, agency: view.proposal.agency },
    team: view.team,
    gaps: view.gaps,
    report: v
      ? {
          visitDate: v.visitDate,
          checklist: v.checklist,
          notes: v.notes,
          testimonies,
          indicatorChecks: v.indicatorChecks,
          verified: v.verified,
          reason: v.reason,
          submittedAt: v.submittedAt?.toISOString() ?? null,
          submittedBy: view.submittedByName,
          reopened: v.reopenedAt !== null,
          written: v.updatedBy !== null,
        }
      : null,
    photos: view.photos,
    // The indicators the innovation claims, each checked by the team in the form.
    claims: view.claims,
    editing,
    mayWrite: can(actor, "fieldReport.write", { member: view.member }).ok && (editing === "open" || editing === "reopened"),
    secretariat,
    maxMb: Math.round(env.maxUploadBytes / 1048576),
    message: new URL(request.url).searchParams.get("pesan"),
  };
});

type Typed = { check: string[]; notes: string; testimonies: Testimony[]; indicators: IndicatorTyped[]; verified: string; reason: string };
type ActionReply = { errors?: Record<string, string>; values?: Typed; held?: HeldFile[] };

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, db, proposalId, competition } = await context$(context, params);
  const { receivedAt, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const intent = String(form.get("_intent") ?? "save");
  const here = `/kelola/verifikasi/${competition.slug}/${params.stage}/${proposalId}`;
  // Who may act is settled before what was sent is read (the use cases check it again): anyone
  // outside the team and the secretariat is told the report is not there.
  const view = await fieldReportView(db, actor, competition, params.stage, proposalId);

  if (intent === "reopen") {
    assertCan(actor, "competition.manage");
    const reason = form.get("reopenReason");
    try {
      await reopenFieldReport(db, actor, competition, params.stage, proposalId, typeof reason === "string" ? stripNul(reason).slice(0, 2000) : "", receivedAt);
    } catch (e) {
      if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) return data<ActionReply>({ errors: appErrorFields(e, t) }, { status: e.status });
      throw e;
    }
    return redirect(`${here}?pesan=dibuka`);
  }

  assertCan(actor, "fieldReport.write", { member: view.member });
  const submit = intent === "submit";
  const removePhoto = intent.startsWith("removePhoto:") ? idOf(intent.slice("removePhoto:".length)) : null;
  const values = formToObject(form);
  const raw = {
    check: values.check ?? [],
    notes: typeof values.notes === "string" ? values.notes : "",
    testimonies: testimonyRows(values),
    indicators: indicatorRows(values, view.claims.length),
    verified: typeof values.verified === "string" ? values.verified : "",
    reason: typeof values.reason === "string" ? values.reason : "",
  };
  const typed: Typed = { ...raw, check: Array.isArray(raw.check) ? raw.check.map(String) : [String(raw.check)] };
  // Photos kept from an earlier refusal come back into the form as if chosen again.
  const held = await restoreHeld(db, actor, form);
  const photos = form.getAll("photos").filter((f): f is File => typeof f !== "string" && f.size > 0);
  // A refusal keeps the photos sent (a photo of the village cannot be taken again from the desk).
  const refuse = async (errors: Record<string, string>, status: number) => {
    const { kept, problems } = await held.keep(["photos"], () => PHOTO_ACCEPT, env.maxUploadBytes);
    const all = problems.photos && !errors.photos ? { ...errors, photos: t(problems.photos.key, problems.photos.vars) } : errors;
    return data<ActionReply>({ errors: all, values: typed, held: kept }, { status });
  };

  const parsed = parseWith(fieldReportSchema(submit, view.claims.length), raw, t);
  if (!parsed.ok) return refuse(parsed.errors, 400);
  try {
    const { problems } = await saveFieldReport(db, actor, competition, params.stage, proposalId, parsed.data, {
      submit,
      photos,
      removePhotoIds: removePhoto ? [removePhoto] : [],
      maxBytes: env.maxUploadBytes,
      now: receivedAt,
    });
    if (Object.keys(problems).length) return refuse(Object.fromEntries(Object.entries(problems).map(([f, p]) => [f, t(p.key, p.vars)])), 400);
  } catch (e) {
    if (e instanceof AppError && (e.code === "conflict" || e.code === "deadline-passed" || e.code === "invalid")) return refuse(appErrorFields(e, t, { vars: { max: MAX_PHOTOS } }), e.status);
    throw e;
  }
  await held.release();
  return redirect(`${here}?pesan=${submit ? "dikirim" : removePhoto ? "fotodihapus" : "disimpan"}`);
});

const NOTICES: Record<string, string> = {
  disimpan: "stages.report.saved",
  dikirim: "stages.report.submitted",
  fotodihapus: "stages.report.photoRemoved",
  dibuka: "stages.report.reopenedNotice",
};

export default function FieldReport({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const a = actionData as ActionReply | undefined;
  const r = d.report;
  const when = (iso: string) => formatInstant(locale, iso, zone);
  const typed = a?.values;
  const checked = new Set(typed ? typed.check : FIELD_CHECKLIST.filter((c) => r?.checklist[c]));
  const savedRows: Testimony[] = typed ? typed.testimonies : (r?.testimonies ?? []);
  // The rows written plus a few blank ones to add more, without script, up to the limit.
  const rows = [...savedRows, ...Array.from({ length: BLANK_TESTIMONY_ROWS }, () => ({ name: "", relation: "", text: "" }))].slice(0, Math.max(savedRows.length, MAX_TESTIMONIES));
  const photoSrc = (id: number) => `/kelola/verifikasi/${d.slug}/${d.stage.code}/${d.proposal.id}?foto=${id}`;
  const labels: Record<string, string> = {
    check: t("stages.report.checklist"),
    notes: t("stages.report.notes"),
    testimonies: t("stages.report.testimonies"),
    photos: t("stages.report.photos"),
    verified: t("stages.report.decision"),
    reason: t("stages.report.reason"),
    reopenReason: t("stages.report.reopenReason"),
    ...indicatorFieldLabels(t, d.claims),
    ...Object.fromEntries(
      rows.flatMap((_, i) => [
        [`testimonies.${i}.name`, t("stages.report.testimonyField", { n: i + 1, field: t("stages.report.testimonyName") })],
        [`testimonies.${i}.relation`, t("stages.report.testimonyField", { n: i + 1, field: t("stages.report.testimonyRelation") })],
        [`testimonies.${i}.text`, t("stages.report.testimonyField", { n: i + 1, field: t("stages.report.testimonyText") })],
      ]),
    ),
  };
  const testimoniesError = a?.errors?.testimonies;
  // Each claim's answers: as typed in a refused form, else as saved (when saved against it).
  const indicatorValue = (i: number): IndicatorTyped => {
    const typedRow = typed?.indicators?.[i];
    if (typedRow) return typedRow;
    const saved = r?.indicatorChecks.find((c) => c.position === i && c.name === d.claims[i]?.name);
    return { name: d.claims[i]?.name ?? "", observed: saved?.observed ?? "", finding: saved?.finding ?? "", note: saved?.note ?? "" };
  };
  const photosError = a?.errors?.photos;
  return (
    <>
      <p className="muted">
        {d.secretariat ? (
          <>
            <Link to={`/kelola/kompetisi/${d.slug}`}>{d.competition}</Link> › <Link to={`/kelola/kompetisi/${d.slug}/tahap/${d.stage.code}/verifikasi`}>{d.stage.name}</Link>
          </>
        ) : (
          <>
            <Link to="/kelola/penilaian">{t("review.list.title")}</Link> › {d.competition} › {d.stage.name}
          </>
        )}
      </p>
      <h1>{t("stages.report.title", { title: d.proposal.title })}</h1>
      {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message])}</p> : null}
      <dl className="readonly">
        <dt>{t("stages.slotPage.proposal")}</dt>
        <dd>{d.proposal.receipt ? `${d.proposal.receipt} · ${d.proposal.title}` : d.proposal.title}</dd>
        <dt>{t("stages.slotPage.agency")}</dt>
        <dd>{d.proposal.agency}</dd>
        <dt>{t("stages.col.visitDate")}</dt>
        <dd>{r?.visitDate ? formatDate(locale, r.visitDate) : t("stages.visits.noDate")}</dd>
        <dt>{t("stages.col.team")}</dt>
        <dd>
          {d.team.length ? d.team.map((m) => `${m.name} (${t(`stages.role.${m.role === "panelist" ? "panelist" : "evaluator"}`)})`).join(", ") : t("stages.visits.noTeam")}
          {d.gaps.panelist ? <div className="error-message">{t("stages.visits.noPanelist")}</div> : null}
          {d.gaps.evaluator ? <div className="error-message">{t("stages.visits.noEvaluator")}</div> : null}
        </dd>
        <dt>{t("stages.col.report")}</dt>
        <dd>
          {r?.submittedAt ? t("stages.report.submittedBy", { when: when(r.submittedAt), name: r.submittedBy ?? "—" }) : t(`stages.report.state.${r?.written ? "draft" : "none"}`)}
          {r?.reopened && !r.submittedAt ? <> · {t("stages.report.state.reopened")}</> : null}
        </dd>
      </dl>
      {d.editing === "submitted" ? <p className="notice">{t("stages.report.locked")}</p> : null}
      {d.editing === "closed" ? <p className="notice notice-warning">{t("stages.errors.stageClosed")}</p> : null}
      {d.editing === "notOpen" ? <p className="notice notice-warning">{t("stages.report.notOpen", { when: when(d.stage.opensAt) })}</p> : null}
      {d.editing === "open" && d.mayWrite ? <p className="deadline">{t("stages.report.until", { when: when(d.stage.closesAt) })}</p> : null}
      {d.editing === "reopened" && d.mayWrite ? <p className="notice notice-warning">{t("stages.report.reopenedLine")}</p> : null}
      <ErrorSummary errors={a?.errors} labels={labels} />
      {!d.secretariat ? (
        <p>
          <Link to={`/kelola/penilaian/${d.slug}/${d.stage.code}/${d.proposal.id}`}>{t("stages.report.toReview")}</Link>
        </p>
      ) : null}

      {d.mayWrite ? (
        <Form method="post" encType="multipart/form-data" className="part-form">
          <CsrfField />
          {/* First in the form, so that Enter in a field saves (and never removes a photo). */}
          <p>
            <button type="submit" name="_intent" value="save" className="button secondary" formNoValidate>{t("stages.report.save")}</button>
          </p>
          <fieldset className="field checkbox-group" id={fieldId("check")}>
            <legend>{t("stages.report.checklist")}</legend>
            <p className="hint">{t("stages.report.checklistHint")}</p>
            <div className="checkbox-items">
              {FIELD_CHECKLIST.map((c) => (
                <label key={c} className="checkbox">
                  <input type="checkbox" name="check[]" value={c} defaultChecked={checked.has(c)} /> {t(`stages.check.${c}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <IndicatorCheckFields claims={d.claims} value={indicatorValue} errors={a?.errors} />
          <TextArea name="notes" label={t("stages.report.notes")} hint={t("stages.report.notesHint")} rows={6} maxLength={MAX_NOTES} defaultValue={typed?.notes ?? r?.notes ?? ""} error={a?.errors?.notes} />

          <fieldset className={testimoniesError ? "field field-error" : "field"} id={fieldId("testimonies")} aria-describedby={[`${fieldId("testimonies")}-hint`, testimoniesError ? `${fieldId("testimonies")}-error` : null].filter(Boolean).join(" ")}>
            <legend>{t("stages.report.testimonies")}</legend>
            <p className="hint" id={`${fieldId("testimonies")}-hint`}>{t("stages.report.testimoniesHint", { max: MAX_TESTIMONIES })}</p>
            {testimoniesError ? <p className="error-message" id={`${fieldId("testimonies")}-error`}>{testimoniesError}</p> : null}
            {rows.map((row, i) => (
              <fieldset key={i} className="row-fieldset">
                <legend>{t("stages.report.testimonyN", { n: i + 1 })}</legend>
                <TextField name={`testimonies.${i}.name`} label={t("stages.report.testimonyName")} maxLength={200} defaultValue={row.name} error={a?.errors?.[`testimonies.${i}.name`]} optionalNote={t("stages.report.ifGiven")} />
                <TextField name={`testimonies.${i}.relation`} label={t("stages.report.testimonyRelation")} hint={t("stages.report.relationHint")} maxLength={200} defaultValue={row.relation} error={a?.errors?.[`testimonies.${i}.relation`]} />
                <TextArea name={`testimonies.${i}.text`} label={t("stages.report.testimonyText")} rows={3} maxLength={MAX_TESTIMONY} defaultValue={row.text} error={a?.errors?.[`testimonies.${i}.text`]} optionalNote={t("stages.report.ifGiven")} />
              </fieldset>
            ))}
            {rows.length >= MAX_TESTIMONIES ? <p className="hint">{t("stages.report.testimoniesFull", { max: MAX_TESTIMONIES })}</p> : <p className="hint">{t("stages.report.moreRows")}</p>}
          </fieldset>

          <h2>{t("stages.report.photos")}</h2>
          {d.photos.length ? (
            <div className="photo-grid">
              {d.photos.map((p) => (
                <figure key={p.id}>
                  <a href={photoSrc(p.id)}>
                    <img src={photoSrc(p.id)} alt={t("stages.report.photoAlt", { name: p.filename })} width={224} loading="lazy" />
                  </a>
                  <figcaption>
                    {p.filename} ({Math.ceil(p.size / 1024)} kB){" "}
                    <button type="submit" name="_intent" value={`removePhoto:${p.id}`} className="link-button" formNoValidate>{t("stages.report.removePhoto", { name: p.filename })}</button>
                  </figcaption>
                </figure>
              ))}
            </div>
          ) : (
            <p className="muted">{t("stages.report.noPhotos")}</p>
          )}
          <div className={photosError ? "field field-error" : "field"}>
            <label htmlFor={fieldId("photos")}>{t("stages.report.addPhotos")} <span className="optional">{t("common.optional")}</span></label>
            <p className="hint" id={`${fieldId("photos")}-hint`}>{t("stages.report.photosHint", { max: MAX_PHOTOS, mb: d.maxMb })}</p>
            {photosError ? <p className="error-message" id={`${fieldId("photos")}-error`}>{photosError}</p> : null}
            <input
              id={fieldId("photos")}
              name="photos"
              type="file"
              multiple
              accept="image/jpeg,image/png"
              aria-invalid={photosError ? true : undefined}
              aria-describedby={[`${fieldId("photos")}-hint`, photosError ? `${fieldId("photos")}-error` : null].filter(Boolean).join(" ")}
            />
            <HeldFiles files={a?.held} field="photos" />
          </div>

          <h2>{t("stages.report.decision")}</h2>
          <RadioGroup
            name="verified"
            legend={t("stages.report.decisionLegend")}
            hint={t("stages.report.decisionHint")}
            options={[
              { value: "yes", label: t("stages.report.verifiedYes") },
              { value: "no", label: t("stages.report.verifiedNo") },
            ]}
            value={typed ? typed.verified : r?.verified === true ? "yes" : r?.verified === false ? "no" : ""}
            error={a?.errors?.verified}
          />
          <TextArea name="reason" label={t("stages.report.reason")} hint={t("stages.report.reasonHint")} rows={4} maxLength={MAX_NOTES} defaultValue={typed?.reason ?? r?.reason ?? ""} error={a?.errors?.reason} optionalNote={t("stages.report.reasonNote")} />
          <p className="hint">{t("stages.report.submitHint")}</p>
          <div className="form-actions">
            <button type="submit" name="_intent" value="save" className="button secondary" formNoValidate>{t("stages.report.save")}</button>
            <button type="submit" name="_intent" value="submit" className="button">{t("stages.report.submit")}</button>
          </div>
        </Form>
      ) : r?.written ? (
        <ReadOnlyReport report={r} photos={d.photos} photoSrc={photoSrc} />
      ) : (
        <p>{t("stages.report.nothingYet")}</p>
      )}

      {d.secretariat && r?.submittedAt ? (
        <section className="review-panel" aria-labelledby="buka-kembali">
          <h2 id="buka-kembali">{t("stages.report.reopen")}</h2>
          <p className="hint">{t("stages.report.reopenHint")}</p>
          <Form method="post" className="narrow">
            <CsrfField />
            <TextArea name="reopenReason" label={t("stages.report.reopenReason")} required rows={2} maxLength={2000} error={a?.errors?.reopenReason} />
            <button type="submit" name="_intent" value="reopen" className="button secondary">{t("stages.report.reopen")}</button>
          </Form>
        </section>
      ) : null}
    </>
  );
}
