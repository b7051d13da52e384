// /kelola/notifikasi: the signed-in person's notices (the same steps as their mail), newest
// first, in their language. Opening the page marks read what it shows; the button marks the
// rest, older notices beyond the list, when there are any.
import { createContext, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/notifications";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { can } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { formatInstant, type MessageKey } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField } from "~/components/forms";
import { latestNotifications, markAllRead, openNotifications, unreadCount } from "~/modules/notifications/notify.server";

export const meta: Route.MetaFunction = () => [{ title: "Lumbung" }];

type Shown = Awaited<ReturnType<typeof openNotifications>>;
const shownContext = createContext<Shown | null>(null);

// Marked read before any loader runs: the work area's menu (layout.tsx) counts the unread in its
// own loader, beside this page's, and would otherwise count them before the marking, still
// saying "Notifikasi (1)" on the very page that shows that notice.
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, context }, next) => {
    const { actor } = requestInfo(context);
    if (request.method === "GET" && actor.kind === "user" && can(actor, "manage.enter").ok) {
      context.set(shownContext, await openNotifications(services(context).db, actor.id));
    }
    return next();
  },
];

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const { db } = services(context);
  const rows = context.get(shownContext) ?? (await latestNotifications(db, actor.id));
  return {
    rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), read: r.readAt !== null })),
    // Unread notices older than the list shows: only "mark all read" reaches them.
    unreadLeft: await unreadCount(db, actor.id),
  };
});

export const action = page(async ({ context }: Route.ActionArgs) => {
  const actor = requireUser(context);
  await markAllRead(services(context).db, actor.id);
  return redirect("/kelola/notifikasi");
});

export default function Notifications({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  return (
    <>
      <h1>{t("notifications.title")}</h1>
      {d.unreadLeft ? (
        <Form method="post">
          <CsrfField />
          <button type="submit" className="button secondary">{t("notifications.markRead")}</button>
        </Form>
      ) : null}
      {d.rows.length ? (
        <ul className="card-list">
          {d.rows.map((r) => (
            <li key={r.id}>
              {r.read ? null : <strong>{t("notifications.unread")}: </strong>}
              {r.link ? <Link to={r.link}>{t(r.key as MessageKey, r.vars)}</Link> : t(r.key as MessageKey, r.vars)}
              <div className="hint">{formatInstant(locale, r.createdAt, zone)}</div>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("notifications.none")}</p>
      )}
    </>
  );
}
