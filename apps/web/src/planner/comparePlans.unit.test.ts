import { describe, expect, it } from "vitest";
import type { Plan } from "../shared/types.js";
import { comparePlans, visitedStops } from "./comparePlans.js";

/** A plan reduced to what the comparison reads: visits per route and the total value. */
function planOf(value: number, routes: string[][]): Pick<Plan, "routes" | "totals"> {
  return {
    routes: routes.map((stops) => ({ visits: stops.map((stopId) => ({ stopId })) })),
    totals: { value },
  } as unknown as Pick<Plan, "routes" | "totals">;
}

describe("comparePlans", () => {
  it("lists the stops added and removed and the value difference", () => {
    const published = planOf(100, [["a", "b"], ["c"]]);
    const candidate = planOf(112.5, [
      ["b", "d"],
      ["c", "e", "d"],
    ]);
    expect(comparePlans(candidate, published)).toEqual({
      candidateValue: 112.5,
      referenceValue: 100,
      valueDelta: 12.5,
      added: ["d", "e"],
      removed: ["a"],
    });
  });

  it("finds no change between a plan and itself", () => {
    const plan = planOf(50, [["x", "y"]]);
    const c = comparePlans(plan, plan);
    expect([c.valueDelta, c.added, c.removed]).toEqual([0, [], []]);
  });

  it("counts a stop visited twice once", () => {
    expect([...visitedStops(planOf(0, [["a"], ["a", "b"]]))].sort()).toEqual(["a", "b"]);
  });
});
