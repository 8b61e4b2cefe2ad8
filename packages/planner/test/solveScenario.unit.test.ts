/**
 * The scenario pipeline end to end on the bundled small example and on the rule fixtures:
 * solveScenario writes a schema-valid plan whose every visit, total and left-out stop agrees
 * with the instance; and repairPlan, after a bus drops out, keeps every other visit unchanged.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, validatePlan, type Plan, type Scenario } from "@carebus/model";
import { SCENARIO_FIXTURES, lunchSplit, ruralOnly, holiday, minDaysBetween } from "@carebus/testkit";
import type { TravelTimeProvider } from "@carebus/geo";
import { checkSolution, solveExact, upperBound } from "@carebus/solver";
import {
  buildInstance,
  explainUnvisited,
  minuteOfLocalDateTime,
  repairPlan,
  solveScenario,
  toPlan,
  type ScenarioProgress,
} from "@carebus/planner";

const small = parseScenario(
  JSON.parse(readFileSync(new URL("../../../data/examples/small.json", import.meta.url), "utf8")),
);

/** A provider that hands back a fixture's hand-set matrix. */
const fixedTravel = (travel: (typeof SCENARIO_FIXTURES)[number]["travel"]): TravelTimeProvider => ({
  name: "fixed",
  matrix: async () => travel,
});

describe("solveScenario on the small example", () => {
  it("keeps the first plan, without waiting for the bound or HiGHS, when cancelled as it is found", async () => {
    let reported = false;
    const plan = await solveScenario(small, {
      timeLimitSeconds: 60,
      seed: 3,
      onProgress: () => {
        reported = true;
      },
      isCancelled: () => reported,
    });
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.routes.flatMap((r) => r.visits).length).toBeGreaterThan(0);
    expect(plan.stats.boundKind).toBe("quick");
    expect(plan.stats.bound).toBeGreaterThanOrEqual(plan.stats.value);
  });

  it("writes a schema-valid plan whose totals agree with its visits", async () => {
    const plan = await solveScenario(small, { iterationLimit: 300, seed: 3 });
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.scenario.id).toBe(small.id);
    expect(plan.routes.length).toBeGreaterThan(0);
    const visits = plan.routes.flatMap((r) => r.visits);
    expect(plan.totals.visits).toBe(visits.length);
    expect(plan.totals.value).toBeCloseTo(
      visits.reduce((s, v) => s + v.value, 0),
      2,
    );
    expect(plan.stats.bound).toBeGreaterThanOrEqual(plan.stats.value - 1e-6);
    expect(plan.stats.gap).toBeGreaterThanOrEqual(0);
    for (const route of plan.routes) {
      expect(route.travelMinutes).toBeCloseTo(
        route.visits.reduce((s, v) => s + v.travelMinutes, 0) + route.returnTravelMinutes,
        2,
      );
      for (const v of route.visits) {
        expect(v.arrival <= v.serviceStart && v.serviceStart < v.serviceEnd && v.serviceEnd <= v.departure).toBe(true);
      }
    }
    const visited = new Set(visits.map((v) => v.stopId));
    expect(plan.unvisited.map((u) => u.stopId).sort()).toEqual(
      small.stops
        .map((s) => s.id)
        .filter((id) => !visited.has(id))
        .sort(),
    );
    const byLocality = plan.totals.byLocality.reduce((s, l) => s + l.value, 0);
    expect(byLocality).toBeCloseTo(plan.totals.value, 2);
  });

  it("hands over the first plan once, before the bound's LP, valid and no better than the final plan", async () => {
    const events: string[] = [];
    const firsts: Plan[] = [];
    const plan = await solveScenario(small, {
      iterationLimit: 300,
      seed: 3,
      onFirstPlan: (first) => {
        firsts.push(first);
        events.push("first-plan");
      },
      onProgress: (p) => events.push(p.boundKind ?? "none"),
    });
    expect(firsts).toHaveLength(1);
    // after the construction's report, before any strong bound's
    expect(events.slice(0, 2)).toEqual(["quick", "first-plan"]);
    expect(events.indexOf("strong")).toBeGreaterThan(events.indexOf("first-plan"));
    const first = firsts[0]!;
    expect(validatePlan(first)).toEqual([]);
    expect(first.stats.boundKind).toBe("quick");
    expect(first.routes.flatMap((r) => r.visits).length).toBeGreaterThan(0);
    expect(first.stats.value).toBeLessThanOrEqual(plan.stats.value + 1e-9);
  });

  it("gives the same plan for the same seed and iteration limit", async () => {
    const strip = (p: Plan) => ({ ...p, stats: { ...p.stats, elapsedMs: 0, timeToBestMs: 0 } });
    const a = await solveScenario(small, { iterationLimit: 200, seed: 5 });
    const b = await solveScenario(small, { iterationLimit: 200, seed: 5 });
    expect(strip(a)).toEqual(strip(b));
  });
});

