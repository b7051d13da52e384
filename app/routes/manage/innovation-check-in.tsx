// /kelola/inovasi/:id/pemutakhiran: this year's check-in of one published innovation ("is it
// still running?", with evidence), and its earlier answers. The agency's Admin Lokal or the
// operator of its unit answers; its other people and the secretariat read.
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/innovation-check-in";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan, can } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, parseWith } from "~/lib/forms";
import { isOwnKey } from "~/lib/own";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, fieldId, TextArea, TextField } from "~/components/forms";
import { loadInnovation } from "~/modules/innovations/load-innovation.server";
import { acceptFor } from "~/modules/innovations/files.server";
import { jakartaYear } from "~/modules/compliance/year";
import { checkInSchema, NOTE_MAX, NOTE_MIN } from "~/modules/check-ins/schemas";
import { checkInsOf } from "~/modules/check-ins/queries.server";
import { recordCheckIn } from "~/modules/check-ins/record-check-in.server";
import { CheckInList } from "~/modules/check-ins/ui/check-in-list";
import { RadioGroup } from "~/modules/stages/ui/radio-group";
import { restoreHeld, type HeldFile } from "~/modules/uploads/held.server";
import { HeldFiles } from "~/modules/uploads/ui/held-files";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "checkins.form.title");

const FILE_FIELD = "evidenceFile";

