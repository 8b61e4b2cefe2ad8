/**
 * One size of the scaling suite, run in its own Node process so that its peak memory
 * (`maxRSS`) belongs to that size alone and a crash or out-of-memory at 5,000 stops cannot take
 * the whole benchmark run down. Reads its job as JSON from argv[2], logs to stderr, and prints
 * exactly one line `RESULT <json>` on stdout.
 *
 * Phases timed separately, mirroring solveScenario: travel matrix, coverage, instance building
 * and the LP upper bound (the "preparation" a user waits for before any search), construction
 * alone (repeated), then one time-limited solve whose improvements give the value-over-time
 * curve. The final plan is re-checked.
 */
import { computeCoverage, createTravelProvider } from "@carebus/geo";
import { buildInstance, checkSolution, createRng, solve, upperBoundAsync } from "@carebus/solver";
import { generateScenario } from "./generateScenario.js";

/** What the parent asks for. */
export interface ScalingJob {
  stops: number;
  seed: number;
  timeLimitMs: number;
  constructionRepeats: number;
}

/** What the worker measured. */
export interface ScalingSample {
  stops: number;
  buses: number;
  busDays: number;
  points: number;
  matrixMs: number;
  coverageMs: number;
  buildMs: number;
  /** the LP upper bound solveScenario computes before the search */
  boundMs: number;
  bound: number;
  /** matrix + coverage + build + bound: everything before the search starts */
  prepMs: number;
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
  maxRssMB: number;
  heapUsedMB: number;
}

function now(): number {
  return performance.now();
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? "{}") as ScalingJob;
  const scenario = generateScenario({ stops: job.stops }, createRng(job.seed));
  const points = scenario.demand.kind === "points" ? scenario.demand.points.length : 0;

  const t0 = now();
  const provider = createTravelProvider(scenario.travel);
  // The same places, in the same order, as the solver's prepareScenario (stops with their zone, then depots).
  const places = [...scenario.stops.map((s) => ({ lat: s.lat, lon: s.lon, zone: s.zone, name: s.name })), ...scenario.depots.map((d) => ({ lat: d.lat, lon: d.lon, name: d.name }))];
  const travel = await provider.matrix(places);
  const t1 = now();
  const coverage = computeCoverage(scenario);
  const t2 = now();
  const { instance } = buildInstance(scenario, { travel, coverage });
  const t3 = now();
  // solveScenario computes the upper bound before searching, so a user waits for it too.
  const bound = await upperBoundAsync(instance);
  const t4 = now();
  process.stderr.write(`scaling ${job.stops}: matrix ${(t1 - t0).toFixed(0)} ms, coverage ${(t2 - t1).toFixed(0)} ms, build ${(t3 - t2).toFixed(0)} ms, bound ${(t4 - t3).toFixed(0)} ms\n`);

  const constructionMs: number[] = [];
  let constructionValue = Number.NaN;
  for (let i = 0; i < job.constructionRepeats; i++) {
    const start = now();
    const result = solve(instance, { seed: job.seed, iterationLimit: 0, timeLimitMs: 600_000, bound });
    constructionMs.push(now() - start);
    constructionValue = result.value;
  }

  const trace: Array<[number, number]> = [];
  let firstProgressMs: number | null = null;
  const solveStart = now();
  const result = solve(instance, {
    seed: job.seed,
    timeLimitMs: job.timeLimitMs,
    bound,
    onProgress: (p) => {
      const at = now() - solveStart;
      firstProgressMs ??= at;
      if (trace.length === 0 || p.value > trace[trace.length - 1]![1]) trace.push([Math.round(at), p.value]);
    },
  });
  const solveMs = now() - solveStart;
  const check = checkSolution(instance, result.routes);

  const sample: ScalingSample = {
    stops: scenario.stops.length,
    buses: scenario.buses.length,
    busDays: instance.routes.length,
    points,
    matrixMs: t1 - t0,
    coverageMs: t2 - t1,
    buildMs: t3 - t2,
    boundMs: t4 - t3,
    bound,
    prepMs: t4 - t0,
    constructionMs,
    constructionValue,
    firstProgressMs,
    finalValue: check.value,
    iterations: result.iterations,
    solveMs,
    timeLimitMs: job.timeLimitMs,
    trace,
    violations: check.violations.length + (Math.abs(check.value - result.value) > 1e-6 ? 1 : 0),
    violationSamples: [
      ...check.violations.slice(0, 5).map((v) => `${v.kind}: ${v.detail}`),
      ...(Math.abs(check.value - result.value) > 1e-6 ? [`value: solver claims ${result.value}, checker recomputes ${check.value}`] : []),
    ],
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 2 ** 20,
  };
  process.stdout.write(`RESULT ${JSON.stringify(sample)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`scaling worker: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
