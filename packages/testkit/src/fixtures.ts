/**
 * Named tiny scenarios, one per planning rule, each small enough to solve by hand. Every
 * fixture carries its own travel matrix (stops then depots, 10 minutes between any two
 * places unless it says otherwise) and coverage, so tests need no geography, and an
 * `expected` block with the hand-computed answer, derived in the comment above it.
 */
import type { Coverage, TravelMatrix } from "@carebus/geo";
import type { Bus, Scenario, Stop } from "@carebus/model";

/** A scenario with its geography and the answer worked out by hand. */
export interface ScenarioFixture {
  name: string;
  scenario: Scenario;
  travel: TravelMatrix;
  coverage: Coverage | null;
  expected: {
    /** optimal objective value */
    value: number;
    /** stop id → bus id and date of each of its visits in an optimal plan, when unique */
    visits?: Record<string, Array<{ busId: string; date: string; start?: string }>>;
    /** stop id → reason it must be left out */
    unvisited?: Record<string, string>;
    /** service dates of the horizon */
    dates?: string[];
  };
}

/** n × n matrix with `minutes` between distinct places and 0 on the diagonal; km = minutes / 2. */
export function uniformMatrix(n: number, minutes: number): TravelMatrix {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) m[i * n + j] = i === j ? 0 : minutes;
  return { size: n, minutes: m, km: m.map((x) => x / 2), unreachable: [] };
}

const depot = { id: "D0", name: "Depot", lat: 4.6, lon: -74.1 };

function bus(overrides: Partial<Bus> & { id: string }): Bus {
  return { name: overrides.id, kind: "urban", depotId: "D0", shift: { start: "08:00", end: "12:00" }, ...overrides };
}

function stop(id: string, i: number, window: [string, string], dwellMinutes: number, extra: Partial<Stop> = {}): Stop {
  return {
    id,
    name: `Stop ${id}`,
    lat: 4.5 + i * 0.01,
    lon: -74.2 + i * 0.01,
    zone: "urban",
    locality: i % 2 === 0 ? "Bosa" : "Usme",
    busKinds: ["urban"],
    timeWindows: [{ start: window[0], end: window[1] }],
    dwellMinutes,
    ...extra,
  };
}

function scoresScenario(
  id: string,
  days: number,
  startDate: string,
  buses: Bus[],
  stops: Stop[],
  scores: number[],
): Scenario {
  return {
    format: "carebus-scenario",
    version: 1,
    id,
    name: id,
    horizon: { startDate, days },
    depots: [depot],
    buses,
    stops,
    demand: { kind: "scores", scores: stops.map((s, i) => ({ stopId: s.id, score: scores[i]! })) },
  };
}

const MONDAY = "2026-11-23";

/**
 * A window that opens late. B (score 3) may start 08:00–08:30, A (score 5) 10:00–11:00, one
 * hour each, 10 minutes between places, shift 08:00–12:30. B at 08:15 (it arrives at 08:10; starts
 * fall on the quarter hour), then A: arrives 09:25
 * and waits until A opens at 10:00, back at 11:10. Both fit only in that order: value 8.
 */
export const lateWindow: ScenarioFixture = {
  name: "late window",
  scenario: scoresScenario(
    "late-window",
    1,
    MONDAY,
    [bus({ id: "bus1", shift: { start: "08:00", end: "12:30" } })],
    [stop("A", 0, ["10:00", "12:00"], 60), stop("B", 1, ["08:00", "09:30"], 60)],
    [5, 3],
  ),
  travel: uniformMatrix(3, 10),
  coverage: null,
  expected: {
    value: 8,
    visits: { A: [{ busId: "bus1", date: MONDAY, start: "10:00" }], B: [{ busId: "bus1", date: MONDAY }] },
  },
};

/**
 * A lunch break that forces a split. Lunch is exactly 12:00–13:00. A (score 5) serves two
 * hours starting 09:00–10:00, B (score 4) half an hour starting 13:00–13:30, C (score 10) 45
 * minutes starting 11:30–12:15, which always overlaps the lunch hour, so C is never served.
 * A then lunch parked at A, then B (arrives 13:10), back 13:50 ≤ 14:00: value 9, lunch after
 * the first visit.
 */
export const lunchSplit: ScenarioFixture = {
  name: "lunch split",
  scenario: scoresScenario(
    "lunch-split",
    1,
    MONDAY,
    [
      bus({
        id: "bus1",
        shift: { start: "08:00", end: "14:00" },
        lunch: { start: "12:00", end: "13:00", minutes: 60 },
      }),
    ],
    [stop("A", 0, ["09:00", "12:00"], 120), stop("B", 1, ["13:00", "14:00"], 30), stop("C", 2, ["11:30", "13:00"], 45)],
    [5, 4, 10],
  ),
  travel: uniformMatrix(4, 10),
  coverage: null,
  expected: { value: 9, unvisited: { C: "windows-never-open" } },
};

