/**
 * Roads → a directed graphology graph: one node per distinct vertex position (so roads that
 * share a vertex are joined, whichever file format they came from), one edge per drivable
 * direction of each segment, weighted by seconds at the road's travel speed. graphology is
 * the readable model; routing runs on its compiled typed-array copy (compileGraph.ts).
 */
import { DirectedGraph } from "graphology";
import { haversineKmRaw } from "../haversineKm.js";
import { GeoError } from "../errors.js";
import { DEFAULT_FERRY_SPEED_KMH, type RoadWay } from "./roadWay.js";
import { DEFAULT_ROAD_SPEED_KMH, roadSpeedKmh } from "./roadSpeeds.js";

/** Node attributes of a road graph. */
export interface RoadNodeAttributes {
  lat: number;
  lon: number;
}
/** Edge attributes of a road graph: one directed segment. */
export interface RoadEdgeAttributes {
  lengthM: number;
  durationS: number;
  name: string;
  highway: string;
  roundabout: boolean;
}
/** The graphology graph type used for roads. */
export type RoadGraph = DirectedGraph<RoadNodeAttributes, RoadEdgeAttributes>;

/** Options of `buildRoadGraph`. */
export interface BuildRoadGraphOptions {
  /** speed of roads without a known class, km/h (default 20) */
  defaultSpeedKmh?: number;
  /** expected wait at the ramp added to every ferry crossing, minutes (default 0) */
  ferryWaitMinutes?: number;
}

/** Node key of a position: 1e-7 degrees (about 1 cm) joins vertices written identically. */
function nodeKey(lon: number, lat: number): string {
  return `${lon.toFixed(7)},${lat.toFixed(7)}`;
}

/**
 * Build the directed road graph. When two segments join the same ordered pair of nodes, the
 * faster is kept.
 * @throws GeoError CAREBUS_GEO_INVALID_NETWORK when no segment of positive length remains.
 */
export function buildRoadGraph(ways: readonly RoadWay[], options: BuildRoadGraphOptions = {}): RoadGraph {
  const fallback = options.defaultSpeedKmh ?? DEFAULT_ROAD_SPEED_KMH;
  const graph: RoadGraph = new DirectedGraph<RoadNodeAttributes, RoadEdgeAttributes>();
  const addEdge = (from: string, to: string, attrs: RoadEdgeAttributes) => {
    const existing = graph.edge(from, to);
    if (existing === undefined) graph.addDirectedEdge(from, to, attrs);
    else if (graph.getEdgeAttribute(existing, "durationS") > attrs.durationS)
      graph.replaceEdgeAttributes(existing, attrs);
  };
  for (const way of ways) {
    if (way.ferry) {
      addFerry(graph, way, options.ferryWaitMinutes ?? 0, addEdge);
      continue;
    }
    const speedMs = (roadSpeedKmh(way.highway, way.maxspeedKmh, fallback) * 1000) / 3600;
    for (let k = 0; k + 1 < way.coordinates.length; k++) {
      const [lon1, lat1] = way.coordinates[k]!;
      const [lon2, lat2] = way.coordinates[k + 1]!;
      const a = nodeKey(lon1, lat1);
      const b = nodeKey(lon2, lat2);
      if (a === b) continue;
      graph.mergeNode(a, { lat: lat1, lon: lon1 });
      graph.mergeNode(b, { lat: lat2, lon: lon2 });
      const lengthM = haversineKmRaw(lat1, lon1, lat2, lon2) * 1000;
      const attrs = {
        lengthM,
        durationS: lengthM / speedMs,
        name: way.name,
        highway: way.highway,
        roundabout: way.roundabout,
      };
      if (way.oneway >= 0) addEdge(a, b, attrs);
      if (way.oneway <= 0) addEdge(b, a, { ...attrs });
    }
  }
  if (graph.size === 0)
    throw new GeoError("CAREBUS_GEO_INVALID_NETWORK", "road network has no segment of positive length");
  return graph;
}

/**
 * A ferry as one edge per direction between its two landings, timed at its sailing minutes
 * (or its length at DEFAULT_FERRY_SPEED_KMH) plus the wait at the ramp.
 */
function addFerry(
  graph: RoadGraph,
  way: RoadWay,
  waitMinutes: number,
  addEdge: (from: string, to: string, attrs: RoadEdgeAttributes) => void,
): void {
  const first = way.coordinates[0]!;
  const last = way.coordinates[way.coordinates.length - 1]!;
  const a = nodeKey(first[0], first[1]);
  const b = nodeKey(last[0], last[1]);
  if (a === b) return;
  let lengthM = 0;
  for (let k = 0; k + 1 < way.coordinates.length; k++) {
    const [lon1, lat1] = way.coordinates[k]!;
    const [lon2, lat2] = way.coordinates[k + 1]!;
    lengthM += haversineKmRaw(lat1, lon1, lat2, lon2) * 1000;
  }
  const sailingMinutes = way.ferry?.minutes ?? (lengthM / 1000 / DEFAULT_FERRY_SPEED_KMH) * 60;
  graph.mergeNode(a, { lat: first[1], lon: first[0] });
  graph.mergeNode(b, { lat: last[1], lon: last[0] });
  const attrs = {
    lengthM,
    durationS: (sailingMinutes + waitMinutes) * 60,
    name: way.name,
    highway: "ferry",
    roundabout: false,
  };
  if (way.oneway >= 0) addEdge(a, b, attrs);
  if (way.oneway <= 0) addEdge(b, a, { ...attrs });
}
