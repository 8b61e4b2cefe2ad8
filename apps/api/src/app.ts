/**
 * Builds the Fastify application: plugins (OpenAPI, docs, CORS, rate limits), the error
 * shape, the job queue and every route. It never listens, so tests drive it with `inject`
 * and `startServer` adds the socket; the caller owns the store it passes in.
 */
import fastifyCors from "@fastify/cors";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyRequest } from "fastify";
import { isAuthorized } from "./apiToken.js";
import { DEFAULT_CONFIG, type ServerConfig } from "./config.js";
import type { AppContext } from "./context.js";
import { installErrorHandlers } from "./errorHandler.js";
import { unauthorized } from "./errors.js";
import { PublishedPlans } from "./feeds/publishedPlans.js";
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
  /** Fastify logger setting (default off) */
  logger?: boolean | object;
  /** where solve jobs run (default: worker threads of this process); the app closes them */
  jobs?: SolveJobs;
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
    bodyLimit: config.bodyLimitBytes,
    // Scenario bodies are validated by parseScenario; elsewhere unknown properties are
    // refused rather than silently dropped. Coercion stays on for query strings ("limit=5").
    ajv: { customOptions: { removeAdditional: false, coerceTypes: "array", useDefaults: true, allErrors: true } },
    routerOptions: { maxParamLength: 300 },
  });
  installErrorHandlers(app);

  const store = options.store;
  const jobs =
    options.jobs ??
    new JobQueue({
      store,
      concurrency: config.solveConcurrency,
      maxSolveSeconds: config.maxSolveSeconds,
      defaultSolveSeconds: config.defaultSolveSeconds,
      onError: (planId, message) => app.log.warn({ planId }, message),
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

  await app.register(fastifyRateLimit, { global: false });
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
  await app.register(fastifySwaggerUi, { routePrefix: "/docs" });

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
  const ctx: AppContext = {
    store,
    jobs,
    published: new PublishedPlans(store),
    config,
    writeRoute: {
      onRequest: async (request: FastifyRequest) => {
        if (!isAuthorized(request.headers.authorization, options.apiToken)) {
          throw unauthorized(
            "this route needs the header Authorization: Bearer <token> (CAREBUS_API_TOKEN, or the token printed at first start)",
          );
        }
      },
      config: { rateLimit: { max: config.writeRateLimitPerMinute, timeWindow: "1 minute" } },
    },
    defaultScenarioId,
    async scenarioIdFor(request) {
      return request.query.scenarioId ?? (await defaultScenarioId());
    },
    baseUrl(request) {
      return config.publicUrl ?? `${request.protocol}://${request.host}`;
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
