/**
 * The `Store` on PostgreSQL, for deployments where several API processes and solve workers
 * share one database (`carebus serve --database postgresql://…`). Every method is one
 * statement or one transaction, so it is atomic like the SQLite store; the schema is upgraded
 * at open time under an advisory lock, so processes starting together migrate once.
 */
import pg from "pg";
import type { Plan, Scenario } from "@carebus/model";
import { POSTGRES_MIGRATIONS } from "./postgresMigrations.js";
import {
  ScenarioExistsError,
  type PlanProgress,
  type PlanRecord,
  type PlanUpdate,
  type PublicationRecord,
  type ScenarioSummary,
  type Store,
} from "./store.js";

/** The PostgreSQL store and the pool it runs on (the job queue shares it). */
export interface PostgresStore extends Store {
  pool: pg.Pool;
  /** `updatePlan` that only the given run of the job may do (the latest claim, see pgWorker.ts). */
  updatePlanOfAttempt(id: string, attempt: number, update: PlanUpdate): Promise<boolean>;
}

/** Options of `openPostgresStore`. */
export interface PostgresStoreOptions {
  /** most connections this process opens for storage (default 10) */
  maxConnections?: number;
}

/** Any number: the key of the advisory lock held while migrating. */
const MIGRATION_LOCK = 0x63617265; // "care"

interface PlanRow {
  id: string;
  scenario_id: string;
  scenario_hash: string;
  options: PlanRecord["options"];
  status: PlanRecord["status"];
  error: string | null;
  plan: Plan | null;
  created_at: Date;
  finished_at: Date | null;
  progress: PlanProgress | null;
}

interface PublicationRow {
  id: string;
  scenario_id: string;
  plan_id: string;
  published_at: Date;
}

const PUBLICATION_COLUMNS = "id, scenario_id, plan_id, published_at";

function toPlanRecord(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioHash: row.scenario_hash,
    options: row.options,
    status: row.status,
    error: row.error,
    plan: row.plan,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    progress: row.progress,
  };
}

function toPublicationRecord(row: PublicationRow): PublicationRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    planId: row.plan_id,
    publishedAt: row.published_at.toISOString(),
  };
}

