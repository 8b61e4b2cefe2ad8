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
  /** absolute base URL for links in responses (feeds); when null see `allowedHosts` */
  publicUrl: string | null;
  /**
   * `Host` values (host[:port], lower case) that links may be built from when `publicUrl` is
   * null; any other Host gets links to the server's own listen address, never the header's text
   */
  allowedHosts: string[];
  /** Fastify `trustProxy`: false, true, a hop count, or a list of addresses/CIDRs of trusted proxies */
  trustProxy: boolean | number | string[];
  /** OSRM base URLs (no trailing slash) posted scenarios may name; none when empty */
  osrmUrls: string[];
  /** largest scenario accepted for planning: stops, demand points, buses × service dates */
  maxStops: number;
  maxDemandPoints: number;
  maxBusDays: number;
  /** old-generation heap of one solve worker, in MiB (a solve past it fails with a readable reason) */
  solveMemoryMb: number;
  /** seconds a solve may run past its time limit (geography set-up) before its worker is terminated */
  solveOverrunSeconds: number;
  /** rendered feeds kept in memory: at most this many, and at most this many bytes */
  feedCacheEntries: number;
  feedCacheBytes: number;
  /** milliseconds to receive a request's headers, and the whole request with its body */
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  /** milliseconds an idle socket is kept (also between keep-alive requests) */
  idleTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** open connections at once (more are refused) and requests served per socket */
  maxConnections: number;
  maxRequestsPerSocket: number;
  /** pino level of the server log in `carebus serve` (fatal, error, warn, info, debug, trace, silent) */
  logLevel: string;
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
  allowedHosts: [],
  trustProxy: false,
  osrmUrls: [],
  // Bogotá has 307 stops, 5,000 demand points and 36 bus-days; 12,000 stops took 2.5 GiB.
  maxStops: 2000,
  maxDemandPoints: 200_000,
  maxBusDays: 1000,
  solveMemoryMb: 1536,
  solveOverrunSeconds: 120,
  // A stop feed is ~12 KB: 2,000 feeds fit in 32 MiB, and both bounds hold.
  feedCacheEntries: 2000,
  feedCacheBytes: 32 * 1024 * 1024,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  // Above the 15 s SSE keep-alive comments, so quiet progress streams stay open.
  idleTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 4096,
  maxRequestsPerSocket: 1000,
  logLevel: "info",
  databaseUrl: null,
  jobLeaseGraceSeconds: null,
};

/** Settings read as positive integers in one table (each variable named as env.NAME for greps). */
type IntegerSetting =
  | "maxStops"
  | "maxDemandPoints"
  | "maxBusDays"
  | "solveMemoryMb"
  | "solveOverrunSeconds"
  | "feedCacheEntries"
  | "feedCacheBytes"
  | "headersTimeoutMs"
  | "requestTimeoutMs"
  | "idleTimeoutMs"
  | "keepAliveTimeoutMs"
  | "maxConnections"
  | "maxRequestsPerSocket";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

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

