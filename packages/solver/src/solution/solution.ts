/**
 * The mutable search state: the stop sequence of every route (bus-day) with its timing caches
 * (see timing.ts), travel prefix sums, per-group visit counts (coverage is a union: a group's
 * value depends only on how many visits its covering stops receive in total) and, per stop, the
 * routes that visit it (for the horizon rules: once per day, max visits, min days between).
 *
 * Every change goes through insert/removeAt/setRoute, which refresh the caches of the one route
 * touched (O(route length)) and give it a new version; every feasibility question is answered
 * from the caches by `fits` in O(changed stops) plus, only on routes with a finite work limit, an
 * O(route length) span check. Versions make copies O(changed routes): two solutions whose route
 * r has the same version have the same sequence and caches there.
 */
import type { Problem } from "./problem.js";
import { backwardPass, forwardPass, workSpan } from "./timing.js";
import { PlacementMemo } from "../construction/placementMemo.js";

/** Versions are drawn from one counter for all solutions, so equal versions mean equal routes (exact integers in a double up to 2^53). */
let nextVersion = 1;

export class Solution {
  readonly p: Problem;
  /** stops of each route, in visiting order */
  readonly seq: number[][];
  readonly ef0: Float64Array[];
  readonly ef1: Float64Array[];
  readonly la0: Float64Array[];
  readonly la1: Float64Array[];
  /** ct[r][k] = driving minutes from the depot to position k */
  readonly ct: Float64Array[];
  /** per route: minutes parked for service (setup + dwell + pack-up of every visit) */
  readonly busy: Float64Array;
  /** per group: visits of stops covering it */
  readonly counts: Int32Array;
  /** per stop: routes visiting it */
  readonly visitRoutes: number[][];
  /** per route: the version of its sequence (new on every change, carried by copies) */
  readonly version: Float64Array;
  /** index of each stop in each route visiting it, at stop * nRoutes + route (stale elsewhere) */
  private readonly position: Int32Array;
  /** insertion costs by route version, shared by the solutions cloned from one another */
  readonly placements: PlacementMemo | null;
  value = 0;
  travel = 0;
  private readonly scratch: Float64Array[] = [new Float64Array(8), new Float64Array(8)];
  private buffer: number[] = [];
  /** copyFrom's and setRoute's scratch: the stops of the routes copied, and a mark per stop */
  private readonly touchedStops: number[] = [];
  private readonly stopMark: Uint8Array;
  /** travel of each route as last added into `travel` */
  private readonly lastTravel: Float64Array;

  /** `placements`: the memo to share (clone), null for a probe that must not pollute it */
  constructor(p: Problem, placements: PlacementMemo | null = new PlacementMemo(p.nStops, p.nRoutes)) {
    this.p = p;
    this.placements = placements;
    this.version = new Float64Array(p.nRoutes);
    const R = p.nRoutes;
    this.seq = Array.from({ length: R }, () => []);
    this.ef0 = Array.from({ length: R }, () => new Float64Array(8));
    this.ef1 = Array.from({ length: R }, () => new Float64Array(8));
    this.la0 = Array.from({ length: R }, () => new Float64Array(8));
    this.la1 = Array.from({ length: R }, () => new Float64Array(8));
    this.ct = Array.from({ length: R }, () => new Float64Array(8));
    this.counts = new Int32Array(p.inst.groupValue.length);
    this.visitRoutes = Array.from({ length: p.nStops }, () => []);
    this.lastTravel = new Float64Array(R);
    this.busy = new Float64Array(R);
    this.stopMark = new Uint8Array(p.nStops);
    this.position = new Int32Array(p.nStops * R);
    for (let r = 0; r < R; r++) this.refresh(r);
  }

  /** a deep copy sharing the Problem and the placement memo */
  clone(): Solution {
    const s = new Solution(this.p, this.placements);
    s.copyFrom(this);
    return s;
  }

