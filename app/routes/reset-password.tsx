import type { Route } from "./+types/reset-password";
import { requestInfo, services } from "~/lib/context.server";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { findToken } from "~/modules/accounts/use-token.server";
import { setPasswordAction } from "~/modules/accounts/set-password-action.server";
import { SetPasswordPage } from "~/modules/accounts/ui/set-password-page";
import { pageTitle, REFERRER_ORIGIN_ONLY } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.reset.title", [REFERRER_ORIGIN_ONLY]);

export async function loader({ params, context }: Route.LoaderArgs) {
  return { valid: Boolean(await findToken(services(context).db, params.token, "reset")) };
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
        <p>{t("accounts.errors.tokenInvalid")}</p>
      </div>
    );
  }
  return <SetPasswordPage title={t("accounts.reset.title")} errors={actionData?.errors} />;
}
