/**
 * A straight leg between two places with a depart/arrive pair of steps: what directions can
 * honestly say when all we know is the straight line (estimate provider).
 */
import type { ManeuverStep, Place, RouteLeg } from "../types.js";
import { initialBearing } from "../directions/bearings.js";

/** The straight leg from `a` to `b`, timed and measured by the caller. */
export function straightLeg(a: Place, b: Place, distanceM: number, durationS: number): RouteLeg {
  const from: [number, number] = [a.lon, a.lat];
  const to: [number, number] = [b.lon, b.lat];
  const heading = Math.round(initialBearing(from, to));
  const depart: ManeuverStep = {
    maneuver: { type: "depart", bearing_before: 0, bearing_after: heading, location: from },
    name: "",
    distance: distanceM,
    duration: durationS,
    mode: "driving",
  };
  const arrive: ManeuverStep = {
    maneuver: { type: "arrive", bearing_before: heading, bearing_after: 0, location: to },
    name: b.name ?? "",
    distance: 0,
    duration: 0,
    mode: "driving",
  };
  return { coordinates: [from, to], distanceM, durationS, steps: [depart, arrive] };
}
