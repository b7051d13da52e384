// /inovasi: the catalogue search. One GET form holds the words, the sort and the facet
// checkboxes, so the page works without JavaScript and its address is the search to share.
import { useState, type ReactNode } from "react";
import { Form, Link } from "react-router";
import type { Route } from "./+types/catalogue";
import { requestInfo, services } from "~/lib/context.server";
import { formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { catalogueQueryToParams, CATALOGUE_SORTS, defaultSort, FACETS, selectedValues, type CatalogueQuery, type CatalogueSort, type Facet } from "~/modules/catalogue/query";
import { parseCatalogueQuery } from "~/modules/catalogue/schemas";
import { searchInnovations } from "~/modules/catalogue/search-innovations.server";
import { resolveSearchFilters } from "~/modules/catalogue/resolve-search-filters.server";
import { InnovationCardList } from "~/modules/catalogue/ui/innovation-card";
import { FacetFilters } from "~/modules/catalogue/ui/facet-filters";
import { Pagination } from "~/modules/catalogue/ui/pagination";
import { facetValueLabel } from "~/modules/catalogue/ui/labels";
import { expandedFacets, shownFacet, type ShownFacet } from "~/modules/catalogue/facet-display";
import { previewTags } from "~/lib/meta";

const FORM_ID = "catalogue-search";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, publicDb, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const url = new URL(request.url);
  const expand = expandedFacets(url.searchParams);
  // An agency or province that does not exist is dropped before searching, like any unknown
  // filter value: the search then shows what the rest of the address asks for.
  const { query, agency, provinces } = await resolveSearchFilters(db, parseCatalogueQuery(url.searchParams));
  const { facets, ...result } = await searchInnovations(publicDb, query);
  const shown = Object.fromEntries(FACETS.map((f) => [f, shownFacet(facets[f], selectedValues(query, f), expand.includes(f))])) as Record<Facet, ShownFacet>;
  // Names only for the provinces the page shows (a facet value or a ticked filter).
  const named = new Set([...shown.province.values.map((v) => v.value), ...query.province]);
  const title = query.q ? t("catalogue.pageTitleQuery", { q: query.q }) : t("catalogue.pageTitle");
  return {
    query,
    result,
    expand,
    facets: shown,
    provinces: Object.fromEntries(provinces.filter((p) => named.has(p.code)).map((p) => [p.code, p.name])),
    agencyName: agency ? (agency.shortName ?? agency.name) : null,
    title,
    // The search's one address: the parameters it understood, in their order, without the
    // ones it ignored (a shared link's tracking tags, a misspelt filter).
    preview: { title, description: t("catalogue.description"), url: `${env.publicUrl}${href(query)}` },
  };
}

export const meta: Route.MetaFunction = ({ loaderData }) => (loaderData ? previewTags(loaderData.preview, loaderData.title) : []);

const href = (query: Partial<CatalogueQuery>, expand: readonly Facet[] = []) => {
  const params = catalogueQueryToParams(query);
  for (const f of expand) params.append("expand", f);
  const p = params.toString();
  return p ? `/inovasi?${p}` : "/inovasi";
};

/** The same search without one filter value (page reset: the old page may not exist). */
function without(query: CatalogueQuery, expand: Facet[], facet: Facet | "agency", value?: string): string {
  if (facet === "agency") return href({ ...query, agency: undefined, page: 1 }, expand);
  const rest = (query[facet] as (string | number)[]).filter((v) => String(v) !== value);
  return href({ ...query, [facet]: rest, page: 1 }, expand);
}

/**
 * The filters, folded above the results on a phone so that the page reads, and tabs, in the
 * order it is drawn, without scrolling past the filters to reach the results; the stylesheet
 * shows them open beside the results on a wide screen. They start open when the reader is at
 * work in them (a facet shown in full); after that the reader decides, until the next search.
 */
