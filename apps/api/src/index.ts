/**
 * @carebus/api: the Fastify server (API, calendar feeds, pages) and its storage.
 */
export { buildApp, type BuildAppOptions } from "./app.js";
export { startServer, type RunningServer, type StartServerOptions } from "./server.js";
export { loadConfig, checkDatabaseUrl, DEFAULT_CONFIG, ConfigError, type ServerConfig } from "./config.js";
export { ensureApiToken, TOKEN_FILE, type ApiTokenResult } from "./apiToken.js";
export { openSqliteStore, DATABASE_FILE } from "./store/sqliteStore.js";
export { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from "./store/postgresStore.js";
export { startThrowawayPostgres, findPostgresBin, type ThrowawayPostgres } from "./store/throwawayPostgres.js";
export { startSolveWorkers, type SolveWorkers, type SolveWorkersOptions } from "./jobs/pgWorker.js";
export { PgJobs, type PgJobsOptions } from "./jobs/pgQueue.js";
export type { SolveJobs, JobEvent, LiveJobState } from "./jobs/solveJobs.js";
export {
  ScenarioExistsError,
  type Store,
  type ScenarioRecord,
  type ScenarioSummary,
  type PlanRecord,
  type PlanStatus,
  type PlanOptions,
  type PlanUpdate,
  type PlanProgress,
  type PublicationRecord,
} from "./store/store.js";
export { ApiError } from "./errors.js";
export type { ErrorBody } from "./errorHandler.js";
