// A presentation stage's schedule (the secretariat's): consecutive slots generated for every
// entrant, each slot editable, the agencies mailed their slot in their own zone, and their
// answers (attendance) at a glance.
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/presentation-schedule";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, parseWith } from "~/lib/forms";
import { formatInstant, toZonedInput, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, fieldId, TextArea, TextField } from "~/components/forms";
import { generateSlotsSchema, slotSchema } from "~/modules/stages/schemas";
import { MAX_HOLIDAY_CHARS, MAX_HOLIDAYS } from "~/modules/stages/holidays";
import { DEFAULT_SLOT_MINUTES, MAX_BREAK_MINUTES, MAX_SLOT_MINUTES, MIN_SLOT_MINUTES, PRESENTATION_MODES } from "~/modules/stages/slots";
import { presentationSchedule } from "~/modules/stages/presentation-queries.server";
import { generatePresentationSlots } from "~/modules/stages/schedule-presentations.server";
import { updatePresentationSlot } from "~/modules/stages/update-presentation-slot.server";
import { notifyPresentations } from "~/modules/stages/notify-presentations.server";
import { stageOfKind } from "~/modules/stages/stage-of-kind";
import { RadioGroup } from "~/modules/stages/ui/radio-group";
import { secretariatEdition } from "~/modules/competitions/edition.server";
import { isOwnKey } from "~/lib/own";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.stage.name} · ${data.name} · Lumbung` : "Lumbung" }];

async function load(context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const { actor, row } = await secretariatEdition(context, params.slug);
  // Only a presentation stage has a schedule: any other stage code is 404.
  const stage = stageOfKind(row.config, params.stage, "presentation");
  return { actor, row, stage };
}

const base = (slug: string, stage: string) => `/kelola/kompetisi/${slug}/tahap/${stage}/jadwal`;

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { row, stage } = await load(context, params);
  const { zone } = requestInfo(context);
  const sp = new URL(request.url).searchParams;
  const schedule = await presentationSchedule(services(context).db, { id: row.id, config: row.config }, stage.code);
  const editId = idOf(sp.get("ubah"));
  const editing = editId ? schedule.rows.find((r) => r.slot?.id === editId) : undefined;
  const slots = schedule.rows.flatMap((r) => (r.slot ? [r.slot] : []));
  return {
    slug: row.slug,
    name: row.name,
    stage: { code: stage.code, name: stage.name, opensAt: stage.opensAt, closesAt: stage.closesAt },
    zone,
    rows: schedule.rows.map((r) => ({
      proposalId: r.proposalId,
      title: r.title,
      receipt: r.receipt,
      agency: r.agency,
      zone: r.zone,
      slot: r.slot
        ? { id: r.slot.id, startsAt: r.slot.startsAt.toISOString(), minutes: r.slot.minutes, mode: r.slot.mode, location: r.slot.location, notifiedAt: r.slot.notifiedAt?.toISOString() ?? null, attendance: r.slot.attendance }
        : null,
    })),
    totals: {
      entrants: schedule.rows.length,
      scheduled: slots.length,
      toNotify: slots.filter((s) => !s.notifiedAt).length,
      confirmed: slots.filter((s) => s.attendance === "confirmed").length,
      declined: slots.filter((s) => s.attendance === "declined").length,
    },
    editing: editing?.slot
      ? { id: editing.slot.id, title: editing.title, agency: editing.agency, startsAt: toZonedInput(editing.slot.startsAt.toISOString(), zone).slice(0, 16), minutes: editing.slot.minutes, mode: editing.slot.mode, location: editing.slot.location }
      : null,
    // A first day's default: the stage's opening day at 08.00 in the editor's zone.
    defaultStart: `${toZonedInput(stage.opensAt, zone).slice(0, 10)}T08:00`,
    message: sp.get("pesan"),
    count: Number(sp.get("n")) || 0,
  };
});

type ActionReply = {
  form?: "generate" | "update";
  errors?: Record<string, string>;
  values?: Record<string, string>;
  notified?: { slots: number; mails: number; withoutRecipients: string[] };
};

const shown = (values: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, typeof values[k] === "string" ? (values[k] as string) : ""]));

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row, stage } = await load(context, params);
  const { db, env, receivedAt } = services(context);
  const { locale, zone } = requestInfo(context);
  const t = translator(locale);
  const form = await request.formData();
  const intent = form.get("_intent");
  const values = formToObject(form);
  const competition = { id: row.id, name: row.name, config: row.config };

  if (intent === "generate") {
    const typed = shown(values, ["start", "slotMinutes", "breakMinutes", "dayEnd", "workDaysOnly", "holidays", "slotMode", "pattern", "replace"]);
    const parsed = parseWith(generateSlotsSchema(zone), values, t);
    if (!parsed.ok) return data<ActionReply>({ form: "generate", errors: parsed.errors, values: typed }, { status: 400 });
    try {
      const done = await generatePresentationSlots(db, actor, competition, stage.code, parsed.data, zone);
      return redirect(`${base(row.slug, stage.code)}?pesan=dibuat&n=${done.created}`);
    } catch (e) {
      if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) return data<ActionReply>({ form: "generate", errors: appErrorFields(e, t, { fallback: e.code === "conflict" ? "_form" : "start" }), values: typed }, { status: e.status });
      throw e;
    }
  }

  if (intent === "update") {
    const slotId = idOf(values.slot);
    if (!slotId) throw new AppError("invalid", "errors.invalid");
    const typed = shown(values, ["startsAt", "minutes", "mode", "location"]);
    const parsed = parseWith(slotSchema(zone), values, t);
    if (!parsed.ok) return data<ActionReply>({ form: "update", errors: parsed.errors, values: typed }, { status: 400 });
    try {
      const r = await updatePresentationSlot(db, actor, competition, stage.code, slotId, parsed.data);
      return redirect(`${base(row.slug, stage.code)}?pesan=${r.changed ? "diubah" : "tetap"}#slot-${slotId}`);
    } catch (e) {
      if (e instanceof AppError && e.code === "invalid") return data<ActionReply>({ form: "update", errors: appErrorFields(e, t, { fallback: "startsAt" }), values: typed }, { status: e.status });
      throw e;
    }
  }

  if (intent === "notify") {
    const r = await notifyPresentations(db, actor, competition, stage.code, env.publicUrl, receivedAt);
    return data<ActionReply>({ notified: { slots: r.notified, mails: r.mails, withoutRecipients: r.withoutRecipients } });
  }

  throw new AppError("invalid", "errors.invalid");
});

