// The facets as checkbox groups with counts. The inputs belong to the catalogue's search form
// (the `form` attribute), so one GET submit carries the words, the sort and every filter.
import { formatNumber } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { FACETS, type Facet } from "../query";
import type { FacetCount } from "../types";
import { facetValueLabel } from "./labels";

type Props = {
  formId: string;
  facets: Record<Facet, FacetCount[]>;
  selected: Record<Facet, string[]>;
  provinces: Record<string, string>;
};

export function FacetFilters({ formId, facets, selected, provinces }: Props) {
  const t = useT();
  const { locale } = useRoot();
  return (
    <div className="facets">
      {FACETS.map((facet) => {
        const values = facets[facet];
        return (
          <fieldset key={facet} className="facet">
            <legend>{t(`catalogue.facet.${facet}`)}</legend>
            {values.length === 0 ? (
              <p className="hint">{t("catalogue.facet.none")}</p>
            ) : (
              <ul className={values.length > 10 ? "facet-values facet-long" : "facet-values"}>
                {values.map((v) => {
                  const id = `f-${facet}-${v.value}`;
                  return (
                    <li key={v.value}>
                      <input
                        type="checkbox"
                        id={id}
                        name={facet}
                        value={v.value}
                        form={formId}
                        defaultChecked={selected[facet].includes(v.value)}
                      />{" "}
                      <label htmlFor={id}>
                        {facetValueLabel(t, facet, v.value, provinces)}{" "}
                        <span className="facet-count">({formatNumber(locale, v.count)})</span>
                      </label>
                    </li>
                  );
                })}
              </ul>
            )}
          </fieldset>
        );
      })}
      <button type="submit" form={formId} className="button">
        {t("catalogue.filters.apply")}
      </button>
    </div>
  );
}
