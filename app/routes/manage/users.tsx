import { useEffect, useRef, type ReactNode } from "react";
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/users";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError, forbidden } from "~/lib/errors";
import { invitableRoles } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, pageParam, parseWith } from "~/lib/forms";
import { formatNumber, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { TableScroll } from "~/components/table-scroll";
import { CsrfField, ErrorSummary, SelectField, TextField } from "~/components/forms";
import { AccountStateSchema, InviteSchema, UnitPlacementSchema } from "~/modules/accounts/schemas";
import { INVITE_DAYS, inviteUser } from "~/modules/accounts/invite-user.server";
import { deactivateUser } from "~/modules/accounts/deactivate-user.server";
import { reactivateUser } from "~/modules/accounts/reactivate-user.server";
import { setUserUnit } from "~/modules/accounts/set-user-unit.server";
import { resetTwoStepFor } from "~/modules/accounts/two-step.server";
import { Pagination } from "~/components/pagination";
import { agencyOptions } from "~/modules/agencies/queries.server";
import { unitChoices } from "~/modules/accounts/unit-choices.server";
import { UnitPicker } from "~/modules/accounts/ui/unit-picker";
import { listUsers, placeableOperator } from "~/modules/accounts/list-users.server";
import { pageTitle } from "~/lib/meta";
import type { UnitChoices } from "~/modules/accounts/unit-choices";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.users.title");

const PER_PAGE = 50;
const MAX_PAGE = 10_000;
// The invitation's unit search and the placement's: each form's own parameter, so that searching
// in one leaves the other's list as it was.
const INVITE_SEARCH = "cariUnit";
const PLACE_SEARCH = "cariUnitUbah";
// The invitation's fields a unit search sends back with it, to be shown again as typed.
const INVITE_FIELDS = ["name", "email", "role", "agencyId", "unitId", INVITE_SEARCH] as const;
// Longer than any of those fields may be: cut, as the filter is, rather than refused.
const TYPED_MAX = 320;

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const roles = invitableRoles(actor);
  if (!roles.length) throw forbidden();
  const { db } = services(context);
  const national = actor.role === "national_admin";
  const url = new URL(request.url);
  // A filter longer than any name or email matches nothing; cut it rather than refuse it.
  const q = (url.searchParams.get("cari") ?? "").slice(0, 200);
  const pageNo = pageParam(url.searchParams.get("halaman"), MAX_PAGE);
  const { rows, total } = await listUsers(db, actor, { q, page: pageNo, perPage: PER_PAGE });
  // ?ubah=ID opens that operator's unit form above the list; an account the actor may not place
  // is "not found", as one it cannot see.
  const placingId = url.searchParams.has("ubah") ? idOf(url.searchParams.get("ubah")) : null;
  const operator = placingId ? await placeableOperator(db, actor, placingId) : null;
  if (url.searchParams.has("ubah") && !operator) throw new AppError("not-found", "errors.notFound");
  // Its own agency's units to choose from (searched by name in a big agency), its present one kept.
  const placing = operator ? { ...operator, units: await unitChoices(db, operator.agencyId ?? -1, { q: url.searchParams.get(PLACE_SEARCH), keep: operator.unitId }) } : null;
  // The secretariat's form lists an agency's units once the agency is chosen (a search, a
  // refusal: the action's answer); an agency's admin sees its own.
  const inviteAgencyId = national ? null : actor.agencyId;
  return {
    placing,
    // After a change, the notice names the operator (looked up, never taken from the address).
    placed: url.searchParams.get("pesan") === "unit" ? ((await placeableOperator(db, actor, idOf(url.searchParams.get("akun")) ?? -1))?.name ?? null) : null,
    list: rows,
    total,
    q,
    page: pageNo,
    pages: Math.max(1, Math.ceil(total / PER_PAGE)),
    roles,
    agencies: national ? await agencyOptions(db) : null,
    units: inviteAgencyId ? await unitChoices(db, inviteAgencyId, { q: null, keep: null }) : null,
    // With a mail server the invitation is mailed; the link is shown too, for a mail that is lost.
    mailed: services(context).env.mail !== null,
  };
});

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  if (!invitableRoles(actor).length) throw forbidden();
  const form = await request.formData();
  const intent = form.get("_intent");
  if (intent === "deactivate" || intent === "reactivate") {
    const target = parseWith(AccountStateSchema, formToObject(form), t);
    // Only a tampered form sends a bad id: there is no field to point at, so one message on top.
    if (!target.ok) return data({ toggleError: target.errors.userId ?? t("errors.invalid") }, { status: 400 });
    // The policy (user.deactivate / user.reactivate) is checked in the use case: a refusal is a 403.
    const done = intent === "deactivate" ? await deactivateUser(db, actor, target.data.userId) : await reactivateUser(db, actor, target.data.userId, { publicUrl: env.publicUrl });
    const token = "token" in done ? done.token : null;
    return { toggled: { name: done.name, intent, link: token ? `${env.publicUrl}/undangan/${token}` : null, days: INVITE_DAYS } };
  }
  if (intent === "resetTwoStep") {
    const target = parseWith(AccountStateSchema, formToObject(form), t);
    if (!target.ok) return data({ toggleError: target.errors.userId ?? t("errors.invalid") }, { status: 400 });
    // The policy (user.resetTwoStep) is checked in the use case: a refusal is a 403.
    const done = await resetTwoStepFor(db, actor, target.data.userId);
    return { twoStepReset: done.name };
  }
  if (intent === "setUnit") {
    const parsed = parseWith(UnitPlacementSchema, formToObject(form), t);
    if (!parsed.ok) return data({ unitErrors: parsed.errors }, { status: 400 });
    try {
      await setUserUnit(db, actor, parsed.data.userId, parsed.data.unitId ?? null);
      return redirect(`/kelola/pengguna?pesan=unit&akun=${parsed.data.userId}`);
    } catch (e) {
      if (e instanceof AppError && e.code === "invalid") return data({ unitErrors: appErrorFields(e, t, { fallback: "unitId" }) }, { status: 400 });
      throw e;
    }
  }
  const national = actor.role === "national_admin";
  /**
   * The unit field of a refused invitation, as it was sent: narrowed by its search, with the unit
   * chosen kept. The secretariat's form cannot list an agency's units before the agency is
   * chosen: when the chosen one needs a unit (or its units were already shown), the form comes
   * back with them to pick from.
   */
  const unitsFor = async (values: Record<string, unknown>, needed: boolean) => {
    const agencyId = national ? idOf(values.agencyId) : actor.agencyId;
    if (!agencyId || (national && !needed && !("unitId" in values) && !(INVITE_SEARCH in values))) return null;
    const q = typeof values[INVITE_SEARCH] === "string" ? (values[INVITE_SEARCH] as string) : "";
    return unitChoices(db, agencyId, { q, keep: idOf(values.unitId) });
  };
  if (intent === "findUnit") {
    // A unit search in the invitation form: nothing is sent; the form comes back as typed, its
    // unit list narrowed to the matches.
    const values: Record<string, string> = Object.fromEntries(INVITE_FIELDS.map((k) => [k, String(form.get(k) ?? "").slice(0, TYPED_MAX)]));
    return { searched: true, values, unitChoices: await unitsFor(values, true) };
  }
  const parsed = parseWith(InviteSchema, formToObject(form), t);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, unitChoices: await unitsFor(parsed.values, !!parsed.errors.unitId) }, { status: 400 });
  let sent: { token: string; resent: boolean };
  try {
    sent = await inviteUser(db, actor, parsed.data, { publicUrl: env.publicUrl });
  } catch (e) {
    if (e instanceof AppError && (e.code === "conflict" || e.code === "invalid")) {
      const errors = appErrorFields(e, t);
      return data({ errors, values: parsed.values, unitChoices: await unitsFor(parsed.values, !!errors.unitId) }, { status: e.status });
    }
    throw e;
  }
  // Until real mail lands the invitation waits in the outbox: its sender gets the link here, to
  // pass on (the outbox shows it to the sender alone, too).
  return { invited: parsed.data.email, resent: sent.resent, link: `${env.publicUrl}/undangan/${sent.token}`, days: INVITE_DAYS };
});

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale } = useRoot();
  const a = actionData as
    | {
        errors?: Record<string, string>;
        searched?: boolean;
        values?: Record<string, unknown>;
        invited?: string;
        resent?: boolean;
        unitChoices?: UnitChoices | null;
        link?: string;
        days?: number;
        toggleError?: string;
        unitErrors?: Record<string, string>;
        toggled?: { name: string; intent: "deactivate" | "reactivate"; link: string | null; days: number };
        twoStepReset?: string;
      }
    | undefined;
  const { list, total, q, page: pageNo, pages, placing } = loaderData;
  // What a refused invitation or a unit search sent, shown again.
  const kept = Boolean(a?.errors || a?.searched);
  const v = (k: string) => (kept ? String(a?.values?.[k] ?? "") : "");
  // The invitation's unit choices: the own agency's, or those of the agency the secretariat chose.
  const units = kept ? (a?.unitChoices ?? null) : loaderData.units;
  return (
    <>
      <h1 id="users-title">{t("accounts.users.title")}</h1>
      {a?.toggled ? (
        <div className="notice" role="status">
          <p>
            {t(a.toggled.intent === "deactivate" ? "accounts.users.deactivatedNotice" : a.toggled.link ? (loaderData.mailed ? "accounts.users.reactivatedInvitedMailed" : "accounts.users.reactivatedInvitedNotice") : "accounts.users.reactivatedNotice", {
              name: a.toggled.name,
              days: a.toggled.days ?? 0,
            })}
          </p>
          {a.toggled.link ? <InvitationLink link={a.toggled.link} /> : null}
        </div>
      ) : null}
      {a?.twoStepReset ? <p className="notice" role="status">{t("accounts.users.twoStepResetNotice", { name: a.twoStepReset })}</p> : null}
      {loaderData.placed !== null ? <p className="notice" role="status">{t("accounts.users.unitSaved", { name: loaderData.placed })}</p> : null}
      {placing ? (
        <section aria-labelledby="unit-title">
          <h2 id="unit-title">{t("accounts.users.unitFor", { name: placing.name })}</h2>
          {/* Its own ids ("place"): the invitation form below has a unit field too. */}
          <ErrorSummary errors={a?.unitErrors} labels={{ unitId: t("accounts.users.unit") }} idPrefix="place" />
          {placing.units.total ? (
            <>
              {/* The search of a big agency's units: a GET form of its own (nothing typed to keep),
                  whose field and button sit in the placement form below (their form attribute). */}
              {placing.units.search ? (
                <Form method="get" action="/kelola/pengguna" id="place-search">
                  <input type="hidden" name="ubah" value={placing.id} />
                </Form>
              ) : null}
              <Form method="post" className="narrow">
                <CsrfField />
                <input type="hidden" name="_intent" value="setUnit" />
                <input type="hidden" name="userId" value={placing.id} />
                {/* Required: in an agency with units an operator works for one (setUserUnit). */}
                <UnitPicker
                  choices={placing.units}
                  searchName={PLACE_SEARCH}
                  searchForm="place-search"
                  name="unitId"
                  idPrefix="place"
                  label={t("accounts.users.unit")}
                  required
                  defaultValue={placing.unitId ? String(placing.unitId) : ""}
                  emptyLabel={t("accounts.users.chooseUnit")}
                  error={a?.unitErrors?.unitId}
                />
                <button type="submit" className="button">{t("common.save")}</button> <Link to="/kelola/pengguna">{t("common.cancel")}</Link>
              </Form>
            </>
          ) : (
            <p>{t("accounts.users.agencyHasNoUnits")}</p>
          )}
        </section>
      ) : null}
      <ErrorSummary errors={a?.toggleError ? { _form: a.toggleError } : undefined} />
      <Form method="get" className="filter-row">
        <label htmlFor="f-cari">{t("accounts.users.filter")}</label>
        <input id="f-cari" name="cari" type="search" defaultValue={q} maxLength={200} />
        <button type="submit" className="button secondary">{t("common.search")}</button>
      </Form>
      <p>{t("common.total")}: {formatNumber(locale, total)}</p>
      {list.length === 0 ? (
        <p>{t("accounts.users.none")}</p>
      ) : (
        <TableScroll labelledBy="users-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("accounts.users.name")}</th>
                <th scope="col">{t("accounts.login.email")}</th>
                <th scope="col">{t("accounts.users.role")}</th>
                <th scope="col">{t("accounts.users.agency")}</th>
                <th scope="col">{t("accounts.users.unit")}</th>
                <th scope="col">{t("accounts.users.status")}</th>
                <th scope="col">{t("accounts.users.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{t(`role.${u.role}`)}</td>
                  <td>{u.agencyName ?? "—"}</td>
                  <td>
                    {u.unplaced ? <strong>{t("accounts.users.unplaced")}</strong> : (u.unitName ?? "—")}
                    {u.canSetUnit ? (
                      <>
                        {" "}
                        <Link to={`/kelola/pengguna?ubah=${u.id}`} aria-label={t("accounts.users.changeUnitLabel", { name: u.name })}>
                          {t("accounts.users.changeUnit")}
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {t(`accounts.users.${u.state}`)}
                    {u.twoStep ? (
                      <>
                        <br />
                        <span className="hint">{t("accounts.users.twoStepOn")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {u.canToggle ? (
                      <Form method="post" action="/kelola/pengguna">
                        <CsrfField />
                        <input type="hidden" name="userId" value={u.id} />
                        {u.state === "deactivated" ? (
                          <button type="submit" name="_intent" value="reactivate" className="button secondary" aria-label={t("accounts.users.reactivateLabel", { name: u.name })}>
                            {t("accounts.users.reactivate")}
                          </button>
                        ) : (
                          <button type="submit" name="_intent" value="deactivate" className="button secondary" aria-label={t("accounts.users.deactivateLabel", { name: u.name })}>
                            {t("accounts.users.deactivate")}
                          </button>
                        )}
                      </Form>
                    ) : null}
                    {u.canResetTwoStep ? (
                      <Form method="post" action="/kelola/pengguna">
                        <CsrfField />
                        <input type="hidden" name="userId" value={u.id} />
                        <button type="submit" name="_intent" value="resetTwoStep" className="button secondary" aria-label={t("accounts.users.resetTwoStepLabel", { name: u.name })}>
                          {t("accounts.users.resetTwoStep")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <Pagination page={pageNo} pages={pages} param="halaman" />
      <h2 id="invite-title">{t("accounts.users.invite")}</h2>
      {/* Beside the form it answers, and focused: with JavaScript the page does not scroll back up. */}
      {a?.invited ? (
        <FocusedNotice key={`notice:${a.invited}`}>
          <p>{t(`accounts.users.${a.resent ? "resent" : "invited"}${loaderData.mailed ? "Mailed" : ""}`, { email: a.invited, days: a.days ?? 0 })}</p>
          {a.link ? <InvitationLink link={a.link} /> : null}
        </FocusedNotice>
      ) : null}
      <ErrorSummary
        errors={a?.errors}
        labels={{ name: t("accounts.users.name"), email: t("accounts.login.email"), role: t("accounts.users.role"), agencyId: t("accounts.users.agency"), unitId: t("accounts.users.unit") }}
      />
      {/* Keyed on the last invitation: a sent form starts empty again. (Siblings' keys differ:
          two equal keys in one list make React draw an element twice.) */}
      <Form method="post" action="/kelola/pengguna" className="narrow" key={`form:${a?.invited ?? ""}`}>
        <CsrfField />
        <TextField name="name" label={t("accounts.users.name")} required defaultValue={v("name")} error={a?.errors?.name} />
        <TextField name="email" type="email" label={t("accounts.login.email")} required defaultValue={v("email")} error={a?.errors?.email} inputMode="email" />
        {/* No role chosen to start with: a default would be the most powerful one listed. */}
        <SelectField
          name="role"
          label={t("accounts.users.role")}
          required
          options={loaderData.roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
          defaultValue={v("role")}
          emptyLabel={t("accounts.users.chooseRole")}
          error={a?.errors?.role}
        />
        {loaderData.agencies ? (
          <SelectField
            name="agencyId"
            label={t("accounts.users.agency")}
            optionalNote={t("accounts.users.agencyNote")}
            hint={t("accounts.users.unitAfterInvite")}
            options={loaderData.agencies.map((g) => ({ value: String(g.id), label: g.name }))}
            defaultValue={v("agencyId")}
            emptyLabel=""
            error={a?.errors?.agencyId}
          />
        ) : null}
        {units?.total ? (
          <UnitPicker
            choices={units}
            searchName={INVITE_SEARCH}
            searchIntent="findUnit"
            name="unitId"
            label={t("accounts.users.unit")}
            optionalNote={t("accounts.users.unitRequiredNote")}
            hint={t("accounts.users.unitOperatorsOnly")}
            defaultValue={v("unitId")}
            emptyLabel=""
            error={a?.errors?.unitId}
          />
        ) : null}
        <button type="submit" className="button">{t("accounts.users.invite")}</button>
      </Form>
    </>
  );
}

/** An invitation link to copy and pass on: while mail is kept in the outbox, or if a mail is lost. */
function InvitationLink({ link }: { link: string }) {
  const t = useT();
  return (
    <>
      <label htmlFor="invite-link">{t("accounts.users.invitedLink")}</label>
      <input id="invite-link" type="text" readOnly value={link} className="copy-field" />
    </>
  );
}

/** A notice that takes the focus when it appears, so a reader at the form hears and sees it. */
function FocusedNotice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="notice" role="status" tabIndex={-1} ref={ref}>
      {children}
    </div>
  );
}
