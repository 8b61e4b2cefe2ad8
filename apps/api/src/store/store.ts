/**
 * The storage interface the server depends on. It is small and asynchronous so that a
 * PostgreSQL implementation can replace SQLite without touching the routes; every method is
 * atomic on its own (a crash leaves either the whole write or none of it).
 */
import type { ChangeSet, Plan, Scenario } from "@carebus/model";

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
  /** re-plan from this done plan of the same scenario, moving as little as possible */
  basePlanId?: string;
  /** pins and exclusions the plan must honour */
  changes?: ChangeSet;
}

/** A plan job as listed: enough to choose plans to compare. */
export interface PlanSummary {
  id: string;
  status: PlanStatus;
  createdAt: string;
  finishedAt: string | null;
  /** the plan's value and visits once it has one */
  value: number | null;
  visits: number | null;
  basePlanId: string | null;
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
  /** the latest progress a solve worker recorded (stores shared by several processes keep it) */
  progress?: PlanProgress | null;
}

/** How far a running solve has got. */
export interface PlanProgress {
  value: number;
  bound: number | null;
  /** quick until the strong bound is ready */
  boundKind?: "quick" | "strong";
  elapsedMs: number;
  iterations: number;
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
  /** Whether a scenario is stored under `id` (one indexed read; its JSON is not loaded). */
  hasScenario(id: string): Promise<boolean>;
  listScenarios(): Promise<ScenarioSummary[]>;
  insertPlan(record: PlanRecord): Promise<void>;
  /**
   * Changes an unfinished plan; a plan that is done, failed or cancelled is never changed again,
   * so when two runs of one job finish (a worker thought dead, and its replacement) only the
   * first result is kept. Returns false when the plan was already finished (or is unknown).
   */
  updatePlan(id: string, update: PlanUpdate): Promise<boolean>;
  getPlan(id: string): Promise<PlanRecord | undefined>;
  /** The plan jobs of a scenario, newest first, without their plans. */
  listPlans(scenarioId: string): Promise<PlanSummary[]>;
  /** The plan's number within its scenario (1 = the first plan started for it), or undefined. */
  planNumber(id: string): Promise<number | undefined>;
  /** Marks jobs left queued or running by a previous process as failed; returns how many. */
  failUnfinishedPlans(reason: string, at: string): Promise<number>;
  /**
   * Records a publication of a done plan, unless that plan is already the scenario's latest
   * publication: then that one is returned and nothing is written, so publishing is idempotent
   * even when two processes publish the same plan at once. Returns the scenario's latest
   * publication afterwards (`record` itself when it was written).
   */
  insertPublication(record: PublicationRecord): Promise<PublicationRecord>;
  /** Publications of a scenario, oldest first. */
  listPublications(scenarioId: string): Promise<PublicationRecord[]>;
  /** The scenario's latest publication (what feeds serve), read at most once a second per scenario by each API process. */
  latestPublication(scenarioId: string): Promise<PublicationRecord | undefined>;
  close(): Promise<void>;
}
