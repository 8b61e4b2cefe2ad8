/**
 * Does a given order of stops make a feasible route for one bus-day, and with which times?
 * A small, exact scheduler used by the exact method, the upper bound (a stop alone) and the
 * explanations. It is deliberately simple rather than fast: each lunch placement is tried, and
 * the departure is chosen among the few moments where the working span can be shortest.
 *
 * Why those moments suffice: with the visits in a fixed order and service started as early as
 * possible, the return time is a non-decreasing function of the departure D, so the span
 * return(D) − D only falls while some waiting is being absorbed and only jumps when a start
 * passes a window's close. Its minima therefore sit where a start (or the lunch) just meets an
 * opening or closing time with no waiting before it, or where the return meets the shift's end.
 */
import { gridUp, type Instance, type SolvedRoute } from "../instance/instance.js";

/** Options of `scheduleSequence`. */
export interface ScheduleOptions {
  /** treat every stop as always open (for "is it reachable at all" explanations) */
  ignoreWindows?: boolean;
  /** pinned starts on this route, by stop: the stop's only window becomes [start, start] */
  pinnedStarts?: ReadonlyMap<number, number>;
  /** by stop: service must start within [lo, hi] as well as inside one of its windows */
  startRanges?: ReadonlyMap<number, readonly [number, number]>;
}

interface LunchOption {
  /** gap index: 0 = at the depot before leaving, k = after the k-th visit */
  k: number;
  /** for k = n: take it at the depot after returning rather than at the last stop */
  atDepotAfter: boolean;
}

/** Windows of `stop` on this route as [open, close] pairs. */
function windowsOf(instance: Instance, stop: number, options: ScheduleOptions): Array<[number, number]> {
  const pinned = options.pinnedStarts?.get(stop);
  if (pinned !== undefined) return [[pinned, pinned]];
  if (options.ignoreWindows) return [[-Infinity, Infinity]];
  const range = options.startRanges?.get(stop) ?? [-Infinity, Infinity];
  const out: Array<[number, number]> = [];
  for (let w = instance.windowOffset[stop]!; w < instance.windowOffset[stop + 1]!; w++) {
    const open = Math.max(instance.windowOpen[w]!, range[0]);
    const close = Math.min(instance.windowClose[w]!, range[1]);
    if (open <= close) out.push([open, close]);
  }
  return out;
}

/**
 * A feasible schedule of `stops` in this order on route `r`, or null when none exists.
 * Service starts as early as possible after the chosen departure; ties are broken by the
 * earliest departure.
 */
export function scheduleSequence(
  instance: Instance,
  r: number,
  stops: readonly number[],
  options: ScheduleOptions = {},
): SolvedRoute | null {
  const spec = instance.routes[r]!;
  const n = stops.length;
  if (n === 0) return { departure: spec.shiftStart, visits: [], lunch: null };
  const windows = stops.map((s) => windowsOf(instance, s, options));
  const lunchOptions: LunchOption[] = [];
  if (!spec.lunch) lunchOptions.push({ k: -1, atDepotAfter: false });
  else {
    for (let k = 0; k <= n; k++) lunchOptions.push({ k, atDepotAfter: false });
    lunchOptions.push({ k: n, atDepotAfter: true });
  }
  for (const option of lunchOptions) {
    const first = simulate(instance, r, stops, windows, option, spec.shiftStart);
    if (first.route) return first.route;
    if (!first.laterMayHelp) continue;
    for (const departure of candidateDepartures(instance, r, stops, windows, option)) {
      const attempt = simulate(instance, r, stops, windows, option, departure);
      if (attempt.route) return attempt.route;
    }
  }
  return null;
}

