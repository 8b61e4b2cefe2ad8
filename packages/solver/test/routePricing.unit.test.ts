/**
 * The pricing of the route relaxation against brute force: on random tiny instances, with
 * random worths (some negative) and sometimes a time grid, the best feasible route is found by
 * trying every order of every stop set. The completion bound alone (a search allowed no order)
 * must never be below it, and the search pruned by that bound must still find it exactly.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { arbTinyInstance, makeInstance } from "@carebus/solver/testing";
import type { Instance } from "@carebus/solver";
import { Problem } from "../src/solution/problem.js";
import { Solution } from "../src/solution/solution.js";
import { RoutePricer } from "../src/exact/routePricing.js";

/** The largest worth of any feasible route of `pricer` (0 for the empty route), by trying every order. */
function bruteBest(pricer: RoutePricer, worth: Float64Array): number {
  const stops = Array.from(pricer.candidates);
  let best = 0;
  const seq: number[] = [];
  const used = new Set<number>();
  const walk = (sum: number): void => {
    if (seq.length > 0 && sum > best && pricer.feasibleOrder(seq)) best = sum;
    if (seq.length === pricer.maxVisits) return;
    for (const s of stops) {
      if (used.has(s)) continue;
      used.add(s);
      seq.push(s);
      walk(sum + worth[s]!);
      seq.pop();
      used.delete(s);
    }
  };
  walk(0);
  return best;
}

const arbCase = fc.record({
  instance: arbTinyInstance({ maxStops: 6, maxRoutes: 2 }),
  worths: fc.array(fc.integer({ min: -4, max: 12 }), { minLength: 6, maxLength: 6 }),
  grid: fc.constantFrom(0, 0, 5, 15),
});

/** Every route of `instance` priced with `worth`: the brute-force best, the bound alone and the full search. */
function priceAll(instance: Instance, worths: readonly number[]) {
  const p = new Problem(instance);
  const probe = new Solution(p, null);
  const worth = Float64Array.from({ length: instance.nStops }, (_, s) => worths[s]!);
  return instance.routes.map((_, r) => {
    const pricer = new RoutePricer(p, r, probe);
    return {
      best: bruteBest(pricer, worth),
      // no order examined: the answer is the completion bound's
      bound: pricer.price(worth, 0, 5, 0).best,
      full: pricer.price(worth, 0, 5, 1e7),
      // a bar just below the best route: pruning must keep every way to it
      near: (best: number) => pricer.price(worth, best - 1, 1, 1e7),
    };
  });
}

/** Stops 0 and 2 are worth 10, stop 1 costs 1: the best route serves all three. */
const SHORTCUT_WORTH = Float64Array.from([10, -1, 10]);

/**
 * Three stops and a depot (3), all 5 minutes apart but for stop 2, 300 minutes from stop 0 and
 * from the depot; stop 0 opens 0–10, stop 1 all day, stop 2 in `windows`; 10-minute visits.
 */
function shortcut(windows: Array<[number, number]>, lunch: { start: number; end: number; minutes: number } | null) {
  const instance = makeInstance({
    name: "shortcut",
    travel: [
      [0, 5, 300, 5],
      [5, 0, 5, 5],
      [5, 5, 0, 5],
      [5, 5, 300, 0],
    ],
    dwell: [10, 10, 10],
    windows: [[[0, 10]], [[0, 1000]], windows],
    routes: [{ shiftEnd: 500, lunch }],
  });
  const p = new Problem(instance);
  return new RoutePricer(p, 0, new Solution(p, null));
}

