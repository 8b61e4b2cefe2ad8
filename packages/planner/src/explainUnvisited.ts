/**
 * Why a stop was left out. Each reason is tested in the order a planner would ask: is there a
 * bus that may serve it at all, on a day the service runs; could a bus even drive there and
 * back within a shift; do its windows ever open while a bus can be there; would it add any
 * value on top of the stops chosen; could a bus-day of the plan still take it as it is (then
 * the search stopped before reaching it: a run cut short); and otherwise it is worth
 * something but the fleet's time went to stops worth more — with the value it would add. The
 * tests use the exact scheduler, so lunch, limits, set-up, pack-up and the time grid all count.
 */
import type { UnvisitedReason } from "@carebus/model";
import { groupCounts, marginalValue, scheduleSequence, type Instance, type SolvedRoute } from "@carebus/solver";

/** One left-out stop and why. */
export interface Explanation {
  stop: number;
  reason: UnvisitedReason;
  message: string;
  /** value the stop would add to this plan (fleet-time only) */
  value?: number;
}

/** Context only the scenario knows. */
export interface ExplainContext {
  /** per stop: some bus of an accepted kind exists at all (else "no compatible bus") */
  stopHasCompatibleBus?: readonly boolean[];
  /** how to name a stop in a sentence (default "stop <index>") */
  label?: (stop: number) => string;
  /** how to name a route (bus-day) in a sentence (default "route <index>") */
  routeLabel?: (route: number) => string;
}

/** Below this a stop's added value counts as nothing. */
const NO_VALUE = 1e-9;

/**
 * Explain every stop that `routes` never visit.
 *
 * @example explainUnvisited(instance, result.routes).map((e) => e.reason)
 */
export function explainUnvisited(
  instance: Instance,
  routes: readonly SolvedRoute[],
  context: ExplainContext = {},
): Explanation[] {
  const R = instance.routes.length;
  const label = context.label ?? ((s: number) => `stop ${s}`);
  const visits = new Int32Array(instance.nStops);
  for (const route of routes) for (const v of route.visits) visits[v.stop]! += 1;
  const counts = groupCounts(instance, visits);
  const pinnedByRoute = new Map<number, Map<number, number>>();
  for (const pin of instance.pinned) {
    const onRoute = pinnedByRoute.get(pin.route) ?? new Map<number, number>();
    onRoute.set(pin.stop, pin.start);
    pinnedByRoute.set(pin.route, onRoute);
  }
  const out: Explanation[] = [];
  for (let s = 0; s < instance.nStops; s++) {
    if (visits[s]! > 0) continue;
    const name = label(s);
    const allowed: number[] = [];
    for (let r = 0; r < R; r++) if (instance.allowed[s * R + r]) allowed.push(r);
    if (allowed.length === 0) {
      if (context.stopHasCompatibleBus?.[s] === false || !context.stopHasCompatibleBus) {
        out.push({
          stop: s,
          reason: "no-compatible-bus",
          message: `${name}: no bus of a kind it accepts works on any day it may be served`,
        });
      } else {
        out.push({
          stop: s,
          reason: "days-excluded",
          message: `${name}: none of the days it may be served is a service day of a bus that may serve it (weekdays, holidays or excluded dates)`,
        });
      }
      continue;
    }
    if (!allowed.some((r) => scheduleSequence(instance, r, [s], { ignoreWindows: true }))) {
      out.push({
        stop: s,
        reason: "unreachable-in-shift",
        message: `${name}: even alone, no bus can drive there, serve it and return within its shift and limits`,
      });
      continue;
    }
    if (!allowed.some((r) => scheduleSequence(instance, r, [s]))) {
      out.push({
        stop: s,
        reason: "windows-never-open",
        message: `${name}: its time windows are never open while a bus can be there (shift, travel and lunch considered)`,
      });
      continue;
    }
    const gain = marginalValue(instance, counts, s);
    if (gain <= NO_VALUE) {
      out.push({
        stop: s,
        reason: "already-covered",
        message: `${name}: every caregiver it would reach is already covered by the chosen stops, so it adds nothing`,
      });
      continue;
    }
    const taker = allowed.find((r) => fitsInto(instance, r, routes[r]?.visits ?? [], s, pinnedByRoute.get(r)));
    if (taker !== undefined) {
      out.push({
        stop: s,
        reason: "search-stopped",
        message: `${name}: the search stopped before reaching it; ${context.routeLabel?.(taker) ?? `route ${taker}`} could still take it as planned and it would add ${round(gain)}`,
        value: gain,
      });
      continue;
    }
    out.push({
      stop: s,
      reason: "fleet-time",
      message: `${name}: a bus could serve it, but the fleet's time went to stops worth more; it would add ${round(gain)}`,
      value: gain,
    });
  }
  return out;
}

/**
 * True when route r, keeping its visits in order, can also serve `stop` at some position. A
 * position is tried with the exact scheduler only when the route's busy minutes (driving,
 * set-up, service, pack-up, lunch) plus the detour and the new visit still fit its shift,
 * work and drive limits: a necessary condition that rules out nearly every position of a full
 * route in O(1), so explaining thousands of stops stays cheap.
 */
function fitsInto(
  instance: Instance,
  r: number,
  visits: readonly { stop: number }[],
  stop: number,
  pinnedStarts: ReadonlyMap<number, number> | undefined,
): boolean {
  const spec = instance.routes[r]!;
  const nl = instance.nLocations;
  const t = (a: number, b: number) => instance.travel[a * nl + b]!;
  const sequence = visits.map((v) => v.stop);
  const perVisit = spec.setupMinutes + spec.packupMinutes;
  let drive = 0;
  let busy = spec.lunch?.minutes ?? 0;
  let place = spec.depot;
  for (const v of sequence) {
    drive += t(place, v);
    busy += instance.dwell[v]! + perVisit;
    place = v;
  }
  drive += t(place, spec.depot);
  const workLimit = Math.min(spec.shiftEnd - spec.shiftStart, spec.maxWorkMinutes);
  const added = instance.dwell[stop]! + perVisit;
  for (let at = 0; at <= sequence.length; at++) {
    const before = at === 0 ? spec.depot : sequence[at - 1]!;
    const after = at === sequence.length ? spec.depot : sequence[at]!;
    const detour = t(before, stop) + t(stop, after) - t(before, after);
    // the checker's tolerance: a tight but feasible insertion must not be lost to float dust
    if (!(drive + detour <= spec.maxDriveMinutes + 1e-6) || !(drive + detour + busy + added <= workLimit + 1e-6))
      continue;
    const tried = [...sequence.slice(0, at), stop, ...sequence.slice(at)];
    if (scheduleSequence(instance, r, tried, pinnedStarts ? { pinnedStarts } : {})) return true;
  }
  return false;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
