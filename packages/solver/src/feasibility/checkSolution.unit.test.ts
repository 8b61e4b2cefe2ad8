/**
 * The checker accepts a known-good plan and rejects each kind of violation, one mutation per
 * kind, each designed to break exactly one rule (so the test also shows the checker does not
 * report rules that hold). Then it accepts the 29 published optimal TOPTW routes.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { benchdataPath, describeWithBenchdata } from "@carebus/testkit";
import { makeInstance } from "@carebus/solver/testing";
import type { Instance, SolvedRoute } from "../instance/instance.js";
import { readToptw } from "../io/toptw.js";
import { checkSolution } from "./checkSolution.js";
import type { ViolationKind } from "./violations.js";

// stops 0–3, depot 4, 10 minutes apart except 0 → 2, which has no road
const travel: number[][] = Array.from({ length: 5 }, (_, i) => Array.from({ length: 5 }, (_, j) => (i === j ? 0 : 10)));
travel[0]![2] = Infinity;
const base: Instance = makeInstance({
  travel,
  dwell: [30, 30, 30, 30],
  windows: [[[0, 1000]], [[100, 200]], [[0, 1000]], [[0, 1000]]],
  routes: [
    {
      day: 0,
      shiftStart: 0,
      shiftEnd: 600,
      maxWorkMinutes: 500,
      maxDriveMinutes: 100,
      setupMinutes: 5,
      packupMinutes: 5,
      lunch: { start: 100, end: 300, minutes: 30 },
    },
    { day: 1, shiftStart: 0, shiftEnd: 600 },
    { day: 2, shiftStart: 0, shiftEnd: 600 },
    { day: 0, shiftStart: 0, shiftEnd: 600 },
  ],
  dayNumbers: [0, 10, 11],
  allowed: (s, r) => !(s === 3 && r === 3),
  maxVisits: [3, 2, 2, 1],
  minDaysBetween: [0, 2, 0, 0],
  pinned: [{ stop: 2, route: 1, start: 50 }],
});

/**
 * Route 0: stop 0 at 15 (arrives 10, 5 min set-up), packed up at 50; stop 1 arrives 60, set
 * up by 65, waits for its window at 100, packed up at 135; back at 145; lunch 200–230 at the
 * depot. Route 1: pinned stop 2 at 50. Value 3, travel 30 + 20.
 */
const good = (): SolvedRoute[] => [
  {
    departure: 0,
    visits: [
      { stop: 0, start: 15 },
      { stop: 1, start: 100 },
    ],
    lunch: { start: 200, afterVisits: 2 },
  },
  { departure: 0, visits: [{ stop: 2, start: 50 }], lunch: null },
  { departure: 0, visits: [], lunch: null },
  { departure: 0, visits: [], lunch: null },
];

const kinds = (instance: Instance, routes: SolvedRoute[]) =>
  [...new Set(checkSolution(instance, routes).violations.map((v) => v.kind))].sort();

