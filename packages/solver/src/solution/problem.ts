/**
 * Precomputed, read-only facts about an Instance that every part of the search consults:
 * per-route windows (a pinned visit narrows its stop's windows on its route to the single pinned
 * minute), the lunch arithmetic, the neighbour lists used to filter candidate positions, and the
 * value scale that separates the two objective levels. Built once per solve; never mutated.
 */
import { gridDown, gridUp, type Instance, type RouteSpec } from "../instance/instance.js";
import { TIME_TOLERANCES } from "../timeTolerance.js";

/** Minutes of float rounding tolerated when a backward bound meets a window opening. */
const BACKWARD_DUST = TIME_TOLERANCES.engineDust;

/** Number of nearest stops kept per stop for candidate filtering. */
const NEIGHBOURS = 40;

/** Where a pinned visit may start: [lo, hi], one moment when lo = hi. */
export interface PinRange {
  lo: number;
  hi: number;
}

export class Problem {
  readonly inst: Instance;
  readonly nStops: number;
  readonly nRoutes: number;
  readonly nLoc: number;
  readonly travel: Float64Array;
  /** pinned start per (stop * nRoutes + route), only for pinned pairs */
  readonly pinnedStart: Map<number, PinRange>;
  /** nearest stops of each stop by travel time (either direction), CSR */
  readonly neighbourOffset: Int32Array;
  readonly neighbours: Int32Array;
  /** stop is allowed on at least one route and has at least one window */
  readonly servable: Uint8Array;
  /** routes whose work limit is shorter than the shift: they need the span check */
  readonly hasWorkLimit: Uint8Array;
  /**
   * per route, a class id shared by the routes that are interchangeable while empty: same
   * depot, day, shift, limits, lunch and allowed stops (and no pinned visits)
   */
  readonly routeClass: Int32Array;
  /** weight of one travel minute relative to one unit of value in the scalarised acceptance */
  readonly travelWeight: number;
  /** the stops' windows of service starts, shrunk to the time grid (the instance's own without one) */
  readonly windows: GridWindows;
  /** per stop: the shortest travel into it and out of it from any location (window-range bounds) */
  readonly minTravelIn: Float64Array;
  readonly minTravelOut: Float64Array;
  /** no group is covered by two stops: a visit's worth never depends on another stop's visits */
  readonly groupsDisjoint: boolean;
  /**
   * Inserting a visit never makes a route looser: travel obeys the triangle inequality once the
   * inserted visit's service is counted (t(a,w) + setup + dwell(w) + pack-up + t(w,b) ≥ t(a,b)
   * on every route) and no route has a work limit (whose span check is not monotone). Then a
   * stop that fits nowhere in a route still fits nowhere after another insertion there.
   */
  readonly insertionTightens: boolean;

  constructor(inst: Instance) {
    this.inst = inst;
    this.nStops = inst.nStops;
    this.nRoutes = inst.routes.length;
    this.nLoc = inst.nLocations;
    this.travel = inst.travel;
    this.windows = gridWindows(inst);
    this.pinnedStart = new Map();
    for (const p of inst.pinned)
      this.pinnedStart.set(p.stop * this.nRoutes + p.route, { lo: p.start, hi: p.latestStart ?? p.start });
    this.servable = new Uint8Array(this.nStops);
    for (let s = 0; s < this.nStops; s++) {
      if (this.windows.offset[s + 1]! <= this.windows.offset[s]!) continue;
      for (let r = 0; r < this.nRoutes; r++) {
        if (inst.allowed[s * this.nRoutes + r]) {
          this.servable[s] = 1;
          break;
        }
      }
    }
    this.hasWorkLimit = new Uint8Array(this.nRoutes);
    inst.routes.forEach((spec, r) => {
      const shift = spec.shiftEnd - spec.shiftStart;
      this.hasWorkLimit[r] = spec.maxWorkMinutes < shift ? 1 : 0;
    });
    this.routeClass = buildRouteClasses(inst, this.pinnedStart);
    this.groupsDisjoint = groupsDisjoint(inst);
    this.insertionTightens = !this.hasWorkLimit.includes(1) && serviceTriangle(inst);
    [this.neighbourOffset, this.neighbours] = buildNeighbours(inst, Math.min(NEIGHBOURS, Math.max(0, this.nStops - 1)));
    [this.minTravelIn, this.minTravelOut] = shortestLegs(inst, this.neighbourOffset, this.neighbours);
    // value first, travel second: one travel minute must never outweigh the smallest value step
    let minValue = Infinity;
    for (const g of inst.groupValue) if (g > 0) minValue = Math.min(minValue, g);
    for (const v of inst.visitValues) if (v > 0) minValue *= Math.min(1, v);
    let horizon = 1;
    for (const spec of inst.routes) horizon += Math.max(0, spec.shiftEnd - spec.shiftStart) * 2;
    this.travelWeight = Number.isFinite(minValue) ? minValue / (10 * horizon) : 1e-9;
  }

