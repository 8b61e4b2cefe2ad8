/**
 * The default `Store`: one SQLite file (`<dataDir>/carebus.db`) through better-sqlite3, in WAL
 * mode with `synchronous = FULL`, so a write acknowledged to a client has reached the disk and
 * survives the process being killed; every multi-row change runs in a transaction. The schema
 * is versioned by the migrations table and upgraded in order at open time.
 */
import { chmodSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Plan, Scenario } from "@carebus/model";
import { MIGRATIONS } from "./migrations.js";
import {
  ScenarioExistsError,
  type PlanRecord,
  type PlanUpdate,
  type PublicationRecord,
  type ScenarioRecord,
  type ScenarioSummary,
  type Store,
} from "./store.js";

/** File name of the database inside the data directory. */
export const DATABASE_FILE = "carebus.db";

interface PlanRow {
  id: string;
  scenario_id: string;
  scenario_hash: string;
  options: string;
  status: PlanRecord["status"];
  error: string | null;
  plan: string | null;
  created_at: string;
  finished_at: string | null;
}

interface PublicationRow {
  id: string;
  scenario_id: string;
  plan_id: string;
  published_at: string;
}

function toPublicationRecord(row: PublicationRow): PublicationRecord {
  return { id: row.id, scenarioId: row.scenario_id, planId: row.plan_id, publishedAt: row.published_at };
}

function migrate(db: Database.Database): void {
  db.exec("CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
  const applied = new Set(
    (db.prepare("SELECT version FROM migrations").all() as Array<{ version: number }>).map((r) => r.version),
  );
  for (const migration of MIGRATIONS) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare("INSERT INTO migrations (version, applied_at) VALUES (?, ?)").run(
        migration.version,
        new Date().toISOString(),
      );
    })();
  }
}

