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
import { loadProposal } from "~/modules/proposals/queries.server";
import { users } from "~/db/schema";
import { eq } from "drizzle-orm";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "proposals.receiptTitle");

export const loader = page(async ({ params, context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const { db } = services(context);
  const id = idOf(params.id);
  const loaded = id ? await loadProposal(db, id) : null;
  if (!loaded || !loaded.proposal.receiptNumber || !loaded.proposal.submittedAt) throw new AppError("not-found", "errors.notFound");
  const p = loaded.proposal;
  assertCan(actor, "proposal.view", { agencyId: p.agencyId, state: p.state });
  const [endorser] = p.endorsedBy ? await db.select({ name: users.name }).from(users).where(eq(users.id, p.endorsedBy)) : [];
  return {
    id: p.id,
    receipt: p.receiptNumber!,
    at: p.submittedAt!.toISOString(),
    title: p.title,
    state: p.state,
    competition: loaded.competition.name,
    agency: loaded.agency.name,
    endorser: endorser?.name ?? "—",
  };
});

export default function Receipt({ loaderData: r }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  return (
    <article className="receipt">
      <p className="muted no-print"><Link to={`/kelola/proposal/${r.id}`}>{r.title}</Link></p>
      <h1>{t("proposals.receiptTitle")}</h1>
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
