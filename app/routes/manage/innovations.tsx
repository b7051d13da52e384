import { Form, Link } from "react-router";
import type { Route } from "./+types/innovations";
import { requireUser, services } from "~/lib/context.server";
import { page } from "~/lib/respond.server";
import { useInstant, useT } from "~/lib/use-i18n";
import { listManagedInnovations } from "~/modules/innovations/queries.server";
import { placedUnit } from "~/lib/policy";
import { INNOVATION_STATES, type InnovationState } from "~/modules/innovations/vocab";
import { forbidden } from "~/lib/errors";
import { Pagination } from "~/components/pagination";
import { pageTitle } from "~/lib/meta";
import { pageParam } from "~/lib/forms";
import { TableScroll } from "~/components/table-scroll";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "innovations.manage.title");

const PER_PAGE = 25;
const MAX_PAGE = 10_000;

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  if (!["national_admin", "agency_admin", "unit_operator", "agency_head"].includes(actor.role)) throw forbidden();
  const url = new URL(request.url);
  const stateParam = url.searchParams.get("tahap");
  const state = INNOVATION_STATES.find((s) => s === stateParam) as InnovationState | undefined;
  const pageNo = pageParam(url.searchParams.get("halaman"), MAX_PAGE);
  // A placed operator sees its unit's entries unless it asks for the whole agency's.
  const placed = placedUnit(actor) !== null;
  const wholeAgency = placed && url.searchParams.get("cakupan") === "instansi";
  const { rows, total } = await listManagedInnovations(services(context).db, actor, { state, page: pageNo, perPage: PER_PAGE, unitOnly: placed && !wholeAgency });
  return {
    placed,
    wholeAgency,
    rows,
    total,
    state: state ?? "",
    page: pageNo,
    pages: Math.max(1, Math.ceil(total / PER_PAGE)),
    canCreate: ["agency_admin", "unit_operator", "national_admin"].includes(actor.role),
    national: actor.role === "national_admin",
  };
});

export default function ManagedInnovations({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  const { rows, state, page: pageNo, pages, canCreate, national } = loaderData;
  return (
    <>
      <h1 id="innovations-title">{t("innovations.manage.title")}</h1>
      {canCreate ? <p><Link to="/kelola/inovasi/baru" className="button">{t("innovations.manage.new")}</Link></p> : null}
      <Form method="get" className="filter-row">
        <label htmlFor="f-tahap">{t("innovations.manage.filterState")}</label>
        <select id="f-tahap" name="tahap" defaultValue={state}>
          <option value="">{t("common.all")}</option>
          {INNOVATION_STATES.map((s) => (
            <option key={s} value={s}>{t(`innovation.state.${s}`)}</option>
          ))}
        </select>
        {loaderData.placed ? (
          <>
            <label htmlFor="f-cakupan">{t("innovations.manage.scope")}</label>
            <select id="f-cakupan" name="cakupan" defaultValue={loaderData.wholeAgency ? "instansi" : ""}>
              <option value="">{t("innovations.manage.scopeUnit")}</option>
              <option value="instansi">{t("innovations.manage.scopeAgency")}</option>
            </select>
          </>
        ) : null}
        <button type="submit" className="button secondary">{t("common.filter")}</button>
      </Form>
      {rows.length === 0 ? (
        <p>{t("innovations.manage.none")}</p>
      ) : (
        <TableScroll labelledBy="innovations-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("innovation.field.name")}</th>
                {national ? <th scope="col">{t("innovation.field.agency")}</th> : null}
                <th scope="col">{t("innovation.field.unit")}</th>
                <th scope="col">{t("innovation.field.state")}</th>
                <th scope="col">{t("innovations.manage.updatedAt")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td><Link to={`/kelola/inovasi/${r.id}`}>{r.name}</Link>{r.acronym ? ` (${r.acronym})` : ""}</td>
                  {national ? <td>{r.agencyName}</td> : null}
                  <td>{r.unitName ?? "—"}</td>
                  <td><span className={`tag status-${r.state}`}>{t(`innovation.state.${r.state}`)}</span></td>
                  <td>{instant(r.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={pageNo} pages={pages} param="halaman" />
    </>
  );
}
