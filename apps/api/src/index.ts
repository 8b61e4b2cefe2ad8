/**
 * @carebus/api: the Fastify server (API, calendar feeds, pages) and its storage.
 */
export { buildApp, type BuildAppOptions } from "./app.js";
export { startServer, type RunningServer, type StartServerOptions } from "./server.js";
export { loadConfig, DEFAULT_CONFIG, ConfigError, type ServerConfig } from "./config.js";
export { ensureApiToken, TOKEN_FILE, type ApiTokenResult } from "./apiToken.js";
export { openSqliteStore, DATABASE_FILE } from "./store/sqliteStore.js";
export {
  ScenarioExistsError,
  type Store,
  type ScenarioRecord,
  type ScenarioSummary,
  type PlanRecord,
  type PlanStatus,
  type PlanOptions,
  type PlanUpdate,
  type PublicationRecord,
} from "./store/store.js";
export { ApiError } from "./errors.js";
export type { ErrorBody } from "./errorHandler.js";
