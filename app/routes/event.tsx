// /acara/:slug: one event, and for the people of an agency, its registration form and the
// participants their agency has registered (withdrawn until registration closes).
import { data, Form, Link, redirect } from "react-router";
import type { Route } from "./+types/event";
import { requestInfo, requireUser, services } from "~/lib/context.server";
import { AppError, notFound } from "~/lib/errors";
import { assertCan, can } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, idOf, parseWith } from "~/lib/forms";
import { isOwnKey } from "~/lib/own";
import { formatInstant, translator } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, TextField } from "~/components/forms";
import { eventBySlug, provinceNames, registrationsOf } from "~/modules/events/queries.server";
import { agencyProvince, registerParticipant, withdrawParticipant } from "~/modules/events/register.server";
import { registrationSchema } from "~/modules/events/schemas";
import { EventFacts } from "~/modules/events/ui/event-facts";
import { eventIcs } from "~/modules/events/ics";

export const meta: Route.MetaFunction = ({ data: d }) => [{ title: d ? `${d.event.title} · Lumbung` : "Lumbung" }];

async function publishedEvent(db: Parameters<typeof eventBySlug>[0], slug: string, national: boolean) {
  const event = await eventBySlug(db, slug);
  // A draft does not exist for anyone but the secretariat.
  if (!event || (!event.publishedAt && !national)) throw notFound();
  return event;
}

