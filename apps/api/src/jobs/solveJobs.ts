/**
 * The one interface through which routes start, follow and cancel solve jobs, whoever runs
 * them: `JobQueue` runs them in worker threads of this process (the SQLite default), `PgJobs`
 * hands them to `carebus worker` processes through a queue in PostgreSQL. The store holds each
 * job's status and result either way; this interface adds what is live.
 */
import type { PlanOptions, PlanProgress, PlanStatus, ScenarioRecord } from "../store/store.js";

/** What listeners of a job receive. */
export type JobEvent =
  | { type: "progress"; progress: PlanProgress }
  | { type: "status"; status: PlanStatus; error?: string };

/** Live state of a job this process runs. */
export interface LiveJobState {
  status: PlanStatus;
  progress: PlanProgress | null;
}

/** Where solve jobs run. */
export interface SolveJobs {
  /** Starts a job for a plan already stored as "queued". */
  submit(planId: string, scenario: ScenarioRecord, options: PlanOptions): Promise<void>;
  /** The job's state when this process runs it (fresher than the store); undefined otherwise. */
  state(planId: string): LiveJobState | undefined;
  /** True when events of this unfinished job will reach `subscribe` listeners in this process. */
  willReport(planId: string): boolean;
  /**
   * Asks an unfinished job to stop: a queued one is cancelled at once, a running one stops at
   * its next check and keeps its best plan. Returns the job's status right after the request,
   * or null when the job is unknown or already finished.
   */
  cancel(planId: string): Promise<PlanStatus | null>;
  /** Follows a job's events; returns the function that stops following. */
  subscribe(planId: string, listener: (event: JobEvent) => void): () => void;
  close(): Promise<void>;
}

/** Server limits on solve time. */
export interface SolveTimeLimits {
  /** cap on any job's time limit, seconds */
  maxSolveSeconds: number;
  /** time limit of a job that names neither a time nor an iteration limit, seconds */
  defaultSolveSeconds: number;
}

const TERMINAL: ReadonlySet<PlanStatus> = new Set(["done", "failed", "cancelled"]);

/** True when no further events will come for a job in this status. */
export function isTerminal(status: PlanStatus): boolean {
  return TERMINAL.has(status);
}

/**
 * The time limit a job really runs with, in seconds: the request's, else the scenario's own
 * `options`, else the server default (or the cap when only an iteration limit is set); never
 * above the server's cap.
 */
export function effectiveTimeLimit(
  limits: SolveTimeLimits,
  options: PlanOptions,
  scenarioOptions: PlanOptions = {},
): number {
  const iterations = options.iterationLimit ?? scenarioOptions.iterationLimit;
  const asked =
    options.timeLimitSeconds ??
    scenarioOptions.timeLimitSeconds ??
    (iterations !== undefined ? limits.maxSolveSeconds : limits.defaultSolveSeconds);
  return Math.min(asked, limits.maxSolveSeconds);
}
