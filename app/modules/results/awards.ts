// Which tier each proposal earns. A stage with a `tier` awards it to every proposal the plenary
// decided goes on from that stage (KIPP: the panel stage gives Top 99, the final plenary Top 45).
// A proposal keeps the highest tier it earned (rank 1 is the highest). Tiers that no stage awards
// (Outstanding Achievement, chosen among the Top 45) are set by the secretariat by hand.
import type { CompetitionConfig } from "~/modules/competitions/config";

export type Decision = { stageCode: string; proposalId: number; advances: boolean };

export function tiersFromDecisions(config: CompetitionConfig, decisions: readonly Decision[]): Map<number, string> {
  const rank = new Map(config.tiers.map((t) => [t.code, t.rank]));
  const tierOfStage = new Map(config.stages.filter((s) => s.tier && rank.has(s.tier)).map((s) => [s.code, s.tier!]));
  const best = new Map<number, string>();
  for (const d of decisions) {
    const tier = d.advances ? tierOfStage.get(d.stageCode) : undefined;
    if (!tier) continue;
    const held = best.get(d.proposalId);
    if (!held || rank.get(tier)! < rank.get(held)!) best.set(d.proposalId, tier);
  }
  return best;
}

/** The instant the objection window closes: N whole days after the provisional announcement. */
export const objectionDeadline = (provisionalAt: Date, days: number) => new Date(provisionalAt.getTime() + days * 86_400_000);

// Certificate codes: 12 characters from 32 without the look-alikes 0/O and 1/I, read out over the
// phone or typed from paper; 32^12 (about 10^18) makes guessing one hopeless, and 32 divides 256
// so every character is equally likely.
const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export function certificateCode(random: (n: number) => Uint8Array): string {
  const bytes = random(12);
  let s = "";
  for (let i = 0; i < 12; i++) s += ALPHABET[bytes[i] % ALPHABET.length];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
export const CERTIFICATE_CODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;
