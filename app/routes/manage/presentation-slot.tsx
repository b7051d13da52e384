// One presentation slot: the agency's people see when and where they present (in their zone,
// named), and Admin Lokal or the head answers for the agency until the day before; the
// secretariat and the assigned panelists see it too.
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/presentation-slot";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan, can } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, idOf } from "~/lib/forms";
import { formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary } from "~/components/forms";
import { answerAttendance } from "~/modules/stages/answer-attendance.server";
import { slotForViewer } from "~/modules/stages/presentation-queries.server";
import { answerDeadline, isMeetingLink, mayAnswer } from "~/modules/stages/slots";
import { isOwnKey } from "~/lib/own";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.proposal.title} · Lumbung` : "Lumbung" }];

async function load(context: Route.LoaderArgs["context"], idParam: string) {
  const actor = requireUser(context);
  const id = idOf(idParam);
  if (!id) throw new AppError("not-found", "errors.notFound");
  return { actor, id, view: await slotForViewer(services(context).db, actor, id) };
}

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { actor, view } = await load(context, params.id);
  const { receivedAt } = services(context);
  const { slot } = view;
  return {
    slot: {
      id: slot.id,
      startsAt: slot.startsAt.toISOString(),
      minutes: slot.minutes,
      mode: slot.mode,
      location: slot.location,
      // Only web addresses become links (the schedule accepts no other, and an old row is not trusted).
      link: slot.mode === "online" && isMeetingLink(slot.location) ? slot.location : null,
      attendance: slot.attendance,
      confirmedAt: slot.confirmedAt?.toISOString() ?? null,
      notifiedAt: slot.notifiedAt?.toISOString() ?? null,
      deadline: answerDeadline(slot.startsAt).toISOString(),
    },
    proposal: view.proposal,
    agencyZone: view.agencyZone,
    competition: view.competition,
    stageName: view.stageName,
    stageCode: slot.stageCode,
    secretariat: can(actor, "competition.manage").ok,
    mayAnswer: view.mayAnswer,
    answerOpen: mayAnswer(slot.startsAt, receivedAt.getTime()),
    message: new URL(request.url).searchParams.get("pesan"),
  };
});

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, id, view } = await load(context, params.id);
  // Who may answer is settled before what was sent is read.
  assertCan(actor, "presentation.confirm", { agencyId: view.proposal.agencyId });
  const { db, receivedAt } = services(context);
  const t = translator(requestInfo(context).locale);
  const intent = (await request.formData()).get("_intent");
  if (intent !== "confirm" && intent !== "decline") throw new AppError("invalid", "errors.invalid");
  try {
    await answerAttendance(db, actor, id, intent === "confirm" ? "confirmed" : "declined", receivedAt);
  } catch (e) {
    if (e instanceof AppError && e.code === "deadline-passed") return data({ errors: appErrorFields(e, t) }, { status: e.status });
    throw e;
  }
  return redirect(`/kelola/presentasi/${id}?pesan=${intent === "confirm" ? "hadir" : "berhalangan"}`);
});

const NOTICES: Record<string, string> = { hadir: "stages.answer.confirmedNotice", berhalangan: "stages.answer.declinedNotice" };

export default function PresentationSlot({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const a = actionData as { errors?: Record<string, string> } | undefined;
  const s = d.slot;
  const when = (iso: string) => formatInstant(locale, iso, zone);
  return (
    <>
      <p className="muted">
        {d.secretariat ? (
          <>
            <Link to={`/kelola/kompetisi/${d.competition.slug}`}>{d.competition.name}</Link> ›{" "}
            <Link to={`/kelola/kompetisi/${d.competition.slug}/tahap/${d.stageCode}/jadwal`}>{d.stageName}</Link>
          </>
        ) : (
          <>
            {d.competition.name} › {d.stageName}
          </>
        )}
      </p>
      <h1>{t("stages.slotPage.title", { stage: d.stageName })}</h1>
      {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message])}</p> : null}
      <ErrorSummary errors={a?.errors} />
      <dl className="readonly">
        <dt>{t("stages.slotPage.proposal")}</dt>
        <dd>
          {d.proposal.receipt ? `${d.proposal.receipt} · ` : ""}
          {d.proposal.title}
        </dd>
        <dt>{t("stages.slotPage.agency")}</dt>
        <dd>{d.proposal.agency}</dd>
        <dt>{t("stages.slotPage.when")}</dt>
        <dd>
          <strong>{when(s.startsAt)}</strong> · {t("stages.slot.length", { minutes: s.minutes })}
          {/* The agency's own zone as well, when the reader's differs (the secretariat in Jakarta). */}
          {d.agencyZone !== zone ? <div className="hint">{t("stages.slotPage.agencyTime", { when: formatInstant(locale, s.startsAt, d.agencyZone) })}</div> : null}
        </dd>
        <dt>{t("stages.slot.mode")}</dt>
        <dd>{t(`stages.mode.${s.mode}`)}</dd>
        <dt>{s.mode === "online" ? t("stages.slotPage.link") : t("stages.slotPage.room")}</dt>
        <dd>{s.link ? <a href={s.link} rel="noopener noreferrer">{s.link}</a> : s.location || "—"}</dd>
        <dt>{t("stages.col.attendance")}</dt>
        <dd>
          {t(`stages.attendance.${s.attendance}`)}
          {s.confirmedAt ? <span className="muted"> · {when(s.confirmedAt)}</span> : null}
        </dd>
      </dl>
      <p className="hint">{t("stages.slotPage.headPresents")}</p>

      {d.mayAnswer ? (
        d.answerOpen ? (
          <section aria-labelledby="konfirmasi">
            <h2 id="konfirmasi">{t("stages.answer.title")}</h2>
            <p className="deadline">{t("stages.answer.until", { when: when(s.deadline) })}</p>
            <Form method="post" className="form-actions">
              <CsrfField />
              <button type="submit" name="_intent" value="confirm" className="button">{t("stages.answer.confirm")}</button>
              <button type="submit" name="_intent" value="decline" className="button secondary">{t("stages.answer.decline")}</button>
            </Form>
          </section>
        ) : (
          <p className="notice notice-warning">{t("stages.errors.answerClosed")}</p>
        )
      ) : null}
      {d.secretariat ? (
        <p className="hint">{t("stages.slotPage.answerDeadline", { when: when(s.deadline) })}</p>
      ) : null}
    </>
  );
}
