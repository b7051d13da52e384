// /kelola/kunjungan/:id: one site-visit request. The host's people answer it (a date,
// or a reason); the asking agency may withdraw it while it waits. Once accepted, the host may move
// its date and either side may call it off before the day (with a reason); from the day on, the
// asking agency records whether it took place. The secretariat reads.
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
import { answerVisit, cancelVisit, visitById, visitStatus } from "~/modules/visits/visits.server";
import { rescheduleVisit } from "~/modules/visits/reschedule-visit.server";
import { callOffVisit } from "~/modules/visits/call-off-visit.server";
import { recordVisitOutcome } from "~/modules/visits/record-visit-outcome.server";
import { visitAnswerSchema, visitCallOffSchema, visitOutcomeSchema, visitRescheduleSchema } from "~/modules/visits/schemas";
import { latestStartDate } from "~/modules/innovations/schemas";
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
  const { receivedAt } = services(context);
  const pending = visit.state === "pending";
  const accepted = visit.state === "accepted" && visit.agreedOn !== null;
  // The agreed day splits what can be done: before it, move or call off; from it on, record.
  const beforeDay = accepted && visit.agreedOn! > latestStartDate(receivedAt);
  return {
    visit: {
      ...visit,
      createdAt: visit.createdAt.toISOString(),
      answeredAt: visit.answeredAt?.toISOString() ?? null,
      rescheduledAt: visit.rescheduledAt?.toISOString() ?? null,
      cancelledAt: visit.cancelledAt?.toISOString() ?? null,
      outcomeRecordedAt: visit.outcomeRecordedAt?.toISOString() ?? null,
    },
    status: visitStatus(visit),
    // Who called an accepted visit off: the side is the canceller's agency (as callOffVisit reads it).
    calledOffBySide: visit.cancelledAt ? (visit.cancellerAgencyId === visit.hostAgencyId ? "host" : visit.cancellerAgencyId === visit.visitorAgencyId ? "visitor" : null) : null,
    mayAnswer: pending && can(actor, "visit.answer", visit).ok,
    mayCancel: pending && can(actor, "visit.cancel", visit).ok,
    mayReschedule: beforeDay && can(actor, "visit.reschedule", visit).ok,
    mayCallOff: beforeDay && can(actor, "visit.callOff", visit).ok,
    mayRecord: accepted && !beforeDay && can(actor, "visit.recordOutcome", visit).ok,
    message: new URL(request.url).searchParams.get("pesan"),
  };
});

type Intent = "answer" | "cancel" | "reschedule" | "callOff" | "outcome";
type ActionReply = { intent: Intent; errors?: Record<string, string>; values?: Record<string, string> };

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, db, visit } = await load(context, params.id);
  const { receivedAt, env } = services(context);
  const opts = { now: receivedAt, baseUrl: env.publicUrl };
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const here = `/kelola/kunjungan/${visit.id}`;
  const values = formToObject(form);
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const typedOf = (keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, str(k)]));
  // A refusal of the use case (a wrong date, answered or called off meanwhile) is shown on the form.
  const refused = (intent: Intent, e: unknown, typed?: Record<string, string>) => {
    if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) return data<ActionReply>({ intent, errors: appErrorFields(e, t), values: typed }, { status: e.status });
    throw e;
  };
  const intent = String(form.get("_intent") ?? "");
  if (intent === "cancel") {
    assertCan(actor, "visit.cancel", visit);
    try {
      await cancelVisit(db, actor, visit.id);
    } catch (e) {
      return refused("cancel", e);
    }
    return redirect(`${here}?pesan=dibatalkan`);
  }
  if (intent === "reschedule") {
    assertCan(actor, "visit.reschedule", visit);
    const typed = typedOf(["newDate", "reason"]);
    const parsed = parseWith(visitRescheduleSchema, typed, t);
    if (!parsed.ok) return data<ActionReply>({ intent, errors: parsed.errors, values: typed }, { status: 400 });
    try {
      await rescheduleVisit(db, actor, visit.id, parsed.data, opts);
    } catch (e) {
      return refused(intent, e, typed);
    }
    return redirect(`${here}?pesan=dipindah`);
  }
  if (intent === "callOff") {
    assertCan(actor, "visit.callOff", visit);
    const typed = typedOf(["reason"]);
    const parsed = parseWith(visitCallOffSchema, typed, t);
    if (!parsed.ok) return data<ActionReply>({ intent, errors: parsed.errors, values: typed }, { status: 400 });
    try {
      await callOffVisit(db, actor, visit.id, parsed.data, opts);
    } catch (e) {
      return refused(intent, e, typed);
    }
    return redirect(`${here}?pesan=dibatalkan-kunjungan`);
  }
  if (intent === "outcome") {
    assertCan(actor, "visit.recordOutcome", visit);
    const typed = typedOf(["held", "attendees", "learned"]);
    const parsed = parseWith(visitOutcomeSchema, typed, t);
    if (!parsed.ok) return data<ActionReply>({ intent, errors: parsed.errors, values: typed }, { status: 400 });
    try {
      await recordVisitOutcome(db, actor, visit.id, parsed.data, receivedAt);
    } catch (e) {
      return refused(intent, e, typed);
    }
    return redirect(`${here}?pesan=tercatat`);
  }
  assertCan(actor, "visit.answer", visit);
  const typed = typedOf(["decision", "agreedOn", "answer"]);
  const parsed = parseWith(visitAnswerSchema, typed, t);
  if (!parsed.ok) return data<ActionReply>({ intent: "answer", errors: parsed.errors, values: typed }, { status: 400 });
  try {
    await answerVisit(db, actor, visit.id, parsed.data, opts);
  } catch (e) {
    return refused("answer", e, typed);
  }
  return redirect(`${here}?pesan=dijawab`);
});

