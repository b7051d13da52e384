// The conflicts of interest judges declared in an edition. A declaration keeps the judge away
// from the proposal at once; the secretariat then confirms or dismisses it, always with a reason
// (a dismissal lets the judge be assigned again, so it must be explained in the audit log).
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/conflicts";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { formToObject, idOf, parseWith } from "~/lib/forms";
import { translator } from "~/i18n";
import { useInstant, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, fieldId } from "~/components/forms";
import { decideConflict, DecideSchema, listConflicts } from "~/modules/judging/conflicts.server";
import { secretariatEdition } from "~/modules/competitions/edition.server";
import { TableScroll } from "~/components/table-scroll";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.name} · Lumbung` : "Lumbung" }];

const load = secretariatEdition;

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { row } = await load(context, params.slug);
  const list = await listConflicts(services(context).db, row.id);
  const sp = new URL(request.url).searchParams;
  const shape = (c: (typeof list)[number]) => ({ ...c, createdAt: c.createdAt.toISOString(), decidedAt: c.decidedAt?.toISOString() ?? null });
  return {
    slug: row.slug,
    name: row.name,
    pending: list.filter((c) => c.state === "pending").map(shape),
    decided: list.filter((c) => c.state !== "pending").map(shape),
    message: sp.get("pesan"),
  };
});

/** Field names of one conflict's form, unique on the page: `k<id>.state`, `k<id>.reason`. */
const fieldOf = (id: number, f: "state" | "reason") => `k${id}.${f}`;

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row } = await load(context, params.slug);
  const t = translator(requestInfo(context).locale);
  const values = formToObject(await request.formData());
  const id = idOf(values.id);
  if (!id) throw new AppError("invalid", "errors.invalid");
  const parsed = parseWith(DecideSchema, { state: values.state, reason: values.reason ?? "" }, t);
  const shown = { id, state: typeof values.state === "string" ? values.state : "", reason: typeof values.reason === "string" ? values.reason : "" };
  if (!parsed.ok) {
    const errors = Object.fromEntries(Object.entries(parsed.errors).map(([f, m]) => [f === "state" || f === "reason" ? fieldOf(id, f) : "_form", m]));
    return data({ errors, values: shown }, { status: 400 });
  }
  try {
    await decideConflict(services(context).db, actor, row.id, id, parsed.data);
  } catch (e) {
    if (e instanceof AppError && e.code === "invalid") return data({ errors: { [fieldOf(id, "reason")]: t(e.reason) }, values: shown }, { status: e.status });
    throw e;
  }
  return redirect(`/kelola/kompetisi/${row.slug}/konflik?pesan=${parsed.data.state === "confirmed" ? "dikukuhkan" : "ditolak"}`);
});

export default function Conflicts({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  const a = actionData as { errors?: Record<string, string>; values?: { id: number; state: string; reason: string } } | undefined;
  const errors = a?.errors;
  const labelsOf = Object.fromEntries(
    d.pending.flatMap((c) => [
      [fieldOf(c.id, "state"), `${c.judge} · ${c.receipt ?? c.title} · ${t("judgingAdmin.conflicts.decision")}`],
      [fieldOf(c.id, "reason"), `${c.judge} · ${c.receipt ?? c.title} · ${t("judgingAdmin.conflicts.reason")}`],
    ]),
  );
  const proposal = (c: (typeof d.pending)[number]) => (
    <>
      {c.receipt ? <>{c.receipt} · </> : null}
      {c.title} <span className="muted">({c.agency})</span>
    </>
  );
  return (
    <>
      <p className="muted">
        <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link>
      </p>
      <h1>{t("judgingAdmin.conflicts.title")}</h1>
      <p>{t("judgingAdmin.conflicts.intro")}</p>
      <p className="hint">{t("judgingAdmin.conflicts.automatic")}</p>
      {d.message === "dikukuhkan" ? <p className="notice" role="status">{t("judgingAdmin.conflicts.confirmedNotice")}</p> : null}
      {d.message === "ditolak" ? <p className="notice" role="status">{t("judgingAdmin.conflicts.dismissedNotice")}</p> : null}
      <ErrorSummary errors={errors} labels={labelsOf} />

      <h2>{t("judgingAdmin.conflicts.pending", { n: d.pending.length })}</h2>
      {d.pending.length ? (
        d.pending.map((c) => {
          const mine = a?.values?.id === c.id ? a.values : null;
          const stateName = fieldOf(c.id, "state");
          const reasonName = fieldOf(c.id, "reason");
          const stateError = errors?.[stateName];
          const reasonError = errors?.[reasonName];
          return (
            <section key={c.id} className="row-fieldset" aria-labelledby={`konflik-${c.id}`}>
              <h3 id={`konflik-${c.id}`}>{c.judge} · {t(`judging.conflict.${c.kind}`)}</h3>
              <dl className="readonly">
                <dt>{t("judgingAdmin.conflicts.proposal")}</dt>
                <dd>{proposal(c)}</dd>
                <dt>{t("judgingAdmin.conflicts.note")}</dt>
                <dd>{c.note || "—"}</dd>
                <dt>{t("judgingAdmin.conflicts.declaredAt")}</dt>
                <dd>{instant(c.createdAt)}</dd>
              </dl>
              <Form method="post">
                <CsrfField />
                <input type="hidden" name="id" value={c.id} />
                <fieldset
                  className={stateError ? "field field-error checkbox-group" : "field checkbox-group"}
                  id={fieldId(stateName)}
                  aria-describedby={stateError ? `${fieldId(stateName)}-error` : undefined}
                >
                  <legend>{t("judgingAdmin.conflicts.decision")}</legend>
                  {stateError ? <p className="error-message" id={`${fieldId(stateName)}-error`}>{stateError}</p> : null}
                  <div className="checkbox-items">
                    {(["confirmed", "dismissed"] as const).map((s) => (
                      <label key={s} className="checkbox">
                        <input type="radio" name="state" value={s} required defaultChecked={mine?.state === s} /> {t(`judgingAdmin.conflicts.do.${s}`)}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <div className={reasonError ? "field field-error" : "field"}>
                  <label htmlFor={fieldId(reasonName)}>{t("judgingAdmin.conflicts.reason")}</label>
                  {reasonError ? <p className="error-message" id={`${fieldId(reasonName)}-error`}>{reasonError}</p> : null}
                  <textarea
                    id={fieldId(reasonName)}
                    name="reason"
                    rows={2}
                    maxLength={2000}
                    required
                    defaultValue={mine?.reason ?? ""}
                    aria-invalid={reasonError ? true : undefined}
                    aria-describedby={reasonError ? `${fieldId(reasonName)}-error` : undefined}
                  />
                </div>
                <button type="submit" className="button">{t("judgingAdmin.conflicts.decide")}</button>
              </Form>
            </section>
          );
        })
      ) : (
        <p>{t("judgingAdmin.conflicts.nonePending")}</p>
      )}

      <h2 id="decided-title">{t("judgingAdmin.conflicts.decided", { n: d.decided.length })}</h2>
      {d.decided.length ? (
        <TableScroll labelledBy="decided-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("judgingAdmin.conflicts.judge")}</th>
                <th scope="col">{t("judgingAdmin.conflicts.proposal")}</th>
                <th scope="col">{t("judgingAdmin.conflicts.kind")}</th>
                <th scope="col">{t("judgingAdmin.conflicts.note")}</th>
                <th scope="col">{t("judgingAdmin.conflicts.declaredAt")}</th>
                <th scope="col">{t("judgingAdmin.conflicts.state")}</th>
                <th scope="col">{t("judgingAdmin.conflicts.decisionCol")}</th>
              </tr>
            </thead>
            <tbody>
              {d.decided.map((c) => (
                <tr key={c.id}>
                  <td>{c.judge}</td>
                  <td>{proposal(c)}</td>
                  <td>{t(`judging.conflict.${c.kind}`)}</td>
                  <td>{c.note || "—"}</td>
                  <td>{instant(c.createdAt)}</td>
                  <td>{t(`judgingAdmin.conflicts.state.${c.state}`)}</td>
                  <td>
                    {t("judgingAdmin.conflicts.decidedBy", { name: c.decider ?? "—", at: c.decidedAt ? instant(c.decidedAt) : "—" })}
                    {c.reason ? <div className="hint">{c.reason}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("judgingAdmin.conflicts.noneDecided")}</p>
      )}
    </>
  );
}
