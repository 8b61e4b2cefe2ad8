/**
 * The linear relaxation behind `upperBound`, built once as a neutral sparse model that either
 * LP backend can solve (see MODEL.md for the maths and why each row is valid). Every feasible
 * plan maps to a feasible point of this model with an objective at least its value, so the
 * LP optimum bounds every plan from above.
 */
import type { Instance } from "../instance/instance.js";
import { mergedGroups } from "../instance/mergeCoverage.js";

/** A maximisation LP: 0 ≤ lower ≤ x ≤ upper, each row Σ coef·x ≤ max. */
export interface BoundModel {
  names: string[];
  objective: number[];
  lower: number[];
  upper: number[];
  rows: Array<{ vars: number[]; coefs: number[]; max: number }>;
  /**
   * Single-route models only: per route, each column's busy minutes and the interval they
   * must fall in (see MODEL.md, "time-window cuts"), for cuts added while solving.
   */
  intervals?: Array<Array<{ v: number; earliest: number; latest: number; busy: number }>>;
}

/**
 * Repeat values made non-increasing by taking, at each position, the largest value from there
 * on (the last entry repeats forever): never below the true values, and concave, so that the
 * LP fills a group's first visits first.
 */
export function concaveEnvelope(visitValues: ArrayLike<number>): number[] {
  const out = Array.from(visitValues);
  for (let k = out.length - 2; k >= 0; k--) out[k] = Math.max(out[k]!, out[k + 1]!);
  return out;
}

/**
 * Build the relaxation of `instance`: one column per stop and route, or with `aggregate` one
 * per stop and bus (all its days pooled) — weaker, but small enough for real scenarios. Null
 * when it has more than `maxColumns` columns: the caller cannot solve it, and its coverage
 * rows would cost the most (on 5,000 stops, 600,000 columns: 16 s and 2 GB).
 */
