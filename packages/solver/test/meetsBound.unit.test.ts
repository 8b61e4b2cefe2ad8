/**
 * issue #11: a plan that meets its bound is reported optimal — recognised through the bound's
 * own safety margin, and never when a real gap is left.
 */
import { describe, expect, it } from "vitest";
import { makeInstance } from "@carebus/solver/testing";
import { meetsBound, solve, upperBound } from "@carebus/solver";

describe("issue #11: optimal when plan and bound meet", () => {
  it("recognises a plan that reaches the LP bound (every stop fits)", () => {
    const inst = makeInstance({
      travel: [
        [0, 5, 5],
        [5, 0, 5],
        [5, 5, 0],
      ],
      dwell: [10, 10],
      windows: [[[0, 100]], [[0, 100]]],
      routes: [{ shiftStart: 0, shiftEnd: 200 }],
    });
    const bound = upperBound(inst);
    const r = solve(inst, { iterationLimit: 10, timeLimitMs: 1e9 });
    expect(r.value).toBe(2);
    expect(bound).toBeGreaterThanOrEqual(2);
    expect(meetsBound(r.value, bound)).toBe(true);
  });

  it("does not call a plan optimal when the bound is one visit above it", () => {
    expect(meetsBound(1, 2)).toBe(false);
    expect(meetsBound(499_000, 500_000)).toBe(false);
    // no bound yet: nothing is proven
    expect(meetsBound(1, Number.POSITIVE_INFINITY)).toBe(false);
    expect(meetsBound(500_000, 500_000 * (1 + 1e-7) + 1e-6)).toBe(true);
  });
});
