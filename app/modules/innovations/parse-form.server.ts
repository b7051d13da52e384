import type { DbOrTx } from "~/db/client.server";
import type { Translate } from "~/i18n";
import { AppError } from "~/lib/errors";
import { parseWith } from "~/lib/forms";
import type { Actor } from "~/lib/policy";
import { checkUploads, uploadsFromForm, type StoredFiles } from "./files.server";
import { checkReferences, type InnovationRefs } from "./resolve-input.server";
import { InnovationFields, innovationFormToObject, innovationFormValues, InnovationInputSchema, missingForSend } from "./schemas";

type FormChecks = {
  /** Files the entry already holds, counted against the limits. */
  stored?: StoredFiles;
  /** Check what the form names (unit, region, replication source) against this agency; null: none chosen. */
  references?: { db: DbOrTx; actor: Actor; agencyId: number | null; current?: { id?: number; originInnovationId: number | null } };
  /** The form is sent to Admin Lokal: a refusal also names the fields sending needs. */
  sending?: boolean;
};

const REFERENCE_FIELDS = ["unitId", "regionCode", "origin", "originInnovation"] as const;

/**
 * Validate the register form, its uploads and what it names together, so a person sees every
 * problem at once rather than in rounds. On failure the typed values come back for the form to
 * show again: nothing typed is lost.
 */
export async function parseInnovationForm(form: FormData, t: Translate, maxUploadBytes: number, checks: FormChecks = {}) {
  const raw = innovationFormToObject(form);
  const values = innovationFormValues(raw);
  const parsed = parseWith(InnovationInputSchema, raw, t);
  const { checked, errors: fileErrors } = await checkUploads(uploadsFromForm(form), maxUploadBytes, checks.stored);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  // One sentence per refused file, each naming its file.
  for (const [field, problems] of Object.entries(fileErrors)) errors[field] = problems.map((e) => t(e.key, e.vars)).join(" ");

  if (checks.references) {
    const { db, actor, agencyId, current } = checks.references;
    if (agencyId === null) errors.agencyId ??= t("accounts.errors.agencyRequired");
    else {
      // Each reference is looked up when its own field is well formed, whatever else is wrong.
      const refs: InnovationRefs = {};
      for (const field of REFERENCE_FIELDS) {
        const one = InnovationFields.shape[field].safeParse(raw[field]);
        if (one.success && !errors[field]) Object.assign(refs, { [field]: one.data });
      }
      // The rows' evidence files, when the rows themselves are well formed.
      const rows = InnovationFields.shape.indicators.safeParse(raw.indicators);
      if (rows.success) refs.indicators = rows.data;
      const { fields } = await checkReferences(db, actor, agencyId, refs, current);
      for (const [field, key] of Object.entries(fields)) errors[field] ??= t(key);
    }
  }

  if (!Object.keys(errors).length && parsed.ok) return { ok: true as const, data: parsed.data, files: checked, values };
  if (checks.sending) {
    const missing = missingForSend(raw).filter((f) => !errors[f]);
    for (const f of missing) errors[f] = t("field.required");
    if (missing.length) errors._form ??= t("innovations.errors.incomplete", { fields: missing.map((f) => t(`innovation.field.${f}`)).join(", ") });
  }
  return { ok: false as const, errors, values };
}

/** An AppError's field reasons, translated, for the form. */
export function fieldErrorsOf(e: AppError, t: Translate): Record<string, string> {
  if (!e.fields) return { _form: t(e.reason) };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.fields)) out[k] = t(v);
  if (e.reason === "innovations.errors.incomplete") {
    out._form = t(e.reason, { fields: Object.keys(e.fields).map((f) => t(`innovation.field.${f}`)).join(", ") });
  }
  return out;
}
