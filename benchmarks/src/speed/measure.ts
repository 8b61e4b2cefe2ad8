/**
 * Micro-benchmark timing through tinybench, reduced to what a Metric needs: the latency samples
 * of one task in milliseconds. Heavy tasks (a 200,000-point coverage) run a fixed small number
 * of times; light ones run for a time budget. Stored samples are thinned to at most
 * `MAX_STORED_SAMPLES` evenly spaced order statistics so result files stay small, after the
 * median and spread were computed from all of them.
 */
import { Bench } from "tinybench";
import { createMetric, type Metric } from "../result.js";

export const MAX_STORED_SAMPLES = 100;

export interface MeasureOptions {
  /** minimum number of timed calls */
  iterations: number;
  /** minimum time budget for timed calls, ms (0: iterations only) */
  timeMs?: number;
  /** untimed calls first (default 1) */
  warmupIterations?: number;
  unit?: string;
  note?: string;
}

/** Evenly spaced order statistics of `values`, at most `limit` of them. */
export function thinSamples(values: readonly number[], limit = MAX_STORED_SAMPLES): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length <= limit) return sorted;
  return Array.from({ length: limit }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (limit - 1))]!);
}

/**
 * Times `fn` and returns its latency metric (ms, lower is better).
 * @throws the task's own error when it fails (the caller records it)
 */
export async function measure(id: string, suite: string, fn: () => unknown, options: MeasureOptions): Promise<Metric> {
  const warmupIterations = options.warmupIterations ?? 1;
  const bench = new Bench({
    iterations: options.iterations,
    time: options.timeMs ?? 0,
    warmup: warmupIterations > 0,
    warmupIterations,
    warmupTime: 0,
    retainSamples: true,
    throws: true,
  });
  bench.add(id, fn as () => void);
  await bench.run();
  const task = bench.tasks[0]!;
  const result = task.result;
  if (result.state === "errored") throw result.error;
  if (result.state !== "completed" && result.state !== "aborted-with-statistics")
    throw new Error(`${id}: tinybench ended in state ${result.state}`);
  const samples = [...(result.latency.samples ?? [])];
  const metric = createMetric(
    {
      id,
      suite,
      unit: options.unit ?? "ms",
      better: "lower",
      budget: "time",
      ...(options.note ? { note: options.note } : {}),
    },
    samples,
  );
  metric.samples = thinSamples(metric.samples);
  return metric;
}
