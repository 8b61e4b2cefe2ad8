/**
 * Replace: drop the anchored visit and put in its route, at its best place, the unvisited
 * candidate that gains the most over the dropped value (or gains the same and drives less) —
 * the "swap" of Labadie et al. 2012's GVNS. The route without the visit is built once on a probe
 * (a scratch Solution holding only that route's caches), so the solution itself changes only
 * when a replacement is taken. Candidates are scanned by decreasing worth, and the scan stops at
 * the first one that can no longer match the best gain (see `evaluate`).
 */
import { Solution } from "../../solution/solution.js";
import { bestPlacementInRoute, type Placement } from "../../construction/insertion.js";
import { MOVE_EPS, type Operator, type SearchContext } from "./operator.js";
import { FitAfterRemoval, removalBoundsApply } from "./fitAfterRemoval.js";
import { perProblem } from "../../solution/perProblem.js";
import type { Problem } from "../../solution/problem.js";

/** Replace the visit at index `k` of route `route` by stop `stop` at index `idx` of the shortened route. */
export interface ReplaceMove {
  route: number;
  k: number;
  stop: number;
  idx: number;
}

const empty = new Int32Array(0);
const tmp: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };
/** one probe per placement memo, i.e. per search */
const probes = new WeakMap<object, Solution>();
/** per Problem, per stop: its worth when last sorted (only read for the stops just sorted) */
const worthOf = perProblem((p) => new Float64Array(p.nStops));
/** per Problem, per stop: the coverage it shares with the visit being dropped (0 when none) */
const sharedWithOf = perProblem((p) => new Float64Array(p.nStops));
/** one necessary fit test per Problem, null where its timing argument does not hold */
const fitTestOf = perProblem((p) => (removalBoundsApply(p) ? new FitAfterRemoval(p) : null));

/**
 * The replace operator for one local-search round: `candidates` are the stops worth trying when
 * `pooled` (small instances), else each visit tries its nearest neighbours that can take a visit.
 */
export function createReplaceVisit(
  sol: Solution,
  candidates: readonly number[],
  pooled: boolean,
): Operator<ReplaceMove> {
  const p = sol.p;
  const probe = probeOf(sol);
  const fitTest = fitTestOf(p);
  const disjoint = p.groupsDisjoint;
  const without: number[] = [];
  // worth of one more visit under the current counts; a candidate's gain over a dropped visit v
  // is at most its worth (dropping v raises u's marginal value by at most v's loss), which is
  // the bound that ends a scan by decreasing worth
  const worth = worthOf(p);
  const byWorth = (list: readonly number[]): number[] => {
    for (const u of list) worth[u] = p.addGain(u, sol.counts);
    return [...list].sort((a, b) => worth[b]! - worth[a]! || a - b);
  };
  let sorted = pooled ? byWorth(candidates) : [];
  // what each stop shares with the dropped visit bounds how much the drop raises its worth
  const shared = disjoint ? null : sharedCoverageOf(p);
  const sharedWith = sharedWithOf(p);
  return {
    name: "replace",
    evaluate(s: Solution, r: number, k: number, ctx: SearchContext): ReplaceMove | null {
      const seq = s.seq[r]!;
      const v = seq[k]!;
      if (ctx.isPinned(v, r) || s.fits(r, k, k + 2, empty, 0) < 0) return null;
      const loss = p.removeLoss(v, s.counts);
      const oldTravel = s.routeTravel(r);
      const pool = pooled ? sorted : byWorth(neighbourPool(s, v));
      let probed = false;
      let best: ReplaceMove | null = null;
      let bestGain = 0;
      let bestTravel = 0;
      // v's groups lose their visit while the candidates are scored (they may share groups)
      const raise = disjoint ? 0 : shiftCounts(s, v, -1);
      if (shared)
        for (let q = shared.offset[v]!; q < shared.offset[v + 1]!; q++) sharedWith[shared.stop[q]!] = shared.value[q]!;
      for (const u of pool) {
        if (worth[u]! < bestGain - MOVE_EPS) break;
        // dropping v raises u's worth by at most `raise` (none without shared groups)
        if (worth[u]! + raise - loss < Math.max(bestGain, 0) - MOVE_EPS) break;
        if (u === v || s.visitRoutes[u]!.length >= p.inst.maxVisits[u]! || !s.canVisit(u, r)) continue;
        let gain: number;
        if (shared) {
          // and by at most the largest step between visit values on each group they share
          const rise = Math.min(raise, shared.step * sharedWith[u]!);
          if (worth[u]! + rise - loss < Math.max(bestGain, 0) - MOVE_EPS) continue;
          // nothing shared: dropping v leaves u's worth exactly as it was
          gain = sharedWith[u] === 0 ? worth[u]! - loss : p.addGain(u, s.counts) - loss;
        } else gain = p.addGain(u, s.counts) - loss;
        if (gain < -MOVE_EPS || gain < bestGain - MOVE_EPS) continue;
        if (fitTest && !fitTest.mayFit(s, r, k, u)) continue;
        if (!probed) {
          without.length = 0;
          for (let q = 0; q < seq.length; q++) if (q !== k) without.push(seq[q]!);
          probe.probeRoute(r, without, without.length);
          probed = true;
        }
        const got = bestPlacementInRoute(probe, u, r, tmp);
        if (!got) continue;
        const travelDelta = probe.routeTravel(r) + got.dTravel - oldTravel;
        if (!(gain > MOVE_EPS || travelDelta < -MOVE_EPS)) continue;
        if (
          !best ||
          gain > bestGain + MOVE_EPS ||
          (Math.abs(gain - bestGain) <= MOVE_EPS && travelDelta < bestTravel)
        ) {
          best = { route: r, k, stop: u, idx: got.idx };
          bestGain = gain;
          bestTravel = travelDelta;
        }
      }
      if (shared) {
        shiftCounts(s, v, 1);
        for (let q = shared.offset[v]!; q < shared.offset[v + 1]!; q++) sharedWith[shared.stop[q]!] = 0;
      }
      return best;
    },
    apply(s: Solution, move: ReplaceMove): readonly number[] {
      s.removeAt(move.route, move.k);
      s.insert(move.route, move.idx, move.stop);
      // the counts changed: the order (and the bound it gives) must follow them
      if (pooled) sorted = byWorth(candidates);
      return [move.route];
    },
  };
}

