/** The arbitrary produces what it promises: valid small scenarios. */
import { describe, expect } from "vitest";
import { test } from "@fast-check/vitest";
import { validateScenario } from "@carebus/model";
import { arbSmallScenario } from "./arbitraries.js";

describe("arbitraries", () => {
  test.prop([arbSmallScenario()], { seed: 1, numRuns: 200 })("every small scenario passes validation", (scenario) => {
    expect(validateScenario(scenario)).toEqual([]);
    expect(scenario.stops.length).toBeLessThanOrEqual(8);
  });
});
