/**
 * `carebus worker`: runs solve jobs from the PostgreSQL queue on any host. Each job runs in a
 * worker thread through the same `JobQueue` the single-process server uses; around it, this
 * module claims the plan, forwards progress and status to the database (NOTIFY for the API
 * processes' streams), and polls the plan's row for a cancel request.
 *
 * At-least-once execution, exactly-once effect: a running job's worker records a heartbeat in
 * the plan's row every second (from its main thread, so a slow solve does not delay it). Every
 * worker looks for running plans whose heartbeat is older than `staleAfterSeconds`: their
 * worker died (SIGKILL, lost host), so the plan goes back to "queued" and its pg-boss job is
 * failed, which makes pg-boss offer it again (at most three runs, then its dead-letter queue,
 * where the plan is marked failed). pg-boss's own expiry stays as the backstop for a run that
 * keeps its heartbeat but never ends. Every run claims the plan by raising its `attempt`
 * number, and only the run holding the latest attempt may write the plan's status and result;
 * a run that finds it no longer holds the claim stops its solve. So however many runs start,
 * one result is stored.
 */
import type PgBoss from "pg-boss";
import { DEFAULT_CONFIG } from "../config.js";
import { openPostgresStore } from "../store/postgresStore.js";
import type { PlanProgress, Store } from "../store/store.js";
import { JobQueue } from "./jobQueue.js";
import {
  ABANDONED_QUEUE,
  createBoss,
  notifyJobEvent,
  notifyStoredStatus,
  SOLVE_QUEUE,
  SOLVE_RETRY_LIMIT,
  type SolveJobData,
  startBoss,
} from "./pgQueue.js";
import { isTerminal } from "./solveJobs.js";

/** Settings of a worker process. */
export interface SolveWorkersOptions {
  databaseUrl: string;
  /** solves at once in this process (default 1) */
  concurrency?: number;
  /** cap on any job's time limit, seconds (default the server's, 600) */
  maxSolveSeconds?: number;
  /** how often each idle slot asks the queue for a job, seconds (default 2; pg-boss's minimum is 0.5) */
  pollingIntervalSeconds?: number;
  /** how often expired leases are looked for, cluster-wide, seconds (default 15) */
  maintenanceIntervalSeconds?: number;
  /** how often a running job records its heartbeat and progress and checks for a cancel request, ms (default 1000) */
  heartbeatMs?: number;
  /** seconds without a heartbeat after which a running job is given to another worker (default 15) */
  staleAfterSeconds?: number;
  /** one line per job start and end, and failures */
  log?: (message: string) => void;
}

/** Running workers of this process. */
export interface SolveWorkers {
  /** jobs running now */
  running(): number;
  /** Stops taking jobs, waits for the running ones to finish, and disconnects. */
  close(): Promise<void>;
}

/**
 * Connects to the database and starts taking solve jobs.
 * @example const workers = await startSolveWorkers({ databaseUrl, concurrency: 2 }); await workers.close();
 */
