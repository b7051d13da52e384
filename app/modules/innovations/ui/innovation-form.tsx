// The register's form, shared by "new" and "edit". Plain HTML form fields (multipart, so files
// go with the save) that work without JavaScript; indicator rows are parallel arrays.
import { Form } from "react-router";
import type { Indicator } from "~/db/schema";
import { CheckboxGroup, CsrfField, ErrorSummary, SelectField, TextArea, TextField, fieldId } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import type { HeldFile } from "~/modules/uploads/held.server";
import { HeldFiles } from "~/modules/uploads/ui/held-files";
import { INDICATOR_REQUIRED, INNOVATION_ORIGINS, INNOVATION_STATUSES, SDGS, SECTORS } from "../vocab";
import { MAX_FILES } from "../file-limits";

export type InnovationFormValues = Partial<{
  name: string;
  acronym: string | null;
  summary: string;
  problem: string;
  targetGroup: string;
  novelty: string;
  implementation: string;
  results: string;
  indicators: Indicator[];
  benefits: string;
  resources: string;
  sustainability: string;
  sectors: string[];
  sdgs: (number | string)[];
  status: string;
  startedOn: string | null;
  unitId: number | string | null;
  regionCode: string | null;
  agencyId: number | string | null;
  origin: string;
  originInnovation: string | null;
  originNote: string | null;
  videoUrl: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  version: number;
}>;

type Props = {
  values: InnovationFormValues;
  errors?: Record<string, string>;
  units: { id: number; name: string }[];
  /** Where the innovation may be placed; the choice is shown only when there is one to make. */
  regions?: { code: string; name: string }[];
  agencies?: { id: number; name: string }[];
  maxUploadMb: number;
  /** Files kept from a refused try, sent again with the form unless unticked. */
  held?: readonly HeldFile[];
  /** The entry's stored evidence files, which an indicator row may name as its proof. */
  evidenceFiles?: readonly { id: number; filename: string }[];
  children?: React.ReactNode;
};

const EXTRA_INDICATOR_ROWS = 2;

