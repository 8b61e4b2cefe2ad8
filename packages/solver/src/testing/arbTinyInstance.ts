/**
 * fast-check arbitrary of tiny instances the exact method can still solve (≤ 8 stops, ≤ 3
 * bus-days) with every rule in play. Data are integers so that exact and heuristic times agree
 * to the last bit, and windows are generous enough that most instances have several good plans.
 */
import fc from "fast-check";
import type { Instance } from "../instance/instance.js";
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
