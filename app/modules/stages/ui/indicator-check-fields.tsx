// The report form's part for the indicators the innovation claims: each claim as claimed (values,
// source, the evidence file it points at) and the team's answers beside it, what the records on
// site show, the finding and a note. Plain fields (indicators.<i>.<field>) that work without
// JavaScript; the claim's name goes with them so the answers are filed under the claim they were
// written against (see saveFieldReport).
import { fieldId, TextArea, TextField } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import { INDICATOR_FINDINGS, MAX_FINDING_NOTE, MAX_OBSERVED, type Claim } from "../indicator-checks";
import { ClaimEvidence, ClaimText } from "./indicator-checks";
import { RadioGroup } from "./radio-group";

export type IndicatorTyped = { name: string; observed: string; finding: string; note: string };

/** The error summary's names for the part's fields. */
export function indicatorFieldLabels(t: ReturnType<typeof useT>, claims: readonly Claim[]): Record<string, string> {
  return Object.fromEntries(
    claims.flatMap((c, i) => {
      const row = t("stages.indicators.row", { n: i + 1, name: c.name });
      return [
        [`indicators.${i}.observed`, `${row} — ${t("stages.indicators.observed")}`],
        [`indicators.${i}.finding`, `${row} — ${t("stages.indicators.finding")}`],
        [`indicators.${i}.note`, `${row} — ${t("stages.indicators.note")}`],
      ];
    }),
  );
}

export function IndicatorCheckFields({ claims, value, errors }: { claims: readonly Claim[]; value: (i: number) => IndicatorTyped; errors?: Record<string, string> }) {
  const t = useT();
  return (
    <section aria-labelledby="indikator-klaim">
      <h2 id="indikator-klaim">{t("stages.indicators.title")}</h2>
      {claims.length ? <p className="hint">{t("stages.indicators.hint")}</p> : <p className="muted">{t("stages.indicators.none")}</p>}
      {claims.map((c, i) => {
        const v = value(i);
        return (
          <fieldset key={i} className="row-fieldset" id={fieldId(`indicators.${i}`)}>
            <legend>{t("stages.indicators.row", { n: i + 1, name: c.name })}</legend>
            <input type="hidden" name={`indicators.${i}.name`} value={c.name} />
            <dl className="readonly">
              <dt>{t("stages.indicators.claimed")}</dt>
              <dd><ClaimText claim={c} /></dd>
              <dt>{t("stages.indicators.source")}</dt>
              <dd>{c.source || "—"}</dd>
              <dt>{t("stages.indicators.evidence")}</dt>
              <dd><ClaimEvidence claim={c} /></dd>
            </dl>
            <TextField name={`indicators.${i}.observed`} label={t("stages.indicators.observed")} hint={t("stages.indicators.observedHint")} maxLength={MAX_OBSERVED} defaultValue={v.observed} error={errors?.[`indicators.${i}.observed`]} />
            <RadioGroup
              name={`indicators.${i}.finding`}
              legend={t("stages.indicators.finding")}
              options={INDICATOR_FINDINGS.map((f) => ({ value: f, label: t(`stages.finding.${f}`) }))}
              value={v.finding}
              error={errors?.[`indicators.${i}.finding`]}
            />
            <TextArea name={`indicators.${i}.note`} label={t("stages.indicators.note")} hint={t("stages.indicators.noteHint")} rows={2} maxLength={MAX_FINDING_NOTE} defaultValue={v.note} error={errors?.[`indicators.${i}.note`]} />
          </fieldset>
        );
      })}
    </section>
  );
}