export async function startSolveWorkers(options: SolveWorkersOptions): Promise<SolveWorkers> {
  const concurrency = options.concurrency ?? 1;
  const log = options.log ?? (() => undefined);
  const heartbeatMs = options.heartbeatMs ?? 1000;
  const store = await openPostgresStore(options.databaseUrl, { maxConnections: concurrency + 4 });
  /** the attempt each running job holds: its writes are fenced by it */
  const attempts = new Map<string, number>();
  const fencedStore: Store = {
    ...store,
    updatePlan: (id, update) => store.updatePlanOfAttempt(id, attempts.get(id) ?? -1, update),
  };
  const local = new JobQueue({
    store: fencedStore,
    concurrency,
    maxSolveSeconds: options.maxSolveSeconds ?? DEFAULT_CONFIG.maxSolveSeconds,
    defaultSolveSeconds: DEFAULT_CONFIG.defaultSolveSeconds,
    onError: (planId, message) => log(`plan ${planId}: ${message}`),
    onWarning: (planId, message) => log(`plan ${planId}: ${message}`),
  });
  const boss = createBoss(store, {
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 15,
  });
  boss.on("error", (error) => log(`queue: ${error.message}`));
  let active = 0;

  /** runs of this process, by plan */
  const runs = new Map<string, Promise<void>>();

  const runJob = async (job: PgBoss.Job<SolveJobData>): Promise<void> => {
    const { planId } = job.data;
    // pg-boss gives up on a handler when the lease runs out and may hand the job back to this
    // very process: the run under way keeps its claim, and this delivery waits for it.
    const under = runs.get(planId);
    if (under) return under;
    const run = claimAndRun(job);
    runs.set(planId, run);
    try {
      await run;
    } finally {
      runs.delete(planId);
    }
  };

  const claimAndRun = async (job: PgBoss.Job<SolveJobData>): Promise<void> => {
    const { planId } = job.data;
    const claimed = await store.pool.query<{ attempt: number; cancel_requested: boolean; scenario_id: string }>(
      `UPDATE plans SET status = 'running', attempt = attempt + 1, heartbeat_at = now()
       WHERE id = $1 AND status IN ('queued', 'running')
       RETURNING attempt, cancel_requested, scenario_id`,
      [planId],
    );
    const claim = claimed.rows[0];
    if (!claim) return; // cancelled while queued, or finished by an earlier run
    attempts.set(planId, claim.attempt);
    try {
      const scenario = await store.getScenario(claim.scenario_id);
      if (claim.cancel_requested || !scenario) {
        await fencedStore.updatePlan(
          planId,
          claim.cancel_requested
            ? { status: "cancelled", finishedAt: new Date().toISOString() }
            : { status: "failed", error: "the plan's scenario is missing", finishedAt: new Date().toISOString() },
        );
        await notifyStoredStatus(store.pool, planId);
        return;
      }
      log(`plan ${planId}: run ${claim.attempt} started`);
      await runClaimed(planId, claim.attempt, () => local.submit(planId, scenario, job.data.options));
      log(`plan ${planId}: run ${claim.attempt} ended`);
    } finally {
      attempts.delete(planId);
    }
  };

  /** Runs a claimed job in the local queue until it finishes, relaying progress and cancel requests. */
  const runClaimed = (planId: string, attempt: number, start: () => Promise<void>): Promise<void> =>
    new Promise<void>((resolve) => {
      let latest: PlanProgress | null = null;
      let recorded: PlanProgress | null = null;
      let stopAsked = false;
      let beating = false;
      const heartbeat = async () => {
        if (beating) return;
        beating = true;
        try {
          const progress = latest !== recorded ? latest : null;
          const { rows } = await store.pool.query<{ cancel_requested: boolean }>(
            `UPDATE plans SET heartbeat_at = now(), progress = COALESCE($2::json, progress)
             WHERE id = $1 AND attempt = $3 AND status = 'running' RETURNING cancel_requested`,
            [planId, progress ? JSON.stringify(progress) : null, attempt],
          );
          const row = rows[0];
          if (row && progress) {
            recorded = progress;
            await notifyJobEvent(store.pool, planId, { type: "progress", progress });
          }
          // Cancelled by a planner, or no longer ours (finished, or rerun after our lease ran out).
          if ((!row || row.cancel_requested) && !stopAsked) {
            stopAsked = true;
            await local.cancel(planId);
          }
        } catch (error) {
          log(`plan ${planId}: heartbeat: ${(error as Error).message}`);
        } finally {
          beating = false;
        }
      };
      const timer = setInterval(() => void heartbeat(), heartbeatMs);
      const unsubscribe = local.subscribe(planId, (event) => {
        if (event.type === "progress") {
          latest = event.progress;
        } else if (event.status === "running") {
          void notifyJobEvent(store.pool, planId, event).catch(() => undefined);
        } else if (isTerminal(event.status)) {
          clearInterval(timer);
          unsubscribe();
          notifyStoredStatus(store.pool, planId)
            .catch((error: unknown) => log(`plan ${planId}: notify: ${(error as Error).message}`))
            .finally(resolve);
        }
      });
      void start();
    });

  const staleAfterSeconds = options.staleAfterSeconds ?? 15;
  /** Gives the jobs of dead workers (no heartbeat for staleAfterSeconds) back to the queue. */
  const requeueStale = async (): Promise<void> => {
    const { rows } = await store.pool.query<{ id: string }>(
      `UPDATE plans SET status = 'queued'
       WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => $1)
       RETURNING id`,
      [staleAfterSeconds],
    );
    for (const { id } of rows) {
      log(`plan ${id}: its worker stopped (no heartbeat for ${staleAfterSeconds} s); queued again`);
      await boss.fail(SOLVE_QUEUE, id, { message: "the worker running it stopped" });
      await notifyJobEvent(store.pool, id, { type: "status", status: "queued" });
    }
  };
  let sweeping = false;
  const sweeper = setInterval(
    () => {
      if (sweeping) return;
      sweeping = true;
      requeueStale()
        .catch((error: unknown) => log(`requeue: ${(error as Error).message}`))
        .finally(() => {
          sweeping = false;
        });
    },
    Math.max(500, (staleAfterSeconds * 1000) / 3),
  );

  const markAbandoned = async (job: PgBoss.Job<SolveJobData>): Promise<void> => {
    const { planId } = job.data;
    const changed = await store.updatePlan(planId, {
      status: "failed",
      error: `no worker finished the job: ${SOLVE_RETRY_LIMIT + 1} runs stopped before the end (worker processes stopped, or out of time or memory)`,
      finishedAt: new Date().toISOString(),
    });
    if (changed) await notifyStoredStatus(store.pool, planId);
  };

  try {
    await startBoss(store, boss);
    const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    const counted =
      (work: (job: PgBoss.Job<SolveJobData>) => Promise<void>) => async (jobs: PgBoss.Job<SolveJobData>[]) => {
        active += 1;
        try {
          for (const job of jobs) await work(job);
        } finally {
          active -= 1;
        }
      };
    for (let slot = 0; slot < concurrency; slot++)
      await boss.work<SolveJobData>(SOLVE_QUEUE, { batchSize: 1, pollingIntervalSeconds }, counted(runJob));
    await boss.work<SolveJobData>(ABANDONED_QUEUE, { batchSize: 1, pollingIntervalSeconds: 5 }, counted(markAbandoned));
  } catch (error) {
    clearInterval(sweeper);
    await boss.stop({ graceful: false, close: false }).catch(() => undefined);
    await store.close();
    throw error;
  }

  return {
    running: () => active,
    async close() {
      clearInterval(sweeper);
      await boss.offWork(SOLVE_QUEUE);
      await boss.offWork(ABANDONED_QUEUE);
      while (active > 0) await new Promise((resolve) => setTimeout(resolve, 200));
      await boss.stop({ graceful: true, close: false, wait: true });
      await local.close();
      await store.close();
    },
  };
}
