import { data, redirect } from "react-router";
import type { Route } from "./+types/innovation-new";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { idOf } from "~/lib/forms";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { createInnovation } from "~/modules/innovations/create-innovation.server";
import { acceptFor, addInnovationFiles, FILE_FIELDS } from "~/modules/innovations/files.server";
import { restoreHeld } from "~/modules/uploads/held.server";
import { fieldErrorsOf, parseInnovationForm } from "~/modules/innovations/parse-form.server";
import { agencyOptions, unitsOfAgency } from "~/modules/agencies/queries.server";
import { unitChoices } from "~/modules/innovations/resolve-input.server";
import { homeRegion, regionOptions } from "~/modules/innovations/regions.server";
import { InnovationForm } from "~/modules/innovations/ui/innovation-form";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "innovations.manage.new");

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const { db, env } = services(context);
  const national = actor.role === "national_admin";
  if (!national) assertCan(actor, "innovation.create", { agencyId: actor.agencyId ?? -1 });
  return {
    units: actor.agencyId ? unitChoices(actor, await unitsOfAgency(db, actor.agencyId)) : [],
    agencies: national ? await agencyOptions(db) : null,
    regions: national ? await regionOptions(db, null) : actor.agencyId ? await regionOptions(db, actor.agencyId) : [],
    defaultUnitId: actor.unitId,
    defaultRegionCode: await homeRegion(db, actor.agencyId),
    maxUploadMb: Math.round(env.maxUploadBytes / 1048576),
  };
});

export const action = page(async ({ request, context }: Route.ActionArgs) => {
  const actor = requireUser(context);
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  // Authorization before validation: a refused person learns nothing from field errors.
  if (actor.role !== "national_admin") assertCan(actor, "innovation.create", { agencyId: actor.agencyId ?? -1 });
  const form = await request.formData();
  // Files kept from a refused try come back into the form; a refusal keeps the ones sent.
  const held = await restoreHeld(db, actor, form);
  const keep = async () => (await held.keep(FILE_FIELDS, acceptFor, env.maxUploadBytes)).kept;
  // The secretariat names the agency in the form; everyone else registers for their own.
  const agencyId = actor.role === "national_admin" ? idOf(form.get("agencyId")) : actor.agencyId;
  const parsed = await parseInnovationForm(form, t, env.maxUploadBytes, { references: { db, actor, agencyId } });
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, held: await keep() }, { status: 400 });
  try {
    const created = await createInnovation(db, actor, parsed.data);
    await addInnovationFiles(db, actor, created.id, parsed.files);
    await held.release();
    return redirect(`/kelola/inovasi/${created.id}?pesan=created`);
  } catch (e) {
    if (e instanceof AppError && e.status < 500 && e.code !== "forbidden") {
      return data({ errors: fieldErrorsOf(e, t), values: parsed.values, held: await keep() }, { status: e.status });
    }
    throw e;
  }
});

export default function NewInnovation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const values = (actionData?.values as Record<string, unknown> | undefined) ?? { unitId: loaderData.defaultUnitId, regionCode: loaderData.defaultRegionCode };
  return (
    <>
      <h1>{t("innovations.manage.new")}</h1>
      <InnovationForm values={values} errors={actionData?.errors} held={actionData?.held} regions={loaderData.regions} units={loaderData.units} agencies={loaderData.agencies ?? undefined} maxUploadMb={loaderData.maxUploadMb} />
    </>
  );
}
