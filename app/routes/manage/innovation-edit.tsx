import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/innovation-edit";
import type { Db } from "~/db/client.server";
import type { Indicator } from "~/db/schema";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { assertCan, can } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { idOf, parseWith, formToObject, versionOf } from "~/lib/forms";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, TextArea, fieldId } from "~/components/forms";
import { loadInnovation } from "~/modules/innovations/load-innovation.server";
import { updateInnovation } from "~/modules/innovations/update-innovation.server";
import { submitInnovation } from "~/modules/innovations/submit-innovation.server";
import { publishInnovation, returnInnovation, unpublishInnovation } from "~/modules/innovations/review-innovation.server";
import { acceptFor, addInnovationFiles, FILE_FIELDS, listInnovationFiles, removeInnovationFile, storedFilesOf } from "~/modules/innovations/files.server";
import { restoreHeld, type HeldFile } from "~/modules/uploads/held.server";
import { fieldErrorsOf, parseInnovationForm } from "~/modules/innovations/parse-form.server";
import { sourceNameOf } from "~/modules/innovations/queries.server";
import { unitsOfAgency } from "~/modules/agencies/queries.server";
import { unitChoices } from "~/modules/innovations/resolve-input.server";
import { regionOptions } from "~/modules/innovations/regions.server";
import { innovationFormToObject, innovationFormValues, ReturnSchema, UnpublishSchema } from "~/modules/innovations/schemas";
import { InnovationForm } from "~/modules/innovations/ui/innovation-form";
import { ownEntry } from "~/lib/own";

export const meta: Route.MetaFunction = ({ data }) => [{ title: `${data?.innovation.name ?? ""} · Lumbung` }];

const INTENT_ACTION: Record<string, "innovation.edit" | "innovation.review" | "innovation.unpublish"> = {
  save: "innovation.edit",
  keepMine: "innovation.edit",
  submit: "innovation.edit",
  removeFile: "innovation.edit",
  return: "innovation.review",
  publish: "innovation.review",
  unpublish: "innovation.unpublish",
};

const NOTICES = ["created", "saved", "submitted", "returned", "published", "unpublished", "fileRemoved"] as const;

// The refusals an operator is told about beside a read-only entry (others show nothing).
const READ_ONLY_REASONS = ["innovations.errors.otherUnit", "innovations.errors.locked"];

