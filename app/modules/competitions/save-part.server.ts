// A setup page's submission: read the form, apply the part, validate the whole configuration,
// and either redirect (saved) or hand back the person's own values with each error placed.
import { data, redirect } from "react-router";
import type { Db } from "~/db/client.server";
import type { Translate, ZoneName } from "~/i18n";
import { AppError } from "~/lib/errors";
import type { Actor } from "~/lib/policy";
import { updateCompetition, type CompetitionRow } from "./manage-competition.server";
import { buildChange, type SetupPart } from "./part-forms";
import { formValues, type FormValues } from "./parts";

export async function savePart(
  db: Db,
  actor: Actor,
  row: CompetitionRow,
  part: SetupPart | { criteriaOf: number },
  request: Request,
  zone: ZoneName,
  t: Translate,
) {
  const form = await request.formData();
  const values: FormValues = formValues(form);
  const version = Number(values.version);
  const built = buildChange(row, part, values, zone, t);
  const fail = (errors: Record<string, string>, status = 400) => data({ errors, values }, { status });
  if (built.errors) return fail(built.errors);
  try {
    const result = await updateCompetition(db, actor, row.id, Number.isInteger(version) ? version : -1, built.change);
    if (!result.ok) {
      const errors: Record<string, string> = {};
      for (const [path, key] of Object.entries(result.errors)) {
        const field = built.fieldOf(path);
        // An error in another part (a tier removed here that a stage still names): shown on
        // top, with where it is.
        const onPage = field === "_list" || field in values || /^[rq]\.\d+\./.test(field);
        const message = t(key, result.vars[path]);
        if (onPage) errors[field] ??= message;
        else errors._list = [errors._list, `${path}: ${message}`].filter(Boolean).join(" ");
      }
      return fail(errors);
    }
  } catch (e) {
    if (e instanceof AppError && e.code === "conflict") return fail({ _list: t(e.reason) }, 409);
    throw e;
  }
  return redirect(`/kelola/kompetisi/${row.slug}?pesan=disimpan`);
}