/** Runs `work` in a transaction on one pooled connection. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function migrate(pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query(
      "CREATE TABLE IF NOT EXISTS carebus_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL)",
    );
    const { rows } = await client.query<{ version: number }>("SELECT version FROM carebus_migrations");
    const applied = new Set(rows.map((r) => r.version));
    for (const migration of POSTGRES_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query("INSERT INTO carebus_migrations (version, applied_at) VALUES ($1, now())", [
        migration.version,
      ]);
    }
  });
}

/**
 * Connects to `url`, upgrades the schema, and returns the store.
 * @example const store = await openPostgresStore("postgresql://carebus@db/carebus"); await store.close();
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections ?? 10 });
  // An idle connection dropped by the server must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const latestPublication = async (
    db: pg.Pool | pg.PoolClient,
    scenarioId: string,
  ): Promise<PublicationRecord | undefined> => {
    const { rows } = await db.query<PublicationRow>(
      `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE scenario_id = $1 ORDER BY seq DESC LIMIT 1`,
      [scenarioId],
    );
    return rows[0] ? toPublicationRecord(rows[0]) : undefined;
  };

  const updatePlan = async (id: string, update: PlanUpdate, attempt: number | null): Promise<boolean> => {
    const result = await pool.query(
      `UPDATE plans SET status = $2,
         error = CASE WHEN $3 THEN $4 ELSE error END,
         plan = CASE WHEN $5 THEN $6::json ELSE plan END,
         finished_at = CASE WHEN $7 THEN $8::timestamptz ELSE finished_at END
       WHERE id = $1 AND status IN ('queued', 'running') AND ($9::integer IS NULL OR attempt = $9)`,
      [
        id,
        update.status,
        update.error !== undefined,
        update.error ?? null,
        update.plan !== undefined,
        update.plan ? JSON.stringify(update.plan) : null,
        update.finishedAt !== undefined,
        update.finishedAt ?? null,
        attempt,
      ],
    );
    return result.rowCount === 1;
  };

  return {
    pool,
    async insertScenario(record) {
      const inserted = await pool.query(
        `INSERT INTO scenarios (id, name, hash, json, base_dir, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (id) DO NOTHING`,
        [record.id, record.name, record.hash, JSON.stringify(record.scenario), record.baseDir, record.createdAt],
      );
      if (inserted.rowCount === 1) return true;
      const { rows } = await pool.query<{ hash: string }>("SELECT hash FROM scenarios WHERE id = $1", [record.id]);
      if (rows[0]?.hash === record.hash) return false;
      throw new ScenarioExistsError(record.id);
    },
    async getScenario(id) {
      const { rows } = await pool.query<{
        id: string;
        name: string;
        hash: string;
        json: Scenario;
        base_dir: string | null;
        created_at: Date;
      }>("SELECT id, name, hash, json, base_dir, created_at FROM scenarios WHERE id = $1", [id]);
      const row = rows[0];
      if (!row) return undefined;
      return {
        id: row.id,
        name: row.name,
        hash: row.hash,
        scenario: row.json,
        baseDir: row.base_dir,
        createdAt: row.created_at.toISOString(),
      };
    },
    async hasScenario(id) {
      const { rowCount } = await pool.query("SELECT 1 FROM scenarios WHERE id = $1", [id]);
      return rowCount === 1;
    },
    async listScenarios(): Promise<ScenarioSummary[]> {
      const { rows } = await pool.query<{
        id: string;
        name: string;
        created_at: Date;
        published_plan_id: string | null;
      }>(`SELECT s.id, s.name, s.created_at,
            (SELECT p.plan_id FROM publications p WHERE p.scenario_id = s.id ORDER BY p.seq DESC LIMIT 1) AS published_plan_id
          FROM scenarios s ORDER BY s.created_at, s.id`);
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: r.created_at.toISOString(),
        publishedPlanId: r.published_plan_id,
      }));
    },
    async insertPlan(record) {
      await pool.query(
        `INSERT INTO plans (id, scenario_id, scenario_hash, options, status, error, plan, created_at, finished_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          record.id,
          record.scenarioId,
          record.scenarioHash,
          JSON.stringify(record.options),
          record.status,
          record.error,
          record.plan === null ? null : JSON.stringify(record.plan),
          record.createdAt,
          record.finishedAt,
        ],
      );
    },
    updatePlan: (id, update) => updatePlan(id, update, null),
    updatePlanOfAttempt: (id, attempt, update) => updatePlan(id, update, attempt),
    async getPlan(id) {
      const { rows } = await pool.query<PlanRow>(
        `SELECT id, scenario_id, scenario_hash, options, status, error, plan, created_at, finished_at, progress
         FROM plans WHERE id = $1`,
        [id],
      );
      return rows[0] ? toPlanRecord(rows[0]) : undefined;
    },
    async listPlans(scenarioId) {
      const { rows } = await pool.query<{
        id: string;
        status: PlanRecord["status"];
        created_at: Date;
        finished_at: Date | null;
        value: string | null;
        visits: string | null;
        base_plan_id: string | null;
      }>(
        `SELECT id, status, created_at, finished_at, plan -> 'totals' ->> 'value' AS value,
           plan -> 'totals' ->> 'visits' AS visits, options ->> 'basePlanId' AS base_plan_id
         FROM plans WHERE scenario_id = $1 ORDER BY created_at DESC, id`,
        [scenarioId],
      );
      return rows.map((r) => ({
        id: r.id,
        status: r.status,
        createdAt: r.created_at.toISOString(),
        finishedAt: r.finished_at ? r.finished_at.toISOString() : null,
        value: r.value === null ? null : Number(r.value),
        visits: r.visits === null ? null : Number(r.visits),
        basePlanId: r.base_plan_id,
      }));
    },
    async planNumber(id) {
      // plans are numbered per scenario in the order they were started (ties broken by id)
      const { rows } = await pool.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM plans p JOIN plans q ON p.scenario_id = q.scenario_id
         WHERE q.id = $1 AND (p.created_at < q.created_at OR (p.created_at = q.created_at AND p.id <= q.id))`,
        [id],
      );
      const n = rows[0]?.n ?? 0;
      return n > 0 ? n : undefined;
    },
    async failUnfinishedPlans(reason, at) {
      const result = await pool.query(
        "UPDATE plans SET status = 'failed', error = $1, finished_at = $2 WHERE status IN ('queued', 'running')",
        [reason, at],
      );
      return result.rowCount ?? 0;
    },
    async insertPublication(record) {
      return inTransaction(pool, async (client) => {
        // Publications of one scenario are serialized on its row, so two processes publishing
        // the same plan at once see each other's publication.
        await client.query("SELECT 1 FROM scenarios WHERE id = $1 FOR UPDATE", [record.scenarioId]);
        const latest = await latestPublication(client, record.scenarioId);
        if (latest?.planId === record.planId) return latest;
        await client.query(
          "INSERT INTO publications (id, scenario_id, plan_id, published_at) VALUES ($1, $2, $3, $4)",
          [record.id, record.scenarioId, record.planId, record.publishedAt],
        );
        return record;
      });
    },
    async listPublications(scenarioId) {
      const { rows } = await pool.query<PublicationRow>(
        `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE scenario_id = $1 ORDER BY seq`,
        [scenarioId],
      );
      return rows.map(toPublicationRecord);
    },
    async latestPublication(scenarioId) {
      return latestPublication(pool, scenarioId);
    },
    async close() {
      if (!pool.ended) await pool.end();
    },
  };
}
