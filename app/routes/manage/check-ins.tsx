// /kelola/pemutakhiran: the year's check-ins. An agency's people see where each of its published
// innovations stands (an operator placed in a unit, its unit's, as it answers for those); the
// secretariat sees every agency, those with the most still to answer first, and opens one.
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/check-ins";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { assertCan, can, placedUnit } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { idOf, pageParam } from "~/lib/forms";
import { formatNumber, translator } from "~/i18n";
import { useInstant, useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, SelectField } from "~/components/forms";
import { lastReminder, remindDueAgencies } from "~/modules/check-ins/remind.server";
import { readAutoReminder, saveAutoReminder } from "~/modules/check-ins/auto-remind.server";
import { AUTO_EVERY_WEEKS, type AutoReminder } from "~/modules/check-ins/auto-remind";
import { Pagination } from "~/components/pagination";
import { TableScroll } from "~/components/table-scroll";
import { jakartaYear, reportableYears } from "~/modules/compliance/year";
import { checkInOverview, checkInsByAgency, type Tally } from "~/modules/check-ins/queries.server";
import { agencyById } from "~/modules/agencies/queries.server";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "checkins.title");

const PER_PAGE = 50;

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "checkIn.overview");
  const { db, receivedAt } = services(context);
  const url = new URL(request.url);
  const thisYear = jakartaYear(receivedAt);
  const years = reportableYears(receivedAt);
  const asked = idOf(url.searchParams.get("tahun"));
  const year = asked !== null && years.includes(asked) ? asked : thisYear;
  const onlyDue = url.searchParams.get("tampil") === "belum";
  const pageNo = pageParam(url.searchParams.get("halaman"), 10_000);
  const common = { year, years, thisYear, onlyDue, page: pageNo };

  if (actor.role === "national_admin") {
    const agencyId = idOf(url.searchParams.get("instansi"));
    const agency = agencyId !== null ? await agencyById(db, agencyId) : null;
    if (!agency) {
      const byAgency = await checkInsByAgency(db, year, { page: pageNo, perPage: PER_PAGE });
      return {
        ...common,
        kind: "national" as const,
        byAgency,
        pages: Math.max(1, Math.ceil(byAgency.agencies / PER_PAGE)),
        // Only this year's answers can still be asked for.
        reminder: year === thisYear && can(actor, "checkIn.remind").ok ? { last: await lastReminder(db, year), auto: await readAutoReminder(db) } : null,
        message: url.searchParams.get("pesan"),
      };
    }
    const overview = await checkInOverview(db, { agencyId: agency.id, unitId: null }, year, { only: onlyDue ? "due" : undefined, page: pageNo, perPage: PER_PAGE });
    return { ...common, kind: "agency" as const, national: true, agency, overview, unitOnly: false, wholeAgency: false, placed: false, pages: Math.max(1, Math.ceil(overview.total / PER_PAGE)) };
  }

  // An agency's own people (the policy admits no one else here).
  const unit = placedUnit(actor);
  const wholeAgency = unit !== null && url.searchParams.get("cakupan") === "instansi";
  const scope = { agencyId: actor.agencyId!, unitId: wholeAgency ? null : unit };
  const overview = await checkInOverview(db, scope, year, { only: onlyDue ? "due" : undefined, page: pageNo, perPage: PER_PAGE });
  const agency = { id: actor.agencyId!, name: requestInfo(context).agencyName ?? "" };
  return { ...common, kind: "agency" as const, national: false, agency, overview, unitOnly: scope.unitId !== null, wholeAgency, placed: unit !== null, pages: Math.max(1, Math.ceil(overview.total / PER_PAGE)) };
});

type ActionReply = { tooSoon?: string; autoErrors?: Record<string, string>; autoSent?: { enabled: boolean; everyWeeks: string; fromMonth: string } };

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "checkIn.remind");
  const { db, env, receivedAt } = services(context);
  const form = await request.formData();
  if (form.get("_intent") === "auto") {
    // The automatic reminder's settings: a choice among the offered values only.
    const everyWeeks = Number(form.get("everyWeeks"));
    const fromMonth = Number(form.get("fromMonth"));
    // In the form's order, so that the summary reads as the form does.
    const errors: Record<string, string> = {};
    const t = translator(requestInfo(context).locale);
    if (!Number.isInteger(fromMonth) || fromMonth < 1 || fromMonth > 12) errors.fromMonth = t("checkins.auto.errors.fromMonth");
    if (!(AUTO_EVERY_WEEKS as readonly number[]).includes(everyWeeks)) errors.everyWeeks = t("checkins.auto.errors.everyWeeks");
    if (Object.keys(errors).length) {
      // What was chosen comes back as chosen, the refused value included.
      const autoSent = { enabled: form.get("enabled") === "1", everyWeeks: String(form.get("everyWeeks") ?? "").slice(0, 10), fromMonth: String(form.get("fromMonth") ?? "").slice(0, 10) };
      return data<ActionReply>({ autoErrors: errors, autoSent }, { status: 400 });
    }
    await saveAutoReminder(db, actor, { enabled: form.get("enabled") === "1", everyWeeks: everyWeeks as AutoReminder["everyWeeks"], fromMonth });
    return redirect("/kelola/pemutakhiran?pesan=otomatis");
  }
  const year = jakartaYear(receivedAt);
  const result = await remindDueAgencies(db, actor, year, { now: receivedAt, baseUrl: env.publicUrl });
  if (!result.sent) return data<ActionReply>({ tooSoon: result.lastAt }, { status: 409 });
  return redirect("/kelola/pemutakhiran?pesan=diingatkan");
});

