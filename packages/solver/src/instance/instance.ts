/**
 * The solver's view of a problem: plain, index-based, readonly data with no geography and no
 * dates. Both the Bogotá scenarios (through fromScenario.ts) and the literature TOPTW files
 * (through io/toptw.ts) become an Instance, so one search engine and one checker serve both.
 *
 * Time is in minutes on the route's own day (TOPTW: the file's time units). A visit of stop s
 * on route r occupies [start - setup(r), start + dwell(s) + packup(r)], where `start` is the
 * moment service begins; service must begin inside one of the stop's windows
 * [windowOpen, windowClose] (windowClose is the latest *start*, already net of the dwell).
 */

import { TIME_TOLERANCES } from "../timeTolerance.js";

/** One bus on one service date: a route leaves its depot and comes back within the shift. */
export interface RouteSpec {
  /** index of the bus (several routes share a bus, one per date) */
  bus: number;
  /** index of the date in `Instance.dayNumbers` */
  day: number;
  /** location index of the depot (>= nStops) */
  depot: number;
  /** earliest departure from the depot */
  shiftStart: number;
  /** latest return to the depot */
  shiftEnd: number;
  /** max minutes from departure to return (Infinity when unlimited) */
  maxWorkMinutes: number;
  /** max total driving minutes (Infinity when unlimited) */
  maxDriveMinutes: number;
  /** minutes before service begins, spent parked at the stop */
  setupMinutes: number;
  /** minutes after service ends, spent parked at the stop */
  packupMinutes: number;
  /**
   * A break of `minutes`, entirely inside [start, end], while parked (at the depot before
   * leaving or after returning, or at a stop between its pack-up and the next departure);
   * never during driving or during a visit. It counts as working time.
   */
  lunch: { start: number; end: number; minutes: number } | null;
}

/**
 * A visit that must be kept: `stop` served on `route`, starting exactly at `start`, or, when
 * `latestStart` is set, at any moment of [start, latestStart] that one of its windows allows
 * (a planner's "this stop on this bus-day", whatever the hour).
 */
export interface PinnedVisit {
  stop: number;
  route: number;
  start: number;
  latestStart?: number;
}

export interface Instance {
  readonly name: string;
  /** stops are locations 0..nStops-1 */
  readonly nStops: number;
  /** stops followed by depots */
  readonly nLocations: number;
  /** travel minutes, row-major nLocations × nLocations; Infinity when unreachable */
  readonly travel: Float64Array;
  /** road km, same layout (TOPTW: equal to travel) */
  readonly km: Float64Array;
  /** per stop: minutes of service (the dwell) */
  readonly dwell: Float64Array;
  /** per stop s: its windows are windowOffset[s] .. windowOffset[s+1]-1 (sorted, disjoint) */
  readonly windowOffset: Int32Array;
  readonly windowOpen: Float64Array;
  readonly windowClose: Float64Array;
  /** per stop: visits allowed in the horizon */
  readonly maxVisits: Int32Array;
  /** per stop: minimum difference of day numbers between two of its visits (0 = any) */
  readonly minDaysBetween: Int32Array;
  /** the routes (bus-days) */
  readonly routes: readonly RouteSpec[];
  /** per date index: its day number (days since 1970-01-01; TOPTW: 0) */
  readonly dayNumbers: Int32Array;
  /** allowed[s * routes.length + r] = 1 when route r may serve stop s (bus kind, weekday) */
  readonly allowed: Uint8Array;
  /**
   * Objective: the value of a plan is, for every demand group g visited k times in total
   * (by any stop covering it), groupValue[g] × (visitValues[0] + … + visitValues[k-1]), where
   * visits past the end of visitValues reuse its last entry. TOPTW: one group per stop with
   * its score, visitValues [1].
   */
  readonly groupValue: Float64Array;
  readonly stopGroupOffset: Int32Array;
  readonly stopGroups: Int32Array;
  readonly visitValues: Float64Array;
  readonly pinned: readonly PinnedVisit[];
  /**
   * Service starts fall on multiples of this many minutes (scenarios: 15 by default, so people
   * read 13:00, not 12:54); absent or 0 = any moment (the literature files). Pinned visits keep
   * their pinned minute.
   */
  readonly timeGrid?: number;
}

/** Minutes of float dust tolerated when a time is snapped to the time grid (the scheduler's, below the checker's). */
const GRID_DUST = TIME_TOLERANCES.scheduleGrid;

/** The first grid point at or after `time` (`time` itself without a grid). */
export function gridUp(time: number, grid: number | undefined): number {
  return grid ? Math.ceil((time - GRID_DUST) / grid) * grid : time;
}

/** The last grid point at or before `time` (`time` itself without a grid). */
export function gridDown(time: number, grid: number | undefined): number {
  return grid ? Math.floor((time + GRID_DUST) / grid) * grid : time;
}

/** One visit of a solved route: the stop and the minute its service begins. */
export interface RouteVisit {
  stop: number;
  start: number;
}

/** A solved route: when it leaves the depot, its visits, and where the lunch break goes. */
export interface SolvedRoute {
  departure: number;
  visits: RouteVisit[];
  /** break start and the number of visits before it (0 = before the first visit) */
  lunch: { start: number; afterVisits: number } | null;
}
