import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/competitions";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, parseWith } from "~/lib/forms";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { pageTitle } from "~/lib/meta";
import { CsrfField, ErrorSummary, fieldId, TextField } from "~/components/forms";
import { listCompetitions } from "~/modules/competitions/queries.server";
import { createCompetition } from "~/modules/competitions/manage-competition.server";
import { NewCompetitionSchema } from "~/modules/competitions/schemas";
import { PRESETS } from "~/modules/competitions/presets";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "competitions.manageTitle");

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  assertCan(requireUser(context), "competition.manage");
  return { list: await listCompetitions(services(context).db, { includeDrafts: true }) };
});

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "competition.manage");
  const t = translator(requestInfo(context).locale);
  const values = formToObject(await request.formData());
  const parsed = parseWith(NewCompetitionSchema, values, t);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  try {
    const row = await createCompetition(services(context).db, actor, parsed.data);
    return redirect(`/kelola/kompetisi/${row.slug}?pesan=dibuat`);
  } catch (e) {
    if (e instanceof AppError && e.fields) {
      return data({ errors: appErrorFields(e, t), values }, { status: e.status });
    }
    throw e;
  }
});

export default function ManageCompetitions({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData as { errors?: Record<string, string>; values?: Record<string, unknown> } | undefined;
  const v = (k: string) => (a?.values?.[k] === undefined ? "" : String(a.values[k]));
  const nextEdition = Math.max(new Date().getFullYear() + 1, ...loaderData.list.map((c) => c.edition + 1));
  const source = v("source") || `preset:${PRESETS[0]}`;
  return (
    <>
      <h1>{t("competitions.manageTitle")}</h1>
      <p>{t("competitions.manageIntro")}</p>
      {loaderData.list.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("competitions.col.edition")}</th>
              <th scope="col">{t("competitions.col.name")}</th>
              <th scope="col">{t("competitions.col.state")}</th>
            </tr>
          </thead>
          <tbody>
            {loaderData.list.map((c) => (
              <tr key={c.id}>
                <td>{c.edition}</td>
                <td><Link to={`/kelola/kompetisi/${c.slug}`}>{c.name}</Link></td>
                <td>{t(`competitions.state.${c.state}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>{t("competitions.noneManage")}</p>
      )}
      <h2>{t("competitions.new")}</h2>
      <ErrorSummary errors={a?.errors} />
      <Form method="post" className="narrow">
        <CsrfField />
        <TextField name="edition" label={t("competitions.field.edition")} required inputMode="numeric" maxLength={4} defaultValue={v("edition") || String(nextEdition)} error={a?.errors?.edition} />
        <TextField name="slug" label={t("competitions.field.slug")} hint={t("competitions.field.slugHint")} required maxLength={60} defaultValue={v("slug") || `kipp-${nextEdition}`} error={a?.errors?.slug} />
        <div className={a?.errors?.source ? "field field-error" : "field"}>
          <label htmlFor={fieldId("source")}>{t("competitions.field.source")}</label>
          {a?.errors?.source ? <p className="error-message" id={`${fieldId("source")}-error`}>{a.errors.source}</p> : null}
          <select id={fieldId("source")} name="source" defaultValue={source} aria-describedby={a?.errors?.source ? `${fieldId("source")}-error` : undefined}>
            <optgroup label={t("competitions.source.presets")}>
              {PRESETS.map((p) => (
                <option key={p} value={`preset:${p}`}>{t(`competitions.preset.${p}`)}</option>
              ))}
            </optgroup>
            {loaderData.list.length ? (
              <optgroup label={t("competitions.source.clones")}>
                {loaderData.list.map((c) => (
                  <option key={c.id} value={`clone:${c.id}`}>{t("competitions.cloneOf", { name: c.name })}</option>
                ))}
              </optgroup>
            ) : null}
          </select>
        </div>
        <button type="submit" className="button">{t("competitions.create")}</button>
      </Form>
    </>
  );
}
