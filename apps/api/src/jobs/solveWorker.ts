/**
 * Worker-thread entry of one solve. The solver is synchronous CPU work, so it runs here and
 * never on the server's event loop. The parent passes the scenario and options, reads progress
 * from messages (at most every PROGRESS_INTERVAL_MS, plus the last one), and cancels by setting
 * the shared flag, which the solver polls through `isCancelled`.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { ChangeSet, Plan, Scenario } from "@carebus/model";
import { FailureLog, type SwallowedFailure } from "@carebus/solver";
import type { JobProgress } from "./jobQueue.js";

/** Data the parent hands to the worker. */
export interface SolveWorkerData {
  scenario: Scenario;
  options: { timeLimitSeconds?: number; iterationLimit?: number; seed?: number; baseDir?: string };
  /** pins and exclusions: the job re-plans (see @carebus/solver's replan) */
  changes?: ChangeSet;
  /** the plan to re-plan from */
  basePlan?: Plan;
  /** Int32Array over it: index 0 becomes non-zero to cancel */
  cancelBuffer: SharedArrayBuffer;
}

/** Messages the worker posts. */
export type SolveWorkerMessage =
  | { type: "progress"; progress: JobProgress }
  /** the first plan, kept in case the run must be stopped before it returns (JobQueue.terminate) */
  | { type: "first-plan"; plan: unknown }
  | { type: "done"; plan: unknown; failures: SwallowedFailure[] }
  | { type: "error"; code: string | null; message: string; failures: SwallowedFailure[] };

const PROGRESS_INTERVAL_MS = 250;

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error("solveWorker must run in a worker thread");
  const data = workerData as SolveWorkerData;
  const flag = new Int32Array(data.cancelBuffer);
  let lastSent = 0;
  // failures the solve survived (HiGHS that cannot load or errs): the server logs them
  const failures = new FailureLog();
  try {
    const { replan, solveScenario } = await import("@carebus/planner");
    const replanning = data.changes !== undefined || data.basePlan !== undefined;
    const solveWith: typeof solveScenario = (scenario, options) =>
      replanning
        ? replan(scenario, data.changes ?? {}, { ...options, ...(data.basePlan ? { basePlan: data.basePlan } : {}) })
        : solveScenario(scenario, options);
    const plan = await solveWith(data.scenario, {
      ...data.options,
      failures,
      isCancelled: () => Atomics.load(flag, 0) !== 0,
      onFirstPlan: (plan) => port.postMessage({ type: "first-plan", plan } satisfies SolveWorkerMessage),
      onProgress: (progress) => {
        const now = Date.now();
        if (now - lastSent < PROGRESS_INTERVAL_MS) return;
        lastSent = now;
        port.postMessage({ type: "progress", progress } satisfies SolveWorkerMessage);
      },
    });
    port.postMessage({ type: "done", plan, failures: failures.list() } satisfies SolveWorkerMessage);
  } catch (error) {
    const code = typeof (error as { code?: unknown }).code === "string" ? (error as { code: string }).code : null;
    port.postMessage({
      type: "error",
      code,
      message: error instanceof Error ? error.message : String(error),
      failures: failures.list(),
    } satisfies SolveWorkerMessage);
  }
}

void main();
