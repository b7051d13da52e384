import { Form, Link } from "react-router";
import { CsrfField, ErrorSummary, TextField } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import type { DutyYears } from "../reference-years";
import { dutyYearsText } from "./duty-years";

type Props = {
  agency: { id: number; name: string } & DutyYears;
  /** The reference data's years, for an agency it holds (see referenceYears). */
  reference: DutyYears | null;
  back: string;
  errors?: Record<string, string>;
  values?: Record<string, unknown>;
};

/** The national admin's form for one agency's first and last year of the duty. */
export function AgencyYearsForm({ agency, reference, back, errors, values }: Props) {
  const t = useT();
  // After a refusal, what was typed; otherwise the years as they are.
  const shown = (k: "activeFrom" | "activeUntil") => (errors ? String(values?.[k] ?? "") : agency[k] === null ? "" : String(agency[k]));
  const labels = { activeFrom: t("agencies.years.activeFrom"), activeUntil: t("agencies.years.activeUntil") };
  return (
    <>
      <p><Link to={back}>{t("common.back")}</Link></p>
      <h1>{t("agencies.years.editTitle", { name: agency.name })}</h1>
      <p>{t("agencies.years.intro")}</p>
      <dl className="facts">
        <dt>{t("agencies.years.title")}</dt>
        <dd>{dutyYearsText(t, agency)}</dd>
      </dl>
      {reference ? <p className="hint">{t("agencies.years.reference", { years: dutyYearsText(t, reference) })}</p> : null}
      <ErrorSummary errors={errors} labels={labels} />
      <Form key={agency.id} method="post" className="narrow">
        <CsrfField />
        <input type="hidden" name="agencyId" value={agency.id} />
        <TextField name="activeFrom" inputMode="numeric" maxLength={4} label={labels.activeFrom} hint={t("agencies.years.activeFromHint")} defaultValue={shown("activeFrom")} error={errors?.activeFrom} />
        <TextField name="activeUntil" inputMode="numeric" maxLength={4} label={labels.activeUntil} hint={t("agencies.years.activeUntilHint")} defaultValue={shown("activeUntil")} error={errors?.activeUntil} />
        <button type="submit" name="_intent" value="years" className="button">{t("agencies.years.save")}</button>
      </Form>
    </>
  );
}
