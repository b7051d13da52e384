// /ganti-email/:token: the link sent to a new address opens here. Opening it changes nothing
// (mail systems open links to scan them); the button does, so the change is the owner's act.
import { data, Form, Link } from "react-router";
import type { Route } from "./+types/confirm-email";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary } from "~/components/forms";
import { confirmEmailChange, findEmailChange } from "~/modules/accounts/change-email.server";
import { pageTitle, REFERRER_ORIGIN_ONLY } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.changeEmail.title", [REFERRER_ORIGIN_ONLY]);

export async function loader({ params, context }: Route.LoaderArgs) {
  const found = await findEmailChange(services(context).db, params.token);
  return { change: found ? { oldEmail: found.oldEmail, newEmail: found.newEmail } : null, signedIn: requestInfo(context).actor.kind === "user" };
}

export async function action({ params, context }: Route.ActionArgs) {
  const t = translator(requestInfo(context).locale);
  try {
    const { newEmail } = await confirmEmailChange(services(context).db, params.token);
    return { done: newEmail };
  } catch (e) {
    if (e instanceof AppError) return data({ errors: { _form: t(e.reason) } }, { status: e.status });
    throw e;
  }
}

export default function ConfirmEmail({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const done = actionData && "done" in actionData ? actionData.done : null;
  const errors = actionData && "errors" in actionData ? actionData.errors : undefined;
  return (
    <div className="narrow">
      <h1>{t("accounts.changeEmail.title")}</h1>
      {done ? (
        <>
          <p className="notice" role="status">{t("accounts.changeEmail.done", { email: done })}</p>
          <p>{loaderData.signedIn ? <Link to="/kelola/akun">{t("accounts.me.title")}</Link> : <Link to="/masuk">{t("nav.login")}</Link>}</p>
        </>
      ) : !loaderData.change || errors ? (
        <>
          {/* A link refused on its press (spent meanwhile, its address taken) says why, and no button is offered again. */}
          {errors ? <ErrorSummary errors={errors} /> : <p>{t("accounts.errors.tokenInvalid")}</p>}
          <p>{loaderData.signedIn ? <Link to="/kelola/akun">{t("accounts.changeEmail.again")}</Link> : <Link to="/masuk">{t("nav.login")}</Link>}</p>
        </>
      ) : (
        <>
          <p>{t("accounts.changeEmail.ask", { from: loaderData.change.oldEmail, to: loaderData.change.newEmail })}</p>
          <Form method="post">
            <CsrfField />
            <button type="submit" className="button">{t("accounts.changeEmail.confirm")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
