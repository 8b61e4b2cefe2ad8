/**
 * One size of the scaling suite (or the bundled Bogotá scenario), run in its own Node process
 * so that its peak memory (`maxRSS`) belongs to that job alone, and a crash, an out-of-memory
 * or a runaway phase cannot take the whole benchmark run down (the parent kills it after a
 * deadline). Reads its job as JSON from argv[2], logs to stderr, and prints exactly one line
 * `RESULT <json>` on stdout.
 *
 * Two kinds of job, mirroring solveScenario's phases:
 * - "solve": travel matrix, coverage and instance building (preparation), construction alone
 *   (repeated), then one time-limited solve with route-pool recombination (as solveScenario
 *   runs it) whose improvements give the value-over-time curve;
 *   the final plan is re-checked by the independent checker;
 * - "bound": preparation, then the upper bounds solveScenario computes after its first plan:
 *   the LP bound, then the route bound (column generation). It is a separate process because at large sizes it can run far longer than the
 *   search, and must not cost the other figures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseScenario, type Scenario } from "@carebus/model";
import { computeCoverage, createTravelProvider } from "@carebus/geo";
import { buildInstance } from "@carebus/planner";
import {
  checkSolution,
  createRng,
  loadMipSolver,
  routeBound,
  solve,
  upperBoundAsync,
  type Instance,
} from "@carebus/solver";
import { generateScenario } from "./generateScenario.js";

/** What the parent asks for. */
export interface ScalingJob {
  kind: "solve" | "bound";
  /** stops of the generated scenario (ignored with scenarioFile) */
  stops: number;
  /** solve this scenario file instead of a generated one */
  scenarioFile?: string;
  seed: number;
  timeLimitMs: number;
  constructionRepeats: number;
}

/** Preparation figures, common to both kinds of job. */
export interface PreparationSample {
  stops: number;
  buses: number;
  busDays: number;
  points: number;
  matrixMs: number;
  coverageMs: number;
  buildMs: number;
  /** matrix + coverage + build: everything before the search, except the LP bound */
  prepMs: number;
  maxRssMB: number;
}

/** What a "solve" job measured. */
export interface ScalingSample extends PreparationSample {
  /** construction-only solves (iterationLimit 0), one per repeat */
  constructionMs: number[];
  constructionValue: number;
  /** time from the start of the timed solve to its first reported plan */
  firstProgressMs: number | null;
  finalValue: number;
  iterations: number;
  solveMs: number;
  timeLimitMs: number;
  trace: Array<[number, number]>;
  violations: number;
  /** the first few violations as "kind: detail", so a broken plan can be diagnosed */
  violationSamples: string[];
}

/** What a "bound" job measured: the LP bound, then the route bound, and the lower of the two. */
export interface BoundSample extends PreparationSample {
  boundMs: number;
  bound: number;
  lpBound: number;
  lpMs: number;
  /** null when no round of the route bound finished in its time */
  routeBound: number | null;
  routeConverged: boolean;
  /** the route relaxation's optimum is at least this (its last restricted master's optimum) */
  routeMasterValue: number | null;
}

/** Time given to the route bound after the LP bound. */
const ROUTE_BOUND_SECONDS = 60;

function now(): number {
  return performance.now();
}

async function prepare(job: ScalingJob): Promise<{ scenario: Scenario; instance: Instance; prep: PreparationSample }> {
  const scenario = job.scenarioFile
    ? parseScenario(JSON.parse(readFileSync(job.scenarioFile, "utf8")))
    : generateScenario({ stops: job.stops }, createRng(job.seed));
  const baseDir = job.scenarioFile ? path.dirname(job.scenarioFile) : undefined;
  const t0 = now();
  const provider = createTravelProvider(scenario.travel, baseDir ? { baseDir } : {});
  // The same places, in the same order, as the solver's prepareScenario (stops with their zone, then depots).
  const places = [
    ...scenario.stops.map((s) => ({ lat: s.lat, lon: s.lon, zone: s.zone, name: s.name })),
    ...scenario.depots.map((d) => ({ lat: d.lat, lon: d.lon, name: d.name })),
  ];
  const travel = await provider.matrix(places);
  const t1 = now();
  const coverage = scenario.demand.kind === "points" ? computeCoverage(scenario) : null;
  const t2 = now();
  const { instance } = buildInstance(scenario, { travel, coverage });
  const t3 = now();
  process.stderr.write(
    `${job.kind} ${scenario.stops.length} stops: matrix ${(t1 - t0).toFixed(0)} ms, coverage ${(t2 - t1).toFixed(0)} ms, build ${(t3 - t2).toFixed(0)} ms\n`,
  );
  const prep: PreparationSample = {
    stops: scenario.stops.length,
    buses: scenario.buses.length,
    busDays: instance.routes.length,
    points: scenario.demand.kind === "points" ? scenario.demand.points.length : 0,
    matrixMs: t1 - t0,
    coverageMs: t2 - t1,
    buildMs: t3 - t2,
    prepMs: t3 - t0,
    maxRssMB: 0,
  };
  return { scenario, instance, prep };
}

async function measureBound(job: ScalingJob): Promise<BoundSample> {
  const { instance, prep } = await prepare(job);
  const start = now();
  const lpBound = await upperBoundAsync(instance);
  const lpMs = now() - start;
  const route = await routeBound(instance, { timeLimitSeconds: ROUTE_BOUND_SECONDS });
  return {
    ...prep,
    boundMs: now() - start,
    bound: Math.min(lpBound, route.value ?? Infinity),
    lpBound,
    lpMs,
    routeBound: route.value,
    routeConverged: route.converged,
    routeMasterValue: route.masterValue,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

async function measureSolve(job: ScalingJob): Promise<ScalingSample> {
  const { instance, prep } = await prepare(job);
  const constructionMs: number[] = [];
  let constructionValue = Number.NaN;
  for (let i = 0; i < job.constructionRepeats; i++) {
    const start = now();
    const result = solve(instance, { seed: job.seed, iterationLimit: 0, timeLimitMs: 600_000 });
    constructionMs.push(now() - start);
    constructionValue = result.value;
  }

  const trace: Array<[number, number]> = [];
  let firstProgressMs: number | null = null;
  // recombination as solveScenario runs it; solveScenario loads HiGHS while it computes the bound
  const mipSolver = await loadMipSolver().catch(() => null);
  const solveStart = now();
  const result = solve(instance, {
    seed: job.seed,
    timeLimitMs: job.timeLimitMs,
    ...(mipSolver ? { mipSolver } : {}),
    onProgress: (p) => {
      const at = now() - solveStart;
      firstProgressMs ??= at;
      if (trace.length === 0 || p.value > trace[trace.length - 1]![1]) trace.push([Math.round(at), p.value]);
    },
  });
  const solveMs = now() - solveStart;
  const check = checkSolution(instance, result.routes);
  const mismatch = Math.abs(check.value - result.value) > 1e-6;
  return {
    ...prep,
    constructionMs,
    constructionValue,
    firstProgressMs,
    finalValue: check.value,
    iterations: result.iterations,
    solveMs,
    timeLimitMs: job.timeLimitMs,
    trace,
    violations: check.violations.length + (mismatch ? 1 : 0),
    violationSamples: [
      ...check.violations.slice(0, 5).map((v) => `${v.kind}: ${v.detail}`),
      ...(mismatch ? [`value: solver claims ${result.value}, checker recomputes ${check.value}`] : []),
    ],
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? "{}") as ScalingJob;
  const sample = job.kind === "bound" ? await measureBound(job) : await measureSolve(job);
  process.stdout.write(`RESULT ${JSON.stringify(sample)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`scaling worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
