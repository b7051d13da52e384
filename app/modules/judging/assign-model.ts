// The assignment model built from the input before the solver runs (assign.ts): ids checked and
// interned, and one code per proposal × judge pair saying whether it is conflicted, was in the
// previous assignment and matches the judge's expertise. Built once in flat arrays, as the
// solver reads every pair many times at full scale.
import { judgeProvince, proposalProvince, type JudgeForAssignment, type ProposalForAssignment } from "./assign-conflicts";

export interface AssignmentPair {
  proposalId: string;
  judgeId: string;
}

export const NONE = 255; // "no edge" in the byte matrices (the pair codes below, the hand-overs in assign.ts)

export function uniqueById<T extends { id: string }>(items: readonly T[], what: string, notes: string[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (!seen.has(item.id)) return (seen.add(item.id), true);
    notes.push(`duplicate ${what} id ${item.id} skipped`);
    return false;
  });
}

export function pairKeys(
  pairs: readonly AssignmentPair[],
  pIndex: Map<string, number>,
  jIndex: Map<string, number>,
  J: number,
  what: string,
  notes: string[],
): Set<number> {
  const keys = new Set<number>();
  for (const { proposalId, judgeId } of pairs) {
    const p = pIndex.get(proposalId);
    const j = jIndex.get(judgeId);
    if (p === undefined || j === undefined) notes.push(`${what} pair ${proposalId}/${judgeId} names an unknown id, skipped`);
    else keys.add(p * J + j);
  }
  return keys;
}

/** The code of every pair (see assignJudges in assign.ts), from interned ids: 750,000 pairs at full scale. */
export function pairCodes(
  props: readonly ProposalForAssignment[],
  judges: readonly JudgeForAssignment[],
  declared: Set<number>,
  previous: Set<number>,
): Uint8Array {
  const P = props.length;
  const J = judges.length;
  const ids = new Map<string | null, number>([[null, -1]]);
  const intern = (s: string | null) => {
    let v = ids.get(s);
    if (v === undefined) ids.set(s, (v = ids.size - 1));
    return v;
  };
  const judgeAgency = Int32Array.from(judges, (j) => intern(j.agencyId));
  const judgeHome = Int32Array.from(judges, (j) => intern(judgeProvince(j)));
  // Expertise as bit sets over the categories in use, one 32-bit word after another.
  const categories = new Map<string, number>();
  for (const j of judges) for (const c of j.expertise) if (!categories.has(c)) categories.set(c, categories.size);
  const words = Math.max(1, Math.ceil(categories.size / 32));
  const skills = new Int32Array(J * words);
  judges.forEach((j, i) => j.expertise.forEach((c) => (skills[i * words + (categories.get(c)! >> 5)] |= 1 << (categories.get(c)! & 31))));
  const wants = new Int32Array(words);
  const code = new Uint8Array(P * J);
  for (let p = 0; p < P; p++) {
    const prop = props[p];
    const agency = intern(prop.agencyId);
    const province = intern(proposalProvince(prop));
    wants.fill(0);
    for (const c of prop.categories) {
      const bit = categories.get(c);
      if (bit !== undefined) wants[bit >> 5] |= 1 << (bit & 31);
    }
    for (let j = 0, row = p * J; j < J; j++) {
      // Same rules as conflictsOf, on interned ids (null interns to -1, which never matches).
      if ((judgeAgency[j] >= 0 && judgeAgency[j] === agency) || (judgeHome[j] >= 0 && judgeHome[j] === province)) {
        code[row + j] = NONE;
        continue;
      }
      let match = false;
      for (let w = 0; w < words && !match; w++) match = (wants[w] & skills[j * words + w]) !== 0;
      code[row + j] = match ? 2 : 3; // a new pair until the previous assignment says otherwise
    }
  }
  const judgeOf = new Map(judges.map((j, i) => [j.id, i]));
  props.forEach((prop, p) =>
    prop.involvedJudgeIds?.forEach((id) => {
      const j = judgeOf.get(id);
      if (j !== undefined) code[p * J + j] = NONE;
    }),
  );
  for (const key of declared) code[key] = NONE;
  for (const key of previous) if (code[key] !== NONE) code[key] -= 2;
  return code;
}
