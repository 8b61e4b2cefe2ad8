/**
 * solve() on hand-built instances whose answers can be worked out on paper, one per rule
 * (late window, several windows, a break that forces a split, min days between visits, max
 * visits, once per day, repeat values and overlapping coverage, allowed matrix, drive limit,
 * pinned visits), plus the engine's contract: same seed and iteration limit give the same plan,
 * the value never drops below the construction's, iteration limit, cancellation, bound and warm
 * start. Every plan is also handed to the independent checker.
 */
import { describe, expect, it } from "vitest";
import { randomToptwText } from "@carebus/solver/testing";
import { checkSolution, readToptw, solve, type Instance, type RouteSpec, type SolveOptions } from "@carebus/solver";

const LIMITS: SolveOptions = { iterationLimit: 200, timeLimitMs: 1e9 };

interface StopSpec {
  windows: [number, number][];
  dwell?: number;
  maxVisits?: number;
  minDaysBetween?: number;
  groups?: number[];
}

/** a tiny instance: stops on a line at the given positions (travel = distance), depot at 0 */
function build(opts: {
  positions: number[];
  stops: StopSpec[];
  routes: Partial<RouteSpec>[];
  dayNumbers?: number[];
  groupValue?: number[];
  visitValues?: number[];
  allowed?: number[];
  pinned?: Instance["pinned"];
}): Instance {
  const n = opts.stops.length;
  const nl = n + 1;
  const pos = [...opts.positions, 0];
  const travel = new Float64Array(nl * nl);
  for (let a = 0; a < nl; a++) for (let b = 0; b < nl; b++) travel[a * nl + b] = Math.abs(pos[a]! - pos[b]!);
  const windowOffset = new Int32Array(n + 1);
  const open: number[] = [];
  const close: number[] = [];
  const groupOffset = new Int32Array(n + 1);
  const groups: number[] = [];
  opts.stops.forEach((s, k) => {
    for (const [o, c] of s.windows) {
      open.push(o);
      close.push(c);
    }
    windowOffset[k + 1] = open.length;
    groups.push(...(s.groups ?? [k]));
    groupOffset[k + 1] = groups.length;
  });
  const routes: RouteSpec[] = opts.routes.map((r, k) => ({
    bus: k,
    day: 0,
    depot: n,
    shiftStart: 0,
    shiftEnd: 200,
    maxWorkMinutes: Infinity,
    maxDriveMinutes: Infinity,
    setupMinutes: 0,
    packupMinutes: 0,
    lunch: null,
    ...r,
  }));
  const R = routes.length;
  return {
    name: "fixture",
    nStops: n,
    nLocations: nl,
    travel,
    km: travel,
    dwell: Float64Array.from(opts.stops.map((s) => s.dwell ?? 0)),
    windowOffset,
    windowOpen: Float64Array.from(open),
    windowClose: Float64Array.from(close),
    maxVisits: Int32Array.from(opts.stops.map((s) => s.maxVisits ?? 1)),
    minDaysBetween: Int32Array.from(opts.stops.map((s) => s.minDaysBetween ?? 0)),
    routes,
    dayNumbers: Int32Array.from(opts.dayNumbers ?? [0]),
    allowed: opts.allowed ? Uint8Array.from(opts.allowed) : new Uint8Array(n * R).fill(1),
    groupValue: Float64Array.from(opts.groupValue ?? opts.stops.map(() => 1)),
    stopGroupOffset: groupOffset,
    stopGroups: Int32Array.from(groups),
    visitValues: Float64Array.from(opts.visitValues ?? [1]),
    pinned: opts.pinned ?? [],
  };
}

function solveChecked(inst: Instance, options: SolveOptions = LIMITS) {
  const result = solve(inst, options);
  const check = checkSolution(inst, result.routes);
  expect(check.violations).toEqual([]);
  expect(result.value).toBeCloseTo(check.value, 9);
  expect(result.travelMinutes).toBeCloseTo(check.travelMinutes, 9);
  return result;
}

