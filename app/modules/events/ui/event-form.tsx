// The secretariat's event form: what, when (typed in the zone of the event's place), where, for
// which provinces, and how many places.
import { Form } from "react-router";
import { CheckboxGroup, CsrfField, ErrorSummary, SelectField, TextArea, TextField } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import { EVENT_KINDS, ZONES } from "../schemas";

export type EventFormValues = Partial<Record<"kind" | "title" | "description" | "batch" | "timeZone" | "startsAt" | "endsAt" | "registrationClosesAt" | "place" | "capacity", string>> & { provinceCodes?: string[] };

export function EventForm({ values, errors, provinces, submit }: { values: EventFormValues; errors?: Record<string, string>; provinces: readonly { code: string; name: string }[]; submit: string }) {
  const t = useT();
  const zone = values.timeZone ?? "WIB";
  const labels = {
    kind: t("events.field.kind"),
    title: t("events.field.title"),
    description: t("events.field.description"),
    batch: t("events.field.batch"),
    provinceCodes: t("events.field.provinces"),
    timeZone: t("events.field.timeZone"),
    startsAt: t("events.field.startsAt"),
    endsAt: t("events.field.endsAt"),
    registrationClosesAt: t("events.field.registrationClosesAt"),
    place: t("events.field.place"),
    capacity: t("events.field.capacity"),
  };
  return (
    <Form method="post" noValidate>
      <CsrfField />
      <input type="hidden" name="_intent" value="save" />
      <ErrorSummary errors={errors} labels={labels} />
      <SelectField name="kind" label={labels.kind} required options={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))} defaultValue={values.kind} error={errors?.kind} />
      <TextField name="title" label={labels.title} required maxLength={200} defaultValue={values.title} error={errors?.title} />
      <TextArea name="description" label={labels.description} hint={t("events.field.descriptionHint")} defaultValue={values.description} error={errors?.description} />
      <TextField name="batch" label={labels.batch} hint={t("events.field.batchHint")} maxLength={100} defaultValue={values.batch} error={errors?.batch} />
      <SelectField name="timeZone" label={labels.timeZone} required options={ZONES.map((z) => ({ value: z, label: z }))} defaultValue={zone} error={errors?.timeZone} />
      <TextField name="startsAt" type="datetime-local" label={labels.startsAt} hint={t("events.field.timesHint")} required defaultValue={values.startsAt} error={errors?.startsAt} />
      <TextField name="endsAt" type="datetime-local" label={labels.endsAt} hint={t("events.field.timesHint")} required defaultValue={values.endsAt} error={errors?.endsAt} />
      <TextField name="registrationClosesAt" type="datetime-local" label={labels.registrationClosesAt} hint={t("events.field.timesHint")} required defaultValue={values.registrationClosesAt} error={errors?.registrationClosesAt} />
      <TextField name="place" label={labels.place} required maxLength={500} defaultValue={values.place} error={errors?.place} />
      <TextField name="capacity" inputMode="numeric" label={labels.capacity} hint={t("events.field.capacityHint")} defaultValue={values.capacity} error={errors?.capacity} />
      <CheckboxGroup name="provinceCodes" label={labels.provinceCodes} hint={t("events.field.provincesHint")} options={provinces.map((p) => ({ value: p.code, label: p.name }))} defaultValues={values.provinceCodes ?? []} error={errors?.provinceCodes} />
      <button type="submit" className="button">{submit}</button>
    </Form>
  );
}
