/**
 * Random one-route instances with one window per stop, no lunch, no pins and no time grid
 * (asymmetric, possibly non-metric travel; setup and pack-up), and a random order of the
 * stops, for the properties of the search's exact shortcuts.
 */
import fc from "fast-check";
import type { Instance, RouteSpec } from "@carebus/solver";

export const N = 9;

export const arbInstance: fc.Arbitrary<{ inst: Instance; order: number[] }> = fc
  .record({
    travel: fc.array(fc.integer({ min: 1, max: 60 }), { minLength: (N + 1) ** 2, maxLength: (N + 1) ** 2 }),
    open: fc.array(fc.integer({ min: 0, max: 250 }), { minLength: N, maxLength: N }),
    span: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: N, maxLength: N }),
    dwell: fc.array(fc.integer({ min: 0, max: 25 }), { minLength: N, maxLength: N }),
    setup: fc.integer({ min: 0, max: 5 }),
    packup: fc.integer({ min: 0, max: 5 }),
    shiftEnd: fc.integer({ min: 150, max: 400 }),
    order: fc.array(fc.nat(), { minLength: N, maxLength: N }),
  })
  .map((g) => {
    const nl = N + 1;
    const travel = new Float64Array(nl * nl);
    for (let a = 0; a < nl; a++) for (let b = 0; b < nl; b++) travel[a * nl + b] = a === b ? 0 : g.travel[a * nl + b]!;
    const spec: RouteSpec = {
      bus: 0,
      day: 0,
      depot: N,
      shiftStart: 0,
      shiftEnd: g.shiftEnd,
      maxWorkMinutes: Infinity,
      maxDriveMinutes: Infinity,
      setupMinutes: g.setup,
      packupMinutes: g.packup,
      lunch: null,
    };
    const inst: Instance = {
      name: "random",
      nStops: N,
      nLocations: nl,
      travel,
      km: travel,
      dwell: Float64Array.from(g.dwell),
      windowOffset: Int32Array.from({ length: N + 1 }, (_, k) => k),
      windowOpen: Float64Array.from(g.open),
      windowClose: Float64Array.from(g.open.map((o, k) => o + g.span[k]!)),
      maxVisits: new Int32Array(N).fill(1),
      minDaysBetween: new Int32Array(N),
      routes: [spec],
      dayNumbers: new Int32Array([0]),
      allowed: new Uint8Array(N).fill(1),
      groupValue: new Float64Array(N).fill(1),
      stopGroupOffset: Int32Array.from({ length: N + 1 }, (_, k) => k),
      stopGroups: Int32Array.from({ length: N }, (_, k) => k),
      visitValues: new Float64Array([1]),
      pinned: [],
    };
    const order = Array.from({ length: N }, (_, k) => k).sort((a, b) => g.order[a]! - g.order[b]! || a - b);
    return { inst, order };
  });
