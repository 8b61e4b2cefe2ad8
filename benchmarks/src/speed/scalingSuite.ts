/**
 * Scaling: seeded Bogotá-like scenarios of growing size (50, 200, 1,000, 5,000 stops with one
 * bus per 50 stops, 20 demand points per stop, six days). Each size runs in a child process
 * (scalingWorker.ts) with a 4 GB heap ceiling, so its peak resident memory is its own and an
 * out-of-memory failure is recorded instead of ending the run. Reports time to a first plan
 * (preparation + construction), value over time, peak memory, and the growth exponents of
 * time and memory fitted by least squares in log-log space.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createMetric, type Metric } from "../result.js";
import { fitPowerLaw, median, type PowerLawFit } from "../stats.js";
import type { Suite, SuiteContext, SuiteOutput } from "../suite.js";
import { parseNumberList } from "../listArgs.js";
import type { ScalingJob, ScalingSample } from "./scalingWorker.js";

/** Heap ceiling of each size's process (MB); issue 3's memory target is 2 GB at 5,000 stops. */
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

/** One size's outcome: the worker's sample or why it failed. */
export interface ScalingRow {
  stops: number;
  sample: ScalingSample | null;
  error?: string;
}

/** Growth exponents over the sizes that succeeded. */
export interface ScalingFits {
  firstPlan: PowerLawFit;
  prep: PowerLawFit;
  construction: PowerLawFit;
  memory: PowerLawFit;
}

/** A size's process is killed after this long: the time limit bounds only the search, not the preparation. */
export function workerTimeoutMs(job: ScalingJob): number {
  return 300_000 + 3 * job.timeLimitMs;
}

