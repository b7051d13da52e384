// What a reader needs to decide on an event: its kind, when (in the reader's zone, named), where,
// for whom, and how many places are left.
import { formatInstant } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import type { EventSummary } from "../queries.server";

export function EventFacts({ event, provinces }: { event: EventSummary; provinces: readonly string[] }) {
  const t = useT();
  const { locale, zone } = useRoot();
  // First in the zone of the place, where the participants will be; also in the reader's, when
  // it differs (a Jakarta reader of a Makassar clinic).
  const here = (iso: string) => formatInstant(locale, iso, event.timeZone);
  const yours = (iso: string) => formatInstant(locale, iso, zone);
  return (
    <dl className="facts">
      <dt>{t("events.col.when")}</dt>
      <dd>
        {t("events.when", { from: here(event.startsAt), to: here(event.endsAt) })}
        {zone !== event.timeZone ? <div className="muted">{t("events.inYourZone", { from: yours(event.startsAt), to: yours(event.endsAt) })}</div> : null}
      </dd>
      <dt>{t("events.place")}</dt>
      <dd className="wrap-anywhere">{event.place}</dd>
      <dt>{t("events.field.provinces")}</dt>
      <dd>{provinces.length ? t("events.batchFor", { provinces: provinces.join(", ") }) : t("events.openToAll")}</dd>
      <dt>{t("events.col.registered")}</dt>
      <dd>
        {event.capacity !== null
          ? t("events.places", { registered: event.registered, capacity: event.capacity })
          : t("events.registeredCount", { registered: event.registered })}
        {event.waiting > 0 ? <div>{t("events.waitingCount", { waiting: event.waiting })}</div> : null}
      </dd>
    </dl>
  );
}