const NOTICES: Record<string, string> = {
  terkirim: "visits.sent",
  dijawab: "visits.answered",
  dibatalkan: "visits.cancelledNotice",
  dipindah: "visits.rescheduled",
  "dibatalkan-kunjungan": "visits.calledOff",
  tercatat: "visits.outcomeSaved",
};

export default function Visit({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const instant = useInstant();
  const a = actionData as ActionReply | undefined;
  // Each form shows only its own mistakes.
  const of = (intent: Intent) => (a?.intent === intent ? a : undefined);
  const v = d.visit;
  const labels = { decision: t("visits.field.decision"), agreedOn: t("visits.field.agreedOn"), answer: t("visits.field.answer") };
  const moveLabels = { newDate: t("visits.field.newDate"), reason: t("visits.field.rescheduleReason") };
  const offLabels = { reason: t("visits.field.callOffReason") };
  const outcomeLabels = { held: t("visits.field.held"), attendees: t("visits.field.attendees"), learned: t("visits.field.learned") };
  const anyForm = d.mayAnswer || d.mayCancel || d.mayReschedule || d.mayCallOff || d.mayRecord;
  return (
    <>
      <p><Link to="/kelola/kunjungan">← {t("visits.title")}</Link></p>
      <h1>{v.innovation}</h1>
      {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message])}</p> : null}
      {/* Changed meanwhile (another tab, a colleague, the other side): the refusal says so above everything. */}
      {a?.errors?._form && !anyForm ? <p className="notice notice-warning" role="alert">{a.errors._form}</p> : null}
      <dl className="facts">
        <dt>{t("visits.col.state")}</dt>
        <dd><span className={`badge badge-visit-${d.status}`}>{t(`visits.state.${d.status}`)}</span></dd>
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
        {v.rescheduledFrom ? (<><dt>{t("visits.detail.rescheduledFrom")}</dt><dd>{formatDate(locale, v.rescheduledFrom)}</dd></>) : null}
        {v.rescheduleReason ? (<><dt>{t("visits.detail.rescheduleReason")}</dt><dd className="prose-text">{v.rescheduleReason}</dd></>) : null}
        {v.cancelledAt ? (
          <>
            <dt>{t("visits.detail.cancelledBy")}</dt>
            <dd>
              {d.calledOffBySide === "host"
                ? t("visits.detail.byHost", { name: v.cancelledBy ?? "—", agency: v.host })
                : d.calledOffBySide === "visitor"
                  ? t("visits.detail.byVisitor", { name: v.cancelledBy ?? "—", agency: v.visitor })
                  : (v.cancelledBy ?? "—")}
              , {instant(v.cancelledAt)}
            </dd>
          </>
        ) : null}
        {v.cancelReason ? (<><dt>{t("visits.detail.cancelReason")}</dt><dd className="prose-text">{v.cancelReason}</dd></>) : null}
        {v.held !== null ? (<><dt>{t("visits.detail.held")}</dt><dd>{t(v.held ? "visits.field.heldYes" : "visits.field.heldNo")}</dd></>) : null}
        {v.held && v.attendees !== null ? (<><dt>{t("visits.detail.attendees")}</dt><dd>{v.attendees}</dd></>) : null}
        {v.learned ? (<><dt>{t("visits.detail.learned")}</dt><dd className="prose-text">{v.learned}</dd></>) : null}
      </dl>
      <h2>{t("visits.field.purpose")}</h2>
      <div className="prose-text">{v.purpose}</div>
      {d.mayAnswer ? (
        <Form method="post" noValidate>
          <CsrfField />
          <h2>{t("visits.field.decision")}</h2>
          <ErrorSummary errors={of("answer")?.errors} labels={labels} />
          <RadioGroup
            name="decision"
            legend={labels.decision}
            error={of("answer")?.errors?.decision}
            value={of("answer")?.values?.decision ?? null}
            options={[
              { value: "accept", label: t("visits.field.accept") },
              { value: "decline", label: t("visits.field.decline") },
            ]}
          />
          <TextField name="agreedOn" type="date" label={labels.agreedOn} optionalNote={t("visits.field.ifAccepted")} hint={t("visits.field.agreedOnHint")} defaultValue={of("answer")?.values?.agreedOn ?? v.preferredOn} error={of("answer")?.errors?.agreedOn} />
          <TextArea name="answer" label={labels.answer} optionalNote={t("visits.field.ifDeclined")} hint={t("visits.field.answerHint")} maxLength={2000} defaultValue={of("answer")?.values?.answer} error={of("answer")?.errors?.answer} />
          <button type="submit" className="button">{t("visits.answerSubmit")}</button>
        </Form>
      ) : null}
      {d.mayCancel ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="_intent" value="cancel" />
          {!d.mayAnswer ? <ErrorSummary errors={of("cancel")?.errors} /> : null}
          <button type="submit" className="button secondary">{t("visits.cancel")}</button>
        </Form>
      ) : null}
      {d.mayReschedule ? (
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="_intent" value="reschedule" />
          <h2>{t("visits.reschedule.title")}</h2>
          <p className="hint">{t("visits.reschedule.intro")}</p>
          <ErrorSummary errors={of("reschedule")?.errors} labels={moveLabels} />
          <TextField name="newDate" type="date" label={moveLabels.newDate} required defaultValue={of("reschedule")?.values?.newDate} error={of("reschedule")?.errors?.newDate} />
          <TextArea name="reason" label={moveLabels.reason} required hint={t("visits.field.reasonHint")} maxLength={2000} defaultValue={of("reschedule")?.values?.reason} error={of("reschedule")?.errors?.reason} />
          <button type="submit" className="button">{t("visits.reschedule.submit")}</button>
        </Form>
      ) : null}
      {d.mayCallOff ? (
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="_intent" value="callOff" />
          <h2>{t("visits.callOff.title")}</h2>
          <p className="hint">{t("visits.callOff.intro")}</p>
          {/* Its reason has the same name as the move's, on the same page: an id of its own. */}
          <ErrorSummary errors={of("callOff")?.errors} labels={offLabels} idPrefix="callOff" />
          <TextArea name="reason" idPrefix="callOff" label={offLabels.reason} required hint={t("visits.field.reasonHint")} maxLength={2000} defaultValue={of("callOff")?.values?.reason} error={of("callOff")?.errors?.reason} />
          <button type="submit" className="button warning">{t("visits.callOff.submit")}</button>
        </Form>
      ) : null}
      {d.mayRecord ? (
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="_intent" value="outcome" />
          <h2>{t("visits.outcome.title")}</h2>
          <p className="hint">{t("visits.outcome.intro")}</p>
          <ErrorSummary errors={of("outcome")?.errors} labels={outcomeLabels} />
          <RadioGroup
            name="held"
            legend={outcomeLabels.held}
            error={of("outcome")?.errors?.held}
            value={of("outcome")?.values?.held ?? (v.held === null ? null : v.held ? "yes" : "no")}
            options={[
              { value: "yes", label: t("visits.field.heldYes") },
              { value: "no", label: t("visits.field.heldNo") },
            ]}
          />
          <TextField name="attendees" inputMode="numeric" label={outcomeLabels.attendees} optionalNote={t("visits.field.ifHeld")} hint={t("visits.field.participantsHint")} defaultValue={of("outcome")?.values?.attendees ?? (v.attendees !== null ? String(v.attendees) : "")} error={of("outcome")?.errors?.attendees} />
          <TextArea name="learned" label={outcomeLabels.learned} optionalNote={t("visits.field.ifHeld")} hint={t("visits.field.learnedHint")} maxLength={2000} defaultValue={of("outcome")?.values?.learned ?? v.learned ?? ""} error={of("outcome")?.errors?.learned} />
          <button type="submit" className="button">{t("visits.outcome.submit")}</button>
        </Form>
      ) : null}
    </>
  );
}
