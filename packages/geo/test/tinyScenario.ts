/**
 * A hand-made scenario and plan for the geo tests. Points sit due north of the first stop at
 * chosen latitude offsets: along a meridian the great-circle distance is exactly
 * R·Δφ = 111.19508 km per degree (R = 6371.0088 km), so walking minutes can be computed by hand:
 * minutes = Δlat × 111.19508 × detour ÷ speed × 60 = Δlat × 2001.51 with detour 1.2, 4 km/h.
 */
import { parseScenario, type Plan, type Scenario } from "@carebus/model";

export const KM_PER_DEGREE = 111.19508;
export const STOP0 = { lat: 4.6, lon: -74.1 };

/** Offsets (degrees north of STOP0) and the walking minutes they give (hand-computed). */
export const POINTS = [
  { dLat: 0.0, zone: "urban", caregivers: 10, weight: 1, locality: "Kennedy" }, // 0 min
  { dLat: 0.005, zone: "urban", caregivers: 20, weight: 2, locality: "Kennedy" }, // 10.01 min, at the Care Block
  { dLat: 0.0099, zone: "urban", caregivers: 5, weight: 1, locality: "Bosa" }, // 19.81 min ≤ 20
  { dLat: 0.0101, zone: "urban", caregivers: 7, weight: 1, locality: "Bosa" }, // 20.22 min > 20
  { dLat: 0.014, zone: "rural", caregivers: 3, weight: 1, locality: "Usme" }, // 28.02 min ≤ 30 (rural)
  { dLat: 0.016, zone: "rural", caregivers: 4, weight: 1, locality: "Usme" }, // 32.02 min > 30
] as const;

/** The tiny scenario; `travel` and `demand` may be replaced. */
export function tinyScenario(overrides: Partial<Scenario> = {}): Scenario {
  const doc = {
    format: "carebus-scenario",
    version: 1,
    id: "geo-tiny",
    name: "geo tests",
    horizon: { startDate: "2026-11-30", days: 1 },
    depots: [{ id: "d1", name: "Base", lat: 4.59, lon: -74.1 }],
    buses: [{ id: "b1", name: "Bus 1", kind: "urban", depotId: "d1", shift: { start: "07:00", end: "17:00" } }],
    stops: [
      {
        id: "s0",
        name: "Parque Cero",
        ...STOP0,
        zone: "urban",
        locality: "Kennedy",
        busKinds: ["urban"],
        timeWindows: [{ start: "08:00", end: "16:00" }],
        dwellMinutes: 60,
      },
      {
        id: "s1",
        name: "Vereda Uno",
        lat: STOP0.lat + 0.03,
        lon: STOP0.lon,
        zone: "rural",
        locality: "Usme",
        busKinds: ["urban"],
        timeWindows: [{ start: "08:00", end: "16:00" }],
        dwellMinutes: 60,
      },
    ],
    demand: {
      kind: "points",
      points: POINTS.map((p, i) => ({
        id: `p${i}`,
        lat: STOP0.lat + p.dLat,
        lon: STOP0.lon,
        caregivers: p.caregivers,
        weight: p.weight,
        locality: p.locality,
        zone: p.zone,
      })),
      coverage: {
        catchmentMinutes: { urban: 20, rural: 30 },
        walkingSpeedKmh: 4,
        detourFactor: 1.2,
        visitValues: [1],
        careBlockMinutes: 10,
        careBlockDiscount: 0.5,
      },
      careBlocks: [{ id: "mc1", name: "Manzana del Cuidado", lat: STOP0.lat + 0.005, lon: STOP0.lon }],
    },
    ...overrides,
  };
  return parseScenario(doc);
}

/** A one-route plan for `scenario` visiting s0 then s1 (times are not checked by geo). */
export function tinyPlan(scenario: Scenario, hash = "0".repeat(64)): Plan {
  const t = (hhmm: string) => `2026-11-30T${hhmm}:00-05:00`;
  const visit = (stopId: string, at: string) => ({
    stopId,
    arrival: t(at),
    serviceStart: t(at),
    serviceEnd: t(at),
    departure: t(at),
    travelMinutes: 10,
    km: 2,
    value: 1,
  });
  return {
    format: "carebus-plan",
    version: 1,
    scenario: { id: scenario.id, hash },
    timeZone: "America/Bogota",
    dates: ["2026-11-30"],
    routes: [
      {
        busId: "b1",
        date: "2026-11-30",
        depotId: "d1",
        departure: t("07:30"),
        return: t("12:00"),
        visits: [visit("s0", "08:00"), visit("s1", "10:00")],
        returnTravelMinutes: 10,
        returnKm: 2,
        travelMinutes: 30,
        km: 6,
        workMinutes: 270,
      },
    ],
    totals: {
      value: 2,
      caregiversReached: 42,
      visits: 2,
      stopsVisited: 2,
      travelMinutes: 30,
      km: 6,
      byLocality: [],
      byZone: [],
    },
    unvisited: [],
    stats: { value: 2, bound: 2, gap: 0, travelMinutes: 30, iterations: 0, elapsedMs: 0, seed: 1 },
  };
}
