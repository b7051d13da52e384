// /kelola/acara: the secretariat's events, and a new one.
import { data, Link, redirect } from "react-router";
import type { Route } from "./+types/events";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { appErrorFields } from "~/lib/forms";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { formatInstant, formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { TableScroll } from "~/components/table-scroll";
import { listProvinces } from "~/modules/catalogue/list-provinces.server";
import { allEvents } from "~/modules/events/queries.server";
import { createEvent } from "~/modules/events/manage-events.server";
import { readEventForm } from "~/modules/events/form.server";
import { EventForm, type EventFormValues } from "~/modules/events/ui/event-form";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "events.manage.title");

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "event.manage");
  const { db } = services(context);
  return { events: await allEvents(db), provinces: await listProvinces(db) };
});

type ActionReply = { errors?: Record<string, string>; values?: EventFormValues };

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "event.manage");
  const { db } = services(context);
  const t = translator(requestInfo(context).locale);
  const { parsed, typed } = readEventForm(await request.formData(), t);
  if (!parsed.ok) return data<ActionReply>({ errors: parsed.errors, values: typed }, { status: 400 });
  // A new event is announced ahead: one whose registration has already closed is a typing slip
  // (an earlier event is edited, not created again).
  const { receivedAt } = services(context);
  if (Date.parse(parsed.data.registrationClosesAt) <= receivedAt.getTime()) {
    return data<ActionReply>({ errors: { registrationClosesAt: t("events.errors.closesInPast") }, values: typed }, { status: 400 });
  }
  try {
    const { slug } = await createEvent(db, actor, parsed.data);
    return redirect(`/kelola/acara/${slug}?pesan=dibuat`);
  } catch (e) {
    if (e instanceof AppError && e.code === "conflict") return data<ActionReply>({ errors: appErrorFields(e, t, { fallback: "title" }), values: typed }, { status: 409 });
    throw e;
  }
});

export default function ManageEvents({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const a = actionData as ActionReply | undefined;
  return (
    <>
      <h1 id="events-title">{t("events.manage.title")}</h1>
      {d.events.length ? (
        <TableScroll labelledBy="events-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("events.field.title")}</th>
                <th scope="col">{t("events.col.when")}</th>
                <th scope="col" className="num">{t("events.col.registered")}</th>
              </tr>
            </thead>
            <tbody>
              {d.events.map((e) => (
                <tr key={e.id}>
                  <th scope="row">
                    <Link to={`/kelola/acara/${e.slug}`}>{e.title}</Link>
                    <div className="muted">
                      {t(`events.kind.${e.kind}`)}
                      {!e.publishedAt ? ` · ${t("events.draft")}` : ""}
                      {e.cancelledAt ? ` · ${t("events.cancelledTag")}` : ""}
                    </div>
                  </th>
                  {/* In the zone of the event's place, as it was entered and as the public reads it. */}
                  <td>{formatInstant(locale, e.startsAt, e.timeZone)}</td>
                  <td className="num">{formatNumber(locale, e.registered)}{e.capacity !== null ? ` / ${formatNumber(locale, e.capacity)}` : ""}{e.waiting ? <div className="muted">{t("events.waitingCount", { waiting: e.waiting })}</div> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">{t("events.none")}</p>
      )}
      <h2>{t("events.manage.new")}</h2>
      <EventForm values={a?.values ?? {}} errors={a?.errors} provinces={d.provinces} submit={t("common.save")} />
    </>
  );
}
