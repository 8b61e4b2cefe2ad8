/**
 * The road-graph travel provider: a road network file (GeoJSON, OSM XML, OSM PBF) becomes a
 * graphology graph, compiled once to typed arrays; places snap to nearby nodes; a matrix is one
 * bucket-queue shortest-path search per distinct source node (travelRows.ts), spread over
 * worker threads when large. Pairs with no path get Infinity and are listed. Journeys add the
 * straight stretch between each place and its node, driven at the default speed. A place
 * further than `maxSnapKm` from every road (outside the extract, most likely) is unreachable
 * rather than joined by a long invented straight line.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type KDBush from "kdbush";
import { GeoError } from "../errors.js";
import { sharedMatrix } from "../sharedCopy.js";
import type { Place, RouteLeg, RoutingProvider, TravelMatrix } from "../types.js";
import { buildManeuvers } from "../directions/buildManeuvers.js";
import { buildRoadGraph, type BuildRoadGraphOptions } from "./buildRoadGraph.js";
import { compileGraph, type CompiledGraph } from "./compileGraph.js";
import { createDijkstraWorkspace, dijkstra, pathEdges } from "./dijkstra.js";
import { largestComponent } from "./largestComponent.js";
import { travelRows } from "./parallelTravelRows.js";
import { readGeoJsonNetwork } from "./readGeoJsonNetwork.js";
import { readOsmXmlFile } from "./readOsmXml.js";
import { readOsmPbfFile } from "./readOsmPbf.js";
import { DEFAULT_ROAD_SPEED_KMH } from "./roadSpeeds.js";
import { DRIVABLE_HIGHWAYS, type RoadWay } from "./roadWay.js";
import { indexNodes, snapPlaces, type Snap } from "./snapPlaces.js";

/**
 * Read a road network file, choosing the reader by extension: `.geojson`/`.json`, `.osm`,
 * `.osm.pbf`/`.pbf`. `highways` are the classes kept (default: drivable ones).
 * @throws GeoError CAREBUS_GEO_UNAVAILABLE (cannot read), CAREBUS_GEO_INVALID_NETWORK (bad content
 *   or unknown extension).
 */
export async function readRoadNetworkFile(
  path: string,
  highways: ReadonlySet<string> = DRIVABLE_HIGHWAYS,
): Promise<RoadWay[]> {
  const lower = path.toLowerCase();
  if (lower.endsWith(".osm")) return readOsmXmlFile(path, highways);
  if (lower.endsWith(".pbf")) return readOsmPbfFile(path, highways);
  if (lower.endsWith(".geojson") || lower.endsWith(".json")) {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      throw new GeoError("CAREBUS_GEO_UNAVAILABLE", `${path}: cannot read road network (${(error as Error).message})`, {
        cause: error,
      });
    }
    return readGeoJsonNetwork(text, path, highways);
  }
  throw new GeoError(
    "CAREBUS_GEO_INVALID_NETWORK",
    `${path}: unknown road network format (use .geojson, .json, .osm or .osm.pbf)`,
  );
}

/** Options of a `RoadNetwork`. */
export interface RoadNetworkOptions extends BuildRoadGraphOptions {
  /** places further than this from the nearest road node are unreachable (default 2 km) */
  maxSnapKm?: number;
}

/** Default of `RoadNetworkOptions.maxSnapKm`. */
export const DEFAULT_MAX_SNAP_KM = 2;

/** A loaded, compiled road network that answers matrices and routes. */
export class RoadNetwork implements RoutingProvider {
  readonly name = "road-graph";
  readonly graph: CompiledGraph;
  private readonly index: KDBush;
  private readonly main: Uint8Array;
  private readonly connectorMs: number;
  private readonly maxSnapKm: number;

  constructor(ways: readonly RoadWay[], options: RoadNetworkOptions = {}) {
    this.graph = compileGraph(buildRoadGraph(ways, options));
    this.index = indexNodes(this.graph);
    this.main = largestComponent(this.graph);
    this.connectorMs = ((options.defaultSpeedKmh ?? DEFAULT_ROAD_SPEED_KMH) * 1000) / 3600;
    this.maxSnapKm = options.maxSnapKm ?? DEFAULT_MAX_SNAP_KM;
  }

  /** The node each place snaps to and how far away it is. */
  snap(places: readonly Place[]): Snap[] {
    return snapPlaces(this.graph, this.index, this.main, places);
  }

