import { data, Form, Link, redirect } from "react-router";
import { and, eq, sql } from "drizzle-orm";
import type { Route } from "./+types/results";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, parseWith, stripNul } from "~/lib/forms";
import { formatDate, formatInstant, translator, type MessageKey } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from "~/components/forms";
import { objections, proposals, stageDecisions } from "~/db/schema";
import { objectionDeadline, tiersFromDecisions } from "~/modules/results/awards";
import {
  AnswerSchema,
  AwardSchema,
  announceProvisional,
  undecidedStages,
  answerObjection,
  DecreeSchema,
  publicationBlockers,
  publishResults,
  recordDecree,
  setAward,
} from "~/modules/results/manage-results.server";
import { editionAwards, editionObjections } from "~/modules/results/queries.server";
import { WithdrawSchema, withdrawProvisional } from "~/modules/results/withdraw-provisional.server";
import { secretariatEdition } from "~/modules/competitions/edition.server";
import { isOwnKey } from "~/lib/own";
import { TableScroll } from "~/components/table-scroll";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.name} · Lumbung` : "Lumbung" }];

const load = secretariatEdition;

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { row } = await load(context, params.slug);
  const { db } = services(context);
  const sp = new URL(request.url).searchParams;
  const decisions = await db
    .select({ stageCode: stageDecisions.stageCode, proposalId: stageDecisions.proposalId, advances: stageDecisions.advances })
    .from(stageDecisions)
    .where(eq(stageDecisions.competitionId, row.id));
  const preview = new Map<string, number>();
  for (const tier of tiersFromDecisions(row.config, decisions).values()) preview.set(tier, (preview.get(tier) ?? 0) + 1);
  const [{ pending }] = await db.select({ pending: sql<number>`count(*)::int` }).from(objections).where(and(eq(objections.competitionId, row.id), eq(objections.state, "pending")));
  const [{ submitted }] = await db.select({ submitted: sql<number>`count(*)::int` }).from(proposals).where(and(eq(proposals.competitionId, row.id), eq(proposals.state, "submitted")));
  const categoryName = new Map(row.config.categories.map((c) => [c.code, c.name]));
  return {
    slug: row.slug,
    name: row.name,
    state: row.state,
    provisionalAt: row.provisionalAt?.toISOString() ?? null,
    until: row.provisionalAt ? objectionDeadline(row.provisionalAt, row.config.objectionDays).toISOString() : null,
    publishedAt: row.resultsPublishedAt?.toISOString() ?? null,
    decree: { number: row.decreeNumber, date: row.decreeDate },
    tiers: row.config.tiers.map((t) => ({ code: t.code, name: t.name, count: t.count ?? null, preview: preview.get(t.code) ?? 0 })),
    submitted,
    awards: (await editionAwards(db, row)).map((a) => ({ ...a, category: categoryName.get(a.categoryCode) ?? a.categoryCode })),
    objections: (await editionObjections(db, row.id)).map((o) => ({ ...o, createdAt: o.createdAt.toISOString(), decidedAt: o.decidedAt?.toISOString() ?? null })),
    blockers: row.state === "provisional" ? publicationBlockers(row, pending, Date.now()) : [],
    pending,
    undecided: row.state === "announced" ? await undecidedStages(db, row) : [],
    message: sp.get("pesan"),
    n: sp.get("n"),
  };
});

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row } = await load(context, params.slug);
  const { db, env, receivedAt } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const intent = form.get("_intent");
  const back = (pesan: string, extra = "") => redirect(`/kelola/kompetisi/${row.slug}/hasil?pesan=${pesan}${extra}`);
  const opts = { publicUrl: env.publicUrl, now: new Date(receivedAt) };
  try {
    if (intent === "announce") {
      await announceProvisional(db, actor, row.id, opts);
      return back("sementara");
    }
    if (intent === "award") {
      const proposalId = idOf(form.get("proposalId"));
      if (!proposalId) throw new AppError("not-found", "errors.notFound");
      // Parsed here, where the errors can name their limits; setAward checks the same schema.
      const parsed = parseWith(AwardSchema, { tier: String(form.get("tier") ?? ""), reason: stripNul(String(form.get("reason") ?? "")) }, t);
      if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
      await setAward(db, actor, row.id, proposalId, parsed.data);
      return back("predikat");
    }
    if (intent === "answer") {
      // Each pending objection has its own form, its fields named after it (o12.state), so
      // that every field has its own id and an error leads to the right one.
      const objectionId = idOf(form.get("objectionId"));
      if (!objectionId) throw new AppError("not-found", "errors.notFound");
      const prefix = `o${objectionId}.`;
      const fields = formToObject(form);
      const parsed = parseWith(AnswerSchema, { state: fields[`${prefix}state`], response: fields[`${prefix}response`] }, t);
      if (!parsed.ok) {
        const errors = Object.fromEntries(Object.entries(parsed.errors).map(([k, v]) => [k === "_form" ? k : `${prefix}${k}`, v]));
        return data({ errors, values: fields }, { status: 400 });
      }
      await answerObjection(db, actor, row.id, objectionId, parsed.data, opts);
      return back("dijawab");
    }
    if (intent === "decree") {
      const parsed = parseWith(DecreeSchema, formToObject(form), t);
      if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
      await recordDecree(db, actor, row.id, parsed.data);
      return back("sk");
    }
    if (intent === "withdraw") {
      // Named apart from the tier forms' "reason", so that an error leads to this field.
      const parsed = parseWith(WithdrawSchema, { reason: stripNul(String(form.get("withdrawReason") ?? "")) }, t);
      if (!parsed.ok) return data({ errors: { withdrawReason: parsed.errors.reason ?? parsed.errors._form }, values: { withdrawReason: String(form.get("withdrawReason") ?? "") } }, { status: 400 });
      await withdrawProvisional(db, actor, row.id, parsed.data, opts);
      return back("ditarik");
    }
    if (intent === "publish") {
      const done = await publishResults(db, actor, row.id, opts);
      return back("terbit", `&n=${done.certificates}`);
    }
    throw new AppError("invalid", "errors.invalid");
  } catch (e) {
    if (e instanceof AppError && e.status < 500) {
      return data({ errors: appErrorFields(e, t) }, { status: e.status });
    }
    throw e;
  }
});

const MESSAGES: Record<string, MessageKey> = {
  sementara: "results.announced",
  predikat: "results.changed",
  dijawab: "results.answered",
  sk: "results.decreeSaved",
  ditarik: "results.withdrawnNotice",
};

export default function Results({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const reply = actionData as { errors?: Record<string, string>; values?: Record<string, unknown> } | undefined;
  const errors = reply?.errors;
  const typed = (name: string) => (typeof reply?.values?.[name] === "string" ? (reply.values[name] as string) : undefined);
  // The summary names each answer's fields after the agency that objected.
  const labels = Object.fromEntries([
    ["number", t("results.decreeNumber")],
    ["date", t("results.decreeDate")],
    ["tier", t("results.col.tier")],
    ["reason", t("results.reason")],
    ["withdrawReason", t("results.withdrawReason")],
    ...d.objections.flatMap((o) => [
      [`o${o.id}.state`, `${t("results.answerState")} (${o.agency})`],
      [`o${o.id}.response`, `${t("results.answer")} (${o.agency})`],
    ]),
  ]);
  const at = (iso: string | null) => (iso ? formatInstant(locale, iso, zone) : "");
  const tierOptions = [{ value: "", label: t("results.noTier") }, ...d.tiers.map((x) => ({ value: x.code, label: x.name }))];
  const tierName = new Map(d.tiers.map((x) => [x.code, x.name]));
  return (
    <>
      <p className="muted">
        <Link to="/kelola/kompetisi">{t("competitions.manageTitle")}</Link> › <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link>
      </p>
      <h1>{t("results.title")}</h1>
      <p>
        {d.state === "final"
          ? t("results.state.final", { at: at(d.publishedAt) })
          : d.state === "provisional"
            ? t("results.state.provisional", { at: at(d.provisionalAt), until: at(d.until) })
            : t("results.state.announced")}
      </p>
      {d.message === "terbit" ? <p className="notice" role="status">{t("results.published", { n: Number(d.n ?? 0) })}</p> : null}
      {d.message && isOwnKey(MESSAGES, d.message) ? <p className="notice" role="status">{t(MESSAGES[d.message])}</p> : null}
      <ErrorSummary errors={errors} labels={labels} />

      {d.state === "announced" ? (
        <section>
          <h2>{t("results.preview")}</h2>
          {d.tiers.some((x) => x.preview) ? (
            <ul>
              {d.tiers.map((x) => (
                <li key={x.code}>{x.name}: {x.preview}{x.count !== null ? ` / ${x.count}` : ""}</li>
              ))}
            </ul>
          ) : (
            <p>{t("results.previewNone")}</p>
          )}
          {d.undecided.length ? (
            <div className="notice notice-warning">
              <p>{t("results.undecidedIntro")}</p>
              <ul>
                {d.undecided.map((u) => (
                  <li key={u.code}>
                    <Link to={u.kind === "screening" ? `/kelola/kompetisi/${d.slug}/seleksi` : `/kelola/kompetisi/${d.slug}/tahap/${u.code}/pleno`}>
                      {t("results.undecidedStage", { stage: u.name, n: u.undecided })}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <Form method="post">
              <CsrfField />
              <p>{t("results.announceWarning")}</p>
              <button type="submit" name="_intent" value="announce" className="button">{t("results.announce")}</button>
            </Form>
          )}
        </section>
      ) : null}

      {d.state === "final" ? (
        <p>
          <Link to={`/kompetisi/${d.slug}/hasil`}>{t("results.publicPage")}</Link> · <a href={`/kelola/kompetisi/${d.slug}/hasil/unpsa`}>{t("results.unpsa")}</a>
        </p>
      ) : null}

      {/* After a withdrawal the edition is back to "announced" with the earlier awards still
          stored: the preview from the plenary decisions above is what the next announcement
          gives, so the withdrawn list is not shown beside it. */}
      {d.awards.length && d.state !== "announced" ? (
        <section>
          <h2 id="awards-title">{t("results.awards")} ({d.awards.length})</h2>
          {d.state === "provisional" ? <p><a href={`/kelola/kompetisi/${d.slug}/hasil/unpsa`}>{t("results.unpsa")}</a></p> : null}
          <TableScroll labelledBy="awards-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("results.col.tier")}</th>
                  <th scope="col">{t("results.col.innovation")}</th>
                  <th scope="col">{t("results.col.agency")}</th>
                  <th scope="col">{t("results.col.category")}</th>
                  <th scope="col">{d.state === "final" ? t("results.col.certificate") : t("results.change")}</th>
                </tr>
              </thead>
              <tbody>
                {d.awards.map((a) => (
                  <tr key={a.id}>
                    <td>
                      {tierName.get(a.tierCode) ?? a.tierCode}
                      <div className="hint">{t(`results.source.${a.source === "manual" ? "manual" : "stage"}`)}</div>
                    </td>
                    <th scope="row">{a.title}<div className="hint">{a.receipt}</div></th>
                    <td>{a.agency}</td>
                    <td>{a.category}</td>
                    <td>
                      {d.state === "final" && a.certificateCode ? <Link to={`/sertifikat/${a.certificateCode}`}>{a.certificateCode}</Link> : null}
                      {d.state === "provisional" ? (
                        <Form method="post" className="inline-form">
                          <CsrfField />
                          <input type="hidden" name="proposalId" value={a.proposalId} />
                          <label htmlFor={`tier-${a.id}`} className="visually-hidden">{t("results.changeTier")}: {a.title}</label>
                          <select id={`tier-${a.id}`} name="tier" defaultValue={a.tierCode}>
                            {tierOptions.map((o) => (
                              <option key={o.value} value={o.value}>{o.label}</option>
                            ))}
                          </select>{" "}
                          <label htmlFor={`reason-${a.id}`} className="visually-hidden">{t("results.reason")}: {a.title}</label>
                          <input id={`reason-${a.id}`} name="reason" placeholder={t("results.reason")} maxLength={2000} />{" "}
                          <button type="submit" name="_intent" value="award" className="link-button">{t("results.change")}</button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}

      {d.state !== "announced" ? (
        <section>
          <h2>{t("results.objections")}</h2>
          {d.objections.length ? (
            d.objections.map((o) => (
              <article key={o.id} className="card">
                <h3>{o.title ? t("results.objection.about", { title: `${o.receipt ?? ""} ${o.title}` }) : t("results.objection.general")}</h3>
                <p className="hint">{t("results.objection.by", { agency: o.agency, at: at(o.createdAt) })} · {t(`results.objection.state.${o.state}`)}</p>
                <p className="prose-text">{o.reason}</p>
                {o.state === "pending" && d.state === "provisional" ? (
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="objectionId" value={o.id} />
                    <SelectField
                      name={`o${o.id}.state`}
                      label={t("results.answerState")}
                      required
                      options={(["rejected", "upheld"] as const).map((s) => ({ value: s, label: t(`results.objection.state.${s}`) }))}
                      emptyLabel={t("results.chooseDecision")}
                      defaultValue={typed(`o${o.id}.state`)}
                      error={errors?.[`o${o.id}.state`]}
                    />
                    <TextArea name={`o${o.id}.response`} label={t("results.answer")} required rows={3} defaultValue={typed(`o${o.id}.response`)} error={errors?.[`o${o.id}.response`]} />
                    <button type="submit" name="_intent" value="answer" className="button secondary">{t("results.answerSend")}</button>
                  </Form>
                ) : o.response ? (
                  <p><strong>{t("results.answer")}:</strong> {o.response}</p>
                ) : null}
              </article>
            ))
          ) : (
            <p>{t("results.objectionsNone")}</p>
          )}
        </section>
      ) : null}

      {d.state === "provisional" ? (
        <>
          <section>
            <h2>{t("results.decree")}</h2>
            {d.decree.number ? <p>{t("results.decreeIs", { number: d.decree.number, date: formatDate(locale, d.decree.date) })}</p> : null}
            <Form method="post" className="narrow">
              <CsrfField />
              <TextField name="number" label={t("results.decreeNumber")} required defaultValue={d.decree.number} error={errors?.number} maxLength={200} />
              <TextField name="date" type="date" label={t("results.decreeDate")} required defaultValue={d.decree.date} error={errors?.date} />
              <button type="submit" name="_intent" value="decree" className="button secondary">{t("results.decreeSave")}</button>
            </Form>
          </section>
          <section>
            <h2>{t("results.withdraw")}</h2>
            <p>{t("results.withdrawIntro")}</p>
            {d.pending ? (
              <p className="notice notice-warning">{t("results.withdrawPendingNote", { n: d.pending })}</p>
            ) : (
              <Form method="post" className="narrow">
                <CsrfField />
                <TextArea
                  name="withdrawReason"
                  label={t("results.withdrawReason")}
                  hint={t("results.withdrawReasonHint")}
                  required
                  rows={3}
                  maxLength={2000}
                  defaultValue={typed("withdrawReason")}
                  error={errors?.withdrawReason}
                />
                <button type="submit" name="_intent" value="withdraw" className="button warning">{t("results.withdraw")}</button>
              </Form>
            )}
          </section>
          <section>
            <h2>{t("results.publish")}</h2>
            {d.blockers.length ? (
              <>
                <p>{t("results.publishBlocked")}</p>
                <ul>
                  {d.blockers.map((b) => (
                    <li key={b}>{t(b as MessageKey)}</li>
                  ))}
                </ul>
              </>
            ) : null}
            <Form method="post">
              <CsrfField />
              <button type="submit" name="_intent" value="publish" className="button" disabled={d.blockers.length > 0}>{t("results.publish")}</button>
            </Form>
          </section>
        </>
      ) : null}
    </>
  );
}
