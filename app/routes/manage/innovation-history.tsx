import { Link } from "react-router";
import type { Route } from "./+types/innovation-history";
import { requireUser, services } from "~/lib/context.server";
import { assertCan } from "~/lib/policy";
import { idOf } from "~/lib/forms";
import { page } from "~/lib/respond.server";
import { useInstant, useT } from "~/lib/use-i18n";
import { loadInnovation } from "~/modules/innovations/load-innovation.server";
import { innovationHistoryOf } from "~/modules/innovations/queries.server";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "innovations.manage.history");

export const loader = page(async ({ params, context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const { db } = services(context);
  // Only a canonical id ("16", never "0x10" or "1e1"); anything else names no row, a 404.
  const innovation = await loadInnovation(db, idOf(params.id) ?? 0);
  assertCan(actor, "innovation.manage", innovation);
  return { innovation: { id: innovation.id, name: innovation.name }, history: await innovationHistoryOf(db, innovation.id) };
});

// Columns stored by id are labelled as the form names them.
const FIELD_LABEL: Record<string, string> = { unitId: "unit", originInnovationId: "originInnovation" };

export default function InnovationHistory({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  const { innovation, history } = loaderData;
  const fieldLabel = (f: string) => {
    const key = `innovation.field.${FIELD_LABEL[f] ?? f}`;
    const label = t(key);
    return label === key ? f : label;
  };
  return (
    <>
      <p><Link to={`/kelola/inovasi/${innovation.id}`}>← {innovation.name}</Link></p>
      <h1>{t("innovations.manage.history")}</h1>
      <ol className="history">
        {history.map((h) => (
          <li key={h.id}>
            <strong>{instant(h.at)}</strong> — {h.actorName ?? "—"} {t(`innovations.history.${h.action}`)}
            {h.changedFields.length ? (
              <div className="muted">
                {h.action.startsWith("file")
                  ? t("innovations.history.files", { files: h.changedFields.join(", ") })
                  : t("innovations.history.fields", { fields: h.changedFields.map(fieldLabel).join(", ") })}
              </div>
            ) : null}
            {h.comment ? <blockquote>{h.comment}</blockquote> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
