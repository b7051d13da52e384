import { SelectField, fieldId } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import { UNIT_QUERY_MAX, type UnitChoices } from "../unit-choices";

type Props = {
  choices: UnitChoices;
  /** The field the search is sent as. */
  searchName: string;
  /**
   * The id of a GET form of its own that the search field and button belong to, for a form with
   * nothing typed to keep (an operator's placement: its address then carries only the search).
   */
  searchForm?: string;
  /**
   * Otherwise the search is the enclosing POST form sent with this `_intent`: what was typed in
   * its other fields (a person's name and email) comes back with the narrowed list, and never
   * goes into an address, where server logs and the browser's history would keep it.
   */
  searchIntent?: string;
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
 * name that narrows the select to its first matches. Works without JavaScript; the chosen unit is
 * still posted by id.
 */
export function UnitPicker({ choices, searchName, searchForm, searchIntent, ...select }: Props) {
  const t = useT();
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
        <button type="submit" className="button secondary" form={searchForm} name={searchForm ? undefined : "_intent"} value={searchForm ? undefined : searchIntent} formNoValidate>
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
