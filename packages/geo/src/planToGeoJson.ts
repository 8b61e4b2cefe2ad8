/**
 * A plan as one GeoJSON FeatureCollection for maps: every stop (visited or not, with the
 * caregivers it covers and its visits), every depot, and one LineString per bus-day. Route
 * lines follow the roads when `addDirections` has put a geometry on the route, else they
 * join depot, stops and depot with straight segments.
 */
import type { Plan, Scenario } from "@carebus/model";
import { computeCoverage } from "./catchment/computeCoverage.js";
import { coverageByStop } from "./catchment/coverageByStop.js";

/** GeoJSON types as emitted (kept local: no @types/geojson dependency). */
export interface GeoJsonFeature {
  type: "Feature";
  geometry:
    | { type: "Point"; coordinates: [number, number] }
    | { type: "LineString"; coordinates: Array<[number, number]> };
  properties: Record<string, unknown>;
}
export interface GeoJsonFeatureCollection {
  type: "FeatureCollection";
  features: GeoJsonFeature[];
}

/**
 * Stops (`kind: "stop"`, with visited, visits [{busId, date, serviceStart}], caregivers,
 * byLocality), depots (`kind: "depot"`) and routes (`kind: "route"`, busId, date, depotId,
 * stops, km, travelMinutes).
 * @example process.stdout.write(JSON.stringify(planToGeoJson(plan, scenario)));
 */
export function planToGeoJson(plan: Plan, scenario: Scenario): GeoJsonFeatureCollection {
  const perStop = coverageByStop(scenario, computeCoverage(scenario));
  const visits = new Map<string, Array<{ busId: string; date: string; serviceStart: string }>>();
  for (const route of plan.routes) {
    for (const v of route.visits) {
      const list = visits.get(v.stopId) ?? [];
      list.push({ busId: route.busId, date: route.date, serviceStart: v.serviceStart });
      visits.set(v.stopId, list);
    }
  }
  const features: GeoJsonFeature[] = [];
  scenario.stops.forEach((stop, i) => {
    const stopVisits = visits.get(stop.id) ?? [];
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [stop.lon, stop.lat] },
      properties: {
        kind: "stop",
        stopId: stop.id,
        name: stop.name,
        locality: stop.locality,
        zone: stop.zone,
        visited: stopVisits.length > 0,
        visits: stopVisits,
        caregivers: perStop[i]!.caregivers,
        byLocality: perStop[i]!.byLocality,
      },
    });
  });
  for (const depot of scenario.depots) {
    features.push({
      type: "Feature",
      geometry: { type: "Point", coordinates: [depot.lon, depot.lat] },
      properties: { kind: "depot", depotId: depot.id, name: depot.name },
    });
  }
  for (const route of plan.routes) {
    const coordinates = routeCoordinates(route, scenario);
    if (coordinates.length < 2) continue;
    features.push({
      type: "Feature",
      geometry: { type: "LineString", coordinates },
      properties: {
        kind: "route",
        busId: route.busId,
        date: route.date,
        depotId: route.depotId,
        stops: route.visits.map((v) => v.stopId),
        km: route.km,
        travelMinutes: route.travelMinutes,
      },
    });
  }
  return { type: "FeatureCollection", features };
}

/**
 * The [lon, lat] line a bus-day drives: along the roads when `addDirections` put a geometry on
 * the route, else straight from the depot through its stops and back.
 */
export function routeCoordinates(route: Plan["routes"][number], scenario: Scenario): Array<[number, number]> {
  const stopById = new Map(scenario.stops.map((s) => [s.id, s]));
  const depotById = new Map(scenario.depots.map((d) => [d.id, d]));
  return routeLine(route.geometry) ?? straightLine(route, depotById, stopById);
}

/** The legs of an `addDirections` geometry joined into one line, or undefined if absent. */
function routeLine(geometry: unknown): Array<[number, number]> | undefined {
  const legs = (geometry as { features?: Array<{ geometry?: { coordinates?: Array<[number, number]> } }> } | undefined)
    ?.features;
  if (!Array.isArray(legs) || legs.length === 0) return undefined;
  const line: Array<[number, number]> = [];
  for (const leg of legs) {
    for (const c of leg.geometry?.coordinates ?? []) {
      const last = line[line.length - 1];
      if (!last || last[0] !== c[0] || last[1] !== c[1]) line.push([c[0], c[1]]);
    }
  }
  return line;
}

function straightLine(
  route: Plan["routes"][number],
  depots: Map<string, { lat: number; lon: number }>,
  stops: Map<string, { lat: number; lon: number }>,
): Array<[number, number]> {
  const depot = depots.get(route.depotId);
  const places = [depot, ...route.visits.map((v) => stops.get(v.stopId)), depot];
  return places.filter((p): p is { lat: number; lon: number } => p !== undefined).map((p) => [p.lon, p.lat]);
}
