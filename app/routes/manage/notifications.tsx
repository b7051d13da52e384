// /kelola/notifikasi: the signed-in person's notices (the same steps as their mail), newest
// first, in their language; opening the page does not mark them read, the button does.
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/notifications";
import { requireUser, services } from "~/lib/context.server";
import { page } from "~/lib/respond.server";
import { formatInstant, type MessageKey } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField } from "~/components/forms";
import { latestNotifications, markAllRead } from "~/modules/notifications/notify.server";

export const meta: Route.MetaFunction = () => [{ title: "Lumbung" }];

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const rows = await latestNotifications(services(context).db, actor.id);
  return { rows: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), read: r.readAt !== null })) };
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
      {d.rows.some((r) => !r.read) ? (
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
