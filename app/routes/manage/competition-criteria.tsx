import type { Route } from "./+types/competition-criteria";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { partValues } from "~/modules/competitions/part-forms";
import { LIST_PARTS, readRows, type FormValues } from "~/modules/competitions/parts";
import { savePart } from "~/modules/competitions/save-part.server";
import { scoredStages } from "~/modules/competitions/manage-competition.server";
import { PartPage } from "~/modules/competitions/ui/part-page";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.stageName} · ${data.name} · Lumbung` : "Lumbung" }];

// A stage is addressed by its position: codes may be edited, positions are what the stage
// list shows.
async function load(context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const actor = requireUser(context);
  assertCan(actor, "competition.manage");
  const row = await competitionBySlug(services(context).db, params.slug);
  const index = /^\d{1,3}$/.test(params.stage) ? Number(params.stage) : -1;
  if (!row || !row.config.stages[index]) throw new AppError("not-found", "errors.notFound");
  return { actor, row, index };
}

export const loader = page(async ({ context, params }: Route.LoaderArgs) => {
  const { row, index } = await load(context, params);
  const scored = (await scoredStages(services(context).db, row.id)).includes(row.config.stages[index].code);
  return {
    scored,
    slug: row.slug,
    name: row.name,
    stageName: row.config.stages[index].name,
    version: row.version,
    locked: row.state === "final",
    config: row.config,
    values: partValues(row, { criteriaOf: index }, requestInfo(context).zone),
  };
});

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row, index } = await load(context, params);
  const { zone, locale } = requestInfo(context);
  return savePart(services(context).db, actor, row, { criteriaOf: index }, request, zone, translator(locale));
});

export default function CompetitionCriteria({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData as { errors?: Record<string, string>; values?: FormValues } | undefined;
  const values = a?.values ?? loaderData.values;
  const fields = LIST_PARTS.kriteria.fields;
  return (
    <PartPage
      slug={loaderData.slug}
      name={loaderData.name}
      title={t("competitions.part.kriteria", { stage: loaderData.stageName })}
      intro={loaderData.scored ? `${t("competitions.partIntro.kriteria")} ${t("competitions.errors.scoredCriteria")}` : t("competitions.partIntro.kriteria")}
      version={loaderData.version}
      locked={loaderData.locked}
      config={loaderData.config}
      values={values}
      errors={a?.errors}
      rows={{ fields, indexes: readRows(fields, values, "WIB").formIndex }}
    />
  );
}