  /**
   * Overwrite this state with `o` (same Problem), reusing buffers. Only the routes whose version
   * differs are copied (their sequences and caches), and only the visit lists and group counts
   * of the stops on those routes: O(changed routes), not O(all routes + all stops).
   */
  copyFrom(o: Solution): void {
    const touched = this.touchedStops;
    touched.length = 0;
    const mark = this.stopMark;
    const markStop = (v: number): void => {
      if (!mark[v]) {
        mark[v] = 1;
        touched.push(v);
      }
    };
    for (let r = 0; r < this.seq.length; r++) {
      if (this.version[r] === o.version[r]) continue;
      const src = o.seq[r]!;
      const dst = this.seq[r]!;
      for (const v of dst) markStop(v);
      for (const v of src) markStop(v);
      dst.length = 0;
      for (const v of src) dst.push(v);
      this.copyCaches(o, r);
    }
    const inst = this.p.inst;
    for (const s of touched) {
      mark[s] = 0;
      const a = o.visitRoutes[s]!;
      const b = this.visitRoutes[s]!;
      b.length = 0;
      for (const x of a) b.push(x);
      for (let k = inst.stopGroupOffset[s]!; k < inst.stopGroupOffset[s + 1]!; k++) {
        const g = inst.stopGroups[k]!;
        this.counts[g] = o.counts[g]!;
      }
    }
    this.value = o.value;
    this.travel = o.travel;
  }

  /** route r's caches and version from `o` (whose sequence this route now holds) */
  private copyCaches(o: Solution, r: number): void {
    const n = o.seq[r]!.length;
    if (this.ef0[r]!.length < n + 2) {
      const size = o.ef0[r]!.length;
      this.ef0[r] = new Float64Array(size);
      this.ef1[r] = new Float64Array(size);
      this.la0[r] = new Float64Array(size);
      this.la1[r] = new Float64Array(size);
      this.ct[r] = new Float64Array(size);
    }
    this.ef0[r]!.set(o.ef0[r]!.subarray(0, n + 2));
    this.ef1[r]!.set(o.ef1[r]!.subarray(0, n + 2));
    this.la0[r]!.set(o.la0[r]!.subarray(0, n + 2));
    this.la1[r]!.set(o.la1[r]!.subarray(0, n + 2));
    this.ct[r]!.set(o.ct[r]!.subarray(0, n + 2));
    this.busy[r] = o.busy[r]!;
    this.lastTravel[r] = o.lastTravel[r]!;
    this.version[r] = o.version[r]!;
    this.indexStops(r);
  }

  /** index in route r's sequence of `stop`, which route r visits (O(1)) */
  indexIn(stop: number, r: number): number {
    return this.position[stop * this.p.nRoutes + r]!;
  }

  private indexStops(r: number): void {
    const s = this.seq[r]!;
    const R = this.p.nRoutes;
    for (let k = 0; k < s.length; k++) this.position[s[k]! * R + r] = k;
  }

  /** location at position k of route r (0 and n+1 are the depot) */
  loc(r: number, k: number): number {
    const s = this.seq[r]!;
    return k === 0 || k === s.length + 1 ? this.p.inst.routes[r]!.depot : s[k - 1]!;
  }

  /** recompute the caches of route r after its sequence changed */
  refresh(r: number): void {
    const p = this.p;
    const s = this.seq[r]!;
    const n = s.length;
    if (this.ef0[r]!.length < n + 2) {
      const size = Math.max(2 * (n + 2), 8);
      this.ef0[r] = new Float64Array(size);
      this.ef1[r] = new Float64Array(size);
      this.la0[r] = new Float64Array(size);
      this.la1[r] = new Float64Array(size);
      this.ct[r] = new Float64Array(size);
    }
    forwardPass(p, r, s, n, this.ef0[r]!, this.ef1[r]!);
    backwardPass(p, r, s, n, p.inst.routes[r]!.shiftEnd, this.la0[r]!, this.la1[r]!);
    const ct = this.ct[r]!;
    let prev = p.inst.routes[r]!.depot;
    ct[0] = 0;
    let busy = 0;
    for (const v of s) busy += p.inst.dwell[v]! + p.inst.routes[r]!.setupMinutes + p.inst.routes[r]!.packupMinutes;
    this.busy[r] = busy;
    for (let k = 1; k <= n + 1; k++) {
      const v = k <= n ? s[k - 1]! : p.inst.routes[r]!.depot;
      ct[k] = ct[k - 1]! + p.t(prev, v);
      prev = v;
    }
    this.travel += ct[n + 1]! - this.lastTravel[r]!;
    this.lastTravel[r] = ct[n + 1]!;
    this.version[r] = nextVersion++;
    this.indexStops(r);
  }

