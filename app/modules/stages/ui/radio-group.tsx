// A set of radio buttons as one field: a fieldset and legend, the error tied to it, and the
// id the error summary links to on the fieldset itself.
import { fieldId } from "~/components/forms";

export function RadioGroup({
  name,
  legend,
  hint,
  error,
  options,
  value,
  required,
  idPrefix,
}: {
  name: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  value?: string | null;
  required?: boolean;
  /** When the same field appears in several forms on one page. */
  idPrefix?: string;
}) {
  const id = fieldId(idPrefix ? `${idPrefix}.${name}` : name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className={error ? "field field-error checkbox-group" : "field checkbox-group"} id={id} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="error-message" id={`${id}-error`}>{error}</p> : null}
      <div className="checkbox-items">
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="radio" name={name} value={o.value} required={required} defaultChecked={value === o.value} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
