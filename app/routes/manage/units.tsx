import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/units";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, pageParam, parseWith } from "~/lib/forms";
import { formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { agencyById, unitOfAgency, unitsWithUse } from "~/modules/agencies/queries.server";
import { CsrfField, ErrorSummary, TextField } from "~/components/forms";
import { CsvImport } from "~/components/csv-import";
import { UnitSchema } from "~/modules/agencies/schemas";
import { addUnits } from "~/modules/agencies/add-units.server";
import { renameUnit } from "~/modules/agencies/rename-unit.server";
import { removeUnit } from "~/modules/agencies/remove-unit.server";
import { TableScroll } from "~/components/table-scroll";
import { importUnits } from "~/modules/agencies/import-csv.server";
import { MAX_CSV_ROWS } from "~/modules/agencies/csv.server";
import { pageTitle } from "~/lib/meta";
import { Pagination } from "~/components/pagination";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "agencies.units.title");

// A province's agency may hold thousands of units: the list is paged and searchable.
const PER_PAGE = 50;
const MAX_PAGE = 10_000;

// Admin Lokal manages its own agency's units; the secretariat picks an agency with ?instansi=ID.
function managedAgencyId(actor: { role: string; agencyId: number | null }, request: Request) {
  const fromQuery = idOf(new URL(request.url).searchParams.get("instansi"));
  return actor.role === "national_admin" && fromQuery ? fromQuery : (actor.agencyId ?? -1);
}

async function managedAgency(context: Route.LoaderArgs["context"], request: Request) {
  const actor = requireUser(context);
  const agencyId = managedAgencyId(actor, request);
  assertCan(actor, "agency.manage", { agencyId });
  const agency = await agencyById(services(context).db, agencyId);
  if (!agency) throw new AppError("not-found", "errors.notFound");
  return { actor, agency, agencyId };
}

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const { agency, agencyId } = await managedAgency(context, request);
  const { db } = services(context);
  const sp = new URL(request.url).searchParams;
  // A search longer than any unit's name matches nothing; cut it rather than refuse it.
  const q = (sp.get("cari") ?? "").slice(0, 200);
  const pageNo = pageParam(sp.get("halaman"), MAX_PAGE);
  const { rows, total } = await unitsWithUse(db, agencyId, { q, page: pageNo, perPage: PER_PAGE });
  // ?ubah=ID opens that unit's own form above the list (a unit of another agency: not found).
  const editId = sp.has("ubah") ? idOf(sp.get("ubah")) : null;
  const editing = editId ? await unitOfAgency(db, agencyId, editId) : null;
  if (sp.has("ubah") && !editing) throw new AppError("not-found", "errors.notFound");
  const notice = sp.get("pesan");
  return {
    agency,
    units: rows,
    total,
    q,
    page: pageNo,
    pages: Math.max(1, Math.ceil(total / PER_PAGE)),
    // The secretariat's choice of agency, kept by the search form.
    agencyParam: sp.get("instansi") ? agencyId : null,
    editing,
    renamed: notice === "diubah",
    removed: notice === "dihapus",
    query: sp.get("instansi") ? `instansi=${agencyId}&` : "",
  };
});

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const { actor, agencyId } = await managedAgency(context, request);
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  if (form.get("_intent") === "import") {
    const file = form.get("file");
    // No file chosen (a browser sends an unnamed empty part), or a chosen file with nothing in it.
    if (!file || typeof file === "string" || (file.size === 0 && !file.name)) return data({ fileError: t("field.required") }, { status: 400 });
    if (file.size === 0) return data({ fileError: t("agencies.import.errors.empty") }, { status: 400 });
    try {
      const result = await importUnits(db, actor, agencyId, file, t, env.maxUploadBytes);
      return result.ok ? { imported: result.count } : data({ rowErrors: result.errors }, { status: 400 });
    } catch (e) {
      // The header's message lists the Indonesian titles too, as the import takes them.
      if (e instanceof AppError && e.status < 500) return data({ fileError: t(e.reason, { expected: t("agencies.import.unitColumns"), max: MAX_CSV_ROWS }) }, { status: e.status });
      throw e;
    }
  }
  if (form.get("_intent") === "remove") {
    // Only a tampered form sends a bad id.
    const unitId = idOf(String(form.get("unitId") ?? ""));
    if (!unitId) throw new AppError("not-found", "errors.notFound");
    const done = await removeUnit(db, actor, agencyId, unitId);
    if (!done.removed) {
      const { innovations, operators, proposals } = done.uses;
      return data({ removeError: t("agencies.units.inUse", { name: done.name, innovations, operators, proposals }) }, { status: 409 });
    }
    const back = new URL(request.url).searchParams.get("instansi") ? `instansi=${agencyId}&` : "";
    return redirect(`/kelola/unit?${back}pesan=dihapus`);
  }
  if (form.get("_intent") === "rename") {
    const unitId = idOf(String(form.get("unitId") ?? ""));
    if (!unitId) throw new AppError("not-found", "errors.notFound");
    const parsed = parseWith(UnitSchema, formToObject(form), t);
    if (!parsed.ok) return data({ renameErrors: parsed.errors, values: parsed.values }, { status: 400 });
    try {
      await renameUnit(db, actor, agencyId, unitId, parsed.data);
    } catch (e) {
      if (e instanceof AppError && e.code === "conflict") return data({ renameErrors: appErrorFields(e, t), values: formToObject(form) }, { status: 409 });
      throw e;
    }
    const back = new URL(request.url).searchParams.get("instansi") ? `instansi=${agencyId}&` : "";
    return redirect(`/kelola/unit?${back}pesan=diubah`);
  }
  const parsed = parseWith(UnitSchema, formToObject(form), t);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    await addUnits(db, actor, agencyId, [parsed.data]);
  } catch (e) {
    if (e instanceof AppError && e.code === "conflict") return data({ errors: { name: t(e.reason) }, values: formToObject(form) }, { status: 409 });
    throw e;
  }
  return { added: parsed.data.name };
});

