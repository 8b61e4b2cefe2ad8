/**
 * Planning with what the planner already knows: a change set (pins, excluded stops, bus-days
 * and buses) and, optionally, a base plan to start from. Without a base plan it is a fresh
 * solve under the pins and exclusions. With one, every visit of the base plan that the changes
 * do not touch stays exactly where it was (same bus, date and start, held within a second), so
 * nobody's calendar moves without a reason; only these visits may move:
 *   - the visits of excluded stops and of excluded bus-days and buses;
 *   - other visits of a pinned stop that its pin makes impossible (same day, too close, too many);
 *   - the visits of a bus-day that cannot take a new pin otherwise: one of them is given up,
 *     else their times move (same order, same bus-day), and only if that fails all of them.
 * Kept visits become pinned visits, pins become pinned visits with a start range (any moment
 * their windows allow), and the search fills the free room. The plan records how many visits
 * of the base plan moved (`stats.movedVisits`).
 */
import {
  ChangeSetError,
  changeSetIssues,
  diffPlans,
  pinnedDays,
  type ChangeSet,
  type Issue,
  type Plan,
  type Scenario,
} from "@carebus/model";
import { scheduleSequence, SolverError, type Instance, type PinnedVisit, type SolvedRoute } from "@carebus/solver";
import { prepareScenario, solvePrepared, type SolveScenarioOptions } from "../solveScenario.js";
import { minuteOfLocalDateTime } from "./localTime.js";

/** Options of `replan`: those of `solveScenario` and the plan to start from. */
export interface ReplanOptions extends SolveScenarioOptions {
  basePlan?: Plan;
}

/** How far a re-timed start may move from its published value, in minutes (one second). */
const PUBLISHED_PRECISION = 1 / 60;

type Range = readonly [number, number];

/** One bus-day being assembled: its stops in order and the start range each must keep. */
interface RouteDraft {
  stops: number[];
  /** by stop: the range its start must stay in (kept visits: their published start) */
  ranges: Map<number, Range>;
  /** stops that must stay on this bus-day whatever their time (pins; kept visits once re-timed) */
  required: Set<number>;
}

/**
 * The plan of `scenario` under `changes`, started from `options.basePlan` when given.
 *
 * @throws ChangeSetError (CAREBUS_CHANGES_INVALID) listing every problem of the change set,
 * including pins that no bus-day can take; the errors of `solveScenario`
 * @example const plan = await replan(scenario, { pins: [{ stopId: "k43", weekday: "tue" }] }, { basePlan });
 */