/**
 * Adds `by` to the visit counts of the groups v covers (a what-if, always undone). Returns how
 * much that can raise any other stop's worth at most: the sum over those groups of the rise of
 * their next visit's value (0 when no value rises).
 */
function shiftCounts(sol: Solution, v: number, by: number): number {
  const inst = sol.p.inst;
  const vv = inst.visitValues;
  const last = vv.length - 1;
  let raise = 0;
  for (let k = inst.stopGroupOffset[v]!; k < inst.stopGroupOffset[v + 1]!; k++) {
    const g = inst.stopGroups[k]!;
    const before = vv[Math.min(sol.counts[g]!, last)]!;
    sol.counts[g]! += by;
    raise += Math.max(0, inst.groupValue[g]! * (vv[Math.min(sol.counts[g]!, last)]! - before));
  }
  return raise;
}

function probeOf(sol: Solution): Solution {
  const key = sol.placements ?? sol;
  let probe = probes.get(key);
  if (!probe) {
    probe = new Solution(sol.p, null);
    probes.set(key, probe);
  }
  return probe;
}

/** For each stop v, the other stops covering a group v covers, and the summed |value| of those groups. */
interface SharedCoverage {
  /** CSR: stop v's entries are offset[v]..offset[v + 1] - 1 */
  offset: Int32Array;
  stop: Int32Array;
  value: Float64Array;
  /** the largest step between consecutive visit values */
  step: number;
}

/**
 * Per Problem, what every stop shares with every other (see {@link SharedCoverage}). Dropping v
 * moves each shared group's count down by one, so it raises another stop's worth by at most
 * step × the value they share, and leaves the worth of a stop that shares nothing as it was.
 */
const sharedCoverageOf = perProblem(buildSharedCoverage);

function buildSharedCoverage(p: Problem): SharedCoverage {
  const inst = p.inst;
  const nGroups = inst.groupValue.length;
  // the stops covering each group (the instance lists the groups of each stop)
  const groupStart = new Int32Array(nGroups + 1);
  for (const g of inst.stopGroups) groupStart[g + 1]!++;
  for (let g = 0; g < nGroups; g++) groupStart[g + 1]! += groupStart[g]!;
  const fill = groupStart.slice(0, nGroups);
  const coveredBy = new Int32Array(inst.stopGroups.length);
  for (let s = 0; s < p.nStops; s++)
    for (let k = inst.stopGroupOffset[s]!; k < inst.stopGroupOffset[s + 1]!; k++)
      coveredBy[fill[inst.stopGroups[k]!]!++] = s;
  const offset = new Int32Array(p.nStops + 1);
  const stops: number[] = [];
  const values: number[] = [];
  const sum = new Float64Array(p.nStops);
  const touched: number[] = [];
  for (let v = 0; v < p.nStops; v++) {
    for (let k = inst.stopGroupOffset[v]!; k < inst.stopGroupOffset[v + 1]!; k++) {
      const g = inst.stopGroups[k]!;
      for (let i = groupStart[g]!; i < groupStart[g + 1]!; i++) {
        const u = coveredBy[i]!;
        if (u === v) continue;
        if (sum[u] === 0) touched.push(u);
        sum[u]! += Math.abs(inst.groupValue[g]!) || Number.MIN_VALUE;
      }
    }
    for (const u of touched) {
      stops.push(u);
      values.push(sum[u]!);
      sum[u] = 0;
    }
    touched.length = 0;
    offset[v + 1] = stops.length;
  }
  const vv = inst.visitValues;
  let step = 0;
  for (let k = 1; k < vv.length; k++) step = Math.max(step, Math.abs(vv[k - 1]! - vv[k]!));
  return { offset, stop: Int32Array.from(stops), value: Float64Array.from(values), step };
}

/** the nearest stops of v that could take one more visit (replacement candidates on large instances) */
function neighbourPool(sol: Solution, v: number): number[] {
  const p = sol.p;
  const out: number[] = [];
  for (let q = p.neighbourOffset[v]!; q < p.neighbourOffset[v + 1]!; q++) {
    const u = p.neighbours[q]!;
    if (p.servable[u] && sol.visitRoutes[u]!.length < p.inst.maxVisits[u]!) out.push(u);
  }
  return out;
}
