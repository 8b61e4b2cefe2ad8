/**
 * The incremental feasibility test of the search (Solution.fits, from cached forward earliest /
 * backward latest times in two lunch states) against a brute-force re-simulation written here:
 * every lunch placement tried in turn, times propagated forward from scratch, and for the work
 * limit a bisection on the start of work. Random small routes with several windows per stop,
 * asymmetric and non-metric travel, setup and pack-up, a lunch break, drive and work limits.
 * Without a work limit the two must agree exactly; with one, the cached test may be
 * conservative but must never accept a route the re-simulation rejects. Every accepted route
 * is also scheduled and handed to the independent checker.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { checkSolution, type Instance, type RouteSpec } from "@carebus/solver";
import { Problem } from "../src/solution/problem.js";
import { Solution } from "../src/solution/solution.js";
import { scheduleRoute } from "../src/solution/schedule.js";

const TOL = 1e-6;

interface Case {
  inst: Instance;
  seq: number[];
  /** replace positions i+1..j-1 (1-based stops) by mid */
  i: number;
  j: number;
  mid: number[];
}

const arbWindows = fc
  .array(fc.integer({ min: 0, max: 300 }), { minLength: 2, maxLength: 6 })
  .map((xs) => [...new Set(xs)].sort((a, b) => a - b))
  .filter((xs) => xs.length >= 2)
  .map((xs) => {
    const pairs: [number, number][] = [];
    for (let k = 0; k + 1 < xs.length; k += 2) pairs.push([xs[k]!, xs[k + 1]!]);
    return pairs;
  });

const arbCase: fc.Arbitrary<Case> = fc
  .record({
    n: fc.integer({ min: 1, max: 6 }),
    travel: fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 49, maxLength: 49 }),
    windows: fc.array(arbWindows, { minLength: 6, maxLength: 6 }),
    dwell: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: 6, maxLength: 6 }),
    setup: fc.integer({ min: 0, max: 5 }),
    packup: fc.integer({ min: 0, max: 5 }),
    shiftStart: fc.integer({ min: 0, max: 30 }),
    shiftEnd: fc.integer({ min: 120, max: 360 }),
    lunch: fc.option(
      fc.record({
        start: fc.integer({ min: 30, max: 150 }),
        span: fc.integer({ min: 20, max: 90 }),
        minutes: fc.integer({ min: 10, max: 30 }),
      }),
      { nil: null },
    ),
    maxDrive: fc.option(fc.integer({ min: 30, max: 150 }), { nil: null }),
    maxWork: fc.option(fc.integer({ min: 60, max: 300 }), { nil: null }),
    order: fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
    cut: fc.tuple(fc.nat(), fc.nat(), fc.nat()),
  })
  .map((g) => {
    const n = g.n;
    const nl = n + 1;
    const travel = new Float64Array(nl * nl);
    for (let a = 0; a < nl; a++) for (let b = 0; b < nl; b++) travel[a * nl + b] = a === b ? 0 : g.travel[a * 7 + b]!;
    const windowOffset = new Int32Array(n + 1);
    const open: number[] = [];
    const close: number[] = [];
    for (let s = 0; s < n; s++) {
      for (const [o, c] of g.windows[s]!) {
        open.push(o);
        close.push(c);
      }
      windowOffset[s + 1] = open.length;
    }
    const spec: RouteSpec = {
      bus: 0,
      day: 0,
      depot: n,
      shiftStart: g.shiftStart,
      shiftEnd: g.shiftEnd,
      maxWorkMinutes: g.maxWork ?? Infinity,
      maxDriveMinutes: g.maxDrive ?? Infinity,
      setupMinutes: g.setup,
      packupMinutes: g.packup,
      lunch: g.lunch ? { start: g.lunch.start, end: g.lunch.start + g.lunch.span, minutes: g.lunch.minutes } : null,
    };
    const inst: Instance = {
      name: "random",
      nStops: n,
      nLocations: nl,
      travel,
      km: travel,
      dwell: Float64Array.from(g.dwell.slice(0, n)),
      windowOffset,
      windowOpen: Float64Array.from(open),
      windowClose: Float64Array.from(close),
      maxVisits: new Int32Array(n).fill(1),
      minDaysBetween: new Int32Array(n),
      routes: [spec],
      dayNumbers: new Int32Array([0]),
      allowed: new Uint8Array(n).fill(1),
      groupValue: new Float64Array(n).fill(1),
      stopGroupOffset: Int32Array.from({ length: n + 1 }, (_, k) => k),
      stopGroups: Int32Array.from({ length: n }, (_, k) => k),
      visitValues: new Float64Array([1]),
      pinned: [],
    };
    // a random order of the stops: the route takes a prefix, the rest may be inserted
    const perm = Array.from({ length: n }, (_, k) => k).sort((a, b) => g.order[a]! - g.order[b]! || a - b);
    const keep = g.cut[0] % (n + 1);
    const seq = perm.slice(0, keep);
    const i = g.cut[1] % (keep + 1);
    const j = i + 1 + (g.cut[2] % (keep - i + 1));
    const mid = perm.slice(keep, keep + 1 + (g.cut[2] % 2)).concat(seq.slice(i, j - 1).reverse());
    return { inst, seq, i, j, mid };
  });

