/**
 * Pricing for the route relaxation (routeBound.ts): given a worth per stop, the feasible
 * bus-day routes of one route class whose stops are worth the most. Exact by depth-first
 * enumeration of stop orders, cut several ways, each valid for every extension of a prefix: the
 * prefix's earliest times (waiting only delays, so a prefix that misses a window or the lunch
 * stays infeasible), its driving and its busy minutes (only grow), and the worth still
 * reachable: the best worths that could still fit and, when asked, a location-aware completion
 * bound (`completion`, MODEL.md) that also bounds the best route when the enumeration stops
 * early. Each route found is confirmed with the search's own `fits` and, when that rejects it
 * only for the work limit (its span test may reject a few feasible routes), with the exact
 * `scheduleSequence`, so every feasible route is priced.
 */
import type { Instance } from "../instance/instance.js";
import { lunchAfter, lunchBefore, routeSettingsKey, type Problem } from "../solution/problem.js";
import type { Solution } from "../solution/solution.js";
import { scheduleSequence, type ScheduleOptions } from "./scheduleSequence.js";

/** A priced route: its stops in a feasible order and their summed worth. */
export interface PricedRoute {
  stops: number[];
  worth: number;
}

/** What one pricing call found. */
export interface PricingResult {
  /** the best routes worth more than the threshold, best first, at most `limit`, distinct stop sets */
  routes: PricedRoute[];
  /**
   * at least the largest worth of any feasible route (and the threshold): that worth itself when
   * `exact`, else the completion bound's value (Infinity without it, or when it cannot say)
   */
  best: number;
  /** false when the node budget ran out before every route was examined or cut */
  exact: boolean;
}

/** Visits the completion bound looks ahead (beyond, it says Infinity). */
const AHEAD_VISITS = 6;

/**
 * The completion bound of one pricing call (RoutePricer.completion); each answer never below the
 * truth, also for any worths at most those it was worked out for, on any route of the same shape.
 */
export interface Ahead {
  /** the most `k` visits add from the depot at the shift's start */
  root(k: number): number;
  /** the most `k` more visits add after a first visit of `s`, at any of its starts */
  afterFirst(s: number, k: number): number;
  /**
   * the most `k` more visits add once the bus is free at stop `place` (not the first visit) at
   * `e0` with the lunch still to take, or at `e1` with it taken
   */
  at(place: number, k: number, e0: number, e1: number): number;
}

/** Enumerates the routes of one representative bus-day `r` (all routes of its class are alike). */
export class RoutePricer {
  readonly r: number;
  /** stops this route may serve */
  readonly candidates: Int32Array;
  /** most visits any feasible route of `r` holds (its cheapest service times in its capacity) */
  readonly maxVisits: number;
  /** per stop: its latest possible service start on `r` */
  private readonly lastStart: Float64Array;
  /** the least minutes a visit occupies (set-up, dwell, pack-up) */
  private readonly shortestService: number;
  /** per location: the shortest leg out of it and into it (from or to any other location) */
  private readonly shortestOut: Float64Array;
  private readonly shortestIn: Float64Array;
  private readonly p: Problem;
  private readonly probe: Solution;
  private readonly schedule: ScheduleOptions;
  /**
   * Equal for routes whose pricing differs only by the worths (the date aside, the fields of
   * Problem.routeClass; a route with pinned visits has its own): their completion bounds agree.
   */
  readonly shape: string;

  constructor(p: Problem, r: number, probe: Solution) {
    this.p = p;
    this.r = r;
    this.probe = probe;
    const inst = p.inst;
    const spec = inst.routes[r]!;
    const R = p.nRoutes;
    const list: number[] = [];
    for (let s = 0; s < p.nStops; s++) {
      // a window holding a grid point, or a visit pinned here (its minute may be off the grid)
      const open = p.windows.offset[s + 1]! > p.windows.offset[s]! || p.pinnedStart.has(s * R + r);
      if (inst.allowed[s * R + r] && open) list.push(s);
    }
    this.candidates = Int32Array.from(list);
    const capacity = Math.min(spec.maxWorkMinutes, spec.shiftEnd - spec.shiftStart) - (spec.lunch?.minutes ?? 0);
    const costs = list.map((s) => spec.setupMinutes + inst.dwell[s]! + spec.packupMinutes).sort((a, b) => a - b);
    let used = 0;
    let count = 0;
    for (const c of costs) {
      if (used + c > capacity) break;
      used += c;
      count++;
    }
    this.maxVisits = count;
    this.shortestService = costs[0] ?? Infinity;
    this.lastStart = new Float64Array(p.nStops).fill(-Infinity);
    for (const s of list) this.lastStart[s] = p.lastStart(s, r, Infinity);
    this.schedule = pinsOf(inst, r);
    this.shape = inst.pinned.some((pin) => pin.route === r)
      ? `pinned ${r}`
      : `${routeSettingsKey(spec)}|${list.join(",")}`;
    ({ out: this.shortestOut, into: this.shortestIn } = shortestLegsOf(p));
  }

