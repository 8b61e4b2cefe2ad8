import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { aggregateDemand, convexHull, stopRadius } from "./geometry.js";

const cross = (o: { lat: number; lon: number }, a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  (a.lon - o.lon) * (b.lat - o.lat) - (a.lat - o.lat) * (b.lon - o.lon);

describe("convexHull", () => {
  it("drops the points inside a square and keeps its corners", () => {
    const square = [
      { lat: 0, lon: 0 },
      { lat: 0, lon: 2 },
      { lat: 2, lon: 2 },
      { lat: 2, lon: 0 },
      { lat: 1, lon: 1 },
      { lat: 0.5, lon: 1.5 },
      { lat: 0, lon: 1 },
    ];
    const hull = convexHull(square);
    expect(hull).toHaveLength(4);
    expect(new Set(hull.map((p) => `${p.lat},${p.lon}`))).toEqual(new Set(["0,0", "0,2", "2,2", "2,0"]));
  });

  it("keeps every point on or inside the hull, which turns one way only", () => {
    const point = fc.record({ lat: fc.integer({ min: -50, max: 50 }), lon: fc.integer({ min: -50, max: 50 }) });
    fc.assert(
      fc.property(fc.array(point, { minLength: 3, maxLength: 40 }), (points) => {
        const hull = convexHull(points);
        if (hull.length < 3) return; // all collinear or duplicates
        for (let i = 0; i < hull.length; i++) {
          const a = hull[i]!;
          const b = hull[(i + 1) % hull.length]!;
          for (const p of points) expect(cross(a, b, p)).toBeGreaterThanOrEqual(0);
        }
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe("aggregateDemand", () => {
  it("sums caregivers per cell and keeps the total", () => {
    const points = [
      { lat: 4.601, lon: -74.081, caregivers: 10 },
      { lat: 4.609, lon: -74.089, caregivers: 5 },
      { lat: 4.615, lon: -74.081, caregivers: 7 },
      { lat: 4.615, lon: -74.081, caregivers: 0 },
    ];
    const cells = aggregateDemand(points, 0.01);
    expect(cells).toHaveLength(2);
    expect(cells.map((c) => c.caregivers).sort((a, b) => a - b)).toEqual([7, 15]);
    const big = cells.find((c) => c.caregivers === 15)!;
    expect(big.south).toBeLessThanOrEqual(4.601);
    expect(big.north).toBeGreaterThan(4.609);
  });

  it("rejects a cell size that is not positive", () => {
    expect(() => aggregateDemand([], 0)).toThrow(/cellDeg/);
  });
});

describe("stopRadius", () => {
  it("grows with the value between 3 and 11 pixels", () => {
    expect(stopRadius(0, 100)).toBe(3);
    expect(stopRadius(100, 100)).toBe(11);
    expect(stopRadius(25, 100)).toBe(7);
    expect(stopRadius(10, 0)).toBe(3);
  });
});
