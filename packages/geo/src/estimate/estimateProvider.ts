/**
 * The default travel provider: no data needed. Road kilometres are the straight line times a
 * detour factor; minutes are those kilometres at the urban or rural speed, plus fixed access
 * minutes. Crude, but symmetric, honest about what it is, and instantaneous.
 */
import { haversineKm } from "../haversineKm.js";
import type { Place, RouteLeg, RoutingProvider, TravelMatrix } from "../types.js";
import { DEFAULT_TRAVEL_ESTIMATE, type EstimateSettings } from "./estimateDefaults.js";
import { straightLeg } from "./straightLeg.js";

/** Km and minutes between two places under the estimate settings (0 for the same place). */
export function estimateLeg(a: Place, b: Place, s: EstimateSettings): { km: number; minutes: number } {
  const km = haversineKm(a, b) * s.detourFactor;
  if (km === 0) return { km: 0, minutes: 0 };
  const speed = a.zone === "rural" || b.zone === "rural" ? s.ruralSpeedKmh : s.urbanSpeedKmh;
  return { km, minutes: (km / speed) * 60 + s.accessMinutes };
}

/**
 * Create the estimate provider. Missing settings take `DEFAULT_TRAVEL_ESTIMATE`.
 * @example const m = await createEstimateProvider().matrix([{ lat: 4.6, lon: -74.08 }, { lat: 4.7, lon: -74.15 }]);
 */
export function createEstimateProvider(settings: Partial<EstimateSettings> = {}): RoutingProvider {
  const s: EstimateSettings = { ...DEFAULT_TRAVEL_ESTIMATE };
  for (const key of Object.keys(s) as Array<keyof EstimateSettings>) {
    const value = settings[key];
    if (value !== undefined) s[key] = value;
  }
  return {
    name: "estimate",
    async matrix(places: readonly Place[]): Promise<TravelMatrix> {
      const n = places.length;
      const minutes = new Float64Array(n * n);
      const km = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          if (i === j) continue;
          const leg = estimateLeg(places[i]!, places[j]!, s);
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
        const leg = estimateLeg(a, b, s);
        legs.push(straightLeg(a, b, leg.km * 1000, leg.minutes * 60));
      }
      return legs;
    },
  };
}