export function buildBoundModel(instance: Instance, aggregate = false, maxColumns = Infinity): BoundModel | null {
  const R = instance.routes.length;
  const S = instance.nStops;
  const nl = instance.nLocations;
  const model: BoundModel = { names: [], objective: [], lower: [], upper: [], rows: [] };
  const addVar = (name: string, objective: number, lower: number, upper: number) => {
    model.names.push(name);
    model.objective.push(objective);
    model.lower.push(lower);
    model.upper.push(upper);
    return model.names.length - 1;
  };
  const pinnedOn = new Map<number, number>();
  for (const p of instance.pinned) pinnedOn.set(p.stop * R + p.route, p.start);

  // which (stop, route) pairs can happen at all. Not "the stop alone fits": another stop can
  // make room (a parking place for lunch, or a shortcut where travel breaks the triangle
  // inequality), so the test only uses the cheapest leg in and out from anywhere.
  const possible = new Uint8Array(S * R);
  /** cheapest leg into / out of each stop from any other stop (depots excluded) */
  const stopMinIn = new Float64Array(S).fill(Infinity);
  const stopMinOut = new Float64Array(S).fill(Infinity);
  for (let s = 0; s < S; s++) {
    let minIn = Infinity;
    let minOut = Infinity;
    for (let o = 0; o < nl; o++) {
      if (o === S) {
        stopMinIn[s] = minIn;
        stopMinOut[s] = minOut;
      }
      if (o === s) continue;
      minIn = Math.min(minIn, instance.travel[o * nl + s]!);
      minOut = Math.min(minOut, instance.travel[s * nl + o]!);
    }
    for (let r = 0; r < R; r++) {
      if (instance.allowed[s * R + r] && mayFit(instance, r, s, minIn, minOut, pinnedOn.get(s * R + r)))
        possible[s * R + r] = 1;
    }
  }
  // the cheapest legs among the stops a route may serve are tighter, but cost S² per route:
  // past this size every route uses the cheapest legs among all stops instead
  const perRouteLegs = S * S * R <= 5e7;

  // one column per (stop, unit): a unit is one route, or — in the aggregated model — all the
  // routes of one bus, whose time is pooled (a relaxation: it forgets which day is which)
  const units: number[][] = aggregate ? groupRoutesByBus(instance) : instance.routes.map((_, r) => [r]);
  const visitsOfStop: number[][] = Array.from({ length: S }, () => []);
  const x = new Int32Array(S * units.length).fill(-1);
  const columnStop: number[] = [];
  if (!aggregate) model.intervals = units.map(() => []);
  units.forEach((routes, u) => {
    const timeRow = { vars: [] as number[], coefs: [] as number[], max: 0 };
    const driveRow = { vars: [] as number[], coefs: [] as number[], max: 0 };
    for (const r of routes) {
      const spec = instance.routes[r]!;
      timeRow.max += Math.max(
        0,
        Math.min(spec.maxWorkMinutes, spec.shiftEnd - spec.shiftStart) - (spec.lunch?.minutes ?? 0),
      );
      driveRow.max += spec.maxDriveMinutes;
    }
    for (let s = 0; s < S; s++) {
      let count = 0;
      let pinned = 0;
      let busy = Infinity;
      let drive = Infinity;
      let interval: [number, number] | null = null;
      for (const r of routes) {
        if (!possible[s * R + r]) continue;
        count++;
        if (pinnedOn.has(s * R + r)) pinned++;
        const spec = instance.routes[r]!;
        // half of the cheapest way in plus half of the cheapest way out: every leg of a route
        // is split between its two ends, so these halves never add up to more than the driving
        let minIn = instance.travel[spec.depot * nl + s]!;
        let minOut = instance.travel[s * nl + spec.depot]!;
        if (perRouteLegs) {
          for (let o = 0; o < S; o++) {
            if (o === s || !possible[o * R + r]) continue;
            minIn = Math.min(minIn, instance.travel[o * nl + s]!);
            minOut = Math.min(minOut, instance.travel[s * nl + o]!);
          }
        } else {
          minIn = Math.min(minIn, stopMinIn[s]!);
          minOut = Math.min(minOut, stopMinOut[s]!);
        }
        const half = (minIn + minOut) / 2;
        drive = Math.min(drive, half);
        busy = Math.min(busy, spec.setupMinutes + instance.dwell[s]! + spec.packupMinutes + half);
        if (!aggregate) interval = busyInterval(instance, r, s, minIn, minOut, pinnedOn.get(s * R + r));
      }
      if (count === 0) continue;
      const v = addVar(`x_${s}_${u}`, 0, pinned, count);
      columnStop[v] = s;
      x[s * units.length + u] = v;
      visitsOfStop[s]!.push(v);
      timeRow.vars.push(v);
      timeRow.coefs.push(busy);
      if (interval) model.intervals![u]!.push({ v, earliest: interval[0], latest: interval[1], busy });
      driveRow.vars.push(v);
      driveRow.coefs.push(drive);
    }
    if (timeRow.vars.length > 0) {
      if (Number.isFinite(timeRow.max)) {
        model.rows.push(timeRow);
        // a cover-style cut the LP's fractional knapsack misses: no day holds more visits than
        // its cheapest ones that fit, and a pooled bus no more than its days' sum of those
        let most = 0;
        for (const r of routes) {
          const spec = instance.routes[r]!;
          const capacity = Math.max(
            0,
            Math.min(spec.maxWorkMinutes, spec.shiftEnd - spec.shiftStart) - (spec.lunch?.minutes ?? 0),
          );
          most += mostThatFit(
            timeRow.coefs.filter((_, i) => possible[columnStop[timeRow.vars[i]!]! * R + r]),
            capacity,
          );
        }
        if (most < timeRow.vars.reduce((sum, v) => sum + model.upper[v]!, 0))
          model.rows.push({ vars: timeRow.vars, coefs: timeRow.vars.map(() => 1), max: most });
      }
      if (Number.isFinite(driveRow.max)) model.rows.push(driveRow);
    }
  });
  // the visit columns are most of them: stop before the rows if they already pass the cap
  if (model.names.length > maxColumns) return null;
  // no two visits of a stop on one day or closer than its minDaysBetween: with single routes,
  // any set of days spanning fewer than that many day numbers holds at most one visit; in any
  // case, a stop gets no more visits than its max and than such days can be spaced out
  const dayOrder = Array.from(instance.dayNumbers.keys()).sort(
    (a, b) => instance.dayNumbers[a]! - instance.dayNumbers[b]!,
  );
  for (let s = 0; s < S; s++) {
    if (visitsOfStop[s]!.length === 0) continue;
    const gap = Math.max(1, instance.minDaysBetween[s]!);
    if (!aggregate) {
      for (const d0 of dayOrder) {
        const from = instance.dayNumbers[d0]!;
        const vars: number[] = [];
        for (let r = 0; r < R; r++) {
          const dn = instance.dayNumbers[instance.routes[r]!.day]!;
          if (x[s * R + r]! >= 0 && dn >= from && dn < from + gap) vars.push(x[s * R + r]!);
        }
        if (vars.length > 1) model.rows.push({ vars, coefs: vars.map(() => 1), max: 1 });
      }
    }
    const days = new Set<number>();
    for (let r = 0; r < R; r++) if (possible[s * R + r]) days.add(instance.dayNumbers[instance.routes[r]!.day]!);
    const most = Math.min(
      instance.maxVisits[s]!,
      spacedDays(
        [...days].sort((a, b) => a - b),
        gap,
      ),
    );
    model.rows.push({ vars: visitsOfStop[s]!, coefs: visitsOfStop[s]!.map(() => 1), max: most });
  }
  // coverage: a group's visit slots, filled in order of non-increasing value, are no more
  // than the visits of the stops covering it
  const envelope = concaveEnvelope(instance.visitValues);
  let group = 0;
  for (const { stops, weight } of mergedGroups(instance, (s) => visitsOfStop[s]!.length > 0)) {
    const cover = stops.flatMap((s) => visitsOfStop[s]!);
    const most = cover.reduce((sum, v) => sum + model.upper[v]!, 0);
    const slots = coverageSlots(envelope, weight, most).map((slot, k) =>
      addVar(`y_${group}_${k}`, slot.value, 0, slot.upper),
    );
    group++;
    if (slots.length === 0) continue;
    model.rows.push({ vars: [...slots, ...cover], coefs: [...slots.map(() => 1), ...cover.map(() => -1)], max: 0 });
  }
  return model.names.length > maxColumns ? null : model;
}

