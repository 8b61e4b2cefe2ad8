/**
 * The annealing's hottest temperature (metaheuristic/ils.ts): unchanged for the literature's
 * few vehicles, and never hotter with more routes, down to a floor that still accepts some
 * worsening (the Bogotá week and the generated weeks were measured at that floor).
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { hottestTemperature } from "../src/metaheuristic/ils.js";

describe("the annealing's hottest temperature", () => {
  test("is three average visits with up to four routes", () => {
    for (const routes of [1, 2, 3, 4]) expect(hottestTemperature(20, routes)).toBe(60);
  });

  test("falls with the number of routes, to 0.03 average visits and no lower", () =>
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 2000 }),
        (visit, routes) => {
          const here = hottestTemperature(visit, routes);
          expect(hottestTemperature(visit, routes + 1)).toBeLessThanOrEqual(here);
          expect(here).toBeGreaterThanOrEqual(0.03 * visit * (1 - 1e-12));
        },
      ),
      { seed: 3 },
    ));

  test("is at its floor from 40 routes on (the Bogotá week has 36: 0.037 average visits)", () => {
    expect(hottestTemperature(100, 36)).toBeCloseTo((3 * 100 * 16) / 36 ** 2, 12);
    expect(hottestTemperature(100, 40)).toBeCloseTo(3, 12);
    expect(hottestTemperature(100, 600)).toBeCloseTo(3, 12);
  });
});
