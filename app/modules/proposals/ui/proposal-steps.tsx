// The steps a person may take on a proposal now (send, forward, endorse, withdraw, return with
// a required comment), each its own small form, and before the endorsement what still stops it.
import { Form } from "react-router";
import { CsrfField, TextArea } from "~/components/forms";
import { useT } from "~/lib/use-i18n";
import type { Problem } from "../eligibility";
import type { ProposalTransition } from "../workflow";

export function ProposalSteps({ steps, problems, error }: { steps: ProposalTransition[]; problems: Problem[]; error?: string }) {
  const t = useT();
  if (!steps.length) return null;
  return (
    <section className="proposal-steps">
      <h2>{t("proposals.actions")}</h2>
      {problems.length && steps.includes("endorse") ? (
        <div className="notice notice-warning">
          <p>{t("proposals.cannotSubmit")}</p>
          <ul>
            {problems.map((x, i) => (
              <li key={i}>{t(x.key, x.vars)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {steps
        .filter((s) => s !== "return")
        .map((s) => (
          <Form key={s} method="post" className="step-form">
            <CsrfField />
            {s === "endorse" ? <p className="hint">{t("proposals.action.endorseHint")}</p> : null}
            {s === "withdraw" ? <p className="hint">{t("proposals.action.withdrawHint")}</p> : null}
            <button type="submit" name="_intent" value={s} className={s === "withdraw" ? "button secondary" : "button"}>{t(`proposals.action.${s}`)}</button>
          </Form>
        ))}
      {steps.includes("return") ? (
        <Form method="post" className="narrow step-form">
          <CsrfField />
          <TextArea name="comment" label={t("proposals.comment")} required rows={3} error={error} />
          <button type="submit" name="_intent" value="return" className="button secondary">{t("proposals.action.return")}</button>
        </Form>
      ) : null}
    </section>
  
  );
}
