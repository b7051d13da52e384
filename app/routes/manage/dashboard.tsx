import { Link } from "react-router";
import type { Route } from "./+types/dashboard";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { countByState } from "~/modules/innovations/queries.server";
import { can, placedUnit } from "~/lib/policy";
import { jakartaYear } from "~/modules/compliance/year";
import { dueCount } from "~/modules/check-ins/queries.server";
import { page } from "~/lib/respond.server";
import { useT } from "~/lib/use-i18n";
import { INNOVATION_STATES } from "~/modules/innovations/vocab";
import { pageTitle } from "~/lib/meta";
import { URGED_ROLES } from "~/modules/accounts/two-step";
import { isSharedDemoLogin } from "~/modules/demo/demo-logins";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "nav.manage");

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const { db, env, receivedAt } = services(context);
  const year = jakartaYear(receivedAt);
  // Those who answer the yearly check-ins are told how many still wait (a placed operator, its unit's).
  const answers = actor.agencyId !== null && (actor.role === "agency_admin" || actor.role === "unit_operator") && can(actor, "checkIn.overview").ok;
  return {
    checkIns: answers ? { year, due: await dueCount(db, { agencyId: actor.agencyId!, unitId: placedUnit(actor) }, year) } : null,
    name: actor.name,
    role: actor.role,
    agencyName: requestInfo(context).agencyName,
    // A placed operator's counts are its unit's, as its list starts from them.
    counts: await countByState(db, actor, { unitOnly: placedUnit(actor) !== null }),
    unitOnly: placedUnit(actor) !== null,
    hasRegister: ["national_admin", "agency_admin", "unit_operator", "agency_head"].includes(actor.role),
    // Urged, not required (LUMBUNG_TWO_STEP_ROLES requires it): a line until it is on. The shared
    // demo accounts cannot turn it on.
    twoStepNudge: URGED_ROLES.has(actor.role) && !requestInfo(context).twoStep && !isSharedDemoLogin(env.demo, actor.email),
  };
});

export default function Dashboard({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { name, role, agencyName, counts, hasRegister } = loaderData;
  return (
    <>
      <h1>{t("manage.welcome", { name })}</h1>
      <p>
        {t(`role.${role}`)}
        {agencyName ? ` · ${agencyName}` : ""}
      </p>
      {loaderData.twoStepNudge ? (
        <p className="notice notice-warning">
          {t("accounts.twoStep.nudge")} <Link to="/kelola/akun#two-step-title">{t("accounts.twoStep.nudgeLink")}</Link>
        </p>
      ) : null}
      {loaderData.checkIns && loaderData.checkIns.due > 0 ? (
        <p className="notice">
          {t("checkins.dashboard", { n: loaderData.checkIns.due, year: String(loaderData.checkIns.year) })}{" "}
          <Link to="/kelola/pemutakhiran?tampil=belum">{t("checkins.dashboardLink")}</Link>
        </p>
      ) : null}
      {hasRegister ? (
        <table className="summary-table">
          <caption>{loaderData.unitOnly ? t("innovations.manage.unitTitle") : t("innovations.manage.title")}</caption>
          <tbody>
            {INNOVATION_STATES.map((s) => (
              <tr key={s}>
                <th scope="row"><Link to={`/kelola/inovasi?tahap=${s}`}>{t(`innovation.state.${s}`)}</Link></th>
                <td className="num">{counts[s]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("manage.judgeIntro")}</p>
      )}
    </>
  );
}
