// GOV.UK-style form parts: an error summary on top linking to each field, inline errors tied
// with aria-describedby, labels and hints. Everything works without JavaScript.
import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from "react";
import { useRoot, useT } from "~/lib/use-i18n";

export function CsrfField() {
  return <input type="hidden" name="_csrf" value={useRoot().csrfToken} />;
}

/**
 * `idPrefix` is the one given to the form's fields when the same field appears in several forms
 * on one page, so that each link reaches its own form's field.
 */
export function ErrorSummary({ errors, labels, idPrefix }: { errors?: Record<string, string>; labels?: Record<string, string>; idPrefix?: string }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  // Two summaries may show at once (a page of several forms): each titles itself by its own id.
  const titleId = useId();
  const entries = Object.entries(errors ?? {});
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [errors]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={titleId}>
      <h2 id={titleId}>{t("errors.summaryTitle")}</h2>
      <ul>
        {entries.map(([field, message]) => {
          // An error in one value of a list of choices ("sdgs.1": the second SDG ticked)
          // belongs to the list's field, which the form names; an item the form names and
          // marks itself (an indicator row, a criterion's code) keeps its own link.
          const root = field.split(".")[0];
          const ofList = /\.\d+$/.test(field) && labels?.[field] === undefined && labels?.[root] !== undefined;
          const target = ofList ? root : field;
          const label = labels?.[target];
          return (
            <li key={field}>
              {field === "_form" ? (
                message
              ) : (
                <a href={`#${fieldId(prefixed(target, idPrefix))}`} onClick={(e) => goToField(e, prefixed(target, idPrefix))}>
                  {label ? `${label}: ` : ""}
                  {message}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

// With JavaScript, a link of the summary moves the focus itself: followed as a link, the
// router would take the new #hash as a navigation and forget the refused form's answer (the
// summary, the kept files). Without JavaScript the link works as it is.
function goToField(e: MouseEvent<HTMLAnchorElement>, field: string) {
  const target = document.getElementById(fieldId(field));
  if (!target) return;
  e.preventDefault();
  const control = target.matches("input, select, textarea") ? target : (target.querySelector<HTMLElement>("input, select, textarea") ?? target);
  control.focus();
  target.scrollIntoView({ block: "center" });
}

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
// A field's name within its form's prefix, as RadioGroup writes it ("rename.name" → f-rename-name).
const prefixed = (name: string, idPrefix?: string) => (idPrefix ? `${idPrefix}.${name}` : name);

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  required?: boolean;
  /** What to say beside the label of a field that is not required, instead of "(optional)". */
  optionalNote?: string;
  /** When the same field appears in several forms on one page: gives this form's its own id. */
  idPrefix?: string;
  children?: ReactNode;
};

function FieldShell({ name, label, hint, error, children, required, optionalNote, idPrefix }: FieldProps & { children: ReactNode }) {
  const t = useT();
  const id = fieldId(prefixed(name, idPrefix));
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>
        {label} {required ? null : <span className="optional">{optionalNote ?? t("common.optional")}</span>}
      </label>
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="error-message" id={`${id}-error`}>{error}</p> : null}
      {children}
    </div>
  );
}

const describedBy = (id: string, hint?: string, error?: string) =>
  [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function TextField(
  props: FieldProps & { type?: string; defaultValue?: string | number | null; autoComplete?: string; maxLength?: number; inputMode?: "numeric" | "email" | "url" | "tel" | "text"; step?: number },
) {
  const { name, hint, error, type = "text", defaultValue, autoComplete, required, maxLength, inputMode, step, idPrefix } = props;
  const id = fieldId(prefixed(name, idPrefix));
  return (
    <FieldShell {...props}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue ?? ""}
        autoComplete={autoComplete}
        required={required}
        maxLength={maxLength}
        inputMode={inputMode}
        step={step}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldShell>
  );
}

export function TextArea(props: FieldProps & { defaultValue?: string | null; rows?: number; maxLength?: number }) {
  const { name, hint, error, defaultValue, rows = 5, required, maxLength, idPrefix } = props;
  const id = fieldId(prefixed(name, idPrefix));
  return (
    <FieldShell {...props}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue ?? ""}
        required={required}
        maxLength={maxLength}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldShell>
  );
}

export function SelectField(
  props: FieldProps & { options: { value: string; label: string }[]; defaultValue?: string | null; emptyLabel?: string },
) {
  const { name, hint, error, options, defaultValue, required, emptyLabel, idPrefix } = props;
  const id = fieldId(prefixed(name, idPrefix));
  return (
    <FieldShell {...props}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ""}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </FieldShell>
  );
}

export function CheckboxGroup(
  props: Omit<FieldProps, "children"> & { options: { value: string; label: string }[]; defaultValues?: string[] },
) {
  const t = useT();
  const { name, label, hint, error, options, defaultValues = [], idPrefix } = props;
  const id = fieldId(prefixed(name, idPrefix));
  return (
    <fieldset className={error ? "field field-error checkbox-group" : "field checkbox-group"} aria-describedby={describedBy(id, hint, error)}>
      <legend>{label} {props.required ? null : <span className="optional">{props.optionalNote ?? t("common.optional")}</span>}</legend>
      {hint ? <p className="hint" id={`${id}-hint`}>{hint}</p> : null}
      {error ? <p className="error-message" id={`${id}-error`}>{error}</p> : null}
      <div className="checkbox-items" id={id}>
        {options.map((o) => (
          <label key={o.value} className="checkbox">
            <input type="checkbox" name={`${name}[]`} value={o.value} defaultChecked={defaultValues.includes(o.value)} /> {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
