/**
 * Local search to a local optimum of the lexicographic objective (value, then travel), over the
 * routes in a work list (all routes on small instances, the routes a perturbation touched on
 * large ones). Neighbourhoods, cheapest first:
 *  - intra-route or-opt and 2-opt (intraRoute.ts), travel only;
 *  - relocate a visit to another route, and exchange two visits between routes (neighbour-list
 *    candidates), travel only;
 *  - insert unvisited stops (greedy by value per minute), value;
 *  - replace: drop a visit and insert an unvisited stop worth more (or worth the same and
 *    cheaper to reach) in its route — the "swap" move of Labadie et al. 2012's GVNS.
 * Pinned visits are never removed or moved to another route.
 */
import type { Rng } from "../random.js";
import type { Solution } from "../solution/solution.js";
import { bestPlacementInRoute, type Placement } from "../construction/insertion.js";
import { greedyInsert } from "../construction/greedyInsertion.js";
import { improveRoute } from "./intraRoute.js";

const EPS = 1e-9;

/** Context shared by the local search calls of one solve. */
export interface SearchContext {
  rng: Rng;
  symmetric: boolean;
  isPinned: (stop: number, route: number) => boolean;
  shouldStop: () => boolean;
  /** gain exponent used by insertion */
  alpha: number;
}

/**
 * Improves `sol` in place starting from the routes in `touched` (deduplicated internally).
 * `extraCandidates` are stops worth trying to insert besides those near the touched routes.
 */
export function localSearch(
  sol: Solution,
  touched: readonly number[],
  extraCandidates: readonly number[],
  ctx: SearchContext,
): void {
  const p = sol.p;
  const small = p.nRoutes <= 8 || p.nStops <= 400;
  const inList = new Uint8Array(p.nRoutes);
  const work: number[] = [];
  const push = (r: number): void => {
    if (!inList[r]) {
      inList[r] = 1;
      work.push(r);
    }
  };
  for (const r of touched) push(r);
  let rounds = 0;
  while (work.length > 0 && rounds++ < 20) {
    if (ctx.shouldStop()) return;
    const routes = work.splice(0, work.length);
    for (const r of routes) inList[r] = 0;
    for (const r of routes) improveRoute(sol, r, ctx.symmetric, ctx.isPinned);
    if (p.nRoutes > 1) {
      for (const r of routes) {
        const changed = interRoute(sol, r, ctx);
        for (const c of changed) {
          improveRoute(sol, c, ctx.symmetric, ctx.isPinned);
          push(c);
        }
      }
    }
    const candidates = small ? allCandidates(sol) : nearbyCandidates(sol, routes, extraCandidates);
    const before = sol.value;
    // the other routes were already saturated for these candidates at the previous local optimum
    greedyInsert(sol, candidates, {
      rng: ctx.rng,
      noise: 0,
      alpha: ctx.alpha,
      shouldStop: ctx.shouldStop,
      ...(p.nRoutes > 8 && routes.length <= 32 ? { routes } : {}),
    });
    const replaced = replaceVisits(sol, routes, candidates, ctx);
    if (sol.value > before + EPS || replaced.length > 0) {
      for (const r of routes) push(r);
      for (const r of replaced) push(r);
    }
  }
}

/** every stop that could take one more visit */
function allCandidates(sol: Solution): number[] {
  const p = sol.p;
  const out: number[] = [];
  for (let s = 0; s < p.nStops; s++) {
    if (p.servable[s] && sol.visitRoutes[s]!.length < p.inst.maxVisits[s]!) out.push(s);
  }
  return out;
}

/** stops near the given routes (and the extras) that could take one more visit */
function nearbyCandidates(sol: Solution, routes: readonly number[], extras: readonly number[]): number[] {
  const p = sol.p;
  const seen = new Set<number>();
  const out: number[] = [];
  const consider = (s: number): void => {
    if (seen.has(s)) return;
    seen.add(s);
    if (p.servable[s] && sol.visitRoutes[s]!.length < p.inst.maxVisits[s]!) out.push(s);
  };
  for (const s of extras) consider(s);
  for (const r of routes) {
    for (const v of sol.seq[r]!) {
      for (
        let k = p.neighbourOffset[v]!;
        k < p.neighbourOffset[v]! + Math.min(15, p.neighbourOffset[v + 1]! - p.neighbourOffset[v]!);
        k++
      )
        consider(p.neighbours[k]!);
    }
  }
  return out;
}

const tmp: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };
const empty = new Int32Array(0);
const one = new Int32Array(1);

