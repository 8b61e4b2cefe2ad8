/**
 * The JSON the pages read from the server (apps/api), as TypeScript types. Plan and scenario
 * shapes come from @carebus/model, solve progress from @carebus/planner and the scenario list and
 * job status from @carebus/api (type-only imports, erased by esbuild) so the pages cannot drift
 * from the contract; the rest mirrors the API routes' response bodies. @carebus/api is reached
 * through a tsconfig path, not a package dependency: the API serves this package's build, so a
 * dependency back would be a cycle.
 */
import type { Plan, Scenario } from "@carebus/model";
import type { PlanStatus } from "@carebus/api";
import type { ScenarioProgress } from "@carebus/planner";

export type { ScenarioSummary, PlanStatus } from "@carebus/api";

export type {
  Plan,
  PlanRoute,
  PlanVisit,
  Scenario,
  Stop,
  UnvisitedStop,
  DirectionStep,
  Zone,
  DemandPoint,
  CareBlock,
} from "@carebus/model";

/** GET /api/v1/config */
export interface WebConfig {
  defaultScenarioId: string | null;
  tileUrl: string | null;
  tileAttribution: string | null;
}

/** GET /api/v1/scenarios/:id/published */
export interface PublishedPlan {
  planId: string;
  /** the plan's number within its scenario */
  number?: number;
  publishedAt: string;
  plan: Plan;
}

/** Live figures of a running solve (SSE `progress` event and GET /api/v1/plans/:id). */
export type SolveProgress = ScenarioProgress;

/** GET /api/v1/plans/:id */
export interface PlanJob {
  id?: string;
  status: PlanStatus;
  /** the plan's number within its scenario */
  number?: number;
  createdAt?: string;
  finishedAt?: string | null;
  progress: SolveProgress | null;
  plan?: Plan;
  error?: string | { message?: string };
  message?: string;
}

/** One upcoming visit of a stop, as the stops endpoint lists it. */
export interface NextVisit {
  date: string;
  start: string;
  end: string;
  busId: string;
}

/** One item of GET /api/v1/stops (search, nearest, by id). */
export interface StopItem {
  stopId: string;
  name: string;
  locality: string;
  neighbourhood?: string | null;
  address?: string | null;
  zone: "urban" | "rural";
  lat: number;
  lon: number;
  services?: string[];
  /** the services' names in the requested language */
  serviceNames?: string[];
  distanceKm?: number;
  nextVisits: NextVisit[];
  feeds: { ics: string; webcal: string };
  /** the scenario's locale for dates and numbers (e.g. es-CL) */
  locale: string;
}

/** The directions of one bus-day: one leg per drive, each with its steps. */
export type DirectionLegs = {
  from: string;
  to: string;
  steps: { text: string; distanceM: number; durationS: number }[];
}[];

/** GET /api/v1/plans/:id/directions/:busId/:date (the route with its directions added). */
export interface RouteDirections {
  planId: string;
  busId: string;
  date: string;
  lang: string;
  route: { directions?: DirectionLegs };
}

/** GET /api/v1/stops (search by text or nearest to a point) */
export interface StopsResponse {
  scenarioId: string;
  planId: string;
  /** the scenario's locale (dates and numbers), e.g. es-CO */
  locale?: string;
  stops: StopItem[];
}

/** A plan the planner page can show, with the id the API knows it by. */
export interface LoadedPlan {
  planId: string;
  plan: Plan;
  scenario: Scenario;
  /** the plan's number within its scenario, when the server gave it */
  number?: number;
  /** when it was published (published plans) or started (new runs), ISO instant */
  publishedAt?: string;
  startedAt?: string;
}
