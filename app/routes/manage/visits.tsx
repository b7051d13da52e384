// /kelola/kunjungan: an agency's site visits, received and asked; every agency's for the secretariat.
import { Link } from "react-router";
import type { Route } from "./+types/visits";
import { requireUser, services } from "~/lib/context.server";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { formatDate } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { TableScroll } from "~/components/table-scroll";
import { visitsOf } from "~/modules/visits/visits.server";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "visits.title");

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "visit.list");
  const national = actor.role === "national_admin";
  return { visits: await visitsOf(services(context).db, national ? null : actor.agencyId), national };
});

export default function Visits({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  return (
    <>
      <h1 id="visits-title">{t("visits.title")}</h1>
      <p>{t("visits.intro")}</p>
      {d.visits.length ? (
        <TableScroll labelledBy="visits-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("visits.col.innovation")}</th>
                <th scope="col">{t("visits.col.host")}</th>
                <th scope="col">{t("visits.col.visitor")}</th>
                <th scope="col">{t("visits.col.date")}</th>
                <th scope="col">{t("visits.col.state")}</th>
              </tr>
            </thead>
            <tbody>
              {d.visits.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <Link to={`/kelola/kunjungan/${v.id}`}>{v.innovation}</Link>
                    {d.national ? null : <div className="muted">{v.incoming ? t("visits.incoming") : t("visits.outgoing")}</div>}
                  </th>
                  <td>{v.host}</td>
                  <td>{v.visitor}</td>
                  <td>{formatDate(locale, v.agreedOn ?? v.preferredOn)}</td>
                  <td><span className={`badge badge-visit-${v.status}`}>{t(`visits.state.${v.status}`)}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p className="muted">{t("visits.none")}</p>
      )}
    </>
  );
}
