// /keberlanjutan: are the country's innovations still running? For a year, how many published
// innovations their agencies confirmed running, said had stopped, or have not answered, by
// province and by agency type. PROGRAMME.md: "nobody knows whether Top 99 innovations still run";
// this page is where anyone can know.
import { Form, Link } from "react-router";
import type { Route } from "./+types/sustainability";
import { services } from "~/lib/context.server";
import { page } from "~/lib/respond.server";
import { idOf } from "~/lib/forms";
import { formatNumber, formatPercent } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { TableScroll } from "~/components/table-scroll";
import { jakartaYear, reportableYears } from "~/modules/compliance/year";
import { sustainabilityFigures, type Tally } from "~/modules/check-ins/queries.server";
import { AGENCY_TYPES } from "~/modules/innovations/vocab";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "checkins.publicPage.title");

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const { db, receivedAt } = services(context);
  const years = reportableYears(receivedAt);
  const asked = idOf(new URL(request.url).searchParams.get("tahun"));
  const year = asked !== null && years.includes(asked) ? asked : jakartaYear(receivedAt);
  const figures = await sustainabilityFigures(db, year);
  const order = (type: string) => AGENCY_TYPES.indexOf(type as (typeof AGENCY_TYPES)[number]);
  return { year, years, ...figures, types: [...figures.types].sort((a, b) => order(a.type) - order(b.type)) };
});

// The innovations asked about in the year: those published before it that had not stopped earlier.
const asked = (t: Tally) => t.running + t.stopped + t.due;

function Row({ label, tally }: { label: React.ReactNode; tally: Tally }) {
  const { locale } = useRoot();
  const n = (v: number) => formatNumber(locale, v);
  const total = asked(tally);
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{n(total)}</td>
      <td className="num">{n(tally.running)}</td>
      <td className="num">{n(tally.stopped)}</td>
      <td className="num">{n(tally.due)}</td>
      <td className="num">{total ? formatPercent(locale, (tally.running + tally.stopped) / total) : "–"}</td>
    </tr>
  );
}

function Head({ first }: { first: string }) {
  const t = useT();
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="num">{t("checkins.publicPage.asked")}</th>
        <th scope="col" className="num">{t("checkins.standing.running")}</th>
        <th scope="col" className="num">{t("checkins.standing.stopped")}</th>
        <th scope="col" className="num">{t("checkins.standing.due")}</th>
        <th scope="col" className="num">{t("checkins.publicPage.answeredShare")}</th>
      </tr>
    </thead>
  );
}

export default function Sustainability({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const total = asked(d.national);
  return (
    <>
      <h1>{t("checkins.publicPage.heading", { year: String(d.year) })}</h1>
      <p className="lead">{t("checkins.publicPage.intro")}</p>
      <Form method="get" className="filter-row">
        <label htmlFor="f-tahun">{t("checkins.year")}</label>
        <select id="f-tahun" name="tahun" defaultValue={String(d.year)}>
          {d.years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>
        <button type="submit" className="button secondary">{t("common.filter")}</button>
      </Form>
      <p role="status">
        {t("checkins.publicPage.summary", {
          asked: total,
          running: d.national.running,
          stopped: d.national.stopped,
          due: d.national.due,
        })}{" "}
        {t("checkins.publicPage.besides", { fresh: d.national.new, earlier: d.national.stoppedEarlier })}
      </p>
      <h2 id="by-type">{t("checkins.publicPage.byType")}</h2>
      <TableScroll labelledBy="by-type">
        <table>
          <Head first={t("checkins.publicPage.agencyType")} />
          <tbody>
            {d.types.map((r) => (
              <Row key={r.type} label={t(`agencyType.${r.type}`)} tally={r.tally} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2 id="by-province">{t("checkins.publicPage.byProvince")}</h2>
      <TableScroll labelledBy="by-province">
        <table>
          <Head first={t("checkins.publicPage.province")} />
          <tbody>
            {d.provinces.map((r) => (
              <Row key={r.code} label={<Link to={`/wilayah/${r.code}`}>{r.name}</Link>} tally={r.tally} />
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="muted">{t("checkins.publicPage.note")}</p>
    </>
  );
}
