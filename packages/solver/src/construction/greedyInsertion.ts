/**
 * Greedy insertion by value per minute spent, the construction of Vansteenwegen et al. (2009,
 * ILS for the TOPTW: ratio score^2 / shift) generalised to coverage groups: repeatedly insert the
 * visit with the best ratio gain^alpha / shift, with an optional multiplicative noise (Ropke &
 * Pisinger 2006) so that ruin-and-recreate explores. Used both to build the first plan and as the
 * "recreate" step of the metaheuristic.
 *
 * Candidate filtering keeps it usable at 5,000 stops × 600 routes: on large instances a stop is
 * only tried in routes that already visit one of its nearest neighbours, and in a few empty
 * routes; after an insertion only the stops whose best place was in the changed route, and the
 * neighbours of the inserted stop, are re-evaluated.
 */
import type { Rng } from "../random.js";
import type { Solution } from "../solution/solution.js";
import { bestPlacementInRoute, type Placement } from "./insertion.js";

/** Options of {@link greedyInsert}. */
export interface GreedyInsertOptions {
  rng: Rng;
  /** relative noise on the ratio, 0 = pure greedy */
  noise: number;
  /** exponent of the gain in the ratio (Vansteenwegen et al. use 2) */
  alpha: number;
  /** polled every few insertions; when true the insertion stops early */
  shouldStop: () => boolean;
}

/** Instances at or below this many stop-route pairs evaluate every route for every stop. */
const FULL_EVALUATION_PAIRS = 60_000;
/** Empty routes tried per stop on large instances. */
const EMPTY_ROUTES_TRIED = 12;

/**
 * Inserts visits of the `candidates` stops while some insertion adds value. Stops may receive
 * several visits when their maxVisits allows it. Returns the number of visits inserted.
 */
export function greedyInsert(sol: Solution, candidates: readonly number[], opts: GreedyInsertOptions): number {
  const p = sol.p;
  const full = p.nStops * p.nRoutes <= FULL_EVALUATION_PAIRS;
  const m = candidates.length;
  const route = new Int32Array(m).fill(-1);
  const idx = new Int32Array(m);
  const shift = new Float64Array(m);
  const gain = new Float64Array(m);
  const noise = new Float64Array(m);
  const dTravel = new Float64Array(m);
  const where = new Map<number, number>();
  const tmp: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };
  const score = (c: number): number => {
    const g = gain[c]!;
    const base = opts.alpha === 1 ? g : opts.alpha === 2 ? g * g : Math.pow(g, opts.alpha);
    return (base / (shift[c]! + 1e-3)) * noise[c]!;
  };
  const tryRoute = (stop: number, r: number, c: number): void => {
    if (!sol.canVisit(stop, r)) return;
    const got = bestPlacementInRoute(sol, stop, r, tmp);
    if (got && (route[c]! < 0 || got.shift < shift[c]! || (got.shift === shift[c]! && got.dTravel < dTravel[c]!))) {
      route[c] = r;
      idx[c] = got.idx;
      shift[c] = got.shift;
      dTravel[c] = got.dTravel;
    }
  };
  const evaluate = (c: number): void => {
    const stop = candidates[c]!;
    route[c] = -1;
    if (sol.visitRoutes[stop]!.length >= p.inst.maxVisits[stop]! || !p.servable[stop]) return;
    gain[c] = p.addGain(stop, sol.counts);
    if (!(gain[c]! > 0)) return;
    if (full) {
      for (let r = 0; r < p.nRoutes; r++) tryRoute(stop, r, c);
      return;
    }
    const seen = new Set<number>();
    for (let k = p.neighbourOffset[stop]!; k < p.neighbourOffset[stop + 1]!; k++) {
      for (const r of sol.visitRoutes[p.neighbours[k]!]!) {
        if (seen.has(r)) continue;
        seen.add(r);
        tryRoute(stop, r, c);
      }
    }
    let empty = 0;
    for (let r = 0; r < p.nRoutes && empty < EMPTY_ROUTES_TRIED; r++) {
      if (sol.seq[r]!.length > 0 || seen.has(r) || !p.inst.allowed[stop * p.nRoutes + r]) continue;
      empty++;
      tryRoute(stop, r, c);
    }
  };
  for (let c = 0; c < m; c++) {
    where.set(candidates[c]!, c);
    noise[c] = opts.noise > 0 ? 1 + opts.noise * (2 * opts.rng.next() - 1) : 1;
    evaluate(c);
    if ((c & 255) === 255 && opts.shouldStop()) return 0;
  }
  let inserted = 0;
  for (;;) {
    if ((inserted & 31) === 31 && opts.shouldStop()) break;
    let pick = -1;
    let pickScore = -Infinity;
    for (let c = 0; c < m; c++) {
      if (route[c]! < 0) continue;
      const s = score(c);
      if (s > pickScore) {
        pickScore = s;
        pick = c;
      }
    }
    if (pick < 0) break;
    const stop = candidates[pick]!;
    // coverage may have changed since this stop was evaluated (overlapping groups)
    const fresh = p.addGain(stop, sol.counts);
    if (fresh !== gain[pick]) {
      gain[pick] = fresh;
      if (!(fresh > 0)) route[pick] = -1;
      continue;
    }
    const r = route[pick]!;
    sol.insert(r, idx[pick]!, stop);
    inserted++;
    if (full) {
      for (let c = 0; c < m; c++) {
        if (c === pick || route[c]! === r) {
          evaluate(c);
          continue;
        }
        if (route[c]! < 0) continue;
        gain[c] = p.addGain(candidates[c]!, sol.counts);
        tryRoute(candidates[c]!, r, c);
      }
    } else {
      for (let c = 0; c < m; c++) if (route[c]! === r) evaluate(c);
      evaluate(pick);
      for (let k = p.neighbourOffset[stop]!; k < p.neighbourOffset[stop + 1]!; k++) {
        const c = where.get(p.neighbours[k]!);
        if (c !== undefined && c !== pick && route[c]! >= 0) tryRoute(candidates[c]!, r, c);
        else if (c !== undefined && c !== pick && route[c]! < 0) evaluate(c);
      }
    }
  }
  return inserted;
}
