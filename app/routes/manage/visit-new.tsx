// /kelola/kunjungan/baru?inovasi=SLUG: ask to visit another agency's published innovation.
import { data, Form, redirect } from "react-router";
import type { Route } from "./+types/visit-new";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError, notFound } from "~/lib/errors";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, parseWith } from "~/lib/forms";
import { translator } from "~/i18n";
import { useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, TextArea, TextField } from "~/components/forms";
import { requestVisit, visitableInnovation } from "~/modules/visits/visits.server";
import { visitRequestSchema } from "~/modules/visits/schemas";
import { latestStartDate } from "~/modules/innovations/schemas";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "visits.ask");

async function target(context: Route.LoaderArgs["context"], request: Request) {
  const actor = requireUser(context);
  const { db } = services(context);
  const innovation = await visitableInnovation(db, new URL(request.url).searchParams.get("inovasi") ?? "");
  if (!innovation) throw notFound();
  assertCan(actor, "visit.request", { hostAgencyId: innovation.agencyId });
  return { actor, db, innovation };
}

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const { innovation } = await target(context, request);
  return { innovation: { slug: innovation.slug, name: innovation.name, agency: innovation.agency }, today: latestStartDate(services(context).receivedAt) };
});

type Typed = { preferredOn: string; participants: string; purpose: string };
type ActionReply = { errors?: Record<string, string>; values?: Typed };

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const { actor, db, innovation } = await target(context, request);
  const { receivedAt, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const values = formToObject(await request.formData());
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const typed: Typed = { preferredOn: str("preferredOn"), participants: str("participants"), purpose: str("purpose") };
  const parsed = parseWith(visitRequestSchema, typed, t);
  if (!parsed.ok) return data<ActionReply>({ errors: parsed.errors, values: typed }, { status: 400 });
  try {
    const { id } = await requestVisit(db, actor, innovation.slug, parsed.data, { now: receivedAt, baseUrl: env.publicUrl });
    return redirect(`/kelola/kunjungan/${id}?pesan=terkirim`);
  } catch (e) {
    if (e instanceof AppError && e.code === "invalid" && e.fields) {
      return data<ActionReply>({ errors: appErrorFields(e, t), values: typed }, { status: 400 });
    }
    throw e;
  }
});

export default function VisitNew({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const a = actionData as ActionReply | undefined;
  const labels = { preferredOn: t("visits.field.preferredOn"), participants: t("visits.field.participants"), purpose: t("visits.field.purpose") };
  return (
    <>
      <h1>{t("visits.askTitle", { innovation: d.innovation.name })}</h1>
      <p>{t("visits.askIntro", { host: d.innovation.agency })}</p>
      <Form method="post" noValidate>
        <CsrfField />
        <ErrorSummary errors={a?.errors} labels={labels} />
        <TextField name="preferredOn" type="date" label={labels.preferredOn} required defaultValue={a?.values?.preferredOn} error={a?.errors?.preferredOn} />
        <TextField name="participants" inputMode="numeric" label={labels.participants} hint={t("visits.field.participantsHint")} required defaultValue={a?.values?.participants} error={a?.errors?.participants} />
        <TextArea name="purpose" label={labels.purpose} hint={t("visits.field.purposeHint")} required maxLength={2000} defaultValue={a?.values?.purpose} error={a?.errors?.purpose} />
        <button type="submit" className="button">{t("visits.submit")}</button>
      </Form>
    </>
  );
}