export default function Units({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData as
    | {
        errors?: Record<string, string>;
        renameErrors?: Record<string, string>;
        values?: Record<string, unknown>;
        added?: string;
        imported?: number;
        rowErrors?: { line: number; message: string }[];
        fileError?: string;
        removeError?: string;
      }
    | undefined;
  const { locale } = useRoot();
  const editing = loaderData.editing;
  const typed = (k: string, stored: string | null) => (a?.renameErrors ? String(a.values?.[k] ?? "") : (stored ?? ""));
  return (
    <>
      <h1 id="units-title">{t("agencies.units.title")}</h1>
      <p className="muted">{loaderData.agency.name}</p>
      {a?.added ? <p className="notice" role="status">{t("agencies.units.added", { name: a.added })}</p> : null}
      {loaderData.renamed ? <p className="notice" role="status">{t("agencies.units.renamed")}</p> : null}
      {loaderData.removed ? <p className="notice" role="status">{t("agencies.units.removed")}</p> : null}
      <ErrorSummary errors={a?.removeError ? { _form: a.removeError } : undefined} />
      {editing ? (
        <section aria-labelledby="rename-title">
          <h2 id="rename-title">{t("agencies.units.rename", { name: editing.name })}</h2>
          {/* Its own ids ("rename"): the add form below has the same fields. */}
          <ErrorSummary errors={a?.renameErrors} labels={{ name: t("agencies.units.name"), kind: t("agencies.units.kind") }} idPrefix="rename" />
          <Form method="post" className="narrow">
            <CsrfField />
            <input type="hidden" name="_intent" value="rename" />
            <input type="hidden" name="unitId" value={editing.id} />
            <TextField name="name" idPrefix="rename" label={t("agencies.units.name")} required defaultValue={typed("name", editing.name)} error={a?.renameErrors?.name} />
            <TextField name="kind" idPrefix="rename" label={t("agencies.units.kind")} hint={t("agencies.units.kindHint")} defaultValue={typed("kind", editing.kind)} error={a?.renameErrors?.kind} />
            <button type="submit" className="button">{t("agencies.units.save")}</button>{" "}
            <Link to={`/kelola/unit${loaderData.query ? `?${loaderData.query.slice(0, -1)}` : ""}`}>{t("agencies.units.cancel")}</Link>
          </Form>
        </section>
      ) : null}
      <Form method="get" className="filter-row">
        {loaderData.agencyParam ? <input type="hidden" name="instansi" value={loaderData.agencyParam} /> : null}
        <label htmlFor="f-cari">{t("agencies.units.filter")}</label>
        <input id="f-cari" name="cari" type="search" defaultValue={loaderData.q} maxLength={200} />
        <button type="submit" className="button secondary">{t("common.search")}</button>
      </Form>
      <p>{t("common.total")}: {formatNumber(locale, loaderData.total)}</p>
      {loaderData.units.length ? (
        <TableScroll labelledBy="units-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("agencies.units.name")}</th>
                <th scope="col">{t("agencies.units.kind")}</th>
                <th scope="col" className="num">{t("agencies.units.innovations")}</th>
                <th scope="col" className="num">{t("agencies.units.operators")}</th>
                <th scope="col">{t("agencies.units.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.units.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.kind ?? "—"}</td>
                  <td className="num">{formatNumber(locale, u.innovations)}</td>
                  <td className="num">{formatNumber(locale, u.operators)}</td>
                  <td>
                    <Link to={`/kelola/unit?${loaderData.query}ubah=${u.id}`} aria-label={t("agencies.units.renameLink", { name: u.name })}>{t("agencies.units.change")}</Link>
                    {/* Only an unused unit offers removal; the server checks again. */}{" "}
                    {!u.innovations && !u.operators && !u.proposals ? (
                      <Form method="post" className="inline-form">
                        <CsrfField />
                        <input type="hidden" name="unitId" value={u.id} />
                        <button type="submit" name="_intent" value="remove" className="link-button" aria-label={t("agencies.units.removeLabel", { name: u.name })}>
                          {t("agencies.units.remove")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t(loaderData.q ? "agencies.units.noMatch" : "agencies.units.none")}</p>
      )}
      <Pagination page={loaderData.page} pages={loaderData.pages} param="halaman" />
      <h2>{t("agencies.units.add")}</h2>
      <ErrorSummary errors={a?.errors} labels={{ name: t("agencies.units.name"), kind: t("agencies.units.kind") }} />
      <Form method="post" className="narrow">
        <CsrfField />
        <TextField name="name" label={t("agencies.units.name")} required defaultValue={a?.errors ? String(a.values?.name ?? "") : ""} error={a?.errors?.name} />
        <TextField name="kind" label={t("agencies.units.kind")} hint={t("agencies.units.kindHint")} defaultValue={a?.errors ? String(a.values?.kind ?? "") : ""} error={a?.errors?.kind} />
        <button type="submit" className="button">{t("agencies.units.add")}</button>
      </Form>
      <CsvImport hint={t("agencies.import.unitsHint")} rowErrors={a?.rowErrors} fileError={a?.fileError} done={a?.imported} sampleHref="/kelola/unit/contoh-unit.csv" />
    </>
  );
}
