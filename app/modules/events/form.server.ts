// Reading the event form: the zone first (its times are typed in it), then the rest.
import { parseWith } from "~/lib/forms";
import { formToObject } from "~/lib/forms";
import { toZonedInput, type Translate, type ZoneName } from "~/i18n";
import { eventSchema, ZONES } from "./schemas";
import type { EventDetail } from "./queries.server";
import type { EventFormValues } from "./ui/event-form";

export function readEventForm(form: FormData, t: Translate) {
  const values = formToObject(form);
  const zoneValue = values.timeZone;
  const zone: ZoneName = (ZONES as readonly unknown[]).includes(zoneValue) ? (zoneValue as ZoneName) : "WIB";
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : undefined);
  const typed: EventFormValues = {
    kind: str("kind"),
    title: str("title"),
    description: str("description"),
    batch: str("batch"),
    timeZone: str("timeZone"),
    startsAt: str("startsAt"),
    endsAt: str("endsAt"),
    registrationClosesAt: str("registrationClosesAt"),
    place: str("place"),
    capacity: str("capacity"),
    provinceCodes: Array.isArray(values.provinceCodes) ? (values.provinceCodes as string[]) : typeof values.provinceCodes === "string" ? [values.provinceCodes] : [],
  };
  return { parsed: parseWith(eventSchema(zone), { ...values, provinceCodes: typed.provinceCodes }, t), typed };
}

/** A stored event as the form shows it, its times in the event's own zone. */
export function eventFormValues(e: EventDetail): EventFormValues {
  const local = (iso: string) => toZonedInput(iso, e.timeZone).slice(0, 16);
  return {
    kind: e.kind,
    title: e.title,
    description: e.description,
    batch: e.batch ?? "",
    timeZone: e.timeZone,
    startsAt: local(e.startsAt),
    endsAt: local(e.endsAt),
    registrationClosesAt: local(e.registrationClosesAt),
    place: e.place,
    capacity: e.capacity === null ? "" : String(e.capacity),
    provinceCodes: e.provinceCodes,
  };
}
