// The secretariat's event form and an agency's registration form.
import { z } from "zod";
import { blankToUndefined, toArray } from "~/lib/forms";
import { fromZonedInput, type ZoneName } from "~/i18n";

export const EVENT_KINDS = ["coaching_clinic", "replication_forum", "workshop"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const ZONES = ["WIB", "WITA", "WIT"] as const;

const text = (min: number, max: number) =>
  z.preprocess(blankToUndefined, z.string({ error: "field.required" }).min(min, { error: min > 1 ? "field.tooShort" : "field.required" }).max(max, { error: "field.tooLong" }));
const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().max(max, { error: "field.tooLong" }).optional());

/** A datetime-local value typed in the event's own zone, as an ISO instant. */
const instantIn = (zone: ZoneName) =>
  z.preprocess(blankToUndefined, z.string({ error: "field.required" })).transform((v, ctx) => {
    const iso = fromZonedInput(v, zone);
    const year = iso ? Number(iso.slice(0, 4)) : 0;
    if (!iso || year < 2013 || year > 2100) {
      ctx.addIssue({ code: "custom", message: "events.errors.instant" });
      return z.NEVER;
    }
    return iso;
  });

/** The event form. Its times are typed in the zone of the event's place, which the form names. */
export const eventSchema = (zone: ZoneName) =>
  z
    .object({
      kind: z.preprocess(blankToUndefined, z.enum(EVENT_KINDS, { error: "field.choice" })),
      title: text(5, 200),
      description: optionalText(5000),
      batch: optionalText(100),
      provinceCodes: z.preprocess(toArray, z.array(z.string().regex(/^\d{2}$/, { error: "field.choice" })).max(38)),
      timeZone: z.enum(ZONES, { error: "field.choice" }),
      startsAt: instantIn(zone),
      endsAt: instantIn(zone),
      registrationClosesAt: instantIn(zone),
      place: text(3, 500),
      capacity: z.preprocess(
        (v) => (typeof v === "string" && /^\s*\d{1,6}\s*$/.test(v) ? Number(v) : blankToUndefined(v)),
        z.number({ error: "field.number" }).int({ error: "field.number" }).min(1, { error: "field.numberMin" }).max(100_000, { error: "field.numberMax" }).optional(),
      ),
    })
    // Checked even when another field is wrong, so that every mistake is named at once; only
    // times that were read are compared.
    .superRefine(
      (v, ctx) => {
        const read = (x: unknown) => (typeof x === "string" ? x : null);
        const [starts, ends, closes] = [read(v.startsAt), read(v.endsAt), read(v.registrationClosesAt)];
        if (starts && ends && Date.parse(ends) <= Date.parse(starts)) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "events.errors.endsBeforeStart" });
        if (starts && closes && Date.parse(closes) > Date.parse(starts)) ctx.addIssue({ code: "custom", path: ["registrationClosesAt"], message: "events.errors.closesAfterStart" });
      },
      { when: () => true },
    );
export type EventInput = z.output<ReturnType<typeof eventSchema>>;

export const registrationSchema = z.object({
  name: text(3, 200),
  position: optionalText(200),
  email: z.preprocess(blankToUndefined, z.email({ error: "field.email" }).max(200)),
});
export type RegistrationInput = z.output<typeof registrationSchema>;