  /**
   * A lower bound on the minutes between leaving `a` and reaching `b` on this route, directly
   * or through other stops: the direct leg, or the shortest leg out of `a`, the shortest visit
   * and the shortest leg into `b` (travel need not obey the triangle inequality).
   */
  private reach(a: number, b: number): number {
    const direct = this.p.travel[a * this.p.nLoc + b]!;
    return Math.min(direct, this.shortestOut[a]! + this.shortestService + this.shortestIn[b]!);
  }

  /**
   * The routes worth more than `threshold` (by `worth[s]` per stop), at most `limit` of them;
   * `nodeBudget` caps the orders examined. With `withCompletion` the search also prunes by the
   * completion bound (worked out here, or the one given: from this route's shape and worths at
   * least these), and an unfinished search still bounds the best route by it; without, it is a
   * quick heuristic whose `best` is Infinity unless it finishes.
   */
  price(
    worth: Float64Array,
    threshold: number,
    limit: number,
    nodeBudget: number,
    withCompletion: boolean | Ahead = true,
  ): PricingResult {
    const p = this.p;
    const inst = p.inst;
    const r = this.r;
    const spec = inst.routes[r]!;
    const nl = p.nLoc;
    const K = this.maxVisits;
    const order = Array.from(this.candidates).sort((a, b) => worth[b]! - worth[a]!);
    // the most `k` more visits could add once the bus is free at `time`: the best worths of
    // the stops not yet visited whose last window is still ahead (never negative)
    const rest = (k: number, time: number): number => {
      let sum = 0;
      for (let i = 0; i < order.length && k > 0; i++) {
        const s = order[i]!;
        if (worth[s]! <= 0) break;
        if (used[s] || this.lastStart[s]! < time) continue;
        sum += worth[s]!;
        k--;
      }
      return sum;
    };
    // visits that still fit after `time`: each needs at least the shortest service time
    const room = (time: number, depth: number) =>
      Math.min(K - depth, Math.floor((spec.shiftEnd - time) / this.shortestService + 1e-9));
    const used = new Uint8Array(p.nStops);
    const found: Array<PricedRoute & { key: string }> = [];
    const keys = new Set<string>();
    let bar = threshold;
    let best = threshold;
    let nodes = 0;
    let exact = true;
    const seq: number[] = [];
    const lunchMinutes = spec.lunch?.minutes ?? 0;
    const lastReturn = lunchBefore(spec, spec.shiftEnd);
    const record = (sum: number): void => {
      best = Math.max(best, sum);
      const key = [...seq].sort((a, b) => a - b).join(",");
      if (keys.has(key)) return;
      keys.add(key);
      found.push({ stops: [...seq], worth: sum, key });
      found.sort((a, b) => b.worth - a.worth);
      if (found.length > limit) keys.delete(found.pop()!.key);
      if (found.length === limit) bar = Math.max(threshold, found[limit - 1]!.worth);
    };
    const ahead = withCompletion === true ? this.completion(worth) : withCompletion || null;
    const extend = (place: number, e0: number, e1: number, drive: number, busy: number, sum: number): void => {
      const depth = seq.length;
      const more = room(e0, depth);
      if (more <= 0) return;
      if (ahead && sum + (depth === 0 ? ahead.root(more) : ahead.at(place, more, e0, e1)) <= bar) return;
      const after = rest(more - 1, e0);
      for (const s of order) {
        if (sum + worth[s]! + after <= bar) break;
        if (used[s]) continue;
        if (++nodes > nodeBudget) {
          exact = false;
          return;
        }
        const leg = p.travel[place * nl + s]!;
        if (!Number.isFinite(leg)) continue;
        const service = inst.dwell[s]! + spec.packupMinutes;
        const n0 = p.firstStart(s, r, e0 + leg + spec.setupMinutes) + service;
        const n1 = p.firstStart(s, r, e1 + leg + spec.setupMinutes) + service;
        const next1 = Math.min(n1, lunchAfter(spec, n0));
        if (next1 === Infinity) continue;
        const nextDrive = drive + leg;
        const nextBusy = busy + spec.setupMinutes + service;
        if (nextDrive > spec.maxDriveMinutes || nextBusy + nextDrive + lunchMinutes > spec.maxWorkMinutes) continue;
        const nextSum = sum + worth[s]!;
        // neither this route nor any extension of it can beat the bar
        if (nextSum <= bar && ahead) {
          const later = depth === 0 ? ahead.afterFirst(s, more - 1) : ahead.at(s, more - 1, n0, next1);
          if (nextSum + later <= bar) continue;
        }
        seq.push(s);
        used[s] = 1;
        if (nextSum > bar) {
          const back = p.travel[s * nl + spec.depot]!;
          const returns = n0 + back <= lastReturn || next1 + back <= spec.shiftEnd;
          if (returns && nextDrive + back <= spec.maxDriveMinutes && this.feasibleOrder(seq)) record(nextSum);
        }
        extend(s, n0, next1, nextDrive, nextBusy, nextSum);
        used[s] = 0;
        seq.pop();
        if (!exact) return;
      }
    };
    extend(spec.depot, spec.shiftStart, lunchAfter(spec, spec.shiftStart), 0, 0, 0);
    // an unfinished search still bounds the best route by the completion bound
    if (!exact) best = ahead ? Math.max(best, ahead.root(K)) : Infinity;
    return { routes: found.map(({ stops, worth: w }) => ({ stops, worth: w })), best, exact };
  }

