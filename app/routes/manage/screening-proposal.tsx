import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/screening-proposal";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, idOf } from "~/lib/forms";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, TextArea } from "~/components/forms";
import { sectionsFor } from "~/modules/proposals/form-shape";
import { loadProposal } from "~/modules/proposals/queries.server";
import { matchesOf } from "~/modules/screening/queries.server";
import { screenProposals } from "~/modules/screening/screen-proposals.server";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.proposal.title} · Lumbung` : "Lumbung" }];

async function load(context: Route.LoaderArgs["context"], params: Route.LoaderArgs["params"]) {
  const actor = requireUser(context);
  assertCan(actor, "competition.manage");
  const id = idOf(params.id) ?? 0;
  const loaded = id ? await loadProposal(services(context).db, id) : null;
  if (!loaded || loaded.competition.slug !== params.slug || loaded.proposal.state !== "submitted") throw new AppError("not-found", "errors.notFound");
  return { actor, loaded, id };
}

export const loader = page(async ({ context, params }: Route.LoaderArgs) => {
  const { loaded, id } = await load(context, params);
  const { proposal: p, competition } = loaded;
  const bodies = new Map(loaded.sections.map((s) => [s.sectionCode, s.body]));
  return {
    slug: competition.slug,
    name: competition.name,
    checklist: competition.config.checklist,
    proposal: { id: p.id, title: p.title, receipt: p.receiptNumber, agency: loaded.agency.name, screening: p.screening, reason: p.screeningReason, checked: p.screeningChecklist },
    sections: sectionsFor(competition.config, p.groupCode).map((s) => ({ code: s.code, title: s.title, body: bodies.get(s.code) ?? "" })),
    // What the checklist asks to verify besides the text: every file, link and declaration,
    // each under the section or attachment it was given for.
    attachments: [
      ...sectionsFor(competition.config, p.groupCode).map((s) => ({ code: s.code, name: s.title, kind: "evidence" as const })),
      ...competition.config.attachments.filter((a) => !a.groups.length || a.groups.includes(p.groupCode)).map((a) => ({ code: a.code, name: a.name, kind: a.kind })),
    ].flatMap((a) => {
      const files = loaded.files.filter((f) => f.slot === a.code).map((f) => ({ id: f.id, filename: f.filename }));
      const link = a.kind === "link" ? (p.links[a.code] ?? "") : "";
      const declared = a.kind === "declaration" ? p.declarations.includes(a.code) : null;
      return files.length || link || declared !== null || (a.kind !== "evidence") ? [{ code: a.code, name: a.name, kind: a.kind, files, link, declared }] : [];
    }),
    matches: await matchesOf(services(context).db, competition.id, id),
  };
});

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, loaded, id } = await load(context, params);
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const result = form.get("result");
  if (result !== "passed" && result !== "failed" && result !== "pending") return data({ errors: { result: t("field.choice") } }, { status: 400 });
  const checked = new Set(form.getAll("checks[]").map(String));
  const checklist = Object.fromEntries(loaded.competition.config.checklist.map((c) => [c.code, checked.has(c.code)]));
  const reason = String(form.get("reason") ?? "").replace(/\u0000/g, "").trim().slice(0, 3000);
  try {
    await screenProposals(db, actor, loaded.competition.id, [id], { result, reason: reason || undefined, checklist }, { publicUrl: env.publicUrl });
  } catch (e) {
    if (e instanceof AppError && e.status < 500) return data({ errors: appErrorFields(e, t) }, { status: e.status });
    throw e;
  }
  return redirect(`/kelola/kompetisi/${params.slug}/seleksi?pesan=selesai&n=1`);
});

export default function ScreeningProposal({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const errors = (actionData as { errors?: Record<string, string> } | undefined)?.errors;
  const p = d.proposal;
  return (
    <>
      <p className="muted">
        <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link> › <Link to={`/kelola/kompetisi/${d.slug}/seleksi`}>{t("screening.title")}</Link>
      </p>
      <h1>{p.title}</h1>
      <p>{p.receipt} · {p.agency} · {t(`screening.result.${p.screening}`)}</p>
      <p><Link to={`/kelola/proposal/${p.id}`}>{t("screening.openProposal")}</Link></p>
      <ErrorSummary errors={errors} />
      <Form method="post" className="narrow">
        <CsrfField />
        <fieldset className="field checkbox-group">
          <legend>{t("screening.checklist")}</legend>
          {d.checklist.map((c) => (
            <label key={c.code} className="checkbox">
              <input type="checkbox" name="checks[]" value={c.code} defaultChecked={Boolean(p.checked[c.code])} /> {c.label}
            </label>
          ))}
        </fieldset>
        <fieldset className="field checkbox-group">
          <legend>{t("screening.decision")}</legend>
          {(["passed", "failed", "pending"] as const).map((r) => (
            <label key={r} className="checkbox">
              <input type="radio" name="result" value={r} defaultChecked={p.screening === r} /> {t(`screening.result.${r}`)}
            </label>
          ))}
        </fieldset>
        <TextArea name="reason" label={t("screening.reason")} optionalNote={t("screening.reasonNote")} rows={3} defaultValue={p.reason ?? ""} error={errors?.reason} />
        <button type="submit" className="button">{t("screening.save")}</button>
      </Form>

      <h2>{t("screening.matches")}</h2>
      {d.matches.length ? (
        d.matches.map((m) => (
          <section key={m.id} className="match">
            <h3>
              {m.otherKind === "proposal" ? t("screening.matchProposal", { title: m.otherTitle, agency: m.otherAgency }) : t("screening.matchInnovation", { title: m.otherTitle, agency: m.otherAgency })}
              {" · "}
              {m.identicalTitle ? t("screening.matchTitle") : t("screening.matchPercent", { n: m.similarity })}
            </h3>
            {m.otherSlug ? <p><Link to={`/inovasi/${m.otherSlug}`}>{m.otherTitle}</Link></p> : null}
            {m.passages.map((x, i) => (
              <div key={i} className="side-by-side">
                <blockquote>
                  <p className="muted">{t("screening.passageThis")}</p>
                  {x.a.text}
                </blockquote>
                <blockquote>
                  <p className="muted">{t("screening.passageOther")}</p>
                  {x.b.text}
                </blockquote>
              </div>
            ))}
          </section>
        ))
      ) : (
        <p>{t("screening.noMatches")}</p>
      )}

      <h2>{t("screening.attachments")}</h2>
      {d.attachments.length ? (
        <dl className="facts">
          {d.attachments.map((a) => (
            <div key={a.code}>
              <dt>{a.name}</dt>
              <dd>
                {a.files.map((f) => (
                  <span key={f.id}>
                    <a href={`/kelola/proposal/${p.id}/berkas/${f.id}`}>{f.filename}</a>{" "}
                  </span>
                ))}
                {a.kind === "link" ? (a.link ? <a href={a.link} rel="noopener noreferrer">{a.link}</a> : t("screening.missing")) : null}
                {a.kind === "declaration" ? (a.declared ? t("screening.declared") : t("screening.notDeclared")) : null}
                {a.kind === "file" && !a.files.length ? t("screening.missing") : null}
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>{t("screening.noAttachments")}</p>
      )}

      <h2>{t("screening.proposalText")}</h2>
      {d.sections.map((s) => (
        <section key={s.code}>
          <h3>{s.title}</h3>
          <p className="prose-text">{s.body || "—"}</p>
        </section>
      ))}
    </>
  );
}