function Reminder({ last, message, tooSoon }: { last: { at: string; agencies: number; unreachable: number; automatic?: boolean } | null; message: string | null; tooSoon?: string }) {
  const t = useT();
  const instant = useInstant();
  return (
    <Form method="post" className="reminder">
      <CsrfField />
      {tooSoon ? <p className="notice notice-warning" role="alert">{t("checkins.remind.tooSoon", { when: instant(tooSoon) })}</p> : null}
      {last ? (
        <p className="notice" role={message === "diingatkan" ? "status" : undefined}>
          {t(last.automatic ? "checkins.remind.lastAuto" : "checkins.remind.last", { when: instant(last.at), agencies: last.agencies })}
          {last.unreachable ? <> {t("checkins.remind.unreachable", { n: last.unreachable })}</> : null}
        </p>
      ) : null}
      <p className="hint">{t("checkins.remind.hint")}</p>
      <button type="submit" className="button secondary">{t("checkins.remind.button")}</button>
    </Form>
  );
}

/** The automatic reminder's settings: on or off, from which month, how often. */
function AutoReminderForm({ auto, sent, saved, errors }: { auto: AutoReminder; sent?: ActionReply["autoSent"]; saved: boolean; errors?: Record<string, string> }) {
  const t = useT();
  const { locale } = useRoot();
  const monthName = new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", { month: "long", timeZone: "UTC" });
  const months = Array.from({ length: 12 }, (_, i) => monthName.format(new Date(Date.UTC(2024, i, 1))));
  return (
    <Form method="post" className="reminder" aria-labelledby="auto-title" noValidate>
      <CsrfField />
      <input type="hidden" name="_intent" value="auto" />
      <h2 id="auto-title">{t("checkins.auto.title")}</h2>
      {saved ? <p className="notice" role="status">{t("checkins.auto.saved")}</p> : null}
      <ErrorSummary errors={errors} labels={{ fromMonth: t("checkins.auto.fromMonth"), everyWeeks: t("checkins.auto.everyWeeks") }} />
      <p>{auto.enabled ? t("checkins.auto.stateOn", { month: months[auto.fromMonth - 1], n: auto.everyWeeks }) : t("checkins.auto.stateOff")}</p>
      <p className="hint">{t("checkins.auto.hint")}</p>
      <p className="field">
        <label>
          <input type="checkbox" name="enabled" value="1" defaultChecked={sent ? sent.enabled : auto.enabled} /> {t("checkins.auto.enabled")}
        </label>
      </p>
      <SelectField name="fromMonth" required label={t("checkins.auto.fromMonth")} error={errors?.fromMonth} defaultValue={sent ? sent.fromMonth : String(auto.fromMonth)} options={months.map((m, i) => ({ value: String(i + 1), label: m }))} />
      <SelectField name="everyWeeks" required label={t("checkins.auto.everyWeeks")} error={errors?.everyWeeks} defaultValue={sent ? sent.everyWeeks : String(auto.everyWeeks)} options={AUTO_EVERY_WEEKS.map((n) => ({ value: String(n), label: t("checkins.auto.weeks", { n }) }))} />
      <button type="submit" className="button secondary">{t("checkins.auto.save")}</button>
    </Form>
  );
}

function TallyLine({ tally }: { tally: Tally }) {
  const t = useT();
  const answered = tally.running + tally.stopped;
  const asked = answered + tally.due;
  return (
    <p className="lead" role="status">
      {t("checkins.tally.answered", { answered, asked })}{" "}
      {t("checkins.tally.detail", {
        running: tally.running,
        stopped: tally.stopped,
        due: tally.due,
        fresh: tally.new,
        earlier: tally.stoppedEarlier,
      })}
    </p>
  );
}

