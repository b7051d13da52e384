// /kepatuhan: "One Agency, One Innovation" for a year: the figures and the agencies that have not
// met the duty. Public; every control is a GET form so the page works without JavaScript and
// every view has a shareable address.
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/compliance";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { can } from "~/lib/policy";
import { AppError } from "~/lib/errors";
import { CsrfField } from "~/components/forms";
import { lastComplianceReminder, reminderReach, remindAgenciesNotMet, REMIND_EVERY_MS } from "~/modules/compliance/remind-not-met.server";
import { jakartaYear } from "~/modules/compliance/year";
import { useInstant } from "~/lib/use-i18n";
import { page } from "~/lib/respond.server";
import { formatNumber, formatPercent, translator, type Locale } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { ErrorSummary, fieldId } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { queryToObject } from "~/modules/api/query";
import { AGENCY_TYPES } from "~/modules/innovations/vocab";
import { complianceReport } from "~/modules/compliance/compliance-report.server";
import { readComplianceQuery } from "~/modules/compliance/read-query";
import { dropUnknownProvince } from "~/modules/compliance/known-province.server";
import { reportableYears } from "~/modules/compliance/year";
import type { Tally } from "~/modules/compliance/compliance-figures.server";
import { previewTags } from "~/lib/meta";
import { TableScroll } from "~/components/table-scroll";

export const meta: Route.MetaFunction = ({ loaderData }) => (loaderData ? previewTags(loaderData.preview, loaderData.title) : [{ title: "Lumbung" }]);

export const loader = page(async ({ request, context }: Route.LoaderArgs) => {
  const { db, env, receivedAt } = services(context);
  const { locale, actor } = requestInfo(context);
  const t = translator(locale);
  const read = readComplianceQuery(queryToObject(new URL(request.url).searchParams), t);
  const known = await dropUnknownProvince(db, read.query, t);
  const query = known.query;
  const errors = { ...read.errors, ...known.errors };
  const report = await complianceReport(db, query);
  const filters = { year: query.year, type: query.type ?? "", province: query.province ?? "", q: query.q ?? "" };
  const body = {
    title: `${t("compliance.title")} ${query.year} · ${t("app.name")}`,
    preview: { title: `${t("compliance.title")} ${query.year}`, description: t("compliance.intro"), url: `${env.publicUrl}/kepatuhan?year=${query.year}` },
    report,
    filters,
    years: reportableYears(),
    errors,
    // The secretariat's reminder to the agencies behind, for the running year only.
    remind: can(actor, "compliance.remind").ok && query.year === jakartaYear(receivedAt) ? await reminderState(db, query.year, receivedAt) : null,
    message: new URL(request.url).searchParams.get("pesan") === "diingatkan" ? "compliance.remind.sent" : null,
  };
  return Object.keys(errors).length ? data(body, { status: 400 }) : body;
});

async function reminderState(db: Parameters<typeof lastComplianceReminder>[0], year: number, now: Date) {
  const [last, reach] = await Promise.all([lastComplianceReminder(db, year), reminderReach(db, year)]);
  const nextAt = last ? new Date(new Date(last.at).getTime() + REMIND_EVERY_MS) : null;
  return { last, reach, nextAt: nextAt && nextAt > now ? nextAt.toISOString() : null };
}

export const action = page(async ({ request, context }: Route.ActionArgs) => {
  const actor = requireUser(context);
  const { db, env, receivedAt } = services(context);
  const form = await request.formData();
  if (form.get("_intent") !== "remind") throw new AppError("invalid", "errors.invalid");
  await remindAgenciesNotMet(db, actor, { now: receivedAt, baseUrl: env.publicUrl });
  // Sent, or sent less than a week ago by someone else: either way the page says when and to whom.
  return redirect(`/kepatuhan?year=${jakartaYear(receivedAt)}&pesan=diingatkan`);
});

/** The query string for a filtered view, leaving out empty filters. */
function queryString(filters: Record<string, string | number>) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== "" && v !== undefined) sp.set(k, String(v));
  return sp.toString();
}

const rateText = (locale: Locale, rate: number | null, none: string) => (rate === null ? none : formatPercent(locale, rate));

function TallyCells({ tally }: { tally: Tally }) {
  const t = useT();
  const { locale } = useRoot();
  return (
    <>
      <td className="num">{formatNumber(locale, tally.agencies)}</td>
      <td className="num">{formatNumber(locale, tally.met)}</td>
      <td className="num">{formatNumber(locale, tally.notMet)}</td>
      <td className="num compliance-rate">
        {rateText(locale, tally.rate, t("compliance.noRate"))}
        {tally.rate === null ? null : <meter min={0} max={1} value={tally.rate} aria-hidden="true" />}
      </td>
    </>
  );
}

