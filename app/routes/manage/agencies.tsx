import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/agencies";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError, notFound } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { formToObject, idOf, parseWith, stripNul } from "~/lib/forms";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { agencyWithYears, findAgencies, listEnterprises } from "~/modules/agencies/queries.server";
import { CsrfField, ErrorSummary, SelectField, TextField } from "~/components/forms";
import { CsvImport } from "~/components/csv-import";
import { AgencySchema, AgencyYearsSchema } from "~/modules/agencies/schemas";
import { createAgencies } from "~/modules/agencies/create-agencies.server";
import { setAgencyYears } from "~/modules/agencies/set-agency-years.server";
import { referenceYears } from "~/modules/agencies/reference-years";
import { AGENCY_COLUMNS, AGENCY_OPTIONAL_COLUMNS, importAgencies } from "~/modules/agencies/import-csv.server";
import { MAX_CSV_ROWS } from "~/modules/agencies/csv.server";
import { AgencyYearsForm } from "~/modules/agencies/ui/agency-years-form";
import { dutyYearsText } from "~/modules/agencies/ui/duty-years";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "nav.agencies");

// A search lists at most this many; a longer list asks for a narrower search.
const FOUND = 50;

// The page's state in its address, so it works the same without JavaScript: ?q= searches every
// agency, ?ubah=ID shows the form for one agency's years, ?disimpan=ID says they were saved.
const searchOf = (url: URL) => stripNul(url.searchParams.get("q") ?? "").trim().slice(0, 100);
const listHref = (q: string, extra: Record<string, string> = {}) => {
  const p = new URLSearchParams({ ...(q ? { q } : {}), ...extra });
  return p.size ? `/kelola/instansi?${p}` : "/kelola/instansi";
};

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "agency.create");
  const { db } = services(context);
  const url = new URL(request.url);
  const q = searchOf(url);
  const editId = url.searchParams.get("ubah");
  if (editId !== null) {
    const agency = await agencyWithYears(db, idOf(editId) ?? -1);
    if (!agency) throw notFound();
    return { q, editing: { agency, reference: referenceYears(agency) }, list: [], more: false, saved: null };
  }
  const savedId = idOf(url.searchParams.get("disimpan"));
  const [list, saved] = await Promise.all([q ? findAgencies(db, q, FOUND + 1) : listEnterprises(db), savedId ? agencyWithYears(db, savedId) : null]);
  return { q, editing: null, list: list.slice(0, q ? FOUND : undefined), more: Boolean(q) && list.length > FOUND, saved };
});

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "agency.create");
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  if (form.get("_intent") === "years") {
    const agencyId = idOf(form.get("agencyId"));
    if (agencyId === null) throw notFound();
    const parsed = parseWith(AgencyYearsSchema, formToObject(form, (k) => k === "agencyId"), t);
    if (!parsed.ok) return data({ yearErrors: parsed.errors, values: parsed.values }, { status: 400 });
    await setAgencyYears(db, actor, agencyId, parsed.data);
    return redirect(listHref(searchOf(new URL(request.url)), { disimpan: String(agencyId) }));
  }
  if (form.get("_intent") === "import") {
    const file = form.get("file");
    if (!file || typeof file === "string" || file.size === 0) return data({ fileError: t("field.required") }, { status: 400 });
    try {
      const result = await importAgencies(db, actor, file, t, env.maxUploadBytes);
      return result.ok ? { imported: result.count } : data({ rowErrors: result.errors }, { status: 400 });
    } catch (e) {
      if (e instanceof AppError && e.status < 500) {
        return data({ fileError: t(e.reason, { expected: AGENCY_COLUMNS.join(","), optional: AGENCY_OPTIONAL_COLUMNS.join(", "), max: MAX_CSV_ROWS }) }, { status: e.status });
      }
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

type ActionData = {
  errors?: Record<string, string>;
  yearErrors?: Record<string, string>;
  values?: Record<string, unknown>;
  created?: string;
  imported?: number;
  rowErrors?: { line: number; message: string }[];
  fileError?: string;
};

export default function ManageAgencies({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData as ActionData | undefined;
  const { q, editing, list, more, saved } = loaderData;
  if (editing) {
    return <AgencyYearsForm agency={editing.agency} reference={editing.reference} back={listHref(q)} errors={a?.yearErrors} values={a?.values} />;
  }
  const v = (k: string) => (a?.errors ? String(a.values?.[k] ?? "") : "");
  return (
    <>
      <h1>{t("nav.agencies")}</h1>
      {saved ? <p className="notice" role="status">{t("agencies.years.saved", { name: saved.name, years: dutyYearsText(t, saved) })}</p> : null}
      {a?.created ? <p className="notice" role="status">{t("agencies.create.done", { name: a.created })}</p> : null}
      <h2>{t("agencies.create.title")}</h2>
      <ErrorSummary
        errors={a?.errors}
        labels={{ name: t("agencies.create.name"), shortName: t("agencies.create.shortName"), type: t("agencies.create.type"), regionCode: t("agencies.create.region"), activeFrom: t("agencies.create.activeFrom") }}
      />
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

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("agencies.list.title")}</h2>
        {/* Keyed by the search: a client-side navigation remounts the uncontrolled input. */}
        <Form key={q} method="get" className="filter-row" role="search" aria-label={t("agencies.list.title")}>
          <label htmlFor="agencies-q">{t("agencies.search.label")}</label>
          <input id="agencies-q" name="q" type="search" defaultValue={q} maxLength={100} aria-describedby="agencies-q-hint" />
          <button type="submit" className="button secondary">{t("common.search")}</button>
          <p className="hint" id="agencies-q-hint">{t("agencies.search.hint")}</p>
        </Form>
        <p>{q ? t("agencies.list.results", { q, count: list.length }) : t("agencies.list.enterprises")}</p>
        {more ? <p>{t("agencies.list.more", { count: FOUND })}</p> : null}
        {list.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">{t("agencies.create.name")}</th>
                <th scope="col">{t("agencies.create.type")}</th>
                <th scope="col">{t("agencies.create.region")}</th>
                <th scope="col">{t("agencies.years.title")}</th>
                <th scope="col">{t("agencies.units.title")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((g) => (
                <tr key={g.id}>
                  <td><Link to={`/instansi/${g.slug}`}>{g.name}</Link></td>
                  <td>{t(`agencyType.${g.type}`)}</td>
                  <td>{g.regionCode ?? "—"}</td>
                  <td>
                    {dutyYearsText(t, g)}{" "}
                    <Link to={listHref(q, { ubah: String(g.id) })}>
                      {t("agencies.years.edit")}<span className="visually-hidden"> {g.name}</span>
                    </Link>
                  </td>
                  <td><Link to={`/kelola/unit?instansi=${g.id}`}>{t("agencies.units.title")}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : q ? (
          <p>{t("agencies.list.none")}</p>
        ) : null}
      </section>
    </>
  );
}
