// /kelola/kompetisi/:slug/pesan: the secretariat writes to an edition's participants. First who
// (a GET form: the page shows how many people that is, and some of them), then the message,
// sent only for the number shown (modules/competitions/broadcast.server.ts).
import { data, Form, Link, redirect, useActionData } from "react-router";
import type { Route } from "./+types/broadcast";
import { requestInfo, services } from "~/lib/context.server";
import { AppError } from "~/lib/errors";
import { page } from "~/lib/respond.server";
import { appErrorFields, formToObject, parseWith, type FieldErrors } from "~/lib/forms";
import { translator } from "~/i18n";
import { useInstant, useT } from "~/lib/use-i18n";
import { CsrfField, ErrorSummary, SelectField, TextArea, TextField } from "~/components/forms";
import { TableScroll } from "~/components/table-scroll";
import { secretariatEdition } from "~/modules/competitions/edition.server";
import { BroadcastSchema, broadcastRecipients, editionBroadcasts, newSendKey, sendBroadcast } from "~/modules/competitions/broadcast.server";
import { AUDIENCES, isAudience } from "~/modules/competitions/broadcast";

export const meta: Route.MetaFunction = ({ data }) => [{ title: data ? `${data.name} · Lumbung` : "Lumbung" }];

// How many of the recipients the page names before the message is written.
const SAMPLE = 10;

export const loader = page(async ({ context, params, request }: Route.LoaderArgs) => {
  const { row } = await secretariatEdition(context, params.slug);
  const { db } = services(context);
  const url = new URL(request.url);
  const chosen = url.searchParams.get("untuk");
  const audience = isAudience(chosen) ? chosen : null;
  const [recipients, sent] = await Promise.all([audience ? broadcastRecipients(db, row.id, audience) : null, editionBroadcasts(db, row.id)]);
  return {
    slug: row.slug,
    name: row.name,
    audience,
    count: recipients?.people.length ?? 0,
    unreachable: recipients?.unreachable ?? 0,
    sample: recipients?.people.slice(0, SAMPLE) ?? [],
    // A fresh key for each form shown: the same form sent twice sends once.
    sendKey: newSendKey(),
    sent,
    done: url.searchParams.get("pesan") === "terkirim" ? Number(url.searchParams.get("n")) || 0 : null,
  };
});

type Reply = { errors: FieldErrors; values: { subject: string; body: string }; count?: number };

export const action = page(async ({ context, params, request }: Route.ActionArgs) => {
  const { actor, row } = await secretariatEdition(context, params.slug);
  const { db, env } = services(context);
  const t = translator(requestInfo(context).locale);
  const form = await request.formData();
  const values = { subject: String(form.get("subject") ?? "").slice(0, 300), body: String(form.get("body") ?? "").slice(0, 10_000) };
  const parsed = parseWith(BroadcastSchema, formToObject(form), t);
  if (!parsed.ok) return data<Reply>({ errors: parsed.errors, values }, { status: 400 });
  try {
    const done = await sendBroadcast(db, actor, row, parsed.data, { publicUrl: env.publicUrl });
    return redirect(`/kelola/kompetisi/${row.slug}/pesan?pesan=terkirim&n=${done.sent}`);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    const count = e.fields?.count !== undefined ? Number(e.fields.count) : undefined;
    const errors = count !== undefined ? { _form: t(e.reason, { n: count }) } : appErrorFields(e, t);
    return data<Reply>({ errors, values, count }, { status: e.status });
  }
});

