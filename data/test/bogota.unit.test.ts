/**
 * The committed Bogotá scenario: generated (never hand-edited), valid, and faithful to the
 * facts it was built from. Expected figures are recomputed here from the published numbers
 * (population, 52.2 % women, 30 % full-time carers, 14 % homebound), not read back from the
 * builder, so a slip in the builder's arithmetic shows up as a failure.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { serviceDates, summarizeScenario, validateScenario, type Scenario } from "@carebus/model";
import { bogotaScenarioText, BOGOTA_DEPOTS, BOGOTA_TRAVEL, urbanRadiusKm } from "../scripts/buildBogota.js";
import {
  CARE_BLOCKS,
  EXTRA_RURAL_AREAS,
  LOCALITIES,
  NAMED_URBAN_SITES,
  URBAN_STOP_LOCALITIES,
  VEREDAS,
} from "../scripts/bogotaFacts.js";
import { distanceKm } from "../scripts/geometry.js";
import { UPZ_REFERENCE_POINTS } from "../scripts/upzReferencePoints.js";
import { isStopServable } from "../scripts/servability.js";

const committedText = readFileSync(new URL("../bogota/scenario.json", import.meta.url), "utf8");
const scenario = JSON.parse(committedText) as Scenario;
const points = scenario.demand.kind === "points" ? scenario.demand.points : [];
const CAREGIVER_RATE = 0.522 * 0.3 * (1 - 0.14);
const RURAL_LOCALITY_NAMES = ["Sumapaz", "Usme", "Ciudad Bolívar", "Chapinero", "Santa Fe"];

describe("data/bogota/scenario.json", () => {
  it("is exactly what scripts/buildBogota.ts builds now", () => {
    const built = bogotaScenarioText();
    expect(JSON.parse(built)).toEqual(scenario);
    expect(built).toBe(committedText);
  });

  it("builds the same bytes twice in one process", () => {
    expect(bogotaScenarioText()).toBe(bogotaScenarioText());
  });

  it("issue 12: names every stop's neighbourhood from the cited lists (UPZ, vereda, basin, named site)", () => {
    const localityName = new Map(LOCALITIES.map((l) => [l.slug, l.name]));
    const upzOf = new Map<string, Set<string>>();
    for (const upz of UPZ_REFERENCE_POINTS) {
      const name = localityName.get(upz.locality)!;
      upzOf.set(name, (upzOf.get(name) ?? new Set()).add(upz.name));
    }
    const sites = new Set(NAMED_URBAN_SITES.map((s) => s.neighbourhood));
    const rural = new Set([...VEREDAS.map((v) => `vereda ${v.name}`), ...EXTRA_RURAL_AREAS.map((a) => a.label)]);
    for (const stop of scenario.stops) {
      const known = stop.zone === "urban" ? (upzOf.get(stop.locality)?.has(stop.neighbourhood ?? "") ?? false) : false;
      expect(known || sites.has(stop.neighbourhood ?? "") || rural.has(stop.neighbourhood ?? ""), stop.id).toBe(true);
    }
    // the places caregivers search for (issue 12) are among them
    const names = new Set(scenario.stops.map((s) => s.neighbourhood));
    for (const name of ["Patio Bonito", "El Porvenir"]) expect(names.has(name), name).toBe(true);
  });

  it("issue 12: publishes service starts on the quarter hour, in Colombian Spanish", () => {
    expect(scenario.options?.timeGrid).toBe(15);
    expect(scenario.locale).toBe("es-CO");
  });

  it("validates without a single issue", () => {
    expect(validateScenario(JSON.parse(committedText))).toEqual([]);
  });

  it("carries the caregivers computed from the facts, in total and per locality", () => {
    const summary = summarizeScenario(scenario);
    let expectedTotal = 0;
    for (const l of LOCALITIES) {
      const expected = Math.round(l.urbanPopulation * CAREGIVER_RATE) + Math.round(l.ruralPopulation * CAREGIVER_RATE);
      expectedTotal += expected;
      expect(summary.caregiversByLocality[l.name], l.name).toBe(expected);
      const population = l.urbanPopulation + l.ruralPopulation;
      // proportional to population: off only by the rounding of at most two parts
      expect(Math.abs(expected - population * CAREGIVER_RATE), l.name).toBeLessThanOrEqual(1);
    }
    expect(summary.caregivers).toBe(expectedTotal);
    expect(Object.keys(summary.caregiversByLocality)).toHaveLength(20);
  });

  it("uses the published population figures", () => {
    const byName = new Map(LOCALITIES.map((l) => [l.name, l]));
    expect(byName.get("Kennedy")?.urbanPopulation).toBe(987_731);
    expect(byName.get("Suba")?.urbanPopulation).toBe(1_113_416);
    expect(byName.get("Sumapaz")?.ruralPopulation).toBe(5_667);
    expect(byName.get("Usme")?.ruralPopulation).toBe(Math.round(51_203 * 0.34));
    const urbanTotal = LOCALITIES.reduce((s, l) => s + l.urbanPopulation, 0);
    expect(urbanTotal).toBe(7_134_442);
  });

  it("has 200–400 stops: the synthetic urban ones plus named sites, and one rural stop per named vereda plus the extra rural points", () => {
    const summary = summarizeScenario(scenario);
    const rural = VEREDAS.length + EXTRA_RURAL_AREAS.reduce((s, a) => s + a.count, 0);
    expect(summary.stopsByZone).toEqual({ urban: 270 + NAMED_URBAN_SITES.length, rural });
    expect(summary.stops).toBeGreaterThanOrEqual(200);
    expect(summary.stops).toBeLessThanOrEqual(400);
    for (const v of VEREDAS)
      expect(
        scenario.stops.some((s) => s.id === `r-${v.locality}-${v.slug}`),
        v.name,
      ).toBe(true);
    expect(new Set(scenario.stops.map((s) => s.id)).size).toBe(scenario.stops.length);
  });

  it("places rural stops only in the named rural localities, served only by rural buses", () => {
    for (const stop of scenario.stops.filter((s) => s.zone === "rural")) {
      expect(RURAL_LOCALITY_NAMES, stop.id).toContain(stop.locality);
      expect(stop.busKinds, stop.id).toEqual(["rural"]);
      expect(stop.id).toMatch(/^r-[a-z]+-[a-z0-9]+$/);
    }
  });

  it("places urban stops in the periphery localities, outside every Care Block's 20-minute walk", () => {
    const allowed = URBAN_STOP_LOCALITIES.map((slug) => LOCALITIES.find((l) => l.slug === slug)!.name);
    const blockKm = ((20 / 60) * 4) / 1.3;
    for (const stop of scenario.stops.filter((s) => s.zone === "urban")) {
      expect(allowed, stop.id).toContain(stop.locality);
      expect(stop.busKinds, stop.id).toContain("urban");
      if (NAMED_URBAN_SITES.some((n) => n.id === stop.id)) continue;
      expect(stop.id).toMatch(/^u-[a-z]+-\d{2}$/);
      for (const block of CARE_BLOCKS)
        expect(distanceKm(block, stop), `${stop.id} vs ${block.id}`).toBeGreaterThanOrEqual(blockKm);
    }
  });

  it("has 4 urban and 2 rural buses working Monday to Saturday", () => {
    expect(summarizeScenario(scenario).busesByKind).toEqual({ rural: 2, urban: 4 });
    for (const bus of scenario.buses) expect(bus.days).toEqual(["mon", "tue", "wed", "thu", "fri", "sat"]);
  });

  it("runs 6 service days in the week of Monday 2026-11-30, in Bogotá time, over a 20-week cycle", () => {
    expect(serviceDates(scenario.horizon)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
      "2026-12-03",
      "2026-12-04",
      "2026-12-05",
    ]);
    expect(scenario.horizon.timeZone).toBe("America/Bogota");
    expect(scenario.horizon.cycleWeeks).toBe(20);
  });

  it("lets some bus reach, serve and leave every stop within its shift", () => {
    const weekdays = scenario.horizon.weekdays ?? [];
    const unservable = scenario.stops.filter(
      (s) => !isStopServable(s, scenario.buses, BOGOTA_DEPOTS, BOGOTA_TRAVEL, weekdays),
    );
    expect(unservable.map((s) => s.id)).toEqual([]);
  });

  it("has several thousand demand points with unique ids, near their locality or vereda", () => {
    expect(points.length).toBeGreaterThanOrEqual(4000);
    expect(points.length).toBeLessThanOrEqual(6000);
    expect(new Set(points.map((p) => p.id)).size).toBe(points.length);
    const byName = new Map(LOCALITIES.map((l) => [l.name, l]));
    for (const p of points) {
      const locality = byName.get(p.locality)!;
      expect(Number.isInteger(p.caregivers) && p.caregivers > 0, p.id).toBe(true);
      if (p.zone === "urban") {
        expect(distanceKm(locality, p), p.id).toBeLessThanOrEqual(urbanRadiusKm(locality) + 0.01);
      } else {
        expect(RURAL_LOCALITY_NAMES, p.id).toContain(p.locality);
        const nearest = Math.min(
          ...scenario.stops.filter((s) => s.zone === "rural" && s.locality === p.locality).map((s) => distanceKm(s, p)),
        );
        expect(nearest, p.id).toBeLessThanOrEqual(3.01);
      }
    }
  });

  it("states the coverage rules and the estimate travel settings", () => {
    expect(scenario.demand.kind === "points" && scenario.demand.coverage).toEqual({
      catchmentMinutes: { urban: 20, rural: 45 },
      walkingSpeedKmh: 4,
      detourFactor: 1.3,
      visitValues: [1, 0.5, 0.25],
      careBlockMinutes: 20,
      careBlockDiscount: 0.5,
    });
    expect(scenario.travel).toEqual({
      provider: "estimate",
      urbanSpeedKmh: 20,
      ruralSpeedKmh: 25,
      detourFactor: 1.3,
      accessMinutes: 5,
    });
    expect(scenario.demand.kind === "points" && scenario.demand.careBlocks?.length).toBe(CARE_BLOCKS.length);
  });
});
