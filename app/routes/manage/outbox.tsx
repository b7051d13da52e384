import type { Route } from "./+types/outbox";
import { requireUser, services } from "~/lib/context.server";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { useInstant, useT } from "~/lib/use-i18n";
import { listOutbox } from "~/modules/mail/list-outbox.server";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.outbox.title");

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "outbox.view");
  const mails = await listOutbox(services(context).db, actor);
  return { mails };
});

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  return (
    <>
      <h1>{t("accounts.outbox.title")}</h1>
      <p>{t("accounts.outbox.intro")}</p>
      {loaderData.mails.map((m) => (
        <article key={m.id} className="mail">
          <h2>{m.subject}</h2>
          <p className="muted">
            {t("accounts.outbox.to")}: {m.toAddress} · {instant(m.createdAt)}
          </p>
          {m.hidden === "reset" ? <p className="hint">{t("accounts.outbox.secretHidden")}</p> : null}
          {m.hidden === "invitation" ? <p className="hint">{t("accounts.outbox.invitationHidden")}</p> : null}
          <pre className="mail-body">{m.bodyText}</pre>
        </article>
      ))}
    </>
  );
}
