/**
 * Solved routes → the Plan document: indices back to ids, minutes back to local date-times,
 * every moment replayed by the checker's own timeline, the value each visit adds (visits
 * taken in date and time order), totals by locality and zone, the left-out stops with their
 * reasons, and the solver's statistics. Only bus-days with at least one visit appear.
 */
import {
  DEFAULT_TIME_ZONE,
  PLAN_FORMAT,
  PLAN_VERSION,
  PRIORITY_BANDS,
  formatLocalDateTime,
  priorityBand,
  priorityIndexValues,
  scenarioHash,
  type PointsDemand,
  type Plan,
  type PlanRoute,
  type PlanVisit,
  type Scenario,
  type Zone,
} from "@carebus/model";
import {
  addVisit,
  groupCounts,
  marginalValue,
  replayRoute,
  valueOfCounts,
  visitValueAt,
  type Instance,
  type SolvedRoute,
} from "@carebus/solver";
import type { ScenarioIndex } from "./fromScenario.js";
import { explainUnvisited } from "./explainUnvisited.js";

/** Statistics of the run that produced the routes. */
export interface PlanRunStats {
  bound: number;
  /** quick: the fallback bound; strong: a solved relaxation (unset: not known) */
  boundKind?: "quick" | "strong";
  iterations: number;
  elapsedMs: number;
  seed: number;
  timeLimitSeconds?: number;
  iterationLimit?: number;
  timeToBestMs?: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Write the plan of `routes` (one per instance route) for `scenario`.
 *
 * @example const plan = toPlan(scenario, index, instance, result.routes, { bound, iterations, elapsedMs, seed: 1 });
 */
export function toPlan(
  scenario: Scenario,
  index: ScenarioIndex,
  instance: Instance,
  routes: readonly SolvedRoute[],
  stats: PlanRunStats,
): Plan {
  const timeZone = scenario.horizon.timeZone ?? DEFAULT_TIME_ZONE;
  const visitValue = valuesInTimeOrder(instance, index, routes);
  const planRoutes: PlanRoute[] = [];
  let travelMinutes = 0;
  let km = 0;
  let visitCount = 0;
  routes.forEach((route, r) => {
    if (route.visits.length === 0) return;
    const { busId, date } = index.routes[r]!;
    const spec = instance.routes[r]!;
    const tl = replayRoute(instance, r, route);
    const at = (minute: number) => formatLocalDateTime(date, minute, timeZone);
    const visits: PlanVisit[] = tl.visits.map((v, i) => ({
      stopId: index.stopIds[v.stop]!,
      arrival: at(v.arrival),
      serviceStart: at(v.start),
      serviceEnd: at(v.serviceEnd),
      departure: at(v.leave),
      travelMinutes: r3(v.travelMinutes),
      km: r3(v.km),
      value: r3(visitValue.get(`${r}:${i}`) ?? 0),
    }));
    const planRoute: PlanRoute = {
      busId,
      date,
      depotId: index.depotIds[spec.depot - instance.nStops]!,
      departure: at(tl.departure),
      return: at(tl.return),
      visits,
      returnTravelMinutes: r3(tl.returnTravelMinutes),
      returnKm: r3(tl.returnKm),
      travelMinutes: r3(tl.travelMinutes),
      km: r3(tl.km),
      workMinutes: r3(tl.workMinutes),
    };
    if (tl.lunch) {
      planRoute.lunch = {
        start: at(tl.lunch.start),
        end: at(tl.lunch.end),
        afterStopId: tl.lunch.afterVisits > 0 ? index.stopIds[route.visits[tl.lunch.afterVisits - 1]!.stop]! : null,
      };
    }
    planRoutes.push(planRoute);
    travelMinutes += tl.travelMinutes;
    km += tl.km;
    visitCount += route.visits.length;
  });

  const visitsPerStop = new Int32Array(instance.nStops);
  for (const route of routes) for (const v of route.visits) visitsPerStop[v.stop]! += 1;
  const counts = groupCounts(instance, visitsPerStop);
  const value = valueOfCounts(instance, counts);
  const unvisited = explainUnvisited(instance, routes, {
    stopHasCompatibleBus: index.stopHasCompatibleBus,
    label: (s) => `stop ${index.stopIds[s]}`,
    routeLabel: (r) => `bus ${index.routes[r]!.busId} on ${index.routes[r]!.date}`,
  }).map((e) => ({
    stopId: index.stopIds[e.stop]!,
    reason: e.reason,
    message: e.message,
    ...(e.value !== undefined ? { value: r3(e.value) } : {}),
  }));
  const gap = stats.bound > 0 ? Math.max(0, (stats.bound - value) / stats.bound) : 0;
  return {
    format: PLAN_FORMAT,
    version: PLAN_VERSION,
    scenario: { id: scenario.id, hash: scenarioHash(scenario) },
    timeZone,
    dates: [...index.dates],
    routes: planRoutes,
    totals: {
      value: r3(value),
      ...reach(scenario, instance, counts, visitsPerStop),
      visits: visitCount,
      stopsVisited: visitsPerStop.filter((k) => k > 0).length,
      travelMinutes: r3(travelMinutes),
      km: r3(km),
    },
    unvisited,
    stats: {
      value: r3(value),
      bound: r3(stats.bound),
      ...(stats.boundKind ? { boundKind: stats.boundKind } : {}),
      gap: Math.round(gap * 1e6) / 1e6,
      travelMinutes: r3(travelMinutes),
      iterations: stats.iterations,
      elapsedMs: Math.round(stats.elapsedMs),
      seed: stats.seed,
      ...(stats.timeLimitSeconds !== undefined ? { timeLimitSeconds: stats.timeLimitSeconds } : {}),
      ...(stats.iterationLimit !== undefined ? { iterationLimit: stats.iterationLimit } : {}),
      ...(stats.timeToBestMs !== undefined ? { timeToBestMs: Math.round(stats.timeToBestMs) } : {}),
    },
  };
}

/** Value each visit adds, taking every visit of the plan in date, then start-time order. */
function valuesInTimeOrder(
  instance: Instance,
  index: ScenarioIndex,
  routes: readonly SolvedRoute[],
): Map<string, number> {
  const all = routes.flatMap((route, r) =>
    route.visits.map((v, i) => ({ r, i, stop: v.stop, date: index.routes[r]!.date, start: v.start })),
  );
  all.sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start || a.r - b.r);
  const counts = new Int32Array(instance.groupValue.length);
  const out = new Map<string, number>();
  for (const v of all) {
    out.set(`${v.r}:${v.i}`, marginalValue(instance, counts, v.stop));
    addVisit(instance, counts, v.stop);
  }
  return out;
}