it("reports the construction's plan against the quick bound, then the strong bounds as they improve, then every improvement", async () => {
  const progress: ScenarioProgress[] = [];
  const plan = await solveScenario(small, { iterationLimit: 300, seed: 3, onProgress: (p) => progress.push(p) });
  expect(progress[0]!.boundKind).toBe("quick");
  expect(progress[0]!.bound).toBeGreaterThanOrEqual(plan.stats.bound);
  expect(progress[0]!.iterations).toBe(0);
  expect(progress[0]!.value).toBeGreaterThan(0);
  const later = progress.slice(1);
  expect(later.length).toBeGreaterThan(0);
  expect(plan.stats.boundKind).toBe("strong");
  for (const p of later) expect(p.boundKind).toBe("strong");
  // the LP bound first, then the route relaxation's rounds when they are lower: never rising
  for (let k = 1; k < progress.length; k++) expect(progress[k]!.bound).toBeLessThanOrEqual(progress[k - 1]!.bound!);
  expect(later.at(-1)!.bound).toBeCloseTo(plan.stats.bound, 2);
  for (let k = 1; k < progress.length; k++)
    expect(progress[k]!.elapsedMs).toBeGreaterThanOrEqual(progress[k - 1]!.elapsedMs);
  expect(plan.stats.value).toBeGreaterThanOrEqual(progress[0]!.value - 1e-9);
});

describe.each(SCENARIO_FIXTURES.map((f) => [f.name, f] as const))("solveScenario on fixture %s", (_, fixture) => {
  it("reaches the hand-computed value and explains what it leaves out", async () => {
    const plan = await solveScenario(fixture.scenario, {
      iterationLimit: 200,
      seed: 1,
      travel: fixedTravel(fixture.travel),
    });
    expect(validatePlan(plan)).toEqual([]);
    expect(plan.totals.value).toBeCloseTo(fixture.expected.value, 6);
    for (const [stopId, reason] of Object.entries(fixture.expected.unvisited ?? {})) {
      expect(plan.unvisited.find((u) => u.stopId === stopId)?.reason, stopId).toBe(reason);
    }
    if (fixture.expected.dates) expect(plan.dates).toEqual(fixture.expected.dates);
  });
});

describe("explanations", () => {
  it("says no compatible bus, days excluded and windows never open where the fixtures say so", () => {
    for (const fixture of [ruralOnly, holiday, lunchSplit]) {
      const { instance, index } = buildInstance(fixture.scenario, fixture);
      const exact = solveExact(instance);
      const reasons = Object.fromEntries(
        explainUnvisited(instance, exact.routes, index).map((e) => [index.stopIds[e.stop], e.reason]),
      );
      for (const [stopId, reason] of Object.entries(fixture.expected.unvisited ?? {}))
        expect(reasons[stopId], stopId).toBe(reason);
    }
  });

  function oneRouteScenario(
    extraStops: Scenario["stops"],
    points: Array<{ stops: number[] }>,
  ): { scenario: Scenario; travel: ReturnType<typeof fixedMatrix> } {
    const base = lunchSplit.scenario;
    const scenario: Scenario = {
      ...base,
      buses: [{ ...base.buses[0]!, lunch: undefined as never }].map(({ lunch: _, ...b }) => b),
      stops: extraStops,
      demand: {
        kind: "points",
        points: points.map(() => ({ lat: 4.6, lon: -74.1, caregivers: 10, locality: "Bosa", zone: "urban" as const })),
        coverage: {
          catchmentMinutes: { urban: 10, rural: 10 },
          walkingSpeedKmh: 4,
          detourFactor: 1.3,
          visitValues: [1, 0],
        },
      },
    };
    return { scenario, travel: fixedMatrix(extraStops.length + 1) };
  }
  function fixedMatrix(n: number) {
    const m = new Float64Array(n * n).fill(10);
    for (let i = 0; i < n; i++) m[i * n + i] = 0;
    return m;
  }

  it("says unreachable, already covered and fleet time, with the value a left-out stop would add", () => {
    const stop = (id: string, start: string, end: string, dwell: number) => ({
      id,
      name: id,
      lat: 4.6,
      lon: -74.1,
      zone: "urban" as const,
      locality: "Bosa",
      busKinds: ["urban"],
      timeWindows: [{ start, end }],
      dwellMinutes: dwell,
    });
    // shift 08:00–14:00, 10 minutes between places. A (30 min) and G (239 min) fit together:
    // 10 + 9 = 19, the optimum. F (240 min) covers the same point as A, so it adds nothing;
    // H (200 min, worth 5) fits alone but not beside A and G; Z is 10 hours long and fits no
    // shift even with no window limits.
    const { scenario, travel } = oneRouteScenario(
      [
        stop("F", "08:00", "14:00", 240),
        stop("G", "08:00", "14:00", 239),
        stop("A", "08:00", "14:00", 30),
        stop("Z", "08:00", "23:00", 600),
        stop("H", "08:00", "14:00", 200),
      ],
      [{ stops: [0, 2] }, { stops: [1] }, { stops: [3] }, { stops: [4] }],
    );
    const coverage = {
      stopPoints: [Int32Array.of(0), Int32Array.of(1), Int32Array.of(0), Int32Array.of(2), Int32Array.of(3)],
      pointValue: Float64Array.of(10, 9, 50, 5),
    };
    const { instance, index } = buildInstance(scenario, {
      travel: { size: 6, minutes: travel, km: travel, unreachable: [] },
      coverage,
    });
    const exact = solveExact(instance);
    expect(exact.value).toBe(19);
    const found = Object.fromEntries(
      explainUnvisited(instance, exact.routes, index).map((e) => [index.stopIds[e.stop], e]),
    );
    expect(Object.keys(found).sort()).toEqual(["F", "H", "Z"]);
    expect(found.Z?.reason).toBe("unreachable-in-shift");
    expect(found.F?.reason).toBe("already-covered");
    expect(found.H?.reason).toBe("fleet-time");
    expect(found.H?.value).toBe(5);
  });
});

