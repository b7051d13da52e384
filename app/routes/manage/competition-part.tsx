import type { Route } from "./+types/competition-part";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { ELIGIBILITY_FIELDS, GENERAL_FIELDS, isSetupPart, partValues } from "~/modules/competitions/part-forms";
import { LIST_PARTS, QUOTA_FIELDS, readRows, type FormValues } from "~/modules/competitions/parts";
import { savePart } from "~/modules/competitions/save-part.server";
import { PartPage } from "~/modules/competitions/ui/part-page";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.name} · Lumbung` : "Lumbung" }];

async function load(context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const actor = requireUser(context);
  assertCan(actor, "competition.manage");
  if (!isSetupPart(params.part)) throw new AppError("not-found", "errors.notFound");
  const row = await competitionBySlug(services(context).db, params.slug);
  if (!row) throw new AppError("not-found", "errors.notFound");
  return { actor, row, part: params.part };
}

export const loader = page(async ({ context, params }: Route.LoaderArgs) => {
  const { row, part } = await load(context, params);
  return {
    slug: row.slug,
    name: row.name,
    part,
    version: row.version,
    locked: row.state === "final",
    config: row.config,
    values: partValues(row, part, requestInfo(context).zone),
  };
});

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row, part } = await load(context, params);
  const { zone, locale } = requestInfo(context);
  // Instants in messages (the close of the stage before) in the zone the editor types in.
  return savePart(services(context).db, actor, row, part, request, zone, translator(locale, { zone }));
});

export default function CompetitionPart({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { part, config } = loaderData;
  const a = actionData as { errors?: Record<string, string>; values?: FormValues } | undefined;
  const values = a?.values ?? loaderData.values;
  const { zone } = useRoot();
  const common = {
    slug: loaderData.slug,
    name: loaderData.name,
    title: t(`competitions.part.${part}`),
    intro: t(`competitions.partIntro.${part}`, { zone }),
    version: loaderData.version,
    locked: loaderData.locked,
    config,
    values,
    errors: a?.errors,
  };
  if (part === "umum") return <PartPage {...common} single={GENERAL_FIELDS} />;
  if (part === "kelayakan") {
    const quotas = readRows(QUOTA_FIELDS, values, "WIB", "q").formIndex;
    return <PartPage {...common} single={ELIGIBILITY_FIELDS} rows={{ fields: QUOTA_FIELDS, indexes: quotas, prefix: "q", legend: t("competitions.field.quotas") }} />;
  }
  const fields = LIST_PARTS[part].fields;
  return <PartPage {...common} rows={{ fields, indexes: readRows(fields, values, "WIB").formIndex }} />;
}
