import { NavLink, Outlet, type ShouldRevalidateFunctionArgs } from "react-router";
import type { Route } from "./+types/layout";
import { requestInfo, services } from "~/lib/context.server";
import { unreadCount } from "~/modules/notifications/notify.server";
import { useT } from "~/lib/use-i18n";
import { page } from "~/lib/respond.server";
import { assertCan, can } from "~/lib/policy";

// The work area: every page under /kelola needs a signed-in user; each page checks its own
// action on top of this.
export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const { actor } = requestInfo(context);
  assertCan(actor, "manage.enter");
  const agencyId = actor.kind === "user" ? actor.agencyId : null;
  return {
    unread: actor.kind === "user" ? await unreadCount(services(context).db, actor.id) : 0,
    links: {
      innovations: actor.kind === "user" && ["national_admin", "agency_admin", "unit_operator", "agency_head"].includes(actor.role),
      checkIns: can(actor, "checkIn.overview").ok,
      units: agencyId ? can(actor, "agency.manage", { agencyId }).ok : false,
      users: agencyId ? can(actor, "agency.manage", { agencyId }).ok : can(actor, "agency.create").ok,
      agencies: can(actor, "agency.create").ok,
      outbox: can(actor, "outbox.view").ok,
      activityLog: can(actor, "auditLog.view").ok,
      competitions: can(actor, "competition.manage").ok,
      events: can(actor, "event.manage").ok,
      visits: can(actor, "visit.list").ok,
      proposals: actor.kind === "user" && (actor.role === "national_admin" || (Boolean(agencyId) && ["agency_admin", "unit_operator", "agency_head"].includes(actor.role))),
      // Evaluators and panelists: what they are assigned to score.
      reviews: can(actor, "review.enter").ok,
    },
  };
});

// The unread count changes by visiting the notifications page (opening it marks them read):
// counted again on the way there, where a navigation in the browser would otherwise keep the
// count of the page before.
export function shouldRevalidate({ nextUrl, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  return defaultShouldRevalidate || nextUrl.pathname === "/kelola/notifikasi";
}

export default function ManageLayout({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { links, unread } = loaderData;
  return (
    <div className="manage">
      <nav aria-label={t("manage.nav")} className="manage-nav no-print">
        <NavLink to="/kelola" end>{t("manage.dashboard")}</NavLink>
        {links.innovations ? <NavLink to="/kelola/inovasi">{t("innovations.manage.title")}</NavLink> : null}
        {links.checkIns ? <NavLink to="/kelola/pemutakhiran">{t("checkins.nav")}</NavLink> : null}
        {links.units ? <NavLink to="/kelola/unit">{t("agencies.units.title")}</NavLink> : null}
        {links.users ? <NavLink to="/kelola/pengguna">{t("accounts.users.title")}</NavLink> : null}
        {links.agencies ? <NavLink to="/kelola/instansi">{t("nav.agencies")}</NavLink> : null}
        {links.proposals ? <NavLink to="/kelola/proposal">{t("proposals.title")}</NavLink> : null}
        {links.reviews ? <NavLink to="/kelola/penilaian">{t("review.nav")}</NavLink> : null}
        {links.competitions ? <NavLink to="/kelola/kompetisi">{t("competitions.manageTitle")}</NavLink> : null}
        {links.visits ? <NavLink to="/kelola/kunjungan">{t("visits.title")}</NavLink> : null}
        {links.events ? <NavLink to="/kelola/acara">{t("events.manage.title")}</NavLink> : null}
        {links.outbox ? <NavLink to="/kelola/kotak-keluar">{t("accounts.outbox.title")}</NavLink> : null}
        {links.activityLog ? <NavLink to="/kelola/log">{t("audit.title")}</NavLink> : null}
        <NavLink to="/kelola/notifikasi">{unread ? t("notifications.nav", { n: unread }) : t("notifications.title")}</NavLink>
        <NavLink to="/kelola/akun">{t("accounts.me.title")}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
