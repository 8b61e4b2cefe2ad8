/**
 * The objective's first level computed from scratch: how many times each demand group is
 * visited, and what those visits are worth under the instance's repeat values. Used by the
 * checker, the exact method, explanations and the plan writer, never by the search engine
 * (which keeps incremental counts of its own).
 */
import type { Instance } from "../instance/instance.js";

/** Value of the k-th visit (0-based) of a group, before the group's weight. */
export function visitValueAt(instance: Instance, k: number): number {
  const values = instance.visitValues;
  if (values.length === 0) return 0;
  return values[Math.min(k, values.length - 1)]!;
}

/** Per group, how many visits of stops covering it `stopVisits` (visits per stop) adds up to. */
export function groupCounts(instance: Instance, stopVisits: ArrayLike<number>): Int32Array {
  const counts = new Int32Array(instance.groupValue.length);
  for (let s = 0; s < instance.nStops; s++) {
    const k = stopVisits[s]!;
    if (k === 0) continue;
    for (let i = instance.stopGroupOffset[s]!; i < instance.stopGroupOffset[s + 1]!; i++)
      counts[instance.stopGroups[i]!]! += k;
  }
  return counts;
}

/** Objective value of the visit counts per group. */
export function valueOfCounts(instance: Instance, counts: ArrayLike<number>): number {
  let value = 0;
  for (let g = 0; g < counts.length; g++) {
    const weight = instance.groupValue[g]!;
    if (weight === 0) continue;
    let sum = 0;
    for (let k = 0; k < counts[g]!; k++) sum += visitValueAt(instance, k);
    value += weight * sum;
  }
  return value;
}

/** Value one more visit of `stop` adds on top of `counts` (counts are not changed). */
export function marginalValue(instance: Instance, counts: ArrayLike<number>, stop: number): number {
  let gain = 0;
  for (let i = instance.stopGroupOffset[stop]!; i < instance.stopGroupOffset[stop + 1]!; i++) {
    const g = instance.stopGroups[i]!;
    gain += instance.groupValue[g]! * visitValueAt(instance, counts[g]!);
  }
  return gain;
}

/** Add one visit of `stop` to `counts` in place. */
export function addVisit(instance: Instance, counts: Int32Array, stop: number): void {
  for (let i = instance.stopGroupOffset[stop]!; i < instance.stopGroupOffset[stop + 1]!; i++)
    counts[instance.stopGroups[i]!]! += 1;
}
