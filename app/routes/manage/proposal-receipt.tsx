// A submitted proposal's receipt, to print or keep: the number and the exact time the server
// recorded, in the reader's zone with the zone named.
import { Link } from "react-router";
import type { Route } from "./+types/proposal-receipt";
import { requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { idOf } from "~/lib/forms";
import { formatInstant } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { pageTitle } from "~/lib/meta";
import { proposalReceipt } from "~/modules/proposals/queries.server";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "proposals.receiptTitle");

// It is also the page the head lands on after endorsing, at the deadline rush: one query.
export const loader = page(async ({ params, context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const id = idOf(params.id);
  const r = id ? await proposalReceipt(services(context).db, id) : null;
  if (!r || !r.receipt || !r.at) throw new AppError("not-found", "errors.notFound");
  assertCan(actor, "proposal.view", { agencyId: r.agencyId, state: r.state });
  return {
    id: r.id,
    receipt: r.receipt,
    at: r.at.toISOString(),
    title: r.title,
    state: r.state,
    competition: r.competition,
    agency: r.agency,
    endorser: r.endorser ?? "—",
    justSubmitted: new URL(request.url).searchParams.get("pesan") === "endorse",
  };
});

export default function Receipt({ loaderData: r }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  return (
    <article className="receipt">
      <p className="muted no-print"><Link to={`/kelola/proposal/${r.id}`}>{r.title}</Link></p>
      <h1>{t("proposals.receiptTitle")}</h1>
      {r.justSubmitted ? <p className="notice" role="status">{t("proposals.moved.endorse", { receipt: r.receipt })}</p> : null}
      <dl className="facts">
        <dt>{t("proposals.receiptNumber")}</dt>
        <dd><strong>{r.receipt}</strong></dd>
        <dt>{t("proposals.field.competition")}</dt>
        <dd>{r.competition}</dd>
        <dt>{t("proposals.col.title")}</dt>
        <dd>{r.title}</dd>
        <dt>{t("proposals.col.agency")}</dt>
        <dd>{r.agency}</dd>
        <dt>{t("proposals.receiptAt")}</dt>
        <dd>{formatInstant(locale, r.at, zone)} ({r.at})</dd>
        <dt>{t("proposals.receiptBy")}</dt>
        <dd>{r.endorser}</dd>
        <dt>{t("proposals.col.state")}</dt>
        <dd>{t(`proposals.state.${r.state}`)}</dd>
      </dl>
      <p className="hint">{t("proposals.receiptNote")}</p>
    </article>
  );
}
