// What an assignment run did: the pairs made, moved and kept, whether the loads came out
// balanced, and each proposal left short of its k judges with the reason (every judge left is
// conflicted or at capacity), so the secretariat knows whom to add to the pool.
import { useT } from "~/lib/use-i18n";
import type { UnstaffedExplained } from "../admin-queries.server";

export type RunSummary = { pairs: number; moved: number; kept: number; balanced: boolean; unstaffedTotal: number; unstaffed: UnstaffedExplained[] };

export function RunResult({ run, k }: { run: RunSummary; k: number }) {
  const t = useT();
  return (
    <section aria-labelledby="hasil-penugasan">
      <h3 id="hasil-penugasan">{t("judgingAdmin.run.resultTitle")}</h3>
      <p className={run.unstaffedTotal ? "notice notice-warning" : "notice"} role="status">
        {t("judgingAdmin.run.result", { pairs: run.pairs, moved: run.moved, kept: run.kept })}{" "}
        {run.balanced ? t("judgingAdmin.run.balanced") : t("judgingAdmin.run.unbalanced")}{" "}
        {run.unstaffedTotal ? t("judgingAdmin.run.unstaffedCount", { n: run.unstaffedTotal }) : t("judgingAdmin.run.allStaffed")}
      </p>
      {run.unstaffed.length ? (
        <div className="table-scroll">
          <table>
            <caption>{t("judgingAdmin.run.unstaffedTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("proposals.col.receipt")}</th>
                <th scope="col">{t("proposals.col.title")}</th>
                <th scope="col">{t("judgingAdmin.run.missing")}</th>
                <th scope="col">{t("judgingAdmin.run.reason")}</th>
              </tr>
            </thead>
            <tbody>
              {run.unstaffed.map((u) => (
                <tr key={u.id}>
                  <td>{u.receipt ?? "—"}</td>
                  <td>{u.title}</td>
                  <td>{u.missing}</td>
                  <td>
                    {t(`judgingAdmin.unstaffed.${u.reason}`)}
                    <div className="hint">
                      {u.reason === "judges-at-capacity"
                        ? t("judgingAdmin.unstaffed.detailCapacity", { eligible: u.eligible, total: u.poolSize })
                        : t("judgingAdmin.unstaffed.detailFew", {
                            eligible: u.eligible,
                            total: u.poolSize,
                            k: k,
                            why: u.conflicts.length ? u.conflicts.map((c) => `${t(`judging.conflictReason.${c.reason}`)} ${c.n}`).join(", ") : t("judgingAdmin.unstaffed.noConflicts"),
                          })}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {run.unstaffedTotal > run.unstaffed.length ? <p className="hint">{t("judgingAdmin.run.more", { n: run.unstaffedTotal - run.unstaffed.length })}</p> : null}
        </div>
      ) : null}
    </section>
  
  );
}
