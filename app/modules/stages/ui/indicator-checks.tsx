// Claimed beside verified, indicator by indicator: what the field team found for each claim
// of the innovation, for the report, the secretariat's overview and the plenary. A finding is
// always written out (a badge with its label, a mismatch in bold), never told by colour alone.
import type { IndicatorCheck, IndicatorFinding } from "~/db/schema";
import { useT } from "~/lib/use-i18n";
import { countFindings, isMismatch, type Claim } from "../indicator-checks";

const BADGE: Record<IndicatorFinding, string> = {
  sesuai: "badge badge-running",
  sebagian: "badge badge-due",
  tidak_sesuai: "badge badge-stopped",
  tidak_diperiksa: "badge badge-visit-notHeld",
};

export function FindingBadge({ finding }: { finding: IndicatorFinding | null }) {
  const t = useT();
  if (!finding) return <span className="badge">{t("stages.finding.unanswered")}</span>;
  const label = <span className={BADGE[finding]}>{t(`stages.finding.${finding}`)}</span>;
  return isMismatch(finding) ? <strong>{label}</strong> : label;
}

/** "3 dari 5 indikator sesuai; 1 tidak sesuai": the count the plenary reads first. */
export function findingSummary(t: ReturnType<typeof useT>, checks: readonly Pick<IndicatorCheck, "finding">[]): string {
  if (!checks.length) return t("stages.indicators.noneClaimed");
  const n = countFindings(checks);
  const parts = [t("stages.indicators.summary", { matched: n.sesuai, total: n.total })];
  for (const k of ["tidak_sesuai", "sebagian", "tidak_diperiksa", "unanswered"] as const) {
    if (n[k]) parts.push(t(`stages.indicators.part.${k}`, { n: n[k] }));
  }
  return parts.join("; ");
}

export function FindingSummary({ checks }: { checks: readonly Pick<IndicatorCheck, "finding">[] }) {
  const t = useT();
  const n = countFindings(checks);
  const text = findingSummary(t, checks);
  // Any mismatch makes the whole line stand out in weight, not only in colour.
  return n.tidak_sesuai || n.sebagian ? <strong className="finding-summary">{text}</strong> : <span className="finding-summary">{text}</span>;
}

export function ClaimText({ claim }: { claim: Claim }) {
  const t = useT();
  return <>{t("stages.indicators.claimedValue", { before: claim.before, after: claim.after, unit: claim.unit }).trim()}</>;
}

/** A claim's evidence file, linked, or a word saying there is none. */
export function ClaimEvidence({ claim }: { claim: Claim }) {
  const t = useT();
  return claim.evidenceFileId !== undefined && claim.evidenceFilename ? (
    <a href={`/berkas/${claim.evidenceFileId}`}>{t("stages.indicators.evidenceLink", { name: claim.evidenceFilename })}</a>
  ) : (
    <span className="muted">{t("stages.indicators.noEvidence")}</span>
  );
}

/** The table of checks: each claim as it was at verification time beside what the team found. */
export function IndicatorComparison({ checks, caption }: { checks: readonly IndicatorCheck[]; caption: string }) {
  const t = useT();
  if (!checks.length) return <p className="muted">{t("stages.indicators.noneClaimed")}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("innovation.indicator.name")}</th>
            <th scope="col">{t("stages.indicators.claimed")}</th>
            <th scope="col">{t("stages.indicators.verified")}</th>
            <th scope="col">{t("stages.indicators.finding")}</th>
            <th scope="col">{t("stages.indicators.note")}</th>
          </tr>
        </thead>
        <tbody>
          {checks.map((c) => {
            const claim: Claim = { ...c.claimed, name: c.name };
            return (
              <tr key={c.position}>
                <th scope="row">{c.name}</th>
                <td>
                  <ClaimText claim={claim} />
                  {claim.source ? <div className="hint">{claim.source}</div> : null}
                  <div><ClaimEvidence claim={claim} /></div>
                </td>
                <td>{c.observed || "—"}</td>
                <td><FindingBadge finding={c.finding} /></td>
                <td className="prose-text">{c.note || "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
