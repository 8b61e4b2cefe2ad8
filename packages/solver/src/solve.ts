/**
 * solve(): wiring only — problem facts → start solution (pinned visits, warm start or greedy
 * construction) → local search → iterated local search → clock times → independent check.
 * Every phase polls the same stop test (time limit, cancellation), so `timeLimitMs` bounds the
 * whole call. The answer is always a plan the checker passed: the best one, or, if the best
 * fails (an engine bug), the last one that passed, with the failure recorded in the result.
 */
import type { Instance, SolvedRoute } from "./instance/instance.js";
import { SolverError } from "./errors.js";
import { checkSolution } from "./feasibility/checkSolution.js";
import { createRng } from "./random.js";
import { Problem } from "./solution/problem.js";
import { mergeCoverage } from "./instance/mergeCoverage.js";
import { Solution } from "./solution/solution.js";
import { checkSequences, isChecked, type CheckedPlan, type PlanChecker } from "./checkedPlan.js";
import type { Violation } from "./feasibility/violations.js";
import { FailureLog, type SwallowedFailure } from "./failureLog.js";
import { greedyInsert } from "./construction/greedyInsertion.js";
import { localSearch, type SearchContext } from "./search/localSearch.js";
import { iteratedLocalSearch } from "./metaheuristic/ils.js";
import type { MipSolver } from "./exact/highs.js";
import { meetsBound } from "./exact/upperBound.js";

/** Progress of a running solve. */
export interface Progress {
  /** value of the best plan so far (never decreases from one report to the next) */
  value: number;
  /** the known upper bound passed in SolveOptions.bound (its value now, when it is read live), or null */
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
  /**
   * a known upper bound on the value: echoed in progress, and the search stops when reached; a
   * function is read live (a bound that improves while the search runs, in another thread)
   */
  bound?: number | (() => number);
  /** warm start (re-planning): one route per instance route; must be feasible */
  initial?: SolvedRoute[];
  /**
   * default true: greedy insertion adds what it can to the start (pinned visits, warm start).
   * false: the search starts from `initial` as it is — for a warm start that is this instance's
   * own first plan (a solve with iterationLimit 0), where insertion has nothing left to add and
   * at 5,000 stops took 0.7 s to find that out.
   */
  construct?: boolean;
  /**
   * a loaded MIP solver (`await loadMipSolver()`): the search then also recombines the best
   * routes it has seen (metaheuristic/routePool.ts); without it that step is skipped
   */
  mipSolver?: MipSolver;
  /**
   * milliseconds since any fixed origin; default `performance.now`. Only the time limit and the
   * progress cadence read it, so tests can drive both without waiting.
   */
  clock?: () => number;
  /** where failures the run survives (HiGHS errors) are counted; default: a log of this call's own */
  failures?: FailureLog;
}

/** What the independent checker said about the plan {@link solve} returns. */
export interface SolveCheck {
  /** the plan's value as the checker recomputes it (equal to SolveResult.value) */
  value: number;
  travelMinutes: number;
  /**
   * null when the search's best plan passed; otherwise the violations of that best plan and
   * the value the engine claimed for it — the plan returned is then the last one that passed
   */
  failure: { violations: Violation[]; engineValue: number } | null;
}

/** Outcome of {@link solve}. */
export interface SolveResult {
  /** one per instance.routes entry, same order; always passed the independent checker */
  routes: SolvedRoute[];
  /** the checker's value of `routes` */
  value: number;
  /** the checker's driving minutes of `routes` */
  travelMinutes: number;
  iterations: number;
  elapsedMs: number;
  timeToBestMs: number;
  /** value right after construction (the final value is never lower) */
  constructionValue: number;
  stoppedBy: "time" | "iterations" | "cancelled" | "bound";
  check: SolveCheck;
  /** failures the run survived with a weaker fall-back (e.g. a recombination MIP HiGHS threw on) */
  swallowed: SwallowedFailure[];
}

/** Minimum milliseconds between two checkpoints of the best plan (each one is scheduled and checked). */
const CHECKPOINT_EVERY_MS = 250;

/**
 * Plans the routes of an instance: maximise value, then minimise travel.
 * @throws SolverError CAREBUS_SOLVER_INFEASIBLE_START when pinned visits or the warm start are infeasible
 * @example const result = solve(readToptw(text, { name: "c101", vehicles: 1 }), { iterationLimit: 1000 });
 */
export function solve(instance: Instance, options: SolveOptions = {}): SolveResult {
  return solveChecked(instance, options);
}

/**
 * {@link solve} with the checker as a parameter: the tests pass one that rejects good plans to
 * show that the fall-back to the last plan that passed works.
 * @internal
 */
