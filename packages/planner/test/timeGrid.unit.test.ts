/**
 * issue 12: published service starts fall on the scenario's time grid (15 minutes unless it
 * says otherwise), the independent checker rejects a start off the grid, and a stop left out
 * while a bus-day could still take it is explained as a search cut short, not as fleet time.
 */
import { describe, expect, it } from "vitest";
import type { Scenario } from "@carebus/model";
import { lateWindow } from "@carebus/testkit";
import { checkSolution, solve, type SolvedRoute } from "@carebus/solver";
import { buildInstance, explainUnvisited } from "@carebus/planner";

/**
 * lateWindow with B served after A: A may start only at 10:00 (one hour), B from 11:00 to
 * 11:30 (one hour); 10 minutes between places, so B's bus arrives at 11:10.
 */
function withGrid(timeGrid: number | undefined): Scenario {
  const { options: _none, ...base } = lateWindow.scenario;
  const windows = [
    { start: "10:00", end: "11:00" },
    { start: "11:00", end: "12:30" },
  ];
  const scenario: Scenario = {
    ...base,
    buses: [{ ...base.buses[0]!, shift: { start: "08:00", end: "12:45" } }],
    stops: base.stops.map((s, i) => ({ ...s, timeWindows: [windows[i]!] })),
  };
  return timeGrid === undefined ? scenario : { ...scenario, options: { timeGrid } };
}

const startsOf = (routes: readonly SolvedRoute[]) => routes.flatMap((r) => r.visits.map((v) => [v.stop, v.start]));

describe("time grid", () => {
  it("starts every service on the quarter hour by default (B arrives 11:10 and starts 11:15)", () => {
    const { instance } = buildInstance(withGrid(undefined), lateWindow);
    expect(instance.timeGrid).toBe(15);
    const result = solve(instance, { iterationLimit: 50, seed: 1 });
    expect(checkSolution(instance, result.routes).violations).toEqual([]);
    // stop 0 is A (10:00 = 600), stop 1 is B (11:15 = 675)
    expect(startsOf(result.routes).sort()).toEqual([
      [0, 600],
      [1, 675],
    ]);
  });

  it("keeps exact times with timeGrid 0", () => {
    const { instance } = buildInstance(withGrid(0), lateWindow);
    const result = solve(instance, { iterationLimit: 50, seed: 1 });
    expect(startsOf(result.routes).sort()).toEqual([
      [0, 600],
      [1, 670],
    ]);
  });

  it("rounds a window's opening up and its latest start down to the grid", () => {
    const scenario = withGrid(30);
    scenario.stops = scenario.stops.map((s) => ({ ...s, timeWindows: [{ start: "08:05", end: "11:20" }] }));
    scenario.buses = lateWindow.scenario.buses;
    const { instance } = buildInstance(scenario, lateWindow);
    // 08:05 → 08:30; latest start 11:20 − 60 min = 10:20 → 10:00
    expect([...instance.windowOpen]).toEqual([510, 510]);
    expect([...instance.windowClose]).toEqual([600, 600]);
  });

  it("makes the checker reject a start off the grid, and accept it without a grid", () => {
    const { instance } = buildInstance(withGrid(undefined), lateWindow);
    const routes = solve(instance, { iterationLimit: 50, seed: 1 }).routes;
    const moved = routes.map((r) => ({
      ...r,
      visits: r.visits.map((v) => (v.stop === 1 ? { ...v, start: 670 } : v)),
    }));
    const kinds = checkSolution(instance, moved).violations.map((v) => v.kind);
    expect(kinds).toEqual(["off-grid"]);
    const exact = buildInstance(withGrid(0), lateWindow).instance;
    expect(checkSolution(exact, moved).violations).toEqual([]);
  });
});

describe("explanations of a search cut short", () => {
  it("says the search stopped when a planned bus-day could still take the stop", () => {
    const { instance } = buildInstance(withGrid(undefined), lateWindow);
    const idle: SolvedRoute[] = instance.routes.map((r) => ({ departure: r.shiftStart, visits: [], lunch: null }));
    const explained = explainUnvisited(instance, idle);
    expect(explained.map((e) => e.reason)).toEqual(["search-stopped", "search-stopped"]);
    expect(explained[0]!.value).toBe(5);
  });

  it("keeps fleet time when no bus-day can take the stop as planned", () => {
    // one bus-day 08:00–09:30 and two one-hour stops: only one fits
    const scenario = withGrid(undefined);
    scenario.buses = [{ ...scenario.buses[0]!, shift: { start: "08:00", end: "09:30" } }];
    scenario.stops = scenario.stops.map((s) => ({ ...s, timeWindows: [{ start: "08:00", end: "09:30" }] }));
    const { instance } = buildInstance(scenario, lateWindow);
    const result = solve(instance, { iterationLimit: 50, seed: 1 });
    expect(result.routes[0]!.visits.map((v) => v.stop)).toEqual([0]);
    expect(explainUnvisited(instance, result.routes).map((e) => e.reason)).toEqual(["fleet-time"]);
  });
});
