/**
 * The independent referee: given an instance and solved routes, it recomputes every moment,
 * limit and rule from scratch and lists each violation, together with the objective it
 * recomputes itself. It imports nothing from the search engine (solution/, search/, …), so a
 * bug in the engine's incremental caches cannot hide here; every plan the solver returns
 * must come back with no violations.
 */
import type { Instance, SolvedRoute } from "../instance/instance.js";
import { groupCounts, valueOfCounts } from "./coverageValue.js";
import { replayRoute } from "./timeline.js";
import type { Violation } from "./violations.js";
import { TIME_TOLERANCES } from "../timeTolerance.js";

/**
 * Absolute tolerance on times, in minutes: float sums of travel times must not fail a tight plan.
 * The loosest entry of the one tolerance table (timeTolerance.ts), above what the scheduler moves.
 */
export const TIME_TOLERANCE = TIME_TOLERANCES.checker;

/** What the checker found. */
export interface CheckResult {
  violations: Violation[];
  /** objective value recomputed from the visits (first level) */
  value: number;
  /** total driving minutes (second level) */
  travelMinutes: number;
}

const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3));

/**
 * Check `routes` (one per `instance.routes`, same order) against every rule of the instance.
 *
 * @returns the violations (empty when the plan is feasible), the recomputed value and travel
 * @example const { violations, value } = checkSolution(instance, result.routes);
 */
export function checkSolution(instance: Instance, routes: readonly SolvedRoute[]): CheckResult {
  const violations: Violation[] = [];
  const R = instance.routes.length;
  if (routes.length !== R) {
    violations.push({ kind: "route-count", detail: `expected ${R} routes (one per bus-day), got ${routes.length}` });
  }
  const visitsPerStop = new Int32Array(instance.nStops);
  /** per stop, the day indices of its visits */
  const daysOfStop: number[][] = Array.from({ length: instance.nStops }, () => []);
  let travelMinutes = 0;
  for (let r = 0; r < Math.min(R, routes.length); r++) {
    const route = routes[r]!;
    const found = checkRoute(instance, r, route, violations);
    if (!found) continue;
    travelMinutes += found.travel;
    for (const v of route.visits) {
      visitsPerStop[v.stop]! += 1;
      daysOfStop[v.stop]!.push(instance.routes[r]!.day);
    }
  }
  checkAcrossRoutes(instance, routes, visitsPerStop, daysOfStop, violations);
  const value = valueOfCounts(instance, groupCounts(instance, visitsPerStop));
  return { violations, value, travelMinutes };
}

