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
import { ChangeEmailSchema, ChangePasswordSchema, EnableTwoStepSchema, ProfileSchema, ProvePasswordSchema } from "~/modules/accounts/schemas";
import { beginTwoStep, cancelTwoStep, disableTwoStep, enableTwoStep, renewRecoveryCodes, twoStepStatus } from "~/modules/accounts/two-step.server";
import { askEmailChange, EMAIL_CHANGE_HOURS, pendingEmailChange } from "~/modules/accounts/change-email.server";
import { accountOverview, changePassword, renameSelf, signOutOthers } from "~/modules/accounts/my-account.server";
import { SESSION_COOKIE } from "~/modules/accounts/session.server";
import { pageTitle } from "~/lib/meta";
import { isSharedDemoLogin } from "~/modules/demo/demo-logins";
import { URGED_ROLES } from "~/modules/accounts/two-step";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.me.title");

const PATH = "/kelola/akun";
const MESSAGES = {
  nama: "accounts.me.renamed",
  sandi: "accounts.me.passwordChanged",
  keluar: "accounts.me.signedOutOthers",
  email: "accounts.me.emailAsked",
  "dua-langkah-mati": "accounts.twoStep.turnedOff",
  "dua-langkah-wajib": "accounts.twoStep.redirected",
} as const;

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const { sessionIdHash } = requestInfo(context);
  const { db, env } = services(context);
  const [account, pendingEmail, twoStep] = await Promise.all([accountOverview(db, actor, sessionIdHash), pendingEmailChange(db, actor.id), twoStepStatus(db, actor)]);
  const said = new URL(request.url).searchParams.get("pesan");
  // Owed (LUMBUNG_TWO_STEP_ROLES): the section says it is required, not only urged.
  const twoStepRequired = env.twoStepRoles.includes(actor.role) && !isSharedDemoLogin(env.demo, actor.email);
  return { account, pendingEmail, twoStep, twoStepRequired, emailChangeHours: EMAIL_CHANGE_HOURS, message: said && Object.hasOwn(MESSAGES, said) ? MESSAGES[said as keyof typeof MESSAGES] : null };
});

const TWO_STEP_INTENTS = ["twoStepBegin", "twoStepCancel", "twoStepEnable", "twoStepDisable", "recoveryCodes"] as const;
type TwoStepIntent = (typeof TWO_STEP_INTENTS)[number];

