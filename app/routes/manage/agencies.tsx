import { data, Form, Link } from "react-router";
import type { Route } from "./+types/agencies";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { formToObject, parseWith } from "~/lib/forms";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { listEnterprises } from "~/modules/agencies/queries.server";
import { CsrfField, ErrorSummary, SelectField, TextField } from "~/components/forms";
import { CsvImport } from "~/components/csv-import";
import { AgencySchema } from "~/modules/agencies/schemas";
import { createAgencies } from "~/modules/agencies/create-agencies.server";
import { AGENCY_COLUMNS, importAgencies } from "~/modules/agencies/import-csv.server";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "nav.agencies");

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "agency.create");
  const { db } = services(context);
  const list = await listEnterprises(db);
  return { list };
});

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "agency.create");
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  if (form.get("_intent") === "import") {
    const file = form.get("file");
    if (!file || typeof file === "string" || file.size === 0) return data({ fileError: t("field.required") }, { status: 400 });
    try {
      const result = await importAgencies(db, actor, file, t, env.maxUploadBytes);
      return result.ok ? { imported: result.count } : data({ rowErrors: result.errors }, { status: 400 });
    } catch (e) {
      if (e instanceof AppError && e.status < 500) return data({ fileError: t(e.reason, { expected: AGENCY_COLUMNS.join(",") }) }, { status: e.status });
      throw e;
    }
  }
  const parsed = parseWith(AgencySchema, formToObject(form), t);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    await createAgencies(db, actor, [parsed.data]);
  } catch (e) {
    if (e instanceof AppError && (e.code === "conflict" || e.code === "invalid")) {
      const field = e.reason === "agencies.errors.regionUnknown" ? "regionCode" : "name";
      return data({ errors: { [field]: t(e.reason) }, values: formToObject(form) }, { status: e.status });
    }
    throw e;
  }
  return { created: parsed.data.name };
});

export default function ManageAgencies({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData as
    | { errors?: Record<string, string>; values?: Record<string, unknown>; created?: string; imported?: number; rowErrors?: { line: number; message: string }[]; fileError?: string }
    | undefined;
  const v = (k: string) => (a?.errors ? String(a.values?.[k] ?? "") : "");
  return (
    <>
      <h1>{t("nav.agencies")}</h1>
      {a?.created ? <p className="notice" role="status">{t("agencies.create.done", { name: a.created })}</p> : null}
      <h2>{t("agencies.create.title")}</h2>
      <ErrorSummary errors={a?.errors} />
      <Form method="post" className="narrow">
        <CsrfField />
        <TextField name="name" label={t("agencies.create.name")} required defaultValue={v("name")} error={a?.errors?.name} />
        <TextField name="shortName" label={t("agencies.create.shortName")} defaultValue={v("shortName")} error={a?.errors?.shortName} />
        <SelectField name="type" label={t("agencies.create.type")} required options={[{ value: "bumn", label: t("agencyType.bumn") }, { value: "bumd", label: t("agencyType.bumd") }]} defaultValue={v("type") || "bumd"} error={a?.errors?.type} />
        <TextField name="regionCode" label={t("agencies.create.region")} hint={t("agencies.create.regionHint")} defaultValue={v("regionCode")} error={a?.errors?.regionCode} />
        <TextField name="activeFrom" inputMode="numeric" label={t("agencies.create.activeFrom")} hint={t("agencies.create.activeFromHint")} defaultValue={v("activeFrom")} error={a?.errors?.activeFrom} maxLength={4} />
        <button type="submit" className="button">{t("agencies.create.title")}</button>
      </Form>
      <CsvImport hint={t("agencies.import.agenciesHint")} rowErrors={a?.rowErrors} fileError={a?.fileError} done={a?.imported} />
      {loaderData.list.length ? (
        <table>
          <thead><tr><th scope="col">{t("agencies.create.name")}</th><th scope="col">{t("agencies.create.type")}</th><th scope="col">{t("agencies.create.region")}</th><th scope="col">{t("agencies.units.title")}</th></tr></thead>
          <tbody>
            {loaderData.list.map((g) => (
              <tr key={g.id}>
                <td><Link to={`/instansi/${g.slug}`}>{g.name}</Link></td>
                <td>{t(`agencyType.${g.type}`)}</td>
                <td>{g.regionCode ?? "—"}</td>
                <td><Link to={`/kelola/unit?instansi=${g.id}`}>{t("agencies.units.title")}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