  t(a: number, b: number): number {
    return this.travel[a * this.nLoc + b]!;
  }

  /**
   * earliest feasible service start of `stop` on `route` at or after `time` (Infinity if none),
   * rounded up to the instance's time grid
   */
  firstStart(stop: number, route: number, time: number): number {
    if (this.pinnedStart.size > 0) {
      const pin = this.pinnedStart.get(stop * this.nRoutes + route);
      if (pin !== undefined) {
        if (pin.lo === pin.hi) return time <= pin.lo ? pin.lo : Infinity;
        const s = this.windowStartFrom(stop, Math.max(time, pin.lo));
        return s <= pin.hi ? s : Infinity;
      }
    }
    return this.windowStartFrom(stop, time);
  }

  /** earliest start inside one of the stop's windows at or after `time`, on the grid (Infinity if none) */
  private windowStartFrom(stop: number, time: number): number {
    const inst = this.inst;
    time = gridUp(time, inst.timeGrid);
    const { offset, open, close } = this.windows;
    const end = offset[stop + 1]!;
    for (let w = offset[stop]!; w < end; w++) {
      if (time <= close[w]!) return Math.max(time, open[w]!);
    }
    return Infinity;
  }

  /**
   * latest feasible service start of `stop` on `route` at or before `time` (-Infinity if none),
   * rounded down to the instance's time grid
   */
  lastStart(stop: number, route: number, time: number): number {
    if (this.pinnedStart.size > 0) {
      const pin = this.pinnedStart.get(stop * this.nRoutes + route);
      if (pin !== undefined) {
        if (pin.lo === pin.hi) return time >= pin.lo - BACKWARD_DUST ? pin.lo : -Infinity;
        const s = this.windowStartUntil(stop, Math.min(time, pin.hi));
        return s >= pin.lo - BACKWARD_DUST ? s : -Infinity;
      }
    }
    return this.windowStartUntil(stop, time);
  }

  /** latest start inside one of the stop's windows at or before `time`, on the grid (-Infinity if none) */
  private windowStartUntil(stop: number, time: number): number {
    time = gridDown(time, this.inst.timeGrid);
    const windows = this.windows;
    const begin = windows.offset[stop]!;
    for (let w = windows.offset[stop + 1]! - 1; w >= begin; w--) {
      const open = windows.open[w]!;
      // backward differences of forward sums may land an ulp before an opening the forward pass hit exactly
      if (time >= open - BACKWARD_DUST) return time <= windows.close[w]! ? Math.max(time, open) : windows.close[w]!;
    }
    return -Infinity;
  }

  /** value gained by one more visit of `stop` given current per-group visit counts */
  addGain(stop: number, counts: Int32Array): number {
    return this.visitWorth(stop, counts, 0);
  }

  /** value lost by removing one visit of `stop` given current per-group visit counts */
  removeLoss(stop: number, counts: Int32Array): number {
    return this.visitWorth(stop, counts, 1);
  }

