/**
 * Pricing for the route relaxation (routeBound.ts): given a worth per stop, the feasible
 * bus-day routes of one route class whose stops are worth the most. Exact by depth-first
 * enumeration of stop orders, cut three ways, each valid for every extension of a prefix: the
 * prefix's earliest times (waiting only delays, so a prefix that misses a window or the lunch
 * stays infeasible), its driving and its busy minutes (only grow), and the worth still
 * reachable (the prefix plus the best worths that could still fit, a cardinality taken from the
 * cheapest service times). Each route found is confirmed with the search's own `fits` and, when
 * that rejects it only for the work limit (its span test may reject a few feasible routes), with
 * the exact `scheduleSequence`, so every feasible route is priced.
 */
import type { Instance } from "../instance/instance.js";
import { lunchAfter, lunchBefore, type Problem } from "../solution/problem.js";
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
   * `exact`, else the completion table's bound on it (Infinity when the table cannot say)
   */
  best: number;
  /** false when the node budget ran out before every route was examined or cut */
  exact: boolean;
}

/** Visits the completion table of `price` looks ahead (beyond, only the plain best worths bound). */
const AHEAD_VISITS = 6;

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
  private readonly p: Problem;
  private readonly probe: Solution;
  private readonly schedule: ScheduleOptions;

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
  }

  /**
   * The routes worth more than `threshold` (by `worth[s]` per stop), at most `limit` of them;
   * `nodeBudget` caps the orders examined.
   */
  price(worth: Float64Array, threshold: number, limit: number, nodeBudget: number): PricingResult {
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
    const ahead = this.aheadTable(worth);
    const extend = (place: number, e0: number, e1: number, drive: number, busy: number, sum: number): void => {
      const depth = seq.length;
      const more = room(e0, depth);
      if (more <= 0 || sum + ahead(more, e0) <= bar) return;
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
        if (nextSum <= bar && nextSum + ahead(more - 1, n0) <= bar) continue;
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
    // an unfinished search still bounds the best route by the relaxation of its completion table
    if (!exact) best = Math.max(best, ahead(K, spec.shiftStart));
    return { routes: found.map(({ stops, worth: w }) => ({ stops, worth: w })), best, exact };
  }

  /**
   * `(k, time) => ` the most `k` more visits could add once the bus is free at `time`, from a
   * relaxation that drops driving, the lunch and the rule that a stop is visited once (all of
   * which only remove or delay routes): a table over the time grid, each entry the best next
   * visit's worth plus the table at the moment that visit is packed up. A moment between grid
   * points reads the earlier point, which can only do more. Infinity past AHEAD_VISITS visits.
   */
  private aheadTable(worth: Float64Array): (k: number, time: number) => number {
    const p = this.p;
    const spec = p.inst.routes[this.r]!;
    const span = spec.shiftEnd - spec.shiftStart;
    const depth = Math.min(this.maxVisits, AHEAD_VISITS);
    if (!Number.isFinite(span) || span < 0 || depth === 0) return (k) => (k <= 0 ? 0 : Infinity);
    const step = p.inst.timeGrid || span / 120;
    const points = Math.floor(span / step + 1e-9) + 1;
    const index = (time: number) => Math.min(points - 1, Math.floor((time - spec.shiftStart) / step + 1e-9));
    const table = new Float64Array((depth + 1) * points);
    const valuable = Array.from(this.candidates).filter((s) => worth[s]! > 0);
    for (let k = 1; k <= depth; k++) {
      for (let i = 0; i < points; i++) {
        const free = spec.shiftStart + i * step;
        let best = 0;
        for (const s of valuable) {
          const end = p.firstStart(s, this.r, free + spec.setupMinutes) + p.inst.dwell[s]! + spec.packupMinutes;
          if (!(end <= spec.shiftEnd)) continue;
          best = Math.max(best, worth[s]! + table[(k - 1) * points + index(end)]!);
        }
        table[k * points + i] = best;
      }
    }
    return (k, time) => {
      if (k <= 0) return 0;
      if (k > depth) return Infinity;
      return time < spec.shiftStart ? table[k * points]! : table[k * points + index(time)]!;
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
