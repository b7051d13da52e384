// /acara: the programme's events (coaching clinics, replication forums, workshops), upcoming
// first, then the past ones.
import { Link } from "react-router";
import type { Route } from "./+types/events";
import { services } from "~/lib/context.server";
import { page } from "~/lib/respond.server";
import { formatInstant } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { publicEvents, type EventSummary } from "~/modules/events/queries.server";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "events.title");

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const { db, receivedAt } = services(context);
  // The instant "registration is open" is judged at: the server's, so both renders agree.
  return { ...(await publicEvents(db, receivedAt)), now: receivedAt.toISOString() };
});

function EventList({ events, now }: { events: EventSummary[]; now: Date }) {
  const t = useT();
  const { locale } = useRoot();
  // Where registration stands. The deadline is in the zone of the event's place, as its start is
  // (the secretariat sets both there). A full event still takes registrations onto its waiting
  // list until the deadline, so the deadline is shown beside "full", not hidden by it.
  const registrationLine = (e: EventSummary) => {
    // Anyone already waiting goes first: the event reads as full while its line is not empty.
    const full = e.waiting > 0 || (e.capacity !== null && e.registered >= e.capacity);
    const open = new Date(e.registrationClosesAt) > now;
    const deadline = open ? t("events.closes", { when: formatInstant(locale, e.registrationClosesAt, e.timeZone) }) : t("events.closed");
    if (!full) return deadline;
    return open ? `${t("events.fullTag")} · ${deadline}` : `${t("events.full")} ${deadline}`;
  };
  return (
    <ul className="event-list">
      {events.map((e) => (
        <li key={e.id}>
          <p className="muted">
            {t(`events.kind.${e.kind}`)}
            {e.batch ? ` · ${e.batch}` : ""}
            {e.cancelledAt ? <> · <strong>{t("events.cancelled")}</strong></> : null}
          </p>
          <h3><Link to={`/acara/${e.slug}`}>{e.title}</Link></h3>
          <p>
            {formatInstant(locale, e.startsAt, e.timeZone)} · <span className="wrap-anywhere">{e.place}</span>
          </p>
          {e.cancelledAt ? null : <p className="muted">{registrationLine(e)}</p>}
        </li>
      ))}
    </ul>
  );
}

export default function Events({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <h1>{t("events.title")}</h1>
      <p className="lead">{t("events.intro")}</p>
      <h2>{t("events.upcoming")}</h2>
      {d.upcoming.length ? <EventList events={d.upcoming} now={new Date(d.now)} /> : <p className="muted">{t("events.none")}</p>}
      {d.past.length ? (
        <>
          <h2>{t("events.past")}</h2>
          <EventList events={d.past} now={new Date(d.now)} />
        </>
      ) : null}
    </>
  );
}
