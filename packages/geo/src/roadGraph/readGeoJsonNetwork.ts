/**
 * Reads a road network given as GeoJSON: LineString and MultiLineString features whose
 * properties may carry `name`, `highway`, `maxspeed`, `oneway` and `junction` with their
 * OpenStreetMap meanings; `route: "ferry"` with an optional `duration` makes a ferry crossing. Features of other geometry types are ignored; features whose
 * `highway` is not in the wanted set (by default the drivable classes) are dropped.
 */
import { GeoError } from "../errors.js";
import {
  DRIVABLE_HIGHWAYS,
  isVehicleFerry,
  parseDurationMinutes,
  parseMaxspeed,
  parseOneway,
  type RoadWay,
} from "./roadWay.js";

/**
 * Roads of a GeoJSON FeatureCollection (text or parsed value). `source` names the file in
 * errors; `highways` are the classes kept (features without a class are always kept).
 * @throws GeoError CAREBUS_GEO_INVALID_NETWORK on bad JSON, a wrong shape or bad coordinates.
 */
export function readGeoJsonNetwork(
  input: string | unknown,
  source = "GeoJSON network",
  highways: ReadonlySet<string> = DRIVABLE_HIGHWAYS,
): RoadWay[] {
  let doc: unknown = input;
  if (typeof input === "string") {
    try {
      doc = JSON.parse(input);
    } catch (error) {
      throw new GeoError("CAREBUS_GEO_INVALID_NETWORK", `${source}: not valid JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
  }
  const features = (doc as { type?: unknown; features?: unknown })?.features;
  if ((doc as { type?: unknown })?.type !== "FeatureCollection" || !Array.isArray(features)) {
    throw new GeoError(
      "CAREBUS_GEO_INVALID_NETWORK",
      `${source}: expected a GeoJSON FeatureCollection with a "features" array`,
    );
  }
  const ways: RoadWay[] = [];
  features.forEach((feature: unknown, i: number) => {
    const f = feature as {
      geometry?: { type?: unknown; coordinates?: unknown };
      properties?: Record<string, unknown> | null;
    };
    const type = f?.geometry?.type;
    if (type !== "LineString" && type !== "MultiLineString") return;
    const props = f.properties ?? {};
    if (props.route === "ferry" && !isVehicleFerry(props)) return; // a foot ferry carries no bus
    const ferry = isVehicleFerry(props);
    const highway = ferry ? "ferry" : typeof props.highway === "string" ? props.highway : "";
    if (!ferry && highway !== "" && !highways.has(highway)) return;
    const minutes = parseDurationMinutes(props.duration);
    const lines = (type === "LineString" ? [f.geometry!.coordinates] : f.geometry!.coordinates) as unknown;
    if (!Array.isArray(lines)) throw bad(source, i, "coordinates must be an array");
    const roundabout = props.junction === "roundabout" || props.junction === "circular";
    for (const line of lines) {
      ways.push({
        coordinates: readLine(line, source, i),
        name: typeof props.name === "string" ? props.name : "",
        highway,
        ...optionalSpeed(parseMaxspeed(props.maxspeed)),
        oneway: parseOneway(props.oneway, roundabout),
        roundabout,
        ...(ferry ? { ferry: minutes === undefined ? {} : { minutes } } : {}),
      });
    }
  });
  if (ways.length === 0)
    throw new GeoError("CAREBUS_GEO_INVALID_NETWORK", `${source}: no LineString features of a wanted highway class`);
  return ways;
}

function optionalSpeed(kmh: number | undefined): { maxspeedKmh?: number } {
  return kmh === undefined ? {} : { maxspeedKmh: kmh };
}

function readLine(line: unknown, source: string, i: number): Array<[number, number]> {
  if (!Array.isArray(line) || line.length < 2) throw bad(source, i, "a LineString needs at least two positions");
  return line.map((pos: unknown, k: number) => {
    const [lon, lat] = Array.isArray(pos) ? (pos as unknown[]) : [];
    if (typeof lon !== "number" || typeof lat !== "number" || !(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
      throw bad(source, i, `position ${k} must be [lon, lat] in degrees`);
    }
    return [lon, lat];
  });
}

function bad(source: string, i: number, what: string): GeoError {
  return new GeoError("CAREBUS_GEO_INVALID_NETWORK", `${source}: features[${i}].geometry: ${what}`);
}
