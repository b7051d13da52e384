// /kelola/log: who did what and when, from the audit log. The secretariat reads the whole
// system's; an Admin Lokal its own agency's (policy.ts: auditLogScope). Filtered by person, kind
// of action, subject and days, paged by id (?sebelum=, ?sesudah=), all in the address, so the
// page works without JavaScript and a filtered view can be shared.
import { Form, Link } from "react-router";
import type { Route } from "./+types/activity-log";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { page } from "~/lib/respond.server";
import { translator } from "~/i18n";
import { useInstant, useRoot, useT } from "~/lib/use-i18n";
import { ErrorSummary, SelectField, TextField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { pageTitle } from "~/lib/meta";
import { AUDIT_GROUPS } from "~/modules/audit/actions";
import { auditSearch, CSV_MAX, filtered, parseAuditQuery, PERSON_MAX } from "~/modules/audit/query";
import { listAudit, personName, readableScope } from "~/modules/audit/list-audit.server";
import { describeRows } from "~/modules/audit/describe-audit.server";
import { actionText, detailText, subjectText, type AuditRowView } from "~/modules/audit/view";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "audit.title");

const PATH = "/kelola/log";

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const scope = readableScope(requireUser(context));
  const { db } = services(context);
  const { locale, zone } = requestInfo(context);
  const t = translator(locale, { zone });
  const { query, values, errors } = parseAuditQuery(new URL(request.url).searchParams, zone);
  const [page, person] = await Promise.all([listAudit(db, scope, query), query.account ? personName(db, scope, query.account) : null]);
  const rows = await describeRows(db, scope, page.rows);
  return {
    national: scope === "all",
    rows,
    values,
    errors: Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)])),
    query,
    person,
    filtered: filtered(query),
    older: page.older ? auditSearch(query, { before: page.older }) : null,
    // The newer page's query string ("" for the newest page without filters), or null for none.
    newer: page.newer ? auditSearch(query, { after: page.newer }) : page.toNewest ? auditSearch(query) : null,
    // A later page's way back to the newest rows, when "newer" is more than one page away.
    paged: Boolean(query.before || query.after),
    csv: `${PATH}/unduh${auditSearch(query)}`,
  };
});

type Data = Route.ComponentProps["loaderData"];

function Actor({ row }: { row: AuditRowView }) {
  const t = useT();
  if (!row.actor) {
    return (
      <>
        <strong>{t("audit.system")}</strong>
        <br />
        <span className="hint">{t("audit.systemHint")}</span>
      </>
    );
  }
  const a = row.actor;
  return (
    <>
      <Link to={`${PATH}?akun=${a.id}`} title={t("audit.byPerson", { name: a.name })}>
        {a.name}
      </Link>
      <br />
      <span className="hint">
        {a.email}
        {a.agencyName ? ` · ${a.agencyName}` : null}
      </span>
    </>
  );
}

function Subject({ row }: { row: AuditRowView }) {
  const t = useT();
  const text = subjectText(t, row.subject);
  const filter = `${PATH}?subjek=${encodeURIComponent(`${row.subject.type}:${row.subject.id}`)}`;
  return (
    <>
      {row.subject.href ? <Link to={row.subject.href}>{text}</Link> : text}
      <br />
      <Link to={filter} className="hint">
        {t("audit.bySubject")}
        <span className="visually-hidden">: {text}</span>
      </Link>
    </>
  );
}

