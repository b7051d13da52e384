import type { Translate } from "~/i18n";
import { AppError } from "~/lib/errors";
import { parseWith } from "~/lib/forms";
import { checkUploads, uploadsFromForm, type StoredFiles } from "./files.server";
import { innovationFormToObject, innovationFormValues, InnovationInputSchema } from "./schemas";

/**
 * Validate the register form and its uploads together, so a person sees every problem at once.
 * On failure the typed values come back for the form to show again: nothing typed is lost.
 */
export async function parseInnovationForm(form: FormData, t: Translate, maxUploadBytes: number, stored?: StoredFiles) {
  const raw = innovationFormToObject(form);
  const values = innovationFormValues(raw);
  const parsed = parseWith(InnovationInputSchema, raw, t);
  const { checked, errors: fileErrors } = await checkUploads(uploadsFromForm(form), maxUploadBytes, stored);
  const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
  // One sentence per refused file, each naming its file.
  for (const [field, problems] of Object.entries(fileErrors)) errors[field] = problems.map((e) => t(e.key, e.vars)).join(" ");
  if (!parsed.ok || Object.keys(errors).length) return { ok: false as const, errors, values };
  return { ok: true as const, data: parsed.data, files: checked, values };
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
