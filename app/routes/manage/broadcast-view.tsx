// /kelola/pesan/:id: one message of the secretariat, whole, for those it was sent to (the in-app
// notice links here) and for the secretariat.
import { Link } from "react-router";
import type { Route } from "./+types/broadcast-view";
import { requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { idOf } from "~/lib/forms";
import { page } from "~/lib/respond.server";
import { useInstant, useT } from "~/lib/use-i18n";
import { readBroadcast } from "~/modules/competitions/broadcast.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.subject} · Lumbung` : "Lumbung" }];

export const loader = page(async ({ context, params }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const id = idOf(params.id);
  if (!id) throw new AppError("not-found", "errors.notFound");
  return readBroadcast(services(context).db, actor, id);
});

export default function BroadcastView({ loaderData: m }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  return (
    <article className="narrow">
      <p>
        <Link to={`/kompetisi/${m.slug}`}>{m.competitionName}</Link>
      </p>
      <h1>{m.subject}</h1>
      <p className="hint">{t("competitions.broadcast.from", { sender: m.sender ?? t("competitions.broadcast.secretariat"), at: instant(m.at) })}</p>
      <div className="message-body">{m.body}</div>
      <p className="hint">{t("competitions.broadcast.sentTo", { audience: t(`competitions.broadcast.audience.${m.audience}`), n: m.recipients })}</p>
    </article>
  );
}