type Reply = {
  form: "profile" | "password" | "email" | "sessions" | TwoStepIntent;
  errors: FieldErrors;
  name?: string;
  newEmail?: string;
  // Recovery codes, shown in this answer only: the server keeps their hashes alone.
  codes?: string[];
};

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
  if (intent === "twoStepBegin" || intent === "twoStepCancel") {
    try {
      if (intent === "twoStepBegin") await beginTwoStep(db, actor, { demo: env.demo });
      else await cancelTwoStep(db, actor);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return data<Reply>({ form: intent, errors: refusal(e) }, { status: e.status });
    }
    return redirect(`${PATH}#two-step-title`);
  }
  if (intent === "twoStepEnable" || intent === "twoStepDisable" || intent === "recoveryCodes") {
    const parsed = parseWith(intent === "twoStepEnable" ? EnableTwoStepSchema : ProvePasswordSchema, formToObject(form), t);
    if (!parsed.ok) return data<Reply>({ form: intent, errors: parsed.errors }, { status: 400 });
    try {
      if (intent === "twoStepDisable") {
        await disableTwoStep(db, actor, parsed.data, { publicUrl: env.publicUrl });
        return redirect(`${PATH}?pesan=dua-langkah-mati`);
      }
      // Not a redirect: the codes are in this answer and nowhere else.
      const codes =
        intent === "twoStepEnable"
          ? await enableTwoStep(db, actor, parsed.data as { current: string; code: string }, { demo: env.demo })
          : await renewRecoveryCodes(db, actor, parsed.data);
      return data<Reply>({ form: intent, errors: {}, codes });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return data<Reply>({ form: intent, errors: refusal(e) }, { status: e.status });
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

      <TwoStep status={loaderData.twoStep} reply={reply} urged={URGED_ROLES.has(account.role)} required={loaderData.twoStepRequired} />
      </div>

      <section aria-labelledby="my-data-title">
        <h2 id="my-data-title">{t("accounts.me.data")}</h2>
        <p>{t("accounts.me.dataIntro")}</p>
        <p>
          <a href="/kelola/akun/data.json" download>
            {t("accounts.me.dataDownload")}
          </a>
        </p>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("accounts.me.sessions")}</h2>
        <ErrorSummary errors={reply?.form === "sessions" ? reply.errors : undefined} idPrefix="sessions" />
        <p>{account.otherSessions ? t("accounts.me.otherSessions", { n: account.otherSessions }) : t("accounts.me.noOtherSessions")}</p>
        {account.otherSessions ? (
          <IntentButton intent="signOutOthers" label={t("accounts.me.signOutOthers")} />
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

function TwoStep({ status, reply, urged, required }: { status: Route.ComponentProps["loaderData"]["twoStep"]; reply: Reply | undefined; urged: boolean; required: boolean }) {
  const t = useT();
  const instant = useInstant();
  const mine = reply && (TWO_STEP_INTENTS as readonly string[]).includes(reply.form) ? reply : undefined;
  const errorsOf = (intent: TwoStepIntent) => (mine?.form === intent && !mine.codes ? mine.errors : undefined);
  const labels = { current: t("accounts.me.current"), code: t("accounts.twoStep.setupCode") };
  const passwordField = (prefix: string, intent: TwoStepIntent) => (
    <TextField name="current" idPrefix={prefix} type="password" label={t("accounts.me.current")} required autoComplete="current-password" error={errorsOf(intent)?.current} />
  );
  return (
    <section aria-labelledby="two-step-title">
      <h2 id="two-step-title">{t("accounts.twoStep.title")}</h2>
      {TWO_STEP_INTENTS.map((intent) => (
        <ErrorSummary key={intent} errors={errorsOf(intent)} labels={labels} idPrefix={`two-step-${intent}`} />
      ))}
      {mine?.codes ? (
        <div className="notice" role="status">
          <p>{t(mine.form === "twoStepEnable" ? "accounts.twoStep.turnedOn" : "accounts.twoStep.renewed")}</p>
          <p>{t("accounts.twoStep.codesIntro", { n: mine.codes.length })}</p>
          <ul className="recovery-codes">
            {mine.codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {status.enabledAt ? (
        <>
          <p>{t("accounts.twoStep.on", { since: instant(status.enabledAt) })}</p>
          <p>{t("accounts.twoStep.recoveryLeft", { n: status.recoveryLeft })}</p>
          {/* Two forms proved with the present password alone: new recovery codes, and off. */}
          {([
            ["recoveryCodes", "accounts.twoStep.renewTitle", "accounts.twoStep.renewHint", "accounts.twoStep.renew"],
            ["twoStepDisable", "accounts.twoStep.offTitle", "accounts.twoStep.offHint", "accounts.twoStep.turnOff"],
          ] as const).map(([intent, title, hint, button]) => (
            <div key={intent}>
              <h3 id={`${intent}-title`}>{t(title)}</h3>
              <p className="hint">{t(hint)}</p>
              <Form method="post" noValidate aria-labelledby={`${intent}-title`}>
                <CsrfField />
                <input type="hidden" name="_intent" value={intent} />
                {passwordField(`two-step-${intent}`, intent)}
                <button type="submit" className="button secondary">{t(button)}</button>
              </Form>
            </div>
          ))}
        </>
      ) : status.setup ? (
        <>
          <ol>
            <li>{t("accounts.twoStep.step1")}</li>
            <li>
              {t("accounts.twoStep.step2")}
              <div className="qr" role="img" aria-label={t("accounts.twoStep.qrLabel")} dangerouslySetInnerHTML={{ __html: status.setup.qrSvg }} />
              {t("accounts.twoStep.step2Key")} <code className="secret">{status.setup.secret}</code>
            </li>
            <li>{t("accounts.twoStep.step3")}</li>
          </ol>
          <Form method="post" noValidate>
            <CsrfField />
            <input type="hidden" name="_intent" value="twoStepEnable" />
            <TextField
              name="code"
              idPrefix="two-step-twoStepEnable"
              label={t("accounts.twoStep.setupCode")}
              required
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={40}
              error={errorsOf("twoStepEnable")?.code}
            />
            {passwordField("two-step-twoStepEnable", "twoStepEnable")}
            <button type="submit" className="button">{t("accounts.twoStep.turnOn")}</button>
          </Form>
          <IntentButton intent="twoStepCancel" label={t("accounts.twoStep.cancel")} />
        </>
      ) : (
        <>
          <p>{t("accounts.twoStep.intro")}</p>
          {required || urged ? <p className="notice notice-warning">{t(required ? "accounts.twoStep.required" : "accounts.twoStep.urged")}</p> : null}
          <IntentButton intent="twoStepBegin" label={t("accounts.twoStep.begin")} />
        </>
      )}
    </section>
  );
}

/** A form of one button that sends one intent (nothing to type). */
function IntentButton({ intent, label }: { intent: string; label: string }) {
  return (
    <Form method="post">
      <CsrfField />
      <input type="hidden" name="_intent" value={intent} />
      <button type="submit" className="button secondary">{label}</button>
    </Form>
  );
}
