/**
 * Properties of the search engine judged by the independent checker: on random tiny
 * instances and random small scenarios every plan passes the checker with the value it
 * reports, the value never drops below the construction's, and the same seed and iteration
 * limit give the same plan.
 */
import { describe, expect } from "vitest";
import { test, fc } from "@fast-check/vitest";
import { arbSmallScenario, arbTinyInstance } from "@carebus/testkit";
import { createEstimateProvider } from "@carebus/geo";
import { checkSolution, prepareScenario, solve } from "@carebus/solver";

const LIMITS = { iterationLimit: 150, timeLimitMs: 1e9 };

describe("solve on random tiny instances", () => {
  test.prop([arbTinyInstance(), fc.integer({ min: 1, max: 1000 })], { seed: 42, numRuns: 60 })(
    "every plan passes the checker, keeps the construction's value and repeats for the same seed",
    (instance, seed) => {
      const a = solve(instance, { ...LIMITS, seed });
      const check = checkSolution(instance, a.routes);
      expect(check.violations).toEqual([]);
      expect(a.value).toBeCloseTo(check.value, 6);
      expect(a.travelMinutes).toBeCloseTo(check.travelMinutes, 6);
      expect(a.value).toBeGreaterThanOrEqual(a.constructionValue - 1e-9);
      const b = solve(instance, { ...LIMITS, seed });
      expect(b.routes).toEqual(a.routes);
    },
  );
});

describe("solve on random small scenarios", () => {
  const travel = createEstimateProvider();
  test.prop([arbSmallScenario(), fc.integer({ min: 1, max: 1000 })], { seed: 7, numRuns: 30 })(
    "the scenario's instance is solved into plans the checker accepts, the same for the same seed",
    async (scenario, seed) => {
      const { instance } = await prepareScenario(scenario, { travel });
      const a = solve(instance, { ...LIMITS, seed });
      const check = checkSolution(instance, a.routes);
      expect(check.violations).toEqual([]);
      expect(a.value).toBeCloseTo(check.value, 6);
      expect(a.value).toBeGreaterThanOrEqual(a.constructionValue - 1e-9);
      expect(solve(instance, { ...LIMITS, seed }).routes).toEqual(a.routes);
    },
  );
});
