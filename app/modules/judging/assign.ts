// Automatic assignment of judges to proposals (capability 4 of the competition issue).
//
// Pure and dependency-free: the caller loads proposals, judges, declared conflicts and the
// previous assignment, and stores the pairs returned. The method is HotCRP's (src/autoassigner.php):
// a min-cost flow source → proposal (k units) → judge (one unit per pair) → sink, where the
// judge → sink edges carry the load targets and the pair edges carry the preferences.
//
// The objective is lexicographic, each level strictly dominating the ones after it:
//   1. staff every proposal with k judges (a maximum flow);
//   2. balance the loads: every judge within floor/ceil of the fair share (max − min ≤ 1);
//   3. on a re-run, keep as many previous pairs as possible (judges may have started reading,
//      and every moved pair means two notifications and an explanation);
//   4. prefer judges whose expertise matches the proposal's category (better-informed scores).
// A conflicted pair has no edge at all, so it can never be chosen at any cost.
//
// Only the judge side of the graph is searched: a path source → p → j1 → p1 → j2 → … → sink
// alternates judges and proposals already assigned to them, so a shortest path can be found on
// a dense graph of the judges alone (150 nodes, not 5,000 + 150 nodes and 750,000 edges). The
// edge j → j' stands for "hand one of j's proposals to j'"; its cost is the cheapest such hand-over,
// kept current by counting, for every judge pair, the proposals that could be handed over at
// each possible cost difference (pair costs take only four values).
//
// This file holds the solver; the conflict rules are in assign-conflicts.ts and the pair codes
// it works on are built in assign-model.ts.
import { conflictsOf, type ConflictReason, type JudgeForAssignment, type ProposalForAssignment } from "./assign-conflicts";
import { NONE, pairCodes, pairKeys, uniqueById, type AssignmentPair } from "./assign-model";

export { conflictsOf, isConflicted, provinceOf } from "./assign-conflicts";
export type { ConflictReason, JudgeForAssignment, ProposalForAssignment } from "./assign-conflicts";
export type { AssignmentPair } from "./assign-model";

export interface AssignJudgesInput {
  proposals: readonly ProposalForAssignment[];
  judges: readonly JudgeForAssignment[];
  /** k: distinct judges per proposal. */
  judgesPerProposal: number;
  /** Conflicts declared by judges or proposals, or confirmed by the secretariat. */
  conflicts?: readonly AssignmentPair[];
  /** The assignment in force, for a re-run after a recusal: kept as far as possible. */
  previous?: readonly AssignmentPair[];
}

export interface UnstaffedProposal {
  proposalId: string;
  /** Judges still missing to reach k. */
  missing: number;
  /** too-few-eligible-judges: fewer than k judges are free of conflict; judges-at-capacity:
   * enough judges are free of conflict but their capacities are used up by other proposals. */
  reason: "too-few-eligible-judges" | "judges-at-capacity";
  detail: string;
}

export interface AssignJudgesResult {
  /** Ordered by proposal, then judge, in input order. */
  pairs: AssignmentPair[];
  /** Load of every judge, in input order. */
  loads: Map<string, number>;
  unstaffed: UnstaffedProposal[];
  /** Pairs in the result that were not in `previous` (0 without a previous assignment). */
  moved: number;
  /** The fair share: every judge not held back by capacity or conflicts carries floor or ceil. */
  targetLoad: { floor: number; ceil: number };
  /** Every judge carries the fair share, or all they can when capacity or conflicts limit them. */
  balanced: boolean;
  /** Input anomalies that were skipped (duplicate ids, pairs naming unknown ids). */
  notes: string[];
}

