/**
 * Starts a listening server from a `ServerConfig`: opens the store (SQLite in the data
 * directory, or PostgreSQL with its job queue when `databaseUrl` is set),
 * makes sure a write token exists, builds the app and listens. The caller decides what to
 * print and when to stop (`close()` stops jobs, the socket and the store, in that order).
 */
import type { FastifyInstance } from "fastify";
import { ensureApiToken, type ApiTokenResult } from "./apiToken.js";
import { buildApp } from "./app.js";
import type { ServerConfig } from "./config.js";
import { PgJobs } from "./jobs/pgQueue.js";
import type { SolveJobs } from "./jobs/solveJobs.js";
import { openPostgresStore } from "./store/postgresStore.js";
import { openSqliteStore } from "./store/sqliteStore.js";
import type { Store } from "./store/store.js";

/** A running server. */
export interface RunningServer {
  app: FastifyInstance;
  store: Store;
  /** "http://127.0.0.1:3000" */
  url: string;
  token: ApiTokenResult;
  close(): Promise<void>;
}

/** Options of `startServer` beyond the configuration. */
export interface StartServerOptions {
  defaultScenarioId?: string | null;
  webRoot?: string | null;
  /** Fastify logger setting (default: pino at config.logLevel, JSON lines on stdout) */
  logger?: boolean | object;
  /** an already open store (default: PostgreSQL at config.databaseUrl, else SQLite in config.dataDir) */
  store?: Store;
}

/** The store and job runner a configuration asks for: PostgreSQL and its queue, or none (SQLite, in-process). */
async function openPostgres(config: ServerConfig): Promise<{ store: Store; jobs: SolveJobs } | null> {
  if (config.databaseUrl === null) return null;
  const store = await openPostgresStore(config.databaseUrl);
  try {
    const jobs = await PgJobs.open({
      store,
      databaseUrl: config.databaseUrl,
      maxSolveSeconds: config.maxSolveSeconds,
      defaultSolveSeconds: config.defaultSolveSeconds,
      ...(config.jobLeaseGraceSeconds !== null ? { leaseGraceSeconds: config.jobLeaseGraceSeconds } : {}),
    });
    return { store, jobs };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/**
 * Opens storage, builds the app and listens on `config.host:config.port` (port 0 picks a free one).
 * @example const server = await startServer(loadConfig({ port: 0 })); console.log(server.url);
 */
export async function startServer(config: ServerConfig, options: StartServerOptions = {}): Promise<RunningServer> {
  const token = ensureApiToken(config.dataDir, config.apiToken);
  const postgres = options.store ? null : await openPostgres(config);
  const store = options.store ?? postgres?.store ?? openSqliteStore(config.dataDir);
  let app: FastifyInstance;
  try {
    app = await buildApp({
      store,
      ...(postgres ? { jobs: postgres.jobs } : {}),
      apiToken: token.token,
      config,
      ...(options.defaultScenarioId !== undefined ? { defaultScenarioId: options.defaultScenarioId } : {}),
      ...(options.webRoot !== undefined ? { webRoot: options.webRoot } : {}),
      logger: options.logger ?? { level: config.logLevel },
    });
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await postgres?.jobs.close();
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host === "0.0.0.0" ? "127.0.0.1" : config.host;
  return {
    app,
    store,
    url: `http://${host}:${port}`,
    token,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
