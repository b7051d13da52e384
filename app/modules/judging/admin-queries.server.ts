// Reads the secretariat's judging pages need beside the use cases.
import { inArray } from "drizzle-orm";
import type { DbOrTx } from "~/db/client.server";
import { regions } from "~/db/schema";
import type { CompetitionConfig } from "~/modules/competitions/config";
import type { ConflictReason, UnstaffedProposal } from "./assign";
import { assignmentInputs, conflictReasons } from "./assignment.server";

/**
 * The codes among `codes` that name no region. saveJudges refuses the whole save when one is
 * unknown without saying which; the judges page asks this to put the error on the right row.
 */
export async function unknownRegionCodes(db: DbOrTx, codes: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return new Set();
  const found = await db.select({ code: regions.code }).from(regions).where(inArray(regions.code, wanted));
  const known = new Set(found.map((r) => r.code));
  return new Set(wanted.filter((c) => !known.has(c)));
}

export type UnstaffedExplained = {
  id: number;
  receipt: string | null;
  title: string;
  missing: number;
  reason: UnstaffedProposal["reason"];
  /** Judges of the stage's pool free of conflict with the proposal, of `poolSize`. */
  eligible: number;
  poolSize: number;
  /** How many of the pool each conflict keeps away (a judge may have several reasons). */
  conflicts: { reason: ConflictReason; n: number }[];
};

/**
 * The run's short proposals explained from the stored data, in words the page can translate:
 * the engine's own `detail` is an English sentence for logs. The secretariat needs to know
 * whether to add judges to the pool (too few free of conflict) or raise capacities.
 */
export async function explainUnstaffed(
  db: DbOrTx,
  competition: { id: number; config: CompetitionConfig },
  stageCode: string,
  unstaffed: readonly UnstaffedProposal[],
): Promise<UnstaffedExplained[]> {
  if (!unstaffed.length) return [];
  const inputs = await assignmentInputs(db, competition, stageCode);
  const entrants = new Map(inputs.entrants.map((e) => [e.id, e]));
  return unstaffed.map((u) => {
    const id = Number(u.proposalId);
    const counts = new Map<ConflictReason, number>();
    let eligible = 0;
    for (const j of inputs.pool) {
      const reasons = conflictReasons(inputs, id, j.id);
      if (!reasons.length) eligible++;
      for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    const p = entrants.get(id);
    return {
      id,
      receipt: p?.receipt ?? null,
      title: p?.title ?? u.proposalId,
      missing: u.missing,
      reason: u.reason,
      eligible,
      poolSize: inputs.pool.length,
      conflicts: [...counts].map(([reason, n]) => ({ reason, n })),
    };
  });
}
