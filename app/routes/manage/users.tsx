import { data, Form } from "react-router";
import type { Route } from "./+types/users";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError, forbidden } from "~/lib/errors";
import { invitableRoles } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { formToObject, parseWith } from "~/lib/forms";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, SelectField, TextField } from "~/components/forms";
import { InviteSchema } from "~/modules/accounts/schemas";
import { inviteUser } from "~/modules/accounts/invite-user.server";
import { agencyOptions, unitsOfAgency } from "~/modules/agencies/queries.server";
import { listUsers } from "~/modules/accounts/list-users.server";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.users.title");

export const loader = page(async ({ context }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  const roles = invitableRoles(actor);
  if (!roles.length) throw forbidden();
  const { db } = services(context);
  const national = actor.role === "national_admin";
  const list = await listUsers(db, actor);
  return {
    list,
    roles,
    agencies: national ? await agencyOptions(db) : null,
    units: actor.agencyId ? await unitsOfAgency(db, actor.agencyId) : [],
  };
});

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  if (!invitableRoles(actor).length) throw forbidden();
  const form = await request.formData();
  const parsed = parseWith(InviteSchema, formToObject(form), t);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values }, { status: 400 });
  try {
    await inviteUser(db, actor, parsed.data, { publicUrl: env.publicUrl });
  } catch (e) {
    if (e instanceof AppError && (e.code === "conflict" || e.code === "invalid")) {
      const errors = Object.fromEntries(Object.entries(e.fields ?? { _form: e.reason }).map(([k, v]) => [k, t(v)]));
      return data({ errors, values: parsed.values }, { status: e.status });
    }
    throw e;
  }
  return { invited: parsed.data.email };
});

export default function Users({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData as { errors?: Record<string, string>; values?: Record<string, unknown>; invited?: string } | undefined;
  const v = (k: string) => (a?.errors ? String(a.values?.[k] ?? "") : "");
  return (
    <>
      <h1>{t("accounts.users.title")}</h1>
      {a?.invited ? <p className="notice" role="status">{t("accounts.users.invited", { email: a.invited })}</p> : null}
      <table>
        <thead>
          <tr>
            <th scope="col">{t("accounts.users.name")}</th>
            <th scope="col">{t("accounts.login.email")}</th>
            <th scope="col">{t("accounts.users.role")}</th>
            <th scope="col">{t("accounts.users.agency")}</th>
            <th scope="col">{t("accounts.users.status")}</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.list.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.email}</td>
              <td>{t(`role.${u.role}`)}</td>
              <td>{[u.agencyName, u.unitName].filter(Boolean).join(" · ") || "—"}</td>
              <td>{u.active ? t("accounts.users.active") : t("accounts.users.pending")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t("accounts.users.invite")}</h2>
      <ErrorSummary
        errors={a?.errors}
        labels={{ name: t("accounts.users.name"), email: t("accounts.login.email"), role: t("accounts.users.role"), agencyId: t("accounts.users.agency"), unitId: t("accounts.users.unit") }}
      />
      <Form method="post" className="narrow">
        <CsrfField />
        <TextField name="name" label={t("accounts.users.name")} required defaultValue={v("name")} error={a?.errors?.name} />
        <TextField name="email" type="email" label={t("accounts.login.email")} required defaultValue={v("email")} error={a?.errors?.email} inputMode="email" />
        <SelectField name="role" label={t("accounts.users.role")} required options={loaderData.roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} defaultValue={v("role") || loaderData.roles[0]} error={a?.errors?.role} />
        {loaderData.agencies ? (
          <SelectField name="agencyId" label={t("accounts.users.agency")} options={loaderData.agencies.map((g) => ({ value: String(g.id), label: g.name }))} defaultValue={v("agencyId")} emptyLabel="" error={a?.errors?.agencyId} />
        ) : null}
        {loaderData.units.length ? (
          <SelectField name="unitId" label={t("accounts.users.unit")} options={loaderData.units.map((u) => ({ value: String(u.id), label: u.name }))} defaultValue={v("unitId")} emptyLabel="" error={a?.errors?.unitId} />
        ) : null}
        <button type="submit" className="button">{t("accounts.users.invite")}</button>
      </Form>
    </>
  );
}
