/**
 * Greedy insertion by value per minute spent, the construction of Vansteenwegen et al. (2009,
 * ILS for the TOPTW: ratio score^2 / shift) generalised to coverage groups: repeatedly insert the
 * visit with the best ratio gain^alpha / shift, with an optional multiplicative noise (Ropke &
 * Pisinger 2006) so that ruin-and-recreate explores. Used both to build the first plan and as the
 * "recreate" step of the metaheuristic.
 *
 * It keeps, per candidate stop, the best placement in each of a few routes (an insertion-cost
 * table, sparse on large instances), and after an insertion re-evaluates only the changed route.
 * Which routes a stop considers: every used route on small instances; on large ones (5,000 stops
 * × 600 routes) the routes already visiting one of its nearest neighbours. Empty routes are
 * interchangeable within a class (same depot, day, shift, limits and allowed stops), so only one
 * representative per class is evaluated — this is what keeps the first plan of a large instance
 * within seconds.
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
  /** consider only these used routes (plus empty ones); default: all, filtered by neighbours on large instances */
  routes?: readonly number[];
}

/** Instances at or below this many stop-route pairs consider every used route for every stop. */
const FULL_EVALUATION_PAIRS = 60_000;

/** One candidate's sparse row of the insertion table. */
interface Row {
  stop: number;
  routes: number[];
  /** route → its position in `routes` */
  at: Map<number, number>;
  shift: number[];
  idx: number[];
  dTravel: number[];
  /** position in `routes` of the best entry, -1 if none feasible */
  best: number;
  gain: number;
  noise: number;
  dead: boolean;
}

/**
 * Inserts visits of the `candidates` stops while some insertion adds value. Stops may receive
 * several visits when their maxVisits allows it. Returns the number of visits inserted.
 */
