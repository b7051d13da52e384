// /kelola/acara/:slug: one event for the secretariat: announce or cancel it, edit it, see who is
// registered, record who attended, and download the list (`?unduh=csv`).
import { data, Form, Link, redirect } from "react-router";
import type { ReactNode } from "react";
import type { Route } from "./+types/event";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError, notFound } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, idOf } from "~/lib/forms";
import { isOwnKey } from "~/lib/own";
import { toCsv } from "~/lib/csv";
import { formatInstant, formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { listProvinces } from "~/modules/catalogue/list-provinces.server";
import { eventBySlug, provinceNames, registrationsOf } from "~/modules/events/queries.server";
import { cancelEvent, publishEvent, recordAttendance, removeRegistration, updateEvent } from "~/modules/events/manage-events.server";
import { eventFormValues, readEventForm } from "~/modules/events/form.server";
import { EventFacts } from "~/modules/events/ui/event-facts";
import { EventForm, type EventFormValues } from "~/modules/events/ui/event-form";

export const meta: Route.MetaFunction = ({ data: d }) => [{ title: d && "event" in d ? `${d.event.title} · Lumbung` : "Lumbung" }];

async function load(context: Route.LoaderArgs["context"], slug: string) {
  const actor = requireUser(context);
  assertCan(actor, "event.manage");
  const { db } = services(context);
  const event = await eventBySlug(db, slug);
  if (!event) throw notFound();
  return { actor, db, event };
}

// The list as a file is bytes, not a page: answered before the page's loader, for the same reader.
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, context, params }, next) => {
    if (request.method !== "GET" || new URL(request.url).searchParams.get("unduh") !== "csv") return next();
    const { locale } = requestInfo(context);
    const t = translator(locale);
    try {
      const { db, event } = await load(context, params.slug);
      const registrations = await registrationsOf(db, event.id);
      const csv = toCsv(
        [t("events.col.participant"), t("events.register.position"), t("events.col.email"), t("events.col.agency"), t("events.col.registered"), t("events.col.status"), t("events.manage.attended")],
        registrations.map((r) => [
          r.name,
          r.position,
          r.email,
          r.agency,
          formatInstant(locale, r.registeredAt, "WIB"),
          r.waiting ? t("events.status.waiting", { line: r.line ?? 0 }) : t("events.status.placed"),
          r.attended === null ? "" : r.attended ? t("common.yes") : t("common.no"),
        ]),
      );
      // Names and addresses of people: never kept by a shared cache.
      return new Response(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="peserta-${event.slug}.csv"`, "cache-control": "private, no-store" } });
    } catch (e) {
      if (e instanceof AppError) return new Response(`${t(e.reason)}\n`, { status: e.status, headers: { "content-type": "text/plain; charset=utf-8" } });
      throw e;
    }
  },
];

export const loader = page(async ({ params, context, request }: Route.LoaderArgs) => {
  const { db, event } = await load(context, params.slug);
  const url = new URL(request.url);
  const registrations = await registrationsOf(db, event.id);
  return {
    event,
    placed: registrations.filter((r) => !r.waiting),
    waiting: registrations.filter((r) => r.waiting),
    values: eventFormValues(event),
    provinces: await listProvinces(db),
    batch: await provinceNames(db, event.provinceCodes),
    message: url.searchParams.get("pesan"),
  };
});

type ActionReply = { errors?: Record<string, string>; values?: EventFormValues };

export const action = page(async ({ params, context, request }: Route.ActionArgs) => {
  const { actor, db, event } = await load(context, params.slug);
  const { receivedAt, env } = services(context);
  const opts = { now: receivedAt, baseUrl: env.publicUrl };
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const intent = String(form.get("_intent") ?? "save");
  const here = `/kelola/acara/${event.slug}`;
  if (intent === "publish") {
    await publishEvent(db, actor, event.id, receivedAt);
    return redirect(`${here}?pesan=diumumkan`);
  }
  if (intent === "cancel") {
    await cancelEvent(db, actor, event.id, opts);
    return redirect(`${here}?pesan=dibatalkan`);
  }
  if (intent === "remove") {
    await removeRegistration(db, actor, event.id, idOf(form.get("registrationId")) ?? 0, opts);
    return redirect(`${here}?pesan=dihapus#peserta`);
  }
  if (intent === "attendance") {
    const ids = form.getAll("attended").map((v) => idOf(v)).filter((v): v is number => v !== null);
    await recordAttendance(db, actor, event.id, ids);
    return redirect(`${here}?pesan=kehadiran#peserta`);
  }
  const { parsed, typed } = readEventForm(form, t);
  if (!parsed.ok) return data<ActionReply>({ errors: parsed.errors, values: typed }, { status: 400 });
  try {
    await updateEvent(db, actor, event.id, parsed.data, opts);
  } catch (e) {
    if (e instanceof AppError && e.code === "invalid" && e.fields) {
      return data<ActionReply>({ errors: appErrorFields(e, t), values: typed }, { status: 400 });
    }
    throw e;
  }
  return redirect(`${here}?pesan=disimpan`);
});

const NOTICES: Record<string, string> = {
  dibuat: "events.manage.created",
  disimpan: "events.manage.saved",
  diumumkan: "events.manage.published",
  dibatalkan: "events.manage.cancelledNotice",
  kehadiran: "events.manage.attendanceSaved",
  dihapus: "events.manage.removed",
};