export const loader = page(async ({ params, context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const { db, env, receivedAt } = services(context);
  const innovation = await loadInnovation(db, idOf(params.id) ?? 0);
  assertCan(actor, "innovation.manage", innovation);
  const year = jakartaYear(receivedAt);
  const checkIns = await checkInsOf(db, innovation.id, { withNames: true });
  const decision = can(actor, "innovation.checkIn", innovation);
  return {
    innovation: { id: innovation.id, name: innovation.name, slug: innovation.slug, published: innovation.state === "published", status: innovation.status, startedOn: innovation.startedOn },
    year,
    checkIns,
    current: checkIns.find((c) => c.year === year) ?? null,
    mayAnswer: decision.ok,
    // Why the form is not there, for the agency's own people (a placed operator of another unit).
    refusal: decision.ok ? null : decision.reason,
    maxMb: Math.round(env.maxUploadBytes / 1048576),
    message: new URL(request.url).searchParams.get("pesan"),
  };
});

type Typed = { outcome: string; note: string; evidenceUrl: string; stoppedOn: string };
type ActionReply = { errors?: Record<string, string>; values?: Typed; held?: HeldFile[] };

export const action = page(async ({ params, context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  const { db, env, receivedAt } = services(context);
  const t = translator(requestInfo(context).locale);
  const innovation = await loadInnovation(db, idOf(params.id) ?? 0);
  // Who may answer is settled before what was sent is read (the use case checks it again).
  assertCan(actor, "innovation.checkIn", innovation);
  const form = await request.formData();
  const held = await restoreHeld(db, actor, form);
  const values = formToObject(form, (k) => k === FILE_FIELD);
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const typed: Typed = { outcome: str("outcome"), note: str("note"), evidenceUrl: str("evidenceUrl"), stoppedOn: str("stoppedOn") };
  const file = form.getAll(FILE_FIELD).find((f): f is File => typeof f !== "string" && f.size > 0) ?? null;
  // A refusal keeps the file sent: a scan made at the office is not made twice.
  const refuse = async (errors: Record<string, string>, status = 400) => {
    const { kept, problems } = await held.keep([FILE_FIELD], () => acceptFor("evidence"), env.maxUploadBytes);
    const p = problems[FILE_FIELD];
    const all = p && !errors[FILE_FIELD] ? { ...errors, [FILE_FIELD]: t(p.key, p.vars) } : errors;
    return data<ActionReply>({ errors: all, values: typed, held: kept }, { status });
  };

  const parsed = parseWith(checkInSchema, typed, t);
  if (!parsed.ok) return refuse(parsed.errors);
  try {
    const result = await recordCheckIn(db, actor, innovation.id, parsed.data, { file, maxBytes: env.maxUploadBytes, now: receivedAt });
    if ("problems" in result) {
      const p = result.problems[FILE_FIELD]!;
      // The file itself was refused: nothing to keep.
      return data<ActionReply>({ errors: { [FILE_FIELD]: t(p.key, p.vars) }, values: typed }, { status: 400 });
    }
  } catch (e) {
    if (e instanceof AppError && e.code === "invalid") {
      return refuse(appErrorFields(e, t));
    }
    throw e;
  }
  await held.release();
  return redirect(`/kelola/inovasi/${innovation.id}/pemutakhiran?pesan=disimpan`);
});

const NOTICES: Record<string, string> = { disimpan: "checkins.form.saved" };

export default function InnovationCheckIn({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData as ActionReply | undefined;
  const errors = a?.errors;
  const v = a?.values;
  const labels = {
    outcome: t("checkins.form.outcome"),
    note: t("checkins.form.note"),
    stoppedOn: t("checkins.form.stoppedOn"),
    [FILE_FIELD]: t("checkins.form.evidenceFile"),
    evidenceUrl: t("checkins.form.evidenceUrl"),
  };
  const fileError = errors?.[FILE_FIELD];
  const fid = fieldId(FILE_FIELD);
  return (
    <>
      <p><Link to={`/kelola/inovasi/${d.innovation.id}`}>← {d.innovation.name}</Link></p>
      <h1>{t("checkins.form.heading", { year: String(d.year) })}</h1>
      <p className="lead">{t("checkins.form.intro")}</p>
      {d.innovation.published ? <p><Link to={`/inovasi/${d.innovation.slug}`}>{t("checkins.form.viewPublic")}</Link></p> : null}
      {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message])}</p> : null}
      {!d.innovation.published ? <p className="notice">{t("checkins.errors.notPublished")}</p> : null}
      {d.innovation.published && !d.mayAnswer ? <p className="notice">{t(d.refusal === "innovations.errors.otherUnit" ? "innovations.errors.otherUnit" : "checkins.form.readOnly")}</p> : null}
      {d.mayAnswer ? (
        <Form method="post" encType="multipart/form-data" noValidate>
          <CsrfField />
          <ErrorSummary errors={errors} labels={labels} />
          {d.current ? <p className="notice">{t("checkins.form.answeredAlready")}</p> : null}
          <RadioGroup
            name="outcome"
            legend={labels.outcome}
            error={errors?.outcome}
            value={v?.outcome ?? d.current?.outcome ?? null}
            options={[
              { value: "running", label: t("checkins.outcome.runningAnswer") },
              { value: "stopped", label: t("checkins.outcome.stoppedAnswer") },
            ]}
          />
          <TextArea name="note" label={labels.note} hint={t("checkins.form.noteHint", { min: NOTE_MIN })} error={errors?.note} defaultValue={v?.note ?? d.current?.note} maxLength={NOTE_MAX} required />
          <TextField name="stoppedOn" type="date" label={labels.stoppedOn} hint={t("checkins.form.stoppedOnHint")} error={errors?.stoppedOn} defaultValue={v?.stoppedOn ?? d.current?.stoppedOn} optionalNote={t("checkins.form.ifStopped")} />
          <div className={fileError ? "field field-error" : "field"}>
            <label htmlFor={fid}>{labels[FILE_FIELD]} <span className="optional">{t("checkins.form.fileOrAddress")}</span></label>
            <p className="hint" id={`${fid}-hint`}>
              {d.current?.evidenceFile ? t("checkins.form.evidenceKept", { name: d.current.evidenceFile.filename }) : t("checkins.form.evidenceHint", { mb: d.maxMb })}
            </p>
            {fileError ? <p className="error-message" id={`${fid}-error`}>{fileError}</p> : null}
            <input
              id={fid}
              name={FILE_FIELD}
              type="file"
              accept="application/pdf,image/jpeg,image/png,image/webp"
              aria-invalid={fileError ? true : undefined}
              aria-describedby={[`${fid}-hint`, fileError ? `${fid}-error` : null].filter(Boolean).join(" ")}
            />
            <HeldFiles files={a?.held} field={FILE_FIELD} />
          </div>
          <TextField name="evidenceUrl" type="url" inputMode="url" label={labels.evidenceUrl} hint={t("checkins.form.evidenceUrlHint")} error={errors?.evidenceUrl} defaultValue={v?.evidenceUrl ?? d.current?.evidenceUrl} optionalNote={t("checkins.form.fileOrAddress")} />
          <p className="hint">{t("checkins.form.public")}</p>
          <button type="submit" className="button">{t("checkins.form.submit")}</button>
        </Form>
      ) : null}
      <h2>{t("checkins.list.title")}</h2>
      <CheckInList checkIns={d.checkIns} showNames />
    </>
  );
}
