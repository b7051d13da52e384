// The field team's check of each indicator the innovation claims (PROGRAMME.md, "What goes
// wrong today": one innovation scored 109 on self-assessment and 59 after verification, and a
// quarter of one regency's indicators were empty or did not match). The team reads each claim
// against the records on site and says whether it matches; the plenary reads claim and finding
// side by side. Pure code: the report form, the pages and the use case share it.
import type { Indicator, IndicatorCheck, IndicatorFinding } from "~/db/schema";

export const INDICATOR_FINDINGS = ["sesuai", "sebagian", "tidak_sesuai", "tidak_diperiksa"] as const satisfies readonly IndicatorFinding[];
export type { IndicatorCheck, IndicatorFinding };

/** An indicator as claimed, with the name of the evidence file it points at (if any). */
export type Claim = IndicatorCheck["claimed"] & { name: string };

export const MAX_OBSERVED = 300;
export const MAX_FINDING_NOTE = 2000;

/** The register's indicators as claims, each evidence file named (a removed one is none). */
export function claimsOf(indicators: readonly Indicator[], evidence: ReadonlyMap<number, string>): Claim[] {
  return indicators.map((r) => {
    const filename = r.evidenceFileId === undefined ? undefined : evidence.get(r.evidenceFileId);
    return {
      name: r.name,
      before: r.before,
      after: r.after,
      unit: r.unit,
      source: r.source,
      ...(filename !== undefined ? { evidenceFileId: r.evidenceFileId, evidenceFilename: filename } : {}),
    };
  });
}

/** A stored check's claim, as the report shows it. */
export const claimOfCheck = (c: IndicatorCheck): Claim => ({ ...c.claimed, name: c.name });

export type FindingCounts = { total: number; unanswered: number } & Record<IndicatorFinding, number>;

/** How many of the checks found each answer: the line the plenary reads first. */
export function countFindings(checks: readonly Pick<IndicatorCheck, "finding">[]): FindingCounts {
  const out: FindingCounts = { total: checks.length, unanswered: 0, sesuai: 0, sebagian: 0, tidak_sesuai: 0, tidak_diperiksa: 0 };
  for (const c of checks) {
    if (c.finding) out[c.finding] += 1;
    else out.unanswered += 1;
  }
  return out;
}

/** A finding that is not a plain match: the plenary's attention goes there first. */
export const isMismatch = (f: IndicatorFinding | null): boolean => f === "tidak_sesuai" || f === "sebagian";
