/**
 * The exact method for tiny instances, a test oracle rather than a product path. Step 1
 * enumerates, for every bus-day, every order of its allowed stops that can be scheduled
 * (depth-first, cutting an order as soon as its earliest schedule misses a window or a limit,
 * since a longer order can only be later) and keeps, per set of stops, the order that drives
 * least. Step 2 chooses one stop set per bus-day, depth-first over bus-days, checking the
 * cross-day rules (once a day, max visits, days between visits, pinned visits) and pruning with
 * the value each remaining bus-day could add on its own — a valid cut because repeat values
 * never increase, so a visit is never worth more on top of others than alone. The answer
 * maximises value and then minimises travel.
 */
import { gridUp, type Instance, type SolvedRoute } from "../instance/instance.js";
import { SolverError } from "../errors.js";
import { groupCounts, valueOfCounts } from "../feasibility/coverageValue.js";
import { scheduleSequence, sequenceTravel } from "./scheduleSequence.js";

/** Largest instance `solveExact` accepts. */
export const EXACT_LIMITS = Object.freeze({ stops: 8, routes: 3 });

/** The optimum of a tiny instance. */
export interface ExactResult {
  routes: SolvedRoute[];
  value: number;
  travelMinutes: number;
}

interface RouteOption {
  mask: number;
  travel: number;
  route: SolvedRoute;
  /** value of this route's visits alone */
  alone: number;
}

const VALUE_EPS = 1e-9;

/**
 * The optimal plan of a tiny instance (≤ 8 stops, ≤ 3 bus-days).
 *
 * @throws SolverError CAREBUS_SOLVER_INSTANCE_TOO_LARGE beyond EXACT_LIMITS
 * @example const { value } = solveExact(instance);
 */
export function solveExact(instance: Instance): ExactResult {
  const R = instance.routes.length;
  if (instance.nStops > EXACT_LIMITS.stops || R > EXACT_LIMITS.routes) {
    throw new SolverError(
      "CAREBUS_SOLVER_INSTANCE_TOO_LARGE",
      `solveExact handles at most ${EXACT_LIMITS.stops} stops and ${EXACT_LIMITS.routes} bus-days; this instance has ${instance.nStops} and ${R}`,
    );
  }
  const options = Array.from({ length: R }, (_, r) => enumerateRoute(instance, r));
  const pinnedMask = new Int32Array(R);
  for (const p of instance.pinned) pinnedMask[p.route]! |= 1 << p.stop;
  const usable = options.map((list, r) =>
    list
      .filter((o) => (o.mask & pinnedMask[r]!) === pinnedMask[r]!)
      .sort((a, b) => b.alone - a.alone || a.travel - b.travel),
  );
  const bestAlone = usable.map((list) => list[0]?.alone ?? 0);
  const restBound = new Float64Array(R + 1);
  for (let r = R - 1; r >= 0; r--) restBound[r] = restBound[r + 1]! + bestAlone[r]!;
  const monotone = instance.visitValues.every((v, i) => i === 0 || v <= instance.visitValues[i - 1]!);

  let best: { value: number; travel: number; choice: RouteOption[] } | null = null;
  const chosen: RouteOption[] = [];
  const visits = new Int32Array(instance.nStops);
  const daysOf: number[][] = Array.from({ length: instance.nStops }, () => []);

  const search = (r: number, travel: number) => {
    if (r === R) {
      const value = valueOfCounts(instance, groupCounts(instance, visits));
      if (
        !best ||
        value > best.value + VALUE_EPS ||
        (value >= best.value - VALUE_EPS && travel < best.travel - VALUE_EPS)
      ) {
        best = { value, travel, choice: [...chosen] };
      }
      return;
    }
    if (best && monotone) {
      const current = valueOfCounts(instance, groupCounts(instance, visits));
      const bound = current + restBound[r]!;
      if (bound < best.value - VALUE_EPS) return;
      if (bound <= best.value + VALUE_EPS && travel >= best.travel - VALUE_EPS) return;
    }
    const day = instance.routes[r]!.day;
    for (const option of usable[r]!) {
      if (!fits(instance, option.mask, day, visits, daysOf)) continue;
      apply(option.mask, day, visits, daysOf, +1);
      chosen.push(option);
      search(r + 1, travel + option.travel);
      chosen.pop();
      apply(option.mask, day, visits, daysOf, -1);
    }
  };
  search(0, 0);
  const found = best as { value: number; travel: number; choice: RouteOption[] } | null;
  if (!found) throw new SolverError("CAREBUS_SOLVER_INFEASIBLE_START", "no feasible plan keeps every pinned visit");
  return { routes: found.choice.map((o) => o.route), value: found.value, travelMinutes: found.travel };
}

