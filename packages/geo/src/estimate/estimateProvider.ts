/**
 * The default travel provider: no data needed. Road kilometres are the straight line times a
 * detour factor; minutes are those kilometres at the urban or rural speed, plus fixed access
 * minutes. Crude, but symmetric, honest about what it is, and instantaneous. Islands listed as
 * ferries are reached only through their ramps, paying the crossing and the wait.
 */
import type { FerryCrossing } from "@carebus/model";
import { haversineKm } from "../haversineKm.js";
import { sharedMatrix } from "../sharedCopy.js";
import type { Place, RouteLeg, RoutingProvider, TravelMatrix } from "../types.js";
import { DEFAULT_TRAVEL_ESTIMATE, type EstimateSettings } from "./estimateDefaults.js";
import { ferryRoute } from "./ferryCrossings.js";
import { straightLeg } from "./straightLeg.js";

/**
 * Road km and minutes between two places under the estimate settings (0 for the same place);
 * across a ferry, the road stretches to and from the ramps plus the crossing and the wait.
 */
export function estimateLeg(
  a: Place,
  b: Place,
  s: EstimateSettings,
  ferries: readonly FerryCrossing[] = [],
): { km: number; minutes: number } {
  const route = ferries.length > 0 ? ferryRoute(a, b, ferries) : { roads: [[a, b]] as const, ferryMinutes: 0 };
  const km = route.roads.reduce((sum, [p, q]) => sum + haversineKm(p, q), 0) * s.detourFactor;
  if (km === 0 && route.ferryMinutes === 0) return { km: 0, minutes: 0 };
  // the roads to and from a ferry ramp lie outside the towns: they are driven at the rural speed
  const rural = a.zone === "rural" || b.zone === "rural" || route.ferryMinutes > 0;
  const speed = rural ? s.ruralSpeedKmh : s.urbanSpeedKmh;
  return { km, minutes: (km / speed) * 60 + s.accessMinutes + route.ferryMinutes };
}

/**
 * Create the estimate provider. Missing settings take `DEFAULT_TRAVEL_ESTIMATE`.
 * @example const m = await createEstimateProvider().matrix([{ lat: 4.6, lon: -74.08 }, { lat: 4.7, lon: -74.15 }]);
 */
export function createEstimateProvider(
  settings: Partial<EstimateSettings> & { ferries?: readonly FerryCrossing[] } = {},
): RoutingProvider {
  const ferries = settings.ferries ?? [];
  const s: EstimateSettings = { ...DEFAULT_TRAVEL_ESTIMATE };
  for (const key of Object.keys(s) as Array<keyof EstimateSettings>) {
    const value = settings[key];
    if (value !== undefined) s[key] = value;
  }
  return {
    name: "estimate",
    async matrix(places: readonly Place[]): Promise<TravelMatrix> {
      const n = places.length;
      const minutes = sharedMatrix(n);
      const km = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          const leg = estimateLeg(places[i]!, places[j]!, s, ferries);
          minutes[i * n + j] = leg.minutes;
          km[i * n + j] = leg.km;
        }
      }
      return { size: n, minutes, km, unreachable: [] };
    },
    async route(waypoints: readonly Place[]): Promise<RouteLeg[]> {
      const legs: RouteLeg[] = [];
      for (let k = 0; k + 1 < waypoints.length; k++) {
        const a = waypoints[k]!;
        const b = waypoints[k + 1]!;
        const leg = estimateLeg(a, b, s, ferries);
        const straight = straightLeg(a, b, leg.km * 1000, leg.minutes * 60);
        // across a ferry the drawn line goes by the ramps, not over the water
        const roads = ferries.length > 0 ? ferryRoute(a, b, ferries).roads : [];
        if (roads.length > 1)
          straight.coordinates = roads.flatMap((road) => road.map((p) => [p.lon, p.lat] as [number, number]));
        legs.push(straight);
      }
      return legs;
    },
  };
}
