// What an applicant reads once results are announced: each judge's scores per criterion with
// their justifications and comment, the judges anonymous (numbered), stage by stage.
import { useT } from "~/lib/use-i18n";
import type { feedbackFor } from "../queries.server";

export type Feedback = Awaited<ReturnType<typeof feedbackFor>>;

export function ApplicantFeedback({ feedback }: { feedback: Feedback }) {
  const t = useT();
  if (!feedback.length) return null;
  return (
    <section aria-labelledby="feedback-title">
      <h2 id="feedback-title">{t("results.feedback")}</h2>
      <p className="hint">{t("results.feedbackIntro")}</p>
      {feedback.map((f) => (
        <section key={f.stage}>
          <h3>{f.stage}</h3>
          {f.judges.map((j) => (
            <article key={j.label} className="card">
              <h4>{t("results.feedbackJudge", { n: j.label })}{j.total !== null ? ` · ${t("results.feedbackTotal", { n: j.total })}` : ""}</h4>
              <dl>
                {f.criteria.map((c) => (
                  <div key={c.code}>
                    <dt>{c.name} ({c.scaleMin}–{c.scaleMax})</dt>
                    <dd>
                      <strong>{j.scores[c.code] ?? "—"}</strong>
                      {j.justifications[c.code] ? <> · {j.justifications[c.code]}</> : null}
                    </dd>
                  </div>
                ))}
              </dl>
              {j.comment ? <p><strong>{t("results.feedbackComment")}:</strong> {j.comment}</p> : null}
            </article>
          ))}
        </section>
      ))}
    </section>
  
  );
}
