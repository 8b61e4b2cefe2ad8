/**
 * Scaling: seeded Bogotá-like scenarios of growing size (50, 200, 1,000, 5,000 stops with one
 * bus per 50 stops, 20 demand points per stop, six days). Each size runs in child processes
 * (scalingWorker.ts) with a 4 GB heap ceiling, so its peak resident memory is its own and an
 * out-of-memory failure or a runaway phase is recorded instead of ending the run: one process
 * for preparation + construction + a timed search, another for the LP upper bound that
 * solveScenario computes after its first plan (capped by a deadline, since at large sizes it can
 * outlast everything else). Reports time to a first plan, value over time, peak memory, and
 * the growth exponents of time and memory fitted by least squares in log-log space.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createMetric, type Metric } from "../result.js";
import { fitPowerLaw, median, type PowerLawFit } from "../stats.js";
import type { Suite, SuiteContext, SuiteOutput } from "../suite.js";
import { parseNumberList, parsePositive } from "../listArgs.js";
import type { BoundSample, ScalingJob, ScalingSample } from "./scalingWorker.js";

/** Heap ceiling of each worker process (MB); issue 3's memory target is 2 GB at 5,000 stops. */
export const WORKER_HEAP_MB = 4096;

const FULL_SIZES = [50, 200, 1000, 5000];
const QUICK_SIZES = [50, 200];

/** Time limit of the timed solve for a size (ms). */
export function scalingTimeLimitMs(stops: number, quick: boolean): number {
  if (quick) return stops <= 50 ? 1000 : 2000;
  if (stops <= 50) return 5000;
  if (stops <= 200) return 10_000;
  if (stops <= 1000) return 20_000;
  return 30_000;
}

/** Deadline of a worker: generous for the solve job (its time limit bounds only the search). */
export function workerTimeoutMs(job: ScalingJob, boundCapMs: number): number {
  return job.kind === "bound" ? boundCapMs : 300_000 + 3 * job.timeLimitMs;
}

/** One size's outcome: each job's sample or why it failed. */
export interface ScalingRow {
  stops: number;
  sample: ScalingSample | null;
  error?: string;
  bound: BoundSample | null;
  boundError?: string;
}

/** Growth exponents over the sizes that succeeded. */
export interface ScalingFits {
  firstPlan: PowerLawFit;
  prep: PowerLawFit;
  construction: PowerLawFit;
  bound: PowerLawFit;
  memory: PowerLawFit;
}

/**
 * Runs one job in a child process and resolves with its sample.
 * @throws Error on a crash, an out-of-memory or when `timeoutMs` passes (the child is killed)
 */
