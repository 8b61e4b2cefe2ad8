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