/** Rules within one route; returns its travel, or null when its stops cannot even be read. */
function checkRoute(instance: Instance, r: number, route: SolvedRoute, out: Violation[]): { travel: number } | null {
  const spec = instance.routes[r]!;
  const eps = TIME_TOLERANCE;
  for (const v of route.visits) {
    if (!Number.isInteger(v.stop) || v.stop < 0 || v.stop >= instance.nStops) {
      out.push({
        kind: "unknown-stop",
        route: r,
        detail: `route ${r} visits ${String(v.stop)}, not a stop index (0..${instance.nStops - 1})`,
      });
      return null;
    }
    if (!Number.isFinite(v.start)) {
      out.push({
        kind: "not-a-number",
        route: r,
        stop: v.stop,
        detail: `route ${r}: stop ${v.stop} has start ${String(v.start)}`,
      });
      return null;
    }
  }
  const n = route.visits.length;
  const lunchSpec = spec.lunch;
  if (route.lunch) {
    if (!Number.isFinite(route.lunch.start) || !Number.isInteger(route.lunch.afterVisits)) {
      out.push({
        kind: "not-a-number",
        route: r,
        detail: `route ${r}: lunch ${JSON.stringify(route.lunch)} is not a start minute and a visit count`,
      });
      return null;
    }
    if (!lunchSpec)
      out.push({
        kind: "lunch-unexpected",
        route: r,
        detail: `route ${r} takes a lunch break its bus-day does not have`,
      });
  } else if (lunchSpec && n > 0) {
    out.push({
      kind: "lunch-missing",
      route: r,
      detail: `route ${r} works without its ${lunchSpec.minutes}-minute lunch break`,
    });
  }
  if (n === 0) {
    if (route.lunch && lunchSpec)
      checkLunchWindow(r, route.lunch.start, lunchSpec, spec.shiftStart, spec.shiftEnd, out);
    return { travel: 0 };
  }
  if (!Number.isFinite(route.departure)) {
    out.push({ kind: "not-a-number", route: r, detail: `route ${r}: departure ${String(route.departure)}` });
    return null;
  }
  const tl = replayRoute(instance, r, route);
  if (route.departure < spec.shiftStart - eps) {
    out.push({
      kind: "departure-before-shift",
      route: r,
      detail: `route ${r} leaves at ${fmt(route.departure)}, before its shift starts at ${fmt(spec.shiftStart)}`,
    });
  }
  const R = instance.routes.length;
  tl.visits.forEach((v, i) => {
    if (!instance.allowed[v.stop * R + r]) {
      out.push({
        kind: "not-allowed",
        route: r,
        stop: v.stop,
        detail: `route ${r} may not serve stop ${v.stop} (bus kind or weekday)`,
      });
    }
    if (!Number.isFinite(v.travelMinutes)) {
      out.push({
        kind: "unreachable",
        route: r,
        stop: v.stop,
        detail: `route ${r}: stop ${v.stop} cannot be reached from location ${v.from}`,
      });
      return;
    }
    if (v.arrival + spec.setupMinutes > v.start + eps) {
      out.push({
        kind: "too-early",
        route: r,
        stop: v.stop,
        detail: `route ${r}, visit ${i + 1}: stop ${v.stop} starts at ${fmt(v.start)} but the bus arrives at ${fmt(v.arrival)} and needs ${spec.setupMinutes} min to set up`,
      });
    }
    if (!insideWindow(instance, v.stop, v.start)) {
      out.push({
        kind: "outside-window",
        route: r,
        stop: v.stop,
        detail: `route ${r}: stop ${v.stop} starts at ${fmt(v.start)}, outside all its windows`,
      });
    }
    if (!onGrid(instance, r, v.stop, v.start)) {
      out.push({
        kind: "off-grid",
        route: r,
        stop: v.stop,
        detail: `route ${r}: stop ${v.stop} starts at ${fmt(v.start)}, not on the ${instance.timeGrid}-minute time grid`,
      });
    }
  });
  if (!Number.isFinite(tl.returnTravelMinutes)) {
    out.push({
      kind: "unreachable",
      route: r,
      detail: `route ${r} cannot drive back to its depot from stop ${tl.visits[n - 1]!.stop}`,
    });
  } else if (tl.return > spec.shiftEnd + eps) {
    out.push({
      kind: "return-after-shift",
      route: r,
      detail: `route ${r} is back at ${fmt(tl.return)}, after its shift ends at ${fmt(spec.shiftEnd)}`,
    });
  }
  if (Number.isFinite(tl.travelMinutes) && tl.travelMinutes > spec.maxDriveMinutes + eps) {
    out.push({
      kind: "drive-limit",
      route: r,
      detail: `route ${r} drives ${fmt(tl.travelMinutes)} min, more than its ${fmt(spec.maxDriveMinutes)}`,
    });
  }
  if (tl.workMinutes > spec.maxWorkMinutes + eps) {
    out.push({
      kind: "work-limit",
      route: r,
      detail: `route ${r} works ${fmt(tl.workMinutes)} min, more than its ${fmt(spec.maxWorkMinutes)}`,
    });
  }
  if (route.lunch && lunchSpec) {
    const { start: b, afterVisits: k } = route.lunch;
    checkLunchWindow(r, b, lunchSpec, spec.shiftStart, spec.shiftEnd, out);
    if (k < 0 || k > n) {
      out.push({
        kind: "lunch-overlap",
        route: r,
        detail: `route ${r}: lunch after ${k} visits, but the route has ${n}`,
      });
    } else if (k === 0) {
      if (b + lunchSpec.minutes > route.departure + eps) {
        out.push({
          kind: "lunch-overlap",
          route: r,
          detail: `route ${r}: lunch at the depot ends at ${fmt(b + lunchSpec.minutes)}, after the departure at ${fmt(route.departure)}`,
        });
      }
    } else if (b < tl.visits[k - 1]!.packupEnd - eps) {
      out.push({
        kind: "lunch-overlap",
        route: r,
        stop: tl.visits[k - 1]!.stop,
        detail: `route ${r}: lunch at ${fmt(b)} starts before visit ${k} is packed up at ${fmt(tl.visits[k - 1]!.packupEnd)}`,
      });
    }
  }
  return { travel: tl.travelMinutes };
}