export function runWorker<T>(job: ScalingJob, timeoutMs: number, log: (message: string) => void): Promise<T> {
  const script = fileURLToPath(new URL("./scalingWorker.js", import.meta.url));
  const label = `${job.kind} worker for ${job.scenarioFile ?? `${job.stops} stops`}`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${WORKER_HEAP_MB}`, script, JSON.stringify(job)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const line of chunk.toString().split("\n")) if (line.trim()) log(`  ${line}`);
    });
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`${label} did not finish within ${(timeoutMs / 1000).toFixed(0)} s and was stopped`));
        return;
      }
      const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
      if (code === 0 && line) {
        resolve(JSON.parse(line.slice("RESULT ".length)) as T);
        return;
      }
      const tail = stderr.trim().split("\n").slice(-3).join(" / ");
      reject(new Error(`${label} exited with ${signal ?? `code ${code}`}${tail ? `: ${tail}` : ""}`));
    });
  });
}

/** Time to the search's first plan: preparation (without the LP bound) plus the median construction. */
export function firstPlanMs(sample: ScalingSample): number {
  return sample.prepMs + median(sample.constructionMs);
}

/** Fits the growth exponents over successful rows. */
export function fitScaling(rows: readonly ScalingRow[]): ScalingFits {
  const ok = rows.filter((r) => r.sample !== null).map((r) => r.sample!);
  const fit = (y: (s: ScalingSample) => number) => fitPowerLaw(ok.map((s) => ({ x: s.stops, y: y(s) })));
  const bounds = rows.filter((r) => r.bound !== null).map((r) => ({ x: r.stops, y: r.bound!.boundMs }));
  return {
    firstPlan: fit(firstPlanMs),
    prep: fit((s) => s.prepMs),
    construction: fit((s) => median(s.constructionMs)),
    bound: fitPowerLaw(bounds),
    memory: fit((s) => s.maxRssMB),
  };
}

function scalingMetrics(rows: readonly ScalingRow[], fits: ScalingFits): Metric[] {
  const metrics: Metric[] = [];
  for (const row of rows) {
    const id = (name: string) => `scaling/n${row.stops}/${name}`;
    const time = (name: string, values: number[], note?: string) =>
      metrics.push(
        createMetric(
          { id: id(name), suite: "scaling", unit: "ms", better: "lower", budget: "time", ...(note ? { note } : {}) },
          values,
        ),
      );
    const s = row.sample;
    if (!s) {
      metrics.push(
        createMetric(
          { id: id("failed"), suite: "scaling", unit: "count", better: "lower", tolerance: 0, note: row.error ?? "" },
          [1],
        ),
      );
    } else {
      time("prepMs", [s.prepMs], "travel matrix + coverage + instance");
      time("matrixMs", [s.matrixMs]);
      time("coverageMs", [s.coverageMs]);
      time("constructionMs", s.constructionMs, "solve with iterationLimit 0");
      time("firstPlanMs", [firstPlanMs(s)], "prep + median construction (no LP bound)");
      if (s.firstProgressMs !== null)
        time("firstProgressMs", [s.firstProgressMs], "first onProgress of the timed solve");
      metrics.push(
        createMetric(
          {
            id: id(`value@${s.timeLimitMs / 1000}s`),
            suite: "scaling",
            unit: "value",
            better: "higher",
            budget: "time",
          },
          [s.finalValue],
        ),
      );
      metrics.push(
        createMetric(
          { id: id("constructionValue"), suite: "scaling", unit: "value", better: "higher", budget: "iterations" },
          [s.constructionValue],
        ),
      );
      metrics.push(createMetric({ id: id("peakRssMB"), suite: "scaling", unit: "MB", better: "lower" }, [s.maxRssMB]));
      metrics.push(
        createMetric({ id: id("violations"), suite: "scaling", unit: "count", better: "lower", tolerance: 0 }, [
          s.violations,
        ]),
      );
    }
    const b = row.bound;
    if (b) {
      time("boundMs", [b.boundMs], "LP bound (upperBoundAsync), then route bound (routeBound)");
      if (s) {
        if (b.bound > 0)
          metrics.push(
            createMetric(
              {
                id: id("boundGapPct"),
                suite: "scaling",
                unit: "%",
                better: "lower",
                budget: "time",
                tolerance: 0.1,
                note: "(bound − value at the limit) / bound",
              },
              [(100 * (b.bound - s.finalValue)) / b.bound],
            ),
          );
      }
      metrics.push(
        createMetric({ id: id("boundPeakRssMB"), suite: "scaling", unit: "MB", better: "lower" }, [b.maxRssMB]),
      );
    } else if (row.boundError) {
      metrics.push(
        createMetric(
          {
            id: id("boundFailed"),
            suite: "scaling",
            unit: "count",
            better: "lower",
            tolerance: 0,
            note: row.boundError,
          },
          [1],
        ),
      );
    }
  }
  const exponent = (name: string, fit: PowerLawFit) => {
    if (Number.isFinite(fit.exponent))
      metrics.push(
        createMetric(
          {
            id: `scaling/exponent/${name}`,
            suite: "scaling",
            unit: "exponent",
            better: "none",
            note: `r² ${fit.r2.toFixed(3)} over ${fit.points} sizes`,
          },
          [fit.exponent],
        ),
      );
  };
  exponent("firstPlan", fits.firstPlan);
  exponent("prep", fits.prep);
  exponent("construction", fits.construction);
  exponent("bound", fits.bound);
  exponent("memory", fits.memory);
  return metrics;
}

/** Runs a size's bound job, returning the sample or the reason it has none. */
export async function runBoundJob(
  job: Omit<ScalingJob, "kind">,
  capMs: number,
  log: (message: string) => void,
): Promise<{ bound: BoundSample | null; boundError?: string }> {
  try {
    const bound = await runWorker<BoundSample>({ ...job, kind: "bound" }, capMs, log);
    log(
      `  LP bound ${bound.lpBound.toFixed(1)} in ${bound.lpMs.toFixed(0)} ms, route bound ${bound.routeBound?.toFixed(1) ?? "none"}${bound.routeConverged ? " (converged)" : ` (not converged; its relaxation is at least ${bound.routeMasterValue?.toFixed(1) ?? "?"})`}, ${bound.boundMs.toFixed(0)} ms in all, peak RSS ${bound.maxRssMB.toFixed(0)} MB`,
    );
    return { bound };
  } catch (error) {
    const boundError = error instanceof Error ? error.message : String(error);
    log(`  bound: ${boundError}`);
    return { bound: null, boundError };
  }
}

async function runScaling(context: SuiteContext): Promise<SuiteOutput> {
  const sizes = context.flags["scaling-sizes"]
    ? parseNumberList(context.flags["scaling-sizes"], "--scaling-sizes")
    : context.quick
      ? QUICK_SIZES
      : FULL_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--scaling-sizes: sizes must be positive integers`);
  const boundCapMs =
    1000 *
    (context.flags["bound-cap-seconds"]
      ? parsePositive(context.flags["bound-cap-seconds"], "--bound-cap-seconds")
      : context.quick
        ? 60
        : 180);
  const rows: ScalingRow[] = [];
  for (const stops of sizes) {
    const job = {
      stops,
      seed: 1,
      timeLimitMs: scalingTimeLimitMs(stops, context.quick),
      constructionRepeats: context.quick ? 1 : 3,
    };
    context.log(
      `scaling: ${stops} stops, ${job.timeLimitMs / 1000} s solve, ${job.constructionRepeats} construction repeat(s), LP bound capped at ${boundCapMs / 1000} s`,
    );
    const row: ScalingRow = { stops, sample: null, bound: null };
    try {
      const solveJob: ScalingJob = { ...job, kind: "solve" };
      row.sample = await runWorker<ScalingSample>(solveJob, workerTimeoutMs(solveJob, boundCapMs), context.log);
      const s = row.sample;
      context.log(
        `  first plan ${firstPlanMs(s).toFixed(0)} ms, value ${s.constructionValue.toFixed(1)} → ${s.finalValue.toFixed(1)}, peak RSS ${s.maxRssMB.toFixed(0)} MB, ${s.violations} violation(s)`,
      );
      for (const v of s.violationSamples) context.log(`    ${v}`);
    } catch (error) {
      row.error = error instanceof Error ? error.message : String(error);
      context.log(`  FAILED: ${row.error}`);
    }
    Object.assign(row, await runBoundJob(job, boundCapMs, context.log));
    rows.push(row);
  }
  const fits = fitScaling(rows);
  return { metrics: scalingMetrics(rows, fits), details: { rows, fits, boundCapMs } };
}

/** The scaling suite. */
export const scalingSuite: Suite = {
  name: "scaling",
  description:
    "generated Bogotá-like scenarios of growing size: time to first plan, LP bound time, value over time, peak memory, growth exponents",
  run: runScaling,
};
