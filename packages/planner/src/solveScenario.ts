/**
 * The whole job from a scenario to a plan, as the server and the CLI call it: geography
 * (travel matrix over stops then depots, and coverage) → Instance → construction (a first plan)
 * → search from that plan (with route-pool recombination through HiGHS), beside it the upper
 * bounds (the LP bound, then the route bound by column generation; bound/boundThread.ts says
 * where they run) → Plan. The time limit covers all three solver phases. `solve` hands back only plans the
 * independent checker passed (the last one that passed when its best fails), so a broken plan
 * never reaches a planner.
 */
import { computeCoverage, createTravelProvider, type Place, type TravelTimeProvider } from "@carebus/geo";
import type { Plan, Scenario } from "@carebus/model";
import {
  FailureLog,
  loadMipSolver,
  solve,
  trivialBound,
  type Instance,
  type Progress,
  type SolvedRoute,
} from "@carebus/solver";
import { startBound } from "./bound/boundThread.js";
import { buildInstance, type ScenarioIndex } from "./fromScenario.js";
import { toPlan } from "./toPlan.js";

/** Progress of a scenario solve: the bound is labelled quick until the strong one is ready. */
export interface ScenarioProgress extends Progress {
  boundKind?: "quick" | "strong";
}

/** Options of `solveScenario`; unset limits come from `scenario.options`, then the defaults. */
export interface SolveScenarioOptions {
  /** default: scenario.options.timeLimitSeconds, else 10 */
  timeLimitSeconds?: number;
  /** default: scenario.options.iterationLimit, else none */
  iterationLimit?: number;
  /** default: scenario.options.seed, else 1 */
  seed?: number;
  onProgress?: (progress: ScenarioProgress) => void;
  isCancelled?: () => boolean;
  /** folder that relative files in the scenario (road networks) are resolved against */
  baseDir?: string;
  /** travel provider to use instead of the one the scenario's `travel` settings describe */
  travel?: TravelTimeProvider;
  /**
   * where failures the run survives are counted (HiGHS that cannot load or errs: the bound and
   * the search fall back without it); the caller reports them
   */
  failures?: FailureLog;
  /**
   * Called once with the first plan (construction, measured against the quick bound), before
   * the bound's LP, which does not watch the cancel flag and can take seconds: a caller that has
   * to stop the run before it returns (a cancel past its grace time) still has a plan to keep.
   */
  onFirstPlan?: (plan: Plan) => void;
}

/** The default time limit when neither the caller nor the scenario sets one, in seconds. */
export const DEFAULT_TIME_LIMIT_SECONDS = 10;

/** A scenario turned into the solver's terms, ready to solve (possibly after adjustments). */
export interface PreparedScenario {
  instance: Instance;
  index: ScenarioIndex;
}

/**
 * Geography and instance of `scenario`.
 * @throws GeoError when the travel provider is unusable; ScenarioError on inconsistent input
 */
export async function prepareScenario(
  scenario: Scenario,
  options: Pick<SolveScenarioOptions, "baseDir" | "travel"> = {},
): Promise<PreparedScenario> {
  const provider =
    options.travel ?? createTravelProvider(scenario.travel, options.baseDir ? { baseDir: options.baseDir } : {});
  const places: Place[] = [
    ...scenario.stops.map((s) => ({ lat: s.lat, lon: s.lon, zone: s.zone, name: s.name })),
    ...scenario.depots.map((d) => ({ lat: d.lat, lon: d.lon, name: d.name })),
  ];
  const travel = await provider.matrix(places);
  const coverage = scenario.demand.kind === "points" ? computeCoverage(scenario) : null;
  return buildInstance(scenario, { travel, coverage });
}

/**
 * Solve a prepared scenario and write its plan; `initial` warm-starts the search.
 * @throws SolverError CAREBUS_SOLVER_INTERNAL when no plan of the run passes the independent check
 */
