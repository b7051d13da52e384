import { data, redirect } from "react-router";
import type { Db } from "~/db/client.server";
import type { Translate } from "~/i18n";
import { AppError } from "~/lib/errors";
import { appErrorFields, formToObject, parseWith } from "~/lib/forms";
import { SetPasswordSchema } from "./schemas";
import { setPasswordWithToken } from "./use-token.server";

/** The shared action of the invitation and reset pages: set the password, then go log in. */
export async function setPasswordAction(
  db: Db,
  request: Request,
  token: string,
  purpose: "invite" | "reset",
  t: Translate,
  opts: { demo: boolean; publicUrl: string },
) {
  const parsed = parseWith(SetPasswordSchema, formToObject(await request.formData()), t);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  try {
    await setPasswordWithToken(db, token, purpose, parsed.data.password, opts);
  } catch (e) {
    // A refusal tied to a field (the present password chosen again) is shown at that field.
    if (e instanceof AppError) return data({ errors: appErrorFields(e, t) }, { status: e.status });
    throw e;
  }
  return redirect("/masuk?selesai=1");
}