function Filters({ d }: { d: Data }) {
  const t = useT();
  const { zone } = useRoot();
  const q = d.query;
  return (
    <Form method="get" action={PATH} role="search" aria-label={t("audit.filters")}>
      {/* Filters reached by a link (a person's account, a subject) stay with the form's own. */}
      {q.account ? <input type="hidden" name="akun" value={q.account} /> : null}
      {q.subject ? <input type="hidden" name="subjek" value={`${q.subject.type}:${q.subject.id}`} /> : null}
      <TextField name="pelaku" label={t("audit.filter.person")} hint={t("audit.filter.personHint")} defaultValue={d.values.pelaku} maxLength={PERSON_MAX} />
      <SelectField
        name="jenis"
        label={t("audit.filter.group")}
        options={AUDIT_GROUPS.map((g) => ({ value: g, label: t(`audit.group.${g}`) }))}
        defaultValue={q.group ?? ""}
        emptyLabel={t("audit.filter.allGroups")}
      />
      <TextField name="dari" type="date" label={t("audit.filter.from")} hint={t("audit.filter.dateHint", { zone })} defaultValue={d.values.dari} error={d.errors.dari} />
      <TextField name="sampai" type="date" label={t("audit.filter.until")} hint={t("audit.filter.dateHint", { zone })} defaultValue={d.values.sampai} error={d.errors.sampai} />
      <button type="submit" className="button">{t("audit.filter.apply")}</button>{" "}
      {d.filtered ? <Link to={PATH}>{t("audit.filter.clear")}</Link> : null}
    </Form>
  );
}

/** The filters a link set, which the form does not show as fields: each said, with a way to drop it. */
function LinkedFilters({ d }: { d: Data }) {
  const t = useT();
  const q = d.query;
  if (!q.account && !q.subject) return null;
  const without = (drop: "account" | "subject") => `${PATH}${auditSearch({ ...q, before: null, after: null, [drop]: null })}`;
  return (
    <ul className="notice">
      {q.account ? (
        <li>
          {d.person ? t("audit.filter.onlyPerson", { name: d.person }) : t("audit.filter.onlyAccount", { id: String(q.account) })}{" "}
          <Link to={without("account")}>{t("audit.filter.remove")}</Link>
        </li>
      ) : null}
      {q.subject ? (
        <li>
          {t("audit.filter.onlySubject", { subject: subjectText(t, { type: q.subject.type, id: q.subject.id, name: d.rows[0]?.subject.name ?? null, href: null }) })}{" "}
          <Link to={without("subject")}>{t("audit.filter.remove")}</Link>
        </li>
      ) : null}
    </ul>
  );
}

export default function ActivityLog({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  const errorFields = Object.keys(d.errors);
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t(d.national ? "audit.intro.national" : "audit.intro.agency")}</p>
      <ErrorSummary errors={d.errors} labels={{ dari: t("audit.filter.from"), sampai: t("audit.filter.until") }} />
      {errorFields.length ? <p className="hint">{t("audit.errors.ignored")}</p> : null}
      <Filters d={d} />
      <LinkedFilters d={d} />
      <p>
        <a href={d.csv} download>{t("audit.download", { max: CSV_MAX })}</a>
      </p>
      {d.rows.length === 0 ? (
        <p>{t(d.filtered || d.paged ? "audit.none" : "audit.noneYet")}</p>
      ) : (
        <TableScroll labelledBy="activity-log-caption">
          <table>
            <caption id="activity-log-caption" className="visually-hidden">{t("audit.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("audit.col.when")}</th>
                <th scope="col">{t("audit.col.who")}</th>
                <th scope="col">{t("audit.col.what")}</th>
                <th scope="col">{t("audit.col.subject")}</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => {
                const details = detailText(t, r.details);
                return (
                  <tr key={r.id}>
                    <td>
                      <time dateTime={new Date(r.at).toISOString()}>{instant(r.at)}</time>
                    </td>
                    <td>
                      <Actor row={r} />
                    </td>
                    <td>
                      {actionText(t, r.action)}
                      {details ? (
                        <>
                          <br />
                          <span className="hint">{details}</span>
                        </>
                      ) : null}
                    </td>
                    <td>
                      <Subject row={r} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableScroll>
      )}
      {d.newer !== null || d.older ? (
        <nav aria-label={t("audit.pages")} className="pagination">
          {d.newer !== null ? <Link to={`${PATH}${d.newer}`} rel="prev">← {t("audit.newer")}</Link> : null}
          {d.paged ? <Link to={`${PATH}${auditSearch({ ...d.query, before: null, after: null })}`}>{t("audit.newest")}</Link> : null}
          {d.older ? <Link to={`${PATH}${d.older}`} rel="next">{t("audit.older")} →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