/** A fixture's exact optimum written as a plan, with the instance it was solved on. */
function exactPlan(fixture: (typeof SCENARIO_FIXTURES)[number]) {
  const { instance, index } = buildInstance(fixture.scenario, fixture);
  const exact = solveExact(instance);
  const plan = toPlan(fixture.scenario, index, instance, exact.routes, {
    bound: upperBound(instance),
    iterations: 0,
    elapsedMs: 0,
    seed: 1,
  });
  return { instance, exact, plan };
}

describe("toPlan", () => {
  it("writes clock times in the scenario's zone and the lunch between the visits it splits", () => {
    const { instance, exact, plan } = exactPlan(lunchSplit);
    expect(validatePlan(plan)).toEqual([]);
    const route = plan.routes[0]!;
    expect(route.visits.map((v) => v.stopId)).toEqual(["A", "B"]);
    expect(route.visits[0]!.serviceStart).toBe("2026-11-23T09:00:00-05:00");
    expect(route.lunch).toEqual({
      start: "2026-11-23T12:00:00-05:00",
      end: "2026-11-23T13:00:00-05:00",
      afterStopId: "A",
    });
    expect(route.visits[0]!.departure).toBe("2026-11-23T13:00:00-05:00");
    expect(route.visits[1]!.arrival).toBe("2026-11-23T13:10:00-05:00");
    expect(checkSolution(instance, exact.routes).violations).toEqual([]);
  });
});

describe("plan totals", () => {
  it("count each caregiver once however often their stop is visited, and value repeat visits at the repeat value", () => {
    const { plan } = exactPlan(minDaysBetween);
    expect(plan.totals.value).toBe(15);
    expect(plan.totals.caregiversReached).toBe(10);
    expect(plan.totals.visits).toBe(2);
    expect(plan.totals.stopsVisited).toBe(1);
    expect(plan.totals.byLocality).toEqual([{ locality: "Bosa", caregivers: 10, value: 15 }]);
    expect(plan.totals.byZone).toEqual([{ zone: "urban", caregivers: 10, value: 15 }]);
    expect(plan.routes.flatMap((r) => r.visits.map((v) => v.value))).toEqual([10, 5]);
    expect(plan.stats.gap).toBeCloseTo((plan.stats.bound - 15) / plan.stats.bound, 6);
  });
});

describe("repairPlan", () => {
  it("keeps every visit of the buses and days not removed, and the removed bus does nothing from that date", async () => {
    const plan = await solveScenario(small, { iterationLimit: 300, seed: 2 });
    const removedBusId = plan.routes[0]!.busId;
    const fromDate = plan.dates[1]!;
    const freed = plan.routes.filter((r) => r.busId === removedBusId && r.date >= fromDate).flatMap((r) => r.visits);
    expect(freed.length).toBeGreaterThan(0);
    const repaired = await repairPlan(small, plan, { removedBusId, fromDate }, { iterationLimit: 300, seed: 2 });
    expect(validatePlan(repaired)).toEqual([]);
    const key = (r: { busId: string; date: string }, v: { stopId: string }) => `${r.busId}|${r.date}|${v.stopId}`;
    const after = new Map(repaired.routes.flatMap((r) => r.visits.map((v) => [key(r, v), { r, v }] as const)));
    let kept = 0;
    for (const r of plan.routes) {
      if (r.busId === removedBusId && r.date >= fromDate) continue;
      for (const v of r.visits) {
        const found = after.get(key(r, v));
        expect(found, key(r, v)).toBeDefined();
        const drift = Math.abs(
          minuteOfLocalDateTime(found!.v.serviceStart, r.date) - minuteOfLocalDateTime(v.serviceStart, r.date),
        );
        expect(drift).toBeLessThanOrEqual(1 / 60 + 1e-9);
        kept++;
      }
    }
    expect(kept).toBeGreaterThan(0);
    expect(repaired.routes.filter((r) => r.busId === removedBusId && r.date >= fromDate)).toEqual([]);
  });
});
