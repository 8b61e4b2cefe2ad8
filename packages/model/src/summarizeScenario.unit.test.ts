import { describe, expect, it } from "vitest";
import { canonicalJson, formatSummary, scenarioHash, summarizeScenario } from "./index.js";
import { validSmallScenario } from "../test/validSmall.js";

describe("summarizeScenario", () => {
  it("counts stops, buses, caregivers and service days of the fixture", () => {
    const summary = summarizeScenario(validSmallScenario());
    expect(summary).toMatchObject({
      id: "model-valid-small",
      timeZone: "America/Bogota",
      firstDate: "2026-11-23",
      lastDate: "2026-11-25",
      calendarDays: 3,
      serviceDates: ["2026-11-23", "2026-11-24", "2026-11-25"],
      holidaysSkipped: [],
      depots: 1,
      stops: 5,
      stopsByZone: { urban: 3, rural: 2 },
      stopsByLocality: { Bosa: 1, "Ciudad Bolívar": 1, Kennedy: 1, Suba: 1, Usme: 1 },
      buses: 2,
      busesByKind: { rural: 1, urban: 1 },
      demandKind: "points",
      demandPoints: 5,
      caregivers: 120 + 95.5 + 30 + 18 + 140,
      caregiversByLocality: { Bosa: 120, "Ciudad Bolívar": 18, Kennedy: 95.5, Suba: 140, Usme: 30 },
      careBlocks: 1,
    });
  });

  it("names the holidays it skips and the excluded dates", () => {
    const scenario = validSmallScenario();
    scenario.horizon = { startDate: "2026-12-07", days: 4, excludedDates: ["2026-12-10"] };
    const summary = summarizeScenario(scenario);
    expect(summary.serviceDates).toEqual(["2026-12-07", "2026-12-09"]);
    expect(summary.holidaysSkipped).toEqual([
      { date: "2026-12-08", name: expect.stringMatching(/inmaculada/i) as unknown as string },
    ]);
    expect(summary.excludedSkipped).toEqual(["2026-12-10"]);
    expect(formatSummary(summary)).toMatch(
      /2 service days; holidays skipped: 2026-12-08 .*[Ii]nmaculada.*; excluded: 2026-12-10/,
    );
  });

  it("adds up scores in the scores form", () => {
    const scenario = validSmallScenario();
    scenario.demand = {
      kind: "scores",
      scores: [
        { stopId: "bosa-centro", score: 10 },
        { stopId: "suba-rincon", score: 2.5 },
      ],
    };
    const summary = summarizeScenario(scenario);
    expect(summary).toMatchObject({
      demandKind: "scores",
      caregivers: 12.5,
      demandPoints: 0,
      caregiversByLocality: {},
      careBlocks: 0,
    });
    expect(formatSummary(summary)).toMatch(/demand: scores for the stops, total score 12\.5/);
  });

  it("prints a short summary", () => {
    const lines = formatSummary(summarizeScenario(validSmallScenario())).split("\n");
    expect(lines).toEqual([
      'scenario model-valid-small "Model tests: two buses, five stops, three days": valid',
      "horizon: 2026-11-23 … 2026-11-25 (America/Bogota), 3 service days; holidays skipped: none",
      "stops: 5 (urban 3, rural 2) in 5 localities",
      "buses: 2 (rural 1, urban 1) from 1 depot",
      "demand: 5 points, 403.5 caregivers, 1 Care Block",
    ]);
  });
});

describe("scenarioHash", () => {
  it("is a sha256 hex digest", () => {
    expect(scenarioHash(validSmallScenario())).toMatch(/^[0-9a-f]{64}$/);
  });

  it("ignores key order and formatting", () => {
    const scenario = validSmallScenario();
    const reordered = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(scenario).reverse()), null, 2),
    ) as typeof scenario;
    reordered.horizon = Object.fromEntries(Object.entries(scenario.horizon).reverse()) as typeof scenario.horizon;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(scenario));
    expect(scenarioHash(reordered)).toBe(scenarioHash(scenario));
  });

  it("changes with any value", () => {
    const scenario = validSmallScenario();
    const changed = validSmallScenario();
    changed.stops[4]!.dwellMinutes += 1;
    expect(scenarioHash(changed)).not.toBe(scenarioHash(scenario));
  });

  it("writes canonical JSON with sorted keys and no undefined fields", () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: "x", c: undefined }], é: 2 })).toBe(
      '{"a":[true,null,{"d":"x"}],"b":1,"é":2}',
    );
  });
});