  /** worth of the visit of `stop` that would be each covered group's (count − `before` + 1)-th */
  private visitWorth(stop: number, counts: Int32Array, before: number): number {
    const inst = this.inst;
    const vv = inst.visitValues;
    const last = vv.length - 1;
    let worth = 0;
    for (let k = inst.stopGroupOffset[stop]!; k < inst.stopGroupOffset[stop + 1]!; k++) {
      const g = inst.stopGroups[k]!;
      const c = counts[g]! - before;
      worth += inst.groupValue[g]! * vv[Math.min(c, last)]!;
    }
    return worth;
  }
}

/** Windows of service starts per stop, in the instance's CSR layout. */
export interface GridWindows {
  offset: Int32Array;
  open: Float64Array;
  close: Float64Array;
}

/**
 * Each window with its opening rounded up and its close rounded down to the time grid; a window
 * holding no grid point vanishes. Without a grid, the instance's windows as they are.
 */
function gridWindows(inst: Instance): GridWindows {
  const grid = inst.timeGrid;
  if (!grid) return { offset: inst.windowOffset, open: inst.windowOpen, close: inst.windowClose };
  const offset = new Int32Array(inst.nStops + 1);
  const open: number[] = [];
  const close: number[] = [];
  for (let s = 0; s < inst.nStops; s++) {
    offset[s] = open.length;
    for (let w = inst.windowOffset[s]!; w < inst.windowOffset[s + 1]!; w++) {
      const o = gridUp(inst.windowOpen[w]!, grid);
      const c = gridDown(inst.windowClose[w]!, grid);
      if (o <= c) {
        open.push(o);
        close.push(c);
      }
    }
  }
  offset[inst.nStops] = open.length;
  return { offset, open: Float64Array.from(open), close: Float64Array.from(close) };
}

/**
 * Lunch arithmetic for a route: `after(x)` is the moment work can resume when the break is taken
 * as soon as possible once parked at x (Infinity if it no longer fits); `before(y)` the latest
 * moment to park so that the break ends by y (-Infinity if impossible). Without a lunch both are
 * the identity, so the two-state timing below collapses to the plain one.
 */
export function lunchAfter(spec: RouteSpec, x: number): number {
  const l = spec.lunch;
  if (!l) return x;
  const b = Math.max(x, l.start);
  return b + l.minutes <= l.end ? b + l.minutes : Infinity;
}

export function lunchBefore(spec: RouteSpec, y: number): number {
  const l = spec.lunch;
  if (!l) return y;
  const limit = Math.min(y, l.end);
  return l.start + l.minutes <= limit ? limit - l.minutes : -Infinity;
}

/**
 * Lower bounds on each stop's shortest leg in and out: its nearest stop in either direction
 * (the head of its neighbour list bounds every other stop's leg) and every depot's leg. O(stops ×
 * depots), so it costs nothing next to the neighbour lists even at 5,000 stops.
 */
function shortestLegs(
  inst: Instance,
  neighbourOffset: Int32Array,
  neighbours: Int32Array,
): [Float64Array, Float64Array] {
  const nl = inst.nLocations;
  const t = inst.travel;
  const depots = [...new Set(inst.routes.map((spec) => spec.depot))];
  const into = new Float64Array(inst.nStops);
  const out = new Float64Array(inst.nStops);
  for (let s = 0; s < inst.nStops; s++) {
    let nearest = Infinity;
    if (neighbourOffset[s + 1]! > neighbourOffset[s]!) {
      const u = neighbours[neighbourOffset[s]!]!;
      nearest = Math.min(t[s * nl + u]!, t[u * nl + s]!);
    }
    let tin = nearest;
    let tout = nearest;
    for (const d of depots) {
      tin = Math.min(tin, t[d * nl + s]!);
      tout = Math.min(tout, t[s * nl + d]!);
    }
    into[s] = tin;
    out[s] = tout;
  }
  return [into, out];
}

function groupsDisjoint(inst: Instance): boolean {
  const seen = new Uint8Array(inst.groupValue.length);
  for (const g of inst.stopGroups) {
    if (seen[g]) return false;
    seen[g] = 1;
  }
  return true;
}

/** Locations above which the O(locations² × stops) triangle check is not worth its time. */
const TRIANGLE_CHECK_MAX_LOCATIONS = 300;

