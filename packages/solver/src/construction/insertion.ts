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
  let prev = spec.depot;
  for (let i = 0; i <= n; i++) {
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
