import { desc, eq, inArray } from "drizzle-orm";
import type { Route } from "./+types/outbox";
import { requireUser, services } from "~/lib/context.server";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { useInstant, useT } from "~/lib/use-i18n";
import { outbox, users } from "~/db/schema";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.outbox.title");

// The secretariat reads all outgoing mail; Admin Lokal reads only mail to its own agency's people.
export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "outbox.view");
  const { db } = services(context);
  const scope =
    actor.role === "national_admin"
      ? undefined
      : inArray(outbox.toAddress, db.select({ email: users.email }).from(users).where(eq(users.agencyId, actor.agencyId ?? -1)));
  const mails = await db.select().from(outbox).where(scope).orderBy(desc(outbox.id)).limit(100);
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
          <pre className="mail-body">{m.bodyText}</pre>
        </article>
      ))}
    </>
  );
}