function toPlanRecord(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    scenarioId: row.scenario_id,
    scenarioHash: row.scenario_hash,
    options: JSON.parse(row.options) as PlanRecord["options"],
    status: row.status,
    error: row.error,
    plan: row.plan === null ? null : (JSON.parse(row.plan) as Plan),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/**
 * Opens (creating if needed) the SQLite store in `dataDir`.
 * @example const store = openSqliteStore(".carebus"); await store.listScenarios();
 */
export function openSqliteStore(dataDir: string): Store {
  // Plans and scenarios are the operator's data: the folder is the server user's alone (0700)
  // and the database 0600. SQLite gives its -wal and -shm files the database file's mode.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  chmodSync(dataDir, 0o700);
  const file = join(dataDir, DATABASE_FILE);
  const db = new Database(file);
  for (const path of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(path)) chmodSync(path, 0o600);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  migrate(db);

  const statements = {
    scenarioHash: db.prepare("SELECT hash FROM scenarios WHERE id = ?"),
    insertScenario: db.prepare(
      "INSERT INTO scenarios (id, name, hash, json, base_dir, created_at) VALUES (@id, @name, @hash, @json, @baseDir, @createdAt)",
    ),
    getScenario: db.prepare("SELECT id, name, hash, json, base_dir, created_at FROM scenarios WHERE id = ?"),
    listScenarios: db.prepare(`SELECT s.id, s.name, s.created_at,
        (SELECT p.plan_id FROM publications p WHERE p.scenario_id = s.id ORDER BY p.seq DESC LIMIT 1) AS published_plan_id
      FROM scenarios s ORDER BY s.created_at, s.id`),
    insertPlan:
      db.prepare(`INSERT INTO plans (id, scenario_id, scenario_hash, options, status, error, plan, created_at, finished_at)
      VALUES (@id, @scenarioId, @scenarioHash, @options, @status, @error, @plan, @createdAt, @finishedAt)`),
    updatePlan: db.prepare(`UPDATE plans SET status = @status,
        error = CASE WHEN @setError THEN @error ELSE error END,
        plan = CASE WHEN @setPlan THEN @plan ELSE plan END,
        finished_at = CASE WHEN @setFinished THEN @finishedAt ELSE finished_at END
      WHERE id = @id AND status IN ('queued', 'running')`),
    getPlan: db.prepare("SELECT * FROM plans WHERE id = ?"),
    listPlans: db.prepare(`SELECT id, status, created_at, finished_at,
        json_extract(plan, '$.totals.value') AS value, json_extract(plan, '$.totals.visits') AS visits,
        json_extract(options, '$.basePlanId') AS base_plan_id
      FROM plans WHERE scenario_id = ? ORDER BY created_at DESC, id`),
    // plans are numbered per scenario in the order they were started (rowid grows with inserts)
    planNumber: db.prepare(`SELECT COUNT(*) AS n FROM plans p JOIN plans q ON p.scenario_id = q.scenario_id
      WHERE q.id = ? AND p.rowid <= q.rowid`),
    failUnfinished: db.prepare(
      "UPDATE plans SET status = 'failed', error = ?, finished_at = ? WHERE status IN ('queued', 'running')",
    ),
    insertPublication: db.prepare(
      "INSERT INTO publications (id, scenario_id, plan_id, published_at) VALUES (@id, @scenarioId, @planId, @publishedAt)",
    ),
    listPublications: db.prepare(
      "SELECT id, scenario_id, plan_id, published_at FROM publications WHERE scenario_id = ? ORDER BY seq",
    ),
    latestPublication: db.prepare(
      "SELECT id, scenario_id, plan_id, published_at FROM publications WHERE scenario_id = ? ORDER BY seq DESC LIMIT 1",
    ),
  };

  const latestPublication = (scenarioId: string): PublicationRecord | undefined => {
    const row = statements.latestPublication.get(scenarioId) as PublicationRow | undefined;
    return row ? toPublicationRecord(row) : undefined;
  };

  const insertPublication = db.transaction((record: PublicationRecord): PublicationRecord => {
    const latest = latestPublication(record.scenarioId);
    if (latest?.planId === record.planId) return latest;
    statements.insertPublication.run(record);
    return record;
  });

  const insertScenario = db.transaction((record: ScenarioRecord): boolean => {
    const existing = statements.scenarioHash.get(record.id) as { hash: string } | undefined;
    if (existing) {
      if (existing.hash === record.hash) return false;
      throw new ScenarioExistsError(record.id);
    }
    statements.insertScenario.run({ ...record, json: JSON.stringify(record.scenario) });
    return true;
  });

  return {
    async insertScenario(record) {
      return insertScenario(record);
    },
    async getScenario(id) {
      const row = statements.getScenario.get(id) as
        | { id: string; name: string; hash: string; json: string; base_dir: string | null; created_at: string }
        | undefined;
      if (!row) return undefined;
      return {
        id: row.id,
        name: row.name,
        hash: row.hash,
        scenario: JSON.parse(row.json) as Scenario,
        baseDir: row.base_dir,
        createdAt: row.created_at,
      };
    },
    async hasScenario(id) {
      return statements.scenarioHash.get(id) !== undefined;
    },
    async listScenarios(): Promise<ScenarioSummary[]> {
      const rows = statements.listScenarios.all() as Array<{
        id: string;
        name: string;
        created_at: string;
        published_plan_id: string | null;
      }>;
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        createdAt: r.created_at,
        publishedPlanId: r.published_plan_id,
      }));
    },
    async insertPlan(record) {
      statements.insertPlan.run({
        ...record,
        options: JSON.stringify(record.options),
        plan: record.plan === null ? null : JSON.stringify(record.plan),
      });
    },
    async updatePlan(id, update: PlanUpdate) {
      const { changes } = statements.updatePlan.run({
        id,
        status: update.status,
        setError: update.error !== undefined ? 1 : 0,
        error: update.error ?? null,
        setPlan: update.plan !== undefined ? 1 : 0,
        plan: update.plan ? JSON.stringify(update.plan) : null,
        setFinished: update.finishedAt !== undefined ? 1 : 0,
        finishedAt: update.finishedAt ?? null,
      });
      return changes > 0;
    },
    async getPlan(id) {
      const row = statements.getPlan.get(id) as PlanRow | undefined;
      return row ? toPlanRecord(row) : undefined;
    },
    async listPlans(scenarioId) {
      const rows = statements.listPlans.all(scenarioId) as Array<{
        id: string;
        status: PlanRecord["status"];
        created_at: string;
        finished_at: string | null;
        value: number | null;
        visits: number | null;
        base_plan_id: string | null;
      }>;
      return rows.map((r) => ({
        id: r.id,
        status: r.status,
        createdAt: r.created_at,
        finishedAt: r.finished_at,
        value: r.value,
        visits: r.visits,
        basePlanId: r.base_plan_id,
      }));
    },
    async planNumber(id) {
      const { n } = statements.planNumber.get(id) as { n: number };
      return n > 0 ? n : undefined;
    },
    async failUnfinishedPlans(reason, at) {
      return statements.failUnfinished.run(reason, at).changes;
    },
    async insertPublication(record: PublicationRecord) {
      return insertPublication(record);
    },
    async listPublications(scenarioId) {
      return (statements.listPublications.all(scenarioId) as PublicationRow[]).map(toPublicationRecord);
    },
    async latestPublication(scenarioId) {
      return latestPublication(scenarioId);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
