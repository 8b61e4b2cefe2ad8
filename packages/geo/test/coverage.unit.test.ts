import { describe, expect, it } from "vitest";
import { computeCoverage, coverageByStop } from "@carebus/geo";
import { parseScenario } from "@carebus/model";
import { lcg } from "./lcg.js";
import { POINTS, tinyScenario } from "./tinyScenario.js";

describe("computeCoverage", () => {
  it("covers the points within their zone's walking catchment (hand-computed minutes)", () => {
    const coverage = computeCoverage(tinyScenario());
    // s0: p0 (0 min), p1 (10.01), p2 (19.81 ≤ 20), p4 (rural 28.02 ≤ 30); not p3 (20.22), p5 (32.02)
    expect(Array.from(coverage.stopPoints[0]!)).toEqual([0, 1, 2, 4]);
    // s1 is 0.03° north: p5 at 0.014° (28.02 min, rural) only
    expect(Array.from(coverage.stopPoints[1]!)).toEqual([5]);
  });

  it("values points by caregivers × weight, halving those inside the Care Block's 10-minute area", () => {
    const { pointValue } = computeCoverage(tinyScenario());
    // the block is at +0.005°: p1 on it (20 × 2 × 0.5), p2 0.0049° away (9.81 min: 5 × 0.5);
    // p0 and p3 are 0.005° and 0.0051° away (10.01 and 10.21 min): undiscounted
    expect(Array.from(pointValue)).toEqual([10, 20, 2.5, 7, 3, 4]);
  });

  it("applies no discount when the scenario gives none", () => {
    const base = tinyScenario();
    if (base.demand.kind !== "points") throw new Error("fixture");
    const { careBlockDiscount: _, ...rules } = base.demand.coverage;
    const scenario = tinyScenario({ demand: { ...base.demand, coverage: rules } });
    expect(computeCoverage(scenario).pointValue[1]).toBe(40);
  });

  it("widens coverage when the rural catchment grows", () => {
    const base = tinyScenario();
    if (base.demand.kind !== "points") throw new Error("fixture");
    const scenario = tinyScenario({
      demand: { ...base.demand, coverage: { ...base.demand.coverage, catchmentMinutes: { urban: 20, rural: 33 } } },
    });
    expect(Array.from(computeCoverage(scenario).stopPoints[0]!)).toEqual([0, 1, 2, 4, 5]);
  });

  it("gives one pseudo-point per stop in the scores form", () => {
    const scenario = parseScenario({
      ...tinyScenario(),
      demand: { kind: "scores", scores: [{ stopId: "s1", score: 7 }] },
    });
    const coverage = computeCoverage(scenario);
    expect(coverage.stopPoints.map((s) => Array.from(s))).toEqual([[0], [1]]);
    expect(Array.from(coverage.pointValue)).toEqual([0, 7]);
  });

  it("agrees with a brute-force scan on many random points", () => {
    // deterministic pseudo-random points around the stops (LCG), checked pair by pair
    const rand = lcg(12345);
    const base = tinyScenario();
    if (base.demand.kind !== "points") throw new Error("fixture");
    const points = Array.from({ length: 2000 }, (_, i) => ({
      lat: 4.6 + (rand() - 0.5) * 0.08,
      lon: -74.1 + (rand() - 0.5) * 0.08,
      caregivers: 1,
      locality: "X",
      zone: i % 3 === 0 ? ("rural" as const) : ("urban" as const),
    }));
    const scenario = tinyScenario({ demand: { ...base.demand, points } });
    const coverage = computeCoverage(scenario);
    const rules = base.demand.coverage;
    const R = 6371.0088;
    const rad = Math.PI / 180;
    scenario.stops.forEach((stop, s) => {
      const expected = points.flatMap((p, i) => {
        const h =
          Math.sin(((p.lat - stop.lat) * rad) / 2) ** 2 +
          Math.cos(p.lat * rad) * Math.cos(stop.lat * rad) * Math.sin(((p.lon - stop.lon) * rad) / 2) ** 2;
        const km = 2 * R * Math.asin(Math.sqrt(h));
        const minutes = ((km * rules.detourFactor) / rules.walkingSpeedKmh) * 60;
        return minutes <= rules.catchmentMinutes[p.zone] ? [i] : [];
      });
      expect(Array.from(coverage.stopPoints[s]!)).toEqual(expected);
      expect(expected.length).toBeGreaterThan(10);
    });
  });
});

describe("coverageByStop", () => {
  it("sums raw caregivers per stop and per locality", () => {
    const scenario = tinyScenario();
    const rows = coverageByStop(scenario, computeCoverage(scenario));
    expect(rows).toEqual([
      {
        stopId: "s0",
        caregivers: POINTS[0].caregivers + POINTS[1].caregivers + POINTS[2].caregivers + POINTS[4].caregivers,
        byLocality: { Kennedy: 30, Bosa: 5, Usme: 3 },
      },
      { stopId: "s1", caregivers: 4, byLocality: { Usme: 4 } },
    ]);
  });
});
