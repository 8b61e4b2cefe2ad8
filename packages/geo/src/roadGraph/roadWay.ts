/**
 * The common shape every road-network reader produces (GeoJSON, OSM XML, OSM PBF): a way is a
 * polyline with the few tags routing needs. Parsing stays separate from graph building so
 * each reader is small and testable on its own.
 */

/** One road as read from a file. */
export interface RoadWay {
  /** [lon, lat] vertices, at least two */
  coordinates: Array<[number, number]>;
  name: string;
  /** OSM highway class, "" when unknown */
  highway: string;
  /** legal speed limit in km/h when tagged */
  maxspeedKmh?: number;
  /** 1: only along the vertex order; -1: only against it; 0: both ways */
  oneway: 1 | -1 | 0;
  roundabout: boolean;
  /**
   * Set on a ferry crossing (OSM `route=ferry`): its sailing minutes from the `duration` tag, or
   * undefined when untagged (then timed at DEFAULT_FERRY_SPEED_KMH). A ferry joins its two ends
   * only: nothing snaps to the water in between.
   */
  ferry?: { minutes?: number };
}

/** Speed of a ferry crossing without a `duration` tag, km/h: an assumption (Chacao: ~4.5 km in 30–40 min with docking, los-lagos-facts.md §A3). */
export const DEFAULT_FERRY_SPEED_KMH = 8;

/**
 * True when a way is a ferry a bus may board: OSM `route=ferry` not closed to motor vehicles,
 * cars or buses (`motor_vehicle`, `motorcar` or `bus` = no); foot-only ferries are tagged so.
 */
export function isVehicleFerry(tags: Readonly<Record<string, unknown>>): boolean {
  if (tags.route !== "ferry") return false;
  return !["motor_vehicle", "motorcar", "bus"].some((key) => tags[key] === "no");
}

/** OSM `duration` ("00:35", "1:05:00", "35" minutes) → minutes, or undefined. */
export function parseDurationMinutes(value: unknown): number | undefined {
  if (typeof value === "number") return value > 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const m = /^\s*(\d+)(?::(\d{1,2}))?(?::(\d{1,2}))?\s*$/.exec(value);
  if (!m) return undefined;
  if (m[2] === undefined) return Number(m[1]) || undefined;
  const minutes = Number(m[1]) * 60 + Number(m[2]) + (m[3] === undefined ? 0 : Number(m[3]) / 60);
  return minutes > 0 ? minutes : undefined;
}

/** OSM highway classes a bus may drive on. Others (footway, path, cycleway, steps…) are dropped. */
export const DRIVABLE_HIGHWAYS: ReadonlySet<string> = new Set([
  "motorway",
  "motorway_link",
  "trunk",
  "trunk_link",
  "primary",
  "primary_link",
  "secondary",
  "secondary_link",
  "tertiary",
  "tertiary_link",
  "unclassified",
  "residential",
  "living_street",
  "service",
  "road",
  "track",
]);

/**
 * OSM highway classes a person may walk along (for walking coverage over a path network):
 * streets (most have sidewalks) and paths, but not motorways.
 */
export const WALKABLE_HIGHWAYS: ReadonlySet<string> = new Set([
  "trunk",
  "trunk_link",
  "primary",
  "primary_link",
  "secondary",
  "secondary_link",
  "tertiary",
  "tertiary_link",
  "unclassified",
  "residential",
  "living_street",
  "service",
  "road",
  "track",
  "pedestrian",
  "footway",
  "path",
  "steps",
  "cycleway",
]);

/** Parse an OSM `maxspeed` value ("50", "30 mph", "CO:urban") to km/h, or undefined. */
export function parseMaxspeed(value: unknown): number | undefined {
  if (typeof value === "number") return value > 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(mph|km\/h|kmh)?\s*$/i.exec(value);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!(n > 0)) return undefined;
  return m[2]?.toLowerCase() === "mph" ? n * 1.609344 : n;
}

/** Parse OSM `oneway` (and `junction=roundabout`, which implies it) to a direction. */
export function parseOneway(value: unknown, roundabout: boolean): 1 | -1 | 0 {
  if (value === true || value === 1 || value === "yes" || value === "true" || value === "1") return 1;
  if (value === -1 || value === "-1" || value === "reverse") return -1;
  if (value === false || value === 0 || value === "no" || value === "false" || value === "0") return 0;
  return roundabout ? 1 : 0;
}
