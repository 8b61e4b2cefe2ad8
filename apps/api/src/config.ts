/**
 * Server settings. This is the only module that reads `process.env` (the rest of the app
 * receives a plain `ServerConfig`), so every setting is validated in one place and a typo in
 * a variable fails at start-up with the variable's name instead of misbehaving later.
 */
import { resolve } from "node:path";
import { CarebusError } from "@carebus/model";

/** Everything the server needs to start. */
export interface ServerConfig {
  port: number;
  host: string;
  /** folder holding carebus.db and the generated API token */
  dataDir: string;
  /** bearer token for write routes; when absent one is generated and stored in dataDir */
  apiToken: string | null;
  /** allowed CORS origin; CORS is off when null */
  corsOrigin: string | null;
  /** map tile URL template for the pages; null means vector layers only */
  tileUrl: string | null;
  tileAttribution: string | null;
  /** largest request body, in bytes */
  bodyLimitBytes: number;
  /** solves running at the same time */
  solveConcurrency: number;
  /** hard cap on any job's time limit, in seconds */
  maxSolveSeconds: number;
  /** time limit used when a job asks for neither time nor iterations, in seconds */
  defaultSolveSeconds: number;
  /** write requests allowed per client per minute */
  writeRateLimitPerMinute: number;
  /** absolute base URL for links in responses (feeds); derived from the request when null */
  publicUrl: string | null;
  /** PostgreSQL URL: store and solve queue in that database, solves run by `carebus worker`; null = SQLite in dataDir */
  databaseUrl: string | null;
  /** seconds a solve may run past its time limit before its job is given to another worker; null = the default (see leaseSeconds) */
  jobLeaseGraceSeconds: number | null;
}

/** Defaults: loopback only, one solve at a time, 10 MiB bodies (the Bogotá scenario is ~1 MiB). */
export const DEFAULT_CONFIG: ServerConfig = {
  port: 3000,
  host: "127.0.0.1",
  dataDir: ".carebus",
  apiToken: null,
  corsOrigin: null,
  tileUrl: null,
  tileAttribution: null,
  bodyLimitBytes: 10 * 1024 * 1024,
  solveConcurrency: 1,
  maxSolveSeconds: 600,
  defaultSolveSeconds: 20,
  writeRateLimitPerMinute: 120,
  publicUrl: null,
  databaseUrl: null,
  jobLeaseGraceSeconds: null,
};

/** A setting that cannot be used; names the variable or flag. */
export class ConfigError extends CarebusError {
  constructor(message: string) {
    super("CAREBUS_CONFIG_INVALID", message);
  }
}

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0)
    throw new ConfigError(`${name} must be a positive integer, got ${JSON.stringify(text)}`);
  return value;
}

function nonEmpty(text: string | undefined): string | null {
  return text === undefined || text.trim() === "" ? null : text.trim();
}

/**
 * Checks a PostgreSQL URL's form (the server checks the rest when connecting).
 * @throws ConfigError naming CAREBUS_DATABASE_URL / --database
 */
export function checkDatabaseUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError("CAREBUS_DATABASE_URL (--database) must be a URL like postgresql://user@host:5432/carebus");
  }
  if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:")
    throw new ConfigError(
      `CAREBUS_DATABASE_URL (--database) must start with postgresql://, got ${JSON.stringify(parsed.protocol)}`,
    );
}

/**
 * The configuration from environment variables (CAREBUS_PORT, CAREBUS_HOST, CAREBUS_DATA_DIR,
 * CAREBUS_API_TOKEN, CAREBUS_CORS_ORIGIN, CAREBUS_TILE_URL, CAREBUS_TILE_ATTRIBUTION,
 * CAREBUS_BODY_LIMIT_BYTES, CAREBUS_SOLVE_CONCURRENCY, CAREBUS_MAX_SOLVE_SECONDS,
 * CAREBUS_WRITE_RATE_LIMIT, CAREBUS_PUBLIC_URL, CAREBUS_DATABASE_URL, CAREBUS_JOB_LEASE_GRACE_SECONDS),
 * then `overrides` (command-line flags) on top.
 * @throws ConfigError CAREBUS_CONFIG_INVALID naming the variable.
 */
export function loadConfig(overrides: Partial<ServerConfig> = {}, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const token = nonEmpty(env.CAREBUS_API_TOKEN);
  if (token !== null && token.length < 16)
    throw new ConfigError("CAREBUS_API_TOKEN must be at least 16 characters long");
  const port =
    env.CAREBUS_PORT === undefined || env.CAREBUS_PORT === "" ? DEFAULT_CONFIG.port : Number(env.CAREBUS_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`CAREBUS_PORT must be a port number 0-65535, got ${JSON.stringify(env.CAREBUS_PORT)}`);
  const publicUrl = nonEmpty(env.CAREBUS_PUBLIC_URL);
  if (publicUrl !== null && !/^https?:\/\/[^/]+/.test(publicUrl))
    throw new ConfigError("CAREBUS_PUBLIC_URL must be an absolute http(s) URL");
  const config: ServerConfig = {
    port,
    host: nonEmpty(env.CAREBUS_HOST) ?? DEFAULT_CONFIG.host,
    dataDir: nonEmpty(env.CAREBUS_DATA_DIR) ?? DEFAULT_CONFIG.dataDir,
    apiToken: token,
    corsOrigin: nonEmpty(env.CAREBUS_CORS_ORIGIN),
    tileUrl: nonEmpty(env.CAREBUS_TILE_URL),
    tileAttribution: nonEmpty(env.CAREBUS_TILE_ATTRIBUTION),
    bodyLimitBytes: positiveInteger(
      "CAREBUS_BODY_LIMIT_BYTES",
      env.CAREBUS_BODY_LIMIT_BYTES,
      DEFAULT_CONFIG.bodyLimitBytes,
    ),
    solveConcurrency: positiveInteger(
      "CAREBUS_SOLVE_CONCURRENCY",
      env.CAREBUS_SOLVE_CONCURRENCY,
      DEFAULT_CONFIG.solveConcurrency,
    ),
    maxSolveSeconds: positiveInteger(
      "CAREBUS_MAX_SOLVE_SECONDS",
      env.CAREBUS_MAX_SOLVE_SECONDS,
      DEFAULT_CONFIG.maxSolveSeconds,
    ),
    defaultSolveSeconds: DEFAULT_CONFIG.defaultSolveSeconds,
    writeRateLimitPerMinute: positiveInteger(
      "CAREBUS_WRITE_RATE_LIMIT",
      env.CAREBUS_WRITE_RATE_LIMIT,
      DEFAULT_CONFIG.writeRateLimitPerMinute,
    ),
    publicUrl: publicUrl?.replace(/\/+$/, "") ?? null,
    databaseUrl: nonEmpty(env.CAREBUS_DATABASE_URL),
    jobLeaseGraceSeconds:
      env.CAREBUS_JOB_LEASE_GRACE_SECONDS === undefined || env.CAREBUS_JOB_LEASE_GRACE_SECONDS === ""
        ? null
        : positiveInteger("CAREBUS_JOB_LEASE_GRACE_SECONDS", env.CAREBUS_JOB_LEASE_GRACE_SECONDS, 1),
  };
  const merged = { ...config, ...overrides };
  if (merged.databaseUrl !== null) checkDatabaseUrl(merged.databaseUrl);
  return { ...merged, dataDir: resolve(merged.dataDir) };
}
