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