  async matrix(places: readonly Place[]): Promise<TravelMatrix> {
    const n = places.length;
    const snaps = this.snap(places);
    const minutes = sharedMatrix(n);
    const km = new Float64Array(n * n);
    const unreachable: Array<readonly [number, number]> = [];
    const targets = Int32Array.from(snaps, (s) => s.node);
    // places snapped to the same node share one shortest-path run
    const rowOf = new Map<number, number>();
    for (const s of snaps) if (!rowOf.has(s.node)) rowOf.set(s.node, rowOf.size);
    const rows = await travelRows(this.graph, Int32Array.from(rowOf.keys()), targets);
    for (let i = 0; i < n; i++) {
      const si = snaps[i]!;
      const base = rowOf.get(si.node)! * n;
      for (let j = 0; j < n; j++) {
        if (i === j) continue;
        const cell = i * n + j;
        const sj = snaps[j]!;
        const offRoad = si.km > this.maxSnapKm || sj.km > this.maxSnapKm;
        this.fill(
          minutes,
          km,
          cell,
          si,
          sj,
          offRoad ? Infinity : rows.seconds[base + j]! / 60,
          rows.metres[base + j]! / 1000,
        );
        if (minutes[cell] === Infinity) unreachable.push([i, j]);
      }
    }
    return { size: n, minutes, km, unreachable };
  }

  async route(waypoints: readonly Place[]): Promise<RouteLeg[]> {
    const snaps = this.snap(waypoints);
    const ws = createDijkstraWorkspace(this.graph);
    const g = this.graph;
    const legs: RouteLeg[] = [];
    for (let k = 0; k + 1 < waypoints.length; k++) {
      const a = waypoints[k]!;
      const b = waypoints[k + 1]!;
      const sa = snaps[k]!;
      const sb = snaps[k + 1]!;
      for (const [place, snap] of [
        [a, sa],
        [b, sb],
      ] as const) {
        if (snap.km > this.maxSnapKm) {
          throw new GeoError(
            "CAREBUS_GEO_UNREACHABLE_STOP",
            `${place.name ?? `${place.lat},${place.lon}`} is ${snap.km.toFixed(1)} km from the nearest road of the network (limit ${this.maxSnapKm} km)`,
          );
        }
      }
      dijkstra(g, sa.node, ws, [sb.node]);
      if (ws.seconds[sb.node] === Infinity) {
        throw new GeoError(
          "CAREBUS_GEO_UNREACHABLE_STOP",
          `no road from ${a.name ?? `${a.lat},${a.lon}`} to ${b.name ?? `${b.lat},${b.lon}`} in the road network`,
        );
      }
      const edges = pathEdges(g, ws, sb.node);
      const start = { metres: sa.km * 1000, seconds: (sa.km * 1000) / this.connectorMs };
      const end = { metres: sb.km * 1000, seconds: (sb.km * 1000) / this.connectorMs };
      const coordinates: Array<[number, number]> = [
        [a.lon, a.lat],
        [g.lon[sa.node]!, g.lat[sa.node]!],
      ];
      for (const e of edges) coordinates.push([g.lon[g.target[e]!]!, g.lat[g.target[e]!]!]);
      coordinates.push([b.lon, b.lat]);
      legs.push({
        coordinates: dedupe(coordinates),
        distanceM: start.metres + ws.metres[sb.node]! + end.metres,
        durationS: start.seconds + ws.seconds[sb.node]! + end.seconds,
        steps: buildManeuvers(g, edges, a, b, start, end),
      });
    }
    return legs;
  }

  private connectorMinutes(s: Snap): number {
    return (s.km * 1000) / this.connectorMs / 60;
  }

  private fill(
    minutes: Float64Array,
    km: Float64Array,
    cell: number,
    si: Snap,
    sj: Snap,
    roadMinutes: number,
    roadKm: number,
  ): void {
    if (roadMinutes === Infinity) {
      minutes[cell] = Infinity;
      km[cell] = Infinity;
      return;
    }
    minutes[cell] = this.connectorMinutes(si) + roadMinutes + this.connectorMinutes(sj);
    km[cell] = si.km + roadKm + sj.km;
  }
}

function dedupe(coords: Array<[number, number]>): Array<[number, number]> {
  return coords.filter((c, i) => i === 0 || c[0] !== coords[i - 1]![0] || c[1] !== coords[i - 1]![1]);
}

/** Settings of the road-graph provider (the `road-graph` form of the scenario's `travel`). */
export interface RoadGraphSettings {
  file: string;
  defaultSpeedKmh?: number;
  /** expected wait at the ramp of every ferry crossing, minutes */
  ferryWaitMinutes?: number;
}

/**
 * A provider over the network in `settings.file` (relative to `baseDir`), loaded on first use
 * and kept.
 * @throws GeoError from its calls when the file is missing or malformed.
 */
export function createRoadGraphProvider(settings: RoadGraphSettings, baseDir = process.cwd()): RoutingProvider {
  let network: Promise<RoadNetwork> | undefined;
  const load = () =>
    (network ??= readRoadNetworkFile(resolve(baseDir, settings.file)).then(
      (ways) =>
        new RoadNetwork(ways, {
          ...(settings.defaultSpeedKmh === undefined ? {} : { defaultSpeedKmh: settings.defaultSpeedKmh }),
          ...(settings.ferryWaitMinutes === undefined ? {} : { ferryWaitMinutes: settings.ferryWaitMinutes }),
        }),
    ));
  return {
    name: "road-graph",
    matrix: async (places) => (await load()).matrix(places),
    route: async (waypoints) => (await load()).route(waypoints),
  };
}
