/**
 * The linear relaxation behind `upperBound`, built once as a neutral sparse model that either
 * LP backend can solve (see MODEL.md for the maths and why each row is valid). Every feasible
 * plan maps to a feasible point of this model with an objective at least its value, so the
 * LP optimum bounds every plan from above.
 */
import type { Instance } from "../instance/instance.js";

/** A maximisation LP: 0 ≤ lower ≤ x ≤ upper, each row Σ coef·x ≤ max. */
export interface BoundModel {
  names: string[];
  objective: number[];
  lower: number[];
  upper: number[];
  rows: Array<{ vars: number[]; coefs: number[]; max: number }>;
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

/** Build the relaxation of `instance`. */
export function buildBoundModel(instance: Instance): BoundModel {
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
  for (let s = 0; s < S; s++) {
    let minIn = Infinity;
    let minOut = Infinity;
    for (let o = 0; o < nl; o++) {
      if (o === s) continue;
      minIn = Math.min(minIn, instance.travel[o * nl + s]!);
      minOut = Math.min(minOut, instance.travel[s * nl + o]!);
    }
    for (let r = 0; r < R; r++) {
      if (instance.allowed[s * R + r] && mayFit(instance, r, s, minIn, minOut, pinnedOn.get(s * R + r))) possible[s * R + r] = 1;
    }
  }
  const x = new Int32Array(S * R).fill(-1);
  const visitsOfStop: number[][] = Array.from({ length: S }, () => []);
  for (let r = 0; r < R; r++) {
    const spec = instance.routes[r]!;
    const lunch = spec.lunch?.minutes ?? 0;
    const capacity = Math.min(spec.maxWorkMinutes, spec.shiftEnd - spec.shiftStart) - lunch;
    const timeRow = { vars: [] as number[], coefs: [] as number[], max: capacity };
    const driveRow = { vars: [] as number[], coefs: [] as number[], max: spec.maxDriveMinutes };
    for (let s = 0; s < S; s++) {
      if (!possible[s * R + r]) continue;
      // half of the cheapest way in plus half of the cheapest way out: every leg of a route is
      // split between its two ends, so these halves never add up to more than the real driving
      let minIn = instance.travel[spec.depot * nl + s]!;
      let minOut = instance.travel[s * nl + spec.depot]!;
      for (let o = 0; o < S; o++) {
        if (o === s || !possible[o * R + r]) continue;
        minIn = Math.min(minIn, instance.travel[o * nl + s]!);
        minOut = Math.min(minOut, instance.travel[s * nl + o]!);
      }
      const drive = (minIn + minOut) / 2;
      const pinned = pinnedOn.has(s * R + r);
      const v = addVar(`x_${s}_${r}`, 0, pinned ? 1 : 0, 1);
      x[s * R + r] = v;
      visitsOfStop[s]!.push(v);
      timeRow.vars.push(v);
      timeRow.coefs.push(spec.setupMinutes + instance.dwell[s]! + spec.packupMinutes + drive);
      driveRow.vars.push(v);
      driveRow.coefs.push(drive);
    }
    if (timeRow.vars.length > 0) {
      if (Number.isFinite(timeRow.max)) model.rows.push({ ...timeRow, max: Math.max(0, timeRow.max) });
      if (Number.isFinite(driveRow.max)) model.rows.push(driveRow);
    }
  }
  // once a day, and no two visits closer than minDaysBetween: any set of days spanning fewer
  // than that many day numbers holds at most one visit
  const dayOrder = Array.from(instance.dayNumbers.keys()).sort((a, b) => instance.dayNumbers[a]! - instance.dayNumbers[b]!);
  for (let s = 0; s < S; s++) {
    if (visitsOfStop[s]!.length === 0) continue;
    const gap = Math.max(1, instance.minDaysBetween[s]!);
    for (const d0 of dayOrder) {
      const from = instance.dayNumbers[d0]!;
      const vars: number[] = [];
      for (let r = 0; r < R; r++) {
        const dn = instance.dayNumbers[instance.routes[r]!.day]!;
        if (x[s * R + r]! >= 0 && dn >= from && dn < from + gap) vars.push(x[s * R + r]!);
      }
      if (vars.length > 1) model.rows.push({ vars, coefs: vars.map(() => 1), max: 1 });
    }
    if (visitsOfStop[s]!.length > instance.maxVisits[s]!) {
      model.rows.push({ vars: visitsOfStop[s]!, coefs: visitsOfStop[s]!.map(() => 1), max: instance.maxVisits[s]! });
    }
  }
  // coverage: a group's visit slots, filled in order of non-increasing value, are no more
  // than the visits of the stops covering it
  const envelope = concaveEnvelope(instance.visitValues);
  const coveringVars: number[][] = Array.from({ length: instance.groupValue.length }, () => []);
  for (let s = 0; s < S; s++) {
    for (let i = instance.stopGroupOffset[s]!; i < instance.stopGroupOffset[s + 1]!; i++) coveringVars[instance.stopGroups[i]!]!.push(...visitsOfStop[s]!);
  }
  coveringVars.forEach((cover, g) => {
    const weight = instance.groupValue[g]!;
    if (weight <= 0 || cover.length === 0 || envelope.length === 0) return;
    const slots: number[] = [];
    for (let k = 0; k < envelope.length - 1 && k < cover.length; k++) slots.push(addVar(`y_${g}_${k}`, weight * envelope[k]!, 0, 1));
    if (cover.length >= envelope.length && envelope[envelope.length - 1]! > 0) {
      slots.push(addVar(`y_${g}_t`, weight * envelope[envelope.length - 1]!, 0, cover.length - (envelope.length - 1)));
    }
    model.rows.push({ vars: [...slots, ...cover], coefs: [...slots.map(() => 1), ...cover.map(() => -1)], max: 0 });
  });
  return model;
}

/** Relaxed test that stop s could ever be served on route r (see buildBoundModel). */
function mayFit(instance: Instance, r: number, s: number, minIn: number, minOut: number, pinned: number | undefined): boolean {
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
    for (let i = instance.stopGroupOffset[s]!; i < instance.stopGroupOffset[s + 1]!; i++) possibleVisits[instance.stopGroups[i]!]! += visits;
  }
  let bound = 0;
  possibleVisits.forEach((k, g) => {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += envelope.length === 0 ? 0 : envelope[Math.min(i, envelope.length - 1)]!;
    bound += instance.groupValue[g]! * sum;
  });
  return bound;
}
