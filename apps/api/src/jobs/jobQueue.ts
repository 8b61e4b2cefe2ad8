/**
 * Solve jobs: a FIFO queue with a concurrency limit, each job in its own worker thread with a
 * time limit, cancellation and live progress. Status changes are written to the store (the
 * durable truth); progress lives in memory only, since it is worthless after a restart.
 * Listeners (SSE streams) get every progress and status event of the jobs they follow.
 */
import { EventEmitter } from "node:events";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { Plan } from "@carebus/model";
import { describeSwallowed } from "@carebus/solver";
import { publicErrorMessage } from "../publicErrors.js";
import type { PlanOptions, PlanProgress, PlanStatus, ScenarioRecord, Store } from "../store/store.js";
import { effectiveTimeLimit, isTerminal, type JobEvent, type SolveJobs } from "./solveJobs.js";
import type { SolveWorkerData, SolveWorkerMessage } from "./solveWorker.js";

/** The latest progress of a running job. */
export type JobProgress = PlanProgress;

/** Settings of the queue. */
export interface JobQueueOptions {
  store: Store;
  /** solves running at the same time (default 1: the machine's cores also serve requests) */
  concurrency: number;
  /** cap on any job's time limit, seconds */
  maxSolveSeconds: number;
  /** time limit of a job that names neither a time nor an iteration limit, seconds */
  defaultSolveSeconds: number;
  /** seconds a cancelled worker gets to stop on its own before it is terminated (default 5) */
  graceSeconds?: number;
  /**
   * seconds a solve may run past its time limit (preparing the geography comes before the
   * solver's own clock starts) before it is asked to stop; `graceSeconds` later its thread is
   * terminated (default: max(60, the time limit))
   */
  overrunSeconds?: number;
  /** old-generation heap of each worker, in MiB (default: Node's) */
  memoryLimitMb?: number;
  /** called for failures worth a log line, with the full cause (the store keeps the public form) */
  onError?: (planId: string, message: string) => void;
  /** called once per place where the solve survived failures (HiGHS that cannot load or errs) */
  onWarning?: (planId: string, message: string) => void;
}

interface Job {
  planId: string;
  scenario: ScenarioRecord;
  options: PlanOptions;
  status: PlanStatus;
  progress: JobProgress | null;
  cancelFlag: Int32Array;
  worker: Worker | null;
  timers: NodeJS.Timeout[];
  cancelRequested: boolean;
  /** the run's first plan, stored if the worker has to be stopped before it returns its best */
  firstPlan: Plan | null;
}

/**
 * How to start the worker. Built code (the server, the integration tests) runs
 * dist/jobs/solveWorker.js. Run from source (a unit test, or tsx), the worker is the .ts file,
 * loaded through tsx's register API (Node 20 does not apply `--import` loaders inside workers),
 * with tsconfig.source.json mapping @carebus/* to the packages' sources the way vitest's aliases do.
 */
function createSolveWorker(workerData: SolveWorkerData, memoryLimitMb: number | undefined): Worker {
  const resourceLimits =
    memoryLimitMb === undefined ? {} : { resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb } };
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./solveWorker.js", import.meta.url), { workerData, ...resourceLimits });
  const tsxApi = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const tsconfig = fileURLToPath(new URL("../../tsconfig.source.json", import.meta.url));
  const entry = new URL("./solveWorker.ts", import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData, ...resourceLimits });
}