export function greedyInsert(sol: Solution, candidates: readonly number[], opts: GreedyInsertOptions): number {
  const p = sol.p;
  const full = p.nStops * p.nRoutes <= FULL_EVALUATION_PAIRS;
  const classes = emptyRouteClasses(sol);
  const rows: Row[] = [];
  const rowOf = new Map<number, Row>();
  const routeRows: Row[][] = Array.from({ length: p.nRoutes }, () => []);
  const tmp: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };

  // an entry is a route (>= 0) or, for empty routes, a class (-2 - class id): evaluated once,
  // it stays valid when the class's representative changes
  const resolve = (code: number): number => (code >= 0 ? code : code === -1 ? -1 : classes.rep(-code - 2));
  const evalEntry = (row: Row, k: number): void => {
    const r = resolve(row.routes[k]!);
    const got = r >= 0 && sol.canVisit(row.stop, r) ? bestPlacementInRoute(sol, row.stop, r, tmp) : null;
    row.shift[k] = got ? got.shift : Infinity;
    row.idx[k] = got ? got.idx : -1;
    row.dTravel[k] = got ? got.dTravel : 0;
  };
  const isBetter = (row: Row, a: number, b: number): boolean =>
    row.shift[a]! < row.shift[b]! || (row.shift[a] === row.shift[b] && row.dTravel[a]! < row.dTravel[b]!);
  const pickBest = (row: Row): void => {
    let best = -1;
    for (let k = 0; k < row.routes.length; k++) {
      if (row.shift[k] !== Infinity && (best < 0 || isBetter(row, k, best))) best = k;
    }
    row.best = best;
  };
  const addEntry = (row: Row, code: number): void => {
    const r = resolve(code);
    if (r < 0 || !p.inst.allowed[row.stop * p.nRoutes + r] || row.at.has(code)) return;
    const k = row.routes.length;
    row.routes.push(code);
    row.at.set(code, k);
    row.shift.push(Infinity);
    row.idx.push(-1);
    row.dTravel.push(0);
    if (code >= 0) routeRows[code]!.push(row);
    evalEntry(row, k);
    if (row.shift[k] !== Infinity && (row.best < 0 || isBetter(row, k, row.best))) row.best = k;
  };
  const available = (stop: number): boolean =>
    p.servable[stop] === 1 &&
    sol.visitRoutes[stop]!.length < p.inst.maxVisits[stop]! &&
    p.addGain(stop, sol.counts) > 0;
  const fillRow = (row: Row): void => {
    if (opts.routes) {
      for (const r of opts.routes) if (sol.seq[r]!.length > 0) addEntry(row, r);
    } else if (full) {
      for (let r = 0; r < p.nRoutes; r++) if (sol.seq[r]!.length > 0) addEntry(row, r);
    } else {
      const stop = row.stop;
      for (let k = p.neighbourOffset[stop]!; k < p.neighbourOffset[stop + 1]!; k++) {
        for (const r of sol.visitRoutes[p.neighbours[k]!]!) addEntry(row, r);
      }
    }
    for (let c = 0; c < classes.count; c++) addEntry(row, -2 - c);
  };

  for (const stop of candidates) {
    if (rowOf.has(stop) || !available(stop)) continue;
    const row: Row = {
      stop,
      routes: [],
      at: new Map(),
      shift: [],
      idx: [],
      dTravel: [],
      best: -1,
      gain: p.addGain(stop, sol.counts),
      noise: opts.noise > 0 ? 1 + opts.noise * (2 * opts.rng.next() - 1) : 1,
      dead: false,
    };
    rows.push(row);
    rowOf.set(stop, row);
    fillRow(row);
    if ((rows.length & 31) === 0 && opts.shouldStop()) return 0;
  }
  const score = (row: Row): number => {
    const g = row.gain;
    const base = opts.alpha === 1 ? g : opts.alpha === 2 ? g * g : g ** opts.alpha;
    return (base / (row.shift[row.best]! + 1e-3)) * row.noise;
  };
  let inserted = 0;
  for (;;) {
    if ((inserted & 15) === 15 && opts.shouldStop()) break;
    let pick: Row | null = null;
    let pickScore = -Infinity;
    for (const row of rows) {
      if (row.dead || row.best < 0) continue;
      const s = score(row);
      if (s > pickScore) {
        pickScore = s;
        pick = row;
      }
    }
    if (!pick) break;
    // coverage may have changed since this stop was scored (overlapping groups)
    const fresh = p.addGain(pick.stop, sol.counts);
    if (fresh !== pick.gain) {
      pick.gain = fresh;
      if (!(fresh > 0)) pick.dead = true;
      continue;
    }
    const r = resolve(pick.routes[pick.best]!);
    if (r < 0) {
      // the class ran out of empty routes
      pick.shift[pick.best] = Infinity;
      pickBest(pick);
      continue;
    }
    const wasEmpty = sol.seq[r]!.length === 0;
    sol.insert(r, pick.idx[pick.best]!, pick.stop);
    inserted++;
    if (wasEmpty) {
      const c = classes.advance(r);
      if (c >= 0 && classes.rep(c) < 0) {
        // the class ran out of empty routes: retire its entries everywhere at once
        for (const row of rows) {
          const k = row.at.get(-2 - c);
          if (k === undefined || row.dead) continue;
          row.shift[k] = Infinity;
          if (row.best === k) pickBest(row);
        }
      }
    }
    for (const row of routeRows[r]!) {
      if (row.dead || row === pick) continue;
      const k = row.at.get(r)!;
      const wasBest = k === row.best;
      evalEntry(row, k);
      if (wasBest) pickBest(row);
      else if (row.shift[k] !== Infinity && (row.best < 0 || isBetter(row, k, row.best))) row.best = k;
    }
    if (full) {
      if (wasEmpty) for (const row of rows) if (!row.dead) addEntry(row, r);
    } else {
      for (let k = p.neighbourOffset[pick.stop]!; k < p.neighbourOffset[pick.stop + 1]!; k++) {
        const row = rowOf.get(p.neighbours[k]!);
        if (row && !row.dead) addEntry(row, r);
      }
    }
    if (!available(pick.stop)) {
      pick.dead = true;
    } else {
      pick.gain = p.addGain(pick.stop, sol.counts);
      addEntry(pick, r);
      for (let k = 0; k < pick.routes.length; k++) evalEntry(pick, k);
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