describe("route pricing against brute force", () => {
  it("bounds the best route by its completion bound alone, and finds it exactly when pruned by it", () => {
    let bounded = 0;
    let tight = 0;
    fc.assert(
      fc.property(arbCase, ({ instance, worths, grid }) => {
        const withGrid = grid > 0 ? { ...instance, timeGrid: grid } : instance;
        for (const { best, bound, full, near } of priceAll(withGrid, worths)) {
          expect(bound).toBeGreaterThanOrEqual(best - 1e-9);
          expect(full.exact).toBe(true);
          expect(full.best).toBeCloseTo(best, 9);
          if (best > 0) {
            expect(full.routes[0]!.worth).toBeCloseTo(best, 9);
            expect(near(best).routes[0]?.worth).toBeCloseTo(best, 9);
            bounded++;
            if (bound <= best + 1e-9) tight++;
          }
        }
      }),
      { seed: 21, numRuns: 400 },
    );
    console.log(`completion bound equal to the best route on ${tight}/${bounded} routes worth something`);
    // the bound says something: it is not merely "everything fits"
    expect(tight).toBeGreaterThan(bounded / 4);
  });

  it("bounds and finds the best route when pruned by the completion bound of larger worths (one bound per shape)", () => {
    const arbRaised = fc.record({
      base: arbCase,
      raise: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 6, maxLength: 6 }),
    });
    fc.assert(
      fc.property(arbRaised, ({ base: { instance, worths, grid }, raise }) => {
        const withGrid = grid > 0 ? { ...instance, timeGrid: grid } : instance;
        const p = new Problem(withGrid);
        const probe = new Solution(p, null);
        const worth = Float64Array.from({ length: withGrid.nStops }, (_, s) => worths[s]!);
        const most = Float64Array.from(worth, (w, s) => w + raise[s]!);
        for (let r = 0; r < withGrid.routes.length; r++) {
          const pricer = new RoutePricer(p, r, probe);
          const best = bruteBest(pricer, worth);
          const ahead = pricer.completion(most);
          expect(pricer.price(worth, 0, 5, 0, ahead).best).toBeGreaterThanOrEqual(best - 1e-9);
          const full = pricer.price(worth, 0, 5, 1e7, ahead);
          expect(full.exact).toBe(true);
          expect(full.best).toBeCloseTo(best, 9);
          if (best > 0) expect(pricer.price(worth, best - 1, 1, 1e7, ahead).routes[0]?.worth).toBeCloseTo(best, 9);
        }
      }),
      { seed: 23, numRuns: 300 },
    );
  });

  it("reaches a stop only through one worth nothing when the direct leg is too long (travel breaks the triangle)", () => {
    // stop 2 opens 0–100 and is 300 minutes from stop 0 and from the depot, 5 minutes past stop 1
    const pricer = shortcut([[0, 100]], null);
    expect(bruteBest(pricer, SHORTCUT_WORTH)).toBe(19);
    expect(pricer.price(SHORTCUT_WORTH, 0, 5, 0).best).toBeGreaterThanOrEqual(19);
    const full = pricer.price(SHORTCUT_WORTH, 0, 5, 1e7);
    expect(full).toMatchObject({ exact: true, best: 19 });
    expect(full.routes[0]!.stops).toEqual([0, 1, 2]);
  });

  it("takes the lunch parked at a stop worth nothing on the way", () => {
    // stop 2 now opens 40–45 and the lunch (10 minutes in 20–50) fits only at stop 1, 30–40
    const pricer = shortcut([[40, 45]], { start: 20, end: 50, minutes: 10 });
    expect(bruteBest(pricer, SHORTCUT_WORTH)).toBe(19);
    expect(pricer.price(SHORTCUT_WORTH, 0, 5, 0).best).toBeGreaterThanOrEqual(19);
    expect(pricer.price(SHORTCUT_WORTH, 0, 5, 1e7)).toMatchObject({ exact: true, best: 19 });
  });

  it("without the completion bound, an unfinished search says nothing", () => {
    const instance = makeInstance({
      name: "two stops",
      travel: [
        [0, 5, 5],
        [5, 0, 5],
        [5, 5, 0],
      ],
      dwell: [10, 10],
      windows: [[[0, 100]], [[0, 100]]],
      routes: [{ shiftEnd: 500 }],
    });
    const p = new Problem(instance);
    const pricer = new RoutePricer(p, 0, new Solution(p, null));
    const worth = Float64Array.from([3, 2]);
    expect(pricer.price(worth, 0, 5, 1, false)).toMatchObject({ exact: false, best: Infinity });
    expect(pricer.price(worth, 0, 5, 1e7, false)).toMatchObject({ exact: true, best: 5 });
  });
});
