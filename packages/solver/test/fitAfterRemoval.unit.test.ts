/**
 * The replace operator's necessary fit test (search/operators/fitAfterRemoval.ts) may only rule
 * out candidates that truly cannot fit: for random routes on random single-window instances
 * (asymmetric, non-metric travel, setup and pack-up), whenever the exact search — the route
 * rebuilt without the visit, every position tried — finds a place for a stop, the test must
 * say it may fit. It is also checked to rule out something, so it cannot pass by saying yes.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import type { Instance } from "@carebus/solver";
import { Problem } from "../src/solution/problem.js";
import { Solution } from "../src/solution/solution.js";
import { bestPlacementInRoute, type Placement } from "../src/construction/insertion.js";
import { FitAfterRemoval, removalBoundsApply } from "../src/search/operators/fitAfterRemoval.js";
import { arbInstance, N } from "./singleWindowInstances.js";

describe("replace: the necessary fit test after a removal", () => {
  let ruledOut = 0;

  test("never rules out a stop that fits", () =>
    fc.assert(
      fc.property(arbInstance, ({ inst, order }) => {
        const p = new Problem(inst);
        expect(removalBoundsApply(p)).toBe(true);
        const sol = new Solution(p);
        const out: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };
        // a feasible route: the stops in random order, each at its best place when it fits
        for (const s of order) {
          const got = bestPlacementInRoute(sol, s, 0, out);
          if (got) sol.insert(0, got.idx, s);
        }
        const seq = sol.seq[0]!.slice();
        const test = new FitAfterRemoval(p);
        const probe = new Solution(p, null);
        for (let k = 0; k < seq.length; k++) {
          const without = seq.filter((_, q) => q !== k);
          probe.probeRoute(0, without, without.length);
          for (let u = 0; u < N; u++) {
            if (seq.includes(u)) continue;
            const fits = bestPlacementInRoute(probe, u, 0, out) !== null;
            const may = test.mayFit(sol, 0, k, u);
            if (fits) expect(may, `stop ${u} fits once index ${k} of [${seq}] leaves`).toBe(true);
            if (!may) ruledOut++;
          }
        }
      }),
      { numRuns: 300, seed: 11 },
    ));

  test("rules candidates out on those instances (the test is not a constant yes)", () => {
    expect(ruledOut).toBeGreaterThan(0);
  });

  test("is off where its timing argument fails: two windows on a stop", () => {
    const one = fc.sample(arbInstance, { numRuns: 1, seed: 3 })[0]!.inst;
    const twoWindows: Instance = {
      ...one,
      windowOffset: Int32Array.from({ length: N + 1 }, (_, k) => (k === 0 ? 0 : k + 1)),
      windowOpen: Float64Array.from([0, 200, ...one.windowOpen.subarray(1)]),
      windowClose: Float64Array.from([50, 250, ...one.windowClose.subarray(1)]),
    };
    expect(removalBoundsApply(new Problem(twoWindows))).toBe(false);
  });
});
