import { data, Form, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/login";
import { requestInfo, services } from "~/lib/context.server";
import { readCookies, setCookie } from "~/lib/cookies.server";
import { AppError } from "~/lib/errors";
import { parseWith, formToObject } from "~/lib/forms";
import { safeRedirect } from "~/lib/safe-redirect";
import { translator, formatInstant } from "~/i18n";
import { LoginSchema } from "~/modules/accounts/schemas";
import { CHALLENGE_MINUTES, logIn } from "~/modules/accounts/log-in.server";
import { CHALLENGE_COOKIE } from "~/modules/accounts/two-step";
import { DEVICE_COOKIE, parseDeviceCookie } from "~/modules/accounts/device.server";
import { signInCookies } from "~/modules/accounts/sign-in-cookies.server";
import { SESSION_COOKIE } from "~/modules/accounts/session.server";
import { DEMO_PASSWORD, DEMO_LOGINS } from "~/modules/demo/demo-logins";
import { CsrfField, ErrorSummary, TextField } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "nav.login");

export function loader({ context, request }: Route.LoaderArgs) {
  const { actor } = requestInfo(context);
  const url = new URL(request.url);
  if (actor.kind === "user") throw redirect(safeRedirect(url.searchParams.get("redirectTo"), "/kelola"));
  return {
    demo: services(context).env.demo,
    redirectTo: url.searchParams.get("redirectTo") ?? "",
    done: url.searchParams.has("selesai"),
    // The second step took too long, or its challenge was replaced: the password again.
    expired: url.searchParams.has("kedaluwarsa"),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { db, env, clientIp } = services(context);
  const { locale, zone } = requestInfo(context);
  const t = translator(locale);
  const form = await request.formData();
  const parsed = parseWith(LoginSchema, formToObject(form), t);
  if (!parsed.ok) return data({ errors: parsed.errors, email: String(form.get("email") ?? "") }, { status: 400 });
  const cookies = readCookies(request);
  const devices = parseDeviceCookie(cookies[DEVICE_COOKIE]);
  try {
    const result = await logIn(db, {
      email: parsed.data.email,
      password: parsed.data.password,
      clientIp,
      sessionHours: env.sessionHours,
      previousToken: cookies[SESSION_COOKIE],
      devices,
      userAgent: request.headers.get("user-agent"),
      redirectTo: parsed.data.redirectTo ? safeRedirect(parsed.data.redirectTo, "/kelola") : null,
    });
    if ("secondStep" in result) {
      // The password was right; the code from the app is still to come, within the challenge's time.
      const cookie = setCookie(env, CHALLENGE_COOKIE, result.challengeToken, { maxAge: CHALLENGE_MINUTES * 60 });
      return redirect("/masuk/kode", { headers: { "set-cookie": cookie } });
    }
    return redirect(safeRedirect(parsed.data.redirectTo, "/kelola"), { headers: signInCookies(env, result, devices) });
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const until = e.fields?.until ? formatInstant(locale, e.fields.until, zone) : "";
    return data({ errors: { _form: t(e.reason, { until }) }, email: parsed.data.email }, { status: e.status });
  }
}

export default function Login({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const result = useActionData<typeof action>();
  return (
    <div className="narrow">
      <h1>{t("accounts.login.title")}</h1>
      {loaderData.done ? <p className="notice" role="status">{t("accounts.password.done")}</p> : null}
      {loaderData.expired && !result ? <p className="notice" role="status">{t("accounts.twoStep.expiredNotice")}</p> : null}
      <ErrorSummary errors={result?.errors} />
      <Form method="post" noValidate>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <TextField name="email" type="email" label={t("accounts.login.email")} autoComplete="username" required defaultValue={result?.email} error={(result?.errors as Record<string, string> | undefined)?.email} inputMode="email" />
        <TextField name="password" type="password" label={t("accounts.login.password")} autoComplete="current-password" required error={(result?.errors as Record<string, string> | undefined)?.password} />
        <button type="submit" className="button">{t("accounts.login.submit")}</button>
      </Form>
      <p><Link to="/lupa-sandi">{t("accounts.login.forgot")}</Link></p>
      {loaderData.demo ? (
        <section className="demo-logins" aria-labelledby="demo-logins-title">
          <h2 id="demo-logins-title">{t("accounts.login.demoTitle")}</h2>
          <p>{t("accounts.login.demoIntro", { password: DEMO_PASSWORD })}</p>
          <table>
            <thead><tr><th scope="col">{t("accounts.users.role")}</th><th scope="col">{t("accounts.login.email")}</th></tr></thead>
            <tbody>
              {DEMO_LOGINS.map((d) => (
                <tr key={d.email}><td>{t(`role.${d.role}`)}{d.note ? ` (${d.note})` : ""}</td><td><code>{d.email}</code></td></tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