function checkLunchWindow(
  r: number,
  b: number,
  lunch: { start: number; end: number; minutes: number },
  shiftStart: number,
  shiftEnd: number,
  out: Violation[],
): void {
  const eps = TIME_TOLERANCE;
  const end = b + lunch.minutes;
  if (b < lunch.start - eps || end > lunch.end + eps) {
    out.push({
      kind: "lunch-window",
      route: r,
      detail: `route ${r}: lunch ${fmt(b)}–${fmt(end)} is not inside ${fmt(lunch.start)}–${fmt(lunch.end)}`,
    });
  } else if (b < shiftStart - eps || end > shiftEnd + eps) {
    out.push({
      kind: "lunch-window",
      route: r,
      detail: `route ${r}: lunch ${fmt(b)}–${fmt(end)} is outside the shift ${fmt(shiftStart)}–${fmt(shiftEnd)}`,
    });
  }
}

/** A start on the instance's time grid, or a pinned visit at its pinned minute (the planner's own choice). */
function onGrid(instance: Instance, r: number, stop: number, start: number): boolean {
  const grid = instance.timeGrid;
  if (!grid) return true;
  const off = Math.abs(start - Math.round(start / grid) * grid);
  if (off <= TIME_TOLERANCE) return true;
  return instance.pinned.some((p) => p.route === r && p.stop === stop && Math.abs(p.start - start) <= TIME_TOLERANCE);
}

function insideWindow(instance: Instance, stop: number, start: number): boolean {
  for (let w = instance.windowOffset[stop]!; w < instance.windowOffset[stop + 1]!; w++) {
    if (start >= instance.windowOpen[w]! - TIME_TOLERANCE && start <= instance.windowClose[w]! + TIME_TOLERANCE)
      return true;
  }
  return false;
}

/** Rules that span routes: once a day, max visits, days between visits, pinned visits. */
function checkAcrossRoutes(
  instance: Instance,
  routes: readonly SolvedRoute[],
  visitsPerStop: Int32Array,
  daysOfStop: number[][],
  out: Violation[],
): void {
  for (let s = 0; s < instance.nStops; s++) {
    const days = daysOfStop[s]!;
    if (days.length === 0) continue;
    if (visitsPerStop[s]! > instance.maxVisits[s]!) {
      out.push({
        kind: "max-visits",
        stop: s,
        detail: `stop ${s} is visited ${visitsPerStop[s]} times, more than its ${instance.maxVisits[s]}`,
      });
    }
    const dayNumbers = days.map((d) => instance.dayNumbers[d]!).sort((a, b) => a - b);
    const seen = new Set<number>();
    for (const d of days) {
      if (seen.has(d)) out.push({ kind: "same-day-twice", stop: s, detail: `stop ${s} is visited twice on day ${d}` });
      seen.add(d);
    }
    const gap = instance.minDaysBetween[s]!;
    for (let i = 1; i < dayNumbers.length; i++) {
      const diff = dayNumbers[i]! - dayNumbers[i - 1]!;
      if (diff > 0 && diff < gap) {
        out.push({
          kind: "min-days-between",
          stop: s,
          detail: `stop ${s} is visited ${diff} day(s) apart, less than its ${gap}`,
        });
      }
    }
  }
  for (const pin of instance.pinned) {
    const route = routes[pin.route];
    const latest = pin.latestStart ?? pin.start;
    const kept = route?.visits.some(
      (v) => v.stop === pin.stop && v.start >= pin.start - TIME_TOLERANCE && v.start <= latest + TIME_TOLERANCE,
    );
    if (!kept) {
      out.push({
        kind: "pinned-missing",
        route: pin.route,
        stop: pin.stop,
        detail: `pinned visit of stop ${pin.stop} on route ${pin.route} at ${fmt(pin.start)}${
          latest > pin.start ? `–${fmt(latest)}` : ""
        } is missing or moved`,
      });
    }
  }
}
