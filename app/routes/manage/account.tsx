// /kelola/akun: one's own account. Everyone signed in has one: the name others see, a new
// password (proved with the present one), signing out everywhere else, and the recent sign-ins
// with their addresses, to notice one that was not one's own.
import { useEffect, useRef } from "react";
import { data, Form, redirect, useActionData } from "react-router";
import type { Route } from "./+types/account";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { setCookie } from "~/lib/cookies.server";
import { AppError } from "~/lib/errors";
import { appErrorFields, formToObject, parseWith, type FieldErrors } from "~/lib/forms";
import { formatInstant, translator } from "~/i18n";
import { page } from "~/lib/respond.server";
import { useInstant, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, TextField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { ChangeEmailSchema, ChangePasswordSchema, ProfileSchema } from "~/modules/accounts/schemas";
import { askEmailChange, EMAIL_CHANGE_HOURS, pendingEmailChange } from "~/modules/accounts/change-email.server";
import { accountOverview, changePassword, renameSelf, signOutOthers } from "~/modules/accounts/my-account.server";
import { SESSION_COOKIE } from "~/modules/accounts/session.server";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.me.title");

const PATH = "/kelola/akun";
const MESSAGES = { nama: "accounts.me.renamed", sandi: "accounts.me.passwordChanged", keluar: "accounts.me.signedOutOthers", email: "accounts.me.emailAsked" } as const;

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const { sessionIdHash } = requestInfo(context);
  const { db } = services(context);
  const [account, pendingEmail] = await Promise.all([accountOverview(db, actor, sessionIdHash), pendingEmailChange(db, actor.id)]);
  const said = new URL(request.url).searchParams.get("pesan");
  return { account, pendingEmail, emailChangeHours: EMAIL_CHANGE_HOURS, message: said && Object.hasOwn(MESSAGES, said) ? MESSAGES[said as keyof typeof MESSAGES] : null };
});

type Reply = { form: "profile" | "password" | "email" | "sessions"; errors: FieldErrors; name?: string; newEmail?: string };

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  const { db, env } = services(context);
  const { locale, zone, sessionIdHash } = requestInfo(context);
  const t = translator(locale);
  // A refusal as the form's errors: a lock says until when, in the reader's zone; others name their field.
  const refusal = (e: AppError): FieldErrors =>
    e.fields?.until ? { _form: t(e.reason, { until: formatInstant(locale, e.fields.until, zone) }) } : appErrorFields(e, t);
  const form = await request.formData();
  const intent = form.get("_intent");
  if (intent === "profile") {
    const parsed = parseWith(ProfileSchema, formToObject(form), t);
    // What was typed comes back as typed, to be mended.
    if (!parsed.ok) return data<Reply>({ form: "profile", errors: parsed.errors, name: String(form.get("name") ?? "").slice(0, 200) }, { status: 400 });
    await renameSelf(db, actor, parsed.data.name);
    return redirect(`${PATH}?pesan=nama`);
  }
  if (intent === "password") {
    // Passwords never come back to the page.
    const parsed = parseWith(ChangePasswordSchema, formToObject(form), t);
    if (!parsed.ok) return data<Reply>({ form: "password", errors: parsed.errors }, { status: 400 });
    try {
      const { token } = await changePassword(db, actor, parsed.data, { sessionHours: env.sessionHours, demo: env.demo, publicUrl: env.publicUrl });
      // The session is a new one: this browser stays signed in, every other one is out.
      const headers = new Headers({ "set-cookie": setCookie(env, SESSION_COOKIE, token, { maxAge: env.sessionHours * 3600 }) });
      return redirect(`${PATH}?pesan=sandi`, { headers });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return data<Reply>({ form: "password", errors: refusal(e) }, { status: e.status });
    }
  }
  if (intent === "email") {
    const parsed = parseWith(ChangeEmailSchema, formToObject(form), t);
    const newEmail = String(form.get("newEmail") ?? "").slice(0, 200);
    if (!parsed.ok) return data<Reply>({ form: "email", errors: parsed.errors, newEmail }, { status: 400 });
    try {
      await askEmailChange(db, actor, parsed.data, { baseUrl: env.publicUrl, demo: env.demo });
      return redirect(`${PATH}?pesan=email`);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return data<Reply>({ form: "email", errors: refusal(e), newEmail }, { status: e.status });
    }
  }
  if (intent === "signOutOthers" && sessionIdHash) {
    try {
      await signOutOthers(db, actor, sessionIdHash, { demo: env.demo });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return data<Reply>({ form: "sessions", errors: refusal(e) }, { status: e.status });
    }
    return redirect(`${PATH}?pesan=keluar`);
  }
  throw new AppError("invalid", "errors.invalid");
});

