/**
 * Re-planning after a bus drops out: from a date on, the bus is gone, and what it was going
 * to serve is re-optimised while every other visit of the published plan stays exactly where
 * it was (same bus, date, stop and start), so nobody else's calendar changes. Kept visits
 * become pinned visits; the freed stops may be added wherever the fleet has room around them.
 *
 * A published plan stores times to the second, so a kept route is first re-timed with every
 * start held within a second of its published value (the exact scheduler finds such times,
 * lunch included); those times are what is pinned.
 */
import { dayNumber, type Plan, type Scenario } from "@carebus/model";
import { scheduleSequence, SolverError, type Instance, type PinnedVisit, type SolvedRoute } from "@carebus/solver";
import { prepareScenario, solvePrepared, type SolveScenarioOptions } from "../solveScenario.js";

/** Which bus leaves the plan, and from which date (inclusive). */
export interface BusRemoval {
  removedBusId: string;
  /** ISO date; the bus still works before it */
  fromDate: string;
}

/** How far a re-timed start may move from its published value, in minutes (one second). */
const PUBLISHED_PRECISION = 1 / 60;

/** Minutes after midnight of `date` of a local ISO date-time such as 2026-11-24T08:30:15-05:00. */
export function minuteOfLocalDateTime(dateTime: string, date: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?/.exec(dateTime);
  if (!m) throw new SolverError("CAREBUS_SOLVER_INTERNAL", `not a local date-time: ${JSON.stringify(dateTime)}`);
  return (dayNumber(m[1]!) - dayNumber(date)) * 1440 + Number(m[2]) * 60 + Number(m[3]) + Number(m[4] ?? 0) / 60;
}

/**
 * The plan repaired after `removal`: the removed bus has no visits from `fromDate` on, every
 * other visit of `plan` is kept unchanged, and the rest is re-optimised.
 *
 * @throws SolverError CAREBUS_SOLVER_INFEASIBLE_START when a kept route cannot be re-timed
 * (the plan does not belong to this scenario); the errors of `solveScenario`
 * @example const repaired = await repairPlan(scenario, plan, { removedBusId: "bus-3", fromDate: "2026-11-26" });
 */
export async function repairPlan(
  scenario: Scenario,
  plan: Plan,
  removal: BusRemoval,
  options: SolveScenarioOptions = {},
): Promise<Plan> {
  const { instance, index } = await prepareScenario(scenario, options);
  const R = instance.routes.length;
  const routeOf = new Map(index.routes.map((r, i) => [`${r.busId}\u0000${r.date}`, i]));
  const stopOf = new Map(index.stopIds.map((id, s) => [id, s]));
  const removed = new Set<number>();
  index.routes.forEach((r, i) => {
    if (r.busId === removal.removedBusId && r.date >= removal.fromDate) removed.add(i);
  });
  const initial: SolvedRoute[] = instance.routes.map((spec) => ({
    departure: spec.shiftStart,
    visits: [],
    lunch: null,
  }));
  const pinned: PinnedVisit[] = [];
  for (const planRoute of plan.routes) {
    const r = routeOf.get(`${planRoute.busId}\u0000${planRoute.date}`);
    if (r === undefined) {
      throw new SolverError(
        "CAREBUS_SOLVER_INFEASIBLE_START",
        `the plan has bus ${planRoute.busId} on ${planRoute.date}, which this scenario does not`,
      );
    }
    if (removed.has(r)) continue;
    const stops = planRoute.visits.map((v) => {
      const s = stopOf.get(v.stopId);
      if (s === undefined)
        throw new SolverError("CAREBUS_SOLVER_INFEASIBLE_START", `the plan visits unknown stop ${v.stopId}`);
      return s;
    });
    const startRanges = new Map<number, readonly [number, number]>();
    planRoute.visits.forEach((v, i) => {
      const start = minuteOfLocalDateTime(v.serviceStart, planRoute.date);
      startRanges.set(stops[i]!, [start - PUBLISHED_PRECISION, start + PUBLISHED_PRECISION]);
    });
    const route = scheduleSequence(instance, r, stops, { startRanges });
    if (!route) {
      throw new SolverError(
        "CAREBUS_SOLVER_INFEASIBLE_START",
        `bus ${planRoute.busId} on ${planRoute.date}: the published visits cannot be kept in this scenario`,
      );
    }
    initial[r] = route;
    for (const v of route.visits) pinned.push({ stop: v.stop, route: r, start: v.start });
  }
  const allowed = Uint8Array.from(instance.allowed);
  for (const r of removed) for (let s = 0; s < instance.nStops; s++) allowed[s * R + r] = 0;
  const repaired: Instance = { ...instance, allowed, pinned };
  return solvePrepared(scenario, { instance: repaired, index }, { ...options, initial });
}
