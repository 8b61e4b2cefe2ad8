/**
 * Merged coverage (instance/mergeCoverage.ts) must not change what any plan is worth: for random
 * instances with overlapping groups and random numbers of visits per stop, the objective computed
 * here from its definition (Instance.groupValue) is the same on the merged instance as on the
 * original. A hand-made case shows groups are in fact merged, and that groups nobody covers or
 * that are worth nothing go.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import type { Instance } from "@carebus/solver";
import { mergeCoverage } from "../src/instance/mergeCoverage.js";
import { arbTinyInstance } from "../src/testing/arbTinyInstance.js";
import { makeInstance } from "../src/testing/makeInstance.js";

/** the objective's definition: each group's visits are the visits of the stops covering it */
function planValue(inst: Instance, visitsOfStop: readonly number[]): number {
  const count = new Int32Array(inst.groupValue.length);
  visitsOfStop.forEach((visits, s) => {
    for (let k = inst.stopGroupOffset[s]!; k < inst.stopGroupOffset[s + 1]!; k++) count[inst.stopGroups[k]!]! += visits;
  });
  const vv = inst.visitValues;
  let value = 0;
  count.forEach((c, g) => {
    for (let k = 0; k < c; k++) value += inst.groupValue[g]! * vv[Math.min(k, vv.length - 1)]!;
  });
  return value;
}

describe("merged coverage", () => {
  test("gives every plan the value it has on the instance as given", () =>
    fc.assert(
      fc.property(
        arbTinyInstance(),
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 8, maxLength: 8 }),
        (inst, visits) => {
          const merged = mergeCoverage(inst);
          const perStop = visits.slice(0, inst.nStops);
          expect(merged.groupValue.length).toBeLessThanOrEqual(inst.groupValue.length);
          expect(merged.stopGroups.length).toBeLessThanOrEqual(inst.stopGroups.length);
          expect(planValue(merged, perStop)).toBeCloseTo(planValue(inst, perStop), 9);
        },
      ),
      { numRuns: 300, seed: 5 },
    ));

  test("merges groups covered by the same stops and drops those no plan can reach", () => {
    const inst = makeInstance({
      travel: [
        [0, 1, 1],
        [1, 0, 1],
        [1, 1, 0],
      ],
      dwell: [10, 10],
      windows: [[[0, 100]], [[0, 100]]],
      routes: [{}],
      visitValues: [1, 0.5],
      groups: [
        { value: 3, stops: [0, 1] },
        { value: 2, stops: [1] },
        { value: 4, stops: [0, 1] },
        { value: 5, stops: [] },
        { value: 0, stops: [0] },
        { value: 1, stops: [1] },
      ],
    });
    const merged = mergeCoverage(inst);
    expect([...merged.groupValue]).toEqual([7, 3]);
    expect([...merged.stopGroupOffset]).toEqual([0, 1, 3]);
    expect([...merged.stopGroups]).toEqual([0, 0, 1]);
    expect(planValue(merged, [1, 2])).toBe(planValue(inst, [1, 2]));
  });
});
