/**
 * What a calendar feed is built from: a scenario (for the stops' names, places and the
 * horizon) and the history of plans published for it. Feeds are derived from the whole
 * history, not only the latest plan, because calendar apps need stable UIDs, rising SEQUENCE
 * numbers and CANCELLED events to update subscribers instead of duplicating visits.
 */
import type { Horizon, Plan, Stop, Bus } from "@carebus/model";

/** One publication of a plan for a scenario. */
export interface CalendarPublication {
  /** publication id (stable, unique within the scenario) */
  id: string;
  /** ISO instant the plan was published (UTC, e.g. 2026-11-23T12:00:00.000Z) */
  publishedAt: string;
  plan: Plan;
}

/** The scenario parts a feed needs. */
export interface CalendarScenario {
  id: string;
  name: string;
  horizon: Horizon;
  stops: readonly Stop[];
  buses: readonly Bus[];
}

/** Inputs of every feed builder: a scenario and its publications, oldest first. */
export interface CalendarSource {
  scenario: CalendarScenario;
  publications: readonly CalendarPublication[];
}
