/**
 * Route timing by forward earliest / backward latest propagation (Savelsbergh 1992), kept in two
 * states so that the lunch break is handled exactly: state 0 = break still to take, state 1 =
 * break already taken (the break can only sit where the bus is parked, so it is a choice of
 * position, and the earliest/latest times per state are monotone).
 *
 * Multiple windows per stop: waiting is free, so the set of service starts from which the rest
 * of a route is feasible is downward closed; it is summarised by one number, the latest feasible
 * start, which always lies inside a window. Arriving at time a is then feasible iff
 * a + setup <= latest start (the first window point >= a + setup is <= it). So one earliest and
 * one latest number per position and state suffice, and checking a changed sequence costs
 * O(number of stops that changed), O(1) for an insertion or a removal.
 *
 * Arrays are indexed by position: 0 = leaving the depot, 1..n = the stops, n+1 = back at the depot.
 *  ef0[k], ef1[k]  earliest moment the bus is ready to drive on from position k (pack-up done),
 *                  with the break still pending (0) or already taken (1); at n+1: earliest return
 *                  (0) and earliest end of work including a break after returning (1).
 *  la0[k], la1[k]  latest arrival at position k (before setup) such that k..end is feasible,
 *                  break already taken (0) or still to take at/after k (1); at 0: latest
 *                  departure (0) and latest start of work (1); at n+1: latest return.
 */
import { lunchAfter, lunchBefore, type Problem } from "./problem.js";
import { TIME_TOLERANCES } from "../timeTolerance.js";

/** Fills ef0/ef1 for route `r` visiting `seq[0..n-1]` (arrays of length >= n+2). */
export function forwardPass(
  p: Problem,
  r: number,
  seq: ArrayLike<number>,
  n: number,
  ef0: Float64Array,
  ef1: Float64Array,
): void {
  const spec = p.inst.routes[r]!;
  const setup = spec.setupMinutes;
  const after = spec.packupMinutes;
  const dwell = p.inst.dwell;
  let prev = spec.depot;
  ef0[0] = spec.shiftStart;
  ef1[0] = lunchAfter(spec, spec.shiftStart);
  for (let k = 1; k <= n; k++) {
    const v = seq[k - 1]!;
    const tt = p.t(prev, v);
    const e0 = p.firstStart(v, r, ef0[k - 1]! + tt + setup) + dwell[v]! + after;
    const e1 = p.firstStart(v, r, ef1[k - 1]! + tt + setup) + dwell[v]! + after;
    const l = lunchAfter(spec, e0);
    ef0[k] = e0;
    ef1[k] = Math.min(e1, l);
    prev = v;
  }
  const tt = p.t(prev, spec.depot);
  ef0[n + 1] = ef0[n]! + tt;
  const e1 = ef1[n]! + tt;
  const l = lunchAfter(spec, ef0[n + 1]!);
  ef1[n + 1] = Math.min(e1, l);
}

/** Fills la0/la1 for route `r` visiting `seq[0..n-1]`, with work ending no later than `end`. */
export function backwardPass(
  p: Problem,
  r: number,
  seq: ArrayLike<number>,
  n: number,
  end: number,
  la0: Float64Array,
  la1: Float64Array,
): void {
  const spec = p.inst.routes[r]!;
  const setup = spec.setupMinutes;
  const after = spec.packupMinutes;
  const dwell = p.inst.dwell;
  la0[n + 1] = end;
  la1[n + 1] = lunchBefore(spec, end);
  let next = spec.depot;
  for (let k = n; k >= 1; k--) {
    const v = seq[k - 1]!;
    const tt = p.t(v, next);
    const r0 = la0[k + 1]! - tt;
    const d1 = la1[k + 1]! - tt;
    const l = lunchBefore(spec, r0);
    const r1 = Math.max(d1, l);
    la0[k] = p.lastStart(v, r, r0 - dwell[v]! - after) - setup;
    la1[k] = p.lastStart(v, r, r1 - dwell[v]! - after) - setup;
    next = v;
  }
  const tt = p.t(spec.depot, next);
  la0[0] = la0[1]! - tt;
  const d1 = la1[1]! - tt;
  const l = lunchBefore(spec, la0[0]!);
  la1[0] = Math.max(d1, l);
}

/**
 * Minutes of work of the sequence when the bus returns as early as possible and leaves as late
 * as that return allows (a valid schedule, so the limit check it supports never accepts an
 * infeasible route; with gaps between windows it may reject a few feasible ones). Infinity when
 * the sequence is infeasible.
 */
export function workSpan(p: Problem, r: number, seq: ArrayLike<number>, n: number, scratch: Float64Array[]): number {
  const [a, b] = scratch as [Float64Array, Float64Array];
  forwardPass(p, r, seq, n, a, b);
  const endOfWork = b[n + 1]!;
  if (!(endOfWork <= p.inst.routes[r]!.shiftEnd)) return Infinity;
  backwardPass(p, r, seq, n, endOfWork + TIME_TOLERANCES.scheduleSlack, a, b);
  return endOfWork - b[0]!;
}
