/**
 * Scenario + geography → Instance: the one place where ids, dates, weekdays and clock times
 * become the solver's indices and minutes, and the index that maps them back. Places in the
 * travel matrix are the scenario's stops in order, then its depots (depot d is location
 * nStops + d). Routes are one per bus and service date on which the bus works.
 */
import {
  DEFAULT_SERVICE_WEEKDAYS,
  ScenarioError,
  WEEKDAYS,
  dayNumber,
  parseClock,
  serviceDates,
  timeGridOf,
  weekdayOf,
  type Issue,
  type Scenario,
  type Weekday,
} from "@carebus/model";
import type { Coverage, TravelMatrix } from "@carebus/geo";
import { gridDown, gridUp, type Instance, type PinnedVisit, type RouteSpec } from "@carebus/solver";

/** Maps the instance's indices back to the scenario's ids and dates. */
export interface ScenarioIndex {
  stopIds: string[];
  busIds: string[];
  depotIds: string[];
  /** service dates of the horizon, in order (Instance.dayNumbers has the same order) */
  dates: string[];
  /** per route index: which bus on which date */
  routes: Array<{ busId: string; date: string }>;
  /** per stop: some bus of an accepted kind exists, whatever the days */
  stopHasCompatibleBus: boolean[];
}

/** What geography hands over: the travel matrix over stops then depots, and the coverage. */
export interface GeoInputs {
  travel: TravelMatrix;
  /** required for the points demand form; ignored for scores */
  coverage: Coverage | null;
}

/**
 * Build the solver's Instance of `scenario`.
 *
 * @throws ScenarioError when the geography does not fit the scenario (matrix size, missing
 * coverage) or a pinned visit names a bus or date with no route
 * @example const { instance, index } = buildInstance(scenario, { travel, coverage });
 */
export function buildInstance(scenario: Scenario, geo: GeoInputs): { instance: Instance; index: ScenarioIndex } {
  const issues: Issue[] = [];
  const nStops = scenario.stops.length;
  const nLocations = nStops + scenario.depots.length;
  if (geo.travel.size !== nLocations) {
    issues.push({
      path: "travel",
      message: `the travel matrix has ${geo.travel.size} places, expected ${nLocations} (stops then depots)`,
    });
    throw new ScenarioError(issues);
  }
  const dates = serviceDates(scenario.horizon);
  const horizonWeekdays = scenario.horizon.weekdays ?? DEFAULT_SERVICE_WEEKDAYS;
  const depotIndex = new Map(scenario.depots.map((d, i) => [d.id, i]));

  const routes: RouteSpec[] = [];
  const routeIds: ScenarioIndex["routes"] = [];
  const routeWeekday: Weekday[] = [];
  const routeKind: string[] = [];
  const routeOf = new Map<string, number>();
  dates.forEach((date, day) => {
    const weekday = weekdayOf(date);
    scenario.buses.forEach((bus, b) => {
      if (!(bus.days ?? (horizonWeekdays as readonly string[])).includes(weekday)) return;
      const depot = depotIndex.get(bus.depotId);
      if (depot === undefined) {
        issues.push({ path: `buses[${b}].depotId`, message: `unknown depot ${JSON.stringify(bus.depotId)}` });
        return;
      }
      const shift = bus.shifts?.[weekday] ?? bus.shift;
      routeOf.set(`${bus.id}\u0000${date}`, routes.length);
      routes.push({
        bus: b,
        day,
        depot: nStops + depot,
        shiftStart: parseClock(shift.start),
        shiftEnd: parseClock(shift.end),
        maxWorkMinutes: bus.maxWorkMinutes ?? Infinity,
        maxDriveMinutes: bus.maxDriveMinutes ?? Infinity,
        setupMinutes: bus.setupMinutes ?? 0,
        packupMinutes: bus.packupMinutes ?? 0,
        lunch: bus.lunch
          ? { start: parseClock(bus.lunch.start), end: parseClock(bus.lunch.end), minutes: bus.lunch.minutes }
          : null,
      });
      routeIds.push({ busId: bus.id, date });
      routeWeekday.push(weekday);
      routeKind.push(bus.kind);
    });
  });

  const R = routes.length;
  const dwell = Float64Array.from(scenario.stops, (s) => s.dwellMinutes);
  const windowOffset = new Int32Array(nStops + 1);
  const open: number[] = [];
  const close: number[] = [];
  const allowed = new Uint8Array(nStops * R);
  const kinds = new Set(scenario.buses.map((b) => b.kind));
  const timeGrid = timeGridOf(scenario);
  scenario.stops.forEach((stop, s) => {
    windowOffset[s] = open.length;
    for (const [o, c] of serviceWindows(stop.timeWindows, stop.dwellMinutes, timeGrid)) {
      open.push(o);
      close.push(c);
    }
    const weekdays = new Set<string>(stop.weekdays ?? WEEKDAYS);
    for (let r = 0; r < R; r++) {
      if (stop.busKinds.includes(routeKind[r]!) && weekdays.has(routeWeekday[r]!)) allowed[s * R + r] = 1;
    }
  });
  windowOffset[nStops] = open.length;

  const pinned: PinnedVisit[] = [];
  scenario.stops.forEach((stop, s) => {
    stop.pinned?.forEach((pin, j) => {
      const route = routeOf.get(`${pin.busId}\u0000${pin.date}`);
      if (route === undefined) {
        issues.push({
          path: `stops[${s}].pinned[${j}]`,
          message: `bus ${JSON.stringify(pin.busId)} does not work on ${pin.date} (not a service date or not one of its days)`,
        });
        return;
      }
      pinned.push({ stop: s, route, start: parseClock(pin.start) });
    });
  });

  const groups = buildGroups(scenario, geo.coverage, issues);
  if (issues.length > 0) throw new ScenarioError(issues);

  const instance: Instance = {
    name: scenario.id,
    nStops,
    nLocations,
    travel: geo.travel.minutes,
    km: geo.travel.km,
    dwell,
    windowOffset,
    windowOpen: Float64Array.from(open),
    windowClose: Float64Array.from(close),
    maxVisits: Int32Array.from(scenario.stops, (s) => s.maxVisits ?? 1),
    minDaysBetween: Int32Array.from(scenario.stops, (s) => s.minDaysBetween ?? 0),
    routes,
    dayNumbers: Int32Array.from(dates, (d) => dayNumber(d)),
    allowed,
    ...groups,
    pinned,
    timeGrid,
  };
  const index: ScenarioIndex = {
    stopIds: scenario.stops.map((s) => s.id),
    busIds: scenario.buses.map((b) => b.id),
    depotIds: scenario.depots.map((d) => d.id),
    dates,
    routes: routeIds,
    stopHasCompatibleBus: scenario.stops.map((s) => s.busKinds.some((k) => kinds.has(k))),
  };
  return { instance, index };
}