export default function Broadcast({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  const reply = useActionData<Reply>();
  const d = loaderData;
  // A changed audience: the number to confirm is the new one.
  const count = reply?.count ?? d.count;
  const audienceOptions = AUDIENCES.map((a) => ({ value: a, label: t(`competitions.broadcast.audience.${a}`) }));
  return (
    <>
      <p>
        <Link to={`/kelola/kompetisi/${d.slug}`}>{d.name}</Link>
      </p>
      <h1>{t("competitions.broadcast.title")}</h1>
      <p>{t("competitions.broadcast.intro")}</p>
      {d.done !== null && !reply ? (
        <p className="notice" role="status">
          {t("competitions.broadcast.sent", { n: d.done })}
        </p>
      ) : null}

      <h2 id="audience-title">{t("competitions.broadcast.step1")}</h2>
      <Form method="get" aria-labelledby="audience-title">
        <SelectField name="untuk" label={t("competitions.broadcast.audience")} options={audienceOptions} defaultValue={d.audience} emptyLabel={t("competitions.broadcast.chooseAudience")} required />
        <button type="submit" className="button secondary">{t("competitions.broadcast.showRecipients")}</button>
      </Form>

      {d.audience ? (
        <>
          <h2 id="message-title">{t("competitions.broadcast.step2")}</h2>
          <p>{t("competitions.broadcast.count", { n: count, audience: t(`competitions.broadcast.audience.${d.audience}`) })}</p>
          {d.unreachable ? <p className="notice notice-warning">{t("competitions.broadcast.unreachable", { n: d.unreachable })}</p> : null}
          {d.sample.length ? (
            <>
              <p id="sample-title">{d.sample.length === count ? t("competitions.broadcast.sampleAll") : t("competitions.broadcast.sample", { n: d.sample.length })}</p>
              <ul aria-labelledby="sample-title">
                {d.sample.map((p) => (
                  <li key={p.id}>
                    {p.name}
                    {p.agencyName ? ` (${p.agencyName})` : ""}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {count ? (
            <>
              <ErrorSummary errors={reply?.errors} labels={{ subject: t("competitions.broadcast.subject"), body: t("competitions.broadcast.body"), confirm: t("competitions.broadcast.confirmLabel") }} />
              <Form method="post" noValidate aria-labelledby="message-title">
                <CsrfField />
                <input type="hidden" name="audience" value={d.audience} />
                <input type="hidden" name="expected" value={count} />
                <input type="hidden" name="sendKey" value={d.sendKey} />
                <TextField name="subject" label={t("competitions.broadcast.subject")} required maxLength={150} defaultValue={reply?.values.subject} error={reply?.errors.subject} />
                <TextArea name="body" label={t("competitions.broadcast.body")} hint={t("competitions.broadcast.bodyHint")} required rows={10} maxLength={5000} defaultValue={reply?.values.body} error={reply?.errors.body} />
                <div className={reply?.errors.confirm ? "field field-error" : "field"}>
                  {reply?.errors.confirm ? (
                    <p className="error-message" id="f-confirm-error">
                      {reply.errors.confirm}
                    </p>
                  ) : null}
                  <label className="checkbox">
                    <input type="checkbox" id="f-confirm" name="confirm" value="1" aria-describedby={reply?.errors.confirm ? "f-confirm-error" : undefined} />{" "}
                    {t("competitions.broadcast.confirm", { n: count })}
                  </label>
                </div>
                <button type="submit" className="button">{t("competitions.broadcast.send")}</button>
              </Form>
            </>
          ) : (
            <p>{t("competitions.broadcast.nobody")}</p>
          )}
        </>
      ) : null}

      <h2 id="history-title">{t("competitions.broadcast.history")}</h2>
      {d.sent.length ? (
        <TableScroll labelledBy="history-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("competitions.broadcast.at")}</th>
                <th scope="col">{t("competitions.broadcast.subject")}</th>
                <th scope="col">{t("competitions.broadcast.audience")}</th>
                <th scope="col">{t("competitions.broadcast.recipients")}</th>
              </tr>
            </thead>
            <tbody>
              {d.sent.map((s) => (
                <tr key={s.id}>
                  <td>
                    {instant(s.at)}
                    {s.sender ? (
                      <>
                        <br />
                        <span className="hint">{s.sender}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <Link to={`/kelola/pesan/${s.id}`}>{s.subject}</Link>
                  </td>
                  <td>{t(`competitions.broadcast.audience.${s.audience}`)}</td>
                  <td>{t("competitions.broadcast.people", { n: s.recipients })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <p>{t("competitions.broadcast.none")}</p>
      )}
    </>
  );
}
