import { data, Form } from "react-router";
import type { Route } from "./+types/forgot-password";
import { requestInfo, services } from "~/lib/context.server";
import { formToObject, parseWith } from "~/lib/forms";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, TextField } from "~/components/forms";
import { ForgotSchema } from "~/modules/accounts/schemas";
import { requestPasswordReset } from "~/modules/accounts/use-token.server";
import { pageTitle } from "~/lib/meta";
import { setTimeout } from "node:timers/promises";

const RESET_ANSWER_MS = 250;

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.forgot.title");

export async function action({ request, context }: Route.ActionArgs) {
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const values = formToObject(await request.formData());
  const parsed = parseWith(ForgotSchema, values, t);
  // What was typed comes back with its error, to be corrected rather than typed again.
  if (!parsed.ok) return data({ errors: parsed.errors, sent: false, email: typeof values.email === "string" ? values.email.slice(0, 320) : "" }, { status: 400 });
  // The answer takes as long whether or not the address has an account: a reset writes a token
  // and a mail, a stranger's address nothing, and those few milliseconds would tell them apart.
  const started = performance.now();
  await requestPasswordReset(db, parsed.data.email, { publicUrl: env.publicUrl });
  await setTimeout(Math.max(0, RESET_ANSWER_MS - (performance.now() - started)));
  return { errors: undefined, sent: true };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const t = useT();
  return (
    <div className="narrow">
      <h1>{t("accounts.forgot.title")}</h1>
      {actionData?.sent ? (
        <p className="notice" role="status">{t("accounts.forgot.sent")}</p>
      ) : (
        <>
          <p>{t("accounts.forgot.intro")}</p>
          <ErrorSummary errors={actionData?.errors} />
          <Form method="post" noValidate>
            <CsrfField />
            <TextField name="email" type="email" label={t("accounts.login.email")} required autoComplete="username" inputMode="email" defaultValue={actionData && "email" in actionData ? actionData.email : undefined} error={actionData?.errors?.email} />
            <button type="submit" className="button">{t("common.submit")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