export async function solvePrepared(
  scenario: Scenario,
  prepared: PreparedScenario,
  options: SolveScenarioOptions & { initial?: SolvedRoute[] } = {},
): Promise<Plan> {
  const { instance, index } = prepared;
  const timeLimitSeconds = options.timeLimitSeconds ?? scenario.options?.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS;
  const iterationLimit = options.iterationLimit ?? scenario.options?.iterationLimit;
  const seed = options.seed ?? scenario.options?.seed ?? 1;
  const started = performance.now();
  const elapsedMs = () => performance.now() - started;
  const common = {
    seed,
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
  };
  const onProgress = options.onProgress;
  // a planner sees a first plan before the bound's LP runs (it takes seconds on a real week),
  // measured against the quick bound until the strong one is ready
  const quick = trivialBound(instance);
  const first = solve(instance, {
    ...common,
    timeLimitMs: timeLimitSeconds * 1000,
    iterationLimit: 0,
    ...(options.initial ? { initial: options.initial } : {}),
    ...(onProgress ? { onProgress: (p: Progress) => onProgress({ ...p, bound: quick, boundKind: "quick" }) } : {}),
  });
  // the plan of `routes`, with the run's settings and the time so far in its stats
  const planOf = (
    routes: SolvedRoute[],
    stats: { bound: number; boundKind: "quick" | "strong"; iterations: number; timeToBestMs: number },
  ): Plan =>
    toPlan(scenario, index, instance, routes, {
      ...stats,
      elapsedMs: elapsedMs(),
      seed,
      timeLimitSeconds,
      ...(iterationLimit !== undefined ? { iterationLimit } : {}),
    });
  options.onFirstPlan?.(
    planOf(first.routes, {
      bound: quick,
      boundKind: "quick",
      iterations: first.iterations,
      timeToBestMs: first.timeToBestMs,
    }),
  );
  // The bound's LP and loading HiGHS do not watch the cancel flag, and on a busy machine they
  // take seconds: a run cancelled before them skips them, so its first plan is kept rather than
  // lost when the caller's grace time runs out.
  const cancelled = () => options.isCancelled?.() === true;
  const failures = options.failures ?? new FailureLog();
  const running = await startBound({
    instance,
    first,
    quick,
    timeLimitSeconds,
    elapsedSeconds: elapsedMs() / 1000,
    failures,
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
    ...(onProgress
      ? { onBound: (b) => onProgress({ value: first.value, ...b, elapsedMs: elapsedMs(), iterations: 0 }) }
      : {}),
  });
  // route-pool recombination: +0.5–0.7% on the Bogotá week at 10 s (seeds 1–3), where the
  // search alone stalls. Its MIPs are capped by the clock, so a run with an iteration limit
  // (which must repeat exactly) searches without it; so does a run where HiGHS cannot load.
  const mipSolver =
    iterationLimit === undefined && !cancelled()
      ? await loadMipSolver().catch((error: unknown) => {
          failures.record("loading HiGHS for recombination", error);
          return null;
        })
      : null;
  const searchStart = elapsedMs();
  const result = solve(instance, {
    ...common,
    timeLimitMs: Math.max(0, timeLimitSeconds * 1000 - searchStart),
    bound: () => running.current().bound,
    initial: first.routes,
    // the first plan is this instance's own construction: nothing is left to insert
    construct: false,
    failures,
    ...(mipSolver ? { mipSolver } : {}),
    ...(iterationLimit !== undefined ? { iterationLimit } : {}),
    onProgress: (p: Progress) => {
      running.planImproved(p.value);
      onProgress?.({ ...p, ...running.current(), elapsedMs: searchStart + p.elapsedMs });
    },
  });
  const { bound, boundKind } = await running.finish(cancelled() || result.stoppedBy === "bound");
  return planOf(result.routes, {
    bound,
    boundKind,
    iterations: result.iterations,
    timeToBestMs: result.value > first.value ? searchStart + result.timeToBestMs : first.timeToBestMs,
  });
}

/**
 * Plan `scenario`: the entry point of the server and the CLI.
 *
 * @throws GeoError (travel unavailable), ScenarioError (inconsistent input), SolverError
 * (CAREBUS_SOLVER_INFEASIBLE_START for impossible pinned visits, CAREBUS_SOLVER_INTERNAL)
 * @example const plan = await solveScenario(scenario, { iterationLimit: 1000, seed: 1 });
 */
export async function solveScenario(scenario: Scenario, options: SolveScenarioOptions = {}): Promise<Plan> {
  const prepared = await prepareScenario(scenario, options);
  return solvePrepared(scenario, prepared, options);
}