function TallyHead({ first }: { first: string }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">{t("compliance.col.agencies")}</th>
        <th scope="col" className="num">{t("compliance.col.met")}</th>
        <th scope="col" className="num">{t("compliance.col.notMet")}</th>
        <th scope="col" className="num">{t("compliance.col.rate")}</th>
      </tr>
    </thead>
  );
}

export default function Compliance({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const { report, filters, years, errors } = loaderData;
  const year = String(report.year);
  const { overall, notMet } = report;
  const listFilters = { year: report.year, type: filters.type, province: filters.province, q: filters.q };
  const labels = {
    year: t("compliance.year"),
    type: t("compliance.filter.type"),
    province: t("compliance.filter.province"),
    q: t("compliance.filter.q"),
    page: t("compliance.filter.page"),
  };
  return (
    <>
      <h1>{t("compliance.title")}</h1>
      <ErrorSummary errors={errors} labels={labels} />
      <p>{t("compliance.intro")}</p>
      <p><Link to="/keberlanjutan">{t("checkins.publicPage.link")}</Link></p>

      <Form method="get" className={errors.year ? "compliance-year field-error" : "compliance-year"} aria-label={t("compliance.year")}>
        <label htmlFor={fieldId("year")}>{t("compliance.year")}</label>
        {errors.year ? <p className="error-message" id={`${fieldId("year")}-error`}>{errors.year}</p> : null}
        <select
          id={fieldId("year")}
          name="year"
          defaultValue={year}
          aria-invalid={errors.year ? true : undefined}
          aria-describedby={errors.year ? `${fieldId("year")}-error` : undefined}
        >
          {years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>
        {filters.type ? <input type="hidden" name="type" value={filters.type} /> : null}
        {filters.province ? <input type="hidden" name="province" value={filters.province} /> : null}
        {filters.q ? <input type="hidden" name="q" value={filters.q} /> : null}
        <button type="submit" className="button">{t("compliance.show")}</button>
      </Form>

      <section className="compliance-headline" aria-labelledby="compliance-headline">
        <p className="compliance-figure" id="compliance-headline">
          <strong>{rateText(locale, overall.rate, t("compliance.noRate"))}</strong>{" "}
          {t("compliance.headline", { met: overall.met, total: overall.agencies, year })}
        </p>
        <p>{t("compliance.headlineNotMet", { count: overall.notMet })}</p>
        <p className="hint">{t("compliance.rule", { year })}</p>
      </section>

      {loaderData.remind ? <Remind state={loaderData.remind} message={loaderData.message} /> : null}

      <h2 id="by-type">{t("compliance.byType")}</h2>
      {/* Wide tables scroll in their own region (reachable by keyboard), never the page. */}
      <TableScroll labelledBy="by-type">
        <table aria-labelledby="by-type">
          <TallyHead first={t("compliance.col.type")} />
          <tbody>
            {report.byType.map((row) => (
              <tr key={row.type}>
                <th scope="row">{t(`agencyType.${row.type}`)}</th>
                <TallyCells tally={row} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="compliance-total">
              <th scope="row">{t("compliance.allAgencies")}</th>
              <TallyCells tally={overall} />
            </tr>
          </tfoot>
        </table>
      </TableScroll>

      <h2 id="by-province">{t("compliance.byProvince")}</h2>
      <p className="hint">{t("compliance.byProvinceHint")}</p>
      <TableScroll labelledBy="by-province">
        <table aria-labelledby="by-province">
          <TallyHead first={t("compliance.col.province")} />
          <tbody>
            {report.byProvince.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <Link to={`/kepatuhan?${queryString({ year: report.year, province: row.code })}#not-met`}>{row.name}</Link>
                </th>
                <TallyCells tally={row} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>

      <h2 id="not-met">{t("compliance.notMet.title", { year })}</h2>
      <Form method="get" className="filters compliance-filters" aria-label={t("compliance.filter.title")}>
        <input type="hidden" name="year" value={year} />
        <div className={errors.type ? "field field-error" : "field"}>
          <label htmlFor={fieldId("type")}>{t("compliance.filter.type")}</label>
          {errors.type ? <p className="error-message" id={`${fieldId("type")}-error`}>{errors.type}</p> : null}
          <select
            id={fieldId("type")}
            name="type"
            defaultValue={filters.type}
            aria-describedby={errors.type ? `${fieldId("type")}-error` : undefined}
          >
            <option value="">{t("common.all")}</option>
            {AGENCY_TYPES.map((type) => (
              <option key={type} value={type}>{t(`agencyType.${type}`)}</option>
            ))}
          </select>
        </div>
        <div className={errors.province ? "field field-error" : "field"}>
          <label htmlFor={fieldId("province")}>{t("compliance.filter.province")}</label>
          {errors.province ? <p className="error-message" id={`${fieldId("province")}-error`}>{errors.province}</p> : null}
          <select
            id={fieldId("province")}
            name="province"
            defaultValue={filters.province}
            aria-describedby={errors.province ? `${fieldId("province")}-error` : undefined}
          >
            <option value="">{t("common.all")}</option>
            {report.byProvince.map((p) => (
              <option key={p.code} value={p.code}>{p.name}</option>
            ))}
          </select>
        </div>
        <div className={errors.q ? "field field-error" : "field"}>
          <label htmlFor={fieldId("q")}>{t("compliance.filter.q")}</label>
          <p className="hint" id={`${fieldId("q")}-hint`}>{t("compliance.filter.qHint")}</p>
          {errors.q ? <p className="error-message" id={`${fieldId("q")}-error`}>{errors.q}</p> : null}
          <input
            id={fieldId("q")}
            name="q"
            type="search"
            defaultValue={filters.q}
            maxLength={100}
            aria-describedby={[`${fieldId("q")}-hint`, errors.q ? `${fieldId("q")}-error` : ""].join(" ").trim()}
          />
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">{t("common.filter")}</button>{" "}
          <Link to={`/kepatuhan?year=${year}#not-met`}>{t("common.reset")}</Link>
        </div>
      </Form>

      <p>{t("compliance.notMet.count", { count: notMet.total })}</p>
      {notMet.total > 0 ? (
        <p>
          <a href={`/kepatuhan/unduh?${queryString(listFilters)}`} download>{t("compliance.download")}</a> ·{" "}
          <a href={`/kepatuhan/unduh?${queryString({ ...listFilters, format: "xlsx" })}`} download>{t("compliance.downloadXlsx")}</a>{" "}
          <span className="hint">{t("compliance.downloadHint")}</span>
        </p>
      ) : null}

      {notMet.rows.length === 0 && notMet.total > 0 ? (
        // Past the last page: the agencies are there, the address went too far.
        <p>
          {t("compliance.notMet.pastLast", { page: notMet.page })}{" "}
          <Link to={`/kepatuhan?${queryString({ ...listFilters, page: notMet.pages })}#not-met`}>{t("compliance.notMet.toLast")}</Link>
        </p>
      ) : notMet.rows.length === 0 ? (
        // Nothing listed: say whether the filters name agencies that all met the duty, or name
        // none at all, which must not read as everyone having met it.
        <p>{notMet.filtered ? t("compliance.notMet.allMet", { count: notMet.filtered, year }) : t("compliance.notMet.noneFiltered")}</p>
      ) : (
        <TableScroll labelledBy="not-met">
          <table aria-labelledby="not-met">
            <thead>
              <tr>
                <th scope="col">{t("compliance.notMet.agency")}</th>
                <th scope="col">{t("compliance.col.type")}</th>
                <th scope="col">{t("compliance.col.province")}</th>
                <th scope="col">{t("compliance.notMet.regionCode")}</th>
                <th scope="col" className="num">{t("compliance.notMet.published")}</th>
                <th scope="col" className="num">{t("compliance.notMet.lastYear")}</th>
              </tr>
            </thead>
            <tbody>
              {notMet.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row"><Link to={`/instansi/${row.slug}`}>{row.name}</Link></th>
                  <td>{t(`agencyType.${row.type}`)}</td>
                  <td>{row.provinceName ?? ""}</td>
                  <td>{row.regionCode ?? ""}</td>
                  <td className="num">{formatNumber(locale, row.publishedInnovations)}</td>
                  <td className="num">{row.lastInnovationYear === null ? t("compliance.notMet.never") : String(row.lastInnovationYear)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={notMet.page} pages={notMet.pages} />

      <p className="hint">
        {t("compliance.api")} <a href={`/api/v1/compliance?year=${year}`}>/api/v1/compliance?year={year}</a>
      </p>
    </>
  );
}

/** The secretariat's reminder to the agencies that have not met this year's duty. */
function Remind({ state, message }: { state: { last: { at: string; agencies: number; unreachable: number } | null; reach: { notMet: number; reachable: number }; nextAt: string | null }; message: string | null }) {
  const t = useT();
  const instant = useInstant();
  const { last, nextAt, reach } = state;
  return (
    <section aria-labelledby="remind-title" className="no-print">
      <h2 id="remind-title">{t("compliance.remind.title")}</h2>
      {message && last ? (
        <p className="notice" role="status">
          {t(message, { agencies: last.agencies })}
        </p>
      ) : null}
      <p>{t("compliance.remind.intro")}</p>
      {reach.notMet ? <p>{t("compliance.remind.reach", { n: reach.notMet, reachable: reach.reachable })}</p> : null}
      {last ? <p>{t("compliance.remind.last", { at: instant(last.at), agencies: last.agencies, unreachable: last.unreachable })}</p> : <p>{t("compliance.remind.never")}</p>}
      {nextAt ? (
        <p>{t("compliance.remind.next", { at: instant(nextAt) })}</p>
      ) : reach.reachable ? (
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="_intent" value="remind" />
          <button type="submit" className="button secondary">{t("compliance.remind.button", { n: reach.reachable })}</button>
        </Form>
      ) : null}
    </section>
  );
}