/** Offsets of the no-waiting chain from the departure, and the candidate departures they give. */
function candidateDepartures(
  instance: Instance,
  r: number,
  stops: readonly number[],
  windows: Array<Array<[number, number]>>,
  option: LunchOption,
): number[] {
  const spec = instance.routes[r]!;
  const nl = instance.nLocations;
  const lunch = spec.lunch;
  const L = lunch?.minutes ?? 0;
  const out: number[] = [];
  if (lunch && option.k === 0) out.push(Math.max(lunch.start, spec.shiftStart) + L, lunch.end);
  let offset = 0;
  let place = spec.depot;
  const grid = instance.timeGrid;
  stops.forEach((s, i) => {
    offset += instance.travel[place * nl + s]! + spec.setupMinutes;
    for (const [open, close] of windows[i]!) {
      out.push(open - offset, close - offset);
      // on a time grid, the span may be shortest where a start just meets any grid point
      if (grid && Number.isFinite(open) && Number.isFinite(close))
        for (let g = gridUp(open, grid); g <= close; g += grid) out.push(g - offset);
    }
    offset += instance.dwell[s]! + spec.packupMinutes;
    if (lunch && option.k === i + 1 && !option.atDepotAfter) {
      out.push(lunch.start - offset, lunch.end - L - offset);
      offset += L;
    }
    place = s;
  });
  offset += instance.travel[place * nl + spec.depot]!;
  out.push(spec.shiftEnd - offset);
  if (lunch && option.atDepotAfter) out.push(lunch.start - offset, lunch.end - L - offset, spec.shiftEnd - L - offset);
  return [...new Set(out.filter((d) => Number.isFinite(d) && d > spec.shiftStart))].sort((a, b) => a - b);
}

/**
 * Replay with departure D. `laterMayHelp` is false when the failure cannot be cured by
 * leaving later (a window or the shift end was missed while starting as early as possible).
 */
function simulate(
  instance: Instance,
  r: number,
  stops: readonly number[],
  windows: Array<Array<[number, number]>>,
  option: LunchOption,
  departure: number,
): { route: SolvedRoute | null; laterMayHelp: boolean } {
  const spec = instance.routes[r]!;
  const nl = instance.nLocations;
  const lunch = spec.lunch;
  const L = lunch?.minutes ?? 0;
  const fail = (laterMayHelp: boolean) => ({ route: null, laterMayHelp });
  let lunchStart = NaN;
  let spanStart = departure;
  if (lunch && option.k === 0) {
    lunchStart = departure - L;
    if (lunchStart < Math.max(lunch.start, spec.shiftStart)) return fail(true);
    if (departure > lunch.end) return fail(false);
    spanStart = lunchStart;
  }
  let t = departure;
  let place = spec.depot;
  let drive = 0;
  const visits: SolvedRoute["visits"] = [];
  for (let i = 0; i < stops.length; i++) {
    const s = stops[i]!;
    const leg = instance.travel[place * nl + s]!;
    if (!Number.isFinite(leg)) return fail(false);
    drive += leg;
    const earliest = t + leg + spec.setupMinutes;
    let start = Infinity;
    for (const [open, close] of windows[i]!) {
      // a pinned start keeps its minute; any other starts on the time grid
      const first = open === close ? Math.max(earliest, open) : gridUp(Math.max(earliest, open), instance.timeGrid);
      if (first <= close) {
        start = first;
        break;
      }
    }
    if (start === Infinity) return fail(false);
    visits.push({ stop: s, start });
    t = start + instance.dwell[s]! + spec.packupMinutes;
    if (lunch && option.k === i + 1 && !option.atDepotAfter) {
      lunchStart = Math.max(t, lunch.start);
      if (lunchStart + L > lunch.end) return fail(false);
      t = lunchStart + L;
    }
    place = s;
  }
  const back = instance.travel[place * nl + spec.depot]!;
  if (!Number.isFinite(back)) return fail(false);
  drive += back;
  const ret = t + back;
  if (ret > spec.shiftEnd) return fail(false);
  if (drive > spec.maxDriveMinutes) return fail(false);
  let spanEnd = ret;
  if (lunch && option.atDepotAfter) {
    lunchStart = Math.max(ret, lunch.start);
    if (lunchStart + L > Math.min(lunch.end, spec.shiftEnd)) return fail(false);
    spanEnd = lunchStart + L;
  }
  if (spanEnd - spanStart > spec.maxWorkMinutes) return fail(true);
  const afterVisits = option.k;
  return {
    route: { departure, visits, lunch: lunch ? { start: lunchStart, afterVisits } : null },
    laterMayHelp: true,
  };
}

/** Total driving minutes of `stops` in this order from and back to route r's depot. */
export function sequenceTravel(instance: Instance, r: number, stops: readonly number[]): number {
  if (stops.length === 0) return 0;
  const nl = instance.nLocations;
  const depot = instance.routes[r]!.depot;
  let place = depot;
  let sum = 0;
  for (const s of stops) {
    sum += instance.travel[place * nl + s]!;
    place = s;
  }
  return sum + instance.travel[place * nl + depot]!;
}
