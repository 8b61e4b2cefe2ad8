import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { addDirections, createEstimateProvider, planToGeoJson, type Place } from "@carebus/geo";
import { validatePlan } from "@carebus/model";
import { tinyPlan, tinyScenario } from "./tinyScenario.js";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

describe("addDirections", () => {
  it("gives each estimate leg a straight line and a depart/arrive pair, in English", async () => {
    const scenario = tinyScenario();
    const plan = tinyPlan(scenario);
    const withDirections = await addDirections(plan, scenario, { lang: "en" });
    expect(plan.routes[0]!.directions).toBeUndefined(); // the input plan is not changed
    const route = withDirections.routes[0]!;
    expect(route.directions!.map((d) => d.steps.map((s) => s.text))).toEqual([
      ["Head north", "You have arrived at Parque Cero"],
      ["Head north", "You have arrived at Vereda Uno"],
      ["Head south", "You have arrived at Base"],
    ]);
    const geometry = route.geometry as {
      type: string;
      features: Array<{
        properties: { from: string; to: string };
        geometry: { type: string; coordinates: number[][] };
      }>;
    };
    expect(geometry.type).toBe("FeatureCollection");
    expect(geometry.features.map((f) => [f.properties.from, f.properties.to, f.geometry.coordinates.length])).toEqual([
      ["d1", "s0", 2],
      ["s0", "s1", 2],
      ["s1", "d1", 2],
    ]);
    // distances come from the scenario's estimate settings (the defaults here)
    const [depot, s0] = [scenario.depots[0]!, scenario.stops[0]!];
    const places: Place[] = [{ ...depot }, { ...s0, zone: s0.zone }];
    const m = await createEstimateProvider().matrix(places);
    expect(route.directions![0]!.steps[0]!.distanceM).toBeCloseTo(m.km[1]! * 1000, 0);
    expect(validatePlan(withDirections)).toEqual([]);
  });

  it("speaks Spanish (es-ES)", async () => {
    const scenario = tinyScenario();
    const plan = await addDirections(tinyPlan(scenario), scenario, { lang: "es" });
    expect(plan.routes[0]!.directions![0]!.steps.map((s) => s.text)).toEqual([
      "Dirígete al norte",
      "Has llegado a Parque Cero",
    ]);
  });

  it("follows the roads of a road-graph scenario, turn by turn", async () => {
    // stops and depot placed on the grid fixture: Calle 2 × Carrera 8 and Calle 7 × Carrera 2
    const base = tinyScenario();
    const scenario = tinyScenario({
      depots: [{ id: "d1", name: "Base", lat: 4.6, lon: -74.08 }],
      stops: [
        { ...base.stops[0]!, lat: 4.6009, lon: -74.0863 },
        { ...base.stops[1]!, lat: 4.6054, lon: -74.0809 },
      ],
      travel: { provider: "road-graph", file: "grid.geojson" },
    });
    const plan = await addDirections(tinyPlan(scenario), scenario, { lang: "en", baseDir: fixtures });
    const legs = plan.routes[0]!.directions!;
    for (const leg of legs) {
      expect(leg.steps[0]!.text).toMatch(/^Head \w+ on (Calle|Carrera) \d/);
      expect(leg.steps[leg.steps.length - 1]!.text).toMatch(/^You have arrived/);
      expect(leg.steps.length).toBeGreaterThanOrEqual(3); // no grid pair here is on one street
    }
    const features = (plan.routes[0]!.geometry as { features: Array<{ geometry: { coordinates: number[][] } }> })
      .features;
    expect(features.every((f) => f.geometry.coordinates.length > 2)).toBe(true);
  });

  it("leaves an empty route with no legs", async () => {
    const scenario = tinyScenario();
    const plan = tinyPlan(scenario);
    plan.routes[0]!.visits = [];
    const out = await addDirections(plan, scenario, { lang: "en" });
    expect(out.routes[0]!.directions).toEqual([]);
  });

  it("names a stop the scenario lacks", async () => {
    const scenario = tinyScenario();
    const plan = tinyPlan(scenario);
    plan.routes[0]!.visits[0]!.stopId = "ghost";
    await expect(addDirections(plan, scenario, { lang: "en" })).rejects.toMatchObject({
      code: "CAREBUS_GEO_UNREACHABLE_STOP",
      message: expect.stringContaining('"ghost"'),
    });
  });
});

describe("planToGeoJson", () => {
  it("lists every stop with its coverage and visits, the depots, and one line per bus-day", () => {
    const scenario = tinyScenario();
    const plan = tinyPlan(scenario);
    plan.routes[0]!.visits.pop(); // s1 left unvisited
    const fc = planToGeoJson(plan, scenario);
    const stops = fc.features.filter((f) => f.properties.kind === "stop");
    expect(stops.map((f) => [f.properties.stopId, f.properties.visited, f.properties.caregivers])).toEqual([
      ["s0", true, 38],
      ["s1", false, 4],
    ]);
    expect(stops[0]!.properties.visits).toEqual([
      { busId: "b1", date: "2026-11-30", serviceStart: "2026-11-30T08:00:00-05:00" },
    ]);
    expect(stops[0]!.properties.byLocality).toEqual({ Kennedy: 30, Bosa: 5, Usme: 3 });
    expect(fc.features.filter((f) => f.properties.kind === "depot")).toHaveLength(1);
    const routes = fc.features.filter((f) => f.properties.kind === "route");
    expect(routes).toHaveLength(1);
    expect(routes[0]!.properties).toMatchObject({ busId: "b1", date: "2026-11-30", stops: ["s0"] });
    expect(routes[0]!.geometry).toEqual({
      type: "LineString",
      coordinates: [
        [-74.1, 4.59],
        [-74.1, 4.6],
        [-74.1, 4.59],
      ],
    });
  });

  it("draws the road geometry when directions were added", async () => {
    const scenario = tinyScenario({ travel: { provider: "road-graph", file: "grid.geojson" } });
    const moved = tinyScenario({
      ...scenario,
      depots: [{ id: "d1", name: "Base", lat: 4.6, lon: -74.08 }],
      stops: scenario.stops.map((s, i) => ({ ...s, lat: 4.6009 + i * 0.0045, lon: -74.0863 + i * 0.0054 })),
    });
    const plan = await addDirections(tinyPlan(moved), moved, { lang: "en", baseDir: fixtures });
    const line = planToGeoJson(plan, moved).features.find((f) => f.properties.kind === "route")!;
    expect(line.geometry.type).toBe("LineString");
    expect((line.geometry.coordinates as number[][]).length).toBeGreaterThan(4);
  });
});
