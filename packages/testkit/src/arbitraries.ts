/**
 * fast-check arbitraries for property tests: tiny instances the exact method can still solve
 * (≤ 8 stops, ≤ 3 bus-days) with every rule in play, and small scenarios for the whole
 * scenario → plan pipeline. Data are integers so that exact and heuristic times agree to the
 * last bit, and windows are generous enough that most instances have several good plans.
 */
import fc from "fast-check";
import type { Instance } from "@carebus/solver";
import type { Scenario, Weekday } from "@carebus/model";
import { euclideanMinutes, makeInstance } from "./makeInstance.js";

/** Options of `arbTinyInstance`. */
export interface TinyInstanceOptions {
  maxStops?: number;
  maxRoutes?: number;
}

/** A random tiny instance: ≤ 8 stops, ≤ 3 routes over up to 3 days, random windows, dwell,
 *  lunch, limits, max visits, days between visits and overlapping demand groups. */
export function arbTinyInstance(options: TinyInstanceOptions = {}): fc.Arbitrary<Instance> {
  const maxStops = options.maxStops ?? 8;
  const maxRoutes = options.maxRoutes ?? 3;
  return fc
    .record({
      nStops: fc.integer({ min: 1, max: maxStops }),
      nRoutes: fc.integer({ min: 1, max: maxRoutes }),
      nGroups: fc.integer({ min: 1, max: 6 }),
      seedPoints: fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 })), {
        minLength: maxStops + 2,
        maxLength: maxStops + 2,
      }),
      stops: fc.array(
        fc.record({
          dwell: fc.integer({ min: 5, max: 60 }),
          open: fc.integer({ min: 0, max: 300 }),
          width: fc.integer({ min: 0, max: 200 }),
          second: fc.option(
            fc.record({ gap: fc.integer({ min: 1, max: 60 }), width: fc.integer({ min: 0, max: 120 }) }),
            { freq: 4 },
          ),
          maxVisits: fc.integer({ min: 1, max: 3 }),
          minDays: fc.integer({ min: 0, max: 2 }),
          groups: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }),
        }),
        { minLength: maxStops, maxLength: maxStops },
      ),
      routes: fc.array(
        fc.record({
          day: fc.integer({ min: 0, max: 2 }),
          depot: fc.integer({ min: 0, max: 1 }),
          shiftStart: fc.integer({ min: 0, max: 60 }),
          shiftLength: fc.integer({ min: 120, max: 400 }),
          maxWork: fc.option(fc.integer({ min: 100, max: 300 }), { freq: 3 }),
          maxDrive: fc.option(fc.integer({ min: 30, max: 150 }), { freq: 3 }),
          setup: fc.integer({ min: 0, max: 10 }),
          packup: fc.integer({ min: 0, max: 10 }),
          lunch: fc.option(
            fc.record({
              at: fc.integer({ min: 0, max: 100 }),
              slack: fc.integer({ min: 0, max: 60 }),
              minutes: fc.integer({ min: 10, max: 45 }),
            }),
            { freq: 3 },
          ),
        }),
        { minLength: maxRoutes, maxLength: maxRoutes },
      ),
      dayGaps: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 2, maxLength: 2 }),
      groupValues: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 6, maxLength: 6 }),
      visitValues: fc.constantFrom([1], [1, 0], [1, 0.5], [1, 0.5, 0.25]),
      forbidden: fc.array(fc.boolean(), { minLength: maxStops * maxRoutes, maxLength: maxStops * maxRoutes }),
    })
    .map((d) => {
      const stops = d.stops.slice(0, d.nStops);
      const routes = d.routes.slice(0, d.nRoutes);
      const points = [...d.seedPoints.slice(0, d.nStops), d.seedPoints[maxStops]!, d.seedPoints[maxStops + 1]!];
      const dayNumbers = [100, 100 + d.dayGaps[0]!, 100 + d.dayGaps[0]! + d.dayGaps[1]!];
      const groups = Array.from({ length: d.nGroups }, (_, g) => ({
        value: d.groupValues[g]!,
        stops: stops.flatMap((s, i) => (s.groups.includes(g) ? [i] : [])),
      }));
      // every stop covers at least its own group so that no stop is worthless by construction
      stops.forEach((s, i) => {
        if (!s.groups.some((g) => g < d.nGroups)) groups[i % d.nGroups]!.stops.push(i);
      });
      return makeInstance({
        name: "tiny",
        travel: euclideanMinutes(points),
        dwell: stops.map((s) => s.dwell),
        windows: stops.map((s) => {
          const first: [number, number] = [s.open, s.open + s.width];
          return s.second ? [first, [first[1] + s.second.gap, first[1] + s.second.gap + s.second.width]] : [first];
        }),
        routes: routes.map((r, i) => ({
          bus: i,
          day: r.day,
          depot: d.nStops + r.depot,
          shiftStart: r.shiftStart,
          shiftEnd: r.shiftStart + r.shiftLength,
          maxWorkMinutes: r.maxWork ?? Infinity,
          maxDriveMinutes: r.maxDrive ?? Infinity,
          setupMinutes: r.setup,
          packupMinutes: r.packup,
          lunch: r.lunch ? lunchInside(r.shiftStart, r.shiftLength, r.lunch) : null,
        })),
        dayNumbers,
        allowed: (s, r) => !d.forbidden[s * maxRoutes + r] || (s + r) % 3 !== 0,
        maxVisits: stops.map((s) => s.maxVisits),
        minDaysBetween: stops.map((s) => s.minDays),
        groups,
        visitValues: [...d.visitValues],
      });
    });
}

/** A lunch window somewhere inside the shift (its position a percentage of the free time). */
function lunchInside(shiftStart: number, shiftLength: number, lunch: { at: number; slack: number; minutes: number }) {
  const width = lunch.minutes + lunch.slack;
  const start = shiftStart + Math.floor(((shiftLength - width) * lunch.at) / 100);
  return { start, end: start + width, minutes: lunch.minutes };
}

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
