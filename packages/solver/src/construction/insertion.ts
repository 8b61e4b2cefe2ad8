/**
 * Best position of one stop in one route, from the timing caches in O(1) per position: the
 * position minimising the "shift" (how much later the bus can be at the next position: added
 * travel, waiting and service, the resource an orienteering route spends), ties broken by added
 * travel. Routes the stop may not use (allowed matrix, horizon rules) are skipped by the caller.
 */
import type { Solution } from "../solution/solution.js";

/** The best place found for a stop in a route. */
export interface Placement {
  route: number;
  /** index in the route's sequence the stop will take */
  idx: number;
  /** increase of the earliest arrival at the following position, minutes */
  shift: number;
  /** added travel minutes */
  dTravel: number;
}

const one = new Int32Array(1);

/**
 * Best placement of `stop` in route r, or null if no position is feasible.
 * `out` is reused to avoid allocation in hot loops.
 */
export function bestPlacementInRoute(sol: Solution, stop: number, r: number, out: Placement): Placement | null {
  const p = sol.p;
  const spec = p.inst.routes[r]!;
  const seq = sol.seq[r]!;
  const n = seq.length;
  const ef0 = sol.ef0[r]!;
  const la0 = sol.la0[r]!;
  const ct = sol.ct[r]!;
  const setup = spec.setupMinutes;
  const service = p.inst.dwell[stop]! + spec.packupMinutes;
  one[0] = stop;
  let found = false;
  const [from, to] = windowRange(sol, stop, r);
  let prev = from === 0 ? spec.depot : seq[from - 1]!;
  for (let i = from; i <= to; i++) {
    const next = i < n ? seq[i]! : spec.depot;
    const t1 = p.t(prev, stop);
    // quick necessary test in the break-pending state before the full check
    const ready = p.firstStart(stop, r, ef0[i]! + t1 + setup) + service;
    if (ready !== Infinity) {
      const t2 = p.t(stop, next);
      const shift = ready + t2 - (ef0[i]! + p.t(prev, next));
      if (!found || shift < out.shift || (shift === out.shift && t1 + t2 - p.t(prev, next) < out.dTravel)) {
        // necessary in both break states (la0 >= la1 and ef1 >= ef0): filters before the full check
        if (ready + t2 <= la0[i + 1]!) {
          const part = sol.fits(r, i, i + 1, one, 1);
          if (part >= 0) {
            found = true;
            out.route = r;
            out.idx = i;
            out.shift = shift;
            out.dTravel = part - (ct[i + 1]! - ct[i]!);
          }
        }
      }
    }
    prev = next;
  }
  return found ? out : null;
}

/**
 * The positions i (insert between i and i+1) where `stop` could go at all: the bus must be able
 * to arrive before the stop's last window closes (ef0 only grows along the route) and to leave
 * its first window early enough for the next position (la0 only grows too), with the shortest
 * legs into and out of the stop. Two binary searches, so tight windows cost O(log n) instead of
 * a scan of the whole route; every position outside the range fails the scan's own tests.
 */
function windowRange(sol: Solution, stop: number, r: number): [number, number] {
  const p = sol.p;
  const n = sol.seq[r]!.length;
  const w = p.windows;
  if (p.pinnedStart.size > 0 || w.offset[stop + 1] === w.offset[stop]) return [0, n];
  const spec = p.inst.routes[r]!;
  const ef0 = sol.ef0[r]!;
  const la0 = sol.la0[r]!;
  const latestReady = w.close[w.offset[stop + 1]! - 1]! - spec.setupMinutes - p.minTravelIn[stop]!;
  const earliestNext = w.open[w.offset[stop]!]! + p.inst.dwell[stop]! + spec.packupMinutes + p.minTravelOut[stop]!;
  // last i with ef0[i] <= latestReady
  let lo = 0;
  let hi = n;
  if (!(ef0[0]! <= latestReady)) return [1, 0];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ef0[mid]! <= latestReady) lo = mid;
    else hi = mid - 1;
  }
  const to = lo;
  // first i with la0[i + 1] >= earliestNext
  lo = 0;
  hi = n;
  if (!(la0[n + 1]! >= earliestNext)) return [1, 0];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (la0[mid + 1]! >= earliestNext) hi = mid;
    else lo = mid + 1;
  }
  return [lo, to];
}

/**
 * {@link bestPlacementInRoute} through the solution's placement memo: answered from it while
 * route r keeps the version the answer was computed for, evaluated and stored otherwise.
 */
export function cachedPlacement(sol: Solution, stop: number, r: number, out: Placement): Placement | null {
  const memo = sol.placements;
  if (!memo) return bestPlacementInRoute(sol, stop, r, out);
  const version = sol.version[r]!;
  if (memo.get(stop, r, version, out)) {
    out.route = r;
    return out.idx >= 0 ? out : null;
  }
  const got = bestPlacementInRoute(sol, stop, r, out);
  if (got) memo.set(stop, r, version, got.idx, got.shift, got.dTravel);
  else memo.set(stop, r, version, -1, 0, 0);
  return got;
}