export async function replan(scenario: Scenario, changes: ChangeSet, options: ReplanOptions = {}): Promise<Plan> {
  const issues = changeSetIssues(changes, scenario);
  if (issues.length > 0) throw new ChangeSetError(issues);
  const { instance, index } = await prepareScenario(scenario, options);
  const R = instance.routes.length;
  const routeOf = new Map(index.routes.map((r, i) => [`${r.busId}\u0000${r.date}`, i]));
  const stopOf = new Map(index.stopIds.map((id, s) => [id, s]));

  const allowed = Uint8Array.from(instance.allowed);
  const exclude = changes.exclude ?? {};
  const excludedBuses = new Set(exclude.buses ?? []);
  const excludedDays = new Set((exclude.busDays ?? []).map((d) => `${d.busId}\u0000${d.date}`));
  index.routes.forEach((r, i) => {
    if (excludedBuses.has(r.busId) || excludedDays.has(`${r.busId}\u0000${r.date}`))
      for (let s = 0; s < instance.nStops; s++) allowed[s * R + i] = 0;
  });
  for (const id of exclude.stops ?? []) allowed.fill(0, stopOf.get(id)! * R, (stopOf.get(id)! + 1) * R);
  const limited: Instance = { ...instance, allowed };

  const drafts: RouteDraft[] = instance.routes.map(() => ({ stops: [], ranges: new Map(), required: new Set() }));
  for (const pin of instance.pinned) holdScenarioPin(drafts, pin);
  if (options.basePlan) keepBasePlan(limited, drafts, options.basePlan, routeOf, stopOf);

  const pinIssues: Issue[] = [];
  for (const day of pinnedDays(changes, scenario)) {
    const s = stopOf.get(day.stopId)!;
    const candidates = index.routes.flatMap((r, i) =>
      r.date === day.date && (day.busId === undefined || r.busId === day.busId) && allowed[s * R + i] ? [i] : [],
    );
    const already = candidates.find((r) => drafts[r]!.stops.includes(s));
    if (already !== undefined) {
      drafts[already]!.required.add(s);
      continue;
    }
    dropConflictingVisits(limited, drafts, s, instance.dayNumbers[instance.routes[candidates[0] ?? 0]!.day]!);
    if (!insertPinned(limited, drafts, s, candidates)) {
      pinIssues.push({
        path: `pins[${day.pin}]`,
        message: `stop ${JSON.stringify(day.stopId)} cannot be visited on ${day.date}${
          day.busId ? ` by bus ${JSON.stringify(day.busId)}` : ""
        } (its windows, the shift, or the other pinned visits of that bus-day)`,
      });
    }
  }
  if (pinIssues.length > 0) throw new ChangeSetError(pinIssues);

  const initial: SolvedRoute[] = [];
  const pinned: PinnedVisit[] = [];
  drafts.forEach((draft, r) => {
    const route =
      draft.stops.length > 0 ? scheduleSequence(limited, r, draft.stops, { startRanges: draft.ranges }) : null;
    if (draft.stops.length > 0 && !route) {
      const { busId, date } = index.routes[r]!;
      throw new SolverError(
        "CAREBUS_SOLVER_INFEASIBLE_START",
        `bus ${busId} on ${date}: the scenario's pinned visits cannot all be kept`,
      );
    }
    initial.push(route ?? { departure: limited.routes[r]!.shiftStart, visits: [], lunch: null });
    for (const v of route?.visits ?? []) {
      const range = draft.ranges.get(v.stop);
      if (range && range[1] - range[0] <= 2 * PUBLISHED_PRECISION)
        pinned.push({ stop: v.stop, route: r, start: v.start });
      else if (draft.required.has(v.stop)) pinned.push({ stop: v.stop, route: r, ...windowSpan(limited, v.stop) });
    }
  });
  const plan = await solvePrepared(scenario, { instance: { ...limited, pinned }, index }, { ...options, initial });
  if (options.basePlan) plan.stats.movedVisits = diffPlans(options.basePlan, plan).movedVisits;
  return plan;
}

/** The earliest and latest start any window of `stop` allows. */
function windowSpan(instance: Instance, stop: number): { start: number; latestStart: number } {
  return {
    start: instance.windowOpen[instance.windowOffset[stop]!]!,
    latestStart: instance.windowClose[instance.windowOffset[stop + 1]! - 1]!,
  };
}

/** A scenario's own pinned visit (an exact start) opens its route's draft. */
function holdScenarioPin(drafts: RouteDraft[], pin: PinnedVisit): void {
  const draft = drafts[pin.route]!;
  draft.ranges.set(pin.stop, [pin.start, pin.latestStart ?? pin.start]);
  draft.required.add(pin.stop);
  draft.stops.push(pin.stop);
  draft.stops.sort((a, b) => draft.ranges.get(a)![0] - draft.ranges.get(b)![0]);
}

/**
 * The base plan's visits, each held at its published start, on the bus-days still allowed;
 * visits of excluded stops or bus-days, and bus-days or stops this scenario no longer has, are
 * left out (they count as moved). A bus-day whose kept visits no longer fit at their published
 * times keeps its order with free times, and failing that keeps nothing.
 */
function keepBasePlan(
  instance: Instance,
  drafts: RouteDraft[],
  plan: Plan,
  routeOf: Map<string, number>,
  stopOf: Map<string, number>,
): void {
  const R = instance.routes.length;
  for (const planRoute of plan.routes) {
    const r = routeOf.get(`${planRoute.busId}\u0000${planRoute.date}`);
    if (r === undefined) continue;
    const draft = drafts[r]!;
    const kept = draft.stops.slice();
    const ranges = new Map(draft.ranges);
    for (const v of planRoute.visits) {
      const s = stopOf.get(v.stopId);
      if (s === undefined || !instance.allowed[s * R + r] || ranges.has(s)) continue;
      const start = minuteOfLocalDateTime(v.serviceStart, planRoute.date);
      ranges.set(s, [start - PUBLISHED_PRECISION, start + PUBLISHED_PRECISION]);
      kept.push(s);
    }
    kept.sort((a, b) => ranges.get(a)![0] - ranges.get(b)![0]);
    if (scheduleSequence(instance, r, kept, { startRanges: ranges })) {
      draft.stops = kept;
      draft.ranges = ranges;
    } else if (scheduleSequence(instance, r, kept, { startRanges: draft.ranges })) {
      for (const s of kept) draft.required.add(s);
      draft.stops = kept;
    }
  }
}