describe("solve on hand-built rules", () => {
  it("waits for a window that opens late and starts exactly at its opening", () => {
    const inst = build({ positions: [10], stops: [{ windows: [[100, 120]], dwell: 5 }], routes: [{}] });
    const r = solveChecked(inst);
    expect(r.value).toBe(1);
    expect(r.routes[0]!.visits).toEqual([{ stop: 0, start: 100 }]);
    // the bus leaves as late as the window allows instead of waiting on site
    expect(r.routes[0]!.departure).toBeCloseTo(90, 9);
  });

  it("uses the second window of a stop when the first has closed", () => {
    // stop 0 at 30 with dwell 20 must come first (its only window [30, 40]); stop 1 at 40 then
    // arrives at 60, past its first window [0, 5]: its second window [70, 90] applies
    const inst = build({
      positions: [30, 40],
      stops: [
        { windows: [[30, 40]], dwell: 20 },
        {
          windows: [
            [0, 5],
            [70, 90],
          ],
        },
      ],
      routes: [{}],
    });
    const r = solveChecked(inst);
    expect(r.value).toBe(2);
    // the bus leaves as late as the return at 110 allows, so stop 0 starts at its latest minute
    expect(r.routes[0]!.visits.map((v) => [v.stop, v.start])).toEqual([
      [0, 40],
      [1, 70],
    ]);
  });

  it("places a break that forces a split between two visits", () => {
    // A at 10 (window [0,10], dwell 20) ends at 30; break [30,60] while parked at A; B at 20 then
    // opens at 60 and closes at 70: arrival 70, return 90 <= 100
    const inst = build({
      positions: [10, 20],
      stops: [
        { windows: [[0, 10]], dwell: 20 },
        { windows: [[60, 70]], dwell: 10 },
      ],
      routes: [{ shiftEnd: 100, lunch: { start: 30, end: 60, minutes: 30 } }],
    });
    const r = solveChecked(inst);
    expect(r.value).toBe(2);
    expect(r.routes[0]!.lunch).toEqual({ start: 30, afterVisits: 1 });
    expect(r.routes[0]!.visits.map((v) => v.start)).toEqual([10, 70]);
  });

  it("keeps min days between visits: days 0 and 2 of 0..2, never two consecutive days", () => {
    const inst = build({
      positions: [5],
      stops: [{ windows: [[0, 100]], maxVisits: 3, minDaysBetween: 2 }],
      routes: [{ day: 0 }, { day: 1 }, { day: 2 }],
      dayNumbers: [0, 1, 2],
    });
    const r = solveChecked(inst);
    expect(r.value).toBe(2);
    expect(r.routes.map((x) => x.visits.length)).toEqual([1, 0, 1]);
  });

  it("stops at max visits", () => {
    const inst = build({
      positions: [5],
      stops: [{ windows: [[0, 100]], maxVisits: 2 }],
      routes: [{ day: 0 }, { day: 1 }, { day: 2 }],
      dayNumbers: [0, 1, 2],
    });
    const r = solveChecked(inst);
    expect(r.value).toBe(2);
    expect(r.routes.reduce((a, x) => a + x.visits.length, 0)).toBe(2);
  });

  it("visits a stop at most once a day even with two buses and visits to spare", () => {
    const inst = build({
      positions: [5],
      stops: [{ windows: [[0, 100]], maxVisits: 3 }],
      routes: [{ day: 0 }, { day: 0 }],
    });
    const r = solveChecked(inst);
    expect(r.routes.reduce((a, x) => a + x.visits.length, 0)).toBe(1);
  });

  it("counts repeat visits by the repeat values and overlapping stops once per visit of the group", () => {
    // group 0 (value 4) is covered by stops 0 and 1; group 1 (value 1) by stop 1 only.
    // Visits: stop 1 on both days → group 0 twice (4·1 + 4·0.25) + group 1 twice (1 + 0.25) = 6.25;
    // adding stop 0 on a day it is free would be a third visit of group 0: +4·0.25 = 1
    const inst = build({
      positions: [5, 6],
      stops: [
        { windows: [[0, 100]], groups: [0] },
        { windows: [[0, 100]], maxVisits: 2, groups: [0, 1] },
      ],
      routes: [{ day: 0 }, { day: 1 }],
      dayNumbers: [0, 1],
      groupValue: [4, 1],
      visitValues: [1, 0.25],
    });
    const r = solveChecked(inst);
    expect(r.value).toBeCloseTo(6.25 + 1, 9);
  });

  it("never serves a stop on a route the allowed matrix forbids", () => {
    const inst = build({
      positions: [5, 6],
      stops: [{ windows: [[0, 100]] }, { windows: [[0, 100]] }],
      routes: [{}],
      allowed: [1, 0],
    });
    const r = solveChecked(inst);
    expect(r.routes[0]!.visits.map((v) => v.stop)).toEqual([0]);
  });

  it("leaves out a stop whose round trip exceeds the drive limit", () => {
    const inst = build({
      positions: [5, 30],
      stops: [{ windows: [[0, 100]] }, { windows: [[0, 100]] }],
      routes: [{ maxDriveMinutes: 40 }],
    });
    const r = solveChecked(inst);
    expect(r.value).toBe(1);
    expect(r.routes[0]!.visits.map((v) => v.stop)).toEqual([0]);
  });

  it("keeps a pinned visit on its route at its exact start", () => {
    const inst = build({
      positions: [5, 6, 7],
      stops: [{ windows: [[0, 100]] }, { windows: [[0, 100]] }, { windows: [[0, 100]] }],
      routes: [{}, {}],
      pinned: [{ stop: 1, route: 1, start: 42 }],
    });
    const r = solveChecked(inst);
    expect(r.routes[1]!.visits).toContainEqual({ stop: 1, start: 42 });
    expect(r.value).toBe(3);
  });
});

