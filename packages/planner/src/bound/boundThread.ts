/**
 * The bound beside the search. Built (the CLI, the server, solve workers), the bound runs in a
 * worker thread for the whole solve while the search runs on: the search reads each new bound
 * live (it stops when its plan meets one), and the bound stops when the plan meets it or the
 * search has ended. From TypeScript sources (unit tests, tsx) no compiled worker exists, so the
 * bound runs first, in the calling thread, within `boundBudget`.
 *
 * Either way the bound gets at least `boundBudget` (a run that ends early by its iteration limit
 * still states the bound it would have had before the search).
 */
import { Worker, resourceLimits } from "node:worker_threads";
import { sharedCopy } from "@carebus/geo";
import type { FailureLog, Instance, SolvedRoute, SwallowedFailure } from "@carebus/solver";
import { type BoundMessage, type BoundWorkerData, Slot } from "./boundProtocol.js";
import { boundBudget, boundScenario, type RatedScenarioBound } from "./scenarioBound.js";
import { SharedNumbers } from "./sharedNumbers.js";

/** A running bound, as the search sees it. */
export interface RunningBound {
  /** the lowest bound so far */
  current(): RatedScenarioBound;
  /** the search's best value so far (the bound stops once it meets it) */
  planImproved(value: number): void;
  /**
   * The search is over: the bound stops once its budget has passed (at once when `now` is
   * true: a cancelled run), and the final bound is returned.
   */
  finish(now: boolean): Promise<RatedScenarioBound>;
}

/** Where the run stands, for starting the bound. */
export interface BoundStart {
  instance: Instance;
  first: { value: number; routes: readonly SolvedRoute[] };
  /** the trivial bound */
  quick: number;
  timeLimitSeconds: number;
  /** seconds of the time limit already spent (geography excluded: the solve's own clock) */
  elapsedSeconds: number;
  failures: FailureLog;
  isCancelled?: () => boolean;
  /** every lower bound the calling thread learns of before the search (sources only) */
  onBound?: (bound: RatedScenarioBound) => void;
}

const COMPILED = !import.meta.url.endsWith(".ts");
/** How long a stopped bound may take to end on its own, and how often that is looked at (ms). */
const STOP_GRACE_MS = 100;
const WATCH_MS = 25;

/** Start the bound of a solve (see the file's header for where it runs). */
export async function startBound(start: BoundStart): Promise<RunningBound> {
  // a run cancelled already keeps the trivial bound: the LP does not watch the cancel flag
  if (start.isCancelled?.() === true) return settled({ bound: start.quick, boundKind: "quick" });
  return COMPILED ? boundInWorker(start) : settled(await boundInline(start));
}

function settled(result: RatedScenarioBound): RunningBound {
  return { current: () => result, planImproved: () => {}, finish: async () => result };
}

function boundInline(start: BoundStart): Promise<RatedScenarioBound> {
  const { instance, first, quick, timeLimitSeconds, failures } = start;
  return boundScenario(instance, first.routes, quick, boundBudget(timeLimitSeconds), failures, {
    planValue: () => first.value,
    ...(start.isCancelled ? { isCancelled: start.isCancelled } : {}),
    ...(start.onBound ? { onBound: start.onBound } : {}),
  });
}

function boundInWorker(start: BoundStart): RunningBound {
  const { instance, first, quick, timeLimitSeconds, failures } = start;
  const numbers = new SharedNumbers(5);
  numbers.set(Slot.bound, quick);
  numbers.set(Slot.planValue, first.value);
  const startedAt = performance.now();
  const minimum = boundBudget(timeLimitSeconds);
  const data: BoundWorkerData = {
    // the travel matrix is shared, not copied (5,000 stops: 200 MB); the bounds never read road km
    instance: { ...instance, travel: sharedCopy(instance.travel), km: new Float64Array(0) },
    initial: first.routes,
    quick,
    budget: {
      lpSeconds: minimum.lpSeconds,
      totalSeconds: Math.max(minimum.totalSeconds, timeLimitSeconds - start.elapsedSeconds),
    },
    shared: numbers.buffer,
  };
  // a solve worker's memory limit holds for its bound too
  const worker = new Worker(new URL("./boundWorker.js", import.meta.url), { workerData: data, resourceLimits });
  // the worker's failures so far (each message has them all): merged once, when the bound ends
  let reported: readonly SwallowedFailure[] = [];
  const ended = new Promise<void>((resolve) => {
    worker.on("message", (message: BoundMessage) => {
      reported = message.failures;
      if (message.final) resolve();
    });
    worker.once("error", (error) => {
      failures.record("upper bound: its worker thread", error);
      resolve();
    });
    worker.once("exit", () => resolve());
  });
  const current = (): RatedScenarioBound => {
    const strong = numbers.get(Slot.strong) === 1;
    return { bound: numbers.get(Slot.bound), boundKind: strong ? "strong" : "quick" };
  };
  const stop = () => numbers.set(Slot.stop, 1);
  return {
    current,
    planImproved: (value) => numbers.set(Slot.planValue, value),
    finish: async (now) => {
      // A cancelled run does not wait at all. Otherwise the LP, which has its own time limit,
      // always answers (a plan states at least its bound, as when it ran before the search);
      // the route relaxation gets a grace after the stop to end a pricing call, which does not
      // watch the flag, and past it the worker is stopped (its bounds are in shared memory, and
      // it posted each failure as it counted it).
      if (!now) {
        const stopAt = startedAt + minimum.totalSeconds * 1000;
        // from when both the stop is set and the LP is done
        let graceFrom = Number.POSITIVE_INFINITY;
        const watch = setInterval(() => {
          const t = performance.now();
          if (t < stopAt) return;
          stop();
          if (graceFrom === Number.POSITIVE_INFINITY && numbers.get(Slot.lpDone) !== 0) graceFrom = t;
          if (t - graceFrom >= STOP_GRACE_MS) void worker.terminate();
        }, WATCH_MS);
        await ended;
        clearInterval(watch);
      }
      await worker.terminate();
      failures.merge(reported);
      return current();
    },
  };
}
