/**
 * fast-check arbitrary of small scenarios for the whole scenario → plan pipeline: integer data,
 * and windows generous enough that most scenarios have several good plans.
 */
import fc from "fast-check";
import type { Scenario, Weekday } from "@carebus/model";

const WEEK: Weekday[] = ["mon", "tue", "wed", "thu", "fri", "sat"];
const clock = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

/** A random small scenario (≤ 8 stops, 1–2 buses, 1–3 days from Monday 23 November 2026, in
 *  either demand form) that passes validation. Travel comes from the caller's provider. */
export function arbSmallScenario(): fc.Arbitrary<Scenario> {
  return fc
    .record({
      days: fc.integer({ min: 1, max: 3 }),
      buses: fc.array(
        fc.record({
          rural: fc.boolean(),
          start: fc.integer({ min: 420, max: 540 }),
          hours: fc.integer({ min: 3, max: 8 }),
          lunch: fc.boolean(),
          setup: fc.integer({ min: 0, max: 10 }),
        }),
        { minLength: 1, maxLength: 2 },
      ),
      stops: fc.array(
        fc.record({
          dLat: fc.integer({ min: -40, max: 40 }),
          dLon: fc.integer({ min: -40, max: 40 }),
          open: fc.integer({ min: 420, max: 840 }),
          hours: fc.integer({ min: 1, max: 6 }),
          dwell: fc.integer({ min: 15, max: 60 }),
          rural: fc.boolean(),
          maxVisits: fc.integer({ min: 1, max: 3 }),
          minDays: fc.integer({ min: 0, max: 2 }),
          weekdays: fc.option(fc.subarray(WEEK, { minLength: 1 }), { freq: 3 }),
          score: fc.integer({ min: 0, max: 20 }),
        }),
        { minLength: 1, maxLength: 8 },
      ),
      points: fc.option(
        fc.array(
          fc.record({
            dLat: fc.integer({ min: -40, max: 40 }),
            dLon: fc.integer({ min: -40, max: 40 }),
            caregivers: fc.integer({ min: 1, max: 50 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        { freq: 2 },
      ),
    })
    .map((d): Scenario => {
      const kinds = [...new Set(d.buses.map((b) => (b.rural ? "rural" : "urban")))];
      const stops = d.stops.map((s, i) => ({
        id: `s${i}`,
        name: `Stop ${i}`,
        lat: 4.6 + s.dLat / 1000,
        lon: -74.1 + s.dLon / 1000,
        zone: s.rural ? ("rural" as const) : ("urban" as const),
        locality: i % 2 ? "Bosa" : "Usme",
        busKinds: s.rural && kinds.includes("rural") ? ["rural"] : kinds,
        ...(s.weekdays ? { weekdays: s.weekdays } : {}),
        timeWindows: [
          { start: clock(s.open), end: clock(Math.min(23 * 60 + 59, s.open + Math.max(s.dwell, s.hours * 60))) },
        ],
        dwellMinutes: s.dwell,
        maxVisits: s.maxVisits,
        minDaysBetween: s.minDays,
      }));
      return {
        format: "carebus-scenario",
        version: 1,
        id: "small",
        name: "small random scenario",
        horizon: { startDate: "2026-11-23", days: d.days },
        depots: [{ id: "D0", name: "Depot", lat: 4.6, lon: -74.1 }],
        buses: d.buses.map((b, i) => ({
          id: `b${i}`,
          name: `Bus ${i}`,
          kind: b.rural ? "rural" : "urban",
          depotId: "D0",
          shift: { start: clock(b.start), end: clock(Math.min(23 * 60 + 59, b.start + b.hours * 60)) },
          setupMinutes: b.setup,
          ...(b.lunch ? { lunch: { start: clock(b.start + 60), end: clock(b.start + 150), minutes: 45 } } : {}),
        })),
        stops,
        demand: d.points
          ? {
              kind: "points",
              points: d.points.map((p) => ({
                lat: 4.6 + p.dLat / 1000,
                lon: -74.1 + p.dLon / 1000,
                caregivers: p.caregivers,
                locality: "Bosa",
                zone: "urban" as const,
              })),
              coverage: {
                catchmentMinutes: { urban: 20, rural: 30 },
                walkingSpeedKmh: 4,
                detourFactor: 1.3,
                visitValues: [1, 0.5],
              },
            }
          : { kind: "scores", scores: d.stops.map((s, i) => ({ stopId: `s${i}`, score: s.score })) },
      };
    });
}
