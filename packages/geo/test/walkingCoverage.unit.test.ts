import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { computeCoverage, readGeoJsonNetwork, WALKABLE_HIGHWAYS, WalkingNetwork } from "@carebus/geo";
import { tinyScenario } from "./tinyScenario.js";

// the grid fixture (makeGridNetwork.ts): Calle c × Carrera k; streets ≈ 100 m apart
// (0.0009° of latitude = 100.08 m; of longitude at 4.6° ≈ 99.75 m); the footway "Sendero
// Peatonal" runs diagonally from Calle 2 × Carrera 2 to Calle 3 × Carrera 3 (≈ 141 m).
const at = (calle: number, carrera: number) => ({
  lat: 4.6 + (calle - 1) * 0.0009,
  lon: -74.08 - (carrera - 1) * 0.0009,
});
const ways = readGeoJsonNetwork(
  readFileSync(new URL("./fixtures/grid.geojson", import.meta.url), "utf8"),
  "grid",
  WALKABLE_HIGHWAYS,
);
const walking = new WalkingNetwork(ways);

/** Walking 100 m a minute (6 km/h), 3.1 minutes urban (310 m), 5 minutes rural (500 m). */
function gridScenario(points: Array<{ lat: number; lon: number; zone?: "urban" | "rural" }>) {
  const base = tinyScenario();
  if (base.demand.kind !== "points") throw new Error("fixture");
  return tinyScenario({
    stops: [{ ...base.stops[0]!, ...at(2, 2) }],
    demand: {
      kind: "points",
      points: points.map((p, i) => ({
        lat: p.lat,
        lon: p.lon,
        caregivers: i + 1,
        locality: "X",
        zone: p.zone ?? "urban",
      })),
      coverage: {
        ...base.demand.coverage,
        catchmentMinutes: { urban: 3.1, rural: 5 },
        walkingSpeedKmh: 6,
        detourFactor: 1,
      },
      careBlocks: [],
    },
  });
}

describe("walking coverage over a street and path network", () => {
  const points = [
    at(2, 5), // 0: 3 blocks along Calle 2 ≈ 299 m: covered
    at(3, 4), // 1: footway 141 m + 1 block ≈ 241 m: covered
    at(4, 4), // 2: straight line 283 m, but ≥ 341 m on foot: covered only by the straight line
    { ...at(4, 4), zone: "rural" as const }, // 3: 341 m ≤ 500 m rural: covered
    { lat: at(2, 3).lat + 0.00027, lon: at(2, 3).lon }, // 4: 30 m off Calle 2 × Carrera 3: 99.75 + 30 m
    at(2, 6), // 5: 4 blocks ≈ 399 m: not covered
  ];

  it("follows the streets and the footway, not the straight line", () => {
    const scenario = gridScenario(points);
    expect(Array.from(computeCoverage(scenario, { walkingNetwork: walking }).stopPoints[0]!)).toEqual([0, 1, 3, 4]);
    // the same scenario with straight-line walking (detour 1) also covers point 2
    expect(Array.from(computeCoverage(scenario).stopPoints[0]!)).toEqual([0, 1, 2, 3, 4]);
  });

  it("ignores one-way streets and the roundabout's direction when walking", () => {
    // Calle 3 is one-way eastbound for cars; walkers go west along it from Carrera 2
    const scenario = gridScenario([at(3, 2), at(3, 4)]);
    const stop = { ...scenario.stops[0]!, ...at(3, 2) };
    const covered = computeCoverage({ ...scenario, stops: [stop] }, { walkingNetwork: walking });
    expect(Array.from(covered.stopPoints[0]!)).toEqual([0, 1]);
  });

  it("measures Care Block areas along the network too", () => {
    const base = gridScenario(points);
    if (base.demand.kind !== "points") throw new Error("fixture");
    const scenario = {
      ...base,
      demand: {
        ...base.demand,
        coverage: { ...base.demand.coverage, careBlockMinutes: 3.1, careBlockDiscount: 0.5 },
        careBlocks: [{ id: "mc", name: "MC", ...at(2, 2) }],
      },
    };
    const { pointValue } = computeCoverage(scenario, { walkingNetwork: walking });
    // points 0, 1 and 4 are within 310 m on foot; 2, 3 (341 m) and 5 (399 m) are not
    expect(Array.from(pointValue)).toEqual([0.5, 1, 3, 4, 2.5, 6]);
  });
});