/** relocate visits of route r to other routes, or exchange them, when travel decreases */
function interRoute(sol: Solution, r: number, ctx: SearchContext): number[] {
  const p = sol.p;
  const changed = new Set<number>();
  const seq = sol.seq[r]!;
  for (let k = 0; k < seq.length; k++) {
    const v = seq[k]!;
    if (ctx.isPinned(v, r)) continue;
    const ct = sol.ct[r]!;
    const removePart = sol.fits(r, k, k + 2, empty, 0);
    if (removePart < 0) continue;
    const removeDelta = removePart - (ct[k + 2]! - ct[k]!);
    const routes = candidateRoutes(sol, v, r);
    let done = false;
    for (const r2 of routes) {
      if (!sol.canVisit(v, r2, r)) continue;
      const got = bestPlacementInRoute(sol, v, r2, tmp);
      if (got && got.dTravel + removeDelta < -EPS) {
        sol.removeAt(r, k);
        sol.insert(r2, got.idx, v);
        changed.add(r).add(r2);
        done = true;
        break;
      }
    }
    if (done) {
      k--;
      continue;
    }
    // exchange with a neighbour's visit on another route
    for (let q = p.neighbourOffset[v]!; q < p.neighbourOffset[v + 1]! && !done; q++) {
      const u = p.neighbours[q]!;
      for (const r2 of sol.visitRoutes[u]!) {
        if (r2 === r || ctx.isPinned(u, r2)) continue;
        if (!sol.canVisit(v, r2, r) || !sol.canVisit(u, r, r2)) continue;
        if (sol.visitRoutes[v]!.includes(r2) || sol.visitRoutes[u]!.includes(r)) continue;
        const k2 = sol.seq[r2]!.indexOf(u);
        const ct2 = sol.ct[r2]!;
        const d1 = p.t(sol.loc(r, k), u) + p.t(u, sol.loc(r, k + 2)) - (ct[k + 2]! - ct[k]!);
        const d2 = p.t(sol.loc(r2, k2), v) + p.t(v, sol.loc(r2, k2 + 2)) - (ct2[k2 + 2]! - ct2[k2]!);
        if (d1 + d2 >= -EPS) continue;
        one[0] = u;
        if (sol.fits(r, k, k + 2, one, 1) < 0) continue;
        one[0] = v;
        if (sol.fits(r2, k2, k2 + 2, one, 1) < 0) continue;
        const s1 = seq.slice();
        s1[k] = u;
        const s2 = sol.seq[r2]!.slice();
        s2[k2] = v;
        sol.setRoute(r, s1);
        sol.setRoute(r2, s2);
        changed.add(r).add(r2);
        done = true;
        break;
      }
    }
  }
  return [...changed];
}

/** routes worth trying for stop v besides r: all on small instances, else routes of its neighbours */
function candidateRoutes(sol: Solution, v: number, r: number): number[] {
  const p = sol.p;
  if (p.nRoutes <= 16) {
    const out: number[] = [];
    for (let q = 0; q < p.nRoutes; q++) if (q !== r) out.push(q);
    return out;
  }
  const seen = new Set<number>([r]);
  const out: number[] = [];
  for (let q = p.neighbourOffset[v]!; q < p.neighbourOffset[v + 1]!; q++) {
    for (const r2 of sol.visitRoutes[p.neighbours[q]!]!) {
      if (!seen.has(r2)) {
        seen.add(r2);
        out.push(r2);
      }
    }
  }
  return out;
}

/**
 * For each visit of the given routes: remove it, and insert instead the unvisited candidate that
 * gains the most over the removed value (ties: the one saving travel). Returns changed routes.
 */
function replaceVisits(
  sol: Solution,
  routes: readonly number[],
  candidates: readonly number[],
  ctx: SearchContext,
): number[] {
  const p = sol.p;
  const small = candidates.length <= 200;
  const changed: number[] = [];
  for (const r of routes) {
    const seq = sol.seq[r]!;
    for (let k = 0; k < seq.length; k++) {
      if (ctx.shouldStop()) return changed;
      const v = seq[k]!;
      if (ctx.isPinned(v, r) || sol.fits(r, k, k + 2, empty, 0) < 0) continue;
      const loss = p.removeLoss(v, sol.counts);
      const oldTravel = sol.routeTravel(r);
      sol.removeAt(r, k);
      let bestU = -1;
      let bestGain = 0;
      let bestIdx = 0;
      let bestTravel = 0;
      const pool = small ? candidates : neighbourPool(sol, v);
      for (const u of pool) {
        if (u === v || sol.visitRoutes[u]!.length >= p.inst.maxVisits[u]! || !sol.canVisit(u, r)) continue;
        const gain = p.addGain(u, sol.counts) - loss;
        if (gain < -EPS || gain < bestGain - EPS) continue;
        const got = bestPlacementInRoute(sol, u, r, tmp);
        if (!got) continue;
        const travelDelta = sol.routeTravel(r) + got.dTravel - oldTravel;
        const improves = gain > EPS || travelDelta < -EPS;
        if (!improves) continue;
        if (bestU < 0 || gain > bestGain + EPS || (Math.abs(gain - bestGain) <= EPS && travelDelta < bestTravel)) {
          bestU = u;
          bestGain = gain;
          bestIdx = got.idx;
          bestTravel = travelDelta;
        }
      }
      if (bestU >= 0) {
        sol.insert(r, bestIdx, bestU);
        if (changed.at(-1) !== r) changed.push(r);
      } else {
        sol.insert(r, k, v);
      }
    }
  }
  return changed;
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
