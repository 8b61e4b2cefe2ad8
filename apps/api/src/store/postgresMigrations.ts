/**
 * Schema versions of the PostgreSQL store, applied in order and recorded in
 * `carebus_migrations`. Never edit a released migration: add the next version instead, so
 * existing databases upgrade. The tables mirror the SQLite ones, plus what a store shared by
 * several processes needs: a solve's latest progress, a cancel request, the number of the run
 * that may write the result (`attempt`) and that run's last sign of life (`heartbeat_at`),
 * which workers read and write (see jobs/pgWorker.ts). JSON documents are `json` (kept as written, queryable with
 * `->`), times `timestamptz`.
 */
import type { Migration } from "./migrations.js";

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE scenarios (
        id text PRIMARY KEY,
        name text NOT NULL,
        hash text NOT NULL,
        json json NOT NULL,
        base_dir text,
        created_at timestamptz NOT NULL
      );
      CREATE TABLE plans (
        id text PRIMARY KEY,
        scenario_id text NOT NULL REFERENCES scenarios(id),
        scenario_hash text NOT NULL,
        options json NOT NULL,
        status text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'cancelled')),
        error text,
        plan json,
        created_at timestamptz NOT NULL,
        finished_at timestamptz,
        progress json,
        cancel_requested boolean NOT NULL DEFAULT false,
        attempt integer NOT NULL DEFAULT 0,
        heartbeat_at timestamptz
      );
      CREATE INDEX plans_by_scenario ON plans (scenario_id);
      CREATE INDEX plans_unfinished ON plans (status) WHERE status IN ('queued', 'running');
      CREATE TABLE publications (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id text NOT NULL UNIQUE,
        scenario_id text NOT NULL REFERENCES scenarios(id),
        plan_id text NOT NULL REFERENCES plans(id),
        published_at timestamptz NOT NULL
      );
      CREATE INDEX publications_by_scenario ON publications (scenario_id, seq);
    `,
  },
];