  /**
   * The completion bound of one pricing call (MODEL.md): a backward labelling over (stop,
   * moment on the time grid, lunch taken or not) that keeps travel, windows, the lunch and the
   * shift but drops driving, the work limit and the rule that a stop is visited once (all of
   * which only remove or delay routes). It runs over the stops worth something, each leg timed
   * by `reach` (never more than the real way between them, even through stops worth nothing);
   * a visit counts only when the bus can still get back to the depot by the shift's end. A
   * moment between grid points reads the earlier point, which can only do more. Infinity past
   * AHEAD_VISITS visits and for stops worth nothing. Every entry only grows with the worths (a
   * maximum of sums of them, over more stops when more are worth something), so it also bounds
   * any smaller worths: routeBound works it out once for the routes of one shape.
   */
  completion(worth: Float64Array): Ahead {
    const p = this.p;
    const inst = p.inst;
    const r = this.r;
    const spec = inst.routes[r]!;
    const span = spec.shiftEnd - spec.shiftStart;
    const depth = Math.min(this.maxVisits, AHEAD_VISITS);
    if (!Number.isFinite(span) || span < 0 || depth === 0) {
      const unknown = (k: number) => (k <= 0 ? 0 : Infinity);
      return { root: unknown, afterFirst: (_s, k) => unknown(k), at: (_place, k) => unknown(k) };
    }
    const step = inst.timeGrid || span / 120;
    const points = Math.floor(span / step + 1e-9) + 1;
    const index = (time: number) =>
      time < spec.shiftStart ? 0 : Math.min(points - 1, Math.floor((time - spec.shiftStart) / step + 1e-9));
    const valuable = Array.from(this.candidates).filter((s) => worth[s]! > 0);
    const n = valuable.length;
    const row = new Int32Array(p.nLoc).fill(-1);
    valuable.forEach((s, i) => {
      row[s] = i;
    });
    const leave = Float64Array.from(valuable, (s) => spec.shiftEnd - this.reach(s, spec.depot));
    const service = Float64Array.from(valuable, (s) => inst.dwell[s]! + spec.packupMinutes);
    const legs = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) legs[i * n + j] = i === j ? Infinity : this.reach(valuable[i]!, valuable[j]!);
    }
    // the shortest leg into each valuable stop from another
    const into = new Float64Array(n).fill(Infinity);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) into[j] = Math.min(into[j]!, legs[i * n + j]!);
    const lunch = spec.lunch;
    // a lunch is parked after a visit: after the last one worth something, so the next place is
    // reached by `reach` once it ends, or after stops worth nothing, which take at least `detour`
    // first (a leg out and the shortest visit) and the shortest leg into the next place after it
    const detour = Float64Array.from(valuable, (s) => this.shortestOut[s]! + this.shortestService);
    const lunchInto = Float64Array.from(valuable, (s) => this.shortestIn[s]!);
    const home = spec.depot;
    // levels of the stops' tables: a stop already holds a visit, so at most maxVisits − 1 follow
    const levels = Math.min(depth, this.maxVisits - 1);
    // done[k] / pending[k][i * points + g]: at least the most k more visits add once free at stop
    // row i at grid point g, the lunch taken / still to take (-Infinity: the route cannot end)
    const done: Float64Array[] = [new Float64Array(n * points)];
    const pending: Float64Array[] = [];
    if (lunch) {
      // with the lunch still to take, the route may end only if the lunch fits before the return
      // (parked, or after stops worth nothing on the way) or at the depot after it
      const last = new Float64Array(n * points);
      for (let i = 0; i < n; i++) {
        for (let g = 0; g < points; g++) {
          const free = spec.shiftStart + g * step;
          const back = spec.shiftEnd - leave[i]!;
          const parked = Math.min(
            lunchAfter(spec, free) + back,
            lunchAfter(spec, free + detour[i]!) + this.shortestIn[home]!,
          );
          const atDepot = free + back <= lunchBefore(spec, spec.shiftEnd);
          last[i * points + g] = parked <= spec.shiftEnd || atDepot ? 0 : -Infinity;
        }
      }
      pending.push(last);
    }
    const ceiling = new Float64Array(n);
    const restedCeiling = new Float64Array(n);
    // the next visits that fit when reached at `arrival(j)`, best `worth + below` first, that
    // value written to `most`: a scan stops once no later one can beat the best found
    const ranked = (most: Float64Array, arrival: (j: number) => number, below: Float64Array): number[] => {
      const list: number[] = [];
      for (let j = 0; j < n; j++) {
        const end = p.firstStart(valuable[j]!, r, arrival(j) + spec.setupMinutes) + service[j]!;
        if (!(end <= leave[j]!)) continue;
        most[j] = worth[valuable[j]!]! + below[j * points + index(end)]!;
        list.push(j);
      }
      return list.sort((a, b) => most[b]! - most[a]!);
    };
    // the first visit of each stop row, at its earliest start (the tables never grow with time,
    // so that start says most) with the lunch still to take, or taken before it (at the depot, or
    // after stops worth nothing on the way); -1 when it cannot be
    const firstEnd = new Int32Array(n).fill(-1);
    const firstRested = new Int32Array(n).fill(-1);
    const rested = lunchAfter(spec, spec.shiftStart);
    const restedAway = lunchAfter(spec, spec.shiftStart + this.shortestOut[home]! + this.shortestService);
    for (let j = 0; j < n; j++) {
      const s = valuable[j]!;
      const fromHome = this.reach(home, s);
      const end = p.firstStart(s, r, spec.shiftStart + fromHome + spec.setupMinutes) + service[j]!;
      const arrival = Math.min(rested + fromHome, restedAway + lunchInto[j]!);
      const endRested = p.firstStart(s, r, arrival + spec.setupMinutes) + service[j]!;
      if (end <= leave[j]!) firstEnd[j] = index(end);
      if (endRested <= leave[j]!) firstRested[j] = index(endRested);
    }
    // the moments (and rows) a level is read at: every one, or (`cells[g]`, rows) only some
    const sparse = (moments: Int32Array[]) => {
      const cells: number[][] = Array.from({ length: points }, () => []);
      for (const at of moments) {
        at.forEach((g, j) => {
          if (g >= 0) cells[g]!.push(j);
        });
      }
      return cells;
    };
    // one level of a table: the level below `prev` reached without a lunch on the way; with the
    // lunch pending, `base` says whether the route may end here and `after` is the level below
    // once the lunch is taken on the way to the next stop
    const level = (
      prev: Float64Array,
      base: Float64Array | null,
      after: Float64Array | null,
      cells: number[][] | null,
    ) => {
      const table = new Float64Array(n * points);
      const all = Array.from({ length: n }, (_, i) => i);
      for (let g = points - 1; g >= 0; g--) {
        const rows = cells ? cells[g]! : all;
        if (rows.length === 0) continue;
        const free = spec.shiftStart + g * step;
        // what each next visit could add from this moment at most: reached by its shortest leg
        const next = ranked(ceiling, (j) => free + into[j]!, prev);
        const rested = lunchAfter(spec, free);
        const nextRested =
          after && rested < Infinity ? ranked(restedCeiling, (j) => rested + lunchInto[j]!, after) : [];
        for (const i of rows) {
          let best = base ? base[i * points + g]! : 0;
          // the table never grows with time: what a later moment reaches, this one reaches too
          if (!cells && g + 1 < points) best = Math.max(best, table[i * points + g + 1]!);
          for (const j of next) {
            if (ceiling[j]! <= best) break;
            const end = p.firstStart(valuable[j]!, r, free + legs[i * n + j]! + spec.setupMinutes) + service[j]!;
            if (end <= leave[j]!) best = Math.max(best, worth[valuable[j]!]! + prev[j * points + index(end)]!);
          }
          if (after && nextRested.length > 0) {
            const detoured = lunchAfter(spec, free + detour[i]!);
            for (const j of nextRested) {
              if (restedCeiling[j]! <= best) break;
              const arrival = Math.min(rested + legs[i * n + j]!, detoured + lunchInto[j]!);
              const end = p.firstStart(valuable[j]!, r, arrival + spec.setupMinutes) + service[j]!;
              if (end <= leave[j]!) best = Math.max(best, worth[valuable[j]!]! + after[j * points + index(end)]!);
            }
          }
          table[i * points + g] = best;
        }
      }
      return table;
    };
    // the deepest level, with maxVisits − 1 visits to come, is only read after a first visit (the
    // search checks the prefixes of one visit by afterFirst): only those moments are worked out
    const top = levels === this.maxVisits - 1 ? levels : Infinity;
    for (let k = 1; k <= levels; k++) {
      const last = k === top;
      done.push(level(done[k - 1]!, null, null, last ? sparse(lunch ? [firstRested] : [firstEnd, firstRested]) : null));
      if (lunch) pending.push(level(pending[k - 1]!, pending[0]!, done[k - 1]!, last ? sparse([firstEnd]) : null));
    }
    const open = lunch ? pending : done;
    // first[k][j]: at least the most k more visits add after a first visit of stop row j;
    // -Infinity when the stop cannot be the first visit
    const first = Array.from({ length: levels + 1 }, () => new Float64Array(n).fill(-Infinity));
    for (let j = 0; j < n; j++) {
      for (let k = 0; k <= levels; k++) {
        if (firstEnd[j]! >= 0) first[k]![j] = open[k]![j * points + firstEnd[j]!]!;
        if (firstRested[j]! >= 0) first[k]![j] = Math.max(first[k]![j]!, done[k]![j * points + firstRested[j]!]!);
      }
    }
    const roots = new Float64Array(levels + 2);
    for (let k = 1; k <= levels + 1; k++) {
      for (let j = 0; j < n; j++) roots[k] = Math.max(roots[k]!, worth[valuable[j]!]! + first[k - 1]![j]!);
    }
    return {
      root: (k) => (k <= 0 ? 0 : k > levels + 1 ? Infinity : roots[k]!),
      afterFirst: (s, k) => {
        if (k <= 0) return 0;
        if (k > levels || row[s]! < 0) return Infinity;
        return Math.max(0, first[k]![row[s]!]!);
      },
      at: (place, k, e0, e1) => {
        if (k <= 0) return 0;
        if (k > levels || k === top || row[place]! < 0) return Infinity;
        const i = row[place]! * points;
        const taken = e1 < Infinity ? done[k]![i + index(e1)]! : -Infinity;
        return Math.max(0, taken, open[k]![i + index(e0)]!);
      },
    };
  }

  /** Whether `stops` in this order make a feasible route of `r`: the search's test, then the exact scheduler. */
  feasibleOrder(stops: readonly number[]): boolean {
    if (this.probe.fits(this.r, 0, 1, stops, stops.length) >= 0) return true;
    // `fits` is exact but for the work span, which may reject a few feasible routes
    return this.p.hasWorkLimit[this.r] === 1 && scheduleSequence(this.p.inst, this.r, stops, this.schedule) !== null;
  }
}

