/**
 * What every suite receives and returns, so the command line can run, time and record them
 * uniformly. A suite never asserts: it measures, logs progress to stderr, and returns metrics
 * plus detail rows for the report. When something it needs is missing (no solver build, no
 * data folder) it throws `SuiteSkipped` with the reason, which the run records.
 */
import type { Metric } from "./result.js";

/** Settings shared by all suites, from the command line. */
export interface SuiteContext {
  quick: boolean;
  /** repository root (absolute) */
  repoRoot: string;
  /** parsed `--suite-option value` flags the suites understand (see cli.ts) */
  flags: Readonly<Record<string, string | undefined>>;
  /** one line of progress on stderr */
  log(message: string): void;
}

/** What a suite hands back. */
export interface SuiteOutput {
  metrics: Metric[];
  /** rows the report draws; stored under `details[<suite>]` of the result */
  details: unknown;
}

/** Thrown when a suite cannot run here (missing data or dependency); not a failure of the code measured. */
export class SuiteSkipped extends Error {
  override readonly name = "SuiteSkipped";
}

/** A runnable suite. */
export interface Suite {
  name: string;
  description: string;
  run(context: SuiteContext): Promise<SuiteOutput>;
}
