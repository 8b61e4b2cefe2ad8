/**
 * Schema versions of the SQLite store, applied in order and recorded in `migrations`. Never
 * edit a released migration: add the next version instead, so existing databases upgrade.
 */

/** One schema step. */
export interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE scenarios (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        hash TEXT NOT NULL,
        json TEXT NOT NULL,
        base_dir TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        scenario_id TEXT NOT NULL REFERENCES scenarios(id),
        scenario_hash TEXT NOT NULL,
        options TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        error TEXT,
        plan TEXT,
        created_at TEXT NOT NULL,
        finished_at TEXT
      );
      CREATE INDEX plans_by_scenario ON plans (scenario_id);
      CREATE TABLE publications (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        scenario_id TEXT NOT NULL REFERENCES scenarios(id),
        plan_id TEXT NOT NULL REFERENCES plans(id),
        published_at TEXT NOT NULL
      );
      CREATE INDEX publications_by_scenario ON publications (scenario_id, seq);
    `,
  },
];
