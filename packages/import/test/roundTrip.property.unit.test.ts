import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { Scenario } from "@carebus/model";
import { validateScenario } from "@carebus/model";
import { arbSmallScenario } from "@carebus/testkit";
import { exportScenario, importScenario } from "../src/index.js";

const RUNS = { seed: 14, numRuns: 60 };

/** The exported files read back by the importer. */
function reimport(scenario: Scenario): Scenario {
  const files = exportScenario(scenario);
  const file = (name: string) => ({ name, text: files[name]! });
  return importScenario({
    stops: file("stops.csv"),
    demand: file("demand.csv"),
    depots: file("depots.csv"),
    buses: file("buses.csv"),
    settings: file("settings.json"),
    ...(files["care-blocks.csv"] ? { careBlocks: file("care-blocks.csv") } : {}),
  });
}

/** Text a planner might type: accents, quotes, the CSV separators and line breaks, never empty or padded. */
const plannerText = fc
  .string({ unit: fc.constantFrom(..."aeñóÜ ,;\"'\nxyz-ABC#1"), minLength: 1, maxLength: 12 })
  .map((t) => t.trim())
  .filter((t) => t.length > 0);
const listItem = plannerText.filter((t) => !t.includes("|"));
const coordinate = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** A small scenario with every optional field a file can carry. */
const arbRichScenario = fc
  .record({
    base: arbSmallScenario(),
    names: fc.array(plannerText, { minLength: 8, maxLength: 8 }),
    services: fc.array(fc.option(fc.array(listItem, { minLength: 1, maxLength: 3 }), { nil: undefined }), {
      minLength: 8,
      maxLength: 8,
    }),
    neighbourhood: fc.option(plannerText, { nil: undefined }),
    coordinates: fc.array(fc.tuple(coordinate(-60, 10), coordinate(-80, -30)), { minLength: 20, maxLength: 20 }),
    indicators: fc.array(
      fc.dictionary(fc.constantFrom("older", "rural", "poverty_rate"), fc.double({ min: 0, max: 5, noNaN: true })),
      { minLength: 12, maxLength: 12 },
    ),
    locale: fc.option(fc.constantFrom("es-CL", "es-CO", "en"), { nil: undefined }),
    holidays: fc.constantFrom("CO", "CL", "CL-LL", "none"),
    saturdayShift: fc.boolean(),
    pinFirst: fc.boolean(),
    careBlock: fc.option(plannerText, { nil: undefined }),
  })
  .map((r): Scenario => {
    const s = structuredClone(r.base);
    s.locale = r.locale;
    if (s.locale === undefined) delete s.locale;
    s.description = r.names[0]!;
    s.horizon.holidays = r.holidays;
    s.horizon.timeZone = "America/Santiago";
    s.depots[0]!.name = r.names[1]!;
    s.buses.forEach((b, i) => {
      b.name = r.names[2 + i]!;
      if (r.saturdayShift) b.shifts = { sat: { start: "09:00", end: "13:00" } };
    });
    s.stops.forEach((stop, i) => {
      stop.name = r.names[i % 8]!;
      const [lat, lon] = r.coordinates[i]!;
      stop.lat = lat;
      stop.lon = lon;
      const services = r.services[i];
      if (services) stop.services = services;
      if (r.neighbourhood) stop.neighbourhood = r.neighbourhood;
    });
    if (r.pinFirst)
      s.stops[0]!.pinned = [{ busId: s.buses[0]!.id, date: "2026-11-23", start: s.stops[0]!.timeWindows[0]!.start }];
    if (s.demand.kind === "points") {
      s.demand.points.forEach((p, i) => {
        const indicators = r.indicators[i]!;
        if (Object.keys(indicators).length > 0) p.indicators = indicators;
        const [lat, lon] = r.coordinates[8 + i]!;
        p.lat = lat;
        p.lon = lon;
        p.caregivers += 0.25 * (i % 3);
        if (i % 2) p.weight = 1.5;
      });
      const carried = new Set(s.demand.points.flatMap((p) => Object.keys(p.indicators ?? {})));
      if (carried.size > 0)
        s.demand.priority = { weights: Object.fromEntries([...carried].map((k, i) => [k, i + 1])), maxWeight: 3 };
      if (r.careBlock)
        s.demand.careBlocks = [{ id: "cb-1", name: r.careBlock, lat: -41.4, lon: -72.9, locality: r.careBlock }];
    }
    return s;
  })
  .filter((s) => validateScenario(s).length === 0);

describe("export-scenario then import (issue 14)", () => {
  test("gives back the testkit's random scenarios unchanged", () =>
    fc.assert(
      fc.property(arbSmallScenario(), (scenario) => {
        expect(reimport(scenario)).toEqual(scenario);
      }),
      RUNS,
    ));

  test("gives back every optional field, awkward text and full-precision number", () =>
    fc.assert(
      fc.property(arbRichScenario, (scenario) => {
        expect(reimport(scenario)).toEqual(scenario);
      }),
      RUNS,
    ));
});