/** forward times of `stops` with the break at `place` (-1 none, 0 depot before, k after visit k, n+1 after return) from `begin` */
function forward(
  inst: Instance,
  stops: number[],
  place: number,
  begin: number,
): { ok: boolean; end: number; drive: number } {
  const spec = inst.routes[0]!;
  const nl = inst.nLocations;
  const l = spec.lunch;
  let ready = begin;
  let ok = true;
  const takeBreak = (): void => {
    const b = Math.max(ready, l!.start);
    if (b + l!.minutes > l!.end + TOL) ok = false;
    ready = b + l!.minutes;
  };
  if (place === 0) takeBreak();
  let at = spec.depot;
  let drive = 0;
  stops.forEach((s, k) => {
    drive += inst.travel[at * nl + s]!;
    const earliest = ready + inst.travel[at * nl + s]! + spec.setupMinutes;
    let start = Infinity;
    for (let w = inst.windowOffset[s]!; w < inst.windowOffset[s + 1]!; w++) {
      if (earliest <= inst.windowClose[w]! + TOL) {
        start = Math.max(earliest, inst.windowOpen[w]!);
        break;
      }
    }
    if (start === Infinity) ok = false;
    ready = start + inst.dwell[s]! + spec.packupMinutes;
    at = s;
    if (place === k + 1 && place <= stops.length && l) takeBreak();
  });
  drive += inst.travel[at * nl + spec.depot]!;
  ready += inst.travel[at * nl + spec.depot]!;
  if (ready > spec.shiftEnd + TOL) ok = false;
  if (place === stops.length + 1 && l) takeBreak();
  if (ready > spec.shiftEnd + TOL) ok = false;
  return { ok, end: ready, drive };
}

/** brute force: some break placement and start of work make the route feasible */
function feasible(inst: Instance, stops: number[]): boolean {
  const spec = inst.routes[0]!;
  const places = spec.lunch ? Array.from({ length: stops.length + 2 }, (_, k) => k) : [-1];
  for (const place of places) {
    const first = forward(inst, stops, place, spec.shiftStart);
    if (!first.ok || first.drive > spec.maxDriveMinutes + TOL) continue;
    if (spec.maxWorkMinutes === Infinity) return true;
    // latest start of work that still ends at the earliest end: bisection (end is monotone in start)
    let lo = spec.shiftStart;
    let hi = first.end;
    for (let it = 0; it < 80; it++) {
      const midpoint = (lo + hi) / 2;
      const run = forward(inst, stops, place, midpoint);
      if (run.ok && run.end <= first.end + 1e-9) lo = midpoint;
      else hi = midpoint;
    }
    if (first.end - lo <= spec.maxWorkMinutes + 1e-4) return true;
  }
  return false;
}

describe("Solution.fits against re-simulation", () => {
  test("agrees without a work limit, and never accepts an infeasible route", () =>
    fc.assert(
      fc.property(arbCase, (c) => {
        const p = new Problem(c.inst);
        const sol = new Solution(p);
        sol.setRoute(0, c.seq);
        const result = [...c.seq.slice(0, c.i), ...c.mid, ...c.seq.slice(c.j - 1)];
        const fast = sol.fits(0, c.i, c.j, c.mid, c.mid.length) >= 0;
        const slow = feasible(c.inst, result);
        if (c.inst.routes[0]!.maxWorkMinutes === Infinity) expect(fast).toBe(slow);
        else if (fast) expect(slow).toBe(true);
        if (fast) {
          const route = scheduleRoute(p, 0, result);
          expect(checkSolution(c.inst, [route]).violations).toEqual([]);
        }
      }),
      { seed: 42, numRuns: 1500 },
    ));

  test("reports the travel of the replaced part", () =>
    fc.assert(
      fc.property(arbCase, (c) => {
        const sol = new Solution(new Problem(c.inst));
        sol.setRoute(0, c.seq);
        const part = sol.fits(0, c.i, c.j, c.mid, c.mid.length);
        if (part < 0) return;
        const nl = c.inst.nLocations;
        const path = [sol.loc(0, c.i), ...c.mid, sol.loc(0, c.j)];
        let expected = 0;
        for (let k = 0; k + 1 < path.length; k++) expected += c.inst.travel[path[k]! * nl + path[k + 1]!]!;
        expect(part).toBeCloseTo(expected, 9);
      }),
      { seed: 7, numRuns: 300 },
    ));
});
