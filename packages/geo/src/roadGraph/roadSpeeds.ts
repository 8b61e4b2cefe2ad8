/**
 * Driving speeds on a road network when only the road class (and maybe the legal limit) is
 * known. A legal limit is not a travel speed: Bogotá's general limit is 50 km/h while the
 * Secretaría Distrital de Movilidad measured about 23 km/h average on its main corridors
 * (2023), so each class gets a typical traffic speed and a tagged `maxspeed` can only lower it.
 */

/**
 * Typical bus speeds in city traffic by OSM highway class, km/h. Assumptions, scaled around
 * the SDM corridor average (23.2 km/h, 2023; see estimateDefaults.ts): faster on motorways and
 * trunk roads, slower on residential and service streets. `*_link` roads use their parent's.
 */
export const DEFAULT_ROAD_SPEEDS_KMH: Readonly<Record<string, number>> = Object.freeze({
  motorway: 50,
  trunk: 40,
  primary: 30,
  secondary: 25,
  tertiary: 22,
  unclassified: 20,
  road: 20,
  residential: 18,
  track: 15,
  living_street: 10,
  service: 10,
});

/** Speed when a road has no known class, km/h (the road-graph `defaultSpeedKmh` default). */
export const DEFAULT_ROAD_SPEED_KMH = 20;

/** Travel speed for a road: its class speed (or `fallbackKmh`), capped by its legal limit. */
export function roadSpeedKmh(highway: string, maxspeedKmh: number | undefined, fallbackKmh: number): number {
  const cls = DEFAULT_ROAD_SPEEDS_KMH[highway.replace(/_link$/, "")] ?? fallbackKmh;
  return maxspeedKmh === undefined ? cls : Math.min(cls, maxspeedKmh);
}
