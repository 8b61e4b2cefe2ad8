/**
 * Compass bearings and the turn they make, the raw material of OSRM-shaped maneuvers.
 */
import { bearing as turfBearing } from "@turf/bearing";

/** Initial bearing from `a` to `b` ([lon, lat]), degrees clockwise from north in [0, 360). */
export function initialBearing(a: readonly [number, number], b: readonly [number, number]): number {
  const deg = turfBearing([a[0], a[1]], [b[0], b[1]]);
  return (deg + 360) % 360;
}

/**
 * The OSRM turn modifier for a change of heading from `before` to `after` (degrees).
 * Thresholds follow the usual OSRM guidance bands: straight within ±20°, slight to ±60°,
 * plain turn to ±140°, sharp beyond, uturn at ±180°±10°.
 */
export function turnModifier(before: number, after: number): string {
  const delta = ((after - before + 540) % 360) - 180; // (-180, 180], positive = right
  const a = Math.abs(delta);
  if (a <= 20) return "straight";
  if (a >= 170) return "uturn";
  const side = delta > 0 ? "right" : "left";
  if (a <= 60) return `slight ${side}`;
  if (a <= 140) return side;
  return `sharp ${side}`;
}