  /**
   * Make route r of this probe hold `stops` to evaluate moves on that sequence with `fits` and
   * the placement functions; the visit lists, counts and value are left alone. Only for a probe
   * (a Solution made with a null memo), never for the search's own state.
   */
  probeRoute(r: number, stops: ArrayLike<number>, n: number): void {
    const s = this.seq[r]!;
    s.length = 0;
    for (let k = 0; k < n; k++) s.push(stops[k]!);
    this.refresh(r);
  }

  /** driving minutes of route r */
  routeTravel(r: number): number {
    return this.ct[r]![this.seq[r]!.length + 1]!;
  }

  /**
   * Travel minutes of the sequence that replaces positions i+1..j-1 of route r by `mid[0..m-1]`,
   * if the resulting route is feasible (windows, shift, lunch, drive and work limits); -1 if not.
   * The travel delta of the move is the result minus ct[j] + ct[i].
   */
  fits(r: number, i: number, j: number, mid: ArrayLike<number>, m: number): number {
    const p = this.p;
    const spec = p.inst.routes[r]!;
    const setup = spec.setupMinutes;
    const after = spec.packupMinutes;
    const dwell = p.inst.dwell;
    const ef0 = this.ef0[r]!;
    const ef1 = this.ef1[r]!;
    let e0 = ef0[i]!;
    let e1 = ef1[i]!;
    let prev = this.loc(r, i);
    let part = 0;
    if (!spec.lunch) {
      // without a break both states are one (ef1 = ef0, la1 = la0): one propagation suffices
      for (let q = 0; q < m; q++) {
        const v = mid[q]!;
        const tt = p.t(prev, v);
        part += tt;
        e0 = p.firstStart(v, r, e0 + tt + setup) + dwell[v]! + after;
        if (e0 === Infinity) return -1;
        prev = v;
      }
      e1 = e0;
    } else {
      for (let q = 0; q < m; q++) {
        const v = mid[q]!;
        const tt = p.t(prev, v);
        part += tt;
        const n0 = p.firstStart(v, r, e0 + tt + setup) + dwell[v]! + after;
        const n1 = p.firstStart(v, r, e1 + tt + setup) + dwell[v]! + after;
        if (n1 === Infinity && n0 === Infinity) return -1;
        e0 = n0;
        e1 = Math.min(n1, lunchAfterFast(spec.lunch, n0));
        if (e1 === Infinity) return -1;
        prev = v;
      }
    }
    const next = this.loc(r, j);
    const tt = p.t(prev, next);
    part += tt;
    if (!(e0 + tt <= this.la1[r]![j]! || e1 + tt <= this.la0[r]![j]!)) return -1;
    const ct = this.ct[r]!;
    const n = this.seq[r]!.length;
    if (spec.maxDriveMinutes !== Infinity && ct[n + 1]! - ct[j]! + ct[i]! + part > spec.maxDriveMinutes) return -1;
    if (p.hasWorkLimit[r]) {
      const seq = this.seq[r]!;
      // O(1) lower bound first: driving, parked service and the break all count as work
      let busy = this.busy[r]!;
      for (let k = i; k < j - 1; k++) busy -= dwell[seq[k]!]! + setup + after;
      for (let q = 0; q < m; q++) busy += dwell[mid[q]!]! + setup + after;
      const lower = busy + ct[n + 1]! - ct[j]! + ct[i]! + part + (spec.lunch ? spec.lunch.minutes : 0);
      if (lower > spec.maxWorkMinutes) return -1;
      const buf = this.buffer;
      buf.length = 0;
      for (let k = 0; k < i; k++) buf.push(seq[k]!);
      for (let q = 0; q < m; q++) buf.push(mid[q]!);
      for (let k = j - 1; k < n; k++) buf.push(seq[k]!);
      if (this.scratch[0]!.length < buf.length + 2)
        this.scratch.splice(0, 2, new Float64Array(2 * buf.length + 4), new Float64Array(2 * buf.length + 4));
      if (!(workSpan(p, r, buf, buf.length, this.scratch) <= spec.maxWorkMinutes)) return -1;
    }
    return part;
  }