export default function CheckIns({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const n = (v: number) => formatNumber(locale, v);
  const current = d.year === d.thisYear;
  return (
    <>
      <h1>{t("checkins.heading", { year: String(d.year) })}</h1>
      <p>{t("checkins.intro")}</p>
      <Form method="get" className="filter-row">
        {d.kind === "agency" && d.national ? <input type="hidden" name="instansi" value={d.agency.id} /> : null}
        <label htmlFor="f-tahun">{t("checkins.year")}</label>{" "}
        <select id="f-tahun" name="tahun" defaultValue={String(d.year)}>
          {d.years.map((y) => (
            <option key={y} value={y}>{y}</option>
          ))}
        </select>{" "}
        {d.kind === "agency" && d.placed ? (
          <>
            <label htmlFor="f-cakupan">{t("innovations.manage.scope")}</label>{" "}
            <select id="f-cakupan" name="cakupan" defaultValue={d.wholeAgency ? "instansi" : ""}>
              <option value="">{t("innovations.manage.scopeUnit")}</option>
              <option value="instansi">{t("innovations.manage.scopeAgency")}</option>
            </select>{" "}
          </>
        ) : null}
        {d.kind === "agency" ? (
          <>
            <label className="checkbox">
              <input type="checkbox" name="tampil" value="belum" defaultChecked={d.onlyDue} /> {t("checkins.onlyDue")}
            </label>{" "}
          </>
        ) : null}
        <button type="submit" className="button secondary">{t("common.filter")}</button>
      </Form>

      {d.kind === "national" ? (
        <>
          <TallyLine tally={d.byAgency.national} />
          {d.reminder ? (
            <>
              <Reminder last={d.reminder.last} message={d.message} tooSoon={(actionData as ActionReply | undefined)?.tooSoon} />
              <AutoReminderForm auto={d.reminder.auto} saved={d.message === "otomatis"} errors={(actionData as ActionReply | undefined)?.autoErrors} sent={(actionData as ActionReply | undefined)?.autoSent} />
            </>
          ) : null}
          <TableScroll labelledBy="check-in-agencies">
            <table>
              <caption id="check-in-agencies">{t("checkins.byAgency", { year: String(d.year) })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("checkins.col.agency")}</th>
                  <th scope="col" className="num">{t("checkins.standing.due")}</th>
                  <th scope="col" className="num">{t("checkins.standing.running")}</th>
                  <th scope="col" className="num">{t("checkins.standing.stopped")}</th>
                  <th scope="col" className="num">{t("checkins.standing.new")}</th>
                  <th scope="col" className="num">{t("checkins.standing.stoppedEarlier")}</th>
                </tr>
              </thead>
              <tbody>
                {d.byAgency.rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row"><Link to={`/kelola/pemutakhiran?instansi=${r.id}&tahun=${d.year}`}>{r.name}</Link></th>
                    <td className="num">{n(r.tally.due)}</td>
                    <td className="num">{n(r.tally.running)}</td>
                    <td className="num">{n(r.tally.stopped)}</td>
                    <td className="num">{n(r.tally.new)}</td>
                    <td className="num">{n(r.tally.stoppedEarlier)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pagination page={d.page} pages={d.pages} param="halaman" />
        </>
      ) : (
        <>
          <h2>{d.unitOnly ? t("checkins.unitScope") : d.agency.name}</h2>
          {d.national ? <p><Link to={`/kelola/pemutakhiran?tahun=${d.year}`}>← {t("checkins.allAgencies")}</Link></p> : null}
          <TallyLine tally={d.overview.tally} />
          {d.overview.rows.length ? (
            <TableScroll labelledBy="check-in-list">
              <table>
                <caption id="check-in-list" className="visually-hidden">{t("checkins.listCaption", { year: String(d.year) })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("checkins.col.innovation")}</th>
                    <th scope="col">{t("checkins.col.unit")}</th>
                    <th scope="col">{t("checkins.col.standing", { year: String(d.year) })}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.overview.rows.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/kelola/inovasi/${r.id}/pemutakhiran`}>{r.acronym ? `${r.acronym}: ${r.name}` : r.name}</Link>
                      </th>
                      <td>{r.unitName ?? "—"}</td>
                      <td>
                        <span className={`badge badge-${r.standing}`}>{t(`checkins.standing.${r.standing}`)}</span>
                        {r.standing === "due" ? (
                          <span className="muted"> {r.lastYear ? t("checkins.lastYear", { year: String(r.lastYear) }) : t("checkins.never")}</span>
                        ) : null}
                        {r.standing === "due" && current ? <> · <Link to={`/kelola/inovasi/${r.id}/pemutakhiran`}>{t("checkins.answer")}</Link></> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <p className="muted">{d.onlyDue ? t("checkins.noneDue") : t("checkins.noneListed")}</p>
          )}
          <Pagination page={d.page} pages={d.pages} param="halaman" />
        </>
      )}
    </>
  );
}
