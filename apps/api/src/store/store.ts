/**
 * The storage interface the server depends on. It is small and asynchronous so that a
 * PostgreSQL implementation can replace SQLite without touching the routes; every method is
 * atomic on its own (a crash leaves either the whole write or none of it).
 */
import type { Plan, Scenario } from "@carebus/model";

/** A stored scenario. */
export interface ScenarioRecord {
  id: string;
  name: string;
  /** sha256 of the canonical JSON (scenarioHash) */
  hash: string;
  scenario: Scenario;
  /** folder relative road-network files are resolved against; null for scenarios posted over HTTP */
  baseDir: string | null;
  createdAt: string;
}

/** The list form of a scenario. */
export interface ScenarioSummary {
  id: string;
  name: string;
  createdAt: string;
  publishedPlanId: string | null;
}

/** Lifecycle of a solve job. */
export type PlanStatus = "queued" | "running" | "done" | "failed" | "cancelled";

/** Options a plan was requested with. */
export interface PlanOptions {
  timeLimitSeconds?: number;
  iterationLimit?: number;
  seed?: number;
}

/** A stored plan job and, once done, its plan. */
export interface PlanRecord {
  id: string;
  scenarioId: string;
  scenarioHash: string;
  options: PlanOptions;
  status: PlanStatus;
  error: string | null;
  plan: Plan | null;
  createdAt: string;
  finishedAt: string | null;
}

/** One publication of a plan (history kept for calendar SEQUENCE/CANCELLED). */
export interface PublicationRecord {
  id: string;
  scenarioId: string;
  planId: string;
  publishedAt: string;
}

/** Fields a job may change as it runs. */
export interface PlanUpdate {
  status: PlanStatus;
  error?: string | null;
  plan?: Plan | null;
  finishedAt?: string | null;
}

/** Thrown by `insertScenario` when the id holds a different scenario. */
export class ScenarioExistsError extends Error {
  constructor(readonly id: string) {
    super(`scenario ${JSON.stringify(id)} already exists with different content`);
  }
}

/** Persistent storage of scenarios, plans and publications. */
export interface Store {
  /** Stores a scenario; returns false when the same content is stored already. @throws ScenarioExistsError */
  insertScenario(record: ScenarioRecord): Promise<boolean>;
  getScenario(id: string): Promise<ScenarioRecord | undefined>;
  listScenarios(): Promise<ScenarioSummary[]>;
  insertPlan(record: PlanRecord): Promise<void>;
  updatePlan(id: string, update: PlanUpdate): Promise<void>;
  getPlan(id: string): Promise<PlanRecord | undefined>;
  /** The plan's number within its scenario (1 = the first plan started for it), or undefined. */
  planNumber(id: string): Promise<number | undefined>;
  /** Marks jobs left queued or running by a previous process as failed; returns how many. */
  failUnfinishedPlans(reason: string, at: string): Promise<number>;
  /** Records a publication of a done plan (atomically with nothing else to do). */
  insertPublication(record: PublicationRecord): Promise<void>;
  /** Publications of a scenario, oldest first. */
  listPublications(scenarioId: string): Promise<PublicationRecord[]>;
  close(): Promise<void>;
}
