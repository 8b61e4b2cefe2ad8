/**
 * Builds the Fastify application: plugins (OpenAPI, docs, CORS, rate limits, security
 * headers), the error shape, the socket's timeouts and caps, the job queue and every route. It
 * never listens, so tests drive it with `inject` and `startServer` adds the socket; the caller
 * owns the store it passes in.
 */
import fastifyCors from "@fastify/cors";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { isAuthorized } from "./apiToken.js";
import { DEFAULT_CONFIG, type ServerConfig } from "./config.js";
import type { AppContext } from "./context.js";
import { installErrorHandlers, writeClientError } from "./errorHandler.js";
import { ApiError, notFound, unauthorized } from "./errors.js";
import { PublishedPlans } from "./feeds/publishedPlans.js";
import { installJsonBodyParser } from "./jsonBody.js";
import { OneLinePerRequest } from "./requestLog.js";
import { installSecurityHeaders, securityHeaderOptions } from "./securityHeaders.js";
import { JobQueue } from "./jobs/jobQueue.js";
import type { SolveJobs } from "./jobs/solveJobs.js";
import { calendarRoutes } from "./routes/calendars.js";
import { pageRoutes } from "./routes/pages.js";
import { planRoutes } from "./routes/plans.js";
import { scenarioRoutes } from "./routes/scenarios.js";
import { stopRoutes } from "./routes/stops.js";
import { systemRoutes } from "./routes/system.js";
import type { Store } from "./store/store.js";

/** Options of `buildApp`. */
export interface BuildAppOptions {
  store: Store;
  /** bearer token required by write routes */
  apiToken: string;
  /** settings (defaults: DEFAULT_CONFIG); only the ones the app uses are read */
  config?: Partial<ServerConfig>;
  /** scenario the pages, stop search and feeds use when a request names none */
  defaultScenarioId?: string | null;
  /** built pages folder (index.html, community.html, assets/); null serves the "not built" page */
  webRoot?: string | null;
  /** Fastify (pino) logger setting (default off); requests are logged one line each */
  logger?: boolean | object;
  /** where solve jobs run (default: worker threads of this process); the app closes them */
  jobs?: SolveJobs;
}

/** "https://tiles.example/{z}/{x}/{y}.png" → "https://tiles.example" (for img-src). */
function tileOriginOf(template: string): string | null {
  const match = /^(https?:\/\/[^/{}]+)/.exec(template);
  return match ? match[1]! : null;
}

async function defaultWebRoot(): Promise<string | null> {
  try {
    return (await import("@carebus/web")).webRoot;
  } catch {
    return null;
  }
}

