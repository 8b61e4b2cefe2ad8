import fc from "fast-check";
/** The arbitrary produces what it promises: well-formed tiny instances within the exact method's limits. */
import { describe, expect, test } from "vitest";
import { arbTinyInstance } from "./arbTinyInstance.js";

describe("arbTinyInstance", () => {
  test("every tiny instance is within the exact method's limits and well formed", () =>
    fc.assert(
      fc.property(arbTinyInstance(), (instance) => {
        expect(instance.nStops).toBeLessThanOrEqual(8);
        expect(instance.routes.length).toBeLessThanOrEqual(3);
        expect(instance.travel.length).toBe(instance.nLocations ** 2);
        expect(instance.allowed.length).toBe(instance.nStops * instance.routes.length);
        expect(instance.windowOffset[instance.nStops]).toBe(instance.windowOpen.length);
        for (const route of instance.routes) {
          expect(route.depot).toBeGreaterThanOrEqual(instance.nStops);
          if (route.lunch) {
            expect(route.lunch.start).toBeGreaterThanOrEqual(route.shiftStart);
            expect(route.lunch.end).toBeLessThanOrEqual(route.shiftEnd);
          }
        }
      }),
      { seed: 1, numRuns: 200 },
    ));
});