/**
 * Before a stop is pinned on the day numbered `day`, its other visits that could not coexist
 * with the pin go: those on the same day, those closer than its minimum days apart, and then
 * the latest ones while it has more visits than it may. Visits that are themselves required stay.
 */
function dropConflictingVisits(instance: Instance, drafts: RouteDraft[], s: number, day: number): void {
  const gap = instance.minDaysBetween[s]!;
  const holders = drafts
    .map((draft, r) => ({ draft, day: instance.dayNumbers[instance.routes[r]!.day]! }))
    .filter((h) => h.draft.stops.includes(s))
    .sort((a, b) => a.day - b.day);
  const drop = (draft: RouteDraft) => {
    draft.stops = draft.stops.filter((x) => x !== s);
    draft.ranges.delete(s);
  };
  let count = 1;
  for (const h of holders) {
    if (h.draft.required.has(s)) {
      count++;
      continue;
    }
    const diff = Math.abs(h.day - day);
    if (diff === 0 || (gap > 0 && diff < gap) || count >= instance.maxVisits[s]!) drop(h.draft);
    else count++;
  }
}

/**
 * Puts pinned stop `s` on one of the `candidates` bus-days, where it adds the least travel:
 * first with every other visit at its held time, then without one of them, then with their
 * order kept but times free, then that without one, then keeping only its required visits.
 * Returns false when none works.
 */
function insertPinned(instance: Instance, drafts: RouteDraft[], s: number, candidates: number[]): boolean {
  const span = windowSpan(instance, s);
  const range: Range = [span.start, span.latestStart];
  const free = (d: RouteDraft) => new Map([...d.ranges].filter(([x]) => d.required.has(x)));
  // each stage lists the versions of a bus-day to try, from the fewest moves to the most
  const attempts: Array<(d: RouteDraft) => Array<{ stops: number[]; ranges: Map<number, Range> }>> = [
    (d) => [{ stops: d.stops, ranges: d.ranges }],
    (d) => withoutOne(d).map((stops) => ({ stops, ranges: d.ranges })),
    (d) => [{ stops: d.stops, ranges: free(d) }],
    (d) => withoutOne(d).map((stops) => ({ stops, ranges: free(d) })),
    (d) => [{ stops: d.stops.filter((x) => d.required.has(x)), ranges: free(d) }],
  ];
  for (const attempt of attempts) {
    let best: { r: number; stops: number[]; ranges: Map<number, Range>; cost: number } | null = null;
    for (const r of candidates) {
      for (const { stops, ranges } of attempt(drafts[r]!)) {
        const withPin = new Map(ranges).set(s, range);
        for (let at = 0; at <= stops.length; at++) {
          const trial = [...stops.slice(0, at), s, ...stops.slice(at)];
          const cost = insertionTravel(instance, r, stops, at, s);
          if (best && cost >= best.cost) continue;
          if (scheduleSequence(instance, r, trial, { startRanges: withPin }))
            best = { r, stops: trial, ranges: withPin, cost };
        }
      }
    }
    if (best) {
      const draft = drafts[best.r]!;
      const kept = new Set(best.stops);
      // visits whose held time was given up stay on the bus-day at whatever time fits
      for (const x of draft.stops) if (kept.has(x) && !best.ranges.has(x)) draft.required.add(x);
      draft.stops = best.stops;
      draft.ranges = best.ranges;
      draft.required.add(s);
      return true;
    }
  }
  return false;
}

/** The bus-day's stops without one of its visits that are not required, each way. */
function withoutOne(d: RouteDraft): number[][] {
  return d.stops.filter((x) => !d.required.has(x)).map((x) => d.stops.filter((y) => y !== x));
}

/** Travel minutes added by putting `s` at position `at` of `stops` on route r. */
function insertionTravel(instance: Instance, r: number, stops: readonly number[], at: number, s: number): number {
  const depot = instance.routes[r]!.depot;
  const n = instance.nLocations;
  const prev = at > 0 ? stops[at - 1]! : depot;
  const next = at < stops.length ? stops[at]! : depot;
  const t = instance.travel;
  return t[prev * n + s]! + t[s * n + next]! - t[prev * n + next]!;
}
