/**
 * solve(): wiring only — problem facts → start solution (pinned visits, warm start or greedy
 * construction) → local search → iterated local search → clock times. Every phase polls the
 * same stop test (time limit, cancellation), so `timeLimitMs` bounds the whole call.
 */
import type { Instance, SolvedRoute } from "./instance/instance.js";
import { SolverError } from "./errors.js";
import { createRng } from "./random.js";
import { Problem } from "./solution/problem.js";
import { Solution } from "./solution/solution.js";
import { scheduleRoute } from "./solution/schedule.js";
import { greedyInsert } from "./construction/greedyInsertion.js";
import { localSearch, type SearchContext } from "./search/localSearch.js";
import { iteratedLocalSearch } from "./metaheuristic/ils.js";
import type { MipSolver } from "./exact/highs.js";

/** Progress of a running solve. */
export interface Progress {
  /** best value so far */
  value: number;
  /** the known upper bound passed in SolveOptions.bound, or null */
  bound: number | null;
  elapsedMs: number;
  iterations: number;
}

/** Options of {@link solve}. */
export interface SolveOptions {
  /** seed of the random generator; default 1 */
  seed?: number;
  /** wall-clock budget for the whole call, construction included; default 10 000 ms */
  timeLimitMs?: number;
  /** deterministic stop: with a seed, the same limit gives the same result */
  iterationLimit?: number;
  /** polled often; return true to stop and get the best plan so far */
  isCancelled?: () => boolean;
  /** called on each new best and at least every ~250 ms */
  onProgress?: (p: Progress) => void;
  /** a known upper bound on the value: echoed in progress, and the search stops when reached */
  bound?: number;
  /** warm start (re-planning): one route per instance route; must be feasible */
  initial?: SolvedRoute[];
  /**
   * a loaded MIP solver (`await loadMipSolver()`): the search then also recombines the best
   * routes it has seen (metaheuristic/routePool.ts); without it that step is skipped
   */
  mipSolver?: MipSolver;
}

/** Outcome of {@link solve}. */
export interface SolveResult {
  /** one per instance.routes entry, same order */
  routes: SolvedRoute[];
  value: number;
  travelMinutes: number;
  iterations: number;
  elapsedMs: number;
  timeToBestMs: number;
  /** value right after construction (the final value is never lower) */
  constructionValue: number;
  stoppedBy: "time" | "iterations" | "cancelled" | "bound";
}

/**
 * Plans the routes of an instance: maximise value, then minimise travel.
 * @throws SolverError CAREBUS_SOLVER_INFEASIBLE_START when pinned visits or the warm start are infeasible
 * @example const result = solve(readToptw(text, { name: "c101", vehicles: 1 }), { iterationLimit: 1000 });
 */
export function solve(instance: Instance, options: SolveOptions = {}): SolveResult {
  const t0 = performance.now();
  const elapsed = (): number => performance.now() - t0;
  const timeLimitMs = options.timeLimitMs ?? 10_000;
  const iterationLimit = options.iterationLimit ?? Infinity;
  const bound = options.bound ?? null;
  let stoppedBy: SolveResult["stoppedBy"] | null = null;
  let polls = 0;
  const shouldStop = (): boolean => {
    if (stoppedBy) return true;
    // the clock only stops the search; it never steers it
    if ((polls++ & 7) !== 0) return false;
    if (options.isCancelled?.()) stoppedBy = "cancelled";
    else if (elapsed() >= timeLimitMs) stoppedBy = "time";
    return stoppedBy !== null;
  };
  const rng = createRng(options.seed ?? 1);
  const p = new Problem(instance);
  const pinnedSet = new Set<number>();
  for (const pin of instance.pinned) pinnedSet.add(pin.stop * p.nRoutes + pin.route);
  const ctx: SearchContext = {
    rng,
    symmetric: isSymmetric(instance),
    isPinned: (stop, r) => pinnedSet.size > 0 && pinnedSet.has(stop * p.nRoutes + r),
    shouldStop,
    alpha: 2,
  };

  const sol = new Solution(p);
  placePinned(sol, instance, options.initial);
  if (options.initial) loadInitial(sol, options.initial);
  const open: number[] = [];
  for (let s = 0; s < p.nStops; s++) if (p.servable[s]) open.push(s);
  greedyInsert(sol, open, { rng, noise: 0, alpha: 2, shouldStop });
  const constructionValue = sol.value;
  let timeToBestMs = elapsed();
  let lastReport = elapsed();
  const report = (value: number, iterations: number): void => {
    lastReport = elapsed();
    options.onProgress?.({ value, bound, elapsedMs: lastReport, iterations });
  };
  report(sol.value, 0);
  const reachedBound = (value: number): boolean => {
    if (bound !== null && value >= bound - 1e-9) {
      stoppedBy ??= "bound";
      return true;
    }
    return false;
  };
  const all = Array.from({ length: p.nRoutes }, (_, r) => r);
  if (!shouldStop() && iterationLimit > 0) localSearch(sol, all, open, ctx);
  let best = sol;
  let iterations = 0;
  if (sol.value > constructionValue) {
    timeToBestMs = elapsed();
    report(sol.value, 0);
  }
  if (!shouldStop() && !reachedBound(sol.value) && iterationLimit > 0) {
    const result = iteratedLocalSearch(sol, {
      ctx,
      rng,
      maxIterations: iterationLimit,
      reachedBound,
      ...(options.mipSolver ? { mipSolver: options.mipSolver } : {}),
      secondsLeft: () => (timeLimitMs - elapsed()) / 1000,
      onBest: (b, iteration) => {
        timeToBestMs = elapsed();
        report(b.value, iteration);
      },
      onIteration: (iteration) => {
        if (options.onProgress && (iteration & 15) === 0 && elapsed() - lastReport >= 250) report(sol.value, iteration);
      },
    });
    best = result.best;
    iterations = result.iterations;
    if (result.outOfTime) stoppedBy ??= "time";
  }
  reachedBound(best.value);
  const routes = best.seq.map((seq, r) => scheduleRoute(p, r, seq));
  return {
    routes,
    value: best.recomputeValue(),
    travelMinutes: best.travel,
    iterations,
    elapsedMs: elapsed(),
    timeToBestMs,
    constructionValue,
    stoppedBy: stoppedBy ?? "iterations",
  };
}