/**
 * The visit slots of a (merged) group of `weight` whose covering stops get at most `most`
 * visits: one per position of the envelope but the last, up to 1 each, then a tail at the last
 * envelope value for the visits beyond. A plan with c visits fills the first c (MODEL.md).
 */
export function coverageSlots(
  envelope: readonly number[],
  weight: number,
  most: number,
): Array<{ value: number; upper: number }> {
  const slots: Array<{ value: number; upper: number }> = [];
  for (let k = 0; k < envelope.length - 1 && k < most; k++) slots.push({ value: weight * envelope[k]!, upper: 1 });
  if (most >= envelope.length && envelope[envelope.length - 1]! > 0)
    slots.push({ value: weight * envelope[envelope.length - 1]!, upper: most - (envelope.length - 1) });
  return slots;
}

/**
 * Where stop s's busy minutes on route r must lie: from half the cheapest way in before its
 * set-up to half the cheapest way out after its pack-up, with service starting in a window,
 * all inside the shift. Consecutive visits' intervals never overlap (MODEL.md).
 */
function busyInterval(
  instance: Instance,
  r: number,
  s: number,
  minIn: number,
  minOut: number,
  pinned: number | undefined,
): [number, number] {
  const spec = instance.routes[r]!;
  let open = Infinity;
  let close = -Infinity;
  if (pinned !== undefined) open = close = pinned;
  else {
    for (let w = instance.windowOffset[s]!; w < instance.windowOffset[s + 1]!; w++) {
      open = Math.min(open, instance.windowOpen[w]!);
      close = Math.max(close, instance.windowClose[w]!);
    }
  }
  return [
    Math.max(spec.shiftStart, open - spec.setupMinutes - minIn / 2),
    Math.min(spec.shiftEnd, close + instance.dwell[s]! + spec.packupMinutes + minOut / 2),
  ];
}

/**
 * Time-window cuts violated by the LP point `values`: for a route and a time span [t1, t2],
 * the busy minutes of the visits that must lie inside it cannot exceed t2 − t1. Returns the
 * most violated span per route, at most `perRoute` of them (different starts).
 */