/**
 * A ready (not listening) Fastify instance serving the API, feeds and pages.
 * @example const app = await buildApp({ store: openSqliteStore(dir), apiToken }); await app.inject("/health");
 */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...options.config };
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new OneLinePerRequest(),
    bodyLimit: config.bodyLimitBytes,
    // Fastify takes a hop count too (its types omit it).
    trustProxy: config.trustProxy as boolean | string[],
    // Node's requestTimeout covers receiving the whole request, body included: a body dripping
    // a byte every few seconds is cut there. Its timers are checked every second.
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: config.idleTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs,
    maxRequestsPerSocket: config.maxRequestsPerSocket,
    http: {
      headersTimeout: Math.min(config.headersTimeoutMs, config.requestTimeoutMs),
      requestTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: 1000,
    },
    clientErrorHandler: writeClientError,
    // Scenario bodies are validated by parseScenario; elsewhere unknown properties are
    // refused rather than silently dropped. Coercion stays on for query strings ("limit=5").
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true, allErrors: true } },
    routerOptions: { maxParamLength: 300 },
  });
  app.server.maxConnections = config.maxConnections;
  installErrorHandlers(app);
  installJsonBodyParser(app);
  app.addHook("onRequest", (request, reply, done) => {
    void reply.header("x-request-id", request.id);
    done();
  });

  const store = options.store;
  const jobs =
    options.jobs ??
    new JobQueue({
      store,
      concurrency: config.solveConcurrency,
      maxSolveSeconds: config.maxSolveSeconds,
      defaultSolveSeconds: config.defaultSolveSeconds,
      memoryLimitMb: config.solveMemoryMb,
      overrunSeconds: config.solveOverrunSeconds,
      onError: (planId, message) => app.log.error({ planId }, message),
      onWarning: (planId, message) => app.log.warn({ planId }, message),
    });
  // Jobs run by this process died with its previous run; jobs run elsewhere (workers on a
  // shared database) are theirs to finish.
  if (!options.jobs) {
    const interrupted = await store.failUnfinishedPlans(
      "interrupted: the server stopped before the job finished",
      new Date().toISOString(),
    );
    if (interrupted > 0) app.log.warn(`${interrupted} unfinished plan job(s) from a previous run marked failed`);
  }

  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new ApiError(
        429,
        "CAREBUS_ERR_RATE_LIMITED",
        `too many write requests: at most ${context.max} a minute from one client; retry in ${context.after}`,
      ),
  });
  installSecurityHeaders(app, securityHeaderOptions(config.tileUrl ? tileOriginOf(config.tileUrl) : null));
  if (config.corsOrigin)
    await app.register(fastifyCors, { origin: config.corsOrigin, methods: ["GET", "HEAD", "POST", "DELETE"] });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.0.3",
      info: {
        title: "carebus API",
        version: "1.0.0",
        description: "Plans where and when mobile care buses stop; publishes the plan as calendar feeds.",
      },
      components: {
        securitySchemes: {
          bearerAuth: {
            type: "http",
            scheme: "bearer",
            description: "CAREBUS_API_TOKEN, or the token printed at first start",
          },
        },
      },
      tags: [{ name: "scenarios" }, { name: "plans" }, { name: "stops" }, { name: "calendars" }, { name: "system" }],
    },
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/docs",
    // swagger-ui adds a <style> element of its own; only /docs allows inline style elements.
    transformStaticCSP: (header) => header.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });

  // Feeds ask for the default scenario on every request: once the configured one is known to
  // be stored it is remembered (scenarios are never deleted), and no scenario JSON is loaded.
  let configuredDefaultStored = false;
  const defaultScenarioId = async (): Promise<string | null> => {
    if (configuredDefaultStored) return options.defaultScenarioId!;
    const scenarios = await store.listScenarios();
    if (options.defaultScenarioId && scenarios.some((s) => s.id === options.defaultScenarioId)) {
      configuredDefaultStored = true;
      return options.defaultScenarioId;
    }
    const published = scenarios.filter((s) => s.publishedPlanId !== null);
    return (published[published.length - 1] ?? scenarios[0])?.id ?? null;
  };
  // Links name the server's public address: configured, or an allowed Host, or the address
  // it listens on; a stranger's Host header is never copied into a link or a feed.
  // Asked for on every feed request; the listen address does not change once it is known.
  let listeningBaseUrl: string | null = null;
  const ownBaseUrl = (): string => {
    if (listeningBaseUrl !== null) return listeningBaseUrl;
    const address = app.server.address();
    if (address === null || typeof address === "string") return "http://localhost";
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    listeningBaseUrl = `http://${host === "0.0.0.0" || host === "[::]" ? "127.0.0.1" : host}:${address.port}`;
    return listeningBaseUrl;
  };
  const allowedHosts = new Set(config.allowedHosts);
  const publishedPlans = new PublishedPlans(store, {
    limits: { entries: config.feedCacheEntries, bytes: config.feedCacheBytes },
  });
  const publishedOf = async (scenarioId: string | null) => {
    if (scenarioId === null) throw notFound("scenario", "(default)");
    const published = await publishedPlans.get(scenarioId);
    if (published) return published;
    // one indexed read: listing every scenario for each request naming an unknown id made a
    // stranger's requests cost as much as the deployment holds scenarios
    throw (await store.hasScenario(scenarioId))
      ? notFound("publication", scenarioId)
      : notFound("scenario", scenarioId);
  };
  // One limiter for every write route, run before the token check so that wrong-token
  // attempts count against the same budget as accepted writes.
  const writeRateLimit = app.rateLimit({ max: config.writeRateLimitPerMinute, timeWindow: "1 minute" });
  const ctx: AppContext = {
    store,
    jobs,
    published: publishedPlans,
    config,
    writeRoute: {
      onRequest: [
        writeRateLimit,
        async (request: FastifyRequest, reply: FastifyReply) => {
          if (!isAuthorized(request.headers.authorization, options.apiToken)) {
            // Answer at once and stop reading: the connection closes after the 401, so a body
            // still arriving (or dripping) is not read.
            void reply.header("connection", "close");
            throw unauthorized(
              "this route needs the header Authorization: Bearer <token> (CAREBUS_API_TOKEN, or the token printed at first start)",
            );
          }
        },
      ],
    },
    defaultScenarioId,
    async scenarioIdFor(request) {
      return request.query.scenarioId ?? (await defaultScenarioId());
    },
    publishedOf,
    async publishedFor(request) {
      return publishedOf(await ctx.scenarioIdFor(request));
    },
    baseUrl(request) {
      if (config.publicUrl) return config.publicUrl;
      const host = request.host.toLowerCase();
      return allowedHosts.has(host) ? `${request.protocol}://${host}` : ownBaseUrl();
    },
  };

  // Before the socket closes, and before the routes' own hooks: stopping this process's jobs
  // sends their final status to the SSE streams that follow them (hijacked responses that would
  // otherwise keep the server from closing); plan routes then end any stream still open.
  app.addHook("preClose", async () => {
    await jobs.close();
  });
  systemRoutes(app, ctx);
  scenarioRoutes(app, ctx);
  planRoutes(app, ctx);
  stopRoutes(app, ctx);
  calendarRoutes(app, ctx);
  await pageRoutes(app, options.webRoot === undefined ? await defaultWebRoot() : options.webRoot);

  await app.ready();
  return app;
}