function isSymmetric(inst: Instance): boolean {
  const n = inst.nLocations;
  for (let a = 0; a < n; a++)
    for (let b = a + 1; b < n; b++) if (inst.travel[a * n + b] !== inst.travel[b * n + a]) return false;
  return true;
}

/** Pinned visits in their routes: in the warm start's order when it has them, else by start. */
function placePinned(sol: Solution, inst: Instance, initial?: readonly SolvedRoute[]): void {
  const byRoute = new Map<number, { stop: number; start: number }[]>();
  for (const pin of inst.pinned) {
    if (pin.route < 0 || pin.route >= inst.routes.length || pin.stop < 0 || pin.stop >= inst.nStops) {
      throw new SolverError(
        "CAREBUS_SOLVER_INFEASIBLE_START",
        `pinned visit of stop ${pin.stop} on route ${pin.route} is out of range`,
      );
    }
    const list = byRoute.get(pin.route) ?? [];
    list.push(pin);
    byRoute.set(pin.route, list);
  }
  for (const [r, pins] of byRoute) {
    const order = new Map(initial?.[r]?.visits.map((v, i) => [v.stop, i]));
    pins.sort((a, b) => (order.get(a.stop) ?? Infinity) - (order.get(b.stop) ?? Infinity) || a.start - b.start);
    for (const pin of pins) {
      if (!sol.canVisit(pin.stop, r)) {
        throw new SolverError(
          "CAREBUS_SOLVER_INFEASIBLE_START",
          `pinned visit of stop ${pin.stop} on route ${r} breaks the allowed/day/visit-count rules`,
        );
      }
    }
    sol.setRoute(
      r,
      pins.map((pin) => pin.stop),
    );
    if (!isFeasible(sol, r)) {
      throw new SolverError(
        "CAREBUS_SOLVER_INFEASIBLE_START",
        `the pinned visits of route ${r} cannot all be kept (times, shift, lunch or limits)`,
      );
    }
  }
}

function loadInitial(sol: Solution, initial: readonly SolvedRoute[]): void {
  const p = sol.p;
  if (initial.length !== p.nRoutes) {
    throw new SolverError(
      "CAREBUS_SOLVER_INFEASIBLE_START",
      `initial has ${initial.length} routes, the instance ${p.nRoutes}`,
    );
  }
  initial.forEach((route, r) => {
    const pinnedHere = new Set(sol.seq[r]!);
    const stops = route.visits.map((v) => v.stop);
    if (new Set(stops).size !== stops.length)
      throw new SolverError("CAREBUS_SOLVER_INFEASIBLE_START", `initial route ${r} visits a stop twice`);
    for (const s of stops) {
      if (pinnedHere.has(s)) continue;
      if (s < 0 || s >= p.nStops || !sol.canVisit(s, r)) {
        throw new SolverError(
          "CAREBUS_SOLVER_INFEASIBLE_START",
          `initial route ${r}: stop ${s} is not allowed there (allowed matrix, day or visit-count rules)`,
        );
      }
    }
    const missing = [...pinnedHere].filter((s) => !stops.includes(s));
    if (missing.length > 0)
      throw new SolverError("CAREBUS_SOLVER_INFEASIBLE_START", `initial route ${r} drops pinned stop ${missing[0]}`);
    sol.setRoute(r, stops);
    if (!isFeasible(sol, r))
      throw new SolverError(
        "CAREBUS_SOLVER_INFEASIBLE_START",
        `initial route ${r} is infeasible (times, shift, lunch or limits)`,
      );
  });
}

/** whether route r, as it stands, satisfies every timing and limit */
function isFeasible(sol: Solution, r: number): boolean {
  return sol.fits(r, 0, 1, [], 0) >= 0;
}
