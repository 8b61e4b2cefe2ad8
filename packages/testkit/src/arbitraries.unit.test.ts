import fc from "fast-check";
/** The arbitrary produces what it promises: valid small scenarios. */
import { describe, expect, test } from "vitest";
import { validateScenario } from "@carebus/model";
import { arbSmallScenario } from "./arbitraries.js";

describe("arbitraries", () => {
  test("every small scenario passes validation", () =>
    fc.assert(
      fc.property(arbSmallScenario(), (scenario) => {
        expect(validateScenario(scenario)).toEqual([]);
        expect(scenario.stops.length).toBeLessThanOrEqual(8);
      }),
      { seed: 1, numRuns: 200 },
    ));
});