function fits(instance: Instance, mask: number, day: number, visits: Int32Array, daysOf: number[][]): boolean {
  for (let s = 0; s < instance.nStops; s++) {
    if (!(mask & (1 << s))) continue;
    if (visits[s]! + 1 > instance.maxVisits[s]!) return false;
    const dn = instance.dayNumbers[day]!;
    for (const d of daysOf[s]!) {
      if (d === day) return false;
      const diff = Math.abs(instance.dayNumbers[d]! - dn);
      if (diff > 0 && diff < instance.minDaysBetween[s]!) return false;
    }
  }
  return true;
}

function apply(mask: number, day: number, visits: Int32Array, daysOf: number[][], sign: 1 | -1): void {
  for (let s = 0; s < visits.length; s++) {
    if (!(mask & (1 << s))) continue;
    visits[s]! += sign;
    if (sign > 0) daysOf[s]!.push(day);
    else daysOf[s]!.pop();
  }
}

/** Every feasible stop set of route r with its least-driving feasible order. */
function enumerateRoute(instance: Instance, r: number): RouteOption[] {
  const R = instance.routes.length;
  const spec = instance.routes[r]!;
  const nl = instance.nLocations;
  const pinnedStarts = new Map<number, number>();
  for (const p of instance.pinned) if (p.route === r) pinnedStarts.set(p.stop, p.start);
  const candidates: number[] = [];
  for (let s = 0; s < instance.nStops; s++) {
    if (
      instance.allowed[s * R + r] &&
      (instance.windowOffset[s + 1]! > instance.windowOffset[s]! || pinnedStarts.has(s))
    )
      candidates.push(s);
  }
  const byMask = new Map<number, RouteOption>();
  byMask.set(0, { mask: 0, travel: 0, route: { departure: spec.shiftStart, visits: [], lunch: null }, alone: 0 });
  const sequence: number[] = [];
  const lunchMinutes = spec.lunch?.minutes ?? 0;
  const limit = Math.min(spec.maxWorkMinutes, spec.shiftEnd - spec.shiftStart);
  // earliest start of service with no lunch, and the no-wait busy minutes: both only grow as
  // the order grows, so they cut every extension once they fail
  const dfs = (mask: number, place: number, time: number, drive: number, busy: number) => {
    for (const s of candidates) {
      if (mask & (1 << s)) continue;
      const leg = instance.travel[place * nl + s]!;
      if (!Number.isFinite(leg)) continue;
      const earliest = time + leg + spec.setupMinutes;
      const start = firstStart(instance, s, earliest, pinnedStarts.get(s));
      if (start === Infinity) continue;
      const nextDrive = drive + leg;
      const nextBusy = busy + leg + spec.setupMinutes + instance.dwell[s]! + spec.packupMinutes;
      const back = instance.travel[s * nl + spec.depot]!;
      if (nextDrive > spec.maxDriveMinutes || nextBusy + lunchMinutes > limit) continue;
      const leave = start + instance.dwell[s]! + spec.packupMinutes;
      if (leave > spec.shiftEnd) continue;
      sequence.push(s);
      const nextMask = mask | (1 << s);
      if (Number.isFinite(back) && leave + back <= spec.shiftEnd && nextDrive + back <= spec.maxDriveMinutes) {
        const travel = sequenceTravel(instance, r, sequence);
        const known = byMask.get(nextMask);
        if (!known || travel < known.travel - VALUE_EPS) {
          const route = scheduleSequence(instance, r, sequence, { pinnedStarts });
          if (route) byMask.set(nextMask, { mask: nextMask, travel, route, alone: 0 });
        }
      }
      dfs(nextMask, s, leave, nextDrive, nextBusy);
      sequence.pop();
    }
  };
  dfs(0, spec.depot, spec.shiftStart, 0, 0);
  const visitsOfMask = new Int32Array(instance.nStops);
  for (const option of byMask.values()) {
    for (let s = 0; s < instance.nStops; s++) visitsOfMask[s] = option.mask & (1 << s) ? 1 : 0;
    option.alone = valueOfCounts(instance, groupCounts(instance, visitsOfMask));
  }
  return [...byMask.values()];
}

function firstStart(instance: Instance, stop: number, earliest: number, pinned: number | undefined): number {
  if (pinned !== undefined) return earliest <= pinned ? pinned : Infinity;
  for (let w = instance.windowOffset[stop]!; w < instance.windowOffset[stop + 1]!; w++) {
    const start = gridUp(Math.max(earliest, instance.windowOpen[w]!), instance.timeGrid);
    if (start <= instance.windowClose[w]!) return start;
  }
  return Infinity;
}
