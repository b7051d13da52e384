// /instansi/:slug/cetak: the portfolio as a clean printable document (an agency hands it out
// at site visits and exhibitions). Each innovation carries its address, since paper has no links,
// and its first photo, small; they are grouped by unit when the agency records its units.
import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { Route } from "./+types/agency-print";
import { requestInfo, services } from "~/lib/context.server";
import { notFound } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { CONTENT_LANG, formatDate, formatNumber, toZonedInput, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { getAgencyPortfolio, type PortfolioCard, type UnitCount } from "~/modules/catalogue/get-agency-portfolio.server";
import { withAcronym } from "~/modules/catalogue/ui/labels";

const PRINTED = 300;

export const loader = page(async ({ params, context }: Route.LoaderArgs) => {
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const portfolio = await getAgencyPortfolio(db, params.slug, { limit: PRINTED });
  if (!portfolio) throw notFound();
  return {
    portfolio,
    publicUrl: env.publicUrl,
    generatedAt: new Date().toISOString(),
    title: t("catalogue.print.pageTitle", { name: portfolio.agency.shortName ?? portfolio.agency.name }),
  };
});

export const meta: Route.MetaFunction = ({ loaderData }) => [
  { title: loaderData?.title ?? "Lumbung" },
  // A second copy of the portfolio page: keep search engines on the first.
  { name: "robots", content: "noindex" },
];

/** window.print() needs JavaScript: the button appears only where it works. */
function PrintButton() {
  const t = useT();
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className="button" onClick={() => window.print()}>
      {t("catalogue.print.print")}
    </button>
  );
}

type Numbered = { card: PortfolioCard; number: number };
type UnitGroup = { unit: UnitCount | null; items: Numbered[] };

/**
 * The innovations by unit, the units in the page's order (the most innovations first), those
 * under no unit last; numbered through. Null when none has a unit: a flat list reads better
 * than one group.
 */
function byUnit(cards: PortfolioCard[], units: UnitCount[]): UnitGroup[] | null {
  if (!cards.some((c) => c.unitId !== null)) return null;
  const groups: UnitGroup[] = [...units, null].map((unit) => ({ unit, items: [] }));
  const at = new Map(groups.map((g, k) => [g.unit?.id ?? null, k]));
  for (const card of cards) groups[at.get(card.unitId) ?? groups.length - 1].items.push({ card, number: 0 });
  let number = 0;
  const shown = groups.filter((g) => g.items.length);
  for (const g of shown) for (const item of g.items) item.number = ++number;
  return shown;
}

function PrintItem({ card: c, number, level, publicUrl }: Numbered & { level: 2 | 3; publicUrl: string }) {
  const t = useT();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <article className="print-item" aria-labelledby={`item-${c.id}`}>
      <Heading id={`item-${c.id}`} className="print-item-title">
        <span className="print-number">{number}.</span> <span lang={CONTENT_LANG}>{withAcronym(c.name, c.acronym)}</span>
      </Heading>
      {c.photoFileId !== null ? (
        // Loaded at once, not lazily: a browser prints what it has, and a lazy photo further
        // down the pages would come out blank.
        <img
          className="print-photo"
          src={`/berkas/${c.photoFileId}`}
          alt={c.photoCaption ?? t("catalogue.print.photoAlt", { name: c.name })}
          width={160}
          height={120}
        />
      ) : null}
      <p className="print-meta">
        {t(`innovation.status.${c.status}`)}
        {c.startYear ? ` · ${t("catalogue.card.startedIn", { year: String(c.startYear) })}` : null}
        {c.sectors.length ? ` · ${c.sectors.map((s) => t(`sector.${s}`)).join(", ")}` : null}
      </p>
      <p lang={CONTENT_LANG}>{c.summary}</p>
      <p className="print-url">
        {t("catalogue.print.link")}: {`${publicUrl}/inovasi/${c.slug}`}
      </p>
    </article>
  );
}

export default function AgencyPrint({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const { portfolio, publicUrl, generatedAt } = loaderData;
  // The day it is where the reader is. formatDate formats in UTC, where before 07:00 WIB it is
  // still yesterday: it is given the zone's calendar day (at noon, so no zone can shift it).
  const printedOn = formatDate(locale, `${toZonedInput(generatedAt, zone).slice(0, 10)}T12:00:00Z`);
  const { agency, total, byStatus, innovations } = portfolio;
  const groups = byUnit(innovations, portfolio.units);
  const agencyUrl = `${publicUrl}/instansi/${agency.slug}`;
  const n = (v: number) => formatNumber(locale, v);

  return (
    <div className="print-page">
      <p className="no-print print-actions">
        <Link to={`/instansi/${agency.slug}`}>{t("catalogue.print.back")}</Link> <PrintButton />
      </p>
      <header className="print-header">
        <p className="print-kicker">{t("catalogue.print.title")}</p>
        <h1>{agency.name}</h1>
        <p>
          {t(`agencyType.${agency.type}`)}
          {agency.regionName ? ` · ${agency.regionName}` : null}
          {agency.provinceName && agency.regionCode !== agency.provinceCode ? `, ${agency.provinceName}` : null}
        </p>
        <p>
          <strong>{t("catalogue.agency.count", { count: n(total) })}</strong>
          {byStatus.length ? ": " : null}
          {byStatus.map((c) => `${t(`innovation.status.${c.value}`)} ${n(c.count)}`).join(", ")}
        </p>
        <p className="muted">{t("catalogue.print.printedFrom", { url: agencyUrl, date: printedOn })}</p>
        {total > innovations.length ? (
          <p>{t("catalogue.print.truncated", { shown: n(innovations.length), total: n(total), url: `${publicUrl}/inovasi?agency=${agency.slug}` })}</p>
        ) : null}
      </header>

      {innovations.length === 0 ? <p>{t("catalogue.agency.none")}</p> : null}
      {groups
        ? groups.map((g) => (
            <section key={g.unit?.id ?? "none"} className="print-unit" aria-labelledby={`unit-${g.unit?.id ?? "none"}`}>
              <h2 id={`unit-${g.unit?.id ?? "none"}`}>
                {g.unit ? <span lang={CONTENT_LANG}>{g.unit.name}</span> : t("catalogue.print.noUnit")}
              </h2>
              <p className="print-meta">{t("catalogue.agency.count", { count: n(g.items.length) })}</p>
              {g.items.map((item) => <PrintItem key={item.card.id} {...item} level={3} publicUrl={publicUrl} />)}
            </section>
          ))
        : innovations.map((card, k) => <PrintItem key={card.id} card={card} number={k + 1} level={2} publicUrl={publicUrl} />)}
    </div>
  );
}
