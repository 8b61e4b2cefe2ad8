/**
 * Reads the roads of an OpenStreetMap PBF extract (`.osm.pbf`, the format Geofabrik and BBBike
 * publish) with tiny-osmpbf, a pure-JavaScript decoder. It decodes the whole file in memory,
 * so it suits city extracts (Bogotá's is tens of megabytes), not countries; for those, cut the
 * extract first (osmium extract) or run OSRM.
 */
import { readFile } from "node:fs/promises";
import tinyOsmPbf from "tiny-osmpbf";
import { GeoError } from "../errors.js";
import { OsmRoadCollector } from "./osmRoadCollector.js";
import { DRIVABLE_HIGHWAYS, type RoadWay } from "./roadWay.js";

/**
 * Roads of an OSM PBF document held in memory.
 * @throws GeoError CAREBUS_GEO_INVALID_NETWORK when the bytes are not OSM PBF or hold no roads.
 */
export function readOsmPbf(
  bytes: Uint8Array,
  source = "OSM PBF",
  highways: ReadonlySet<string> = DRIVABLE_HIGHWAYS,
): RoadWay[] {
  const collector = new OsmRoadCollector(highways);
  // tiny-osmpbf reads from the start of the buffer it is given: pass an exact copy
  const buffer = new Uint8Array(bytes).buffer;
  try {
    tinyOsmPbf(buffer, (element) => {
      if (element.type === "node") collector.addNode(element.id, element.lat, element.lon);
      else if (element.type === "way") collector.addWay(element.nodes, element.tags);
    });
  } catch (error) {
    throw new GeoError(
      "CAREBUS_GEO_INVALID_NETWORK",
      `${source}: not a readable OSM PBF file (${(error as Error).message})`,
      { cause: error },
    );
  }
  return collector.roads(source);
}

/**
 * Roads of an OSM PBF file.
 * @throws GeoError CAREBUS_GEO_UNAVAILABLE when the file cannot be read.
 */
export async function readOsmPbfFile(
  path: string,
  highways: ReadonlySet<string> = DRIVABLE_HIGHWAYS,
): Promise<RoadWay[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new GeoError("CAREBUS_GEO_UNAVAILABLE", `${path}: cannot read (${(error as Error).message})`, {
      cause: error,
    });
  }
  return readOsmPbf(bytes, path, highways);
}
