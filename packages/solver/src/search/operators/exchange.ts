/**
 * Exchange: swap the anchored visit with a visit of one of its nearest neighbours on another
 * route when that shortens the total drive. Both halves are O(1) `fits` tests (one stop replaces
 * one stop) on the unchanged caches; the horizon rules are asked only for a shorter exchange.
 * Pinned visits never move.
 */
import type { Solution } from "../../solution/solution.js";
import { MOVE_EPS, type Operator, type SearchContext } from "./operator.js";

/** Swap the visit at index `k` of route `r` with the one at index `k2` of route `r2`. */
export interface ExchangeMove {
  r: number;
  k: number;
  r2: number;
  k2: number;
}

const one = new Int32Array(1);

export const exchange: Operator<ExchangeMove> = {
  name: "exchange",
  evaluate(sol: Solution, r: number, k: number, ctx: SearchContext): ExchangeMove | null {
    const p = sol.p;
    const v = sol.seq[r]![k]!;
    if (ctx.isPinned(v, r)) return null;
    const ct = sol.ct[r]!;
    for (let q = p.neighbourOffset[v]!; q < p.neighbourOffset[v + 1]!; q++) {
      const u = p.neighbours[q]!;
      const routes = sol.visitRoutes[u]!;
      // most neighbours are not visited: their travel (random reads of a large matrix) is not needed
      if (routes.length === 0) continue;
      const d1 = p.t(sol.loc(r, k), u) + p.t(u, sol.loc(r, k + 2)) - (ct[k + 2]! - ct[k]!);
      for (const r2 of routes) {
        if (r2 === r || ctx.isPinned(u, r2)) continue;
        const k2 = sol.indexIn(u, r2);
        const ct2 = sol.ct[r2]!;
        const d2 = p.t(sol.loc(r2, k2), v) + p.t(v, sol.loc(r2, k2 + 2)) - (ct2[k2 + 2]! - ct2[k2]!);
        if (d1 + d2 >= -MOVE_EPS) continue;
        if (!sol.canVisit(v, r2, r) || !sol.canVisit(u, r, r2)) continue;
        if (sol.visitRoutes[v]!.includes(r2) || sol.visitRoutes[u]!.includes(r)) continue;
        one[0] = u;
        if (sol.fits(r, k, k + 2, one, 1) < 0) continue;
        one[0] = v;
        if (sol.fits(r2, k2, k2 + 2, one, 1) < 0) continue;
        return { r, k, r2, k2 };
      }
    }
    return null;
  },
  apply(sol: Solution, move: ExchangeMove): readonly number[] {
    const s1 = sol.seq[move.r]!.slice();
    const s2 = sol.seq[move.r2]!.slice();
    const v = s1[move.k]!;
    s1[move.k] = s2[move.k2]!;
    s2[move.k2] = v;
    sol.setRoute(move.r, s1);
    sol.setRoute(move.r2, s2);
    return [move.r, move.r2];
  },
};