/** The pinned visits of route r as `scheduleSequence` takes them. */
function pinsOf(inst: Instance, r: number): ScheduleOptions {
  const pinnedStarts = new Map<number, number>();
  const startRanges = new Map<number, readonly [number, number]>();
  for (const pin of inst.pinned) {
    if (pin.route !== r) continue;
    if (pin.latestStart === undefined || pin.latestStart === pin.start) pinnedStarts.set(pin.stop, pin.start);
    else startRanges.set(pin.stop, [pin.start, pin.latestStart]);
  }
  return { pinnedStarts, startRanges };
}

/** per Problem: the shortest leg out of and into each location, shared by the pricers of every class */
const shortestLegs = new WeakMap<Problem, { out: Float64Array; into: Float64Array }>();

function shortestLegsOf(p: Problem): { out: Float64Array; into: Float64Array } {
  let legs = shortestLegs.get(p);
  if (!legs) {
    const nl = p.nLoc;
    legs = { out: new Float64Array(nl).fill(Infinity), into: new Float64Array(nl).fill(Infinity) };
    for (let a = 0; a < nl; a++) {
      for (let b = 0; b < nl; b++) {
        if (a === b) continue;
        const t = p.travel[a * nl + b]!;
        if (t < legs.out[a]!) legs.out[a] = t;
        if (t < legs.into[b]!) legs.into[b] = t;
      }
    }
    shortestLegs.set(p, legs);
  }
  return legs;
}
