import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/proposal";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { can, type Actor } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, idOf, parseWith, versionOf } from "~/lib/forms";
import { formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from "~/components/forms";
import { isStageOpen, registrationStage } from "~/modules/competitions/config-values";
import { timeLeft } from "~/modules/competitions/public.server";
import { submitProblems, type Problem } from "~/modules/proposals/eligibility";
import { attachmentsFor, sectionsFor } from "~/modules/proposals/form-shape";
import { addProposalFiles, PROPOSAL_EVIDENCE, removeProposalFile } from "~/modules/proposals/files.server";
import { restoreHeld, type HeldFile } from "~/modules/uploads/held.server";
import { mayEnterGroup } from "~/modules/competitions/invitations.server";
import { HeldFiles } from "~/modules/uploads/ui/held-files";
import { moveProposal, SubmitRefused } from "~/modules/proposals/move-proposal.server";
import { earlierTiersOf, feedbackFor } from "~/modules/results/queries.server";
import { announcedSlots } from "~/modules/stages/presentation-queries.server";
import { loadProposal, type LoadedProposal } from "~/modules/proposals/queries.server";
import { MAX_SECTION_CHARS, saveProposal, type SectionEdit } from "~/modules/proposals/save-proposal.server";
import { CommentSchema, ProposalDetailsSchema } from "~/modules/proposals/schemas";
import { canMove, isProposalTransition, type ProposalTransition } from "~/modules/proposals/workflow";
import { SectionEditor, type Conflict } from "~/modules/proposals/ui/section-editor";
import { autosavePath } from "~/modules/proposals/autosave";
import { ProposalSteps } from "~/modules/proposals/ui/proposal-steps";
import { ApplicantFeedback } from "~/modules/results/ui/applicant-feedback";
import { isOwnKey } from "~/lib/own";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.proposal.title} · Lumbung` : "Lumbung" }];

async function load(context: Route.LoaderArgs["context"], idParam: string) {
  const actor = requireUser(context);
  const id = idOf(idParam) ?? 0;
  const loaded = id ? await loadProposal(services(context).db, id) : null;
  // Another agency's proposal is not there at all, as far as its reader can tell.
  if (!loaded || !can(actor, "proposal.view", { agencyId: loaded.proposal.agencyId, state: loaded.proposal.state }).ok) {
    throw new AppError("not-found", "errors.notFound");
  }
  return { actor, loaded, id };
}

/** The steps this person may take now (the policy and the state both agree). */
function allowedSteps(actor: Actor, p: LoadedProposal["proposal"]): ProposalTransition[] {
  const s = { agencyId: p.agencyId, unitId: p.unitId, state: p.state };
  const steps: ProposalTransition[] = [];
  if (canMove(p.state, "send") && can(actor, "proposal.send", s).ok && !can(actor, "proposal.review", s).ok) steps.push("send");
  if (canMove(p.state, "forward") && can(actor, "proposal.review", s).ok) steps.push("forward");
  if (canMove(p.state, "endorse") && can(actor, "proposal.endorse", s).ok) steps.push("endorse");
  const mayReturn = p.state === "agency_review" ? can(actor, "proposal.review", s).ok : p.state === "awaiting_endorsement" && (can(actor, "proposal.endorse", s).ok || can(actor, "proposal.review", s).ok);
  if (mayReturn) steps.push("return");
  if (canMove(p.state, "withdraw") && can(actor, "proposal.withdraw", s).ok) steps.push("withdraw");
  return steps;
}

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { actor, loaded } = await load(context, params.id);
  const { proposal: p, competition, innovation, agency } = loaded;
  const config = competition.config;
  const now = new Date();
  const registration = registrationStage(config);
  const open = Boolean(registration && isStageOpen(registration, now));
  const bodies = new Map(loaded.sections.map((s) => [s.sectionCode, s]));
  const sections = sectionsFor(config, p.groupCode).map((s) => ({
    code: s.code,
    title: s.title,
    guidance: s.guidance,
    wordLimit: s.wordLimit,
    weight: s.weight,
    evidenceRequired: s.evidenceRequired,
    body: bodies.get(s.code)?.body ?? "",
    version: bodies.get(s.code)?.version ?? 1,
  }));
  // What would stop the submission now, so nobody learns it only at the last click.
  const problems =
    p.state === "submitted" || p.state === "withdrawn"
      ? []
      : submitProblems({
          config,
          now,
          groupCode: p.groupCode,
          categoryCode: p.categoryCode,
          sections: Object.fromEntries(sections.map((s) => [s.code, s.body])),
          filledSlots: new Set(loaded.files.map((f) => f.slot)),
          links: p.links,
          declarations: p.declarations,
          sourceInnovationIds: p.sourceInnovationIds,
          innovation: { startedOn: innovation.startedOn, state: innovation.state },
          agencyType: agency.type,
          // Quotas depend on the agency's other submissions at that moment: counted at submission.
          submittedByGroup: {},
          earlierTiers: await earlierTiersOf(services(context).db, innovation.id, competition.id),
          invited: await mayEnterGroup(services(context).db, config, competition.id, p.groupCode, innovation.id),
        });
  return {
    proposal: { id: p.id, screening: p.screening, screeningReason: p.screeningReason, title: p.title, state: p.state, version: p.version, groupCode: p.groupCode, categoryCode: p.categoryCode, links: p.links, declarations: p.declarations, reviewComment: p.reviewComment, receiptNumber: p.receiptNumber, submittedAt: p.submittedAt?.toISOString() ?? null },
    competition: { slug: competition.slug, name: competition.name, groups: config.groups, categories: config.categories },
    innovation: { name: innovation.name, slug: innovation.slug },
    agency: { name: agency.name },
    sections,
    attachments: attachmentsFor(config, p.groupCode),
    files: loaded.files,
    sources: loaded.sources,
    history: loaded.history.map((h) => ({ ...h, at: h.at.toISOString() })),
    // The judges' scores and notes reach the applicant with the provisional results, in time
    // to ground an objection, never before.
    feedback: competition.state === "provisional" || competition.state === "final" ? await feedbackFor(services(context).db, competition, p.id) : [],
    editable: can(actor, "proposal.edit", { agencyId: p.agencyId, unitId: p.unitId, state: p.state }).ok,
    // Where this person's unsaved text of this proposal is kept in the browser (section-editor.tsx).
    draftKey: `lumbung:draft:${actor.id}:${p.id}`,
    steps: allowedSteps(actor, p),
    deadline: registration?.closesAt ?? null,
    open,
    left: registration && open ? timeLeft(registration.closesAt, now) : null,
    problems,
    // The presentation slots the agency has been told of, with the way to answer for them.
    slots: p.state === "submitted" ? (await announcedSlots(services(context).db, p.id)).map((sl) => ({ ...sl, startsAt: sl.startsAt.toISOString() })) : [],
    message: new URL(request.url).searchParams.get("pesan"),
  };
});

type ActionReply = {
  errors?: Record<string, string>;
  conflicts?: Conflict[];
  detailsConflict?: boolean;
  problems?: Problem[];
  values?: Record<string, string>;
  saved?: { code: string; version: number }[];
  held?: HeldFile[];
};

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  const { db, env } = services(context);
  const form = await request.formData();
  const intent = String(form.get("_intent") ?? "save");
  const text = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v.replace(/\u0000/g, "") : "";
  };

  const t = translator(requestInfo(context).locale);
  // A step (send, forward, endorse, return, withdraw) reads the proposal itself, and tells one
  // that is not the reader's apart as not found: the head's endorsement at the deadline is one
  // round trip the fewer for not loading the whole proposal first.
  if (isProposalTransition(intent)) {
    const id = idOf(params.id);
    if (!id) throw new AppError("not-found", "errors.notFound");
    let comment: string | undefined;
    if (intent === "return") {
      const parsed = parseWith(CommentSchema, { comment: text("comment") }, t);
      if (!parsed.ok) return data<ActionReply>({ errors: parsed.errors }, { status: 400 });
      comment = parsed.data.comment;
    }
    try {
      await moveProposal(db, actor, id, intent, { comment, publicUrl: env.publicUrl, now: services(context).receivedAt });
      // The head lands on the receipt: the number and the instant are what they came for.
      return redirect(intent === "endorse" ? `/kelola/proposal/${id}/tanda-terima?pesan=endorse` : `/kelola/proposal/${id}?pesan=${intent}`);
    } catch (e) {
      if (e instanceof SubmitRefused) return data<ActionReply>({ problems: e.problems }, { status: 422 });
      if (e instanceof AppError && e.code === "conflict") return data<ActionReply>({ errors: appErrorFields(e, t) }, { status: 409 });
      throw e;
    }
  }

  const { loaded, id } = await load(context, params.id);
  const config = loaded.competition.config;
  // Removing a file is a button of the main form: the rest of the form is saved with it.
  const removal = /^removeFile:(\d{1,9})$/.exec(intent);
  if (removal) await removeProposalFile(db, actor, id, Number(removal[1]));

  // The explicit save: every section, the details, and any files chosen. Files kept from a
  // refused save come back into the form; a refusal keeps the ones sent.
  const fileFields = (groupCode: string) => [...sectionsFor(config, groupCode).map((s) => s.code), ...config.attachments.filter((a) => a.kind === "file").map((a) => a.code)].map((slot) => `file.${slot}`);
  const held = await restoreHeld(db, actor, form);
  const keep = async (groupCode: string) => (await held.keep(fileFields(groupCode), () => PROPOSAL_EVIDENCE, env.maxUploadBytes)).kept;
  const sent: SectionEdit[] = sectionsFor(config, loaded.proposal.groupCode).flatMap((s) =>
    form.has(`section.${s.code}`) ? [{ code: s.code, body: text(`section.${s.code}`), version: versionOf(text(`version.${s.code}`)) }] : [],
  );
  // A section over the limit is not saved but shown again as typed, with why; the others are saved.
  const tooLong = Object.fromEntries(sent.filter((s) => s.body.length > MAX_SECTION_CHARS).map((s) => [`section.${s.code}`, t("proposals.errors.sectionTooLong")]));
  const sections = sent.filter((s) => !(`section.${s.code}` in tooLong));
  const values = Object.fromEntries([...form.keys()].filter((k) => k !== "_csrf").map((k) => [k, text(k)]));
  const links = Object.fromEntries(config.attachments.filter((a) => a.kind === "link").map((a) => [a.code, text(`link.${a.code}`).trim()]));
  const details = parseWith(
    ProposalDetailsSchema,
    {
      version: text("version"),
      title: text("title"),
      groupCode: text("groupCode"),
      categoryCode: text("categoryCode"),
      sources: text("sources").split(/[\s,;]+/).filter(Boolean),
      declarations: form.getAll("declarations[]").filter((v): v is string => typeof v === "string"),
      links,
    },
    t,
  );
  if (!details.ok) {
    // The sections are saved anyway: their text is never lost to a mistake elsewhere.
    const result = await saveProposal(db, actor, id, config, { sections });
    const errors = { ...tooLong, ...Object.fromEntries(Object.entries(details.errors).map(([k, v]) => [k.replace(/^links\./, "link."), v])) };
    return data<ActionReply>({ errors, conflicts: result.conflicts, values, held: await keep(loaded.proposal.groupCode) }, { status: 400 });
  }
  const result = await saveProposal(db, actor, id, config, { sections, details: details.data });
  const uploads = fileFields(details.data.groupCode).flatMap((field) =>
    form.getAll(field).flatMap((f) => (typeof f !== "string" && f.size > 0 ? [{ slot: field.slice("file.".length), file: f }] : [])),
  );
  const fileProblems = uploads.length ? await addProposalFiles(db, actor, id, uploads, env.maxUploadBytes) : {};
  const errors = { ...tooLong, ...Object.fromEntries(Object.entries(fileProblems).map(([k, p]) => [k, t(p.key, p.vars)])) };
  // The files are stored all together or not at all: refused, the good ones wait for the next try.
  const kept = Object.keys(errors).length ? await keep(details.data.groupCode) : (await held.release(), []);
  if (result.conflicts.length || result.detailsConflict || Object.keys(errors).length) {
    return data<ActionReply>({ conflicts: result.conflicts, detailsConflict: result.detailsConflict, errors, values, held: kept }, { status: result.conflicts.length || result.detailsConflict ? 409 : 400 });
  }
  return redirect(`/kelola/proposal/${id}?pesan=disimpan`);
});

const MOVED: Record<string, string> = {
  send: "proposals.moved.send",
  forward: "proposals.moved.forward",
  return: "proposals.moved.return",
  withdraw: "proposals.moved.withdraw",
  disimpan: "proposals.saved",
};

export default function ProposalPage({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const d = loaderData;
  const a = actionData as ActionReply | undefined;
  const p = d.proposal;
  const v = (k: string, fallback: string) => a?.values?.[k] ?? fallback;
  const conflicts = new Map((a?.conflicts ?? []).map((c) => [c.code, c]));
  const filesOf = (slot: string) => d.files.filter((f) => f.slot === slot);
  // The browser never requires an upload (a file saved earlier fills the slot), yet a slot the
  // submission needs is not "optional": while it is empty it is marked as needed before sending,
  // and once it holds a file it carries no mark.
  const uploadNote = (slot: string, needed: boolean) => (!needed ? undefined : filesOf(slot).length ? "" : t("innovations.form.neededToSend"));
  const FileList = ({ slot }: { slot: string }) => (
    <ul className="file-list">
      {filesOf(slot).map((f) => (
        <li key={f.id}>
          <a href={`/kelola/proposal/${p.id}/berkas/${f.id}`}>{f.filename}</a> <span className="muted">({Math.ceil(f.size / 1024)} kB)</span>
          {d.editable ? (
            <>
              {" "}
              <button type="submit" name="_intent" value={`removeFile:${f.id}`} className="link-button">{t("proposals.removeFile", { name: f.filename })}</button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <p className="muted">
        <Link to={`/kelola/proposal?kompetisi=${d.competition.slug}`}>{t("proposals.title")}</Link> › {d.competition.name}
      </p>
      <h1>{p.title}</h1>
      <p>
        <span className={`badge badge-${p.state}`}>{t(`proposals.state.${p.state}`)}</span> · {d.agency.name} · <Link to={`/inovasi/${d.innovation.slug}`}>{d.innovation.name}</Link>
      </p>
      {d.message && isOwnKey(MOVED, d.message) ? <p className="notice" role="status">{t(MOVED[d.message], { receipt: p.receiptNumber ?? "" })}</p> : null}
      {p.receiptNumber ? (
        <p>
          <strong>{t("proposals.receiptNumber")}: {p.receiptNumber}</strong> · {p.submittedAt ? formatInstant(locale, p.submittedAt, zone) : ""} ·{" "}
          <Link to={`/kelola/proposal/${p.id}/tanda-terima`}>{t("proposals.receipt")}</Link>
        </p>
      ) : null}
      {d.slots.map((sl) => (
        <p key={sl.id} className="deadline">
          {t("stages.proposalLine", { stage: sl.stageName, when: formatInstant(locale, sl.startsAt, zone), attendance: t(`stages.attendance.${sl.attendance}`) })} —{" "}
          <Link to={`/kelola/presentasi/${sl.id}`}>{t("stages.proposalLink")}</Link>
        </p>
      ))}
      {d.deadline ? (
        <p className="deadline">
          {t("proposals.deadline", { when: formatInstant(locale, d.deadline, zone) })}
          {d.left ? <> · {t("proposals.deadlineLeft", { days: d.left.days, hours: d.left.hours })}</> : null}
        </p>
      ) : null}
      {!d.open && p.state !== "submitted" && p.state !== "withdrawn" ? <p className="notice notice-warning">{t("proposals.deadlinePassed")}</p> : null}
      {p.state === "submitted" && p.screening !== "pending" ? (
        <p className={p.screening === "failed" ? "notice notice-warning" : "notice"}>
          {t("screening.resultForApplicant", { result: t(`screening.result.${p.screening}`) })}
          {p.screeningReason ? <> · {p.screeningReason}</> : null}
        </p>
      ) : null}
      {p.state === "returned" && p.reviewComment ? <p className="notice notice-warning">{t("proposals.returnedNote", { comment: p.reviewComment })}</p> : null}
      {!d.editable && p.state !== "submitted" ? <p className="muted">{t("proposals.locked")}</p> : null}

      {a?.problems?.length ? (
        <div className="error-summary" role="alert">
          <h2>{t("proposals.cannotSubmit")}</h2>
          <ul>
            {a.problems.map((x, i) => (
              <li key={i}>{t(x.key, x.vars)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ErrorSummary errors={{ ...(a?.errors ?? {}), ...(a?.detailsConflict ? { _form: t("proposals.detailsConflict") } : {}) }} />

      <Form method="post" encType="multipart/form-data" className="proposal-form">
        <CsrfField />
        <input type="hidden" name="version" value={p.version} />
        {/* First in the form, so that Enter in a field saves (and never presses a remove button). */}
        {d.editable ? (
          <p>
            <button type="submit" name="_intent" value="save" className="button">{t("proposals.save")}</button>
          </p>
        ) : null}
        <h2>{t("proposals.sections")}</h2>
        {d.sections.map((s) => (
          <section key={s.code} className="proposal-section">
            <SectionEditor section={s} editable={d.editable} draftKey={`${d.draftKey}:${s.code}`} saveTo={autosavePath(p.id)} pagePath={`/kelola/proposal/${p.id}`} conflict={conflicts.get(s.code)} error={a?.errors?.[`section.${s.code}`]} />
            <h3 className="evidence-title">{t("proposals.evidence")}</h3>
            {filesOf(s.code).length ? <FileList slot={s.code} /> : <p className="muted">{t("proposals.noFiles")}</p>}
            {d.editable ? (
              <>
                <TextField name={`file.${s.code}`} type="file" label={t("proposals.uploadFor", { slot: s.title })} optionalNote={uploadNote(s.code, s.evidenceRequired)} error={a?.errors?.[`file.${s.code}`]} />
                <HeldFiles files={a?.held} field={`file.${s.code}`} />
              </>
            ) : null}
          </section>
        ))}

        <h2>{t("proposals.details")}</h2>
        <TextField name="title" label={t("proposals.field.title")} required defaultValue={v("title", p.title)} error={a?.errors?.title} maxLength={200} />
        <SelectField name="groupCode" label={t("proposals.field.group")} required options={d.competition.groups.map((g) => ({ value: g.code, label: g.name }))} defaultValue={v("groupCode", p.groupCode)} error={a?.errors?.groupCode} />
        <SelectField name="categoryCode" label={t("proposals.field.category")} required options={d.competition.categories.map((c) => ({ value: c.code, label: c.name }))} defaultValue={v("categoryCode", p.categoryCode)} error={a?.errors?.categoryCode} />
        <TextArea name="sources" label={t("proposals.field.sources")} hint={t("proposals.field.sourcesHint")} rows={2} defaultValue={v("sources", d.sources.map((s) => String(s.id)).join("\n"))} error={a?.errors?.sources} />
        {d.sources.length ? (
          <ul>
            {d.sources.map((s) => (
              <li key={s.id}><Link to={`/inovasi/${s.slug}`}>{s.name}</Link> ({s.id})</li>
            ))}
          </ul>
        ) : null}

        <h2>{t("proposals.attachments")}</h2>
        {d.attachments.map((att) =>
          att.kind === "link" ? (
            <TextField key={att.code} name={`link.${att.code}`} type="url" label={att.name} optionalNote={att.required ? t("innovations.form.neededToSend") : undefined} defaultValue={v(`link.${att.code}`, p.links[att.code] ?? "")} error={a?.errors?.[`link.${att.code}`]} />
          ) : att.kind === "declaration" ? (
            <div key={att.code} className="field">
              <label className="checkbox">
                <input type="checkbox" name="declarations[]" value={att.code} defaultChecked={p.declarations.includes(att.code)} disabled={!d.editable} /> {att.name}
              </label>
            </div>
          ) : (
            <div key={att.code} className="field">
              <p><strong>{att.name}</strong></p>
              <FileList slot={att.code} />
              {d.editable ? (
                <>
                  <TextField name={`file.${att.code}`} type="file" label={t("proposals.uploadFor", { slot: att.name })} optionalNote={uploadNote(att.code, att.required)} error={a?.errors?.[`file.${att.code}`]} />
                  <HeldFiles files={a?.held} field={`file.${att.code}`} />
                </>
              ) : null}
            </div>
          ),
        )}
        {d.editable ? (
          <p>
            <button type="submit" name="_intent" value="save" className="button">{t("proposals.save")}</button>
          </p>
        ) : null}
      </Form>
      <ProposalSteps steps={d.steps} problems={d.problems} error={a?.errors?.comment} />

      <ApplicantFeedback feedback={d.feedback} />

      <h2>{t("proposals.history")}</h2>
      <ol className="history">
        {d.history.map((h, i) => (
          <li key={i}>
            {formatInstant(locale, h.at, zone)} · {t(`proposals.history.${h.action}`)}
            {h.actor ? <> · {h.actor}</> : null}
            {h.comment ? <blockquote>{h.comment}</blockquote> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