/** Assigns `judgesPerProposal` distinct judges to every proposal. Throws only on a bad k. */
export function assignJudges(input: AssignJudgesInput): AssignJudgesResult {
  const k = input.judgesPerProposal;
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`judgesPerProposal must be a whole number ≥ 0, got ${k}`);
  const notes: string[] = [];
  const props = uniqueById(input.proposals, "proposal", notes);
  const judges = uniqueById(input.judges, "judge", notes);
  const P = props.length;
  const J = judges.length;
  const pIndex = new Map(props.map((p, i) => [p.id, i]));
  const jIndex = new Map(judges.map((j, i) => [j.id, i]));
  const declared = pairKeys(input.conflicts ?? [], pIndex, jIndex, J, "conflict", notes);
  const previous = pairKeys(input.previous ?? [], pIndex, jIndex, J, "previous", notes);

  // Pair codes: NONE when conflicted, else 2·(new pair) + (no expertise match). Pair costs by
  // code: keeping a previous pair saves W, an expertise match saves 1. The weights make each
  // level of the objective dominate the next: a simple cycle of the residual graph has at most
  // n = min(P, J) + 1 forward pair edges, so W > n outweighs any expertise gain along it, B
  // outweighs any pair-cost gain and B2 outweighs B plus any pair-cost gain.
  const n = Math.min(P, J) + 1;
  const W = n + 1;
  const B = n * (W + 1) + 1;
  const B2 = 3 * B;
  const cost = Float64Array.of(0, 1, W, W + 1);
  const code = pairCodes(props, judges, declared, previous);

  // Eligible judges of each proposal (compressed rows) and eligible proposal counts per judge.
  const eligStart = new Int32Array(P + 1);
  const eligList = new Int32Array(P * J);
  const eligOfJudge = new Int32Array(J);
  for (let p = 0, e = 0; p < P; p++) {
    for (let j = 0; j < J; j++) {
      if (code[p * J + j] !== NONE) {
        eligList[e++] = j;
        eligOfJudge[j]++;
      }
    }
    eligStart[p + 1] = e;
  }

  // Load targets by water-filling: f is the highest level with Σ min(cap_j, f) ≤ demand, so every
  // judge not limited by capacity (or by having few conflict-free proposals) carries f or f + 1.
  // Tier 0 (up to f) is free, the unit f + 1 costs B, anything beyond costs B2: convex costs,
  // so the flow fills judges evenly and goes past f + 1 only when conflicts leave no other way.
  const capacity = (c: number | undefined) => (c !== undefined && Number.isFinite(c) ? Math.max(0, Math.floor(c)) : P);
  const effCap = judges.map((j, i) => Math.min(capacity(j.capacity), eligOfJudge[i]));
  let demand = 0;
  for (let p = 0; p < P; p++) demand += Math.min(k, eligStart[p + 1] - eligStart[p]);
  const filled = (f: number) => effCap.reduce((s, c) => s + Math.min(c, f), 0);
  let lo = 0;
  let hi = P;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (filled(mid) <= demand) lo = mid;
    else hi = mid - 1;
  }
  const f = lo;
  const tier0 = effCap.map((c) => Math.min(c, f));
  const tier1 = effCap.map((c) => Math.min(c, f + 1));
  const marginal = (j: number, load: number) => (load < tier0[j] ? 0 : load < tier1[j] ? B : B2);

  // Flow state: which judges each proposal has, and which proposals each judge has.
  const assigned = new Uint8Array(P * J);
  const ofProposal: number[][] = props.map(() => []);
  const ofJudge: number[][] = judges.map(() => []);

  // Hand-over counts: cnt[(a·J + b)·16 + from·4 + to] = proposals assigned to a, eligible for and
  // not assigned to b, whose pair code with a is `from` and with b is `to`. best[a·J + b] is the
  // bucket with the lowest cost difference cost[to] − cost[from] among the non-empty ones.
  const delta = new Float64Array(16);
  for (let b = 0; b < 16; b++) delta[b] = cost[b & 3] - cost[b >> 2];
  const cnt = new Int32Array(J * J * 16);
  const best = new Uint8Array(J * J).fill(NONE);

  function count(q: number, sign: 1 | -1) {
    const row = q * J;
    for (const a of ofProposal[q]) {
      const from = code[row + a] << 2;
      for (let t = eligStart[q]; t < eligStart[q + 1]; t++) {
        const b = eligList[t];
        if (assigned[row + b]) continue;
        const bucket = from | code[row + b];
        const idx = a * J + b;
        const c = idx * 16 + bucket;
        if (sign > 0) {
          if (cnt[c]++ === 0 && (best[idx] === NONE || delta[bucket] < delta[best[idx]])) best[idx] = bucket;
        } else if (--cnt[c] === 0 && best[idx] === bucket) {
          let m = NONE;
          for (let x = 0; x < 16; x++) if (cnt[idx * 16 + x] > 0 && (m === NONE || delta[x] < delta[m])) m = x;
          best[idx] = m;
        }
      }
    }
  }

  // A "missing judge" edge proposal → sink, cost M, lets every proposal place its k units; a unit
  // on it is a judge the proposal lacks. M outweighs everything else, so it is used only where no
  // real judge can be found (the real pairs form a maximum flow), and which proposals stay short
  // is decided by the same costs as the rest, not by input order.
  const M = 2 * B2 + 1;
  const byCode = new Int32Array(J * 4); // judge × pair code → proposals assigned

  // Successive shortest paths, one unit at a time, from each proposal in turn (any order keeps
  // the flow optimal for the supply placed so far). Potentials pi keep reduced costs ≥ 0 so that
  // Dijkstra applies; pi[J] is the sink's. piP is the current proposal's potential.
  const pi = new Float64Array(J + 1);
  const dist = new Float64Array(J);
  const pred = new Int32Array(J);
  const settled = new Uint8Array(J);
  const order = new Int32Array(J);
  let piP = 0;

  function augment(p: number) {
    const row = p * J;
    dist.fill(Infinity);
    settled.fill(0);
    // The path ends at the sink through the judge predT (a free unit of its load, or, if drop,
    // one of its proposals giving it up for a missing judge), or through p's own missing edge.
    let distT = M + piP - pi[J];
    let predT = -1;
    let drop = false;
    // Reaching a judge also relaxes its sink edge at once ("look-ahead"): the search stops as soon
    // as no unsettled judge is closer than the sink, often before popping anything.
    const reach = (v: number, d: number, from: number) => {
      dist[v] = d;
      pred[v] = from;
      const load = ofJudge[v].length;
      const toSink = load < effCap[v] ? marginal(v, load) : load > 0 ? M - cost[topCode(v)] : Infinity;
      const dt = d + pi[v] + toSink - pi[J];
      if (dt < distT) ((distT = dt), (predT = v), (drop = load >= effCap[v]));
    };
    for (let t = eligStart[p]; t < eligStart[p + 1]; t++) {
      const j = eligList[t];
      if (!assigned[row + j]) reach(j, cost[code[row + j]] + piP - pi[j], -1);
    }
    let nSettled = 0;
    for (;;) {
      let u = -1;
      let du = distT; // the sink is settled first on ties: shorter paths
      for (let j = 0; j < J; j++) if (!settled[j] && dist[j] < du) ((u = j), (du = dist[j]));
      if (u < 0) break;
      settled[u] = 1;
      order[nSettled++] = u;
      du += pi[u];
      const base = u * J;
      for (let v = 0; v < J; v++) {
        const b = best[base + v];
        if (b === NONE || settled[v]) continue;
        const d = du + delta[b] - pi[v];
        if (d < dist[v]) reach(v, d, u);
      }
    }

    // The moves [proposal, from judge, to judge] (−1: the missing judge), each chosen on the state
    // before any change, which is the state the path was computed on.
    const path: number[] = [];
    for (let v = predT; v !== -1; v = pred[v]) path.push(v);
    path.reverse();
    const moves: [number, number, number][] = path.length ? [[p, -1, path[0]]] : [];
    for (let i = 0; i + 1 < path.length; i++) moves.push([handOver(path[i], path[i + 1]), path[i], path[i + 1]]);
    if (drop) {
      const top = topCode(predT);
      moves.push([ofJudge[predT].find((q) => code[q * J + predT] === top)!, predT, -1]);
    }

    // π' = π + min(d, d_sink) − d_sink: only settled nodes change; p's own falls by d_sink.
    for (let i = 0; i < nSettled; i++) pi[order[i]] += dist[order[i]] - distT;
    piP -= distT;

    const touched = [...new Set(moves.map((m) => m[0]))];
    for (const q of touched) count(q, -1);
    for (const [q, from, to] of moves) {
      if (from >= 0) {
        assigned[q * J + from] = 0;
        byCode[from * 4 + code[q * J + from]]--;
        remove(ofProposal[q], from);
        remove(ofJudge[from], q);
      }
      if (to >= 0) {
        assigned[q * J + to] = 1;
        byCode[to * 4 + code[q * J + to]]++;
        ofProposal[q].push(to);
        ofJudge[to].push(q);
      }
    }
    for (const q of touched) count(q, 1);
  }

  /** The costliest pair code among the judge's proposals: the cheapest one to give up. */
  function topCode(j: number): number {
    for (let c = 3; c > 0; c--) if (byCode[j * 4 + c] > 0) return c;
    return 0;
  }

  function handOver(a: number, b: number): number {
    const want = delta[best[a * J + b]];
    for (const q of ofJudge[a]) {
      const to = code[q * J + b];
      if (to !== NONE && !assigned[q * J + b] && cost[to] - cost[code[q * J + a]] === want) return q;
    }
    throw new Error("assignJudges: hand-over counts out of step"); // a bug, never a data problem
  }

  for (let p = 0; p < P; p++) {
    // A fresh proposal has no flow, so any potential making its edges non-negative is valid.
    piP = pi[J] - M;
    for (let t = eligStart[p]; t < eligStart[p + 1]; t++) piP = Math.max(piP, pi[eligList[t]] - cost[code[p * J + eligList[t]]]);
    for (let unit = 0; unit < k; unit++) augment(p);
  }

  return buildResult();

  function buildResult(): AssignJudgesResult {
    const pairs: AssignmentPair[] = [];
    const unstaffed: UnstaffedProposal[] = [];
    let moved = 0;
    for (let p = 0; p < P; p++) {
      for (const j of [...ofProposal[p]].sort((x, y) => x - y)) {
        pairs.push({ proposalId: props[p].id, judgeId: judges[j].id });
        if (!previous.has(p * J + j)) moved++;
      }
      const missing = k - ofProposal[p].length;
      if (missing > 0) unstaffed.push(explainUnstaffed(p, missing));
    }
    const loads = new Map(judges.map((j, i) => [j.id, ofJudge[i].length]));
    const balanced = judges.every((_, i) => ofJudge[i].length >= tier0[i] && ofJudge[i].length <= tier1[i]);
    return {
      pairs,
      loads,
      unstaffed,
      moved: input.previous ? moved : 0,
      targetLoad: { floor: f, ceil: filled(f) < demand ? f + 1 : f },
      balanced,
      notes,
    };
  }

  function explainUnstaffed(p: number, missing: number): UnstaffedProposal {
    const eligible = eligStart[p + 1] - eligStart[p];
    const proposalId = props[p].id;
    if (eligible >= k) {
      return {
        proposalId,
        missing,
        reason: "judges-at-capacity",
        detail: `${eligible} judges are free of conflict but their capacity is taken by other proposals`,
      };
    }
    const byReason = new Map<ConflictReason, number>();
    judges.forEach((judge, j) => {
      for (const r of conflictsOf(judge, props[p], declared.has(p * J + j))) byReason.set(r, (byReason.get(r) ?? 0) + 1);
    });
    const why = [...byReason].map(([r, c]) => `${r} ${c}`).join(", ");
    return {
      proposalId,
      missing,
      reason: "too-few-eligible-judges",
      detail: `only ${eligible} of ${J} judges are free of conflict (${why || "too few judges"}), ${k} needed`,
    };
  }
}

function remove(list: number[], x: number) {
  const i = list.indexOf(x);
  list[i] = list[list.length - 1];
  list.pop();
}