export function solveChecked(
  instance: Instance,
  options: SolveOptions,
  checker: PlanChecker = checkSolution,
): SolveResult {
  const clock = options.clock ?? (() => performance.now());
  const t0 = clock();
  const elapsed = (): number => clock() - t0;
  const timeLimitMs = options.timeLimitMs ?? 10_000;
  const iterationLimit = options.iterationLimit ?? Infinity;
  const given = options.bound;
  const boundNow = (): number | null => (typeof given === "function" ? given() : (given ?? null));
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
  const failures = options.failures ?? new FailureLog();
  const { p, symmetric } = factsOf(instance);
  const pinnedSet = new Set<number>();
  for (const pin of instance.pinned) pinnedSet.add(pin.stop * p.nRoutes + pin.route);
  const ctx: SearchContext = {
    rng,
    symmetric,
    isPinned: (stop, r) => pinnedSet.size > 0 && pinnedSet.has(stop * p.nRoutes + r),
    shouldStop,
    alpha: 2,
  };

  const sol = new Solution(p);
  placePinned(sol, instance, options.initial);
  if (options.initial) loadInitial(sol, options.initial);
  const open: number[] = [];
  for (let s = 0; s < p.nStops; s++) if (p.servable[s]) open.push(s);
  if (options.construct !== false) greedyInsert(sol, open, { rng, noise: 0, alpha: 2, shouldStop });
  const constructionValue = sol.value;
  let timeToBestMs = elapsed();
  let lastReport = elapsed();
  let bestValue = sol.value;
  const report = (iterations: number): void => {
    lastReport = elapsed();
    options.onProgress?.({ value: bestValue, bound: boundNow(), elapsedMs: lastReport, iterations });
  };
  report(0);
  // the last plan that passed the checker: the construction's first, then the best at most
  // every CHECKPOINT_EVERY_MS (each checkpoint schedules and checks every route)
  let passed: CheckedPlan | null = null;
  let lastCheckpoint = -Infinity;
  const checkpoint = (s: Solution): void => {
    lastCheckpoint = elapsed();
    const got = checkSequences(p, s.seq, instance, checker);
    if (isChecked(got)) passed = got;
  };
  checkpoint(sol);
  const reachedBound = (value: number): boolean => {
    const bound = boundNow();
    // bounds are inflated against round-off: a plan within that slack is optimal
    if (bound !== null && meetsBound(value, bound)) {
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
    bestValue = Math.max(bestValue, sol.value);
    report(0);
  }
  checkpoint(sol);
  if (!shouldStop() && !reachedBound(sol.value) && iterationLimit > 0) {
    const result = iteratedLocalSearch(sol, {
      ctx,
      rng,
      maxIterations: iterationLimit,
      reachedBound,
      ...(options.mipSolver ? { mipSolver: options.mipSolver } : {}),
      secondsLeft: () => (timeLimitMs - elapsed()) / 1000,
      failures,
      onBest: (b, iteration) => {
        timeToBestMs = elapsed();
        // a better fitness can trade a value dust for travel; the reported value never drops
        bestValue = Math.max(bestValue, b.value);
        report(iteration);
        if (timeToBestMs - lastCheckpoint >= CHECKPOINT_EVERY_MS) checkpoint(b);
      },
      onIteration: (iteration) => {
        if (options.onProgress && (iteration & 15) === 0 && elapsed() - lastReport >= 250) report(iteration);
      },
    });
    best = result.best;
    iterations = result.iterations;
    if (result.outOfTime) stoppedBy ??= "time";
  }
  reachedBound(best.value);
  const final = checkSequences(p, best.seq, instance, checker);
  let answer: CheckedPlan;
  let failure: SolveCheck["failure"] = null;
  if (isChecked(final)) answer = final;
  else {
    failure = { violations: final.violations, engineValue: best.recomputeValue() };
    const fallBack = passed as CheckedPlan | null;
    if (!fallBack) {
      throw new SolverError(
        "CAREBUS_SOLVER_INTERNAL",
        `no plan of this run passed the independent check: ${final.violations
          .slice(0, 5)
          .map((v) => v.detail)
          .join("; ")}`,
        { cause: final.violations },
      );
    }
    answer = fallBack;
  }
  return {
    routes: answer.routes,
    value: answer.value,
    travelMinutes: answer.travelMinutes,
    iterations,
    elapsedMs: elapsed(),
    timeToBestMs,
    constructionValue,
    stoppedBy: stoppedBy ?? "iterations",
    check: { value: answer.value, travelMinutes: answer.travelMinutes, failure },
    swallowed: failures.list(),
  };
}

/**
 * The engine's facts about `instance`, built once per instance object: a scenario solve calls
 * `solve` twice on it (its first plan, then the search), and at 5,000 stops the facts (neighbour
 * lists, merged coverage, the symmetry test) took 0.9 s each time. The engine works on merged
 * coverage (cheaper visit worths); the checker on the instance as given.
 */
function factsOf(instance: Instance): { p: Problem; symmetric: boolean } {
  let facts = knownFacts.get(instance);
  if (!facts) {
    facts = { p: new Problem(mergeCoverage(instance)), symmetric: isSymmetric(instance) };
    knownFacts.set(instance, facts);
  }
  return facts;
}
const knownFacts = new WeakMap<Instance, { p: Problem; symmetric: boolean }>();

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