// The event for a calendar (`?format=ics`): a file, answered before the page's loader.
export const middleware: Route.MiddlewareFunction[] = [
  async ({ request, context, params }, next) => {
    if (request.method !== "GET" || new URL(request.url).searchParams.get("format") !== "ics") return next();
    const { db, env } = services(context);
    const event = await eventBySlug(db, params.slug);
    if (!event || !event.publishedAt) return new Response(`${translator(requestInfo(context).locale)("errors.notFound")}\n`, { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
    const url = `${env.publicUrl}/acara/${event.slug}`;
    return new Response(eventIcs(event, { url, host: new URL(env.publicUrl).hostname }), {
      headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": `attachment; filename="${event.slug}.ics"`, "cache-control": "public, max-age=300" },
    });
  },
];

export const loader = page(async ({ params, context, request }: Route.LoaderArgs) => {
  const { db, receivedAt } = services(context);
  const { actor, agencyName } = requestInfo(context);
  const national = can(actor, "event.manage").ok;
  const event = await publishedEvent(db, params.slug, national);
  const agencyId = actor.kind === "user" ? actor.agencyId : null;
  const decision = agencyId !== null ? can(actor, "event.register", { agencyId, provinceCodes: event.provinceCodes, province: await agencyProvince(db, agencyId) }) : null;
  const open = Boolean(event.publishedAt) && !event.cancelledAt && receivedAt < new Date(event.registrationClosesAt);
  // Anyone already waiting goes first: a newcomer joins the line even if a place is free.
  const full = event.waiting > 0 || (event.capacity !== null && event.registered >= event.capacity);
  return {
    event,
    provinces: await provinceNames(db, event.provinceCodes),
    open,
    full,
    agency: agencyId !== null && decision ? { name: agencyName ?? "", mayRegister: decision.ok, refusal: decision.ok ? null : decision.reason, registrations: await registrationsOf(db, event.id, agencyId) } : null,
    signedIn: actor.kind === "user",
    message: new URL(request.url).searchParams.get("pesan"),
  };
});

type Typed = { name: string; position: string; email: string };
type ActionReply = { errors?: Record<string, string>; values?: Typed };

export const action = page(async ({ params, context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  const { db, receivedAt, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const event = await publishedEvent(db, params.slug, false);
  const opts = { now: receivedAt, baseUrl: env.publicUrl };
  // Who may register is settled before what was sent is read (the use case checks it again).
  if (actor.agencyId === null) throw new AppError("forbidden", "events.errors.agencyOnly");
  assertCan(actor, "event.register", { agencyId: actor.agencyId, provinceCodes: event.provinceCodes, province: await agencyProvince(db, actor.agencyId) });
  const form = await request.formData();
  const here = `/acara/${event.slug}`;
  if (form.get("_intent") === "withdraw") {
    await withdrawParticipant(db, actor, event.id, idOf(form.get("registrationId")) ?? 0, opts);
    return redirect(`${here}?pesan=dibatalkan#peserta`);
  }
  const values = formToObject(form);
  const str = (k: string) => (typeof values[k] === "string" ? (values[k] as string) : "");
  const typed: Typed = { name: str("name"), position: str("position"), email: str("email") };
  const parsed = parseWith(registrationSchema, typed, t);
  if (!parsed.ok) return data<ActionReply>({ errors: parsed.errors, values: typed }, { status: 400 });
  let waiting = false;
  try {
    ({ waiting } = await registerParticipant(db, actor, event.id, parsed.data, opts));
  } catch (e) {
    if (e instanceof AppError && (e.code === "invalid" || e.code === "conflict")) {
      return data<ActionReply>({ errors: appErrorFields(e, t), values: typed }, { status: e.status });
    }
    throw e;
  }
  return redirect(`${here}?pesan=${waiting ? "menunggu" : "terdaftar"}#peserta`);
});

const NOTICES: Record<string, string> = { terdaftar: "events.register.done", menunggu: "events.register.doneWaiting", dibatalkan: "events.register.withdrawn" };

export default function EventPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  const a = actionData as ActionReply | undefined;
  const e = d.event;
  const labels = { name: t("events.register.name"), position: t("events.register.position"), email: t("events.register.email") };
  return (
    <>
      <nav aria-label={t("catalogue.innovation.breadcrumb")} className="breadcrumb">
        <Link to="/acara">{t("events.title")}</Link>
      </nav>
      <p className="muted">{t(`events.kind.${e.kind}`)}{e.batch ? ` · ${e.batch}` : ""}</p>
      <h1>{e.title}</h1>
      {!e.publishedAt ? <p className="notice notice-warning">{t("events.draft")}</p> : null}
      {e.cancelledAt ? <p className="notice notice-warning">{t("events.cancelled")}</p> : null}
      <EventFacts event={e} provinces={d.provinces} />
      {e.publishedAt ? <p><a href={`/acara/${e.slug}?format=ics`} download>{t("events.calendar")}</a></p> : null}
      {e.description ? <div className="prose-text">{e.description}</div> : null}
      {/* The deadline as the event's time is shown: in the zone of its place, where the
          secretariat set it, then in the reader's when it differs. */}
      {e.cancelledAt ? null : d.open ? (
        <p className="deadline">
          {t("events.closes", { when: formatInstant(locale, e.registrationClosesAt, e.timeZone) })}
          {zone !== e.timeZone ? <span className="muted"> ({t("events.closesInYourZone", { when: formatInstant(locale, e.registrationClosesAt, zone) })})</span> : null}
        </p>
      ) : (
        <p className="deadline">{t("events.closed")}</p>
      )}

      {d.agency ? (
        <section aria-labelledby="peserta">
          <h2 id="peserta">{t("events.register.yours")}</h2>
          {d.message && isOwnKey(NOTICES, d.message) ? <p className="notice" role="status">{t(NOTICES[d.message])}</p> : null}
          {d.agency.registrations.length ? (
            <>
              {d.open ? <p className="hint" id="withdraw-hint">{t("events.register.withdrawHint")}</p> : null}
              <ul>
                {d.agency.registrations.map((r) => (
                  <li key={r.id}>
                    {r.name}
                    {r.position ? `, ${r.position}` : ""} ({r.email})
                    {r.waiting ? <> <span className="badge">{t("events.waiting.line", { line: r.line ?? 0 })}</span></> : null}
                    {d.open ? (
                      <Form method="post" className="inline-form">
                        <CsrfField />
                        <input type="hidden" name="_intent" value="withdraw" />
                        <input type="hidden" name="registrationId" value={r.id} />{" "}
                        <button type="submit" className="link-button" aria-describedby="withdraw-hint">{t("events.register.withdraw", { name: r.name })}</button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="muted">{t("events.register.noneYet")}</p>
          )}
          {!d.agency.mayRegister && d.agency.refusal ? <p className="notice">{t(d.agency.refusal)}</p> : null}
          {/* A full event still takes registrations, onto its waiting list, said before the form. */}
          {d.agency.mayRegister && d.open ? (
            <Form method="post" noValidate>
              <CsrfField />
              <h3>{t("events.register.title", { agency: d.agency.name })}</h3>
              <ErrorSummary errors={a?.errors} labels={labels} />
              {d.full ? <p className="notice">{t("events.fullWaiting")}</p> : null}
              <p className="hint">{t("events.register.hint")}</p>
              <TextField name="name" label={labels.name} required defaultValue={a?.values?.name} error={a?.errors?.name} autoComplete="off" />
              <TextField name="position" label={labels.position} defaultValue={a?.values?.position} error={a?.errors?.position} />
              <TextField name="email" type="email" inputMode="email" label={labels.email} required defaultValue={a?.values?.email} error={a?.errors?.email} autoComplete="off" />
              <button type="submit" className="button">{t(d.full ? "events.register.submitWaiting" : "events.register.submit")}</button>
            </Form>
          ) : null}
        </section>
      ) : !d.signedIn && d.open ? (
        <p><Link to={`/masuk?redirectTo=${encodeURIComponent(`/acara/${e.slug}`)}`}>{t("events.register.signIn")}</Link></p>
      ) : null}
    </>
  );
}