/**
 * A scenario window is when the bus may be parked and serving, so service may start from its
 * opening until its end minus the dwell, on the time grid (opening rounded up, latest start
 * down). Windows too short for the dwell vanish; overlapping ones merge, so the instance's
 * windows are sorted and disjoint.
 */
export function serviceWindows(
  windows: ReadonlyArray<{ start: string; end: string }>,
  dwellMinutes: number,
  timeGrid = 0,
): Array<[number, number]> {
  const raw = windows
    .map(
      (w) =>
        [gridUp(parseClock(w.start), timeGrid), gridDown(parseClock(w.end) - dwellMinutes, timeGrid)] as [
          number,
          number,
        ],
    )
    .filter(([o, c]) => c >= o)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [o, c] of raw) {
    const last = merged[merged.length - 1];
    if (last && o <= last[1]) last[1] = Math.max(last[1], c);
    else merged.push([o, c]);
  }
  return merged;
}

/** Demand groups: one per demand point (points form) or one per stop, scored once (scores form). */
function buildGroups(
  scenario: Scenario,
  coverage: Coverage | null,
  issues: Issue[],
): Pick<Instance, "groupValue" | "stopGroupOffset" | "stopGroups" | "visitValues"> {
  const nStops = scenario.stops.length;
  const demand = scenario.demand;
  if (demand.kind === "scores") {
    const score = new Map(demand.scores.map((s) => [s.stopId, s.score]));
    return {
      groupValue: Float64Array.from(scenario.stops, (s) => score.get(s.id) ?? 0),
      stopGroupOffset: Int32Array.from({ length: nStops + 1 }, (_, i) => i),
      stopGroups: Int32Array.from({ length: nStops }, (_, i) => i),
      // "a plain score per stop, counted once": repeat visits of a stop add nothing
      visitValues: Float64Array.of(1, 0),
    };
  }
  if (!coverage || coverage.stopPoints.length !== nStops || coverage.pointValue.length !== demand.points.length) {
    issues.push({ path: "demand", message: "the coverage does not match the scenario's stops and demand points" });
    return {
      groupValue: new Float64Array(0),
      stopGroupOffset: new Int32Array(nStops + 1),
      stopGroups: new Int32Array(0),
      visitValues: Float64Array.of(1),
    };
  }
  const stopGroupOffset = new Int32Array(nStops + 1);
  let total = 0;
  coverage.stopPoints.forEach((points, s) => {
    stopGroupOffset[s] = total;
    total += points.length;
  });
  stopGroupOffset[nStops] = total;
  const stopGroups = new Int32Array(total);
  coverage.stopPoints.forEach((points, s) => {
    stopGroups.set(points, stopGroupOffset[s]!);
  });
  return {
    groupValue: Float64Array.from(coverage.pointValue),
    stopGroupOffset,
    stopGroups,
    visitValues: Float64Array.from(demand.coverage.visitValues),
  };
}
