// An innovation's yearly check-ins, newest first: the answer, when, what happened, the evidence.
// The public page shows them without the names of who answered (it names the agency).
import { formatDate } from "~/i18n";
import { useInstant, useRoot, useT } from "~/lib/use-i18n";
import type { CheckIn } from "../queries.server";

/** Where a link leads, named by its site ("bukti di banyumaskab.go.id"). */
const hostOf = (url: string) => {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
};

export function CheckInList({ checkIns, showNames = false }: { checkIns: readonly CheckIn[]; showNames?: boolean }) {
  const t = useT();
  const instant = useInstant();
  const { locale } = useRoot();
  if (!checkIns.length) return <p className="muted">{t("checkins.list.none")}</p>;
  return (
    <ol className="check-ins">
      {checkIns.map((c) => (
        <li key={c.year} className={`check-in check-in-${c.outcome}`}>
          <p>
            <strong>{t("checkins.list.year", { year: String(c.year) })}</strong>{" "}
            <span className={`badge badge-${c.outcome}`}>{t(`checkins.outcome.${c.outcome}`)}</span>
            {c.stoppedOn ? <> {t("checkins.list.stoppedOn", { date: formatDate(locale, c.stoppedOn) })}</> : null}
          </p>
          <p className="muted">
            {showNames && c.recordedBy ? t("checkins.list.answeredBy", { when: instant(c.recordedAt), name: c.recordedBy }) : t("checkins.list.answered", { when: instant(c.recordedAt) })}
          </p>
          <blockquote lang="id">{c.note}</blockquote>
          {c.evidenceFile || c.evidenceUrl ? (
            <p>
              {t("checkins.list.evidence")}{" "}
              {c.evidenceFile ? <a href={`/berkas/${c.evidenceFile.id}`}>{c.evidenceFile.filename}</a> : null}
              {c.evidenceFile && c.evidenceUrl ? " · " : null}
              {c.evidenceUrl ? <a href={c.evidenceUrl} rel="noopener noreferrer nofollow">{t("checkins.list.evidenceLink", { host: hostOf(c.evidenceUrl) })}</a> : null}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
