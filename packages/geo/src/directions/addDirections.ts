/**
 * Adds to every bus-day of a plan what a driver needs: the route as GeoJSON LineString legs
 * (depot → stops → depot) and the spoken-style instructions of each leg, from the scenario's
 * own travel provider. It never changes times or order: the plan stays what the solver made.
 */
import type { Plan, PlanRoute, Scenario } from "@carebus/model";
import { createTravelProvider } from "../createTravelProvider.js";
import { GeoError } from "../errors.js";
import type { Place, RouteLeg, RoutingProvider } from "../types.js";
import { instructionText, type DirectionsLanguage } from "./instructionText.js";

/** Options of `addDirections`. */
export interface AddDirectionsOptions {
  lang: DirectionsLanguage;
  /** folder that relative network files in `scenario.travel` are resolved against */
  baseDir?: string;
  /** use this provider instead of the scenario's (tests, or a provider already loaded) */
  provider?: RoutingProvider;
}

/**
 * A copy of `plan` whose routes carry `geometry` (a FeatureCollection with one LineString per
 * leg, properties from/to/distanceM/durationS) and `directions` (per leg, ordered steps with
 * text, metres and seconds).
 * @throws GeoError CAREBUS_GEO_UNAVAILABLE when the provider cannot route; CAREBUS_GEO_UNREACHABLE_STOP
 *   when a route names a stop or depot the scenario lacks.
 */
export async function addDirections(plan: Plan, scenario: Scenario, options: AddDirectionsOptions): Promise<Plan> {
  const provider =
    options.provider ?? createTravelProvider(scenario.travel, options.baseDir ? { baseDir: options.baseDir } : {});
  const stops = new Map(scenario.stops.map((s) => [s.id, s]));
  const depots = new Map(scenario.depots.map((d) => [d.id, d]));
  const routes: PlanRoute[] = [];
  for (const route of plan.routes) {
    const depot = depots.get(route.depotId);
    if (!depot)
      throw new GeoError(
        "CAREBUS_GEO_UNREACHABLE_STOP",
        `route of bus ${route.busId} on ${route.date}: depot ${JSON.stringify(route.depotId)} is not in the scenario`,
      );
    const depotPlace: Place & { id: string } = { id: depot.id, lat: depot.lat, lon: depot.lon, name: depot.name };
    const waypoints: Array<Place & { id: string }> = [depotPlace];
    for (const visit of route.visits) {
      const stop = stops.get(visit.stopId);
      if (!stop)
        throw new GeoError(
          "CAREBUS_GEO_UNREACHABLE_STOP",
          `route of bus ${route.busId} on ${route.date}: stop ${JSON.stringify(visit.stopId)} is not in the scenario`,
        );
      waypoints.push({ id: stop.id, lat: stop.lat, lon: stop.lon, zone: stop.zone, name: stop.name });
    }
    waypoints.push(depotPlace);
    const legs = route.visits.length > 0 ? await provider.route(waypoints) : [];
    routes.push({
      ...route,
      geometry: legsToGeometry(legs, waypoints),
      directions: legsToDirections(legs, waypoints, options.lang),
    });
  }
  return { ...plan, routes };
}

function legsToGeometry(legs: readonly RouteLeg[], waypoints: ReadonlyArray<{ id: string }>) {
  return {
    type: "FeatureCollection" as const,
    features: legs.map((leg, k) => ({
      type: "Feature" as const,
      properties: {
        from: waypoints[k]!.id,
        to: waypoints[k + 1]!.id,
        distanceM: round1(leg.distanceM),
        durationS: round1(leg.durationS),
      },
      geometry: { type: "LineString" as const, coordinates: leg.coordinates },
    })),
  };
}

function legsToDirections(
  legs: readonly RouteLeg[],
  waypoints: ReadonlyArray<Place & { id: string }>,
  lang: DirectionsLanguage,
) {
  return legs.map((leg, k) => {
    const to = waypoints[k + 1]!;
    return {
      from: waypoints[k]!.id,
      to: to.id,
      steps: leg.steps.map((step) => ({
        text: instructionText(lang, step, k, legs.length, to.name),
        distanceM: round1(step.distance),
        durationS: round1(step.duration),
      })),
    };
  });
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
