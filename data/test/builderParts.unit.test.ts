/**
 * The builder's small parts: the seeded generator, the largest-remainder split and the JSON
 * formatter. Each is what makes the committed scenario reproducible and exact.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { apportion } from "@carebus/import";
import { formatJson } from "@carebus/import";
import { createRng } from "../scripts/rng.js";
import { canBusServe } from "../scripts/servability.js";
import type { Bus, Stop } from "@carebus/model";

describe("createRng", () => {
  it("repeats the same stream for the same seed and differs for another", () => {
    const a = createRng(7);
    const b = createRng(7);
    const c = createRng(8);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
  });

  it("draws in [0, 1) and integers in [0, n)", () => {
    const rng = createRng(123);
    for (let i = 0; i < 10_000; i++) {
      const x = rng.next();
      expect(x >= 0 && x < 1).toBe(true);
      const k = rng.int(6);
      expect(Number.isInteger(k) && k >= 0 && k < 6).toBe(true);
    }
  });
});

describe("apportion", () => {
  it("splits by weight with the largest remainders", () => {
    expect(apportion(10, [1, 1, 2])).toEqual([3, 2, 5]);
    expect(apportion(7, [0, 0, 1], 2)).toEqual([2, 2, 3]);
  });

  it("refuses a total too small for the minimum", () => {
    expect(() => apportion(5, [1, 1, 1], 2)).toThrow(RangeError);
  });

  it("always sums to the total, respects the minimum and stays within one of the exact share", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 3 }),
        (weights, extra, minimum) => {
          const total = weights.length * minimum + extra;
          const parts = apportion(total, weights, minimum);
          const sum = weights.reduce((a, b) => a + b, 0);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          parts.forEach((p, i) => {
            expect(p).toBeGreaterThanOrEqual(minimum);
            const exact = minimum + (sum > 0 ? (extra * weights[i]!) / sum : extra / weights.length);
            expect(Math.abs(p - exact)).toBeLessThan(1 + 1e-9);
          });
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("formatJson", () => {
  it("keeps small flat objects on one line and round-trips", () => {
    const value = {
      a: [
        { x: 1, y: "z" },
        { x: 2, y: "w" },
      ],
      b: { c: { d: [1, 2] } },
      e: [],
      f: {},
    };
    const text = formatJson(value);
    expect(text).toContain('{ "x": 1, "y": "z" }');
    expect(text.endsWith("\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(value);
  });

  it("round-trips any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(formatJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 42, numRuns: 300 },
    );
  });
});

describe("canBusServe", () => {
  const bus: Bus = {
    id: "b",
    name: "b",
    kind: "urban",
    depotId: "d",
    shift: { start: "07:00", end: "17:00" },
    setupMinutes: 20,
    packupMinutes: 20,
    lunch: { start: "11:30", end: "14:00", minutes: 45 },
  };
  const depot = { id: "d", name: "d", lat: 4.6, lon: -74.1 };
  const travel = { urbanSpeedKmh: 20, ruralSpeedKmh: 25, detourFactor: 1.3, accessMinutes: 5 };
  const stop = (lat: number, windowEnd: string, dwellMinutes = 180): Stop => ({
    id: "s",
    name: "s",
    lat,
    lon: -74.1,
    zone: "urban",
    locality: "x",
    busKinds: ["urban"],
    timeWindows: [{ start: "08:00", end: windowEnd }],
    dwellMinutes,
  });

  it("accepts a nearby stop whose window holds set-up, dwell and pack-up", () => {
    expect(canBusServe(bus, depot, stop(4.61, "12:00"), travel, ["mon"])).toBe(true);
  });

  it("rejects a window shorter than set-up + dwell + pack-up", () => {
    expect(canBusServe(bus, depot, stop(4.61, "11:30"), travel, ["mon"])).toBe(false);
  });

  it("rejects a stop too far to get back within the shift", () => {
    // 1° of latitude ≈ 111 km, × 1.3 at 20 km/h ≈ 7 h each way
    expect(canBusServe(bus, depot, stop(5.6, "16:00"), travel, ["mon"])).toBe(false);
  });

  it("rejects a bus of a kind the stop does not accept", () => {
    expect(canBusServe({ ...bus, kind: "rural" }, depot, stop(4.61, "12:00"), travel, ["mon"])).toBe(false);
  });
});
