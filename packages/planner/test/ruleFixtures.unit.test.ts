/**
 * The named rule fixtures of @carebus/testkit, each with its hand-computed answer, through
 * buildInstance, then the exact method and the search engine, both judged by the checker.
 */
import { describe, expect, it } from "vitest";
import { SCENARIO_FIXTURES, type ScenarioFixture } from "@carebus/testkit";
import { buildInstance } from "@carebus/planner";
import { checkSolution, solve, solveExact, upperBound, type SolvedRoute } from "@carebus/solver";
import { formatClock } from "@carebus/model";

function visitsById(fixture: ScenarioFixture, routes: SolvedRoute[]) {
  const { index } = buildInstance(fixture.scenario, fixture);
  const out: Record<string, Array<{ busId: string; date: string; start: string }>> = {};
  routes.forEach((route, r) => {
    for (const v of route.visits) {
      const stopId = index.stopIds[v.stop]!;
      const visits = out[stopId] ?? [];
      out[stopId] = visits;
      visits.push({ ...index.routes[r]!, start: formatClock(v.start) });
    }
  });
  return out;
}

function expectMatches(fixture: ScenarioFixture, routes: SolvedRoute[]) {
  const found = visitsById(fixture, routes);
  for (const [stopId, expected] of Object.entries(fixture.expected.visits ?? {})) {
    const got = found[stopId] ?? [];
    expect(got.map((v) => `${v.busId}@${v.date}`).sort(), stopId).toEqual(
      expected.map((v) => `${v.busId}@${v.date}`).sort(),
    );
    expected.forEach((e) => {
      if (e.start) expect(got.find((v) => v.date === e.date)?.start, `${stopId} start`).toBe(e.start);
    });
  }
  for (const stopId of Object.keys(fixture.expected.unvisited ?? {})) expect(found[stopId], stopId).toBeUndefined();
}

describe.each(SCENARIO_FIXTURES.map((f) => [f.name, f] as const))("fixture: %s", (_, fixture) => {
  const { instance, index } = buildInstance(fixture.scenario, fixture);

  const expectedDates = fixture.expected.dates;
  if (expectedDates) {
    it("maps the horizon to the expected service dates", () => {
      expect(index.dates).toEqual(expectedDates);
    });
  }

  it("numbers every service date of the horizon with a day", () => {
    expect(instance.dayNumbers.length).toBe(index.dates.length);
  });

  it("the exact method finds the hand-computed optimum, and the checker accepts it", () => {
    const exact = solveExact(instance);
    expect(exact.value).toBeCloseTo(fixture.expected.value, 9);
    const check = checkSolution(instance, exact.routes);
    expect(check.violations).toEqual([]);
    expect(check.value).toBeCloseTo(fixture.expected.value, 9);
    expectMatches(fixture, exact.routes);
  });

  it("the search engine reaches the same value with a plan the checker accepts", () => {
    const result = solve(instance, { seed: 1, iterationLimit: 200, timeLimitMs: 1e9 });
    const check = checkSolution(instance, result.routes);
    expect(check.violations).toEqual([]);
    expect(check.value).toBeCloseTo(fixture.expected.value, 9);
    expect(result.value).toBeCloseTo(check.value, 6);
    expectMatches(fixture, result.routes);
  });

  it("the upper bound is not below the optimum", () => {
    expect(upperBound(instance)).toBeGreaterThanOrEqual(fixture.expected.value - 1e-9);
  });
});

describe("fixture details", () => {
  it("lunch split: the break is taken between the two visits, at the first stop", () => {
    const fixture = SCENARIO_FIXTURES.find((f) => f.name === "lunch split")!;
    const { instance } = buildInstance(fixture.scenario, fixture);
    const exact = solveExact(instance);
    const used = exact.routes.find((r) => r.visits.length > 0)!;
    expect(used.lunch).toEqual({ start: 720, afterVisits: 1 });
  });
});
