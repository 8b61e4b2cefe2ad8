/**
 * Relocate: move the anchored visit to its best place in another route when that shortens the
 * total drive. The removal is an O(1) `fits` test on the route's caches; the best place in each
 * other route comes from the placement memo (construction/placementMemo.ts), so a route that has
 * not changed since it was last asked costs a lookup. Pinned visits never move.
 */
import type { Solution } from "../../solution/solution.js";
import { cachedPlacement, type Placement } from "../../construction/insertion.js";
import { MOVE_EPS, type Operator, type SearchContext } from "./operator.js";
import { perProblem } from "../../solution/perProblem.js";
import { StampSet } from "../../solution/stampSet.js";

/** Move the visit at index `k` of `from` to index `idx` of `to`. */
export interface RelocateMove {
  from: number;
  k: number;
  to: number;
  idx: number;
}

const empty = new Int32Array(0);
const tmp: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };
/** the routes candidateRoutes has listed in its current call */
const seenRoutes = perProblem((p) => new StampSet(p.nRoutes));

export const relocate: Operator<RelocateMove> = {
  name: "relocate",
  evaluate(sol: Solution, r: number, k: number, ctx: SearchContext): RelocateMove | null {
    const v = sol.seq[r]![k]!;
    if (ctx.isPinned(v, r)) return null;
    const ct = sol.ct[r]!;
    const removePart = sol.fits(r, k, k + 2, empty, 0);
    if (removePart < 0) return null;
    const removeDelta = removePart - (ct[k + 2]! - ct[k]!);
    for (const r2 of candidateRoutes(sol, v, r)) {
      if (!sol.canVisit(v, r2, r)) continue;
      const got = cachedPlacement(sol, v, r2, tmp);
      if (got && got.dTravel + removeDelta < -MOVE_EPS) return { from: r, k, to: r2, idx: got.idx };
    }
    return null;
  },
  apply(sol: Solution, move: RelocateMove): readonly number[] {
    const v = sol.removeAt(move.from, move.k);
    sol.insert(move.to, move.idx, v);
    return [move.from, move.to];
  },
};

/** routes worth trying for stop v besides r: all on small instances, else routes of its neighbours */
function candidateRoutes(sol: Solution, v: number, r: number): number[] {
  const p = sol.p;
  if (p.nRoutes <= 16) {
    const out: number[] = [];
    for (let q = 0; q < p.nRoutes; q++) if (q !== r) out.push(q);
    return out;
  }
  const seen = seenRoutes(p);
  seen.clear();
  seen.add(r);
  const out: number[] = [];
  for (let q = p.neighbourOffset[v]!; q < p.neighbourOffset[v + 1]!; q++) {
    for (const r2 of sol.visitRoutes[p.neighbours[q]!]!) if (seen.add(r2)) out.push(r2);
  }
  return out;
}
