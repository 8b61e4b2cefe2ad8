/**
 * The route relaxation (column generation over bus-day routes) against the exact oracle: on
 * random tiny instances it is never below the optimum and never above the LP bound it is meant
 * to replace, and it is tighter than that LP on some of them. Pricing must accept every route
 * an optimal plan uses.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { arbTinyInstance, euclideanMinutes, makeInstance } from "@carebus/solver/testing";
import { FailureLog, createRng, routeBound, solve, solveExact, trivialBound, upperBound } from "@carebus/solver";
import { Problem } from "../src/solution/problem.js";
import { Solution } from "../src/solution/solution.js";
import { RoutePricer } from "../src/exact/routePricing.js";
import { loadHighsRuntime } from "../src/exact/highs.js";
import type { Highs } from "highs";

/** Relative slack of the comparison with the LP bound: both carry their own round-off margin. */
const SLACK = 1e-6;
const RUNS = 60;

describe("route bound on random tiny instances", () => {
  it("lies between the exact optimum and the LP bound, and the search ends converged", async () => {
    let tighter = 0;
    await fc.assert(
      fc.asyncProperty(arbTinyInstance(), async (instance) => {
        const exact = solveExact(instance);
        const result = await routeBound(instance, { timeLimitSeconds: 60 });
        expect(result.converged).toBe(true);
        const value = result.value ?? 0;
        const lp = upperBound(instance);
        expect(value).toBeGreaterThanOrEqual(exact.value - 1e-9);
        expect(value).toBeLessThanOrEqual(lp + SLACK * (10 + lp));
        if (value < lp - 1e-3) tighter++;
      }),
      { seed: 11, numRuns: RUNS },
    );
    console.log(`route bound below the LP bound on ${tighter}/${RUNS} tiny instances`);
    expect(tighter).toBeGreaterThan(0);
  });

  it("stays at or above the optimum when a visit of it is pinned (the pinned minute its only window)", async () => {
    let pinnedCases = 0;
    for (const instance of fc.sample(arbTinyInstance(), { seed: 9, numRuns: 30 })) {
      const exact = solveExact(instance);
      const r = exact.routes.findIndex((route) => route.visits.length > 0);
      if (r < 0) continue;
      const visit = exact.routes[r]!.visits.at(-1)!;
      const pinned = { ...instance, pinned: [{ stop: visit.stop, route: r, start: visit.start }] };
      const result = await routeBound(pinned, { timeLimitSeconds: 60, initial: exact.routes });
      expect(result.converged).toBe(true);
      expect(result.value!).toBeGreaterThanOrEqual(exact.value - 1e-9);
      pinnedCases++;
    }
    expect(pinnedCases).toBeGreaterThan(15);
  });

  it("prices every route of the exact optimum as feasible", () => {
    for (const instance of fc.sample(arbTinyInstance(), { seed: 5, numRuns: 40 })) {
      const p = new Problem(instance);
      const probe = new Solution(p, null);
      solveExact(instance).routes.forEach((route, r) => {
        if (route.visits.length === 0) return;
        const pricer = new RoutePricer(p, r, probe);
        expect(pricer.feasibleOrder(route.visits.map((v) => v.stop))).toBe(true);
        // priced with every stop of the route worth 1 and the others nothing, the best route
        // found is worth at least as many visits
        const worth = new Float64Array(instance.nStops);
        for (const v of route.visits) worth[v.stop] = 1;
        const found = pricer.price(worth, 0, 5, 1e7);
        expect(found.exact).toBe(true);
        expect(found.best).toBeGreaterThanOrEqual(route.visits.length);
      });
    }
  });
});

/**
 * Two stops whose windows overlap so that one bus-day can serve only one of them, while the
 * LP's time row lets it serve half of each on top of a full visit elsewhere: the route bound
 * sees that no route holds both.
 */
function conflictingWindows() {
  return makeInstance({
    name: "conflict",
    travel: [
      [0, 10, 10],
      [10, 0, 10],
      [10, 10, 0],
    ],
    dwell: [60, 60],
    windows: [[[100, 100]], [[120, 120]]],
    routes: [{ shiftEnd: 400 }],
    maxVisits: [1, 1],
    groups: [
      { value: 10, stops: [0] },
      { value: 10, stops: [1] },
    ],
    visitValues: [1],
  });
}

/**
 * Forty stops, two buses on two days with set-up, lunch and a work limit, up to five visits a
 * bus-day: too many orders for the quick search, so the bound comes from the passes with the
 * completion bound.
 */
function fortyStops() {
  const rng = createRng(7);
  const n = 40;
  const points = Array.from(
    { length: n + 1 },
    () => [Math.floor(rng.next() * 60), Math.floor(rng.next() * 60)] as const,
  );
  const shapes: Array<Array<[number, number]>> = [
    [[60, 300]],
    [
      [0, 200],
      [240, 430],
    ],
    [[200, 430]],
  ];
  return makeInstance({
    name: "forty stops",
    travel: euclideanMinutes(points),
    dwell: Array.from({ length: n }, (_, s) => [60, 90, 120][s % 3]!),
    windows: Array.from({ length: n }, (_, s) => shapes[(s * 7) % 3]!),
    routes: [0, 1].flatMap((day) =>
      [0, 1].map((bus) => ({
        bus,
        day,
        shiftEnd: 480,
        maxWorkMinutes: 450,
        setupMinutes: 10,
        packupMinutes: 10,
        lunch: { start: 200, end: 300, minutes: 30 },
      })),
    ),
    dayNumbers: [0, 1],
    groups: Array.from({ length: n }, (_, s) => ({ value: 1 + Math.floor(rng.next() * 20), stops: [s, (s + 1) % n] })),
    visitValues: [1, 0.5],
  });
}

