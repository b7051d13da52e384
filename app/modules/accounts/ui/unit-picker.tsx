import type { MouseEvent } from "react";
import { useNavigate } from "react-router";
import { SelectField, fieldId } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import { UNIT_QUERY_MAX, type UnitChoices } from "../unit-choices";

type Props = {
  choices: UnitChoices;
  /** The query parameter the search is sent as. */
  searchName: string;
  /**
   * The id of a GET form of its own that the search field and button belong to, for a form with
   * nothing typed to keep. Without it the button sends the enclosing form itself by GET, so what
   * was typed in its other fields comes back with the narrowed list.
   */
  searchForm?: string;
  /** Where a search of the enclosing form goes (its GET address). */
  searchAction?: string;
  /**
   * With JavaScript, the enclosing form's fields an in-place search carries (the agency whose
   * units, the unit chosen); the rest stay typed in the page, out of the address.
   */
  carried?: string[];
  name: string;
  label: string;
  idPrefix?: string;
  required?: boolean;
  optionalNote?: string;
  hint?: string;
  defaultValue?: string;
  emptyLabel: string;
  error?: string;
};

/**
 * A unit of one agency to choose: a plain select for an agency with few units, else a search by
 * name that narrows the select to its first matches. Works without JavaScript: the search is a
 * GET of the page, and the chosen unit is still posted by id.
 */
export function UnitPicker({ choices, searchName, searchForm, searchAction, carried = [], ...select }: Props) {
  const t = useT();
  const navigate = useNavigate();
  // In place with JavaScript: the page's own address with the search, so the form's other fields
  // (a person's name and address, the CSRF token) are not written into it, and the form is not
  // drawn afresh. Enter in the search field clicks this button too (the form's first).
  const searchInPlace = (e: MouseEvent<HTMLButtonElement>) => {
    const form = e.currentTarget.form;
    if (searchForm || !form) return;
    e.preventDefault();
    const sent = new FormData(form);
    const params = new URLSearchParams();
    for (const k of carried) {
      const v = sent.get(k);
      if (typeof v === "string" && v) params.set(k, v);
    }
    params.set(searchName, String(sent.get(searchName) ?? ""));
    navigate({ search: `?${params}` }, { preventScrollReset: true, replace: true });
  };
  const options = choices.options.map((u) => ({ value: String(u.id), label: u.name }));
  if (!choices.search) return <SelectField {...select} options={options} />;
  const id = fieldId(select.idPrefix ? `${select.idPrefix}.${searchName}` : searchName);
  const shown = choices.options.length;
  const status =
    choices.matched === null
      ? null
      : choices.matched === 0
        ? t("accounts.users.unitNoMatch", { q: choices.q })
        : choices.matched > shown
          ? t("accounts.users.unitMatchesCut", { q: choices.q, matched: choices.matched, shown })
          : t("accounts.users.unitMatches", { q: choices.q, matched: choices.matched });
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{t("accounts.users.unitSearch")}</label>
        <p className="hint" id={`${id}-hint`}>{t("accounts.users.unitSearchHint", { total: choices.total })}</p>
        <input id={id} name={searchName} type="search" form={searchForm} defaultValue={choices.q} maxLength={UNIT_QUERY_MAX} aria-describedby={`${id}-hint`} />{" "}
        {/* No browser check of the other fields: a search is not the sending of the form. */}
        <button type="submit" className="button secondary" form={searchForm} formMethod={searchForm ? undefined : "get"} formAction={searchForm ? undefined : searchAction} formNoValidate onClick={searchInPlace}>
          {t("accounts.users.unitSearchButton")}
        </button>
        {status ? (
          <p className="hint" role="status">
            {status}
          </p>
        ) : null}
      </div>
      <SelectField {...select} options={options} emptyLabel={options.length ? select.emptyLabel : t("accounts.users.unitSearchFirst")} />
    </>
  );
}