export default function Account({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  const reply = useActionData<Reply>();
  const { account, message } = loaderData;
  const profileErrors = reply?.form === "profile" ? reply.errors : undefined;
  const passwordErrors = reply?.form === "password" ? reply.errors : undefined;
  const emailErrors = reply?.form === "email" ? reply.errors : undefined;
  // Passwords never stay in the page: after an answer (with JavaScript the page is not reloaded,
  // and the browser would keep what was typed), every password field is emptied.
  const forms = useRef<HTMLDivElement>(null);
  useEffect(() => {
    forms.current?.querySelectorAll<HTMLInputElement>('input[type="password"]').forEach((i) => (i.value = ""));
  }, [reply, message]);
  return (
    <>
      <h1>{t("accounts.me.title")}</h1>
      {message && !reply ? (
        <p className="notice" role="status">
          {t(message)}
        </p>
      ) : null}
      <dl className="readonly">
        <dt>{t("accounts.login.email")}</dt>
        <dd>{account.email}</dd>
        <dt>{t("accounts.users.role")}</dt>
        <dd>{t(`role.${account.role}`)}</dd>
        {account.agencyName ? (
          <>
            <dt>{t("accounts.users.agency")}</dt>
            <dd>{account.agencyName}</dd>
          </>
        ) : null}
        {account.unitName ? (
          <>
            <dt>{t("accounts.users.unit")}</dt>
            <dd>{account.unitName}</dd>
          </>
        ) : null}
      </dl>

      <div ref={forms}>
      <section aria-labelledby="profile-title">
        <h2 id="profile-title">{t("accounts.me.profile")}</h2>
        <ErrorSummary errors={profileErrors} labels={{ name: t("accounts.users.name") }} idPrefix="profile" />
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="_intent" value="profile" />
          <TextField name="name" idPrefix="profile" label={t("accounts.users.name")} required autoComplete="name" maxLength={120} defaultValue={reply?.form === "profile" ? reply.name : account.name} error={profileErrors?.name} />
          <button type="submit" className="button secondary">{t("accounts.me.saveName")}</button>
        </Form>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">{t("accounts.me.password")}</h2>
        <ErrorSummary
          errors={passwordErrors}
          labels={{ current: t("accounts.me.current"), password: t("accounts.password.new"), confirm: t("accounts.password.confirm") }}
          idPrefix="password"
        />
        <p className="hint">{t("accounts.me.passwordHint")}</p>
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="_intent" value="password" />
          {/* The account's address, hidden, lets a password manager file the new password under it. */}
          <input type="hidden" name="username" autoComplete="username" value={account.email} />
          <TextField name="current" idPrefix="password" type="password" label={t("accounts.me.current")} required autoComplete="current-password" error={passwordErrors?.current} />
          <TextField name="password" idPrefix="password" type="password" label={t("accounts.password.new")} hint={t("accounts.password.hint")} required autoComplete="new-password" error={passwordErrors?.password} />
          <TextField name="confirm" idPrefix="password" type="password" label={t("accounts.password.confirm")} required autoComplete="new-password" error={passwordErrors?.confirm} />
          <button type="submit" className="button secondary">{t("accounts.me.savePassword")}</button>
        </Form>
      </section>

      <section aria-labelledby="email-title">
        <h2 id="email-title">{t("accounts.me.email")}</h2>
        <ErrorSummary errors={emailErrors} labels={{ newEmail: t("accounts.me.newEmail"), current: t("accounts.me.current") }} idPrefix="email" />
        <p className="hint">{t("accounts.me.emailIntro", { hours: loaderData.emailChangeHours })}</p>
        {loaderData.pendingEmail ? <p>{t("accounts.me.emailPending", { email: loaderData.pendingEmail.newEmail, until: instant(loaderData.pendingEmail.expiresAt) })}</p> : null}
        <Form method="post" noValidate>
          <CsrfField />
          <input type="hidden" name="_intent" value="email" />
          <TextField name="newEmail" idPrefix="email" type="email" inputMode="email" label={t("accounts.me.newEmail")} required autoComplete="email" defaultValue={reply?.form === "email" ? reply.newEmail : ""} error={emailErrors?.newEmail} />
          <TextField name="current" idPrefix="email" type="password" label={t("accounts.me.current")} required autoComplete="current-password" error={emailErrors?.current} />
          <button type="submit" className="button secondary">{t("accounts.me.askEmail")}</button>
        </Form>
      </section>

      </div>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("accounts.me.sessions")}</h2>
        <ErrorSummary errors={reply?.form === "sessions" ? reply.errors : undefined} idPrefix="sessions" />
        <p>{account.otherSessions ? t("accounts.me.otherSessions", { n: account.otherSessions }) : t("accounts.me.noOtherSessions")}</p>
        {account.otherSessions ? (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="_intent" value="signOutOthers" />
            <button type="submit" className="button secondary">{t("accounts.me.signOutOthers")}</button>
          </Form>
        ) : null}
        <h3 id="signins-title">{t("accounts.me.signIns")}</h3>
        <p className="hint">{t("accounts.me.signInsHint")}</p>
        <TableScroll labelledBy="signins-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("accounts.me.signInAt")}</th>
                <th scope="col">{t("accounts.me.signInFrom")}</th>
                <th scope="col">{t("accounts.me.signInBrowser")}</th>
              </tr>
            </thead>
            <tbody>
              {account.signIns.map((s, i) => (
                <tr key={i}>
                  <td>{instant(s.at)}</td>
                  <td>{s.ip ?? "—"}</td>
                  <td>
                    {s.browser ? (s.os ? t("accounts.me.browserOn", { browser: s.browser, os: s.os }) : s.browser) : t("accounts.me.unknownBrowser")}
                    <br />
                    <span className="hint">{t(s.trustedDevice ? "accounts.me.knownBrowser" : "accounts.me.newBrowser")}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
    </>
  );
}
