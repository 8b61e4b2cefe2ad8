/**
 * Shared set-up of the API tests: a fresh data directory and SQLite store per app, a fixed
 * token, a high write rate limit (property tests send many requests), and a hand-made plan of
 * the tiny fixture that can be stored and published without running the solver, so feed and
 * stop tests do not depend on solver output.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { scenarioHash, type Plan, type PlanRoute, type Scenario } from "@carebus/model";
import { handMadeRoute, type HandMadeVisit } from "@carebus/testkit";
import { buildApp, openSqliteStore, type ServerConfig, type Store } from "../src/index.js";

export const TOKEN = "test-token-0123456789abcdef";
export const AUTH = { authorization: `Bearer ${TOKEN}` };

export const tinyScenario = JSON.parse(
  readFileSync(new URL("./fixtures/tiny.json", import.meta.url), "utf8"),
) as Scenario;

/**
 * For jobs a test must catch while they run: the Bogotá week, whose plan never meets its bound,
 * so its search runs until its time limit or a cancel. (The tiny scenario's plan is proven
 * optimal within a second or two, and its search then stops on its own: a "long" job on it can
 * end as done before a cancel lands.)
 */
export const longRunningScenario = JSON.parse(
  readFileSync(new URL("../../../data/bogota/scenario.json", import.meta.url), "utf8"),
) as Scenario;

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  dir: string;
  close(): Promise<void>;
}

/** A temporary built-pages folder: index.html ("planner"), community.html ("community"), assets/app.js. */
export function makeWebRoot(): string {
  const web = mkdtempSync(join(tmpdir(), "carebus-web-"));
  mkdirSync(join(web, "assets"));
  writeFileSync(join(web, "index.html"), "<!doctype html><title>planner</title>");
  writeFileSync(join(web, "community.html"), "<!doctype html><title>community</title>");
  writeFileSync(join(web, "assets", "app.js"), "console.log('hi')");
  return web;
}

/** A fresh app on a fresh store in a temporary directory. */
export async function createTestApp(
  options: {
    webRoot?: string | null;
    bodyLimitBytes?: number;
    defaultScenarioId?: string;
    config?: Partial<ServerConfig>;
  } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), "carebus-api-"));
  const store = openSqliteStore(dir);
  const app = await buildApp({
    store,
    apiToken: TOKEN,
    webRoot: options.webRoot === undefined ? null : options.webRoot,
    config: {
      dataDir: dir,
      writeRateLimitPerMinute: 100_000,
      ...(options.bodyLimitBytes ? { bodyLimitBytes: options.bodyLimitBytes } : {}),
      ...options.config,
    },
    ...(options.defaultScenarioId ? { defaultScenarioId: options.defaultScenarioId } : {}),
  });
  return {
    app,
    store,
    dir,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A route of bus b1 of the tiny scenario: [stopId, "HH:MM" start, minutes] in order. */
export const tinyRoute = (date: string, visits: HandMadeVisit[]): PlanRoute =>
  handMadeRoute({ busId: "b1", depotId: "depot", value: 10 }, date, visits);

/** A plan of the tiny scenario made of the given routes. */
export function tinyPlan(routes: PlanRoute[]): Plan {
  return {
    format: "carebus-plan",
    version: 1,
    scenario: { id: tinyScenario.id, hash: scenarioHash(tinyScenario) },
    timeZone: "America/Bogota",
    dates: ["2026-07-06", "2026-07-07", "2026-07-08"],
    routes,
    totals: {
      value: 30,
      caregiversReached: 130,
      visits: 3,
      stopsVisited: 3,
      travelMinutes: 60,
      km: 18,
      byLocality: [],
      byZone: [],
    },
    unvisited: [],
    stats: { value: 30, bound: 40, gap: 0.25, travelMinutes: 60, iterations: 10, elapsedMs: 5, seed: 1 },
  };
}

/** Stores the tiny scenario over HTTP and a finished hand-made plan directly; returns the plan id. */
export async function storeTinyWithPlan(t: TestApp, routes: PlanRoute[], planId = "plan-1"): Promise<string> {
  const created = await t.app.inject({
    method: "POST",
    url: "/api/v1/scenarios",
    headers: AUTH,
    payload: tinyScenario,
  });
  if (created.statusCode !== 201 && created.statusCode !== 200) throw new Error(`scenario not stored: ${created.body}`);
  await t.store.insertPlan({
    id: planId,
    scenarioId: tinyScenario.id,
    scenarioHash: scenarioHash(tinyScenario),
    options: { iterationLimit: 10 },
    status: "done",
    error: null,
    plan: tinyPlan(routes),
    createdAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
  });
  return planId;
}

/** The week used by most tests: Monday Usme then Tunal, Wednesday Bosa. */
export const WEEK = [
  tinyRoute("2026-07-06", [
    ["s-usme", "08:30", 120],
    ["s-tunal", "13:00", 90],
  ]),
  tinyRoute("2026-07-08", [["s-bosa", "09:00", 120]]),
];