export function separateWindowCuts(model: BoundModel, values: ArrayLike<number>, perRoute = 3): BoundModel["rows"] {
  const cuts: BoundModel["rows"] = [];
  for (const items of model.intervals ?? []) {
    if (items.length < 2) continue;
    const starts = [...new Set(items.map((i) => i.earliest))];
    const found: Array<{ violation: number; t1: number; t2: number }> = [];
    for (const t1 of starts) {
      const inside = items.filter((i) => i.earliest >= t1 && values[i.v]! > 1e-9).sort((a, b) => a.latest - b.latest);
      let load = 0;
      let best = { violation: 1e-6, t2: NaN };
      for (const item of inside) {
        load += item.busy * values[item.v]!;
        const violation = load - (item.latest - t1);
        if (violation > best.violation) best = { violation, t2: item.latest };
      }
      if (!Number.isNaN(best.t2)) found.push({ violation: best.violation, t1, t2: best.t2 });
    }
    found.sort((a, b) => b.violation - a.violation);
    for (const { t1, t2 } of found.slice(0, perRoute)) {
      const members = items.filter((i) => i.earliest >= t1 && i.latest <= t2);
      cuts.push({ vars: members.map((i) => i.v), coefs: members.map((i) => i.busy), max: t2 - t1 });
    }
  }
  return cuts;
}

/** How many of these costs fit together in `capacity`: the cheapest first. */
function mostThatFit(costs: number[], capacity: number): number {
  const sorted = [...costs].sort((a, b) => a - b);
  let used = 0;
  let count = 0;
  for (const c of sorted) {
    if (used + c > capacity + 1e-9) break;
    used += c;
    count++;
  }
  return count;
}

/** Route indices of each bus, for the aggregated model. */
function groupRoutesByBus(instance: Instance): number[][] {
  const byBus = new Map<number, number[]>();
  instance.routes.forEach((spec, r) => {
    const list = byBus.get(spec.bus);
    if (list) list.push(r);
    else byBus.set(spec.bus, [r]);
  });
  return [...byBus.values()];
}

/** Most days of `sorted` (day numbers) that can be chosen at least `gap` apart (greedy is optimal). */
export function spacedDays(sorted: readonly number[], gap: number): number {
  let count = 0;
  let last = -Infinity;
  for (const d of sorted) {
    if (d - last >= gap) {
      count++;
      last = d;
    }
  }
  return count;
}

/** Relaxed test that stop s could ever be served on route r (see buildBoundModel). */
function mayFit(
  instance: Instance,
  r: number,
  s: number,
  minIn: number,
  minOut: number,
  pinned: number | undefined,
): boolean {
  const spec = instance.routes[r]!;
  const busy = spec.setupMinutes + instance.dwell[s]! + spec.packupMinutes;
  if (!(minIn + minOut <= spec.maxDriveMinutes)) return false;
  if (!(busy + minIn + minOut + (spec.lunch?.minutes ?? 0) <= spec.maxWorkMinutes)) return false;
  const earliest = spec.shiftStart + minIn + spec.setupMinutes;
  const fits = (open: number, close: number) => {
    const start = Math.max(open, earliest);
    return start <= close && start + instance.dwell[s]! + spec.packupMinutes + minOut <= spec.shiftEnd;
  };
  if (pinned !== undefined) return fits(pinned, pinned);
  for (let w = instance.windowOffset[s]!; w < instance.windowOffset[s + 1]!; w++) {
    if (fits(instance.windowOpen[w]!, instance.windowClose[w]!)) return true;
  }
  return false;
}

/**
 * The bound that needs no LP: every group visited as often as its covering stops could ever be
 * (each at most its max visits and once per day it may be served), at the envelope's values.
 */
export function trivialBound(instance: Instance): number {
  const R = instance.routes.length;
  const envelope = concaveEnvelope(instance.visitValues);
  const possibleVisits = new Int32Array(instance.groupValue.length);
  for (let s = 0; s < instance.nStops; s++) {
    if (instance.windowOffset[s + 1]! <= instance.windowOffset[s]!) continue;
    const days = new Set<number>();
    for (let r = 0; r < R; r++) if (instance.allowed[s * R + r]) days.add(instance.routes[r]!.day);
    const visits = Math.min(instance.maxVisits[s]!, days.size);
    for (let i = instance.stopGroupOffset[s]!; i < instance.stopGroupOffset[s + 1]!; i++)
      possibleVisits[instance.stopGroups[i]!]! += visits;
  }
  let bound = 0;
  possibleVisits.forEach((k, g) => {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += envelope.length === 0 ? 0 : envelope[Math.min(i, envelope.length - 1)]!;
    bound += instance.groupValue[g]! * sum;
  });
  return bound;
}
