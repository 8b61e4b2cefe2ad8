/**
 * Lookups the planner's views share, computed once per plan: stops and buses by id, each
 * stop's visits and the value they add, and why an unvisited stop was left out.
 */
import type { LoadedPlan, PlanRoute, PlanVisit, Stop, UnvisitedStop } from "../shared/types.js";

/** A visit with the route (bus-day) it belongs to. */
export interface VisitRef {
  route: PlanRoute;
  visit: PlanVisit;
  /** 0-based position of the visit in its route. */
  index: number;
}

/** Indexed view of a loaded plan. */
export interface PlanIndex {
  loaded: LoadedPlan;
  stops: Map<string, Stop>;
  busIndex: Map<string, number>;
  busNames: Map<string, string>;
  visitsByStop: Map<string, VisitRef[]>;
  valueByStop: Map<string, number>;
  unvisited: Map<string, UnvisitedStop>;
  maxStopValue: number;
}

/** Builds the lookups of a plan and its scenario. */
export function indexPlan(loaded: LoadedPlan): PlanIndex {
  const { plan, scenario } = loaded;
  const stops = new Map(scenario.stops.map((s) => [s.id, s]));
  const busIndex = new Map(scenario.buses.map((b, i) => [b.id, i]));
  const busNames = new Map(scenario.buses.map((b) => [b.id, b.name || b.id]));
  const visitsByStop = new Map<string, VisitRef[]>();
  const valueByStop = new Map<string, number>();
  for (const route of plan.routes) {
    route.visits.forEach((visit, index) => {
      const list = visitsByStop.get(visit.stopId) ?? [];
      list.push({ route, visit, index });
      visitsByStop.set(visit.stopId, list);
      valueByStop.set(visit.stopId, (valueByStop.get(visit.stopId) ?? 0) + visit.value);
    });
  }
  const unvisited = new Map(plan.unvisited.map((u) => [u.stopId, u]));
  for (const u of plan.unvisited)
    if (u.value !== undefined && !valueByStop.has(u.stopId)) valueByStop.set(u.stopId, u.value);
  let maxStopValue = 0;
  for (const v of valueByStop.values()) maxStopValue = Math.max(maxStopValue, v);
  return { loaded, stops, busIndex, busNames, visitsByStop, valueByStop, unvisited, maxStopValue };
}

/** Display name of a stop id (the id itself when the scenario does not know it). */
export function stopName(index: PlanIndex, stopId: string): string {
  return index.stops.get(stopId)?.name ?? stopId;
}

/** Display name of a bus id. */
export function busName(index: PlanIndex, busId: string): string {
  return index.busNames.get(busId) ?? busId;
}