  /** whether one more visit of `stop` on route r keeps the horizon rules (ignoring route `except`) */
  canVisit(stop: number, r: number, except = -1): boolean {
    const p = this.p;
    const inst = p.inst;
    if (!inst.allowed[stop * p.nRoutes + r]) return false;
    const visits = this.visitRoutes[stop]!;
    if (visits.length === 0) return true;
    let count = 1;
    const day = inst.routes[r]!.day;
    const dayNumber = inst.dayNumbers[day]!;
    const gap = inst.minDaysBetween[stop]!;
    for (const r2 of visits) {
      if (r2 === except) continue;
      count++;
      const d2 = inst.routes[r2]!.day;
      if (d2 === day) return false;
      if (gap > 0 && Math.abs(inst.dayNumbers[d2]! - dayNumber) < gap) return false;
    }
    return count <= inst.maxVisits[stop]!;
  }

  /** put `stop` at index `idx` of route r's sequence */
  insert(r: number, idx: number, stop: number): void {
    this.seq[r]!.splice(idx, 0, stop);
    this.addVisit(stop, r);
    this.refresh(r);
  }

  /** remove the stop at index `idx` of route r's sequence and return it */
  removeAt(r: number, idx: number): number {
    const stop = this.seq[r]!.splice(idx, 1)[0]!;
    this.dropVisit(stop, r);
    this.refresh(r);
    return stop;
  }

  /**
   * Replace route r's whole sequence. Only the visits that leave or join the route change the
   * counts and the value: a reordering (or-opt, 2-opt) or a swap with another route changes
   * one or two visits' worth, not every visit's twice.
   */
  setRoute(r: number, stops: readonly number[]): void {
    const s = this.seq[r]!;
    const mark = this.stopMark;
    for (const v of stops) mark[v]!++;
    for (const v of s) {
      if (mark[v]! > 0) mark[v]!--;
      else this.dropVisit(v, r);
    }
    s.length = 0;
    for (const v of stops) s.push(v);
    for (const v of stops) {
      if (mark[v]! > 0) {
        mark[v]!--;
        this.addVisit(v, r);
      }
    }
    this.refresh(r);
  }

  private addVisit(stop: number, r: number): void {
    this.value += this.p.addGain(stop, this.counts);
    const inst = this.p.inst;
    for (let k = inst.stopGroupOffset[stop]!; k < inst.stopGroupOffset[stop + 1]!; k++)
      this.counts[inst.stopGroups[k]!]!++;
    this.visitRoutes[stop]!.push(r);
  }

  private dropVisit(stop: number, r: number): void {
    this.value -= this.p.removeLoss(stop, this.counts);
    const inst = this.p.inst;
    for (let k = inst.stopGroupOffset[stop]!; k < inst.stopGroupOffset[stop + 1]!; k++)
      this.counts[inst.stopGroups[k]!]!--;
    const list = this.visitRoutes[stop]!;
    const at = list.indexOf(r);
    if (at >= 0) list.splice(at, 1);
  }

  /** value recomputed from scratch (guards against drift of the incremental sum) */
  recomputeValue(): number {
    const inst = this.p.inst;
    const vv = inst.visitValues;
    let total = 0;
    for (let g = 0; g < this.counts.length; g++) {
      let sum = 0;
      for (let k = 0; k < this.counts[g]!; k++) sum += vv[Math.min(k, vv.length - 1)]!;
      total += inst.groupValue[g]! * sum;
    }
    return total;
  }
}

function lunchAfterFast(l: { start: number; end: number; minutes: number }, x: number): number {
  const b = Math.max(x, l.start);
  return b + l.minutes <= l.end ? b + l.minutes : Infinity;
}
