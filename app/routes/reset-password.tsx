import { Link } from "react-router";
import type { Route } from "./+types/reset-password";
import { isSharedDemoLogin } from "~/modules/demo/demo-logins";
import { requestInfo, services } from "~/lib/context.server";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { findToken } from "~/modules/accounts/use-token.server";
import { setPasswordAction } from "~/modules/accounts/set-password-action.server";
import { SetPasswordPage } from "~/modules/accounts/ui/set-password-page";
import { pageTitle, REFERRER_ORIGIN_ONLY } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.reset.title", [REFERRER_ORIGIN_ONLY]);

export async function loader({ params, context }: Route.LoaderArgs) {
  const { db, env } = services(context);
  const found = await findToken(db, params.token, "reset");
  // A demo account's password stays (setPasswordWithToken refuses it): said before anything is typed.
  const demoAccount = Boolean(found && isSharedDemoLogin(env.demo, found.email));
  return { valid: Boolean(found) && !demoAccount, demoAccount };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const { db, env } = services(context);
  return setPasswordAction(db, request, params.token, "reset", translator(requestInfo(context).locale), { demo: env.demo, publicUrl: env.publicUrl });
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  if (!loaderData.valid) {
    return (
      <div className="narrow">
        <h1>{t("accounts.reset.title")}</h1>
        <p>{t(loaderData.demoAccount ? "accounts.me.errors.demoPassword" : "accounts.errors.tokenInvalid")}</p>
        {loaderData.demoAccount ? null : (
          <p>
            <Link to="/lupa-sandi">{t("accounts.reset.again")}</Link>
          </p>
        )}
      </div>
    );
  }
  return <SetPasswordPage title={t("accounts.reset.title")} errors={actionData?.errors} />;
}
