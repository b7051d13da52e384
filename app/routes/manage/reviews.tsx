import { Link } from "react-router";
import type { Route } from "./+types/reviews";
import { requireUser, services } from "~/lib/context.server";
import { assertCan } from "~/lib/policy";
import { page } from "~/lib/respond.server";
import { pageTitle } from "~/lib/meta";
import { formatInstant } from "~/i18n";
import { useRoot, useT } from "~/lib/use-i18n";
import { stageEnd } from "~/modules/competitions/config-values";
import { reviewWorklist } from "~/modules/judging/review-queries.server";
import { ownEntry } from "~/lib/own";

export const meta: Route.MetaFunction = ({ matches }) => pageTitle(matches, "review.list.title");

// Notices a redirect may ask for (?pesan=…).
const NOTICES: Record<string, string> = { konflik: "review.list.conflictDeclared" };

export const loader = page(async ({ context, request }: Route.LoaderArgs) => {
  const actor = requireUser(context);
  assertCan(actor, "review.enter");
  const now = services(context).receivedAt.getTime();
  const editions = await reviewWorklist(services(context).db, actor);
  const message = new URL(request.url).searchParams.get("pesan");
  return {
    editions: editions.map((e) => ({
      ...e,
      stages: e.stages.map((s) => ({ ...s, closed: Boolean(s.closesAt) && now >= stageEnd(s) })),
    })),
    notice: ownEntry(NOTICES, message) ?? null,
  };
});

export default function Reviews({ loaderData: d }: Route.ComponentProps) {
  const t = useT();
  const { locale, zone } = useRoot();
  return (
    <>
      <h1>{t("review.list.title")}</h1>
      {d.notice ? <p className="notice" role="status">{t(d.notice)}</p> : null}
      <p>{t("review.list.intro")}</p>
      {!d.editions.length ? <p>{t("review.list.none")}</p> : null}
      {d.editions.map((e) => (
        <section key={e.slug}>
          <h2>{e.name}</h2>
          {e.stages.map((s) => {
            const done = s.items.filter((i) => i.state === "submitted").length;
            const captionId = `tahap-${e.slug}-${s.code}`;
            return (
              <section key={s.code}>
                <h3 id={captionId}>{s.name}</h3>
                {s.closesAt ? (
                  <p className="deadline">
                    {t(s.closed ? "review.list.closed" : "review.list.closes", { when: formatInstant(locale, s.closesAt, zone) })}
                  </p>
                ) : null}
                <p className="muted">{t("review.list.progress", { done, total: s.items.length })}</p>
                <div className="table-scroll">
                  <table aria-labelledby={captionId}>
                    <thead>
                      <tr>
                        <th scope="col">{t("review.col.title")}</th>
                        <th scope="col">{t("review.col.receipt")}</th>
                        <th scope="col">{t("review.col.category")}</th>
                        <th scope="col">{t("review.col.state")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {s.items.map((i) => (
                        <tr key={i.proposalId}>
                          <th scope="row">
                            <Link to={`/kelola/penilaian/${e.slug}/${s.code}/${i.proposalId}`}>{i.title}</Link>
                            {/* A field-verification team also files the visit's report. */}
                            {s.kind === "field_verification" ? (
                              <div className="hint">
                                <Link to={`/kelola/verifikasi/${e.slug}/${s.code}/${i.proposalId}`}>{t("review.fieldReport")}</Link>
                              </div>
                            ) : null}
                          </th>
                          <td>{i.receipt ?? "—"}</td>
                          <td>{i.category}</td>
                          <td>{t(`review.state.${i.state}`)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })}
        </section>
      ))}
    </>
  );
}