/**
 * Caregivers reached (each demand point counted once, at its raw caregivers) and value, in
 * total and by locality and zone. In the scores form a stop's score stands for its caregivers
 * and its own locality and zone are used.
 */
function reach(scenario: Scenario, instance: Instance, counts: Int32Array, visitsPerStop: Int32Array) {
  const byLocality = new Map<string, { caregivers: number; value: number }>();
  const byZone = new Map<Zone, { caregivers: number; value: number }>();
  let caregiversReached = 0;
  const add = (locality: string, zone: Zone, caregivers: number, value: number) => {
    caregiversReached += caregivers;
    const l = byLocality.get(locality) ?? { caregivers: 0, value: 0 };
    l.caregivers += caregivers;
    l.value += value;
    byLocality.set(locality, l);
    const z = byZone.get(zone) ?? { caregivers: 0, value: 0 };
    z.caregivers += caregivers;
    z.value += value;
    byZone.set(zone, z);
  };
  const groupValueOf = (g: number) => {
    let sum = 0;
    for (let k = 0; k < counts[g]!; k++) sum += visitValueAt(instance, k);
    return instance.groupValue[g]! * sum;
  };
  const demand = scenario.demand;
  if (demand.kind === "points") {
    demand.points.forEach((p, g) => {
      if (counts[g]! > 0) add(p.locality, p.zone, p.caregivers, groupValueOf(g));
    });
  } else {
    scenario.stops.forEach((stop, s) => {
      if (visitsPerStop[s]! > 0) add(stop.locality, stop.zone, instance.groupValue[s]!, groupValueOf(s));
    });
  }
  const sorted = <K extends string>(m: Map<K, { caregivers: number; value: number }>) =>
    [...m.entries()]
      .sort((a, b) => b[1].value - a[1].value || a[0].localeCompare(b[0]))
      .map(([key, v]) => [key, r3(v.caregivers), r3(v.value)] as const);
  return {
    caregiversReached: r3(caregiversReached),
    byLocality: sorted(byLocality).map(([locality, caregivers, value]) => ({ locality, caregivers, value })),
    byZone: sorted(byZone).map(([zone, caregivers, value]) => ({ zone, caregivers, value })),
    ...(demand.kind === "points" && demand.priority ? { byPriority: reachByPriority(demand, counts) } : {}),
  };
}

/** Caregivers reached and in total per priority band, high first (see priorityIndex in @carebus/model). */
function reachByPriority(demand: PointsDemand, counts: Int32Array) {
  const bands = priorityIndexValues(demand).map(priorityBand);
  return [...PRIORITY_BANDS].reverse().map((band) => {
    let caregivers = 0;
    let total = 0;
    demand.points.forEach((p, g) => {
      if (bands[g] !== band) return;
      total += p.caregivers;
      if (counts[g]! > 0) caregivers += p.caregivers;
    });
    return { band, caregivers: r3(caregivers), total: r3(total) };
  });
}
