/**
 * Solve jobs through PostgreSQL, for deployments with several API processes and any number of
 * `carebus worker` processes on one database. API processes only enqueue (pg-boss, in the same
 * database as the store), read and stream; workers (pgWorker.ts) run the solves. Workers
 * record status, progress and the result in the `plans` table and announce each change with
 * NOTIFY; every API process LISTENs and passes events to its SSE streams, and also re-reads
 * the status of followed jobs every few seconds, so a notification lost with a dropped
 * connection never leaves a stream open forever. Cancelling writes a request into the plan's
 * row, which the worker running it polls, so it works from any API process.
 */
import { EventEmitter } from "node:events";
import pg from "pg";
import PgBoss from "pg-boss";
import type { PostgresStore } from "../store/postgresStore.js";
import type { PlanOptions, PlanStatus, ScenarioRecord } from "../store/store.js";
import { effectiveTimeLimit, type JobEvent, type SolveJobs, type SolveTimeLimits } from "./solveJobs.js";

/** The pg-boss queue of solve jobs. */
export const SOLVE_QUEUE = "carebus-solve";
/** Where pg-boss moves a job whose every run lost its lease (workers mark its plan failed). */
export const ABANDONED_QUEUE = "carebus-solve-abandoned";
/** The NOTIFY channel of job events. */
export const EVENTS_CHANNEL = "carebus_job_events";
/** Runs after the first whose worker died before another job run is given up. */
export const SOLVE_RETRY_LIMIT = 2;
/** How often API processes re-read the status of the jobs their streams follow, ms. */
const STATUS_RECHECK_MS = 3000;
/** NOTIFY payloads must stay below 8000 bytes: long error texts are cut. */
const MAX_NOTIFIED_ERROR = 2000;

/** What a queued solve job carries: the plan to solve and its effective options. */
export interface SolveJobData {
  planId: string;
  options: PlanOptions & { timeLimitSeconds: number };
  /** seconds a run may take, heartbeat or not, before the job is given to another worker */
  leaseSeconds: number;
}

/** A job event on the wire: the event plus the plan it belongs to. */
export type JobNotification = JobEvent & { planId: string };

/**
 * The backstop lease of a job: how long a run may hold it, heartbeat or not, before pg-boss
 * hands it to another worker (dead workers are found sooner, by their missing heartbeat; see
 * pgWorker.ts). A healthy run never gets there: the worker's own backstop (see JobQueue) stops
 * a solve at its time limit plus max(60 s, the limit) plus 30 s, and the default grace is above that.
 */
export function leaseSeconds(timeLimitSeconds: number, graceSeconds?: number): number {
  return Math.ceil(timeLimitSeconds + (graceSeconds ?? Math.max(60, timeLimitSeconds) + 60));
}

/** A pg-boss instance on the store's own connection pool (one pool per process). */
export function createBoss(store: PostgresStore, options: PgBoss.ConstructorOptions = {}): PgBoss {
  return new PgBoss({
    db: { executeSql: (text, values) => store.pool.query(text, values) },
    schedule: false,
    ...options,
  });
}

/** Any number: the key of the advisory lock held while pg-boss installs or upgrades its schema. */
const BOSS_START_LOCK = 0x62757321; // "bus!"

/**
 * Starts pg-boss and creates the queues when missing. Processes starting together take turns:
 * pg-boss's own schema creation is not safe against a concurrent first start.
 */
export async function startBoss(store: PostgresStore, boss: PgBoss): Promise<void> {
  const lock = await store.pool.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [BOSS_START_LOCK]);
    await boss.start();
    await ensureQueues(boss);
  } finally {
    await lock.query("SELECT pg_advisory_unlock($1)", [BOSS_START_LOCK]).catch(() => undefined);
    lock.release();
  }
}

async function ensureQueues(boss: PgBoss): Promise<void> {
  await boss.createQueue(ABANDONED_QUEUE);
  await boss.createQueue(SOLVE_QUEUE, {
    name: SOLVE_QUEUE,
    retryLimit: SOLVE_RETRY_LIMIT,
    retryDelay: 0,
    deadLetter: ABANDONED_QUEUE,
  });
}

/** Announces a job event to every API process. */
export async function notifyJobEvent(db: pg.Pool | pg.ClientBase, planId: string, event: JobEvent): Promise<void> {
  const payload: JobNotification =
    event.type === "status" && event.error !== undefined
      ? { ...event, planId, error: event.error.slice(0, MAX_NOTIFIED_ERROR) }
      : { ...event, planId };
  await db.query("SELECT pg_notify($1, $2)", [EVENTS_CHANNEL, JSON.stringify(payload)]);
}

/** Announces a plan's stored status (the truth, whatever a run thought it achieved). */
export async function notifyStoredStatus(db: pg.Pool, planId: string): Promise<void> {
  const { rows } = await db.query<{ status: PlanStatus; error: string | null }>(
    "SELECT status, error FROM plans WHERE id = $1",
    [planId],
  );
  const row = rows[0];
  if (!row) return;
  await notifyJobEvent(
    db,
    planId,
    row.error ? { type: "status", status: row.status, error: row.error } : { type: "status", status: row.status },
  );
}

/** Settings of `PgJobs`. */
export interface PgJobsOptions extends SolveTimeLimits {
  store: PostgresStore;
  /** the database URL, for the LISTEN connection */
  databaseUrl: string;
  /** seconds a run may exceed its time limit before another worker takes the job (default: see leaseSeconds) */
  leaseGraceSeconds?: number;
  /** called for failures worth a log line */
  onError?: (message: string) => void;
}

