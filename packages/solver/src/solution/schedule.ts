/**
 * Turns a feasible stop sequence into clock times (a SolvedRoute): the bus returns as early as
 * possible, leaves as late as that return allows (so waiting happens at the depot, not on the
 * road, and the working span is short), starts each service as early as possible from there,
 * and takes the break at the first parked moment after the lunch window opens from which the
 * rest still fits — or at the last moment it can, if the window opens later than that.
 */
import type { SolvedRoute, RouteVisit } from "../instance/instance.js";
import { SolverError } from "../errors.js";
import type { Problem } from "./problem.js";
import { backwardPass, forwardPass } from "./timing.js";
import { TIME_TOLERANCES } from "../timeTolerance.js";

/** minutes of float slack between the backward bounds and the forward times (below the grid) */
const SLACK = TIME_TOLERANCES.scheduleSlack;
/** departures are reported on this grid, which lies below the checker's tolerance (timeTolerance.ts) */
const GRID = TIME_TOLERANCES.scheduleGrid;

/**
 * Clock times of route r visiting `seq`.
 * @throws SolverError (CAREBUS_SOLVER_INTERNAL) when the sequence is infeasible
 */
export function scheduleRoute(p: Problem, r: number, seq: readonly number[]): SolvedRoute {
  const spec = p.inst.routes[r]!;
  const n = seq.length;
  const ef0 = new Float64Array(n + 2);
  const ef1 = new Float64Array(n + 2);
  forwardPass(p, r, seq, n, ef0, ef1);
  const endOfWork = ef1[n + 1]!;
  if (!(endOfWork <= spec.shiftEnd)) {
    throw new SolverError(
      "CAREBUS_SOLVER_INTERNAL",
      `route ${r} is infeasible: work ends at ${endOfWork} after shift end ${spec.shiftEnd}`,
    );
  }
  const la0 = new Float64Array(n + 2);
  const la1 = new Float64Array(n + 2);
  // a hair of slack: the backward differences of forward sums may fall an ulp short of a window
  backwardPass(p, r, seq, n, endOfWork + SLACK, la0, la1);
  const lunch = spec.lunch;
  const visits: RouteVisit[] = [];
  let placed: { start: number; afterVisits: number } | null = null;
  let pending = lunch !== null;
  // leaving the depot: `ready` is when the bus can drive off
  let ready = spec.shiftStart;
  if (n > 0) {
    const t0 = p.t(spec.depot, seq[0]!);
    const deferred = (pending ? la1[1]! : la0[1]!) - t0;
    if (!pending || deferred >= la1[0]! - TIME_TOLERANCES.engineDust) {
      ready = Math.max(snap(deferred - SLACK, p.inst.timeGrid), spec.shiftStart);
    } else {
      // the break fits only (or best) at the depot before leaving
      const b = Math.max(snap(la1[0]! - SLACK, p.inst.timeGrid), spec.shiftStart, lunch!.start);
      placed = { start: b, afterVisits: 0 };
      pending = false;
      ready = b + lunch!.minutes;
    }
  } else if (pending) {
    placed = { start: Math.max(spec.shiftStart, lunch!.start), afterVisits: 0 };
    pending = false;
    ready = placed.start + lunch!.minutes;
  }
  const departure = ready;
  let prev = spec.depot;
  for (let k = 1; k <= n; k++) {
    const v = seq[k - 1]!;
    const start = startAt(p, r, v, ready + p.t(prev, v) + spec.setupMinutes);
    visits.push({ stop: v, start });
    ready = start + p.inst.dwell[v]! + spec.packupMinutes;
    prev = v;
    if (pending) {
      const next = k < n ? seq[k]! : spec.depot;
      const tt = p.t(v, next);
      const b = Math.max(ready, lunch!.start);
      const resume = b + lunch!.minutes <= lunch!.end + GRID ? b + lunch!.minutes : Infinity;
      const canTakeNow = resume + tt <= la0[k + 1]! + GRID;
      const canDefer = ready + tt <= la1[k + 1]! + GRID;
      const atEnd = k === n;
      if (canTakeNow && (!canDefer || (!atEnd && ready >= lunch!.start))) {
        placed = { start: resume - lunch!.minutes, afterVisits: k };
        pending = false;
        ready = resume;
      }
    }
  }
  if (pending && n > 0) {
    const back = ready + p.t(prev, spec.depot);
    placed = { start: Math.max(back, lunch!.start), afterVisits: n };
  }
  return { departure, visits, lunch: placed };
}

/**
 * x on the schedule grid (removes the float dust of backward differences); rounded down when
 * starts fall on a time grid, where a moment past the latest one would miss a grid point
 */
function snap(x: number, timeGrid: number | undefined): number {
  return (timeGrid ? Math.floor(x / GRID) : Math.round(x / GRID)) * GRID;
}

/**
 * Service start for an arrival (setup included) at `time`: as early as a window allows, where a
 * time past a window's close by less than the grid still counts as inside it (float dust);
 * a visit pinned to one minute starts at that minute (a pinned range is a window like the
 * others). On a time grid the start is the grid point the
 * timing passes chose (their rounding already forgives the dust).
 */
function startAt(p: Problem, r: number, v: number, time: number): number {
  const pin = p.pinnedStart.size > 0 ? p.pinnedStart.get(v * p.nRoutes + r) : undefined;
  if (pin !== undefined && pin.lo === pin.hi) return pin.lo;
  if (p.inst.timeGrid) return p.firstStart(v, r, time);
  const s = p.firstStart(v, r, time - GRID);
  return Math.max(s, time);
}
