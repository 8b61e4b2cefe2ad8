import { describe, expect, it } from "vitest";
import { pointWeights, priorityBand, priorityIndexValues, validateScenario, type DemandPoint } from "./index.js";
import { validSmall } from "../test/validSmall.js";

const point = (indicators: Record<string, number> | undefined, weight?: number): DemandPoint => ({
  lat: 0,
  lon: 0,
  caregivers: 10,
  locality: "x",
  zone: "urban",
  ...(indicators ? { indicators } : {}),
  ...(weight === undefined ? {} : { weight }),
});

describe("the priority index (issue 14)", () => {
  const points = [point({ older: 0.5, rural: 1 }), point({ older: 0.25, rural: 0 }), point(undefined, 3)];
  const priority = { weights: { older: 3, rural: 1 } };

  it("scales each indicator by its largest value and averages by weight", () => {
    // point 0: (3·1 + 1·1)/4 = 1; point 1: (3·0.5 + 0)/4 = 0.375; point 2 carries nothing: 0
    expect(priorityIndexValues({ points, priority })).toEqual([1, 0.375, 0]);
  });

  it("turns the index into weights between minWeight and maxWeight, times the point's own weight", () => {
    expect(pointWeights({ points, priority })).toEqual([2, 1.375, 3]);
    expect(pointWeights({ points, priority: { ...priority, minWeight: 0.5, maxWeight: 1.5 } })).toEqual([
      1.5, 0.875, 1.5,
    ]);
  });

  it("leaves weights alone without an index", () => {
    expect(pointWeights({ points })).toEqual([1, 1, 3]);
  });

  it("bands the index in thirds", () => {
    expect([0, 0.33, 1 / 3, 0.5, 2 / 3, 1].map(priorityBand)).toEqual([
      "low",
      "low",
      "medium",
      "medium",
      "high",
      "high",
    ]);
  });

  it("rejects weights that name an indicator no point carries, all zero, or min above max", () => {
    const scenario = validSmall();
    scenario.demand.points[0].indicators = { older: 0.2 };
    scenario.demand.priority = { weights: { older: 0, poverty: 0 }, minWeight: 3, maxWeight: 1 };
    const paths = validateScenario(scenario).map((i) => i.path);
    expect(paths.sort()).toEqual(["demand.priority", "demand.priority.weights", "demand.priority.weights.poverty"]);
  });
});
