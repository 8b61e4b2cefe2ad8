/**
 * The machine-readable result of one `pnpm bench` run. Every figure is a `Metric` with its raw
 * repeats, so a later run can be compared against it (compare.ts) knowing how noisy each figure
 * was. Suites may also attach detail rows (one per solve, per size, per task) that the report
 * draws; `--compare` looks only at metrics.
 */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { summarize } from "./stats.js";

export const RESULT_FORMAT = "carebus-bench";
export const RESULT_VERSION = 1;

/** Which direction is an improvement; "none" marks informational figures never flagged. */
export type Better = "lower" | "higher" | "none";

/** One figure with its repeats. */
export interface Metric {
  /** stable path-like id, e.g. "toptw/solomon-100-righini-salani/m1/t1s/meanGapPct" */
  id: string;
  suite: string;
  unit: string;
  better: Better;
  /** raw repeats (seeds, tinybench samples, runs); non-finite ones are dropped */
  samples: number[];
  median: number;
  min: number;
  max: number;
  /** relative spread: median absolute deviation / |median| */
  spread: number;
  /**
   * "iterations" marks quality measured at a fixed iteration count, comparable across
   * machines; "time" marks figures that depend on the machine's speed.
   */
  budget?: "iterations" | "time";
  /**
   * Absolute change (in `unit`) always treated as noise: lets a figure whose old value is 0
   * (a 0% gap, 0 violations) be compared without an infinite ratio.
   */
  tolerance?: number;
  note?: string;
}

/** Builds a Metric from raw repeats. */
export function createMetric(
  fields: Omit<Metric, "median" | "min" | "max" | "spread" | "samples">,
  samples: readonly number[],
): Metric {
  const finite = samples.filter((v) => Number.isFinite(v));
  const summary = summarize(finite);
  return {
    ...fields,
    samples: finite,
    median: summary.median,
    min: summary.min,
    max: summary.max,
    spread: summary.spread,
  };
}

/** How one suite ended. A skipped or failed suite says why, so an absent figure is never silent. */
export interface SuiteStatus {
  name: string;
  status: "ok" | "skipped" | "failed";
  reason?: string;
  elapsedMs: number;
}

/** Where and on what the run happened. */
export interface Environment {
  commit: string;
  /** true when tracked files differed from the commit */
  dirty: boolean;
  node: string;
  cpu: string;
  cores: number;
  totalMemoryMB: number;
  platform: string;
  date: string;
  /**
   * 1-minute load average when the run started and ended: other work on a shared machine
   * slows time-budgeted figures, and this says whether it was there.
   */
  loadAverage: { start: number; end: number | null };
}

export interface BenchResult {
  format: typeof RESULT_FORMAT;
  version: typeof RESULT_VERSION;
  env: Environment;
  quick: boolean;
  /** the command-line arguments, for reproduction */
  args: string[];
  suites: SuiteStatus[];
  metrics: Metric[];
  /** per-suite detail rows for the report (shape owned by each suite) */
  details: Record<string, unknown>;
}

function git(repoRoot: string, args: string[]): string | null {
  try {
    return execFileSync("git", args, { cwd: repoRoot, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return null;
  }
}

/** Records the commit, Node version, CPU and date of this run. */
export function captureEnvironment(repoRoot: string): Environment {
  const cpus = os.cpus();
  const status = git(repoRoot, ["status", "--porcelain", "--untracked-files=no"]);
  return {
    commit: git(repoRoot, ["rev-parse", "HEAD"]) ?? "unknown",
    dirty: status === null ? false : status.length > 0,
    node: process.version,
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    totalMemoryMB: Math.round(os.totalmem() / 2 ** 20),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverage: { start: os.loadavg()[0] ?? 0, end: null },
  };
}

/**
 * Reads a result file written by an earlier run.
 * @throws Error naming the file when it is not a carebus bench result
 */
export function parseResult(text: string, file: string): BenchResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`--compare: ${file} is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const candidate = value as Partial<BenchResult> | null;
  if (candidate === null || typeof candidate !== "object" || candidate.format !== RESULT_FORMAT) {
    throw new Error(`--compare: ${file} is not a carebus bench result (format must be "${RESULT_FORMAT}")`);
  }
  if (!Array.isArray(candidate.metrics)) throw new Error(`--compare: ${file} has no "metrics" array`);
  return candidate as BenchResult;
}