function runWorker(job: ScalingJob, log: (message: string) => void): Promise<ScalingSample> {
  const script = fileURLToPath(new URL("./scalingWorker.js", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${WORKER_HEAP_MB}`, script, JSON.stringify(job)], { stdio: ["ignore", "pipe", "pipe"] });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, workerTimeoutMs(job));
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      for (const line of chunk.toString().split("\n")) if (line.trim()) log(`  ${line}`);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`worker for ${job.stops} stops did not finish within ${workerTimeoutMs(job) / 1000} s and was stopped`));
        return;
      }
      const line = stdout.split("\n").find((l) => l.startsWith("RESULT "));
      if (code === 0 && line) {
        resolve(JSON.parse(line.slice("RESULT ".length)) as ScalingSample);
        return;
      }
      const tail = stderr.trim().split("\n").slice(-3).join(" / ");
      reject(new Error(`worker for ${job.stops} stops exited with ${signal ?? `code ${code}`}${tail ? `: ${tail}` : ""}`));
    });
  });
}

/** Time to a first plan as a user sees it: preparation plus the median construction. */
export function firstPlanMs(sample: ScalingSample): number {
  return sample.prepMs + median(sample.constructionMs);
}

/** Fits the growth exponents over successful rows. */
export function fitScaling(rows: readonly ScalingRow[]): ScalingFits {
  const ok = rows.filter((r) => r.sample !== null).map((r) => r.sample!);
  const fit = (y: (s: ScalingSample) => number) => fitPowerLaw(ok.map((s) => ({ x: s.stops, y: y(s) })));
  return { firstPlan: fit(firstPlanMs), prep: fit((s) => s.prepMs), construction: fit((s) => median(s.constructionMs)), memory: fit((s) => s.maxRssMB) };
}

function scalingMetrics(rows: readonly ScalingRow[], fits: ScalingFits): Metric[] {
  const metrics: Metric[] = [];
  for (const row of rows) {
    const s = row.sample;
    const id = (name: string) => `scaling/n${row.stops}/${name}`;
    if (!s) {
      metrics.push(createMetric({ id: id("failed"), suite: "scaling", unit: "count", better: "lower", tolerance: 0, note: row.error ?? "" }, [1]));
      continue;
    }
    const time = (name: string, values: number[], note?: string) =>
      metrics.push(createMetric({ id: id(name), suite: "scaling", unit: "ms", better: "lower", budget: "time", ...(note ? { note } : {}) }, values));
    time("prepMs", [s.prepMs], "travel matrix + coverage + instance + upper bound");
    time("matrixMs", [s.matrixMs]);
    time("coverageMs", [s.coverageMs]);
    time("boundMs", [s.boundMs], "LP upper bound");
    time("constructionMs", s.constructionMs, "solve with iterationLimit 0");
    time("firstPlanMs", [firstPlanMs(s)], "prep + median construction");
    if (s.firstProgressMs !== null) time("firstProgressMs", [s.firstProgressMs], "first onProgress of the timed solve");
    metrics.push(createMetric({ id: id(`value@${s.timeLimitMs / 1000}s`), suite: "scaling", unit: "value", better: "higher", budget: "time" }, [s.finalValue]));
    metrics.push(createMetric({ id: id("constructionValue"), suite: "scaling", unit: "value", better: "higher", budget: "iterations" }, [s.constructionValue]));
    metrics.push(createMetric({ id: id("boundGapPct"), suite: "scaling", unit: "%", better: "lower", budget: "time", tolerance: 0.1, note: "(bound − value) / bound at the time limit" }, [s.bound > 0 ? (100 * (s.bound - s.finalValue)) / s.bound : Number.NaN]));
    metrics.push(createMetric({ id: id("peakRssMB"), suite: "scaling", unit: "MB", better: "lower" }, [s.maxRssMB]));
    metrics.push(createMetric({ id: id("violations"), suite: "scaling", unit: "count", better: "lower", tolerance: 0 }, [s.violations]));
  }
  const exponent = (name: string, fit: PowerLawFit) => {
    if (Number.isFinite(fit.exponent)) metrics.push(createMetric({ id: `scaling/exponent/${name}`, suite: "scaling", unit: "exponent", better: "none", note: `r² ${fit.r2.toFixed(3)} over ${fit.points} sizes` }, [fit.exponent]));
  };
  exponent("firstPlan", fits.firstPlan);
  exponent("prep", fits.prep);
  exponent("construction", fits.construction);
  exponent("memory", fits.memory);
  return metrics;
}

async function runScaling(context: SuiteContext): Promise<SuiteOutput> {
  const sizes = context.flags["scaling-sizes"] ? parseNumberList(context.flags["scaling-sizes"], "--scaling-sizes") : context.quick ? QUICK_SIZES : FULL_SIZES;
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--scaling-sizes: sizes must be positive integers`);
  const rows: ScalingRow[] = [];
  for (const stops of sizes) {
    const job: ScalingJob = { stops, seed: 1, timeLimitMs: scalingTimeLimitMs(stops, context.quick), constructionRepeats: context.quick ? 1 : 3 };
    context.log(`scaling: ${stops} stops, ${job.timeLimitMs / 1000} s solve, ${job.constructionRepeats} construction repeat(s)`);
    try {
      const sample = await runWorker(job, context.log);
      rows.push({ stops, sample });
      context.log(`  first plan ${firstPlanMs(sample).toFixed(0)} ms, value ${sample.constructionValue.toFixed(1)} → ${sample.finalValue.toFixed(1)}, peak RSS ${sample.maxRssMB.toFixed(0)} MB, ${sample.violations} violation(s)`);
      for (const v of sample.violationSamples) context.log(`    ${v}`);
    } catch (error) {
      rows.push({ stops, sample: null, error: error instanceof Error ? error.message : String(error) });
      context.log(`  FAILED: ${rows[rows.length - 1]!.error}`);
    }
  }
  const fits = fitScaling(rows);
  return { metrics: scalingMetrics(rows, fits), details: { rows, fits } };
}

/** The scaling suite. */
export const scalingSuite: Suite = {
  name: "scaling",
  description: "generated Bogotá-like scenarios of growing size: time to first plan, value over time, peak memory, growth exponents",
  run: runScaling,
};
