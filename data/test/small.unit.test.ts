/**
 * The hand-made small example (data/examples/small.json) used by the README and other tests:
 * it must stay valid and keep the shape the README describes.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { serviceDates, summarizeScenario, validateScenario, type Scenario } from "@carebus/model";
import { isStopServable } from "../scripts/servability.js";

const text = readFileSync(new URL("../examples/small.json", import.meta.url), "utf8");
const small = JSON.parse(text) as Scenario;

describe("data/examples/small.json", () => {
  it("validates without a single issue", () => {
    expect(validateScenario(JSON.parse(text))).toEqual([]);
  });

  it("has 12 stops (9 urban, 3 rural), one urban and one rural bus, and three service days", () => {
    const summary = summarizeScenario(small);
    expect(summary.stopsByZone).toEqual({ urban: 9, rural: 3 });
    expect(summary.busesByKind).toEqual({ rural: 1, urban: 1 });
    expect(serviceDates(small.horizon)).toEqual(["2026-11-30", "2026-12-01", "2026-12-02"]);
    expect(small.demand.kind).toBe("points");
    expect(summary.demandPoints).toBeGreaterThanOrEqual(20);
  });

  it("lets its bus serve every stop", () => {
    if (small.travel?.provider !== "estimate") throw new Error("small.json should use the estimate provider");
    const travel = { urbanSpeedKmh: 20, ruralSpeedKmh: 25, detourFactor: 1.3, accessMinutes: 5, ...small.travel };
    const weekdays = small.horizon.weekdays ?? [];
    const unservable = small.stops.filter((s) => !isStopServable(s, small.buses, small.depots, travel, weekdays));
    expect(unservable.map((s) => s.id)).toEqual([]);
  });
});