function FiltersDisclosure({ open, summary, children }: { open: boolean; summary: string; children: ReactNode }) {
  // The first render decides: "show fewer" must not fold the panel away under the reader's focus.
  const [initiallyOpen] = useState(open);
  return (
    <details className="filters-toggle" open={initiallyOpen}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

export default function Catalogue({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const { query, result, facets, expand, provinces, agencyName } = loaderData;
  const selected = Object.fromEntries(FACETS.map((f) => [f, selectedValues(query, f)])) as Record<Facet, string[]>;
  const active = FACETS.flatMap((f) => selected[f].map((v) => ({ facet: f, value: v, label: facetValueLabel(t, f, v, provinces) })));
  const hasFilters = active.length > 0 || Boolean(query.agency);
  const count = formatNumber(locale, result.total);
  const sorts = CATALOGUE_SORTS.filter((s) => s !== "relevance" || query.q);
  // The default order is sent as "no choice" (an empty sort), never by name: the same form
  // also submits new words, and "newest", the default without words, would otherwise stick to
  // a word search that should rank by relevance. A sort the reader picked is sent by name.
  const sortValue = (s: CatalogueSort) => (s === defaultSort(query.q) ? "" : s);
  // The inputs are uncontrolled (they work without JavaScript); after a client-side navigation
  // a new key remounts them so they show the new address's search, not the old one.
  const formKey = catalogueQueryToParams({ ...query, page: 1 }).toString();

  return (
    <>
      <h1>{t("catalogue.title")}</h1>
      <Form key={formKey} method="get" action="/inovasi" id={FORM_ID} role="search" className="catalogue-search">
        <label htmlFor="catalogue-q">{t("catalogue.search.label")}</label>
        <p className="hint" id="catalogue-q-hint">{t("catalogue.search.hint")}</p>
        <div className="search-row">
          <input id="catalogue-q" name="q" type="search" defaultValue={query.q} maxLength={200} aria-describedby="catalogue-q-hint" />
          <button type="submit" className="button">{t("catalogue.search.submit")}</button>
        </div>
        {query.agency ? <input type="hidden" name="agency" value={query.agency} /> : null}
        {query.perPage !== 20 ? <input type="hidden" name="perPage" value={query.perPage} /> : null}
        {expand.map((f) => <input key={f} type="hidden" name="expand" value={f} />)}
      </Form>

      <div className="catalogue-layout">
        <aside className="catalogue-filters" aria-labelledby="filters-title">
          <FiltersDisclosure key={formKey} open={expand.length > 0} summary={t("catalogue.filters.title")}>
            <h2 id="filters-title">{t("catalogue.filters.title")}</h2>
            <FacetFilters
              formId={FORM_ID}
              facets={facets}
              selected={selected}
              provinces={provinces}
              expandHref={(facet, on) => `${href(query, on ? [...expand, facet] : expand.filter((f) => f !== facet))}#facet-${facet}`}
            />
          </FiltersDisclosure>
        </aside>

        <section className="catalogue-results" aria-labelledby="results-title">
          <h2 id="results-title">
            {result.estimated?.total ? t("catalogue.results.countAbout", { count }) : t("catalogue.results.count", { count })}
            {query.q ? ` ${t("catalogue.results.forQuery", { q: query.q })}` : null}
          </h2>

          {result.correctedQuery ? (
            <p className="notice" role="status">
              {t("catalogue.results.corrected", { corrected: result.correctedQuery })}{" "}
              <Link to={href({ ...query, q: result.correctedQuery, page: 1 })}>
                {t("catalogue.results.onlyCorrected", { corrected: result.correctedQuery })}
              </Link>
            </p>
          ) : null}
          {result.incomplete ? (
            <p className="notice notice-warning" role="status">{t("catalogue.results.incomplete")}</p>
          ) : result.estimated ? (
            <p className="hint">{t("catalogue.results.estimated")}</p>
          ) : null}

          {hasFilters ? (
            <div className="active-filters">
              <h3>{t("catalogue.filters.active")}</h3>
              <ul>
                {agencyName ? (
                  <li>
                    <Link to={without(query, expand, "agency")} aria-label={t("catalogue.filters.remove", { label: t("catalogue.filters.agency", { name: agencyName }) })}>
                      {t("catalogue.filters.agency", { name: agencyName })} <span aria-hidden="true">×</span>
                    </Link>
                  </li>
                ) : null}
                {active.map((a) => (
                  <li key={`${a.facet}-${a.value}`}>
                    <Link to={without(query, expand, a.facet, a.value)} aria-label={t("catalogue.filters.remove", { label: a.label })}>
                      {a.label} <span aria-hidden="true">×</span>
                    </Link>
                  </li>
                ))}
              </ul>
              <p>
                <Link to={href({ q: query.q })}>{t("catalogue.filters.clear")}</Link>
              </p>
            </div>
          ) : null}

          <div className="sort-row">
            <label htmlFor="catalogue-sort">{t("catalogue.sort.label")}</label>{" "}
            <select key={formKey} id="catalogue-sort" name="sort" form={FORM_ID} defaultValue={sortValue(query.sort)}>
              {sorts.map((s) => (
                <option key={s} value={sortValue(s)}>{t(`catalogue.sort.${s}`)}</option>
              ))}
            </select>{" "}
            <button type="submit" form={FORM_ID} className="button secondary">{t("catalogue.sort.apply")}</button>
          </div>

          {result.items.length ? (
            <InnovationCardList cards={result.items} />
          ) : result.total > 0 ? (
            <p className="empty-state">
              <Link to={href({ ...query, page: 1 })}>{t("catalogue.results.pastLast")}</Link>
            </p>
          ) : (
            <div className="empty-state">
              <p><strong>{t("catalogue.results.none")}</strong></p>
              <ul>
                {query.q ? <li>{t("catalogue.results.noneSpelling")}</li> : null}
                {query.q ? <li>{t("catalogue.results.noneWords")}</li> : null}
                {hasFilters ? <li><Link to={href({ q: query.q })}>{t("catalogue.results.noneFilters")}</Link></li> : null}
                <li><Link to="/inovasi">{t("catalogue.results.browseAll")}</Link></li>
              </ul>
            </div>
          )}

          <Pagination page={result.page} pages={result.pages} href={(page) => href({ ...query, page }, expand)} />
          <p className="hint share-hint">{t("catalogue.results.share")}</p>
        </section>
      </div>
    </>
  );
}
