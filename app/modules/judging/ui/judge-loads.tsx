// The stage's judges with their current load against their capacity and their expertise.
import { useT } from "~/lib/use-i18n";

export type JudgeLoad = { id: number; name: string; role: string; load: number; capacity: number | null; expertise: string[] };

export function JudgeLoads({ judges }: { judges: JudgeLoad[] }) {
  const t = useT();
  return (
    <>
      <h2>{t("judgingAdmin.assignment.judges")}</h2>
      {judges.length ? (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("judgingAdmin.assignment.judgeName")}</th>
                <th scope="col">{t("judgingAdmin.assignment.role")}</th>
                <th scope="col">{t("judgingAdmin.assignment.load")}</th>
                <th scope="col">{t("judgingAdmin.judges.capacity")}</th>
                <th scope="col">{t("judgingAdmin.judges.expertise")}</th>
              </tr>
            </thead>
            <tbody>
              {judges.map((j) => (
                <tr key={j.id}>
                  <th scope="row">{j.name}</th>
                  <td>{t(`judging.role.${j.role}`)}</td>
                  <td>{j.load}</td>
                  <td>{j.capacity ?? t("judgingAdmin.assignment.noLimit")}</td>
                  <td>{j.expertise.length ? j.expertise.map((s) => t(`sector.${s}`)).join(", ") : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>{t("judgingAdmin.assignment.noJudges")}</p>
      )}
    </>
  );
}
