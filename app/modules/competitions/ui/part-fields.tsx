// The fields of a configuration part, drawn from its field list (parts.ts): one fieldset per
// row, blank rows to add, a box to remove. Plain form controls: it all works without JavaScript.
import { CheckboxGroup, fieldId, SelectField, TextArea, TextField } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import type { CompetitionConfig } from "../config";
import type { Field, FormValues } from "../parts";

const str = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? "") : (v ?? ""));
const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

export function PartField({
  field,
  name,
  values,
  errors,
  config,
  blankRow,
}: {
  field: Field;
  name: string;
  values: FormValues;
  errors?: Record<string, string>;
  config: CompetitionConfig;
  /** A blank row for adding: nothing in it is required until something is typed. */
  blankRow?: boolean;
}) {
  const t = useT();
  const label = t(field.label);
  const hint = field.hint ? t(`${field.label}Hint`) : undefined;
  const error = errors?.[name];
  const options = (field.options?.(config) ?? []).map((o) => ({ value: o.value, label: o.translate ? t(o.label) : o.label }));
  const common = { name, label, hint, error, required: field.required && !blankRow, ...(blankRow ? { optionalNote: "" } : {}) };
  switch (field.kind) {
    case "textarea":
    case "levels":
      return <TextArea {...common} rows={field.kind === "levels" ? 4 : 3} defaultValue={str(values[name])} maxLength={4000} />;
    case "number":
      return <TextField {...common} inputMode="numeric" defaultValue={str(values[name])} maxLength={12} />;
    case "instant":
      // To the second: a close stored as 23:59:59 and one typed as 04:00 are both valid. Without
      // a step the browser counts whole minutes from the stored value's seconds and refuses any
      // round minute typed over it.
      return <TextField {...common} type="datetime-local" step={1} defaultValue={str(values[name])} />;
    case "select":
      return (
        <SelectField
          {...common}
          options={options}
          defaultValue={str(values[name])}
          emptyLabel={field.optional ? t("competitions.noChoice") : undefined}
        />
      );
    case "checkboxes":
      return <CheckboxGroup {...common} options={options} defaultValues={list(values[name])} />;
    case "checkbox":
      return (
        <div className={error ? "field field-error" : "field"}>
          {error ? <p className="error-message" id={`${fieldId(name)}-error`}>{error}</p> : null}
          <label className="checkbox" htmlFor={fieldId(name)}>
            <input type="checkbox" id={fieldId(name)} name={name} defaultChecked={str(values[name]) !== ""} aria-describedby={hint ? `${fieldId(name)}-hint` : undefined} />{" "}
            {label}
          </label>
          {hint ? <p className="hint" id={`${fieldId(name)}-hint`}>{hint}</p> : null}
        </div>
      );
    default:
      return <TextField {...common} defaultValue={str(values[name])} maxLength={field.name === "code" ? 40 : 200} />;
  }
}

/** Every row of a list part, then `blank` empty rows to add. */
export function RowFieldsets({
  fields,
  rows,
  blank,
  values,
  errors,
  config,
  prefix = "r",
  title,
}: {
  fields: readonly Field[];
  /** Form indexes of the rows to show (the values hold their fields). */
  rows: number[];
  blank: number;
  values: FormValues;
  errors?: Record<string, string>;
  config: CompetitionConfig;
  prefix?: string;
  title?: (n: number, values: FormValues) => string;
}) {
  const t = useT();
  const next = rows.length ? Math.max(...rows) + 1 : 0;
  const all = [...rows, ...Array.from({ length: blank }, (_, k) => next + k)];
  return (
    <>
      {all.map((i, n) => {
        const isNew = n >= rows.length;
        return (
          <fieldset key={i} className="row-fieldset">
            <legend>{isNew ? t("competitions.newRow") : (title?.(i, values) ?? t("competitions.row", { n: n + 1 }))}</legend>
            {fields.map((f) => (
              <PartField key={f.name} field={f} name={`${prefix}.${i}.${f.name}`} values={values} errors={errors} config={config} blankRow={isNew} />
            ))}
            {isNew ? null : (
              <label className="checkbox remove-row">
                <input type="checkbox" name={`${prefix}.${i}._remove`} defaultChecked={str(values[`${prefix}.${i}._remove`]) !== ""} /> {t("competitions.removeRow")}
              </label>
            )}
          </fieldset>
        );
      })}
    </>
  );
}

/** Form indexes present in the values (rows typed or loaded), in order. */
export function rowIndexes(values: FormValues, prefix = "r"): number[] {
  const set = new Set<number>();
  for (const k of Object.keys(values)) {
    const m = new RegExp(`^${prefix}\\.(\\d{1,4})\\.`).exec(k);
    if (m) set.add(Number(m[1]));
  }
  return [...set].sort((a, b) => a - b);
}
