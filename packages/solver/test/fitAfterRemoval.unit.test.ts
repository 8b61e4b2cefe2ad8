/**
 * The replace operator's necessary fit test (search/operators/fitAfterRemoval.ts) may only rule
 * out candidates that truly cannot fit: for random routes on random single-window instances
 * (asymmetric, non-metric travel, setup and pack-up), whenever the exact search — the route
 * rebuilt without the visit, every position tried — finds a place for a stop, the test must
 * say it may fit. It is also checked to rule out something, so it cannot pass by saying yes.
 */
import { describe, expect } from "vitest";
import { test, fc } from "@fast-check/vitest";
import type { Instance, RouteSpec } from "@carebus/solver";
import { Problem } from "../src/solution/problem.js";
import { Solution } from "../src/solution/solution.js";
import { bestPlacementInRoute, type Placement } from "../src/construction/insertion.js";
import { FitAfterRemoval, removalBoundsApply } from "../src/search/operators/fitAfterRemoval.js";

const N = 9;

const arbInstance: fc.Arbitrary<{ inst: Instance; order: number[] }> = fc
  .record({
    travel: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: (N + 1) ** 2, maxLength: (N + 1) ** 2 }),
    open: fc.array(fc.integer({ min: 0, max: 250 }), { minLength: N, maxLength: N }),
    span: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: N, maxLength: N }),
    dwell: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: N, maxLength: N }),
    setup: fc.integer({ min: 0, max: 5 }),
    packup: fc.integer({ min: 0, max: 5 }),
    shiftEnd: fc.integer({ min: 150, max: 400 }),
    order: fc.array(fc.nat(), { minLength: N, maxLength: N }),
  })
  .map((g) => {
    const nl = N + 1;
    const travel = new Float64Array(nl * nl);
    for (let a = 0; a < nl; a++) for (let b = 0; b < nl; b++) travel[a * nl + b] = a === b ? 0 : g.travel[a * nl + b]!;
    const spec: RouteSpec = {
      bus: 0,
      day: 0,
      depot: N,
      shiftStart: 0,
      shiftEnd: g.shiftEnd,
      maxWorkMinutes: Infinity,
      maxDriveMinutes: Infinity,
      setupMinutes: g.setup,
      packupMinutes: g.packup,
      lunch: null,
    };
    const inst: Instance = {
      name: "random",
      nStops: N,
      nLocations: nl,
      travel,
      km: travel,
      dwell: Float64Array.from(g.dwell),
      windowOffset: Int32Array.from({ length: N + 1 }, (_, k) => k),
      windowOpen: Float64Array.from(g.open),
      windowClose: Float64Array.from(g.open.map((o, k) => o + g.span[k]!)),
      maxVisits: new Int32Array(N).fill(1),
      minDaysBetween: new Int32Array(N),
      routes: [spec],
      dayNumbers: new Int32Array([0]),
      allowed: new Uint8Array(N).fill(1),
      groupValue: new Float64Array(N).fill(1),
      stopGroupOffset: Int32Array.from({ length: N + 1 }, (_, k) => k),
      stopGroups: Int32Array.from({ length: N }, (_, k) => k),
      visitValues: new Float64Array([1]),
      pinned: [],
    };
    const order = Array.from({ length: N }, (_, k) => k).sort((a, b) => g.order[a]! - g.order[b]! || a - b);
    return { inst, order };
  });

describe("replace: the necessary fit test after a removal", () => {
  let ruledOut = 0;

  test.prop([arbInstance], { numRuns: 300, seed: 11 })("never rules out a stop that fits", ({ inst, order }) => {
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
  });

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