/**
 * A rural-only stop. An urban and a rural bus, 08:00–10:00, each with time for one
 * one-hour visit. R accepts only rural buses, U only urban ones, X only a kind nobody has.
 * R goes on the rural bus, U on the urban one, X is left out: value 5 + 5 = 10.
 */
export const ruralOnly: ScenarioFixture = {
  name: "rural-only stop",
  scenario: scoresScenario(
    "rural-only",
    1,
    MONDAY,
    [
      bus({ id: "urban1", shift: { start: "08:00", end: "10:00" } }),
      bus({ id: "rural1", kind: "rural", shift: { start: "08:00", end: "10:00" } }),
    ],
    [
      stop("R", 0, ["08:00", "10:00"], 60, { zone: "rural", locality: "Sumapaz", busKinds: ["rural"] }),
      stop("U", 1, ["08:00", "10:00"], 60),
      stop("X", 2, ["08:00", "10:00"], 60, { busKinds: ["boat"] }),
    ],
    [5, 5, 9],
  ),
  travel: uniformMatrix(4, 10),
  coverage: null,
  expected: {
    value: 10,
    visits: { R: [{ busId: "rural1", date: MONDAY }], U: [{ busId: "urban1", date: MONDAY }] },
    unvisited: { X: "no-compatible-bus" },
  },
};

/**
 * Min days between visits. Monday to Wednesday, one bus; S may be visited 3 times but at
 * least 2 days apart; it covers one point of 10 caregivers and repeat visits are worth half.
 * Only Monday and Wednesday qualify: 10 × (1 + 0.5) = 15 (three visits would give 20).
 */
export const minDaysBetween: ScenarioFixture = {
  name: "min days between visits",
  scenario: {
    format: "carebus-scenario",
    version: 1,
    id: "min-days",
    name: "min days",
    horizon: { startDate: MONDAY, days: 3 },
    depots: [depot],
    buses: [bus({ id: "bus1" })],
    stops: [stop("S", 0, ["08:00", "12:00"], 60, { maxVisits: 3, minDaysBetween: 2 })],
    demand: {
      kind: "points",
      points: [{ lat: 4.5, lon: -74.2, caregivers: 10, locality: "Bosa", zone: "urban" }],
      coverage: {
        catchmentMinutes: { urban: 15, rural: 30 },
        walkingSpeedKmh: 4,
        detourFactor: 1.3,
        visitValues: [1, 0.5],
      },
    },
  },
  travel: uniformMatrix(2, 10),
  coverage: { stopPoints: [Int32Array.of(0)], pointValue: Float64Array.of(10) },
  expected: {
    value: 15,
    visits: {
      S: [
        { busId: "bus1", date: "2026-11-23" },
        { busId: "bus1", date: "2026-11-25" },
      ],
    },
  },
};

/**
 * A pinned visit. Shift 08:00–10:30, three one-hour stops open 08:00–10:30 (start by 09:30),
 * so two would fit — but P is pinned at 09:00: nothing fits before it (a visit would end at
 * 09:10 at the earliest) nor after it (the next start would be 10:10). Value 5 instead of 10.
 */
export const pinnedVisit: ScenarioFixture = {
  name: "pinned visit",
  scenario: scoresScenario(
    "pinned",
    1,
    MONDAY,
    [bus({ id: "bus1", shift: { start: "08:00", end: "10:30" } })],
    [
      stop("A", 0, ["08:00", "10:30"], 60),
      stop("P", 1, ["08:00", "10:30"], 60, { pinned: [{ busId: "bus1", date: MONDAY, start: "09:00" }] }),
      stop("Q", 2, ["08:00", "10:30"], 60),
    ],
    [5, 5, 5],
  ),
  travel: uniformMatrix(4, 10),
  coverage: null,
  expected: { value: 5, visits: { P: [{ busId: "bus1", date: MONDAY, start: "09:00" }] } },
};

/**
 * A holiday. Monday 7 to Wednesday 9 December 2026; Tuesday the 8th is a Colombian public
 * holiday, so the service runs on the 7th and 9th only. H may be served on Tuesdays only:
 * left out (days excluded). M (Mondays) is served on the 7th: value 3.
 */
export const holiday: ScenarioFixture = {
  name: "holiday",
  scenario: scoresScenario(
    "holiday",
    3,
    "2026-12-07",
    [bus({ id: "bus1" })],
    [
      stop("H", 0, ["08:00", "12:00"], 60, { weekdays: ["tue"] }),
      stop("M", 1, ["08:00", "12:00"], 60, { weekdays: ["mon"] }),
    ],
    [5, 3],
  ),
  travel: uniformMatrix(3, 10),
  coverage: null,
  expected: {
    value: 3,
    dates: ["2026-12-07", "2026-12-09"],
    visits: { M: [{ busId: "bus1", date: "2026-12-07" }] },
    unvisited: { H: "days-excluded" },
  },
};

/** Every named fixture. */
export const SCENARIO_FIXTURES: readonly ScenarioFixture[] = [
  lateWindow,
  lunchSplit,
  ruralOnly,
  minDaysBetween,
  pinnedVisit,
  holiday,
];
