/**
 * The "ruin" half of ruin-and-recreate (Schrimpf et al. 2000): remove a few visits so that the
 * greedy recreate and the local search can rebuild differently. Three ways, picked at random:
 *  - string removal: a run of consecutive visits in a route (the perturbation of Vansteenwegen
 *    et al. 2009's ILS; Christiaens & Vanden Berghe 2020 SISR);
 *  - related removal: a visit and the visited stops nearest to it (Shaw 1998);
 *  - random removal: visits of a random route or two.
 * Removals that would break a route's timing (only possible with non-metric travel) and pinned
 * visits are skipped.
 */
import type { Rng } from "../random.js";
import type { Solution } from "../solution/solution.js";

const empty = new Int32Array(0);

/** What a ruin removed and which routes it touched. */
export interface RuinResult {
  removed: number[];
  touched: number[];
}

/** Removes about `size` visits; returns them and the touched routes. */
export function ruin(
  sol: Solution,
  rng: Rng,
  size: number,
  isPinned: (stop: number, r: number) => boolean,
): RuinResult {
  const p = sol.p;
  const removed: number[] = [];
  const touched = new Set<number>();
  const nonEmpty: number[] = [];
  for (let r = 0; r < p.nRoutes; r++) if (sol.seq[r]!.length > 0) nonEmpty.push(r);
  if (nonEmpty.length === 0) return { removed, touched: [] };
  const tryRemove = (r: number, k: number): boolean => {
    const v = sol.seq[r]![k]!;
    if (isPinned(v, r) || sol.fits(r, k, k + 2, empty, 0) < 0) return false;
    sol.removeAt(r, k);
    removed.push(v);
    touched.add(r);
    return true;
  };
  const kind = rng.int(3);
  if (kind === 0) {
    // one string per route on small fleets (as in Vansteenwegen et al.), in one or two routes otherwise
    const routes =
      p.nRoutes <= 4 ? nonEmpty : [nonEmpty[rng.int(nonEmpty.length)]!, nonEmpty[rng.int(nonEmpty.length)]!];
    for (const r of routes) {
      const n = sol.seq[r]!.length;
      if (n === 0) continue;
      const len = 1 + rng.int(Math.min(n, size));
      let k = rng.int(n - len + 1);
      for (let c = 0; c < len && k < sol.seq[r]!.length; c++) if (!tryRemove(r, k)) k++;
    }
  } else if (kind === 1) {
    const r0 = nonEmpty[rng.int(nonEmpty.length)]!;
    const seed = sol.seq[r0]![rng.int(sol.seq[r0]!.length)]!;
    const targets = [seed];
    for (let q = p.neighbourOffset[seed]!; q < p.neighbourOffset[seed + 1]! && targets.length < size; q++) {
      const u = p.neighbours[q]!;
      if (sol.visitRoutes[u]!.length > 0) targets.push(u);
    }
    for (const u of targets) {
      const rs = sol.visitRoutes[u]!;
      if (rs.length === 0) continue;
      const r = rs[rng.int(rs.length)]!;
      tryRemove(r, sol.indexIn(u, r));
    }
  } else {
    const routes =
      p.nRoutes <= 4 ? nonEmpty : [nonEmpty[rng.int(nonEmpty.length)]!, nonEmpty[rng.int(nonEmpty.length)]!];
    let total = 0;
    for (const r of routes) total += sol.seq[r]!.length;
    const count = 1 + rng.int(Math.max(1, Math.min(size, total)));
    for (let c = 0; c < count; c++) {
      const r = routes[rng.int(routes.length)]!;
      const n = sol.seq[r]!.length;
      if (n > 0) tryRemove(r, rng.int(n));
    }
  }
  return { removed, touched: [...touched] };
}