describe("solve's contract", () => {
  const inst = readToptw(randomToptwText(40, 3), { name: "random40", vehicles: 2 });

  it("gives the same plan for the same seed and iteration limit", () => {
    const a = solveChecked(inst, { seed: 5, iterationLimit: 150, timeLimitMs: 1e9 });
    const b = solve(inst, { seed: 5, iterationLimit: 150, timeLimitMs: 1e9 });
    expect(b.routes).toEqual(a.routes);
    expect(b.value).toBe(a.value);
  });

  it("never ends below the construction's value and stops at the iteration limit", () => {
    for (const seed of [1, 2, 3]) {
      const r = solveChecked(inst, { seed, iterationLimit: 100, timeLimitMs: 1e9 });
      expect(r.value).toBeGreaterThanOrEqual(r.constructionValue);
      expect(r.iterations).toBeLessThanOrEqual(100);
      expect(r.stoppedBy).toBe("iterations");
    }
  });

  it("stops when cancelled and still returns a checked plan", () => {
    let polls = 0;
    const r = solveChecked(inst, { seed: 1, timeLimitMs: 1e9, isCancelled: () => ++polls > 20 });
    expect(r.stoppedBy).toBe("cancelled");
  });

  it("stops when the known bound is reached and reports it in progress", () => {
    const first = solve(inst, { seed: 1, iterationLimit: 100, timeLimitMs: 1e9 });
    const seen: number[] = [];
    const r = solve(inst, {
      seed: 1,
      iterationLimit: 100_000,
      timeLimitMs: 1e9,
      bound: first.constructionValue,
      onProgress: (p) => {
        expect(p.bound).toBe(first.constructionValue);
        seen.push(p.value);
      },
    });
    expect(r.stoppedBy).toBe("bound");
    expect(r.iterations).toBe(0);
    expect(seen.length).toBeGreaterThan(0);
  });

  it("stops at a bound inflated against round-off, which its plan meets within that slack", () => {
    const first = solve(inst, { seed: 1, iterationLimit: 100, timeLimitMs: 1e9 });
    const inflated = first.constructionValue * (1 + 1e-7) + 1e-6;
    const r = solve(inst, { seed: 1, iterationLimit: 100_000, timeLimitMs: 1e9, bound: inflated });
    expect(r.stoppedBy).toBe("bound");
    expect(r.iterations).toBe(0);
  });

  it("reads a live bound: it stops once the bound comes down to its plan, and reports the bound of the moment", () => {
    const best = solve(inst, { seed: 1, iterationLimit: 300, timeLimitMs: 1e9 });
    let reads = 0;
    // no bound for the first reads, then one the best plan of 300 iterations meets
    const bound = () => (++reads < 50 ? Number.POSITIVE_INFINITY : best.value);
    const reported: Array<number | null> = [];
    const r = solve(inst, {
      seed: 1,
      iterationLimit: 100_000,
      timeLimitMs: 1e9,
      bound,
      onProgress: (p) => reported.push(p.bound),
    });
    expect(reads).toBeGreaterThanOrEqual(50);
    expect(r.stoppedBy).toBe("bound");
    expect(r.value).toBeGreaterThanOrEqual(best.value - 1e-6);
    expect(reported[0]).toBe(Number.POSITIVE_INFINITY);
    expect(r.iterations).toBeLessThan(100_000);
  });

  it("reports progress with a best value that never decreases", () => {
    const values: number[] = [];
    solve(inst, { seed: 2, iterationLimit: 200, timeLimitMs: 1e9, onProgress: (p) => values.push(p.value) });
    for (let k = 1; k < values.length; k++) expect(values[k]!).toBeGreaterThanOrEqual(values[k - 1]!);
  });

  it("starts from a warm start and keeps at least its value", () => {
    const base = solve(inst, { seed: 1, iterationLimit: 50, timeLimitMs: 1e9 });
    const warm = solveChecked(inst, { seed: 9, iterationLimit: 0, timeLimitMs: 1e9, initial: base.routes });
    expect(warm.value).toBeGreaterThanOrEqual(base.value);
  });

  it("searches from its own first plan alike with and without construction (construct: false skips only wasted work)", () => {
    for (const seed of [1, 2, 3]) {
      const first = solve(inst, { seed, iterationLimit: 0, timeLimitMs: 1e9 });
      const again = solve(inst, { seed, iterationLimit: 150, timeLimitMs: 1e9, initial: first.routes });
      const skipped = solve(inst, {
        seed,
        iterationLimit: 150,
        timeLimitMs: 1e9,
        initial: first.routes,
        construct: false,
      });
      expect(skipped.constructionValue).toBe(first.value);
      expect(skipped.routes).toEqual(again.routes);
      expect(skipped.value).toBe(again.value);
    }
  });

  it("starts from a warm start as it is with construct: false, and fills it otherwise", () => {
    const half = solve(inst, { seed: 1, iterationLimit: 0, timeLimitMs: 1e9 }).routes.map((route, r) =>
      r === 0 ? { ...route, visits: [] } : route,
    );
    const filled = solve(inst, { seed: 1, iterationLimit: 0, timeLimitMs: 1e9, initial: half });
    const asIs = solve(inst, { seed: 1, iterationLimit: 0, timeLimitMs: 1e9, initial: half, construct: false });
    expect(asIs.routes[0]!.visits).toEqual([]);
    expect(filled.routes[0]!.visits.length).toBeGreaterThan(0);
    expect(filled.value).toBeGreaterThan(asIs.value);
  });

  it("refuses an infeasible warm start with a stable code", () => {
    const bad = [
      {
        departure: 0,
        visits: [
          { stop: 0, start: 0 },
          { stop: 0, start: 0 },
        ],
        lunch: null,
      },
      { departure: 0, visits: [], lunch: null },
    ];
    expect(() => solve(inst, { iterationLimit: 0, initial: bad })).toThrow(
      expect.objectContaining({ code: "CAREBUS_SOLVER_INFEASIBLE_START" }),
    );
  });

  it("respects a time limit of zero iterations' worth and still returns a plan", () => {
    const r = solveChecked(inst, { seed: 1, timeLimitMs: 0 });
    expect(r.stoppedBy).toBe("time");
  });
});