export function InnovationForm({ values, errors = {}, units, regions = [], agencies, maxUploadMb, held, evidenceFiles = [], children }: Props) {
  const t = useT();
  const v = values;
  // Drafts may be saved half-done; these fields are needed before the entry is sent for review.
  const toSubmit = t("innovations.form.neededToSend");
  const str = (x: unknown) => (x === null || x === undefined ? "" : String(x));
  const indicators = [...(v.indicators ?? []), ...Array.from({ length: EXTRA_INDICATOR_ROWS }, (): Indicator => ({ name: "", before: "", after: "", unit: "", source: "" }))];
  const labels: Record<string, string> = {
    name: t("innovation.field.name"),
    acronym: t("innovation.field.acronym"),
    summary: t("innovation.field.summary"),
    problem: t("innovation.field.problem"),
    targetGroup: t("innovation.field.targetGroup"),
    novelty: t("innovation.field.novelty"),
    implementation: t("innovation.field.implementation"),
    results: t("innovation.field.results"),
    startedOn: t("innovation.field.startedOn"),
    status: t("innovation.field.status"),
    sectors: t("innovation.field.sectors"),
    sdgs: t("innovation.field.sdgs"),
    benefits: t("innovation.field.benefits"),
    resources: t("innovation.field.resources"),
    sustainability: t("innovation.field.sustainability"),
    origin: t("innovation.field.origin"),
    originNote: t("innovation.field.originNote"),
    contactName: t("innovation.field.contactName"),
    photos: t("innovation.field.photos"),
    evidence: t("innovation.field.evidence"),
    unitId: t("innovation.field.unit"),
    regionCode: t("innovation.field.regionCode"),
    agencyId: t("innovation.field.agency"),
    originInnovation: t("innovation.field.originInnovation"),
    videoUrl: t("innovation.field.videoUrl"),
    contactEmail: t("innovation.field.contactEmail"),
    contactPhone: t("innovation.field.contactPhone"),
    // Each indicator row is its own fieldset, named by its number.
    ...Object.fromEntries(indicators.map((_, i) => [`indicators.${i}`, t("innovation.indicator.row", { n: i + 1 })])),
  };
  return (
    <>
      <ErrorSummary errors={errors} labels={labels} />
      <Form method="post" encType="multipart/form-data" className="innovation-form" noValidate>
        <CsrfField />
        {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
        <fieldset>
          <legend className="section-legend">{t("innovation.field.name")}</legend>
          {agencies ? (
            <SelectField name="agencyId" label={t("innovation.field.agency")} required options={agencies.map((a) => ({ value: String(a.id), label: a.name }))} defaultValue={str(v.agencyId)} emptyLabel="" error={errors.agencyId} />
          ) : null}
          <TextField name="name" label={t("innovation.field.name")} required defaultValue={v.name} error={errors.name} maxLength={200} />
          <TextField name="acronym" label={t("innovation.field.acronym")} hint={t("innovation.field.acronymHint")} defaultValue={v.acronym} error={errors.acronym} maxLength={60} />
          <TextArea name="summary" label={t("innovation.field.summary")} optionalNote={toSubmit} hint={t("innovation.field.summaryHint")} defaultValue={v.summary} error={errors.summary} rows={4} />
          {units.length ? (
            <SelectField name="unitId" label={t("innovation.field.unit")} options={units.map((u) => ({ value: String(u.id), label: u.name }))} defaultValue={str(v.unitId)} emptyLabel="" error={errors.unitId} />
          ) : null}
          {regions.length > 1 ? (
            <SelectField name="regionCode" label={t("innovation.field.regionCode")} hint={t("innovation.field.regionHint")} options={regions.map((r) => ({ value: r.code, label: r.name }))} defaultValue={v.regionCode ?? ""} emptyLabel="" error={errors.regionCode} />
          ) : null}
          <SelectField name="status" label={t("innovation.field.status")} options={INNOVATION_STATUSES.map((s) => ({ value: s, label: t(`innovation.status.${s}`) }))} defaultValue={v.status ?? "inisiatif"} error={errors.status} required />
          <TextField name="startedOn" type="date" label={t("innovation.field.startedOn")} optionalNote={toSubmit} hint={t("innovation.field.startedOnHint")} defaultValue={v.startedOn} error={errors.startedOn} />
        </fieldset>
        <fieldset>
          <legend className="section-legend">{t("innovation.field.problem")}</legend>
          <TextArea name="problem" label={t("innovation.field.problem")} optionalNote={toSubmit} defaultValue={v.problem} error={errors.problem} />
          <TextArea name="targetGroup" label={t("innovation.field.targetGroup")} optionalNote={toSubmit} defaultValue={v.targetGroup} error={errors.targetGroup} rows={3} />
          <TextArea name="novelty" label={t("innovation.field.novelty")} optionalNote={toSubmit} hint={t("innovation.field.noveltyHint")} defaultValue={v.novelty} error={errors.novelty} />
          <TextArea name="implementation" label={t("innovation.field.implementation")} optionalNote={toSubmit} defaultValue={v.implementation} error={errors.implementation} />
          <TextArea name="results" label={t("innovation.field.results")} optionalNote={toSubmit} defaultValue={v.results} error={errors.results} />
        </fieldset>
        <fieldset className="indicators">
          <legend className="section-legend">{t("innovation.field.indicators")}</legend>
          <p className="hint">{t("innovation.field.indicatorsHint")}</p>
          {evidenceFiles.length ? null : <p className="hint">{t("innovation.indicator.evidenceLater")}</p>}
          {indicators.map((row, i) => {
            const err = errors[`indicators.${i}`];
            const errId = `${fieldId(`indicators.${i}`)}-error`;
            return (
              <fieldset key={i} className={err ? "indicator-row field-error" : "indicator-row"} id={fieldId(`indicators.${i}`)}>
                <legend>{t("innovation.indicator.row", { n: i + 1 })}</legend>
                {err ? <p className="error-message" id={errId}>{err}</p> : null}
                {(["name", "before", "after", "unit", "source"] as const).map((k) => {
                  // A half-filled row is refused for the cells it needs: the empty ones are marked,
                  // so a screen reader finds them.
                  const invalid = Boolean(err) && (INDICATOR_REQUIRED as readonly string[]).includes(k) && !str(row[k]).trim();
                  return (
                    <label key={k} className="indicator-cell">
                      <span>{t(`innovation.indicator.${k}`)}</span>
                      <input type="text" name={`indicator_${k}`} defaultValue={row[k]} maxLength={k === "source" ? 300 : 200} aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? errId : undefined} />
                    </label>
                  );
                })}
                {/* Every row has the select when there is a file to choose, so the parallel
                    arrays stay aligned; the choice names a file by its id. */}
                {evidenceFiles.length ? (
                  <label className="indicator-cell">
                    <span>{t("innovation.indicator.evidence")}</span>
                    <select name="indicator_evidence" defaultValue={str(row.evidenceFileId)} aria-invalid={err && row.evidenceFileId !== undefined ? true : undefined} aria-describedby={err && row.evidenceFileId !== undefined ? errId : undefined}>
                      <option value="">{t("innovation.indicator.evidenceNone")}</option>
                      {evidenceFiles.map((f) => (
                        <option key={f.id} value={String(f.id)}>{f.filename}</option>
                      ))}
                    </select>
                  </label>
                ) : null}
              </fieldset>
            );
          })}
        </fieldset>
        <fieldset>
          <legend className="section-legend">{t("innovation.field.benefits")}</legend>
          <TextArea name="benefits" label={t("innovation.field.benefits")} defaultValue={v.benefits} error={errors.benefits} />
          <TextArea name="resources" label={t("innovation.field.resources")} hint={t("innovation.field.resourcesHint")} defaultValue={v.resources} error={errors.resources} rows={3} />
          <TextArea name="sustainability" label={t("innovation.field.sustainability")} hint={t("innovation.field.sustainabilityHint")} defaultValue={v.sustainability} error={errors.sustainability} rows={3} />
          <CheckboxGroup name="sectors" label={t("innovation.field.sectors")} optionalNote={toSubmit} options={SECTORS.map((s) => ({ value: s, label: t(`sector.${s}`) }))} defaultValues={v.sectors ?? []} error={errors.sectors} />
          <CheckboxGroup name="sdgs" label={t("innovation.field.sdgs")} options={SDGS.map((n) => ({ value: String(n), label: t(`sdg.${n}`) }))} defaultValues={(v.sdgs ?? []).map(String)} error={errors.sdgs} />
        </fieldset>
        <fieldset>
          <legend className="section-legend">{t("innovation.field.origin")}</legend>
          <SelectField name="origin" label={t("innovation.field.origin")} options={INNOVATION_ORIGINS.map((o) => ({ value: o, label: t(`innovation.origin.${o}`) }))} defaultValue={v.origin ?? "original"} error={errors.origin} required />
          <TextField name="originInnovation" label={t("innovation.field.originInnovation")} hint={t("innovation.field.originInnovationHint")} defaultValue={v.originInnovation} error={errors.originInnovation} />
          <TextField name="originNote" label={t("innovation.field.originNote")} hint={t("innovation.field.originNoteHint")} defaultValue={v.originNote} error={errors.originNote} />
        </fieldset>
        <fieldset>
          <legend className="section-legend">{t("innovation.field.videoUrl")}</legend>
          <TextField name="videoUrl" type="url" label={t("innovation.field.videoUrl")} hint={t("innovation.field.videoUrlHint")} defaultValue={v.videoUrl} error={errors.videoUrl} inputMode="url" />
          <div className={errors.photos ? "field field-error" : "field"}>
            <label htmlFor={fieldId("photos")}>{t("innovation.field.photos")} <span className="optional">{t("common.optional")}</span></label>
            <p className="hint" id="photos-hint">{t("innovation.field.photosHint", { max: maxUploadMb, count: MAX_FILES.photo })}</p>
            {errors.photos ? <p className="error-message" id="photos-error">{errors.photos}</p> : null}
            <input type="file" id={fieldId("photos")} name="photos" accept="image/jpeg,image/png,image/webp" multiple aria-describedby={errors.photos ? "photos-hint photos-error" : "photos-hint"} />
            <HeldFiles files={held} field="photos" />
          </div>
          <div className={errors.evidence ? "field field-error" : "field"}>
            <label htmlFor={fieldId("evidence")}>{t("innovation.field.evidence")} <span className="optional">{t("common.optional")}</span></label>
            <p className="hint" id="evidence-hint">{t("innovation.field.evidenceHint", { max: maxUploadMb, count: MAX_FILES.evidence })}</p>
            {errors.evidence ? <p className="error-message" id="evidence-error">{errors.evidence}</p> : null}
            <input type="file" id={fieldId("evidence")} name="evidence" accept="application/pdf,image/jpeg,image/png,image/webp" multiple aria-describedby={errors.evidence ? "evidence-hint evidence-error" : "evidence-hint"} />
            <HeldFiles files={held} field="evidence" />
          </div>
        </fieldset>
        <fieldset>
          <legend className="section-legend">{t("innovation.field.contactName")}</legend>
          <TextField name="contactName" label={t("innovation.field.contactName")} defaultValue={v.contactName} error={errors.contactName} autoComplete="name" />
          <TextField name="contactEmail" type="email" label={t("innovation.field.contactEmail")} defaultValue={v.contactEmail} error={errors.contactEmail} inputMode="email" autoComplete="email" />
          <TextField name="contactPhone" type="tel" label={t("innovation.field.contactPhone")} defaultValue={v.contactPhone} error={errors.contactPhone} inputMode="tel" autoComplete="tel" />
        </fieldset>
        <div className="form-actions">
          <button type="submit" name="_intent" value="save" className="button">{t("common.save")}</button>
          {children}
        </div>
      </Form>
    </>
  );
}