describe("route bound on named cases", () => {
  it("bounds a plan of forty stops the quick search cannot finish, by the passes with the completion bound", async () => {
    const instance = fortyStops();
    const plan = solve(instance, { seed: 1, iterationLimit: 300, timeLimitMs: 1e9 });
    expect(plan.value).toBeGreaterThan(0);
    const p = new Problem(instance);
    const pricer = new RoutePricer(p, 0, new Solution(p, null));
    expect(pricer.maxVisits).toBeLessThanOrEqual(6);
    // the quick search alone cannot say
    const worth = Float64Array.from({ length: instance.nStops }, () => 10);
    expect(pricer.price(worth, 0, 20, 20_000, false).exact).toBe(false);
    const result = await routeBound(instance, { timeLimitSeconds: 60, initial: plan.routes });
    // the relaxation's optimum, which the pricing before the completion bound (a location-free
    // table, 858e5df) converged to as well: a pricing that cuts too much stops below it
    expect(result.converged).toBe(true);
    expect(result.value!).toBeCloseTo(347.5, 4);
    expect(result.value!).toBeGreaterThanOrEqual(plan.value);
    expect(result.value!).toBeLessThanOrEqual(trivialBound(instance));
  });

  it("converges with smoothed duals to the optimum of the plain loop, every bound on the way above it", async () => {
    const instance = fortyStops();
    const plan = solve(instance, { seed: 1, iterationLimit: 300, timeLimitMs: 1e9 });
    const run = async (smoothing: boolean) => {
      const bounds: number[] = [];
      const result = await routeBound(instance, {
        timeLimitSeconds: 60,
        initial: plan.routes,
        smoothing,
        onBound: (b) => bounds.push(b),
      });
      return { result, bounds };
    };
    const plain = await run(false);
    const smoothed = await run(true);
    console.log(`forty stops: ${plain.result.rounds} rounds plain, ${smoothed.result.rounds} smoothed`);
    expect(plain.result.converged).toBe(true);
    expect(smoothed.result.converged).toBe(true);
    expect(smoothed.result.value!).toBeCloseTo(plain.result.value!, 4);
    // priced at other duals than the plain loop's (else this test would not test smoothing)
    expect(smoothed.bounds).not.toEqual(plain.bounds);
    for (const b of smoothed.bounds) expect(b).toBeGreaterThanOrEqual(plain.result.value! - 1e-6);
  });

  it("proves the optimum of two stops one bus-day cannot both serve", async () => {
    const instance = conflictingWindows();
    expect(solveExact(instance).value).toBe(10);
    const result = await routeBound(instance, { timeLimitSeconds: 30 });
    expect(result.converged).toBe(true);
    expect(result.value).toBeCloseTo(10, 4);
  });

  it("counts a visit pinned off the time grid in a window the grid leaves empty", async () => {
    // 91–104 holds no multiple of 15, but a planner's pinned minute need not be on the grid
    const instance = {
      ...makeInstance({
        name: "pinned off the grid",
        travel: [
          [0, 10],
          [10, 0],
        ],
        dwell: [30],
        windows: [[[91, 104]]],
        routes: [{ shiftEnd: 400 }],
        groups: [{ value: 10, stops: [0] }],
        pinned: [{ stop: 0, route: 0, start: 95 }],
      }),
      timeGrid: 15,
    };
    expect(solveExact(instance).value).toBe(10);
    const result = await routeBound(instance, { timeLimitSeconds: 30 });
    expect(result.value).toBeGreaterThanOrEqual(10);
  });

  it("stops at once when cancelled, with no bound", async () => {
    const failures = new FailureLog();
    const result = await routeBound(conflictingWindows(), { isCancelled: () => true, failures });
    expect(result).toMatchObject({ value: null, converged: false, rounds: 0 });
    expect(failures.total).toBe(0);
  });

  it("counts a HiGHS that cannot load, and one that throws while solving, and gives no bound", async () => {
    const unloadable = new FailureLog();
    const none = await routeBound(conflictingWindows(), {
      failures: unloadable,
      loadRuntime: () => Promise.reject(new Error("no WebAssembly")),
    });
    expect(none.value).toBeNull();
    expect(unloadable.list()).toEqual([{ where: "route bound: loading HiGHS", count: 1, message: "no WebAssembly" }]);

    const real = await loadHighsRuntime();
    const trapping = {
      ...real,
      constants: real.constants,
      infinity: real.infinity,
      createModel: () => ({
        options: { set: () => undefined },
        addCols: () => undefined,
        zeroAllClocks: () => undefined,
        run: () => {
          throw new Error("wasm trap");
        },
        dispose: () => undefined,
      }),
    } as unknown as Highs;
    const failing = new FailureLog();
    const result = await routeBound(conflictingWindows(), { failures: failing, loadRuntime: async () => trapping });
    expect(result.value).toBeNull();
    expect(failing.list()).toEqual([{ where: "route bound: HiGHS", count: 1, message: "wasm trap" }]);
  });

  it("reports each improvement, never rising", async () => {
    const seen: number[] = [];
    const instance = fc.sample(arbTinyInstance(), { seed: 3, numRuns: 1 })[0]!;
    const result = await routeBound(instance, { timeLimitSeconds: 30, onBound: (b) => seen.push(b) });
    expect(seen.length).toBeGreaterThan(0);
    for (let k = 1; k < seen.length; k++) expect(seen[k]!).toBeLessThan(seen[k - 1]!);
    expect(seen.at(-1)).toBe(result.value);
  });
});
