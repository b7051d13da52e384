// /masuk/kode: the second step of a sign-in, for an account with two-step sign-in on. The
// password was right (login.tsx); the code from the authenticator app, or a recovery code,
// completes it.
import { data, Form, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/login-code";
import { requestInfo, services } from "~/lib/context.server";
import { clearCookie, readCookies } from "~/lib/cookies.server";
import { AppError } from "~/lib/errors";
import { formToObject, parseWith, appErrorFields, type FieldErrors } from "~/lib/forms";
import { safeRedirect } from "~/lib/safe-redirect";
import { formatInstant, translator } from "~/i18n";
import { TwoStepCodeSchema } from "~/modules/accounts/schemas";
import { completeChallenge, findChallenge } from "~/modules/accounts/two-step.server";
import { CHALLENGE_COOKIE } from "~/modules/accounts/two-step";
import { DEVICE_COOKIE, parseDeviceCookie } from "~/modules/accounts/device.server";
import { signInCookies } from "~/modules/accounts/sign-in-cookies.server";
import { SESSION_COOKIE } from "~/modules/accounts/session.server";
import { CsrfField, ErrorSummary, TextField } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.twoStep.codeTitle");

export async function loader({ context, request }: Route.LoaderArgs) {
  const { actor } = requestInfo(context);
  if (actor.kind === "user") throw redirect("/kelola");
  const { db } = services(context);
  const challenge = await findChallenge(db, readCookies(request)[CHALLENGE_COOKIE]);
  if (!challenge) throw redirect("/masuk?kedaluwarsa");
  // A recovery code has letters: its own field, without the phone's number pad.
  return { email: challenge.email, recovery: new URL(request.url).searchParams.has("pemulihan") };
}

type Reply = { errors: FieldErrors };

export async function action({ request, context }: Route.ActionArgs) {
  const { db, env, clientIp } = services(context);
  const { locale, zone } = requestInfo(context);
  const t = translator(locale);
  const form = await request.formData();
  const parsed = parseWith(TwoStepCodeSchema, formToObject(form), t);
  if (!parsed.ok) return data<Reply>({ errors: parsed.errors }, { status: 400 });
  const cookies = readCookies(request);
  const devices = parseDeviceCookie(cookies[DEVICE_COOKIE]);
  try {
    const done = await completeChallenge(db, cookies[CHALLENGE_COOKIE], parsed.data.code, {
      clientIp,
      userAgent: request.headers.get("user-agent"),
      devices,
      sessionHours: env.sessionHours,
      previousToken: cookies[SESSION_COOKIE],
      publicUrl: env.publicUrl,
    });
    const headers = signInCookies(env, done, devices);
    headers.append("set-cookie", clearCookie(env, CHALLENGE_COOKIE));
    return redirect(safeRedirect(done.redirectTo, "/kelola"), { headers });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    if (e.code === "unauthenticated") throw redirect("/masuk?kedaluwarsa", { headers: { "set-cookie": clearCookie(env, CHALLENGE_COOKIE) } });
    const errors: FieldErrors = e.fields?.until ? { _form: t(e.reason, { until: formatInstant(locale, e.fields.until, zone) }) } : appErrorFields(e, t);
    return data<Reply>({ errors }, { status: e.status });
  }
}

export default function LoginCode({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const reply = useActionData<typeof action>();
  const { recovery } = loaderData;
  const label = t(recovery ? "accounts.twoStep.recoveryField" : "accounts.twoStep.codeField");
  return (
    <div className="narrow">
      <h1>{t("accounts.twoStep.codeTitle")}</h1>
      <p>{t(recovery ? "accounts.twoStep.recoveryIntro" : "accounts.twoStep.codeIntro", { email: loaderData.email })}</p>
      <ErrorSummary errors={reply?.errors} labels={{ code: label }} />
      <Form method="post" noValidate>
        <CsrfField />
        <TextField
          name="code"
          label={label}
          hint={t(recovery ? "accounts.twoStep.recoveryHint" : "accounts.twoStep.codeHint")}
          required
          autoComplete={recovery ? "off" : "one-time-code"}
          inputMode={recovery ? "text" : "numeric"}
          maxLength={40}
          error={reply?.errors?.code}
        />
        <button type="submit" className="button">{t("accounts.twoStep.verify")}</button>
      </Form>
      <p>
        {recovery ? (
          <Link to="/masuk/kode">{t("accounts.twoStep.useApp")}</Link>
        ) : (
          <Link to="/masuk/kode?pemulihan">{t("accounts.twoStep.useRecovery")}</Link>
        )}
      </p>
      <p className="hint">{t("accounts.twoStep.lostBoth")}</p>
    </div>
  );
}