export default function ManageEvent({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const a = actionData as ActionReply | undefined;
  const e = d.event;
  return (
    <>
      <p><Link to="/kelola/acara">← {t("events.manage.title")}</Link></p>
      <p className="muted">{t(`events.kind.${e.kind}`)}{e.batch ? ` · ${e.batch}` : ""}</p>
      <h1>{e.title}</h1>
      {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message])}</p> : null}
      {!e.publishedAt ? <p className="notice notice-warning">{t("events.draft")}</p> : null}
      {e.cancelledAt ? <p className="notice notice-warning">{t("events.cancelled")}</p> : null}
      <EventFacts event={e} provinces={d.batch} />
      <p><Link to={`/acara/${e.slug}`}>{t("events.manage.public")}</Link></p>
      <div className="button-row">
        {!e.publishedAt ? (
          <Form method="post" className="inline-form">
            <CsrfField />
            <input type="hidden" name="_intent" value="publish" />
            <button type="submit" className="button">{t("events.manage.publish")}</button>
          </Form>
        ) : null}
        {!e.cancelledAt ? (
          <Form method="post" className="inline-form">
            <CsrfField />
            <input type="hidden" name="_intent" value="cancel" />
            <button type="submit" className="button warning">{t("events.manage.cancel")}</button>
          </Form>
        ) : null}
      </div>

      <section aria-labelledby="peserta">
        <h2 id="peserta">{t("events.manage.registrations", { n: d.placed.length })}</h2>
        <p>{t("events.manage.counts", { registered: d.placed.length, waiting: d.waiting.length })}</p>
        {d.placed.length ? (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="_intent" value="attendance" />
            <p className="hint">{t("events.manage.attendanceHint")}</p>
            <p className="hint" id="remove-hint">{t("events.manage.removeHint")}</p>
            <TableScroll labelledBy="peserta">
              <table>
                <ParticipantHead first={<th scope="col">{t("events.manage.attended")}</th>} />
                <tbody>
                  {d.placed.map((r) => (
                    <ParticipantRow
                      key={r.id}
                      r={r}
                      hintId="remove-hint"
                      first={
                        <td>
                          <input type="checkbox" name="attended" value={r.id} defaultChecked={r.attended === true} id={`hadir-${r.id}`} aria-label={`${t("events.manage.attended")}: ${r.name}`} />
                        </td>
                      }
                    />
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <button type="submit" className="button secondary">{t("events.manage.saveAttendance")}</button>
          </Form>
        ) : (
          <p className="muted">{t("events.manage.noRegistrations")}</p>
        )}
        {d.placed.map((r) => (
          <RemoveForm key={r.id} id={r.id} />
        ))}
      </section>

      {d.waiting.length ? (
        <section aria-labelledby="daftar-tunggu">
          <h2 id="daftar-tunggu">{t("events.manage.waitingTitle", { n: d.waiting.length })}</h2>
          <p className="hint">{t("events.manage.waitingHint")}</p>
          <p className="hint" id="remove-waiting-hint">{t("events.manage.removeWaitingHint")}</p>
          <TableScroll labelledBy="daftar-tunggu">
            <table>
              <ParticipantHead first={<th scope="col" className="num">{t("events.col.line")}</th>} />
              <tbody>
                {d.waiting.map((r) => (
                  <ParticipantRow key={r.id} r={r} waiting hintId="remove-waiting-hint" first={<td className="num">{formatNumber(locale, r.line ?? 0)}</td>} />
                ))}
              </tbody>
            </table>
          </TableScroll>
          {d.waiting.map((r) => (
            <RemoveForm key={r.id} id={r.id} />
          ))}
        </section>
      ) : null}
      {d.placed.length || d.waiting.length ? <p><a href={`/kelola/acara/${e.slug}?unduh=csv`} download>{t("events.manage.download")}</a></p> : null}

      <h2>{t("events.manage.edit")}</h2>
      <EventForm values={a?.values ?? d.values} errors={a?.errors} provinces={d.provinces} submit={t("common.save")} />
    </>
  );
}

/** The participants' tables' header: a first column of their own (attended, place in line), then the same four. */
function ParticipantHead({ first }: { first: ReactNode }) {
  const t = useT();
  return (
    <thead>
      <tr>
        {first}
        <th scope="col">{t("events.col.participant")}</th>
        <th scope="col">{t("events.col.agency")}</th>
        <th scope="col">{t("events.col.registered")}</th>
        <th scope="col"><span className="visually-hidden">{t("events.manage.removeCol")}</span></th>
      </tr>
    </thead>
  );
}

type ParticipantRowData = { id: number; name: string; position: string | null; email: string; agency: string; registeredAt: string };

/** One participant, placed or waiting, with the button that sends its RemoveForm. */
function ParticipantRow({ r, first, waiting = false, hintId }: { r: ParticipantRowData; first: ReactNode; waiting?: boolean; hintId: string }) {
  const t = useT();
  const { locale, zone } = useRoot();
  return (
    <tr>
      {first}
      <th scope="row">
        {r.name}
        {waiting ? <> <span className="badge">{t("events.waiting.tag")}</span></> : null}
        <div className="muted">{r.position ? `${r.position} · ` : ""}{r.email}</div>
      </th>
      <td>{r.agency}</td>
      <td>{formatInstant(locale, r.registeredAt, zone)}</td>
      {/* Its own form (named by `form`): forms cannot nest inside the attendance one. */}
      <td><button type="submit" form={`hapus-${r.id}`} className="link-button" aria-describedby={hintId}>{t("events.manage.remove", { name: r.name })}</button></td>
    </tr>
  );
}

function RemoveForm({ id }: { id: number }) {
  return (
    <Form method="post" id={`hapus-${id}`} hidden>
      <CsrfField />
      <input type="hidden" name="_intent" value="remove" />
      <input type="hidden" name="registrationId" value={id} />
    </Form>
  );
}