function list(text: string | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/** "true"/"false", a hop count, or comma-separated proxy addresses (Fastify's trustProxy forms). */
function trustProxy(text: string | undefined): ServerConfig["trustProxy"] {
  const value = text?.trim() ?? "";
  if (value === "" || value === "false") return false;
  if (value === "true") return true;
  if (/^\d+$/.test(value)) return Number(value);
  return list(value);
}

/** An http(s) base URL without its trailing slash. @throws ConfigError naming `name` */
function baseUrl(name: string, text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(`${name} must hold absolute http(s) URLs, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new ConfigError(`${name} must hold absolute http(s) URLs, got ${JSON.stringify(text)}`);
  return normalizeBaseUrl(text);
}

/** "HTTP://Host:5000/" → "http://host:5000": the form OSRM URLs are compared in. */
export function normalizeBaseUrl(text: string): string {
  try {
    return new URL(text).href.replace(/\/+$/, "");
  } catch {
    return text;
  }
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
 * CAREBUS_WRITE_RATE_LIMIT, CAREBUS_PUBLIC_URL, CAREBUS_ALLOWED_HOSTS, CAREBUS_TRUST_PROXY,
 * CAREBUS_OSRM_URLS, CAREBUS_MAX_STOPS, CAREBUS_MAX_DEMAND_POINTS, CAREBUS_MAX_BUS_DAYS,
 * CAREBUS_SOLVE_MEMORY_MB, CAREBUS_SOLVE_OVERRUN_SECONDS, CAREBUS_FEED_CACHE_ENTRIES,
 * CAREBUS_FEED_CACHE_BYTES, CAREBUS_HEADERS_TIMEOUT_MS, CAREBUS_REQUEST_TIMEOUT_MS,
 * CAREBUS_IDLE_TIMEOUT_MS, CAREBUS_KEEP_ALIVE_TIMEOUT_MS, CAREBUS_MAX_CONNECTIONS,
 * CAREBUS_MAX_REQUESTS_PER_SOCKET, CAREBUS_LOG_LEVEL), then `overrides` (command-line flags) on top.
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
    ...DEFAULT_CONFIG,
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
    allowedHosts: list(env.CAREBUS_ALLOWED_HOSTS).map((host) => host.toLowerCase()),
    trustProxy: trustProxy(env.CAREBUS_TRUST_PROXY),
    osrmUrls: list(env.CAREBUS_OSRM_URLS).map((url) => baseUrl("CAREBUS_OSRM_URLS", url)),
    logLevel: nonEmpty(env.CAREBUS_LOG_LEVEL) ?? DEFAULT_CONFIG.logLevel,
    databaseUrl: nonEmpty(env.CAREBUS_DATABASE_URL),
    jobLeaseGraceSeconds:
      env.CAREBUS_JOB_LEASE_GRACE_SECONDS === undefined || env.CAREBUS_JOB_LEASE_GRACE_SECONDS === ""
        ? null
        : positiveInteger("CAREBUS_JOB_LEASE_GRACE_SECONDS", env.CAREBUS_JOB_LEASE_GRACE_SECONDS, 1),
  };
  const integers: Array<[IntegerSetting, string, string | undefined]> = [
    ["maxStops", "CAREBUS_MAX_STOPS", env.CAREBUS_MAX_STOPS],
    ["maxDemandPoints", "CAREBUS_MAX_DEMAND_POINTS", env.CAREBUS_MAX_DEMAND_POINTS],
    ["maxBusDays", "CAREBUS_MAX_BUS_DAYS", env.CAREBUS_MAX_BUS_DAYS],
    ["solveMemoryMb", "CAREBUS_SOLVE_MEMORY_MB", env.CAREBUS_SOLVE_MEMORY_MB],
    ["solveOverrunSeconds", "CAREBUS_SOLVE_OVERRUN_SECONDS", env.CAREBUS_SOLVE_OVERRUN_SECONDS],
    ["feedCacheEntries", "CAREBUS_FEED_CACHE_ENTRIES", env.CAREBUS_FEED_CACHE_ENTRIES],
    ["feedCacheBytes", "CAREBUS_FEED_CACHE_BYTES", env.CAREBUS_FEED_CACHE_BYTES],
    ["headersTimeoutMs", "CAREBUS_HEADERS_TIMEOUT_MS", env.CAREBUS_HEADERS_TIMEOUT_MS],
    ["requestTimeoutMs", "CAREBUS_REQUEST_TIMEOUT_MS", env.CAREBUS_REQUEST_TIMEOUT_MS],
    ["idleTimeoutMs", "CAREBUS_IDLE_TIMEOUT_MS", env.CAREBUS_IDLE_TIMEOUT_MS],
    ["keepAliveTimeoutMs", "CAREBUS_KEEP_ALIVE_TIMEOUT_MS", env.CAREBUS_KEEP_ALIVE_TIMEOUT_MS],
    ["maxConnections", "CAREBUS_MAX_CONNECTIONS", env.CAREBUS_MAX_CONNECTIONS],
    ["maxRequestsPerSocket", "CAREBUS_MAX_REQUESTS_PER_SOCKET", env.CAREBUS_MAX_REQUESTS_PER_SOCKET],
  ];
  for (const [key, name, text] of integers) config[key] = positiveInteger(name, text, DEFAULT_CONFIG[key]);
  const merged = { ...config, ...overrides };
  if (!LOG_LEVELS.includes(merged.logLevel))
    throw new ConfigError(
      `CAREBUS_LOG_LEVEL (--log-level) must be one of ${LOG_LEVELS.join(", ")}, got ${JSON.stringify(merged.logLevel)}`,
    );
  if (merged.databaseUrl !== null) checkDatabaseUrl(merged.databaseUrl);
  return { ...merged, dataDir: resolve(merged.dataDir) };
}
