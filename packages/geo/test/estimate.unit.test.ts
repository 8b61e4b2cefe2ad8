import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  createEstimateProvider,
  createTravelProvider,
  DEFAULT_TRAVEL_ESTIMATE,
  haversineKm,
  type Place,
} from "@carebus/geo";

// Coordinates from the Wikipedia articles (degrees-minutes-seconds as published there):
// Plaza de Bolívar, Bogotá: 4°35′53″N 74°04′33″W; El Dorado International Airport: 4°42′05″N 74°08′49″W.
const dms = (d: number, m: number, s: number) => d + m / 60 + s / 3600;
const PLAZA_DE_BOLIVAR = { lat: dms(4, 35, 53), lon: -dms(74, 4, 33) };
const EL_DORADO = { lat: dms(4, 42, 5), lon: -dms(74, 8, 49) };

/** Independent check for short distances: equirectangular projection at the mean latitude. */
function flatKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const kmPerDeg = (2 * Math.PI * 6371.0088) / 360;
  const dy = (b.lat - a.lat) * kmPerDeg;
  const dx = (b.lon - a.lon) * kmPerDeg * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

const bogotaPlace = fc.record({
  lat: fc.double({ min: 4.0, max: 4.85, noNaN: true }),
  lon: fc.double({ min: -74.35, max: -73.95, noNaN: true }),
  zone: fc.constantFrom<"urban" | "rural">("urban", "rural"),
});

describe("haversineKm", () => {
  it("puts El Dorado about 13.9 km from Plaza de Bolívar, matching a flat-earth check within 0.1 %", () => {
    const km = haversineKm(PLAZA_DE_BOLIVAR, EL_DORADO);
    expect(Math.abs(km - flatKm(PLAZA_DE_BOLIVAR, EL_DORADO)) / km).toBeLessThan(0.001);
    expect(km).toBeGreaterThan(13.7);
    expect(km).toBeLessThan(14.1);
  });

  it("measures one degree of the equator as 2πR/360 = 111.195 km", () => {
    expect(haversineKm({ lat: 0, lon: 10 }, { lat: 0, lon: 11 })).toBeCloseTo(111.195, 3);
  });
});

describe("estimate provider", () => {
  it("times a journey as km × detour at the zone's speed plus access minutes", async () => {
    const provider = createTravelProvider({
      provider: "estimate",
      urbanSpeedKmh: 24,
      ruralSpeedKmh: 36,
      detourFactor: 1.5,
      accessMinutes: 4,
    });
    const rural: Place = { ...EL_DORADO, zone: "rural" };
    const m = await provider.matrix([PLAZA_DE_BOLIVAR, EL_DORADO, rural]);
    const km = haversineKm(PLAZA_DE_BOLIVAR, EL_DORADO) * 1.5;
    expect(m.km[1]).toBeCloseTo(km, 9);
    expect(m.minutes[1]).toBeCloseTo((km / 24) * 60 + 4, 9);
    expect(m.minutes[2]).toBeCloseTo((km / 36) * 60 + 4, 9); // either end rural → rural speed
    expect(m.minutes[1 * 3 + 2]).toBe(0); // same position: no journey
    expect(m.unreachable).toEqual([]);
  });

  it("uses DEFAULT_TRAVEL_ESTIMATE when the scenario has no travel settings", async () => {
    const m = await createTravelProvider(undefined).matrix([PLAZA_DE_BOLIVAR, EL_DORADO]);
    const d = DEFAULT_TRAVEL_ESTIMATE;
    const km = haversineKm(PLAZA_DE_BOLIVAR, EL_DORADO) * d.detourFactor;
    expect(m.minutes[1]).toBeCloseTo((km / d.urbanSpeedKmh) * 60 + d.accessMinutes, 9);
  });

  it("is symmetric with a zero diagonal", async () => {
    const provider = createEstimateProvider();
    await fc.assert(
      fc.asyncProperty(fc.array(bogotaPlace, { minLength: 1, maxLength: 8 }), async (places) => {
        const m = await provider.matrix(places);
        const n = places.length;
        for (let i = 0; i < n; i++) {
          expect(m.minutes[i * n + i]).toBe(0);
          for (let j = 0; j < n; j++) {
            expect(m.minutes[i * n + j]).toBeCloseTo(m.minutes[j * n + i]!, 9);
            expect(m.km[i * n + j]).toBeCloseTo(m.km[j * n + i]!, 9);
          }
        }
      }),
      { seed: 42, numRuns: 100 },
    );
  });

  it("keeps the triangle inequality for km, and for minutes among places of one zone", async () => {
    const provider = createEstimateProvider();
    await fc.assert(
      fc.asyncProperty(
        bogotaPlace,
        bogotaPlace,
        bogotaPlace,
        fc.constantFrom<"urban" | "rural">("urban", "rural"),
        async (a, b, c, zone) => {
          const m = await provider.matrix([a, b, c]);
          expect(m.km[2]!).toBeLessThanOrEqual(m.km[1]! + m.km[5]! + 1e-9);
          // with mixed zones a rural detour can be faster than the urban straight line, so
          // minutes obey the inequality only when one speed applies to every leg
          const same = await provider.matrix([a, b, c].map((p) => ({ ...p, zone })));
          expect(same.minutes[2]!).toBeLessThanOrEqual(same.minutes[1]! + same.minutes[5]! + 1e-9);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it("draws a straight leg with a depart and an arrive step", async () => {
    const legs = await createEstimateProvider().route([PLAZA_DE_BOLIVAR, { ...EL_DORADO, name: "El Dorado" }]);
    expect(legs).toHaveLength(1);
    const [leg] = legs;
    expect(leg!.coordinates).toEqual([
      [PLAZA_DE_BOLIVAR.lon, PLAZA_DE_BOLIVAR.lat],
      [EL_DORADO.lon, EL_DORADO.lat],
    ]);
    expect(leg!.steps.map((s) => s.maneuver.type)).toEqual(["depart", "arrive"]);
    // El Dorado is west-northwest of the plaza: initial bearing between 270° and 337.5°
    expect(leg!.steps[0]!.maneuver.bearing_after).toBeGreaterThan(270);
    expect(leg!.steps[0]!.maneuver.bearing_after).toBeLessThan(337.5);
  });
});

describe("travel minutes in shared memory", () => {
  it("builds them in a SharedArrayBuffer, so the bound's worker thread reads them without a copy", async () => {
    const m = await createEstimateProvider().matrix([PLAZA_DE_BOLIVAR, EL_DORADO]);
    expect(m.minutes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(m.minutes[1]).toBeGreaterThan(0);
  });
});
