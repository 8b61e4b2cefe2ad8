import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  createTravelProvider,
  DEFAULT_ROAD_SPEEDS_KMH,
  haversineKm,
  instructionText,
  readGeoJsonNetwork,
  RoadNetwork,
} from "@carebus/geo";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const ways = readGeoJsonNetwork(readFileSync(`${fixtures}grid.geojson`, "utf8"));
const network = new RoadNetwork(ways);

// the fixture's layout (makeGridNetwork.ts): Calle c × Carrera k
const at = (calle: number, carrera: number, name = `Calle ${calle} × Carrera ${carrera}`) => ({
  lat: Math.round((4.6 + (calle - 1) * 0.0009) * 1e7) / 1e7,
  lon: Math.round((-74.08 - (carrera - 1) * 0.0009) * 1e7) / 1e7,
  name,
});
const ISLAND = { lat: 4.6, lon: -74.062, name: "Calle Aislada" };

describe("road-graph provider on the grid fixture", () => {
  it("drives a one-way street only its way and detours the other way", async () => {
    const a = at(3, 6);
    const b = at(3, 2); // east of a; Calle 3 runs eastbound only
    const m = await network.matrix([a, b]);
    const straight = haversineKm(a, b);
    expect(m.km[1]).toBeCloseTo(straight, 6);
    expect(m.minutes[1]).toBeCloseTo((straight / DEFAULT_ROAD_SPEEDS_KMH.residential!) * 60, 6);
    expect(m.km[2]!).toBeGreaterThan(straight + 0.15); // round a block at least
    expect(m.unreachable).toEqual([]);
  });

  it("times a primary road at its class speed under its 60 km/h limit", async () => {
    const a = at(1, 1);
    const b = at(4, 1); // both on Carrera 1 (primary)
    const m = await network.matrix([a, b]);
    expect(m.minutes[1]).toBeCloseTo((haversineKm(a, b) / DEFAULT_ROAD_SPEEDS_KMH.primary!) * 60, 6);
    // shared, so the bound's worker thread reads the solve's matrix without a copy
    expect(m.minutes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it("adds the straight stretch from an off-road place to its road node", async () => {
    const a = at(2, 2);
    const off = { lat: a.lat + 0.0002, lon: a.lon + 0.0004 }; // between streets, nearest node a
    const m = await network.matrix([a, off]);
    expect(m.km[1]).toBeCloseTo(haversineKm(a, off), 6);
    expect(m.minutes[1]).toBeGreaterThan(0);
  });

  it("reports a place on a separate network as unreachable, with Infinity and never 0", async () => {
    const places = [at(1, 1), ISLAND, at(8, 8)];
    const m = await network.matrix(places);
    for (const [i, j] of [
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
    ] as const) {
      expect(m.minutes[i * 3 + j]).toBe(Infinity);
      expect(m.km[i * 3 + j]).toBe(Infinity);
    }
    expect(m.unreachable).toEqual([
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
    ]);
    expect(Number.isFinite(m.minutes[2])).toBe(true);
  });

  it("gives places snapped to the same node their own connectors", async () => {
    const a = at(6, 6);
    const near = { lat: a.lat + 0.0001, lon: a.lon };
    const far = at(1, 2);
    const m = await network.matrix([a, near, far]);
    expect(m.km[1]).toBeCloseTo(haversineKm(a, near), 6);
    expect(m.km[1 * 3 + 2]).toBeCloseTo(m.km[2]! + haversineKm(a, near), 6);
  });

  it("routes through the roundabout with OSRM-shaped steps whose distances add up", async () => {
    const from = at(5, 4);
    const to = at(5, 6, "Parque Calle 5");
    const [leg] = await network.route([from, to]);
    expect(leg!.steps.map((s) => s.maneuver.type)).toEqual(["depart", "roundabout", "arrive"]);
    expect(leg!.steps[1]!.maneuver.exit).toBe(2); // counter-clockwise: Carrera 5 north, then Calle 5 west
    expect(instructionText("en", leg!.steps[1]!, 0, 1)).toBe("Enter the roundabout and take the 2nd exit onto Calle 5");
    expect(instructionText("es", leg!.steps[1]!, 0, 1)).toBe("Entra en la rotonda y toma la 2ª salida por Calle 5");
    const total = leg!.steps.reduce((s, step) => s + step.distance, 0);
    expect(total).toBeCloseTo(leg!.distanceM, 6);
    expect(leg!.coordinates[0]).toEqual([from.lon, from.lat]);
    expect(leg!.coordinates[leg!.coordinates.length - 1]).toEqual([to.lon, to.lat]);
  });

  it("names the turns of a route across the grid", async () => {
    const legs = await network.route([at(2, 8), at(2, 1, "Centro de Salud")]);
    const texts = legs[0]!.steps.map((s) => instructionText("en", s, 0, 1, "Centro de Salud"));
    expect(texts[0]).toMatch(/^Head (south|east) on /);
    expect(texts.filter((t) => t.startsWith("Turn"))).not.toHaveLength(0);
    expect(texts[texts.length - 1]).toMatch(/^You have arrived at Centro de Salud/);
  });

  it("loads a network file relative to the scenario folder through createTravelProvider", async () => {
    for (const file of ["grid.osm", "grid.osm.pbf", "grid.geojson"]) {
      const provider = createTravelProvider({ provider: "road-graph", file }, { baseDir: fixtures });
      expect(provider.name).toBe("road-graph");
      const m = await provider.matrix([at(3, 6), at(3, 2)]);
      expect(m.km[1]).toBeCloseTo(haversineKm(at(3, 6), at(3, 2)), 6);
    }
  });

  it("fails with a GeoError naming the file when it is missing", async () => {
    const provider = createTravelProvider({ provider: "road-graph", file: "missing.osm" }, { baseDir: fixtures });
    await expect(provider.matrix([at(1, 1), at(2, 2)])).rejects.toMatchObject({
      code: "CAREBUS_GEO_UNAVAILABLE",
      message: expect.stringContaining("missing.osm"),
    });
  });

  it("treats a place far from every road as unreachable instead of inventing a straight road", async () => {
    const outside = { lat: 4.64, lon: -74.08, name: "Fuera del mapa" }; // ≈ 3.5 km north of the grid
    const m = await network.matrix([at(1, 1), outside]);
    expect(m.unreachable).toEqual([
      [0, 1],
      [1, 0],
    ]);
    await expect(network.route([at(1, 1), outside])).rejects.toMatchObject({
      code: "CAREBUS_GEO_UNREACHABLE_STOP",
      message: expect.stringContaining("Fuera del mapa is 3."),
    });
    const lenient = new RoadNetwork(ways, { maxSnapKm: 5 });
    expect((await lenient.matrix([at(1, 1), outside])).unreachable).toEqual([]);
  });

  it("refuses to route to a place it cannot reach", async () => {
    await expect(network.route([at(1, 1), ISLAND])).rejects.toMatchObject({ code: "CAREBUS_GEO_UNREACHABLE_STOP" });
  });
});