/** whether t(a,w) + least service at w + t(w,b) ≥ t(a,b) for every stop w and locations a, b (no service under a drive limit) */
function serviceTriangle(inst: Instance): boolean {
  const nl = inst.nLocations;
  if (nl > TRIANGLE_CHECK_MAX_LOCATIONS) return false;
  let handling = Infinity;
  for (const spec of inst.routes) {
    // a drive limit counts travel alone: then service may not make up for a shortcut
    handling = Math.min(handling, spec.maxDriveMinutes < Infinity ? 0 : spec.setupMinutes + spec.packupMinutes);
  }
  if (!Number.isFinite(handling)) return true;
  const t = inst.travel;
  for (let w = 0; w < inst.nStops; w++) {
    const service = handling + inst.dwell[w]!;
    for (let a = 0; a < nl; a++) {
      const into = t[a * nl + w]! + service;
      for (let b = 0; b < nl; b++) if (into + t[w * nl + b]! < t[a * nl + b]!) return false;
    }
  }
  return true;
}

function buildNeighbours(inst: Instance, k: number): [Int32Array, Int32Array] {
  const n = inst.nStops;
  const nl = inst.nLocations;
  const offset = new Int32Array(n + 1);
  const list = new Int32Array(n * k);
  const bestD = new Float64Array(k);
  const bestS = new Int32Array(k);
  for (let s = 0; s < n; s++) {
    let size = 0;
    for (let u = 0; u < n; u++) {
      if (u === s) continue;
      const a = inst.travel[s * nl + u]!;
      const b = inst.travel[u * nl + s]!;
      const d = Math.min(a, b);
      // insertion into the sorted top-k: a new last slot while not full, else over the farthest
      if (size < k) size++;
      else if (d >= bestD[k - 1]!) continue;
      let i = size - 1;
      while (i > 0 && bestD[i - 1]! > d) {
        bestD[i] = bestD[i - 1]!;
        bestS[i] = bestS[i - 1]!;
        i--;
      }
      bestD[i] = d;
      bestS[i] = u;
    }
    for (let i = 0; i < size; i++) list[s * k + i] = bestS[i]!;
    offset[s + 1] = offset[s]! + size;
  }
  // rows are all length `size` (= min(k, n-1)), so the CSR is dense
  return [offset, list];
}

/**
 * A route's settings but its date and stops, as one string: equal for bus-days that differ only
 * by date (route classes add the date and the allowed stops; the route pricing the candidates).
 */
export function routeSettingsKey(spec: RouteSpec): string {
  const l = spec.lunch;
  return [
    spec.depot,
    spec.shiftStart,
    spec.shiftEnd,
    spec.maxWorkMinutes,
    spec.maxDriveMinutes,
    spec.setupMinutes,
    spec.packupMinutes,
    l ? `${l.start}/${l.end}/${l.minutes}` : "-",
  ].join("|");
}

function buildRouteClasses(inst: Instance, pinned: Map<number, PinRange>): Int32Array {
  const R = inst.routes.length;
  const pinnedRoutes = new Set<number>();
  for (const key of pinned.keys()) pinnedRoutes.add(key % R);
  // a hash of each route's column of the allowed matrix
  const h1 = new Uint32Array(R).fill(0x811c9dc5);
  const h2 = new Uint32Array(R);
  for (let s = 0; s < inst.nStops; s++) {
    const base = s * R;
    for (let r = 0; r < R; r++) {
      if (inst.allowed[base + r]) {
        h1[r] = Math.imul(h1[r]! ^ s, 0x01000193) >>> 0;
        h2[r] = (h2[r]! + Math.imul(s + 1, 0x9e3779b1)) >>> 0;
      }
    }
  }
  const ids = new Map<string, number>();
  const out = new Int32Array(R);
  inst.routes.forEach((spec, r) => {
    const key = pinnedRoutes.has(r) ? `pinned ${r}` : [spec.day, routeSettingsKey(spec), h1[r], h2[r]].join("|");
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    out[r] = id;
  });
  return out;
}
