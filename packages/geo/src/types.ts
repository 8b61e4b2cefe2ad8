/**
 * The two things geography hands to the solver, as plain typed arrays: a travel matrix
 * between places and, per stop, the demand points it covers. Providers (estimate, road graph,
 * OSRM) all produce the same `TravelMatrix`.
 */

/** A place in WGS84 degrees. */
export interface LatLon {
  lat: number;
  lon: number;
}

/**
 * Travel between `size` places, row-major: entry `i * size + j` is from i to j.
 * Unreachable pairs hold `Infinity` in both arrays and are listed in `unreachable`.
 */
export interface TravelMatrix {
  size: number;
  minutes: Float64Array;
  km: Float64Array;
  unreachable: ReadonlyArray<readonly [from: number, to: number]>;
}

/** Anything that can time journeys between places. */
export interface TravelTimeProvider {
  readonly name: string;
  matrix(places: readonly LatLon[]): Promise<TravelMatrix>;
}

/**
 * Which demand points each stop covers. `stopPoints[s]` lists demand point indices (sorted);
 * `pointValue[p]` is caregivers × priority weight × (1 − Care Block discount where it applies):
 * the value of the point's first visit before the scenario's repeat values are applied.
 */
export interface Coverage {
  stopPoints: readonly Int32Array[];
  pointValue: Float64Array;
}

/**
 * A place to travel between: a `LatLon`, optionally with the zone it lies in (a leg is timed
 * at the rural speed when either end is rural) and a name used in directions.
 */
export interface Place extends LatLon {
  zone?: "urban" | "rural";
  name?: string;
}

/**
 * One step of a route leg in the shape of OSRM's `RouteStep` (the `v5` format that
 * osrm-text-instructions reads): road providers build these from bearings and road names.
 */
export interface ManeuverStep {
  maneuver: {
    type: string;
    modifier?: string;
    bearing_before: number;
    bearing_after: number;
    location: [lon: number, lat: number];
    exit?: number;
  };
  name: string;
  ref?: string;
  /** metres */
  distance: number;
  /** seconds */
  duration: number;
  mode: string;
}

/** The road between two consecutive waypoints: its line, length, time and steps. */
export interface RouteLeg {
  /** [lon, lat] pairs, GeoJSON order */
  coordinates: Array<[number, number]>;
  distanceM: number;
  durationS: number;
  steps: ManeuverStep[];
}

/** A provider that can also draw routes (all three built-in providers can). */
export interface RoutingProvider extends TravelTimeProvider {
  /** Legs between consecutive waypoints: `waypoints.length - 1` of them. */
  route(waypoints: readonly Place[]): Promise<RouteLeg[]>;
}
