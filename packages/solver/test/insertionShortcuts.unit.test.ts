/**
 * The exact shortcuts of insertion, against plain scans:
 *  - the window range of bestPlacementInRoute (two binary searches on the route's earliest and
 *    latest times) finds the same place as trying every position with `fits`, also with two
 *    windows per stop and a lunch break;
 *  - where Problem.insertionTightens holds, a stop that fits nowhere in a route still fits
 *    nowhere after another stop is inserted there (what lets greedy insertion keep such entries
 *    without re-evaluating them), and the flag is off where travel breaks the triangle rule.
 */
import { describe, expect, test } from "vitest";
import fc from "fast-check";
import type { Instance } from "@carebus/solver";
import { Problem } from "../src/solution/problem.js";
import { Solution } from "../src/solution/solution.js";
import { bestPlacementInRoute, type Placement } from "../src/construction/insertion.js";
import { arbInstance, N } from "./singleWindowInstances.js";

/** the same instances with, at random, each wide window split in two and a lunch break */
const arbRichInstance = fc.tuple(arbInstance, fc.boolean(), fc.boolean()).map(([{ inst, order }, split, lunch]) => {
  const offset = [0];
  const open: number[] = [];
  const close: number[] = [];
  for (let s = 0; s < N; s++) {
    const o = inst.windowOpen[s]!;
    const c = inst.windowClose[s]!;
    if (split && c - o >= 30) {
      open.push(o, o + (2 * (c - o)) / 3);
      close.push(o + (c - o) / 3, c);
    } else {
      open.push(o);
      close.push(c);
    }
    offset.push(open.length);
  }
  const spec = inst.routes[0]!;
  const rich: Instance = {
    ...inst,
    windowOffset: Int32Array.from(offset),
    windowOpen: Float64Array.from(open),
    windowClose: Float64Array.from(close),
    routes: [lunch ? { ...spec, lunch: { start: 60, end: 200, minutes: 20 } } : spec],
  };
  return { inst: rich, order };
});

/** the same instances on a plane: travel is the Euclidean distance rounded up, a metric */
const arbMetricInstance = arbInstance.map(({ inst, order }) => {
  const nl = inst.nLocations;
  const x = (k: number) => inst.travel[k]!;
  const y = (k: number) => inst.travel[nl * nl - 1 - k]!;
  const travel = new Float64Array(nl * nl);
  for (let a = 0; a < nl; a++)
    for (let b = 0; b < nl; b++) travel[a * nl + b] = Math.ceil(Math.hypot(x(a) - x(b), y(a) - y(b)));
  return { inst: { ...inst, travel, km: travel }, order };
});

/** best place by trying every position: least shift, then least added travel, first on ties */
function scanAllPositions(sol: Solution, stop: number): { idx: number; shift: number } | null {
  const p = sol.p;
  const spec = p.inst.routes[0]!;
  const seq = sol.seq[0]!;
  const ef0 = sol.ef0[0]!;
  const ct = sol.ct[0]!;
  let best: { idx: number; shift: number; dTravel: number } | null = null;
  for (let i = 0; i <= seq.length; i++) {
    const part = sol.fits(0, i, i + 1, [stop], 1);
    if (part < 0) continue;
    const prev = sol.loc(0, i);
    const next = sol.loc(0, i + 1);
    const ready =
      p.firstStart(stop, 0, ef0[i]! + p.t(prev, stop) + spec.setupMinutes) + p.inst.dwell[stop]! + spec.packupMinutes;
    const shift = ready + p.t(stop, next) - (ef0[i]! + p.t(prev, next));
    const dTravel = part - (ct[i + 1]! - ct[i]!);
    if (!best || shift < best.shift || (shift === best.shift && dTravel < best.dTravel))
      best = { idx: i, shift, dTravel };
  }
  return best && { idx: best.idx, shift: best.shift };
}

/** the route of `order`'s stops, each at its best place when it fits */
function buildRoute(inst: Instance, order: readonly number[]): Solution {
  const sol = new Solution(new Problem(inst));
  const out: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };
  for (const s of order.slice(0, 6)) {
    const got = bestPlacementInRoute(sol, s, 0, out);
    if (got) sol.insert(0, got.idx, s);
  }
  return sol;
}

describe("insertion shortcuts", () => {
  test("the window range finds what a scan of every position finds", () =>
    fc.assert(
      fc.property(arbRichInstance, ({ inst, order }) => {
        const sol = buildRoute(inst, order);
        const out: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };
        for (let u = 0; u < N; u++) {
          if (sol.visitRoutes[u]!.length > 0) continue;
          const got = bestPlacementInRoute(sol, u, 0, out);
          const expected = scanAllPositions(sol, u);
          expect(got && { idx: got.idx, shift: got.shift }).toEqual(expected);
        }
      }),
      { numRuns: 300, seed: 5 },
    ));

  let kept = 0;
  test("where insertion tightens, a stop that fits nowhere still fits nowhere after another insertion", () =>
    fc.assert(
      fc.property(arbMetricInstance, ({ inst, order }) => {
        const base = buildRoute(inst, order);
        if (!base.p.insertionTightens) return;
        const out: Placement = { route: -1, idx: 0, shift: 0, dTravel: 0 };
        const open = order.filter((s) => base.visitRoutes[s]!.length === 0);
        for (const u of open) {
          if (bestPlacementInRoute(base, u, 0, out)) continue;
          for (const w of open) {
            if (w === u) continue;
            const after = base.clone();
            const place = bestPlacementInRoute(after, w, 0, out);
            if (!place) continue;
            after.insert(0, place.idx, w);
            expect(bestPlacementInRoute(after, u, 0, out), `stop ${u} after inserting ${w}`).toBeNull();
            kept++;
          }
        }
      }),
      { numRuns: 300, seed: 7 },
    ));

  test("the tightening property was exercised", () => {
    expect(kept).toBeGreaterThan(0);
  });

  test("insertion does not tighten where a detour through a stop is shorter than the direct leg", () => {
    const { inst } = fc.sample(arbInstance, { numRuns: 1, seed: 9 })[0]!;
    const nl = inst.nLocations;
    const travel = Float64Array.from(inst.travel);
    // stop 0 as a shortcut between stops 1 and 2, even with its service counted
    travel[1 * nl + 0] = 1;
    travel[0 * nl + 2] = 1;
    travel[1 * nl + 2] = 100 + inst.dwell[0]! + 20;
    expect(new Problem({ ...inst, travel, km: travel }).insertionTightens).toBe(false);
  });
});