const NOTICES: Record<string, string> = {
  dibuat: "stages.schedule.created",
  diubah: "stages.schedule.updated",
  tetap: "stages.schedule.unchanged",
};

export default function PresentationSchedule({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const a = actionData as ActionReply | undefined;
  const when = (iso: string, zone: typeof d.zone) => formatInstant(locale, iso, zone);
  const genErrors = a?.form === "generate" ? a.errors : undefined;
  const editErrors = a?.form === "update" ? a.errors : undefined;
  const gv = (k: string, fallback: string) => (a?.form === "generate" ? (a.values?.[k] ?? fallback) : fallback);
  const ev = (k: string, fallback: string) => (a?.form === "update" ? (a.values?.[k] ?? fallback) : fallback);
  const labels: Record<string, string> = {
    start: t("stages.generate.start", { zone: d.zone }),
    slotMinutes: t("stages.slot.minutes"),
    breakMinutes: t("stages.generate.break"),
    dayEnd: t("stages.generate.dayEnd", { zone: d.zone }),
    workDaysOnly: t("stages.generate.workDaysOnly"),
    holidays: t("stages.generate.holidays"),
    slotMode: t("stages.slot.mode"),
    pattern: t("stages.generate.pattern"),
    minutes: t("stages.slot.minutes"),
    mode: t("stages.slot.mode"),
    location: t("stages.slot.location"),
    startsAt: t("stages.slot.startsAt", { zone: d.zone }),
  };
  const modeOptions = PRESENTATION_MODES.map((m) => ({ value: m, label: t(`stages.mode.${m}`) }));
  return (
    <>
      <p className="muted">
        <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link>
      </p>
      <h1>{t("stages.schedule.title", { stage: d.stage.name })}</h1>
      <p className="deadline">{t("stages.schedule.window", { opens: when(d.stage.opensAt, d.zone), closes: when(d.stage.closesAt, d.zone) })}</p>
      <p>{t("stages.schedule.totals", { entrants: d.totals.entrants, scheduled: d.totals.scheduled, toNotify: d.totals.toNotify, confirmed: d.totals.confirmed, declined: d.totals.declined })}</p>
      {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message], { n: d.count })}</p> : null}
      {a?.notified ? (
        <div className={a.notified.withoutRecipients.length ? "notice notice-warning" : "notice"} role="status">
          <p>{t("stages.notify.done", { slots: a.notified.slots, mails: a.notified.mails })}</p>
          {a.notified.withoutRecipients.length ? <p>{t("stages.notify.without", { agencies: a.notified.withoutRecipients.join(", ") })}</p> : null}
        </div>
      ) : null}
      <ErrorSummary errors={a?.errors} labels={labels} />

      {d.editing ? (
        <section aria-labelledby="ubah-slot" id="ubah">
          <h2 id="ubah-slot">{t("stages.slot.editTitle", { title: d.editing.title })}</h2>
          <p className="hint">{t("stages.slot.editHint", { agency: d.editing.agency })}</p>
          <Form method="post" className="narrow">
            <CsrfField />
            <input type="hidden" name="_intent" value="update" />
            <input type="hidden" name="slot" value={d.editing.id} />
            <TextField name="startsAt" type="datetime-local" label={labels.startsAt} required defaultValue={ev("startsAt", d.editing.startsAt)} error={editErrors?.startsAt} />
            <TextField name="minutes" type="number" inputMode="numeric" label={labels.minutes} hint={t("stages.slot.minutesHint", { min: MIN_SLOT_MINUTES, max: MAX_SLOT_MINUTES })} required defaultValue={ev("minutes", String(d.editing.minutes))} error={editErrors?.minutes} />
            <RadioGroup name="mode" legend={labels.mode} options={modeOptions} value={ev("mode", d.editing.mode)} required error={editErrors?.mode} />
            <TextField name="location" label={labels.location} hint={t("stages.slot.locationHint")} required maxLength={500} defaultValue={ev("location", d.editing.location)} error={editErrors?.location} />
            <div className="form-actions">
              <button type="submit" className="button">{t("stages.slot.save")}</button> <Link to={base(d.slug, d.stage.code)}>{t("stages.slot.cancel")}</Link>
            </div>
          </Form>
        </section>
      ) : null}

      <h2>{t("stages.schedule.slots")}</h2>
      {d.rows.length ? (
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t("stages.schedule.caption", { zone: d.zone })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("stages.col.time", { zone: d.zone })}</th>
                <th scope="col">{t("stages.col.agencyTime")}</th>
                <th scope="col">{t("stages.col.proposal")}</th>
                <th scope="col">{t("stages.col.agency")}</th>
                <th scope="col">{t("stages.col.place")}</th>
                <th scope="col">{t("stages.col.notified")}</th>
                <th scope="col">{t("stages.col.attendance")}</th>
                <th scope="col">{t("stages.col.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => (
                <tr key={r.proposalId} id={r.slot ? `slot-${r.slot.id}` : undefined}>
                  <td>{r.slot ? <>{when(r.slot.startsAt, d.zone)} <span className="muted">({t("stages.slot.length", { minutes: r.slot.minutes })})</span></> : <strong>{t("stages.schedule.unscheduled")}</strong>}</td>
                  <td>{r.slot && r.zone !== d.zone ? when(r.slot.startsAt, r.zone) : r.slot ? <span className="muted">{t("stages.col.sameZone", { zone: r.zone })}</span> : "—"}</td>
                  <th scope="row">
                    {r.receipt ? <span className="muted">{r.receipt} · </span> : null}
                    {r.title}
                  </th>
                  <td>{r.agency}</td>
                  <td>
                    {r.slot ? (
                      <>
                        {t(`stages.mode.${r.slot.mode}`)}: {r.slot.mode === "online" ? <span className="prose-text">{r.slot.location}</span> : r.slot.location}
                      </>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td>{r.slot ? (r.slot.notifiedAt ? when(r.slot.notifiedAt, d.zone) : <strong>{t("stages.notify.not")}</strong>) : "—"}</td>
                  <td>{r.slot ? <span className={`badge badge-${r.slot.attendance}`}>{t(`stages.attendance.${r.slot.attendance}`)}</span> : "—"}</td>
                  <td>
                    {r.slot ? (
                      <>
                        <Link to={`?ubah=${r.slot.id}#ubah`}>{t("stages.slot.edit")}<span className="visually-hidden"> {r.title}</span></Link> ·{" "}
                        <Link to={`/kelola/presentasi/${r.slot.id}`}>{t("stages.slot.open")}<span className="visually-hidden"> {r.title}</span></Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("stages.schedule.noEntrants")}</p>
      )}

      <h2>{t("stages.notify.title")}</h2>
      <p className="hint">{t("stages.notify.hint")}</p>
      <Form method="post" action={base(d.slug, d.stage.code)}>
        <CsrfField />
        <button type="submit" name="_intent" value="notify" className="button" disabled={!d.totals.toNotify}>
          {t("stages.notify.button", { n: d.totals.toNotify })}
        </button>
      </Form>

      <h2>{t("stages.generate.title")}</h2>
      <p className="hint">{t("stages.generate.hint", { minutes: DEFAULT_SLOT_MINUTES })}</p>
      <Form method="post" action={base(d.slug, d.stage.code)} className="narrow">
        <CsrfField />
        <input type="hidden" name="_intent" value="generate" />
        <TextField name="start" type="datetime-local" label={labels.start} hint={t("stages.generate.startHint", { zone: d.zone })} required defaultValue={gv("start", d.defaultStart)} error={genErrors?.start} />
        <TextField name="slotMinutes" type="number" inputMode="numeric" label={labels.slotMinutes} hint={t("stages.slot.minutesHint", { min: MIN_SLOT_MINUTES, max: MAX_SLOT_MINUTES })} required defaultValue={gv("slotMinutes", String(DEFAULT_SLOT_MINUTES))} error={genErrors?.slotMinutes} />
        <TextField name="breakMinutes" type="number" inputMode="numeric" label={labels.breakMinutes} hint={t("stages.generate.breakHint", { max: MAX_BREAK_MINUTES })} defaultValue={gv("breakMinutes", "0")} error={genErrors?.breakMinutes} />
        <TextField name="dayEnd" type="time" label={labels.dayEnd} hint={t("stages.generate.dayEndHint")} defaultValue={gv("dayEnd", "")} error={genErrors?.dayEnd} />
        <div className="field">
          <label className="checkbox">
            {/* Ticked on a first visit; after a refusal, as it was sent (an unticked box sends nothing). */}
            <input type="checkbox" id={fieldId("workDaysOnly")} name="workDaysOnly" value="1" defaultChecked={gv("workDaysOnly", "1") === "1"} /> {labels.workDaysOnly}
          </label>
        </div>
        <TextArea name="holidays" label={labels.holidays} hint={t("stages.generate.holidaysHint", { max: MAX_HOLIDAYS, zone: d.zone })} rows={4} maxLength={MAX_HOLIDAY_CHARS} defaultValue={gv("holidays", "")} error={genErrors?.holidays} />
        <RadioGroup name="slotMode" legend={labels.slotMode} options={modeOptions} value={gv("slotMode", "online")} required error={genErrors?.slotMode} />
        <TextField name="pattern" label={labels.pattern} hint={t("stages.generate.patternHint")} required maxLength={500} defaultValue={gv("pattern", "")} error={genErrors?.pattern} />
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" name="replace" value="1" defaultChecked={gv("replace", "") === "1"} /> {t("stages.generate.replace")}
          </label>
        </div>
        <button type="submit" className="button">{t("stages.generate.button")}</button>
      </Form>
    </>
  );
}
