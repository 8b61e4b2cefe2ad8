/**
 * Islands in the estimate provider. A straight line happily crosses a sea channel; a bus
 * cannot. Each ferry names the area it alone serves (an island such as Chiloé) and its two
 * ramps; a journey between a place inside the area and one outside goes by the ramps and pays
 * the crossing and the expected wait. Areas are taken as disjoint, each reached from outside.
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import type { FerryCrossing } from "@carebus/model";
import type { LatLon } from "../types.js";

/** A journey's waypoints by road, and the ferry minutes paid between them. */
export interface FerryRoute {
  /** road stretches: [from, to] pairs, in order */
  roads: Array<[LatLon, LatLon]>;
  /** crossing + wait minutes of every ferry taken */
  ferryMinutes: number;
  /** the ferries taken, in order */
  ferries: FerryCrossing[];
}

/** The index of the ferry whose area holds `place`, or -1 (the mainland). */
export function areaOf(place: LatLon, ferries: readonly FerryCrossing[]): number {
  return ferries.findIndex((f) =>
    booleanPointInPolygon([place.lon, place.lat], { type: "Polygon", coordinates: [f.area] }),
  );
}

/**
 * How to get from `a` to `b`: straight when both are on the same side, otherwise through the
 * ramps of the ferry leaving a's area and of the ferry entering b's.
 */
export function ferryRoute(a: LatLon, b: LatLon, ferries: readonly FerryCrossing[]): FerryRoute {
  const from = areaOf(a, ferries);
  const to = areaOf(b, ferries);
  if (from === to) return { roads: [[a, b]], ferryMinutes: 0, ferries: [] };
  const roads: Array<[LatLon, LatLon]> = [];
  const taken: FerryCrossing[] = [];
  let at = a;
  if (from >= 0) {
    const f = ferries[from]!;
    roads.push([at, f.islandRamp]);
    taken.push(f);
    at = f.mainlandRamp;
  }
  if (to >= 0) {
    const f = ferries[to]!;
    roads.push([at, f.mainlandRamp]);
    taken.push(f);
    at = f.islandRamp;
  }
  roads.push([at, b]);
  return {
    roads,
    ferryMinutes: taken.reduce((sum, f) => sum + f.crossingMinutes + (f.waitMinutes ?? 0), 0),
    ferries: taken,
  };
}
