// /kelola/kotak-keluar: every mail Lumbung wrote, and what became of it. With a mail server set
// (SMTP_URL), each mail says whether it went out, when, and what the server answered when it did
// not; one refused or too old to send can be put back in line. Without one, mail is kept here.
import { Form, Link, redirect } from "react-router";
import type { Route } from "./+types/outbox";
import { requireUser, services } from "~/lib/context.server";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { idOf, pageParam } from "~/lib/forms";
import { Pagination } from "~/components/pagination";
import { notFound } from "~/lib/errors";
import { useInstant, useT } from "~/lib/use-i18n";
import { CsrfField } from "~/components/forms";
import { inOutboxScope, listOutbox, mailServerTrouble, outboxCounts } from "~/modules/mail/list-outbox.server";
import { retryMail } from "~/modules/mail/deliver.server";
import { MAX_AGE_HOURS, MAX_ATTEMPTS, OUTBOX_STATUSES, type OutboxStatus } from "~/modules/mail/delivery";
import { recordAudit } from "~/modules/audit/record-audit.server";
import { pageTitle } from "~/lib/meta";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "accounts.outbox.title");

const PATH = "/kelola/kotak-keluar";
// Mails a page: each shows its whole text.
const PER_PAGE = 50;

const statusOf = (v: string | null): OutboxStatus | null => ((OUTBOX_STATUSES as readonly string[]).includes(v ?? "") ? (v as OutboxStatus) : null);

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "outbox.view");
  const { db, env } = services(context);
  const url = new URL(request.url);
  const status = statusOf(url.searchParams.get("status"));
  const pageNo = pageParam(url.searchParams.get("halaman"), 100_000);
  const [mails, counts, trouble] = await Promise.all([
    listOutbox(db, actor, { status, limit: PER_PAGE, offset: (pageNo - 1) * PER_PAGE }),
    outboxCounts(db, actor),
    env.mail ? mailServerTrouble(db, actor) : null,
  ]);
  const total = status ? counts[status] : OUTBOX_STATUSES.reduce((n, s) => n + counts[s], 0);
  // Which server mail goes through, by its host alone: the address may carry a password.
  const server = env.mail ? new URL(env.mail.smtpUrl).host : null;
  const said = url.searchParams.get("pesan");
  return { mails, counts, status, server, trouble, page: pageNo, pages: Math.max(1, Math.ceil(total / PER_PAGE)), retried: said === "dikirim-ulang" ? "again" : said === "dikirim-sekarang" ? "now" : null };
});

export const action = page(async ({ context, request }: Route.ActionArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "outbox.retry");
  const { db, jobs } = services(context);
  const form = await request.formData();
  const id = idOf(form.get("mailId"));
  // A mail outside the actor's outbox is, to them, no mail at all.
  if (id === null || !(await inOutboxScope(db, actor, id))) throw notFound();
  const retried = await db.transaction(async (tx) => {
    if (!(await retryMail(tx, id))) return false;
    await recordAudit(tx, { actorUserId: actor.id, action: "outbox.retry", subjectType: "outbox", subjectId: id });
    return true;
  });
  // At once, rather than at the next minute's run: the person who asked is waiting to see it go.
  if (retried) await jobs.send("mail", {});
  // To the whole list, where the mail is seen as it moves on (under the filter it came from, a
  // refused mail sent again would vanish from view).
  return redirect(`${PATH}?pesan=${form.get("now") === "1" ? "dikirim-sekarang" : "dikirim-ulang"}`);
});

type Mail = Route.ComponentProps["loaderData"]["mails"][number];

/** The server's words: as they are for a refusal of the mail, as a detail for the server's own fault. */
function Answer({ mail }: { mail: Mail }) {
  const t = useT();
  return mail.fault ? <span className="hint">{t("accounts.outbox.detail", { answer: mail.lastError! })}</span> : <>{t("accounts.outbox.serverSaid", { answer: mail.lastError! })}</>;
}

