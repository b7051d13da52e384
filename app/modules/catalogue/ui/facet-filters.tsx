// The facets as checkbox groups with counts. The inputs belong to the catalogue's search form
// (the `form` attribute), so one GET submit carries the words, the sort and every filter.
// A long facet shows its values with the most matches and links to the whole list
// (facet-display.ts); the link lands on the facet (#facet-…), with or without JavaScript.
import { Link } from "react-router";
import { formatNumber } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { FACETS, type Facet } from "../query";
import type { ShownFacet } from "../facet-display";
import { facetValueLabel } from "./labels";

type Props = {
  formId: string;
  facets: Record<Facet, ShownFacet>;
  selected: Record<Facet, string[]>;
  provinces: Record<string, string>;
  /** The page's address with this facet shown in full (`on`) or cut short again. */
  expandHref: (facet: Facet, on: boolean) => string;
};

export function FacetFilters({ formId, facets, selected, provinces, expandHref }: Props) {
  const t = useT();
  const { locale } = useRoot();
  return (
    <div className="facets">
      {FACETS.map((facet) => {
        const { values, hidden, expanded } = facets[facet];
        const legend = t(`catalogue.facet.${facet}`);
        return (
          <fieldset key={facet} id={`facet-${facet}`} className="facet">
            <legend>{legend}</legend>
            {values.length === 0 ? (
              <p className="hint">{t("catalogue.facet.none")}</p>
            ) : (
              <ul className="facet-values">
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
            {hidden > 0 || expanded ? (
              <p className="facet-more">
                <Link to={expandHref(facet, !expanded)} preventScrollReset>
                  {expanded ? t("catalogue.facet.showFewer") : t("catalogue.facet.showAll", { count: values.length + hidden })}
                  <span className="visually-hidden">: {legend}</span>
                </Link>
              </p>
            ) : null}
          </fieldset>
        );
      })}
      <button type="submit" form={formId} className="button">
        {t("catalogue.filters.apply")}
      </button>
    </div>
  );
}
