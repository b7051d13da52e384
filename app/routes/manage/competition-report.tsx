// /kelola/kompetisi/:slug/laporan: the edition's figures for the secretariat (by stage, category,
// group, agency type, province), each table downloadable, and the printable plenary sheet of a
// scored stage (?tahap=…). Read-only, GET only: it works without JavaScript and prints as is.
import { Link } from "react-router";
import type { Route } from "./+types/competition-report";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { formatNumber, translator, type Locale } from "~/i18n";
import { useInstant, useRoot, useT } from "~/lib/use-i18n";
import { competitionBySlug } from "~/modules/competitions/queries.server";
import { competitionReport } from "~/modules/reports/competition-report.server";
import { plenarySheet, plenaryStages } from "~/modules/reports/plenary-sheet.server";
import { COUNT_TABLES, FORMAT_KEYS, countTable, type ReportTable } from "~/modules/reports/tables";
import { TableScroll } from "~/components/table-scroll";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.heading} · Lumbung` : "Lumbung" }];

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "competition.manage");
  const { db, receivedAt } = services(context);
  const t = translator(requestInfo(context).locale);
  const row = await competitionBySlug(db, params.slug);
  if (!row) throw new AppError("not-found", "errors.notFound");
  const sp = new URL(request.url).searchParams;
  const edition = { slug: row.slug, name: row.name };
  const stageCode = sp.get("tahap");
  if (stageCode !== null) {
    // A stage without a plenary is not a bad filter but a page that does not exist.
    if (!plenaryStages(row.config).some((s) => s.code === stageCode)) throw new AppError("not-found", "errors.notFound");
    const normalised = row.config.scoring.normalise && sp.get("dasar") === "normal";
    const sheet = await plenarySheet(db, row, stageCode, normalised ? "normalised" : "raw", t);
    return {
      mode: "plenary" as const,
      edition,
      heading: sheet.table.title,
      generatedAt: receivedAt.toISOString(),
      sheet: { table: sheet.table, stage: { code: sheet.stage.code, name: sheet.stage.name }, scoredBy: sheet.scoredBy?.name ?? null, normalised },
    };
  }
  const report = await competitionReport(db, row);
  return {
    mode: "summary" as const,
    edition,
    heading: t("reports.title", { name: row.name }),
    generatedAt: receivedAt.toISOString(),
    tables: COUNT_TABLES.map((key) => countTable(report, key, t, edition)),
    inProgress: { ...report.inProgress, open: report.inProgress.unit + report.inProgress.agency + report.inProgress.head },
    plenaryStages: plenaryStages(row.config).map((s) => ({ code: s.code, name: s.name })),
  };
});

const downloadHref = (slug: string, table: string, format: string, extra = "") =>
  `/kelola/kompetisi/${encodeURIComponent(slug)}/laporan/unduh?tabel=${table}&format=${format}${extra}`;

/** Plain links (not <Link>): the files come from a resource route, not a page. */
function Downloads({ slug, table, label, extra }: { slug: string; table: string; label: string; extra?: string }) {
  const t = useT();
  return (
    <p className="report-downloads no-print">
      {FORMAT_KEYS.map((f, i) => (
        <span key={f}>
          {i ? " · " : null}
          <a href={downloadHref(slug, table, f, extra)}>
            {t("reports.download", { format: f.toUpperCase() })}
            <span className="visually-hidden"> {t("reports.downloadFor", { table: label })}</span>
          </a>
        </span>
      ))}
    </p>
  );
}

function cellText(v: string | number | null, locale: Locale, numeric: boolean) {
  if (v === null || v === "") return "—";
  return numeric && typeof v === "number" ? formatNumber(locale, v, { maximumFractionDigits: 2 }) : String(v);
}

function TableView({ table, captionId }: { table: ReportTable; captionId?: string }) {
  const { locale } = useRoot();
  const num = (i: number) => (table.columns[i].numeric ? "num" : undefined);
  return (
    <table className={`report-table${table.key === "plenary" ? " report-sheet" : ""}`}>
      <caption id={captionId}>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c, i) => (
            <th key={i} scope="col" className={num(i)}>{c.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, ri) => (
          <tr key={ri}>
            {r.map((v, i) =>
              i === table.rowHeader ? (
                <th key={i} scope="row">{cellText(v, locale, table.columns[i].numeric)}</th>
              ) : (
                <td key={i} className={num(i)}>{cellText(v, locale, table.columns[i].numeric)}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
      {table.total ? (
        <tfoot>
          <tr className="report-total">
            {table.total.map((v, i) =>
              i === table.rowHeader ? (
                <th key={i} scope="row">{cellText(v, locale, false)}</th>
              ) : (
                <td key={i} className={num(i)}>{v === null ? "" : cellText(v, locale, true)}</td>
              ),
            )}
          </tr>
        </tfoot>
      ) : null}
    </table>
  );
}

export default function CompetitionReport({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  const { locale } = useRoot();
  const n = (v: number) => formatNumber(locale, v);
  const reportHref = `/kelola/kompetisi/${d.edition.slug}/laporan`;
  if (d.mode === "plenary") {
    const { table, stage, scoredBy, normalised } = d.sheet;
    return (
      <div className="report-sheet-page">
        <p className="muted no-print">
          <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${d.edition.slug}`}>{d.edition.name}</Link> ›{" "}
          <Link to={reportHref}>{t("reports.plenary.back")}</Link>
        </p>
        <h1>{table.title}</h1>
        <p>
          {[`${d.edition.name}.`, scoredBy ? t("reports.plenary.scoredBy", { stage: scoredBy }) : null, normalised ? t("reports.plenary.basis.normalised") : null].filter(Boolean).join(" ")}
        </p>
        <p className="hint">{t("reports.generatedAt", { at: instant(d.generatedAt) })}</p>
        <Downloads slug={d.edition.slug} table="plenary" label={table.title} extra={`&tahap=${encodeURIComponent(stage.code)}${normalised ? "&dasar=normal" : ""}`} />
        {table.rows.length ? (
          // Wide: it scrolls on a screen (reachable by keyboard) and prints in landscape.
          <TableScroll labelledBy="lembar-pleno" className="report-sheet-wrap">
            <TableView table={table} captionId="lembar-pleno" />
          </TableScroll>
        ) : (
          <p>{t("reports.plenary.empty")}</p>
        )}
      </div>
    );
  }
  return (
    <>
      <p className="muted no-print">
        <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${d.edition.slug}`}>{d.edition.name}</Link>
      </p>
      <h1>{d.heading}</h1>
      <p>{t("reports.intro")}</p>
      <p className="hint">{t("reports.generatedAt", { at: instant(d.generatedAt) })}</p>
      <p className="hint no-print">{t("reports.printHint")}</p>

      {d.tables.map((table) => (
        <section key={table.key} className="report-section" aria-labelledby={`tabel-${table.key}`}>
          <h2 id={`tabel-${table.key}`}>{table.title}</h2>
          {table.key === "stage" ? (
            <>
              <p className="hint">{t("reports.stageLegend")}</p>
              {d.inProgress.open ? (
                <p>{t("reports.inProgress", { open: n(d.inProgress.open), unit: n(d.inProgress.unit), agency: n(d.inProgress.agency), head: n(d.inProgress.head) })}</p>
              ) : null}
            </>
          ) : null}
          <TableView table={table} />
          <Downloads slug={d.edition.slug} table={table.key} label={table.title} />
        </section>
      ))}

      <section className="no-print" aria-labelledby="lembar-pleno-judul">
        <h2 id="lembar-pleno-judul">{t("reports.plenary.title")}</h2>
        <p>{t("reports.plenary.intro")}</p>
        {d.plenaryStages.length ? (
          <ul>
            {d.plenaryStages.map((s) => (
              <li key={s.code}>
                <strong>{s.name}</strong>:{" "}
                <Link to={`${reportHref}?tahap=${encodeURIComponent(s.code)}`}>
                  {t("reports.plenary.view")}
                  <span className="visually-hidden"> {s.name}</span>
                </Link>
                {FORMAT_KEYS.map((f) => (
                  <span key={f}>
                    {" · "}
                    <a href={downloadHref(d.edition.slug, "plenary", f, `&tahap=${encodeURIComponent(s.code)}`)}>
                      {t("reports.download", { format: f.toUpperCase() })}
                      <span className="visually-hidden"> {t("reports.downloadFor", { table: t("reports.table.plenary", { stage: s.name }) })}</span>
                    </a>
                  </span>
                ))}
                {" · "}
                <Link to={`/kelola/kompetisi/${d.edition.slug}/tahap/${encodeURIComponent(s.code)}/pleno`}>
                  {t("reports.plenary.open")}
                  <span className="visually-hidden"> {s.name}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("reports.plenary.none")}</p>
        )}
      </section>
    </>
  );
}