/** Solve jobs of an API process on PostgreSQL: enqueue, follow, cancel; never solve. */
export class PgJobs implements SolveJobs {
  private readonly events = new EventEmitter();
  private listener: pg.Client | null = null;
  private recheck: NodeJS.Timeout | null = null;
  private closed = false;

  private constructor(
    private readonly options: PgJobsOptions,
    private readonly boss: PgBoss,
  ) {
    this.events.setMaxListeners(0);
  }

  /** Connects the queue and the event listener. */
  static async open(options: PgJobsOptions): Promise<PgJobs> {
    const boss = createBoss(options.store, { supervise: false });
    boss.on("error", (error) => options.onError?.(`job queue: ${error.message}`));
    await startBoss(options.store, boss);
    const jobs = new PgJobs(options, boss);
    try {
      await jobs.listen();
    } catch (error) {
      await boss.stop({ graceful: false, close: false });
      throw error;
    }
    jobs.recheck = setInterval(() => void jobs.recheckFollowed(), STATUS_RECHECK_MS);
    return jobs;
  }

  async submit(planId: string, scenario: ScenarioRecord, options: PlanOptions): Promise<void> {
    const timeLimitSeconds = effectiveTimeLimit(this.options, options, scenario.scenario.options);
    const lease = leaseSeconds(timeLimitSeconds, this.options.leaseGraceSeconds);
    const data: SolveJobData = { planId, options: { ...options, timeLimitSeconds }, leaseSeconds: lease };
    try {
      // The plan id is the job id, so the job is queued at most once per plan.
      await this.boss.send(SOLVE_QUEUE, data, { id: planId, expireInSeconds: lease });
    } catch (error) {
      await this.options.store.updatePlan(planId, {
        status: "failed",
        error: `could not queue the job: ${(error as Error).message}`,
        finishedAt: new Date().toISOString(),
      });
      throw error;
    }
  }

  /** Nothing runs in this process: the store has the status and the latest progress. */
  state(): undefined {
    return undefined;
  }

  /** Workers announce every change of every job. */
  willReport(): boolean {
    return true;
  }

  async cancel(planId: string): Promise<PlanStatus | null> {
    const { rows } = await this.options.store.pool.query<{ status: PlanStatus }>(
      `UPDATE plans SET cancel_requested = true,
         status = CASE WHEN status = 'queued' THEN 'cancelled' ELSE status END,
         finished_at = CASE WHEN status = 'queued' THEN now() ELSE finished_at END
       WHERE id = $1 AND status IN ('queued', 'running')
       RETURNING status`,
      [planId],
    );
    const status = rows[0]?.status;
    if (!status) return null;
    if (status === "cancelled") {
      // A worker that fetched it meanwhile finds the plan cancelled and skips it.
      await this.boss.cancel(SOLVE_QUEUE, planId).catch(() => undefined);
      await notifyJobEvent(this.options.store.pool, planId, { type: "status", status });
    }
    return status;
  }

  subscribe(planId: string, listener: (event: JobEvent) => void): () => void {
    this.events.on(planId, listener);
    return () => this.events.off(planId, listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.recheck) clearInterval(this.recheck);
    // Streams end; their clients reconnect to another API process.
    this.events.removeAllListeners();
    const listener = this.listener;
    this.listener = null;
    await listener?.end().catch(() => undefined);
    await this.boss.stop({ graceful: false, close: false, wait: true });
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on("notification", (message) => {
      if (message.channel !== EVENTS_CHANNEL || !message.payload) return;
      const { planId, ...event } = JSON.parse(message.payload) as JobNotification;
      this.events.emit(planId, event as JobEvent);
    });
    client.on("error", (error) => {
      this.options.onError?.(`job events connection lost: ${error.message}`);
      void this.relisten(client);
    });
    client.on("end", () => void this.relisten(client));
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.listener = client;
  }

  /** Reconnects the listener after its connection dropped (streams meanwhile rely on recheck). */
  private async relisten(lost: pg.Client): Promise<void> {
    if (this.closed || this.listener !== lost) return;
    this.listener = null;
    while (!this.closed) {
      try {
        await this.listen();
        return;
      } catch (error) {
        this.options.onError?.(`job events: cannot reconnect: ${(error as Error).message}`);
        await new Promise((resolve) => setTimeout(resolve, STATUS_RECHECK_MS));
      }
    }
  }

  /** Reports finished jobs whose notification did not arrive. */
  private async recheckFollowed(): Promise<void> {
    const followed = this.events.eventNames().filter((name): name is string => typeof name === "string");
    if (followed.length === 0) return;
    try {
      const { rows } = await this.options.store.pool.query<{ id: string; status: PlanStatus; error: string | null }>(
        "SELECT id, status, error FROM plans WHERE id = ANY($1) AND status IN ('done', 'failed', 'cancelled')",
        [followed],
      );
      for (const row of rows) {
        this.events.emit(
          row.id,
          row.error
            ? ({ type: "status", status: row.status, error: row.error } satisfies JobEvent)
            : ({ type: "status", status: row.status } satisfies JobEvent),
        );
      }
    } catch (error) {
      this.options.onError?.(`job status recheck: ${(error as Error).message}`);
    }
  }
}
