/**
 * Greedy insertion by value per minute spent, the construction of Vansteenwegen et al. (2009,
 * ILS for the TOPTW: ratio score^2 / shift) generalised to coverage groups: repeatedly insert the
 * visit with the best ratio gain^alpha / shift, with an optional multiplicative noise (Ropke &
 * Pisinger 2006) so that ruin-and-recreate explores. Used both to build the first plan and as the
 * "recreate" step of the metaheuristic.
 *
 * It keeps, per candidate stop, the best placement in each of a few routes (a flat insertion
 * table whose buffers are reused from call to call, filled from the placement memo, which
 * answers for every route unchanged since it was last asked), and after an insertion
 * re-evaluates only the changed route.
 * Which routes a stop considers: every used route on small instances; on large ones (5,000 stops
 * × 600 routes) the routes already visiting one of its nearest neighbours. Empty routes are
 * interchangeable within a class (same depot, day, shift, limits and allowed stops), so only one
 * representative per class is evaluated — this is what keeps the first plan of a large instance
 * within seconds.
 */
import type { Rng } from "../random.js";
import type { Solution } from "../solution/solution.js";
import { cachedPlacement, type Placement } from "./insertion.js";
import { perProblem } from "../solution/perProblem.js";
import { StampSet } from "../solution/stampSet.js";

/** Options of {@link greedyInsert}. */
export interface GreedyInsertOptions {
  rng: Rng;
  /** relative noise on the ratio, 0 = pure greedy */
  noise: number;
  /** exponent of the gain in the ratio (Vansteenwegen et al. use 2) */
  alpha: number;
  /** polled every few insertions; when true the insertion stops early */
  shouldStop: () => boolean;
  /** consider only these used routes (plus empty ones); default: all, filtered by neighbours on large instances */
  routes?: readonly number[];
}

/** Instances at or below this many stop-route pairs consider every used route for every stop. */
const FULL_EVALUATION_PAIRS = 60_000;

/**
 * The insertion table of one call, flat: row c is a candidate stop, column e a route (e < R) or,
 * for empty routes, a class (R + class id: evaluated once on the class's representative, it
 * stays valid when the representative changes). Buffers grow and are reused from call to call.
 */
class InsertionTable {
  /** the stops with a row in the current call, and each one's row */
  readonly hasRow: StampSet;
  readonly rowOf: Int32Array;
  present = new Uint8Array(0);
  shift = new Float64Array(0);
  idx = new Int32Array(0);
  dTravel = new Float64Array(0);

  constructor(nStops: number) {
    this.hasRow = new StampSet(nStops);
    this.rowOf = new Int32Array(nStops);
  }

  /** room for `entries` cells, all absent */
  reset(entries: number): void {
    if (this.present.length < entries) {
      const size = Math.max(entries, 2 * this.present.length);
      this.present = new Uint8Array(size);
      this.shift = new Float64Array(size);
      this.idx = new Int32Array(size);
      this.dTravel = new Float64Array(size);
    } else {
      this.present.fill(0, 0, entries);
    }
  }
}

/** one table per Problem (the ILS calls greedyInsert every iteration) */
const tableOf = perProblem((p) => new InsertionTable(p.nStops));

/**
 * Inserts visits of the `candidates` stops while some insertion adds value. Stops may receive
 * several visits when their maxVisits allows it. Returns the number of visits inserted.
 */