export const loader = page(async ({ params, context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const { db, env } = services(context);
  // Only a canonical id ("16", never "0x10" or "1e1"); anything else names no row, a 404.
  const innovation = await loadInnovation(db, idOf(params.id) ?? 0);
  const edit = can(actor, "innovation.edit", innovation);
  assertCan(actor, "innovation.manage", innovation);
  const originInnovation = await sourceNameOf(db, innovation.originInnovationId);
  const notice = new URL(request.url).searchParams.get("pesan");
  return {
    innovation: { ...innovation, searchVector: undefined, originInnovation },
    files: await listInnovationFiles(db, innovation.id),
    units: unitChoices(actor, await unitsOfAgency(db, innovation.agencyId)),
    regions: await regionOptions(db, innovation.agencyId),
    // Why an operator reads without writing: another unit's entry, or one under review.
    readOnly: !edit.ok && READ_ONLY_REASONS.includes(edit.reason) ? edit.reason : null,
    can: {
      edit: edit.ok,
      submit: can(actor, "innovation.submit", innovation).ok,
      review: can(actor, "innovation.review", innovation).ok,
      unpublish: can(actor, "innovation.unpublish", innovation).ok,
    },
    notice: NOTICES.find((n) => n === notice) ?? null,
    withoutEvidence: notice === "fileRemoved" ? Math.min(idOf(new URL(request.url).searchParams.get("tanpaBukti")) ?? 0, 1000) : 0,
    maxUploadMb: Math.round(env.maxUploadBytes / 1048576),
  };
});

export const action = page(async ({ request, params, context }: Route.ActionArgs) => {
  const actor = requireUser(context);
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const id = idOf(params.id) ?? 0;
  const form = await request.formData();
  const intent = String(form.get("_intent") ?? "save");
  const opts = { publicUrl: env.publicUrl };
  // Authorization before validation: a refused person learns nothing from field errors.
  const current = await loadInnovation(db, id);
  assertCan(actor, ownEntry(INTENT_ACTION, intent) ?? "innovation.manage", current);
  // Files kept from a refused save come back into the form; a refusal keeps the ones sent.
  const writing = intent === "save" || intent === "keepMine" || intent === "submit";
  const held = writing ? await restoreHeld(db, actor, form) : null;
  let filesStored = false;
  const keep = async () => (held && !filesStored ? (await held.keep(FILE_FIELDS, acceptFor, env.maxUploadBytes)).kept : []);
  try {
    switch (intent) {
      case "save":
      case "keepMine":
      case "submit": {
        const parsed = await parseInnovationForm(form, t, env.maxUploadBytes, {
          stored: await storedFilesOf(db, id),
          references: { db, actor, agencyId: current.agencyId, current },
          sending: intent === "submit",
        });
        if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, intent, held: await keep() }, { status: 400 });
        // "Keep mine" comes from the conflict panel, after the person has seen what the other
        // saved: it may replace that version (and only that one), never a blind older form.
        const input = intent === "keepMine" ? { ...parsed.data, version: versionOf(form.get("seenVersion")) } : parsed.data;
        await updateInnovation(db, actor, id, input);
        await addInnovationFiles(db, actor, id, parsed.files);
        filesStored = true;
        await held?.release();
        if (intent === "submit") {
          try {
            await submitInnovation(db, actor, id, opts);
          } catch (e) {
            // The save went through; only the sending failed. Show why, with the saved values.
            if (e instanceof AppError && e.status < 500) {
              const fresh = await loadInnovation(db, id);
              return data({ errors: fieldErrorsOf(e, t), values: { ...parsed.values, version: fresh.version }, intent }, { status: e.status });
            }
            throw e;
          }
          return redirect(`/kelola/inovasi/${id}?pesan=submitted`);
        }
        return redirect(`/kelola/inovasi/${id}?pesan=saved`);
      }
      case "return": {
        const parsed = parseWith(ReturnSchema, formToObject(form), t);
        if (!parsed.ok) return data({ errors: parsed.errors, values: null, intent }, { status: 400 });
        await returnInnovation(db, actor, id, parsed.data.comment, opts);
        return redirect(`/kelola/inovasi/${id}?pesan=returned`);
      }
      case "publish":
        await publishInnovation(db, actor, id, opts);
        return redirect(`/kelola/inovasi/${id}?pesan=published`);
      case "unpublish": {
        const parsed = parseWith(UnpublishSchema, formToObject(form), t);
        // The reason typed comes back with its error: nothing typed is lost.
        const reason = typeof parsed.values.reason === "string" ? parsed.values.reason : "";
        if (!parsed.ok) return data({ errors: parsed.errors, values: null, intent, reason }, { status: 400 });
        await unpublishInnovation(db, actor, id, parsed.data.reason, opts);
        return redirect(`/kelola/inovasi/${id}?pesan=unpublished`);
      }
      case "removeFile":
      {
        const { unlinked } = await removeInnovationFile(db, actor, id, idOf(form.get("fileId")) ?? 0);
        // An indicator that named the file as its proof has none now: the notice says so.
        return redirect(`/kelola/inovasi/${id}?pesan=fileRemoved${unlinked ? `&tanpaBukti=${unlinked}` : ""}`);
      }
      default:
        return data({ errors: { _form: t("errors.invalid") }, values: null, intent }, { status: 400 });
    }
  } catch (e) {
    if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) {
      // Everything typed comes back, indicator rows and the version the form was opened at
      // included: with the stored version instead, a second Save would overwrite blindly.
      const values = writing ? innovationFormValues(innovationFormToObject(form)) : null;
      if (writing && e.code === "conflict") {
        const conflict = await theirs(db, id, Object.keys(e.fields ?? {}));
        return data({ errors: { _form: t(e.reason) }, values, intent, held: await keep(), conflict }, { status: e.status });
      }
      return data({ errors: fieldErrorsOf(e, t), values, intent, held: await keep() }, { status: e.status });
    }
    throw e;
  }
});

/** What the other person saved, for the fields where it differs from the refused form. */
async function theirs(db: Db, id: number, fields: string[]) {
  const latest = await loadInnovation(db, id);
  const stored: Record<string, unknown> = { ...latest, originInnovation: await sourceNameOf(db, latest.originInnovationId) };
  return { version: latest.version, fields: fields.map((field) => ({ field, value: stored[field] ?? null })) };
}

