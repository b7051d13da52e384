import { Form } from "react-router";
import { CsrfField, ErrorSummary, TextField } from "~/components/forms";
import { useT } from "~/lib/use-i18n";

/** The form behind both an invitation link and a reset link. */
export function SetPasswordPage({ title, intro, errors }: { title: string; intro?: string; errors?: Record<string, string> }) {
  const t = useT();
  return (
    <div className="narrow">
      <h1>{title}</h1>
      {intro ? <p>{intro}</p> : null}
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate>
        <CsrfField />
        <TextField name="password" type="password" label={t("accounts.password.new")} hint={t("accounts.password.hint")} required autoComplete="new-password" error={errors?.password} />
        <TextField name="confirm" type="password" label={t("accounts.password.confirm")} required autoComplete="new-password" error={errors?.confirm} />
        <button type="submit" className="button">{t("accounts.password.set")}</button>
      </Form>
    </div>
  );
}