export function greedyInsert(sol: Solution, candidates: readonly number[], opts: GreedyInsertOptions): number {
  const p = sol.p;
  const R = p.nRoutes;
  const full = p.nStops * R <= FULL_EVALUATION_PAIRS;
  const classes = emptyRouteClasses(sol);
  const E = R + classes.count;
  const stops: number[] = [];
  const gains: number[] = [];
  const table = tableOf(p);
  // each candidate's row (a Map per call was a sizeable share of the garbage on 5,000 stops,
  // where this runs several times per iteration)
  const { hasRow, rowOf } = table;
  hasRow.clear();
  /** what one more visit of `stop` adds, 0 when it may take none */
  const worthOfAnother = (stop: number): number =>
    p.servable[stop] === 1 && sol.visitRoutes[stop]!.length < p.inst.maxVisits[stop]! ? p.addGain(stop, sol.counts) : 0;
  for (const stop of candidates) {
    if (hasRow.has(stop)) continue;
    const worth = worthOfAnother(stop);
    if (!(worth > 0)) continue;
    hasRow.add(stop);
    rowOf[stop] = stops.length;
    stops.push(stop);
    gains.push(worth);
  }
  const C = stops.length;
  table.reset(C * E);
  const { present, shift, idx, dTravel } = table;
  /** per row: column of its best entry (-1 if none feasible), gain, noise, dead */
  const best = new Int32Array(C).fill(-1);
  const gain = new Float64Array(C);
  const noise = new Float64Array(C);
  const dead = new Uint8Array(C);
  const tmp: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };

  const resolve = (e: number): number => (e < R ? e : classes.rep(e - R));
  const evalEntry = (c: number, e: number): void => {
    const r = resolve(e);
    const cell = c * E + e;
    const got = r >= 0 && sol.canVisit(stops[c]!, r) ? cachedPlacement(sol, stops[c]!, r, tmp) : null;
    shift[cell] = got ? got.shift : Infinity;
    idx[cell] = got ? got.idx : -1;
    dTravel[cell] = got ? got.dTravel : 0;
  };
  const isBetter = (a: number, b: number): boolean =>
    shift[a]! < shift[b]! || (shift[a] === shift[b] && dTravel[a]! < dTravel[b]!);
  const pickBest = (c: number): void => {
    let b = -1;
    const base = c * E;
    for (let e = 0; e < E; e++) {
      const cell = base + e;
      if (present[cell] && shift[cell] !== Infinity && (b < 0 || isBetter(cell, base + b))) b = e;
    }
    best[c] = b;
  };
  const offerBest = (c: number, e: number): void => {
    const cell = c * E + e;
    if (shift[cell] !== Infinity && (best[c]! < 0 || isBetter(cell, c * E + best[c]!))) best[c] = e;
  };
  const addEntry = (c: number, e: number): void => {
    const r = resolve(e);
    const cell = c * E + e;
    if (r < 0 || present[cell] || !p.inst.allowed[stops[c]! * R + r]) return;
    present[cell] = 1;
    evalEntry(c, e);
    offerBest(c, e);
  };
  const fillRow = (c: number): void => {
    if (opts.routes) {
      for (const r of opts.routes) if (sol.seq[r]!.length > 0) addEntry(c, r);
    } else if (full) {
      for (let r = 0; r < R; r++) if (sol.seq[r]!.length > 0) addEntry(c, r);
    } else {
      const stop = stops[c]!;
      for (let k = p.neighbourOffset[stop]!; k < p.neighbourOffset[stop + 1]!; k++) {
        for (const r of sol.visitRoutes[p.neighbours[k]!]!) addEntry(c, r);
      }
    }
    for (let k = 0; k < classes.count; k++) addEntry(c, R + k);
  };

  for (let c = 0; c < C; c++) {
    gain[c] = gains[c]!;
    noise[c] = opts.noise > 0 ? 1 + opts.noise * (2 * opts.rng.next() - 1) : 1;
    fillRow(c);
    if (((c + 1) & 31) === 0 && opts.shouldStop()) return 0;
  }
  const score = (c: number): number => {
    const g = gain[c]!;
    const base = opts.alpha === 1 ? g : opts.alpha === 2 ? g * g : g ** opts.alpha;
    return (base / (shift[c * E + best[c]!]! + 1e-3)) * noise[c]!;
  };
  let inserted = 0;
  for (;;) {
    if ((inserted & 15) === 15 && opts.shouldStop()) break;
    let pick = -1;
    let pickScore = -Infinity;
    for (let c = 0; c < C; c++) {
      if (dead[c] || best[c]! < 0) continue;
      const s = score(c);
      if (s > pickScore) {
        pickScore = s;
        pick = c;
      }
    }
    if (pick < 0) break;
    const stop = stops[pick]!;
    // coverage may have changed since this stop was scored (overlapping groups)
    const fresh = p.addGain(stop, sol.counts);
    if (fresh !== gain[pick]) {
      gain[pick] = fresh;
      if (!(fresh > 0)) dead[pick] = 1;
      continue;
    }
    const e = best[pick]!;
    const r = resolve(e);
    if (r < 0) {
      // the class ran out of empty routes
      shift[pick * E + e] = Infinity;
      pickBest(pick);
      continue;
    }
    const wasEmpty = sol.seq[r]!.length === 0;
    sol.insert(r, idx[pick * E + e]!, stop);
    inserted++;
    if (wasEmpty) {
      const k = classes.advance(r);
      if (k >= 0 && classes.rep(k) < 0) {
        // the class ran out of empty routes: retire its entries everywhere at once
        for (let c = 0; c < C; c++) {
          const cell = c * E + R + k;
          if (!present[cell] || dead[c]) continue;
          shift[cell] = Infinity;
          if (best[c] === R + k) pickBest(c);
        }
      }
    }
    for (let c = 0; c < C; c++) {
      if (dead[c] || c === pick || !present[c * E + r]) continue;
      // one more visit never loosens the route: what did not fit still does not
      if (p.insertionTightens && shift[c * E + r] === Infinity) continue;
      const wasBest = best[c] === r;
      evalEntry(c, r);
      if (wasBest) pickBest(c);
      else offerBest(c, r);
    }
    if (full) {
      if (wasEmpty) for (let c = 0; c < C; c++) if (!dead[c]) addEntry(c, r);
    } else {
      for (let k = p.neighbourOffset[stop]!; k < p.neighbourOffset[stop + 1]!; k++) {
        const u = p.neighbours[k]!;
        if (!hasRow.has(u)) continue;
        const c = rowOf[u]!;
        if (!dead[c]) addEntry(c, r);
      }
    }
    const more = worthOfAnother(stop);
    if (!(more > 0)) {
      dead[pick] = 1;
    } else {
      gain[pick] = more;
      addEntry(pick, r);
      for (let k = 0; k < E; k++) if (present[pick * E + k]) evalEntry(pick, k);
      pickBest(pick);
    }
  }
  return inserted;
}

/** Empty routes grouped into interchangeable classes (Problem.routeClass), one representative each. */
function emptyRouteClasses(sol: Solution): {
  count: number;
  rep: (c: number) => number;
  advance: (r: number) => number;
} {
  const p = sol.p;
  const idOf = new Map<number, number>();
  const queues: number[][] = [];
  const classOf = new Int32Array(p.nRoutes).fill(-1);
  for (let r = 0; r < p.nRoutes; r++) {
    if (sol.seq[r]!.length > 0) continue;
    let c = idOf.get(p.routeClass[r]!);
    if (c === undefined) {
      c = queues.length;
      idOf.set(p.routeClass[r]!, c);
      queues.push([]);
    }
    queues[c]!.push(r);
    classOf[r] = c;
  }
  const head = new Int32Array(queues.length);
  return {
    count: queues.length,
    rep: (c: number) => queues[c]![head[c]!] ?? -1,
    /** r is no longer empty: move its class to the next empty route; returns the class or -1 */
    advance: (r: number) => {
      const c = classOf[r]!;
      if (c < 0 || queues[c]![head[c]!] !== r) return -1;
      head[c]!++;
      return c;
    },
  };
}