/** What became of one mail, in a sentence. */
function Delivery({ mail, server }: { mail: Mail; server: string | null }) {
  const t = useT();
  const instant = useInstant();
  switch (mail.status) {
    case "sent":
      return <p className="muted">{t("accounts.outbox.sentAt", { when: instant(mail.sentAt!) })}</p>;
    case "sending":
      return <p className="muted">{t("accounts.outbox.sending")}</p>;
    case "failed":
    case "expired":
      return (
        <p className="notice notice-warning">
          {mail.status === "expired" ? t("accounts.outbox.expired", { hours: MAX_AGE_HOURS }) : mail.fault ? t(`accounts.outbox.failedFault.${mail.fault}`) : t("accounts.outbox.failed")}
          {mail.lastError ? <> <Answer mail={mail} /></> : null}
        </p>
      );
    default:
      if (!server) return <p className="muted">{t("accounts.outbox.keptHere")}</p>;
      if (mail.attempts > 0 && mail.nextAttemptAt) {
        const next = { when: instant(mail.nextAttemptAt), attempt: mail.attempts, max: MAX_ATTEMPTS };
        return (
          <p className="muted">
            {mail.fault ? t(`accounts.outbox.waitingFault.${mail.fault}`, next) : t("accounts.outbox.retrying", next)}
            {mail.lastError ? <> <Answer mail={mail} /></> : null}
          </p>
        );
      }
      return <p className="muted">{t("accounts.outbox.waiting")}</p>;
  }
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT();
  const instant = useInstant();
  const { mails, counts, status, server, retried } = loaderData;
  const total = OUTBOX_STATUSES.reduce((n, s) => n + counts[s], 0);
  return (
    <>
      <h1>{t("accounts.outbox.title")}</h1>
      <p>{server ? t("accounts.outbox.introServer", { server }) : t("accounts.outbox.intro")}</p>
      {loaderData.trouble ? (
        <p className="notice notice-warning" role="status">
          {t(`accounts.outbox.trouble.${loaderData.trouble.fault}`, { when: instant(loaderData.trouble.at), n: loaderData.trouble.waiting })}
        </p>
      ) : null}
      {retried ? (
        <p className="notice" role="status">
          {t(retried === "now" ? "accounts.outbox.sentNow" : "accounts.outbox.retried")}
        </p>
      ) : null}
      <nav aria-label={t("accounts.outbox.filter")} className="outbox-filter">
        <ul className="filter-row">
          <li>
            <Link to={PATH} aria-current={status ? undefined : "page"}>
              {t("accounts.outbox.all")}
            </Link>{" "}
            ({total})
          </li>
          {OUTBOX_STATUSES.filter((s) => counts[s] > 0 || s === status).map((s) => (
            <li key={s}>
              <Link to={`${PATH}?status=${s}`} aria-current={status === s ? "page" : undefined}>
                {t(`accounts.outbox.status.${s}`)}
              </Link>{" "}
              ({counts[s]})
            </li>
          ))}
        </ul>
      </nav>
      {mails.length === 0 ? <p>{t("accounts.outbox.none")}</p> : null}
      {mails.map((m) => (
        <article key={m.id} className="mail" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <p className="muted">
            {t("accounts.outbox.to")}: {m.toAddress} · {instant(m.createdAt)} ·{" "}
            <span className={`badge badge-mail-${m.status}`}>{t(`accounts.outbox.status.${m.status}`)}</span>
          </p>
          <Delivery mail={m} server={server} />
          {server && (m.status === "failed" || m.status === "expired" || (m.status === "pending" && m.attempts > 0)) ? (
            <Form method="post">
              <CsrfField />
              <input type="hidden" name="mailId" value={m.id} />
              {m.status === "pending" ? <input type="hidden" name="now" value="1" /> : null}
              <button type="submit" className="button secondary">
                {t(m.status === "pending" ? "accounts.outbox.sendNow" : "accounts.outbox.retry")}
                {/* Many mails share a subject: the button names its recipient for a screen reader. */}
                <span className="visually-hidden"> {t("accounts.outbox.to")}: {m.toAddress}</span>
              </button>
            </Form>
          ) : null}
          {m.hidden === "reset" ? <p className="hint">{t("accounts.outbox.secretHidden")}</p> : null}
          {m.hidden === "invitation" ? <p className="hint">{t("accounts.outbox.invitationHidden")}</p> : null}
          <pre className="mail-body">{m.bodyText}</pre>
        </article>
      ))}
      <Pagination page={loaderData.page} pages={loaderData.pages} param="halaman" />
    </>
  );
}
