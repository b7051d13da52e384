// /instansi: the directory of agencies with their number of published innovations.
import { Form, Link } from "react-router";
import type { Route } from "./+types/agencies";
import { requestInfo, services } from "~/lib/context.server";
import { formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { AGENCY_TYPES } from "~/modules/innovations/vocab";
import { parseAgencyListQuery, type AgencyListQuery } from "~/modules/catalogue/schemas";
import { listAgencies } from "~/modules/catalogue/list-agencies.server";
import { listProvinces } from "~/modules/catalogue/list-provinces.server";
import { Pagination } from "~/modules/catalogue/ui/pagination";
import { previewTags } from "~/lib/meta";
import { TableScroll } from "~/components/table-scroll";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const query = parseAgencyListQuery(new URL(request.url).searchParams);
  const [list, provinces] = await Promise.all([listAgencies(db, query), listProvinces(db)]);
  return { query, list, provinces, title: t("catalogue.agencies.pageTitle"), preview: { title: t("nav.agencies"), description: t("catalogue.agencies.intro"), url: `${env.publicUrl}/instansi` } };
}

export const meta: Route.MetaFunction = ({ loaderData }) =>
  loaderData ? previewTags(loaderData.preview, loaderData.title) : [];

function href(query: AgencyListQuery, page: number) {
  const p = new URLSearchParams();
  if (query.q) p.set("q", query.q);
  if (query.type) p.set("type", query.type);
  if (query.province) p.set("province", query.province);
  if (page > 1) p.set("page", String(page));
  const s = p.toString();
  return s ? `/instansi?${s}` : "/instansi";
}

export default function Agencies({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const { query, list, provinces } = loaderData;
  const n = (v: number) => formatNumber(locale, v);

  return (
    <>
      <h1>{t("catalogue.agencies.title")}</h1>
      <p className="lead">{t("catalogue.agencies.intro")}</p>
      {/* Keyed by the filters: a client-side navigation remounts the uncontrolled inputs. */}
      <Form
        key={`${query.q}|${query.type ?? ""}|${query.province ?? ""}`}
        method="get"
        action="/instansi"
        className="filter-form"
        role="search"
        aria-label={t("catalogue.agencies.title")}
      >
        <div className="field">
          <label htmlFor="agencies-q">{t("catalogue.agencies.q")}</label>
          <input id="agencies-q" name="q" type="search" defaultValue={query.q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="agencies-type">{t("catalogue.agency.type")}</label>
          <select id="agencies-type" name="type" defaultValue={query.type ?? ""}>
            <option value="">{t("catalogue.agencies.allTypes")}</option>
            {AGENCY_TYPES.map((type) => (
              <option key={type} value={type}>{t(`agencyType.${type}`)}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="agencies-province">{t("catalogue.facet.province")}</label>
          <select id="agencies-province" name="province" defaultValue={query.province ?? ""}>
            <option value="">{t("catalogue.agencies.allProvinces")}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>{p.name}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">{t("common.filter")}</button>{" "}
        {query.q || query.type || query.province ? <Link to="/instansi">{t("common.reset")}</Link> : null}
      </Form>

      <h2>{t("catalogue.agencies.count", { count: n(list.total) })}</h2>
      {list.items.length ? (
        <TableScroll labelledBy="agencies-caption">
          <table>
            <caption id="agencies-caption" className="visually-hidden">{t("catalogue.agencies.caption", { page: list.page })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("catalogue.agencies.name")}</th>
                <th scope="col">{t("catalogue.agency.type")}</th>
                <th scope="col">{t("catalogue.facet.province")}</th>
                <th scope="col" className="num">{t("catalogue.agencies.innovations")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((a) => (
                <tr key={a.id}>
                  <th scope="row"><Link to={`/instansi/${a.slug}`}>{a.name}</Link></th>
                  <td>{t(`agencyType.${a.type}`)}</td>
                  <td>{a.provinceCode && a.provinceName ? <Link to={`/wilayah/${a.provinceCode}`}>{a.provinceName}</Link> : null}</td>
                  <td className="num">{n(a.innovationCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : list.total > 0 ? (
        // Past the last page: the agencies exist, the address went too far.
        <p className="empty-state">
          {t("catalogue.agencies.pastLast", { page: list.page })}{" "}
          <Link to={href(query, list.pages)}>{t("catalogue.agencies.toLast")}</Link>
        </p>
      ) : (
        <p>{t("catalogue.agencies.none")}</p>
      )}
      <Pagination page={list.page} pages={list.pages} href={(page) => href(query, page)} />
    </>
  );
}