/** The queue of solve jobs of one server: each runs in a worker thread of this process. */
export class JobQueue implements SolveJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running = 0;
  private readonly events = new EventEmitter();
  private closed = false;

  constructor(private readonly options: JobQueueOptions) {
    this.events.setMaxListeners(0);
  }

  /** The time limit a job really runs with, in seconds (see `effectiveTimeLimit`). */
  effectiveTimeLimit(options: PlanOptions, scenarioOptions: PlanOptions = {}): number {
    return effectiveTimeLimit(this.options, options, scenarioOptions);
  }

  /** Queues a job for a plan already stored as "queued". */
  async submit(planId: string, scenario: ScenarioRecord, options: PlanOptions): Promise<void> {
    const job: Job = {
      planId,
      scenario,
      options,
      status: "queued",
      progress: null,
      cancelFlag: new Int32Array(new SharedArrayBuffer(4)),
      worker: null,
      timers: [],
      cancelRequested: false,
      firstPlan: null,
    };
    this.jobs.set(planId, job);
    this.waiting.push(job);
    this.pump();
  }

  /** The change set and base plan of a re-planning job (the route checked both when it was asked). */
  private async replanInput(options: PlanOptions): Promise<Pick<SolveWorkerData, "changes" | "basePlan">> {
    const basePlan = options.basePlanId ? (await this.options.store.getPlan(options.basePlanId))?.plan : undefined;
    return { ...(options.changes ? { changes: options.changes } : {}), ...(basePlan ? { basePlan } : {}) };
  }

  /** In-memory state of a job of this process, if any. */
  state(planId: string): { status: PlanStatus; progress: JobProgress | null } | undefined {
    const job = this.jobs.get(planId);
    return job ? { status: job.status, progress: job.progress } : undefined;
  }

  /** Jobs of this process report every event; any other job is finished or lost. */
  willReport(planId: string): boolean {
    return this.jobs.has(planId);
  }

  /**
   * Cancels a job: a queued one at once, a running one by raising its flag (the worker stops
   * at its next check, or is terminated after the grace time). Returns the status after the
   * request, or null when the job is unknown or already finished.
   */
  async cancel(planId: string): Promise<PlanStatus | null> {
    const job = this.jobs.get(planId);
    if (!job || isTerminal(job.status)) return null;
    if (job.cancelRequested) return job.status;
    job.cancelRequested = true;
    if (job.status === "queued") {
      this.waiting.splice(this.waiting.indexOf(job), 1);
      await this.finish(job, "cancelled", {});
      return "cancelled";
    }
    Atomics.store(job.cancelFlag, 0, 1);
    const grace = (this.options.graceSeconds ?? 5) * 1000;
    job.timers.push(setTimeout(() => void this.terminate(job, "cancelled", "cancelled"), grace));
    return job.status;
  }

  /** Follows a job's events; returns the function that stops following. */
  subscribe(planId: string, listener: (event: JobEvent) => void): () => void {
    this.events.on(planId, listener);
    return () => this.events.off(planId, listener);
  }

  /** Stops every worker and marks unfinished jobs cancelled (server shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    const open = [...this.jobs.values()].filter((j) => !isTerminal(j.status));
    this.waiting.length = 0;
    await Promise.all(open.map((job) => this.terminate(job, "cancelled", "server stopped")));
  }

  private pump(): void {
    while (!this.closed && this.running < this.options.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift()!;
      this.running += 1;
      void this.start(job);
    }
  }

  private async start(job: Job): Promise<void> {
    job.status = "running";
    try {
      await this.options.store.updatePlan(job.planId, { status: "running" });
    } catch (error) {
      await this.finish(job, "failed", { error: `could not record the job start: ${(error as Error).message}` });
      return;
    }
    this.emit(job, { type: "status", status: "running" });
    const timeLimitSeconds = this.effectiveTimeLimit(job.options, job.scenario.scenario.options);
    const data: SolveWorkerData = {
      scenario: job.scenario.scenario,
      options: {
        timeLimitSeconds,
        ...(job.options.iterationLimit !== undefined ? { iterationLimit: job.options.iterationLimit } : {}),
        ...(job.options.seed !== undefined ? { seed: job.options.seed } : {}),
        ...(job.scenario.baseDir !== null ? { baseDir: job.scenario.baseDir } : {}),
      },
      ...(await this.replanInput(job.options)),
      cancelBuffer: job.cancelFlag.buffer as SharedArrayBuffer,
    };
    const worker = createSolveWorker(data, this.options.memoryLimitMb);
    job.worker = worker;
    // The solver watches its own clock, but only once its search starts; preparing the
    // geography of a large scenario comes first and can take a while on a busy machine.
    // These are the backstops if it overruns anyway: ask it to stop, then stop the thread.
    const overrunSeconds = this.options.overrunSeconds ?? Math.max(60, timeLimitSeconds);
    const softMs = (timeLimitSeconds + overrunSeconds) * 1000;
    const graceMs = (this.options.graceSeconds ?? 5) * 1000;
    job.timers.push(setTimeout(() => Atomics.store(job.cancelFlag, 0, 1), softMs));
    job.timers.push(
      setTimeout(
        () =>
          void this.terminate(
            job,
            "failed",
            `stopped: the solve ran more than ${Math.round((softMs + graceMs) / 1000 - timeLimitSeconds)} s past its time limit of ${timeLimitSeconds} s`,
          ),
        softMs + graceMs,
      ),
    );
    worker.on("message", (message: SolveWorkerMessage) => void this.onMessage(job, message));
    worker.on("error", (error: Error & { code?: string }) => {
      this.options.onError?.(job.planId, `solve worker error: ${error.stack ?? error.message}`);
      const reason =
        error.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? `the solve ran out of memory (limit ${this.options.memoryLimitMb ?? "Node's default"} MiB): plan fewer stops or demand points, or raise CAREBUS_SOLVE_MEMORY_MB`
          : "the solver crashed; the server log has the details";
      void this.finish(job, "failed", { error: reason });
    });
    worker.on("exit", (code) => {
      if (!isTerminal(job.status))
        void this.finish(job, "failed", { error: `solver stopped unexpectedly (exit code ${code})` });
    });
  }

  private async onMessage(job: Job, message: SolveWorkerMessage): Promise<void> {
    if (isTerminal(job.status)) return;
    if (message.type === "progress") {
      job.progress = message.progress;
      this.emit(job, { type: "progress", progress: message.progress });
      return;
    }
    if (message.type === "first-plan") {
      job.firstPlan = message.plan as Plan;
      return;
    }
    for (const failure of message.failures)
      this.options.onWarning?.(job.planId, `the solve survived a failure: ${describeSwallowed(failure)}`);
    if (message.type === "done") {
      const plan = message.plan as Plan;
      job.progress = {
        value: plan.stats.value,
        bound: plan.stats.bound,
        ...(plan.stats.boundKind ? { boundKind: plan.stats.boundKind } : {}),
        elapsedMs: plan.stats.elapsedMs,
        iterations: plan.stats.iterations,
      };
      this.emit(job, { type: "progress", progress: job.progress });
      // A cancelled solve still returns its best plan; keep it, but report the cancellation.
      await this.finish(job, job.cancelRequested ? "cancelled" : "done", { plan });
    } else {
      if (!job.cancelRequested)
        this.options.onError?.(job.planId, `solve failed: ${message.code ?? "(no code)"}: ${message.message}`);
      await this.finish(job, job.cancelRequested ? "cancelled" : "failed", {
        error: publicErrorMessage(message.code, message.message),
      });
    }
  }

  private async terminate(job: Job, status: PlanStatus, error: string): Promise<void> {
    if (isTerminal(job.status)) return;
    const worker = job.worker;
    // A run stopped past its grace time (busy in the bound's LP, say) keeps its first plan.
    const kept = job.firstPlan ? { plan: job.firstPlan } : {};
    await this.finish(job, status, status === "cancelled" ? kept : { error });
    await worker?.terminate();
  }

  private async finish(job: Job, status: PlanStatus, extra: { error?: string; plan?: Plan }): Promise<void> {
    if (isTerminal(job.status)) return;
    const wasRunning = job.status === "running";
    job.status = status;
    for (const timer of job.timers) clearTimeout(timer);
    job.timers = [];
    try {
      await this.options.store.updatePlan(job.planId, {
        status,
        error: extra.error ?? null,
        ...(extra.plan ? { plan: extra.plan } : {}),
        finishedAt: new Date().toISOString(),
      });
    } catch (storeError) {
      this.options.onError?.(job.planId, `could not record the job's end: ${(storeError as Error).message}`);
    }
    if (extra.error && status === "failed") this.options.onError?.(job.planId, extra.error);
    this.emit(job, extra.error ? { type: "status", status, error: extra.error } : { type: "status", status });
    // Finished jobs are read from the store from now on.
    this.jobs.delete(job.planId);
    if (wasRunning) {
      const worker = job.worker;
      job.worker = null;
      if (worker) void worker.terminate();
      this.running -= 1;
      this.pump();
    }
  }

  private emit(job: Job, event: JobEvent): void {
    this.events.emit(job.planId, event);
  }
}
