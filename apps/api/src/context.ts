/**
 * What every route module receives from `buildApp`: the store, the solve jobs, the cached
 * published plans, settings, and the two helpers routes share (the write-route guard and the
 * scenario a request means when it names none).
 */
import type { FastifyReply, FastifyRequest, RouteShorthandOptions } from "fastify";
import type { ServerConfig } from "./config.js";
import type { Published, PublishedPlans } from "./feeds/publishedPlans.js";
import type { SolveJobs } from "./jobs/solveJobs.js";
import type { Store } from "./store/store.js";

/** Shared state of one app instance. */
export interface AppContext {
  store: Store;
  jobs: SolveJobs;
  published: PublishedPlans;
  config: ServerConfig;
  /** route options for write routes: bearer token check and rate limit */
  writeRoute: Pick<RouteShorthandOptions, "onRequest" | "config">;
  /** the server's default scenario: the configured one, else the latest published, else the first; null when none is stored */
  defaultScenarioId(): Promise<string | null>;
  /** the scenario a request means: `?scenarioId=`, else the default one; null when none exists */
  scenarioIdFor(request: FastifyRequest<{ Querystring: { scenarioId?: string } }>): Promise<string | null>;
  /**
   * The published state of the scenario a request means; 404 CAREBUS_ERR_SCENARIO_NOT_FOUND when
   * no such scenario is stored, CAREBUS_ERR_PUBLICATION_NOT_FOUND when it has no publication
   */
  publishedFor(request: FastifyRequest<{ Querystring: { scenarioId?: string } }>): Promise<Published>;
  /** The same for a scenario id (null: none stored, a 404) */
  publishedOf(scenarioId: string | null): Promise<Published>;
  /**
   * absolute base URL ("http://host:port") for links in responses: CAREBUS_PUBLIC_URL, else the
   * request's Host when allowed, else the server's own address; never an arbitrary Host header
   */
  baseUrl(request: FastifyRequest): string;
}

/** A route handler's reply type, re-exported so route modules import one place. */
export type Reply = FastifyReply;
