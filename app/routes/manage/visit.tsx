// /kelola/kunjungan/:id: one site-visit request. The host's people answer it (a date,
// or a reason); the asking agency may withdraw it while it waits.
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/visit";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError, notFound } from "~/lib/errors";
import { assertCan, can } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, parseWith } from "~/lib/forms";
import { isOwnKey } from "~/lib/own";
import { formatDate, translator } from "~/i18n";
import { useInstant, useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, TextArea, TextField } from "~/components/forms";
import { RadioGroup } from "~/modules/stages/ui/radio-group";
import { answerVisit, cancelVisit, visitById } from "~/modules/visits/visits.server";
import { visitAnswerSchema } from "~/modules/visits/schemas";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "visits.title");

async function load(context: Route.LoaderArgs["context"], id: string) {
  const actor = requireUser(context);
  const { db } = services(context);
  const visitId = idOf(id);
  const visit = visitId ? await visitById(db, visitId) : null;
  if (!visit) throw notFound();
  assertCan(actor, "visit.view", visit);
  return { actor, db, visit };
}

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { actor, visit } = await load(context, params.id);
  const pending = visit.state === "pending";
  return {
    visit: { ...visit, createdAt: visit.createdAt.toISOString(), answeredAt: visit.answeredAt?.toISOString() ?? null },
    mayAnswer: pending && can(actor, "visit.answer", visit).ok,
    mayCancel: pending && can(actor, "visit.cancel", visit).ok,
    message: new URL(request.url).searchParams.get("pesan"),
  };
});

type Typed = { decision: string; agreedOn: string; answer: string };
type ActionReply = { errors?: Record<string, string>; values?: Typed };

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, db, visit } = await load(context, params.id);
  const { receivedAt, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const here = `/kelola/kunjungan/${visit.id}`;
  if (form.get("_intent") === "cancel") {
    assertCan(actor, "visit.cancel", visit);
    try {
      await cancelVisit(db, actor, visit.id);
    } catch (e) {
      if (e instanceof AppError && e.code === "conflict") return data<ActionReply>({ errors: appErrorFields(e, t) }, { status: 409 });
      throw e;
    }
    return redirect(`${here}?pesan=dibatalkan`);
  }
  assertCan(actor, "visit.answer", visit);
  const values = formToObject(form);
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const typed: Typed = { decision: str("decision"), agreedOn: str("agreedOn"), answer: str("answer") };
  const parsed = parseWith(visitAnswerSchema, typed, t);
  if (!parsed.ok) return data<ActionReply>({ errors: parsed.errors, values: typed }, { status: 400 });
  try {
    await answerVisit(db, actor, visit.id, parsed.data, { now: receivedAt, baseUrl: env.publicUrl });
  } catch (e) {
    if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) return data<ActionReply>({ errors: appErrorFields(e, t), values: typed }, { status: e.status });
    throw e;
  }
  return redirect(`${here}?pesan=dijawab`);
});

const NOTICES: Record<string, string> = { terkirim: "visits.sent", dijawab: "visits.answered", dibatalkan: "visits.cancelledNotice" };

export default function Visit({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const instant = useInstant();
  const a = actionData as ActionReply | undefined;
  const v = d.visit;
  const labels = { decision: t("visits.field.decision"), agreedOn: t("visits.field.agreedOn"), answer: t("visits.field.answer") };
  return (
    <>
      <p><Link to="/kelola/kunjungan">← {t("visits.title")}</Link></p>
      <h1>{v.innovation}</h1>
      {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message])}</p> : null}
      {/* Answered meanwhile (another tab, a colleague): the refusal says so above everything. */}
      {a?.errors?._form && !d.mayAnswer && !d.mayCancel ? <p className="notice notice-warning" role="alert">{a.errors._form}</p> : null}
      <dl className="facts">
        <dt>{t("visits.col.state")}</dt>
        <dd><span className={`badge badge-visit-${v.state}`}>{t(`visits.state.${v.state}`)}</span></dd>
        <dt>{t("visits.col.host")}</dt>
        <dd>{v.host} (<Link to={`/inovasi/${v.innovationSlug}`}>{v.innovation}</Link>)</dd>
        <dt>{t("visits.col.visitor")}</dt>
        <dd>{v.visitor}</dd>
        <dt>{t("visits.detail.requestedBy")}</dt>
        <dd>
          {v.requestedBy ?? "—"}
          {v.requesterEmail ? <> (<a href={`mailto:${v.requesterEmail}`}>{v.requesterEmail}</a>)</> : null}, {instant(v.createdAt)}
        </dd>
        <dt>{t("visits.field.preferredOn")}</dt>
        <dd>{formatDate(locale, v.preferredOn)}</dd>
        <dt>{t("visits.field.participants")}</dt>
        <dd>{v.participants}</dd>
        {v.agreedOn ? (<><dt>{t("visits.detail.agreedOn")}</dt><dd>{formatDate(locale, v.agreedOn)}</dd></>) : null}
        {v.answer ? (<><dt>{t("visits.detail.answer")}</dt><dd className="prose-text">{v.answer}</dd></>) : null}
      </dl>
      <h2>{t("visits.field.purpose")}</h2>
      <div className="prose-text">{v.purpose}</div>
      {d.mayAnswer ? (
        <Form method="post" noValidate>
          <CsrfField />
          <h2>{t("visits.field.decision")}</h2>
          <ErrorSummary errors={a?.errors} labels={labels} />
          <RadioGroup
            name="decision"
            legend={labels.decision}
            error={a?.errors?.decision}
            value={a?.values?.decision ?? null}
            options={[
              { value: "accept", label: t("visits.field.accept") },
              { value: "decline", label: t("visits.field.decline") },
            ]}
          />
          <TextField name="agreedOn" type="date" label={labels.agreedOn} hint={t("visits.field.agreedOnHint")} defaultValue={a?.values?.agreedOn ?? v.preferredOn} error={a?.errors?.agreedOn} />
          <TextArea name="answer" label={labels.answer} hint={t("visits.field.answerHint")} maxLength={2000} defaultValue={a?.values?.answer} error={a?.errors?.answer} />
          <button type="submit" className="button">{t("visits.answerSubmit")}</button>
        </Form>
      ) : null}
      {d.mayCancel ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="_intent" value="cancel" />
          {!d.mayAnswer ? <ErrorSummary errors={a?.errors} /> : null}
          <button type="submit" className="button secondary">{t("visits.cancel")}</button>
        </Form>
      ) : null}
    </>
  );
}