export default function EditInnovation({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { innovation: inv, files, units, can: may, notice } = loaderData;
  const errors = actionData?.errors as Record<string, string> | undefined;
  const typed = actionData?.values as Record<string, unknown> | null | undefined;
  const values = typed ?? inv;
  // A refused form keeps the version it was opened at (see the action); only a fresh page
  // starts from the stored one.
  const version = typed?.version ? Number(typed.version) : inv.version;
  const conflict = (actionData as { conflict?: Conflict } | undefined)?.conflict;
  // A refused return or withdrawal shows its errors beside its own form, not the register's.
  const reviewing = actionData?.intent === "return" || actionData?.intent === "unpublish";
  return (
    <>
      <p className="no-print"><Link to="/kelola/inovasi">← {t("innovations.manage.title")}</Link></p>
      <h1>{inv.name}</h1>
      <p>
        <span className={`tag status-${inv.state}`}>{t(`innovation.state.${inv.state}`)}</span>{" "}
        {inv.state === "published" ? <Link to={`/inovasi/${inv.slug}`}>{t("innovations.manage.view")}</Link> : null}{" "}
        <Link to={`/kelola/inovasi/${inv.id}/riwayat`}>{t("innovations.manage.history")}</Link>
        {inv.state === "published" ? <>{" "}<Link to={`/kelola/inovasi/${inv.id}/pemutakhiran`}>{t("checkins.manageLink")}</Link></> : null}
      </p>
      {/* The notice comes from the address of an earlier success, which a refused form posts
          back to: beside the errors it would contradict them. */}
      {notice && !actionData ? (
        <p className="notice" role="status">
          {t(`innovations.manage.${notice === "fileRemoved" ? "fileRemoved" : notice}`)}
          {loaderData.withoutEvidence ? <> {t("innovations.manage.indicatorsWithoutEvidence", { n: loaderData.withoutEvidence })}</> : null}
        </p>
      ) : null}
      {inv.state === "returned" && inv.reviewComment ? (
        <div className="review-comment" role="note">
          <h2>{t("innovation.field.reviewComment")}</h2>
          <p>{inv.reviewComment}</p>
        </div>
      ) : null}

      {may.review || may.unpublish ? (
        <section className="review-panel" aria-labelledby="review-title">
          <h2 id="review-title">{t("innovation.field.state")}</h2>
          {reviewing ? <ErrorSummary errors={errors} labels={{ comment: t("innovations.manage.returnComment"), reason: t("innovations.manage.unpublishReason") }} /> : null}
          {may.review ? (
            <Form method="post" className="inline-actions">
              <CsrfField />
              <button type="submit" name="_intent" value="publish" className="button">{t("innovations.manage.publish")}</button>
            </Form>
          ) : null}
          {may.review && inv.state === "submitted" ? (
            <Form method="post">
              <CsrfField />
              <TextArea name="comment" label={t("innovations.manage.returnComment")} hint={t("innovations.manage.returnCommentHint")} required rows={3} error={actionData?.intent === "return" ? errors?.comment : undefined} />
              <button type="submit" name="_intent" value="return" className="button secondary">{t("innovations.manage.return")}</button>
            </Form>
          ) : null}
          {may.unpublish ? (
            <Form method="post" noValidate>
              <CsrfField />
              <TextArea
                name="reason"
                label={t("innovations.manage.unpublishReason")}
                hint={t("innovations.manage.unpublishReasonHint")}
                required
                rows={3}
                maxLength={1000}
                defaultValue={(actionData as { reason?: string } | undefined)?.reason}
                error={actionData?.intent === "unpublish" ? errors?.reason : undefined}
              />
              <button type="submit" name="_intent" value="unpublish" className="button warning">{t("innovations.manage.unpublish")}</button>
            </Form>
          ) : null}
        </section>
      ) : null}

      {files.length ? (
        <section aria-labelledby="files-title">
          <h2 id="files-title">{t("innovations.manage.files")}</h2>
          <ul className="file-list">
            {files.map((f) => (
              <li key={f.id}>
                <a href={`/berkas/${f.id}`}>{f.filename}</a> <span className="muted">({f.kind === "photo" ? t("innovation.field.photos") : t("innovation.field.evidence")}, {Math.ceil(f.size / 1024)} kB)</span>{" "}
                {may.edit ? (
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="fileId" value={f.id} />
                    <button type="submit" name="_intent" value="removeFile" className="link-button" aria-label={`${t("innovations.manage.removeFile")}: ${f.filename}`}>{t("innovations.manage.removeFile")}</button>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {may.edit ? (
        <>
          <h2>{t("innovations.manage.edit")}</h2>
          {conflict ? <TheirVersion conflict={conflict} id={inv.id} units={units} regions={loaderData.regions} /> : null}
          {/* Keyed on the stored version: after a save the fields show what was stored
              ("https://" added to a video address), while a refused form keeps what was typed. */}
          <InnovationForm
            key={inv.version}
            values={{ ...(values as object), version }}
            errors={reviewing ? undefined : errors}
            units={units}
            regions={loaderData.regions}
            maxUploadMb={loaderData.maxUploadMb}
            held={(actionData as { held?: HeldFile[] } | undefined)?.held}
            evidenceFiles={files.filter((f) => f.kind === "evidence")}
          >
            {conflict ? (
              <>
                <input type="hidden" name="seenVersion" value={conflict.version} />
                <button type="submit" name="_intent" value="keepMine" className="button warning">{t("innovations.manage.conflictKeepMine")}</button>
              </>
            ) : null}
            {may.submit ? (
              <button type="submit" name="_intent" value="submit" className="button secondary">{t("innovations.manage.submit")}</button>
            ) : null}
          </InnovationForm>
        </>
      ) : (
        <>
          {loaderData.readOnly ? <p className="notice">{t(loaderData.readOnly)}</p> : null}
          <ReadOnly inv={inv} />
        </>
      )}
    </>
  );
}

type Conflict = Awaited<ReturnType<typeof theirs>>;

// Where a link lands: the indicator rows have no single field, so their first row.
const anchorOf = (field: string) => fieldId(field === "indicators" ? "indicators.0" : field);

/** The other person's saved values for the fields that differ, beside the form still holding mine. */
function TheirVersion({ conflict, id, units, regions }: { conflict: Conflict; id: number; units: { id: number; name: string }[]; regions: { code: string; name: string }[] }) {
  const t = useT();
  const label = (field: string) => t(`innovation.field.${field === "unitId" ? "unit" : field}`);
  const shown = (field: string, value: unknown): React.ReactNode => {
    if (value === null || value === "" || (Array.isArray(value) && !value.length)) return "—";
    if (field === "indicators") {
      return (
        <ul>
          {(value as Indicator[]).map((r, i) => (
            <li key={i}>{`${r.name}: ${r.before} → ${r.after}${r.unit ? ` ${r.unit}` : ""}${r.source ? ` (${r.source})` : ""}`}</li>
          ))}
        </ul>
      );
    }
    if (field === "sectors") return (value as string[]).map((s) => t(`sector.${s}`)).join(", ");
    if (field === "sdgs") return (value as number[]).map((n) => t(`sdg.${n}`)).join(", ");
    if (field === "status") return t(`innovation.status.${String(value)}`);
    if (field === "origin") return t(`innovation.origin.${String(value)}`);
    if (field === "unitId") return units.find((u) => u.id === value)?.name ?? String(value);
    if (field === "regionCode") return regions.find((r) => r.code === value)?.name ?? String(value);
    return String(value);
  };
  return (
    <section className="conflict" aria-labelledby="conflict-title">
      <h3 id="conflict-title">{t("innovations.manage.conflictTitle")}</h3>
      <p>{t("innovations.manage.conflictBody")}</p>
      {conflict.fields.map(({ field, value }) => (
        <div key={field}>
          <h4><a href={`#${anchorOf(field)}`}>{label(field)}</a></h4>
          <div className="theirs">{shown(field, value)}</div>
        </div>
      ))}
      <p><Link to={`/kelola/inovasi/${id}`} reloadDocument>{t("innovations.manage.conflictTakeTheirs")}</Link></p>
    </section>
  );
}

function ReadOnly({ inv }: { inv: { summary: string; problem: string; novelty: string; results: string } }) {
  const t = useT();
  return (
    <dl className="readonly">
      {(["summary", "problem", "novelty", "results"] as const).map((k) => (
        <div key={k}>
          <dt>{t(`innovation.field.${k}`)}</dt>
          <dd>{inv[k] || "—"}</dd>
        </div>
      ))}
    </dl>
  );
}