describe("checkSolution", () => {
  it("accepts a known-good plan and recomputes its value and travel", () => {
    const result = checkSolution(base, good());
    expect(result.violations).toEqual([]);
    expect(result.value).toBe(3);
    expect(result.travelMinutes).toBe(50);
  });

  const unchanged = () => {};
  const cases: Array<[ViolationKind, (routes: SolvedRoute[]) => void, Instance?]> = [
    ["route-count", (r) => void r.splice(3)],
    [
      "unknown-stop",
      (r) => {
        r[2]!.visits = [{ stop: 9, start: 15 }];
      },
    ],
    [
      "not-a-number",
      (r) => {
        r[2]!.visits = [{ stop: 3, start: NaN }];
      },
    ],
    [
      "departure-before-shift",
      (r) => {
        r[1]!.departure = -5;
      },
    ],
    [
      "return-after-shift",
      (r) => {
        r[2]!.visits = [{ stop: 3, start: 580 }];
      },
    ],
    [
      "unreachable",
      (r) => {
        r[2]!.visits = [
          { stop: 0, start: 10 },
          { stop: 2, start: 100 },
        ];
      },
    ],
    [
      "too-early",
      (r) => {
        r[0]!.visits[0]!.start = 14;
      },
    ],
    [
      "outside-window",
      (r) => {
        r[0]!.visits[1]!.start = 99;
      },
    ],
    ["work-limit", unchanged, withRoute0({ maxWorkMinutes: 200 })],
    ["drive-limit", unchanged, withRoute0({ maxDriveMinutes: 20 })],
    [
      "lunch-missing",
      (r) => {
        r[0]!.lunch = null;
      },
    ],
    [
      "lunch-unexpected",
      (r) => {
        r[1]!.lunch = { start: 100, afterVisits: 1 };
      },
    ],
    [
      "lunch-window",
      (r) => {
        r[0]!.lunch = { start: 290, afterVisits: 2 };
      },
    ],
    [
      "lunch-overlap",
      (r) => {
        r[0]!.lunch = { start: 120, afterVisits: 2 };
      },
    ],
    [
      "not-allowed",
      (r) => {
        r[3]!.visits = [{ stop: 3, start: 15 }];
      },
    ],
    [
      "same-day-twice",
      (r) => {
        r[3]!.visits = [{ stop: 0, start: 15 }];
      },
    ],
    [
      "max-visits",
      (r) => {
        r[1]!.visits = [
          { stop: 3, start: 10 },
          { stop: 2, start: 50 },
        ];
        r[2]!.visits = [{ stop: 3, start: 15 }];
      },
    ],
    [
      "min-days-between",
      (r) => {
        r[0] = { departure: 0, visits: [{ stop: 0, start: 15 }], lunch: { start: 200, afterVisits: 1 } };
        r[1]!.visits.push({ stop: 1, start: 100 });
        r[2]!.visits = [{ stop: 1, start: 100 }];
      },
    ],
    [
      "pinned-missing",
      (r) => {
        r[1]!.visits[0]!.start = 60;
      },
    ],
  ];

  it.each(cases)("rejects %s, and only that", (kind, mutate, instance) => {
    const routes = good();
    mutate(routes);
    expect(kinds(instance ?? base, routes)).toEqual([kind]);
  });

  it("names the route and stop of a violation", () => {
    const routes = good();
    routes[0]!.visits[1]!.start = 99;
    const [violation] = checkSolution(base, routes).violations;
    expect(violation).toMatchObject({ kind: "outside-window", route: 0, stop: 1 });
    expect(violation!.detail).toMatch(/stop 1/);
  });

  it("accepts a lunch parked at a stop between two visits", () => {
    const routes = good();
    // stop 0 packed up at 50; lunch 100–130 there; stop 1 arrives 140, set up by 145
    routes[0] = {
      departure: 0,
      visits: [
        { stop: 0, start: 15 },
        { stop: 1, start: 145 },
      ],
      lunch: { start: 100, afterVisits: 1 },
    };
    expect(checkSolution(base, routes).violations).toEqual([]);
    routes[0].visits[1]!.start = 144;
    expect(kinds(base, routes)).toEqual(["too-early"]);
  });
});

function withRoute0(change: Partial<Instance["routes"][number]>): Instance {
  return { ...base, routes: base.routes.map((r, i) => (i === 0 ? { ...r, ...change } : r)) };
}

const REFERENCE = "toptw/reference-solutions-m1.csv";

describeWithBenchdata("checkSolution on the published TOPTW routes (m = 1)", [REFERENCE], () => {
  const rows = readFileSync(benchdataPath(REFERENCE), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));
  it("has the 29 reference routes", () => expect(rows.length).toBe(29));
  it.each(rows.map((r) => [r[1]!, r] as const))("accepts %s with its listed score and start times", (_, row) => {
    const [set, name, m, score, , route, starts] = row;
    const instance = readToptw(readFileSync(benchdataPath("toptw", set!, `${name}.txt`), "utf8"), {
      name: name!,
      vehicles: Number(m),
    });
    const visitStops = route!.split(" ").map(Number);
    const visitStarts = starts!.split(" ").map(Number);
    // file ids 1..N are stops 0..N-1; replay the earliest starts, which the log prints to one decimal
    let place = instance.nStops;
    let time = 0;
    const visits = visitStops.map((id, i) => {
      const stop = id - 1;
      let start = time + instance.travel[place * instance.nLocations + stop]!;
      for (let w = instance.windowOffset[stop]!; w < instance.windowOffset[stop + 1]!; w++)
        start = Math.max(start, instance.windowOpen[w]!);
      expect(start).toBeCloseTo(visitStarts[i]!, 1);
      time = start + instance.dwell[stop]!;
      place = stop;
      return { stop, start };
    });
    const result = checkSolution(instance, [{ departure: 0, visits, lunch: null }]);
    expect(result.violations).toEqual([]);
    expect(result.value).toBe(Number(score));
  });
});
